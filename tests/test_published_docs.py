"""The provision and finding-kind pages in docs/ are generated: they must match the code and data."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO


def test_published_docs_are_up_to_date(tmp_path: Path) -> None:
    index = (REPO / "docs" / "provisions" / "index.md").read_text()
    on = dt.date.fromisoformat(re.search(r"in force on (\d{4}-\d{2}-\d{2})", index).group(1))  # type: ignore[union-attr]
    r = subprocess.run([sys.executable, "-m", "psti.cli", "docs", "build", "--output", str(tmp_path),
                        "--on", on.isoformat()], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    for section in ("provisions", "findings"):
        published = {p.name: p.read_text() for p in (REPO / "docs" / section).glob("*.md")}
        fresh = {p.name: p.read_text() for p in (tmp_path / section).glob("*.md")}
        assert sorted(fresh) == sorted(published), f"run `psti docs build` to refresh docs/{section}"
        stale = [name for name in fresh if fresh[name] != published[name]]
        assert not stale, f"docs/{section} out of date: {stale[:5]}; run `psti docs build`"
