"""`psti catalogue check` and `psti registry verify`: the service's checks, run offline on a
copy of the registry's database, give the same answers as the service."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from psti.registry.statements import build_statement, sign_statement
from tests.service.conftest import World
from tests.test_cli import no_traceback, psti


def _copy_database(w: World, tmp_path: Path) -> str:
    """A copy of the registry's SQLite database, as a distributor would be given one."""
    w.app.state.psti.engine.dispose()  # flush the WAL into the file before copying
    src = Path(str(w.app.state.psti.engine.url.database))
    dst = tmp_path / "copy.sqlite3"
    shutil.copyfile(src, dst)
    return f"sqlite:///{dst}"


def test_catalogue_check_offline_gives_the_services_answers(world: World, tmp_path: Path) -> None:
    w = world
    good = w.statement("acme", w.product("acme", "CLI-1")["id"])
    withdrawn = w.statement("acme", w.product("acme", "CLI-2")["id"])
    w.post("acme", f"/api/v1/statements/{withdrawn['id']}/withdraw", json={"reason": "recalled"})
    csv = (
        "manufacturer,model,statement\n"
        f"Acme Devices Ltd,CLI-1,{good['id']}\n"
        f"Globex Corp,CLI-1,{good['id']}\n"
        f"Acme Devices Ltd,CLI-2,{withdrawn['id']}\n"
        "Acme Devices Ltd,NOPE-1,\n"
    ).encode()
    cat = w.post("shop", "/api/v1/catalogues", files={"file": ("c.csv", csv)}).json()
    w.wait_job("shop", cat["job"]["id"])
    service = [(r["row"], r["result"]) for r in w.get("shop", f"/api/v1/catalogues/{cat['id']}/rows").json()]
    database = _copy_database(w, tmp_path)
    (tmp_path / "c.csv").write_bytes(csv)
    r = psti("catalogue", "check", str(tmp_path / "c.csv"), "--database", database, "--json")
    no_traceback(r)
    assert r.returncode == 1, r.stderr  # rows that are not ok
    offline = [(row["row"], row["result"]) for row in json.loads(r.stdout)["rows"]]
    assert offline == service == [(2, "ok"), (3, "mismatch"), (4, "withdrawn"), (5, "no-statement")]
    (tmp_path / "ok.csv").write_text(f"manufacturer,model,statement\nAcme Devices Ltd,CLI-1,{good['id']}\n")
    r = psti("catalogue", "check", str(tmp_path / "ok.csv"), "--database", database)
    assert r.returncode == 0 and "1 of 1 rows ok" in r.stderr, r.stderr


def test_catalogue_check_bad_input_names_the_row(world: World, tmp_path: Path) -> None:
    (tmp_path / "bad.csv").write_text("manufacturer,model\nAcme Devices Ltd,\n")
    database = _copy_database(world, tmp_path)
    r = psti("catalogue", "check", str(tmp_path / "bad.csv"), "--database", database)
    no_traceback(r)
    assert r.returncode == 2 and "bad.csv:2" in r.stderr and "model is empty" in r.stderr, r.stderr
    (tmp_path / "good.csv").write_text("manufacturer,model\nAcme Devices Ltd,CAM-1\n")
    r = psti("catalogue", "check", str(tmp_path / "good.csv"), "--database", f"sqlite:///{tmp_path / 'none.db'}")
    assert r.returncode == 2 and "no such file" in r.stderr and not (tmp_path / "none.db").exists(), r.stderr
    (tmp_path / "empty.db").write_bytes(b"")
    r = psti("catalogue", "check", str(tmp_path / "good.csv"), "--database", f"sqlite:///{tmp_path / 'empty.db'}")
    assert r.returncode == 2 and "not a psti registry database" in r.stderr, r.stderr


def test_registry_verify_names_the_signer_or_the_unknown_key(world: World, tmp_path: Path) -> None:
    w = world
    s = w.statement("acme", w.product("acme", "CLI-3")["id"])
    (tmp_path / "genuine.json").write_bytes(w.client.get(s["document_url"]).content)
    body = build_statement(
        product={"name": "Camera", "type": "camera", "model": "CLI-3", "brand": "", "batches": []},
        manufacturers=[{"name": "Acme Devices Ltd", "address": "somewhere"}],
        support_end=dt.date(2031, 1, 1),
        signatory="X",
        function="Y",
        place="Z",
        issued_on=dt.date.today(),
    )
    (tmp_path / "forged.json").write_bytes(sign_statement(body, Ed25519PrivateKey.generate()))
    database = _copy_database(w, tmp_path)
    r = psti("registry", "verify", str(tmp_path / "genuine.json"), "--database", database, "--json")
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["signed_by"]["organisation"] == "Acme Devices Ltd"
    assert json.loads(r.stdout)["provenance"]["issued_by"] == "manufacturer"  # uploaded, signed with its own key
    r = psti("registry", "verify", str(tmp_path / "genuine.json"), "--database", database)
    assert r.returncode == 0 and "signed by the manufacturer" in r.stderr, r.stderr
    r = psti("registry", "verify", str(tmp_path / "forged.json"), "--database", database)
    no_traceback(r)
    assert r.returncode == 1 and "NOT valid" in r.stderr and "key unknown" in r.stderr, r.stderr


def test_the_commands_are_listed() -> None:
    r = subprocess.run(
        [str(Path(__file__).resolve().parents[2] / ".venv/bin/psti"), "catalogue", "--help"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert r.returncode == 0 and "check" in r.stdout


def test_serve_refuses_a_malformed_key_encryption_key(tmp_path: Path) -> None:
    (tmp_path / "kek").write_text("not a key\n")
    r = psti(
        "serve", "--port", "0", "--data-dir", str(tmp_path / "d"), "--key-encryption-key-file", str(tmp_path / "kek")
    )
    no_traceback(r)
    assert r.returncode == 2 and "32 random bytes" in r.stderr and "kek" in r.stderr, r.stderr
    r = psti("serve", "--port", "0", "--data-dir", str(tmp_path / "d"), env={"PSTI_KEY_ENCRYPTION_KEY": "c2hvcnQ="})
    assert r.returncode == 2 and "PSTI_KEY_ENCRYPTION_KEY" in r.stderr, r.stderr
