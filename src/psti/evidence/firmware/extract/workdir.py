"""A private work directory for one extraction, removed afterwards unless kept."""

from __future__ import annotations

import os
import shutil
import stat
import tempfile
import threading
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


class WorkDirectory:
    """A fresh directory for extraction output, as a context manager.

    Removed on exit, on error and on KeyboardInterrupt, unless `keep` is true (then it
    is left for inspection and its path is what the caller was given). With
    `background=True` a normal exit starts the removal on a thread and returns at once,
    so the caller can write its report meanwhile; `wait()` returns once the directory
    is gone. The thread is not a daemon, so the interpreter waits for it too.
    """

    def __init__(self, keep: bool = False, parent: Path | None = None, background: bool = False) -> None:
        self.keep, self.parent, self.background = keep, parent, background
        self.path: Path | None = None
        self._removal: threading.Thread | None = None

    def __enter__(self) -> Path:
        if self.parent is not None:
            self.parent.mkdir(parents=True, exist_ok=True)
        self.path = Path(tempfile.mkdtemp(prefix="psti-fw-", dir=self.parent)).resolve()
        return self.path

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: object) -> None:
        if self.keep or self.path is None or self._removal is not None:
            return
        if self.background and exc_type is None:
            self.release()
        else:
            remove_tree(self.path)

    def release(self) -> None:
        """The files are no longer needed: start removing them now (background mode;
        otherwise they go when the `with` block ends). Kept directories stay."""
        if self.keep or not self.background or self.path is None or self._removal is not None:
            return
        self._removal = threading.Thread(target=remove_tree, args=(self.path,), name="psti-remove-work-dir")
        self._removal.start()

    def wait(self) -> None:
        if self._removal is not None:
            self._removal.join()


def work_directory(keep: bool = False, parent: Path | None = None) -> WorkDirectory:
    """A fresh directory for extraction output, removed when the `with` block ends."""
    return WorkDirectory(keep, parent)
