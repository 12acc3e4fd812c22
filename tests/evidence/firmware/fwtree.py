"""Builders for root file systems with planted (or deliberately absent) credentials."""

from __future__ import annotations

import subprocess
import warnings
from pathlib import Path

with warnings.catch_warnings():
    warnings.simplefilter("ignore", DeprecationWarning)
    import crypt

PASSWD = """root:x:0:0:root:/root:/bin/sh
daemon:*:1:1:daemon:/var:/bin/false
nobody:*:65534:65534:nobody:/var:/bin/false
"""


def md5(word: str, salt: str = "saltsalt") -> str:
    return crypt.crypt(word, f"$1${salt}$")


def sha512(word: str, salt: str = "saltsalt") -> str:
    return crypt.crypt(word, f"$6${salt}$")


def build(root: Path, files: dict[str, str | bytes]) -> Path:
    """Write files (paths inside the image) under root; returns root."""
    for inside, content in files.items():
        p = root / inside.lstrip("/")
        p.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            p.write_bytes(content)
        else:
            p.write_text(content)
    return root


def squashfs(root: Path, out: Path) -> Path:
    subprocess.run(
        ["mksquashfs", str(root), str(out), "-noappend", "-all-root", "-quiet", "-comp", "gzip"],
        check=True,
        capture_output=True,
    )
    return out
