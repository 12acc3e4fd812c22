"""A private work directory for one extraction, removed afterwards unless kept."""

from __future__ import annotations

import os
import shutil
import stat
import tempfile
import threading
from collections.abc import Callable
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
    `background=True` a normal exit (or `release()`, earlier) starts the removal on a
    thread, so the caller can write its report meanwhile; `wait()` returns once the
    directory is gone. A Ctrl-C while the directory is being removed does not stop the
    removal: it is finished first, then the interrupt goes on.
    """

    def __init__(self, keep: bool = False, parent: Path | None = None, background: bool = False) -> None:
        self.keep, self.parent, self.background = keep, parent, background
        self.path: Path | None = None
        self._removed: threading.Event | None = None  # set by the removal thread when done

    def __enter__(self) -> Path:
        if self.parent is not None:
            self.parent.mkdir(parents=True, exist_ok=True)
        self.path = Path(tempfile.mkdtemp(prefix="psti-fw-", dir=self.parent)).resolve()
        return self.path

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: object) -> None:
        if self.keep or self.path is None or self._removed is not None:
            return
        if self.background and exc_type is None:
            self.release()
        else:
            _finish_despite_interrupts(lambda: remove_tree(self.path) if self.path else None)

    def release(self) -> None:
        """The files are no longer needed: start removing them now (background mode;
        otherwise they go when the `with` block ends). Kept directories stay."""
        if self.keep or not self.background or self.path is None or self._removed is not None:
            return
        removed = self._removed = threading.Event()
        path = self.path

        def remove() -> None:
            try:
                remove_tree(path)
            finally:
                removed.set()

        threading.Thread(target=remove, name="psti-remove-work-dir").start()

    def wait(self) -> None:
        removed = self._removed
        if removed is not None:
            # an Event, not Thread.join: a join cut short by Ctrl-C can leave the thread
            # looking finished, and the process would then exit in the middle of removing
            _finish_despite_interrupts(lambda: removed.wait(0.05) or None, until=removed.is_set)


def _finish_despite_interrupts(step: Callable[[], object], until: Callable[[], bool] | None = None) -> None:
    """Run step (repeatedly, until `until()` says done) even if Ctrl-C arrives meanwhile;
    an interrupt that came is raised again once it is finished."""
    interrupted = False
    while True:
        try:
            step()
            if until is None or until():
                break
        except KeyboardInterrupt:
            interrupted = True
    if interrupted:
        raise KeyboardInterrupt


def work_directory(keep: bool = False, parent: Path | None = None) -> WorkDirectory:
    """A fresh directory for extraction output, removed when the `with` block ends."""
    return WorkDirectory(keep, parent)
