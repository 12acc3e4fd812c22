"""The CLI through its real entry point, as a user or a pipeline runs it."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

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
    assert json.loads(r.stdout)["properties"]["overall"]


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
