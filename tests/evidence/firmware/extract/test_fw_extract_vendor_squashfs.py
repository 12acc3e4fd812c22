"""Vendor SquashFS variants: big-endian 4.0 and vendor LZMA, extracted with sasquatch.

The images are written by `squashfs_writer` (stock `mksquashfs` cannot write them) and
hold a shipped root password; the whole `psti scan firmware` must find it. Stock
`unsquashfs` fails on each of them, which the first test confirms so these tests keep
meaning something if Debian's tools change.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from tests.evidence.firmware.extract.squashfs_writer import GZIP, LZMA_NO_SIZE, write_squashfs
from tests.evidence.firmware.fwtree import PASSWD, md5

from psti.evidence.firmware.extract import tools

PSTI = shutil.which("psti", path=str(Path(sys.executable).parent)) or "psti"
FILES: dict[str, bytes | str] = {
    "etc/passwd": PASSWD,
    "etc/shadow": f"root:{md5('admin')}:19000:0:99999:7:::\n",
    "bin/busybox": b"\x7fELF\x02\x01\x01" + bytes(range(256)) * 20,
    "www/index.html": "<html><body>router</body></html>\n" * 40,
}
VARIANTS = {
    "big-endian 4.0": {"big_endian": True, "compressor": GZIP},
    "vendor LZMA (no size field)": {"big_endian": False, "compressor": LZMA_NO_SIZE},
}


def real_sasquatch() -> None:
    """Skip where sasquatch was not built, except in CI, where set-up must have built it."""
    if tools.sasquatch_is_stand_in(os.environ.get("PATH", "")):
        if os.environ.get("CI"):
            pytest.fail("sasquatch is not installed: scripts/install-system.sh should have built it")
        pytest.skip("sasquatch not built (scripts/build-sasquatch.sh)")


def image(tmp_path: Path, variant: str) -> Path:
    return write_squashfs(tmp_path / "fw.bin", FILES, symlinks={"bin/sh": "busybox"}, **VARIANTS[variant])


def scan(img: Path, env: dict[str, str] | None = None) -> tuple[int, dict]:  # type: ignore[type-arg]
    r = subprocess.run(
        [PSTI, "scan", "firmware", str(img), "--format", "json", "--no-progress", "--crack-seconds", "30"],
        capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=300, env=env,
    )
    assert "Traceback" not in r.stderr, r.stderr
    return r.returncode, json.loads(r.stdout)


@pytest.mark.parametrize("variant", sorted(VARIANTS))
def test_stock_unsquashfs_cannot_read_the_variant(tmp_path: Path, variant: str) -> None:
    if shutil.which("unsquashfs") is None:
        pytest.skip("unsquashfs not installed")
    r = subprocess.run(["unsquashfs", "-d", str(tmp_path / "out"), str(image(tmp_path, variant))],
                       capture_output=True, text=True)
    assert r.returncode != 0 or not (tmp_path / "out" / "etc" / "shadow").exists()


@pytest.mark.parametrize("variant", sorted(VARIANTS))
def test_sasquatch_extracts_the_variant_and_the_root_password_fails(tmp_path: Path, variant: str) -> None:
    real_sasquatch()
    code, doc = scan(image(tmp_path, variant))
    assert code == 1, doc["findings"]
    cracked = [f for f in doc["findings"] if f["kind"] == "FW-CRACKED-HASH"]
    assert cracked and cracked[0]["location"]["path"].lstrip("/") == "etc/shadow"
    assert not any("could not extract" in f["message"] for f in doc["findings"])


def test_with_only_the_stand_in_the_finding_says_what_to_install(tmp_path: Path) -> None:
    shim_bin = tmp_path / "shim-bin"
    tools.write_shim(shim_bin)
    env = {**os.environ, "PATH": os.pathsep.join([str(shim_bin), os.environ.get("PATH", "")])}
    _, doc = scan(image(tmp_path, "big-endian 4.0"), env)
    reasons = [f["message"] for f in doc["findings"] if f["effect"] == "needs-evidence"]
    assert any("scripts/build-sasquatch.sh" in m for m in reasons), reasons
