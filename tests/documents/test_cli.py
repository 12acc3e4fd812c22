"""The document commands run as a user runs them: a real `psti` process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import builders as b
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from psti.model import Verdict

DECL = b.DATA / "camera.toml"


def psti(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PSTI_REGIME_PATH": str(b.REGIME_DIR), "COLUMNS": "200"}
    env.pop("PSTI_SIGNING_KEY", None)
    env.pop("PSTI_KEY_PASSPHRASE", None)
    return subprocess.run(
        [sys.executable, "-c", "from psti.cli import main; main()", *map(str, args)],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture(scope="module")
def work(tmp_path_factory):
    d = tmp_path_factory.mktemp("cli")
    loaded = b.declaration()
    (d / "pass.json").write_text(b.assessment(loaded).to_json())
    (d / "fail.json").write_text(
        b.assessment(loaded, passwords=Verdict.FAIL, reporting=Verdict.NEEDS_EVIDENCE).to_json()
    )
    (d / "keys").mkdir()  # `keys new` writes into an existing folder only
    r = psti("keys", "new", "--output", d / "keys" / "maker.pem", cwd=d)
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith("sha256:")
    return d


def test_statement_then_verify(work):
    r = psti(
        "statement", DECL, "--assessment", "pass.json", "--key", "keys/maker.pem", "-o", "out", "--no-pdf", cwd=work
    )
    assert r.returncode == 0, r.stderr
    assert (work / "out" / "statement.json").exists()
    r = psti("verify", "out/statement.json", "--public-key", "keys/maker.pem.pub", cwd=work)
    assert r.returncode == 0, r.stderr
    assert "statement verified" in r.stderr and "assessment hash: sha256" in r.stderr
    r = psti("verify", "out/statement.json", "--json", cwd=work)
    checks = {c["check"]: c["passed"] for c in json.loads(r.stdout)["checks"]}
    assert checks["signature"] and checks["assessment hash"] and r.returncode == 0


def test_tampered_statement_fails_verify(work):
    r = psti("statement", DECL, "--assessment", "pass.json", "--key", "keys/maker.pem", "-o", "t", "--no-pdf", cwd=work)
    assert r.returncode == 0, r.stderr
    path = work / "t" / "statement.json"
    data = json.loads(path.read_text())
    data["statement"]["support_period_end"] = "2033-03-31"
    path.write_text(json.dumps(data, indent=4))
    r = psti("verify", path, cwd=work)
    assert r.returncode == 1
    assert "FAIL signature" in r.stderr and "statement NOT verified" in r.stderr
    # the assessment beside it is swapped: the hash no longer matches
    data["statement"]["support_period_end"] = "2031-03-31"
    path.write_text(json.dumps(data))
    assert psti("verify", path, cwd=work).returncode == 0
    (work / "t" / "statement-assessment.json").write_text((work / "fail.json").read_text())
    r = psti("verify", path, cwd=work)
    assert r.returncode == 1 and "FAIL assessment hash" in r.stderr


def test_refuses_on_fail_and_issues_a_draft(work):
    r = psti("statement", DECL, "--assessment", "fail.json", "--key", "keys/maker.pem", "-o", "f", cwd=work)
    assert r.returncode == 1
    assert "not issued" in r.stderr and "PSTI-S1-1 (Passwords): fail" in r.stderr
    assert "PSTI-S1-2" in r.stderr and "needs-evidence" in r.stderr
    assert not (work / "f").exists()
    r = psti("statement", DECL, "--assessment", "fail.json", "--draft", "-o", "f", "--no-pdf", cwd=work)
    assert r.returncode == 0, r.stderr
    assert (work / "f" / "draft-statement.json").exists()
    r = psti("verify", "f/draft-statement.json", cwd=work)
    assert r.returncode == 1 and "DRAFT" in r.stderr


def test_missing_schedule_4_fields_exit_2_listing_all(work):
    text = DECL.read_text()
    text = "\n".join(ln for ln in text.splitlines() if not ln.startswith(("signatory", "place", "end_date")))
    (work / "incomplete.toml").write_text(text)
    from psti.declaration import load_declaration

    loaded = load_declaration(work / "incomplete.toml")
    (work / "inc.json").write_text(b.assessment(loaded).to_json())
    r = psti("statement", "incomplete.toml", "--assessment", "inc.json", "--key", "keys/maker.pem", "-o", "i", cwd=work)
    assert r.returncode == 2
    for field in ("statement.signatory", "statement.place", "support_period.end_date"):
        assert field in r.stderr
    assert "Traceback" not in r.stderr
    assert not (work / "i").exists()


def test_bad_keys_exit_2_with_a_message(work):
    rsa_pem = rsa.generate_private_key(public_exponent=65537, key_size=2048).private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    (work / "rsa.pem").write_bytes(rsa_pem)
    (work / "junk.pem").write_text("not a key\n")
    cases = {
        "rsa.pem": "is an RSA key",
        "junk.pem": "not a readable PEM private key",
        "nope.pem": "cannot read key file",
        "keys/maker.pem.pub": "is a public key",
    }
    for key, message in cases.items():
        r = psti("statement", DECL, "--assessment", "pass.json", "--key", key, "-o", "k", cwd=work)
        assert r.returncode == 2, (key, r.stderr)
        assert message in r.stderr and "Traceback" not in r.stderr
    r = psti("verify", "out/statement.json", "--public-key", "rsa.pem", cwd=work)
    assert r.returncode == 2 and "is a private key" in r.stderr
    r = psti("statement", DECL, "--assessment", "pass.json", "-o", "k", cwd=work)
    assert r.returncode == 2 and "must be signed" in r.stderr
    r = psti("keys", "new", "--output", "keys/maker.pem", cwd=work)
    assert r.returncode == 2 and "already exists" in r.stderr


def test_verify_bad_input(work):
    (work / "notjson.json").write_text("{")
    r = psti("verify", "notjson.json", cwd=work)
    assert r.returncode == 2 and "not JSON" in r.stderr
    r = psti("verify", "absent.json", cwd=work)
    assert r.returncode == 2 and "cannot read" in r.stderr


def test_label_from_statement_and_declaration(work):
    r = psti("statement", DECL, "--assessment", "pass.json", "--key", "keys/maker.pem", "-o", "l", "--no-pdf", cwd=work)
    assert r.returncode == 0, r.stderr
    r = psti("label", "l/statement.json", "-o", "lab", cwd=work)
    assert r.returncode == 0, r.stderr
    svg = (work / "lab" / "label.svg").read_text()
    assert "Security updates until 31 March 2031" in svg
    assert (work / "lab" / "label.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    r = psti("label", DECL, "--assessment", "fail.json", "-o", "lab2", cwd=work)
    assert r.returncode == 0, r.stderr
    assert "password requirement not met" in (work / "lab2" / "label.svg").read_text()


def test_report_formats(work):
    for fmt, name in (("html", "r.html"), ("oscal", "r.oscal.json"), ("json", "r.json")):
        r = psti("report", "fail.json", "--format", fmt, "-o", name, cwd=work)
        assert r.returncode == 1, r.stderr  # the assessment fails: exit 1 as everywhere
        assert (work / name).stat().st_size > 500
    r = psti("report", "pass.json", "--format", "oscal", cwd=work)
    assert r.returncode == 0 and json.loads(r.stdout)["assessment-results"]["metadata"]["oscal-version"]
    r = psti("report", "pass.json", "--format", "pdf", cwd=work)
    assert r.returncode == 2 and "binary" in r.stderr
    (work / "bad.json").write_text('{"schema": "psti.assessment/1"}')
    r = psti("report", "bad.json", cwd=work)
    assert r.returncode == 2 and "not a psti assessment" in r.stderr


def test_docs_build(work):
    r = psti("docs", "build", "--output", "docs", "--on", "2026-11-20", cwd=work)
    assert r.returncode == 0, r.stderr
    assert (work / "docs" / "provisions" / "PSTI-S4-1.1.f.md").exists()
    assert (work / "docs" / "findings" / "index.md").exists()


def test_outputs_are_not_half_written_on_failure(work, tmp_path):
    out = Path(work / "never")
    r = psti("statement", DECL, "--assessment", "fail.json", "--key", "keys/maker.pem", "-o", out, cwd=work)
    assert r.returncode == 1 and not out.exists()
