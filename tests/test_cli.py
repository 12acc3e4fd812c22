"""The CLI through its real entry point, as a user or a pipeline runs it."""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

PSTI = shutil.which("psti", path=str(Path(sys.executable).parent)) or "psti"



def psti(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    full_env = {**os.environ, "COLUMNS": "120", **(env or {})}
    return subprocess.run([PSTI, *args], capture_output=True, text=True, cwd=cwd, env=full_env,
                          stdin=subprocess.DEVNULL, timeout=120)


def no_traceback(r: subprocess.CompletedProcess[str]) -> None:
    assert "Traceback" not in r.stderr + r.stdout


def test_version_and_help() -> None:
    r = psti("--version")
    assert r.returncode == 0 and r.stdout.startswith("psti ")
    r = psti("--help")
    assert r.returncode == 0
    for command in ("assess", "scope", "regime", "schema"):
        assert command in r.stdout


def test_malformed_declaration_exits_2_with_the_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('[product]\nname = "x\n')
    r = psti("assess", str(bad))
    assert r.returncode == 2
    assert f"{bad}:2" in r.stderr and "malformed TOML" in r.stderr
    no_traceback(r)


def test_invalid_declaration_lists_every_problem_and_writes_nothing(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('[product]\nname = "x"\ntype = "t"\nmodel = "m"\ncolour = "red"\n\n'
                   '[manufacturer]\nname = "M"\naddress = "A"\n\n[support_period]\nend_date = "2030-13-01"\n')
    out = tmp_path / "report.json"
    r = psti("assess", str(bad), "--format", "json", "--output", str(out))
    assert r.returncode == 2
    assert "product.colour" in r.stderr and "unknown field" in r.stderr
    assert "support_period.end_date" in r.stderr
    assert not out.exists() and list(tmp_path.iterdir()) == [bad]
    no_traceback(r)


def test_missing_file_and_bad_options_exit_2(tmp_path: Path) -> None:
    r = psti("assess", str(tmp_path / "nope.toml"))
    assert r.returncode == 2 and "cannot read" in r.stderr
    no_traceback(r)
    r = psti("regime", "show", "--on", "yesterday")
    assert r.returncode == 2 and "YYYY-MM-DD" in r.stderr
    r = psti("assess", "--format", "yaml", str(tmp_path / "x.toml"))
    assert r.returncode == 2
    no_traceback(r)


def test_broken_regime_data_exits_2_naming_the_file(tmp_path: Path) -> None:
    (tmp_path / "broken.toml").write_text('[instrument]\nid = "b"\nregime = "uk-psti"\n')
    r = psti("regime", "show", "--regime-dir", str(tmp_path))
    assert r.returncode == 2
    assert "broken.toml" in r.stderr and "fails validation" in r.stderr
    no_traceback(r)


def test_schema_declaration_is_json_schema() -> None:
    r = psti("schema", "declaration")
    assert r.returncode == 0
    schema = json.loads(r.stdout)
    assert schema["title"] == "Declaration"
    r = psti("schema", "assessment")
    assessment_schema = json.loads(r.stdout)
    assert assessment_schema["properties"]["overall"]
    # the schema pins its own version: a document of another version does not validate
    assert assessment_schema["properties"]["schema"]["const"] == "psti.assessment/1"
    jsonschema.Draft202012Validator(assessment_schema["properties"]["schema"]).validate("psti.assessment/1")
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft202012Validator(assessment_schema["properties"]["schema"]).validate("psti.assessment/999")


def _write_product(tmp_path: Path, passwords: str) -> Path:
    p = tmp_path / "product.toml"
    p.write_text(f"""
[product]
name = "Cam"
type = "camera"
model = "C1"
category = "smart-camera"
consumer = true
previously_supplied = false
[manufacturer]
name = "Acme"
address = "1 Road"
[connectivity]
internet = true
[passwords]
{passwords}
""")
    return p


@pytest.mark.parametrize(
    ("passwords", "code", "overall"),
    [
        ('scheme = "unique-per-device"\ngeneration = "random"', 3, "needs-evidence"),
        ('scheme = "universal"', 1, "fail"),
    ],
)
def test_assess_exit_codes_and_json(tmp_path: Path, passwords: str, code: int, overall: str) -> None:
    decl = _write_product(tmp_path, passwords)
    r = psti("assess", str(decl), "--format", "json", "--on", "2026-01-01")
    assert r.returncode == code, r.stderr
    report = json.loads(r.stdout)
    assert report["schema"] == "psti.assessment/1"
    assert report["overall"] == overall
    assert report["product"]["declaration_sha256"]


def test_terminal_report_and_output_file(tmp_path: Path) -> None:
    decl = _write_product(tmp_path, 'scheme = "universal"')
    r = psti("assess", str(decl), "--on", "2026-01-01")
    assert r.returncode == 1
    assert "FAIL" in r.stdout and "overall" in r.stdout
    out = tmp_path / "out" / "report.json"
    r = psti("assess", str(decl), "--format", "json", "-o", str(out))
    assert r.returncode == 1
    assert json.loads(out.read_text())["overall"] == "fail"


def test_scope_command_asks_questions_for_missing_facts(tmp_path: Path) -> None:
    decl = tmp_path / "tablet.toml"
    decl.write_text('[product]\nname = "T"\ntype = "tablet"\nmodel = "T1"\ncategory = "tablet"\n'
                    'consumer = true\npreviously_supplied = false\nchildren_under_14 = false\n'
                    '[manufacturer]\nname = "M"\naddress = "A"\n[connectivity]\ninternet = true\n')
    r = psti("scope", str(decl), "--format", "json")
    assert r.returncode == 3
    decision = json.loads(r.stdout)
    assert decision["outcome"] == "undetermined"
    assert any("[product.cellular]" in q for q in decision["questions"])


def test_the_command_line_starts_without_the_assessment_model_or_rich() -> None:
    # pydantic models and rich are loaded by the commands that use them, so the start of
    # `psti scan firmware` (which loads them while the extractor runs) stays quick
    code = ("import sys, psti.cli, psti.evidence.firmware.examine, psti.evidence.firmware.extract; "
            "print(sorted({m.split('.')[0] for m in sys.modules} & {'pydantic', 'rich', 'psutil'}))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_a_run_parses_only_its_own_command() -> None:
    from psti.cli import app, app_for

    scan = app_for(["scan", "firmware", "fw.bin", "--format", "json"])
    assert [g.name for g in scan.registered_groups] == ["scan"] and not scan.registered_commands
    assessed = app_for(["assess", "product.toml"])
    assert [c.name for c in assessed.registered_commands] == ["assess"] and not assessed.registered_groups
    for whole in ([], ["--help"], ["--version"], ["no-such-command"]):
        assert app_for(whole) is app  # help and errors list every command


def test_a_complete_report_reaches_a_pipe_and_the_exit_code_is_kept(tmp_path: Path) -> None:
    root = tmp_path / "rootfs"
    (root / "etc").mkdir(parents=True)
    (root / "etc/passwd").write_text("root:x:0:0:root:/root:/bin/sh\n")
    (root / "etc/shadow").write_text("root:$1$abcdefgh$0GpDyYVybEJcNyGmCr7Ho1:1::::::\n")
    r = psti("scan", "firmware", str(root), "--format", "json", "--no-progress", "--crack-seconds", "5")
    assert r.returncode == 1  # a universal password: a requirement fails
    report = json.loads(r.stdout)
    assert report["schema"] == "psti.assessment/1" and report["findings"]


# ---- output read by programs: every value whole ------------------------------------------------


def piped(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """A command whose stdout is a pipe, with a terminal width that would cut values short."""
    r = psti(*args, env={"COLUMNS": "80", **(env or {})})
    assert "…" not in r.stdout, f"psti {' '.join(args)} cut a value short:\n{r.stdout}"
    no_traceback(r)
    return r


def test_piped_listings_keep_every_value_whole(tmp_path: Path, examples_dir: Path) -> None:
    env = {"PSTI_DATA_DIR": str(tmp_path / "data"), "PSTI_USER": "officer"}
    product = "NetLink R300 dual-band router with a deliberately long marketing name, model R300-UK-2026"
    party = "NetLink Technology (United Kingdom) Limited, trading as NetLink Home Networking"
    r = psti("case", "open", "--product", product, "--source", "researcher", "--allegation", "root password",
             "--party", f"authorised-representative:{party}", "--party", "distributor:Shop Co", env=env)
    assert r.returncode == 0, r.stderr
    ref = r.stdout.split()[1]

    listing = piped("case", "list", env=env).stdout
    row = next(line for line in listing.splitlines() if ref in line)
    assert product in row and f"{party} (authorised-representative); Shop Co (distributor)" in row
    piped("case", "show", ref, env=env)
    piped("case", "workflow")
    piped("case", "history", party, env=env)
    piped("appeal", "list", env=env)

    versions = piped("regime", "list").stdout
    assert "uk-psti-2024, uk-psti-2025-211, uk-psti-2025-1267" in versions
    shown = piped("regime", "show", "--on", "2026-01-01").stdout
    assert "ETSI EN 303 645 V2.1.1" in shown or "PSTI-S1-1.3.c" in shown
    assert not any(line.endswith(" ") and len(line) > 5000 for line in shown.splitlines())  # natural width
    collectors = piped("collectors").stdout
    assert "PSTI-S1-3.6" in collectors  # every provision a collector tags, not the first six
    piped("corpus", "stats")

    folder = tmp_path / "market-surveillance-purchases-2026-week-49" / "orbit-computing-laptop-ob14-2026"
    folder.mkdir(parents=True)
    shutil.copy(examples_dir / "laptop" / "product.toml", folder / "product.toml")
    surveyed = piped("survey", str(folder.parent), "--no-progress", "--workers", "1").stdout
    assert str(folder / "product.toml") in surveyed


# ---- help ---------------------------------------------------------------------------------------


def test_help_names_values_and_no_python_types() -> None:
    r = psti("assess", "--help")
    assert r.returncode == 0
    text = r.stdout
    for python_type in ("<bool>", "<list[", "<str>", "<float>", "<Path>"):
        assert python_type not in text, python_type
    assert re.search(r"--offline\s+Use saved copies", text)  # a flag takes no value
    assert re.search(r"--key\s+<path>", text) and re.search(r"--timeout\s+<number>", text)
    fmt = psti("scan", "firmware", "--help").stdout
    assert re.search(r"--format\s+<terminal\|json\|sarif\|html>\s+terminal, json, sarif or html", fmt)


# ---- psti serve: start-up failures --------------------------------------------------------------


def unused_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_serve_with_an_unreachable_database_says_so_in_one_line(tmp_path: Path) -> None:
    url = f"postgresql://psti:secret@127.0.0.1:{unused_port()}/psti"  # nothing listens there
    r = psti("serve", "--port", str(unused_port()), "--database", url, "--data-dir", str(tmp_path))
    assert r.returncode == 2
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1, r.stderr
    assert "cannot open the database postgresql://psti:***@127.0.0.1" in lines[0] and "--database" in lines[0]
    assert "secret" not in r.stderr and "listening" not in r.stderr


def test_serve_on_a_port_in_use_says_so_before_any_banner(tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        r = psti("serve", "--port", str(port), "--data-dir", str(tmp_path))
    assert r.returncode == 2
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and f"port {port} on 127.0.0.1 is already in use" in lines[0] and "--port" in lines[0]
    assert "listening" not in r.stdout + r.stderr
    assert not (tmp_path / "psti.sqlite3").exists()  # refused before touching the database


# ---- keys and local state ---------------------------------------------------------------------


def test_keys_new_into_a_missing_folder_is_refused(tmp_path: Path) -> None:
    target = tmp_path / "no" / "such" / "dir" / "k.pem"
    r = psti("keys", "new", "-o", str(target))
    assert r.returncode == 2 and "does not exist" in r.stderr and str(target.parent) in r.stderr
    assert not (tmp_path / "no").exists()
    no_traceback(r)
    r = psti("keys", "new", "-o", str(tmp_path / "k.pem"))
    assert r.returncode == 0 and (tmp_path / "k.pem").is_file() and (tmp_path / "k.pem.pub").is_file()


def test_the_support_period_history_is_announced_when_first_written(tmp_path: Path, examples_dir: Path) -> None:
    decl = str(examples_dir / "smart-camera" / "product.toml")
    data = tmp_path / "data"
    env = {"PSTI_DATA_DIR": str(data), "PSTI_SUPPORT_HISTORY": "record"}
    first = psti("assess", decl, "--offline", "--no-progress", "--collector", "support-period", env=env)
    history = data / "support-periods.json"
    assert history.is_file() and f"support-period history in {history}" in first.stderr
    again = psti("assess", decl, "--offline", "--no-progress", "--collector", "support-period", env=env)
    assert "support-period history" not in again.stderr
    off = tmp_path / "off"
    r = psti("assess", decl, "--offline", "--no-progress", "--collector", "support-period",
             env={"PSTI_DATA_DIR": str(off), "PSTI_SUPPORT_HISTORY": "off"})
    assert r.returncode in (0, 3) and not (off / "support-periods.json").exists()
