"""The firmware fuzz family's UBI seeds: built with the real mtd-utils, extracted and
scanned by psti, and a truncated copy reported without a crash."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from fuzz.firmware_seeds import _tool, build

pytestmark = pytest.mark.skipif(not (_tool("mkfs.ubifs") and _tool("ubinize")), reason="needs mtd-utils")


def scan(image: Path, tmp: Path) -> tuple[int, dict]:
    proc = subprocess.run(
        [sys.executable, "-m", "psti", "scan", "firmware", str(image), "--format", "json", "--no-progress",
         "--workers", "1", "--crack-seconds", "5", "--work-dir", str(tmp / "wd")],
        capture_output=True, text=True, timeout=300, env={**os.environ, "PSTI_SUPPORT_HISTORY": "off"},
    )
    assert proc.returncode in (0, 1, 3), proc.stderr  # a verdict, never an internal error (4)
    return proc.returncode, json.loads(proc.stdout)


def test_ubi_seed_is_built_extracted_and_scanned(tmp_path: Path) -> None:
    made = {p.name: p for p in build(tmp_path / "seeds")}
    assert {"plain.ubi", "truncated.ubi"} <= set(made)
    assert made["plain.ubi"].read_bytes()[:4] == b"UBI#"
    code, report = scan(made["plain.ubi"], tmp_path)
    [evidence] = report["evidence"]
    assert {"ubi", "ubifs"} <= set(evidence["attributes"]["formats"])
    shadow = [f for f in report["findings"] if f["kind"] == "FW-SHADOW-HASH"]
    assert code == 1 and [(f["details"]["account"], f["location"]["path"]) for f in shadow] == [("root", "/etc/shadow")]


def test_truncated_ubi_seed_gives_a_clear_finding(tmp_path: Path) -> None:
    made = {p.name: p for p in build(tmp_path / "seeds")}
    _, report = scan(made["truncated.ubi"], tmp_path)
    kinds = {f["kind"] for f in report["findings"]}
    assert kinds, report
    if "FW-SHADOW-HASH" not in kinds:  # nothing recovered: the report must say what was not read
        assert "FW-NOT-EXAMINED" in kinds, kinds
    assert not list((tmp_path / "wd").glob("*"))  # nothing left behind
