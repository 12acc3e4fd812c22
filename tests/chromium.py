"""Headless Chromium for tests: the flags this closed network needs, and screenshots."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

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


@contextmanager
def playwright_chromium(artefacts: Path) -> Iterator[Any]:
    """Debian's Chromium driven by Playwright, headless, with `artefacts` made for its
    screenshots; the test is skipped when Chromium is not installed."""
    if not Path(CHROMIUM).exists() and not shutil.which("chromium"):
        pytest.skip("Debian chromium is not installed (scripts/install-system.sh)")
    from playwright.sync_api import sync_playwright

    artefacts.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=FLAGS, headless=True)
        try:
            yield browser
        finally:
            browser.close()


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
