"""A private work directory for one extraction, removed afterwards unless kept."""

from __future__ import annotations

import os
import shutil
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def _make_writable(func, path, _exc):  # type: ignore[no-untyped-def]
    """rmtree error hook: extracted trees can hold read-only directories; fix and retry."""
    try:
        parent = os.path.dirname(path)
        os.chmod(parent, os.stat(parent).st_mode | stat.S_IRWXU)
        if os.path.isdir(path) and not os.path.islink(path):
            os.chmod(path, os.stat(path).st_mode | stat.S_IRWXU)
        func(path)
    except OSError:
        pass


def remove_tree(path: Path) -> None:
    if path.exists() or path.is_symlink():
        shutil.rmtree(path, onerror=_make_writable)


@contextmanager
def work_directory(keep: bool = False, parent: Path | None = None) -> Iterator[Path]:
    """A fresh directory for extraction output.

    Removed on exit, on error and on KeyboardInterrupt, unless `keep` is true (then it
    is left for inspection and its path is what the caller was given).
    """
    if parent is not None:
        parent.mkdir(parents=True, exist_ok=True)
    path = Path(tempfile.mkdtemp(prefix="psti-fw-", dir=parent)).resolve()
    try:
        yield path
    finally:
        if not keep:
            remove_tree(path)
