"""Headless Chromium for tests: the flags this closed network needs, and screenshots."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
# Without the background-networking flags Chromium keeps trying hosts it cannot reach.
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

needs_chromium = pytest.mark.skipif(not shutil.which("chromium"), reason="chromium not installed")


def screenshot(url: str, out: Path, width: int, height: int) -> Path:
    """Render `url` in a fresh profile and save a PNG screenshot to `out`."""
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [CHROMIUM, *FLAGS, f"--user-data-dir={profile}", f"--window-size={width},{height}",
             f"--screenshot={out}", url],
            check=True,
            capture_output=True,
            timeout=90,
        )
    return out
