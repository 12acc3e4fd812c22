"""`psti creds` through the real entry point: formats, exit codes, masking, bad input."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.evidence.credentials.batches import mac_suffix, token, write_batch

PSTI = shutil.which("psti", path=str(Path(sys.executable).parent)) or "psti"
EXAMPLES = Path(__file__).resolve().parents[3] / "examples"


def run_real(*args: str | Path) -> subprocess.CompletedProcess[str]:
    """Through the installed `psti` entry point, as a pipeline runs it."""
    env = {**os.environ, "COLUMNS": "120"}
    return subprocess.run(
        [PSTI, *map(str, args), *(["--no-progress"] if args and args[0] == "creds" else [])],
        capture_output=True,
        text=True,
        env=env,
        stdin=subprocess.DEVNULL,
        timeout=120,
    )


@pytest.fixture
def psti(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """In-process, through the same guard as the entry point (much faster than a subprocess)."""
    from psti.cli import app
    from psti.cli.output import run_guarded

    def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
        argv = ["psti", *map(str, args), *(["--no-progress"] if args and args[0] == "creds" else [])]
        monkeypatch.setattr(sys, "argv", argv)
        monkeypatch.setenv("COLUMNS", "120")
        code = run_guarded(app)
        out = capsys.readouterr()
        return subprocess.CompletedProcess(argv, code, out.out, out.err)

    return run


DECL = EXAMPLES / "smart-camera" / "product.toml"


def test_good_batch_with_declaration_passes(tmp_path: Path, psti) -> None:
    batch = write_batch(tmp_path / "b.csv", token)
    r = psti("creds", batch, "--declaration", DECL, "--format", "json")
    assert r.returncode == 0, r.stdout + r.stderr
    a = json.loads(r.stdout)
    assert a["overall"] == "pass"
    verdicts = {p["provision"]: p["verdict"] for p in a["provisions"]}
    for sub in ("PSTI-S1-1.2", "PSTI-S1-1.3.a", "PSTI-S1-1.3.b", "PSTI-S1-1.3.c", "PSTI-S1-1.3.d"):
        assert verdicts[sub] == "pass"
    assert a["product"]["model"] == "CAM-200"
    assert a["evidence"][0]["kind"] == "password-batch" and len(a["evidence"][0]["sha256"]) == 64


def test_bad_batch_exits_1_and_masks_passwords_unless_asked(tmp_path: Path, psti) -> None:
    batch = write_batch(tmp_path / "b.tsv", mac_suffix, fmt="tsv")
    r = psti("creds", batch, "--public", "Acme", "--format", "json")
    assert r.returncode == 1
    a = json.loads(r.stdout)
    f = next(f for f in a["findings"] if f["kind"] == "PWB-IDENTIFIER-DERIVED")
    shown = f["details"]["examples"][0]["password"]
    assert "*" in shown and shown[0] != "*" and len(shown) == 8
    r = psti("creds", batch, "--public", "Acme", "--format", "json", "--show-secrets")
    f = next(f for f in json.loads(r.stdout)["findings"] if f["kind"] == "PWB-IDENTIFIER-DERIVED")
    ex = f["details"]["examples"][0]
    assert ex["password"] == ex["values"]["mac"].replace(":", "")[-8:].lower()


def test_without_public_information_or_identifiers_needs_evidence(tmp_path: Path, psti) -> None:
    batch = write_batch(tmp_path / "b.jsonl", token, fmt="jsonl", columns=("password",))
    r = psti("creds", batch)
    assert r.returncode == 3, r.stdout + r.stderr
    assert "PWB-NO-IDENTIFIERS" in r.stdout and "PWB-NO-PUBLIC-STRINGS" in r.stdout


def test_terminal_report_and_output_file(tmp_path: Path, psti) -> None:
    batch = write_batch(tmp_path / "b.csv.gz", token, compress=True)
    out = tmp_path / "report.json"
    r = psti("creds", batch, "-d", DECL, "--format", "json", "-o", out)
    assert r.returncode == 0 and json.loads(out.read_text())["overall"] == "pass"
    r = psti("creds", batch, "-d", DECL)
    assert r.returncode == 0 and "PSTI-S1-1.3.c" in r.stdout


@pytest.mark.parametrize(
    ("content", "expect"),
    [
        (b"", "empty"),
        (b"serial,mac\nS1,m\n", "no password column"),
        (b"serial,password\nS1,p1\nS2\n", "row 2"),
        (b"serial,password\nS1,caf\xe9\n", "row 1"),
    ],
    ids=["empty", "missing-column", "ragged", "encoding"],
)
def test_bad_input_exits_2_with_one_message_and_writes_nothing(
    tmp_path: Path, content: bytes, expect: str, psti
) -> None:
    batch = tmp_path / "b.csv"
    batch.write_bytes(content)
    out = tmp_path / "out" / "report.json"
    r = psti("creds", batch, "--format", "json", "-o", out)
    assert r.returncode == 2
    assert expect in r.stderr and "Traceback" not in r.stderr + r.stdout
    assert r.stderr.count("error:") == 1
    assert not out.exists() and r.stdout == ""


def test_usage_errors_exit_2(tmp_path: Path, psti) -> None:
    assert psti("creds", tmp_path / "missing.csv").returncode == 2
    batch = write_batch(tmp_path / "b.csv", token, n=10)
    r = psti("creds", batch, "--no-header")
    assert r.returncode == 2 and "--password-col" in r.stderr


def test_assess_runs_the_collector_on_the_declared_batch(tmp_path: Path, psti) -> None:
    shutil.copytree(EXAMPLES / "smart-camera", tmp_path / "cam")
    r = psti(
        "assess",
        tmp_path / "cam" / "product.toml",
        "--collector",
        "password-batch",
        "--format",
        "json",
        "--no-progress",
    )
    a = json.loads(r.stdout)
    kinds = {f["kind"]: f["effect"] for f in a["findings"]}
    assert kinds["PWB-UNIQUE"] == "pass" and kinds["PWB-NOT-IDENTIFIER-DERIVED"] == "pass"
    # a broken batch is reported, not raised: the assessment still completes
    (tmp_path / "cam" / "factory" / "passwords-batch-2026w10.csv").write_text("serial,mac\nx,y\n")
    r = psti(
        "assess",
        tmp_path / "cam" / "product.toml",
        "--collector",
        "password-batch",
        "--format",
        "json",
        "--no-progress",
    )
    a = json.loads(r.stdout)
    f = next(f for f in a["findings"] if f["kind"] == "PWB-UNREADABLE")
    assert f["effect"] == "needs-evidence" and "no password column" in f["message"]
    assert r.returncode == 3


def test_real_entry_point_exit_codes_and_bad_input(tmp_path: Path) -> None:
    batch = write_batch(tmp_path / "b.csv", mac_suffix, n=1000)
    r = run_real("creds", batch, "--public", "Acme", "--format", "json")
    assert r.returncode == 1 and json.loads(r.stdout)["overall"] == "fail"
    bad = tmp_path / "bad.csv"
    bad.write_bytes(b"serial,password\nS1,p1\nS2\n")
    out = tmp_path / "r.json"
    r = run_real("creds", bad, "-o", out)
    assert r.returncode == 2 and "row 2" in r.stderr and "Traceback" not in r.stderr and not out.exists()
