"""Run the unblob child process and hold it to the limits while it runs.

Extraction processes are forked by a small fork server that has already imported unblob
(saving ~1 s of CPU per image); if it cannot start, a fresh interpreter is spawned.
The supervisor polls the extraction directory (file count, bytes) and the clock, and
kills the whole process tree as soon as a bound is crossed, so a decompression bomb is
stopped while it expands, not measured afterwards. Each single file is also capped by
RLIMIT_FSIZE inside the child, which bounds what can be written between two polls.
"""

from __future__ import annotations

import contextlib
import json
import os
import select
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from psti.evidence.firmware.extract.model import Limits
from psti.evidence.firmware.extract.tree import Measure, measure
from psti.evidence.interface import ProgressFn

POLL_MIN = 0.05  # seconds before the first poll; the interval doubles up to POLL_MAX,
POLL_MAX = 1.0  # so a short extraction is walked a few times, not every 50 ms
# the walk may take at most 1/POLL_COST_FACTOR of the time: it competes for CPU with
# the extractor (a 2,000-file walk takes ~15 ms)
POLL_COST_FACTOR = 10


@dataclass
class RunOutcome:
    stopped_by: str | None  # "max_seconds" | "max_total_bytes" | "max_files" | None
    returncode: int | None
    elapsed: float
    last: Measure


def kill_tree(pid: int) -> None:
    """Stop then kill a process and every descendant (unblob workers leave our group)."""
    import psutil  # only when something must be stopped: it costs start-up time

    try:
        parent = psutil.Process(pid)
    except psutil.NoSuchProcess:
        return
    for _ in range(5):
        try:
            procs = [parent, *parent.children(recursive=True)]
        except psutil.NoSuchProcess:
            procs = [p for p in (parent,) if p.is_running()]
        if not procs:
            return
        for p in procs:  # freeze first so nothing forks while we collect
            with contextlib.suppress(psutil.Error):
                p.suspend()
        with contextlib.suppress(psutil.NoSuchProcess):
            procs = [parent, *parent.children(recursive=True)]
        for p in procs:
            with contextlib.suppress(psutil.Error):
                p.kill()
        psutil.wait_procs(procs, timeout=2)
        if not parent.is_running() or parent.status() == psutil.STATUS_ZOMBIE:
            break
    with contextlib.suppress(OSError):
        os.killpg(pid, signal.SIGKILL)


class _ForkServer:
    """One `runner --serve` process per caller process, started on first use."""

    def __init__(self) -> None:
        self._proc: subprocess.Popen[str] | None = None
        self._owner = os.getpid()
        self._lock = threading.Lock()

    @property
    def pid(self) -> int | None:
        return self._proc.pid if self._proc is not None else None

    def _start(self) -> subprocess.Popen[str]:
        return subprocess.Popen(
            [sys.executable, "-m", RUNNER, "--serve"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            start_new_session=True,  # a Ctrl-C at the terminal reaches us, not it
        )

    def fork(self, spec_path: Path) -> int | None:
        """Pid of a new extraction process for spec_path, or None if the server fails."""
        if self._owner != os.getpid():
            # we are a forked copy of the caller: the pipes belong to our parent
            self._proc, self._owner, self._lock = None, os.getpid(), threading.Lock()
        with self._lock:
            for _ in range(2):
                if self._proc is None or self._proc.poll() is not None:
                    self._proc = self._start()
                try:
                    assert self._proc.stdin is not None and self._proc.stdout is not None
                    self._proc.stdin.write(f"{spec_path}\n")
                    self._proc.stdin.flush()
                    answer = self._proc.stdout.readline().strip()
                    if answer.isdigit():
                        return int(answer)
                except (OSError, ValueError):
                    pass
                except BaseException:  # interrupted mid-request: the pipe is out of step
                    self._proc.kill()
                    self._proc = None
                    raise
                # only the server itself: extractions it forked belong to other callers
                with contextlib.suppress(OSError):
                    self._proc.kill()
                    self._proc.wait()
                self._proc = None
        return None


_SERVER = _ForkServer()
RUNNER = "psti.evidence.firmware.extract.runner"


def fork_server_pid() -> int | None:
    """Pid of the fork server, if running (it outlives single extractions)."""
    return _SERVER.pid


def _start(
    spec_path: Path, meta_dir: Path, env: dict[str, str]
) -> tuple[int, subprocess.Popen[bytes] | None]:
    pid = _SERVER.fork(spec_path)
    if pid is not None:
        return pid, None
    with (meta_dir / "runner.out").open("wb") as out:
        child = subprocess.Popen(
            [sys.executable, "-m", RUNNER, str(spec_path)],
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=subprocess.STDOUT,
            env=env,
            cwd=meta_dir,
            start_new_session=True,
        )
    return child.pid, child


def _wait(pid: int, child: subprocess.Popen[bytes] | None, timeout: float) -> bool:
    """True once the extraction process has exited."""
    if child is not None:
        if child.poll() is not None:
            return True
        try:  # wake as soon as it exits (Popen.wait polls with growing sleeps)
            fd = os.pidfd_open(child.pid)
        except (AttributeError, OSError):
            fd = None
        if fd is not None:
            try:
                select.select([fd], [], [], timeout)
            finally:
                os.close(fd)
            return child.poll() is not None
        try:
            child.wait(timeout=timeout)
            return True
        except subprocess.TimeoutExpired:
            return False
    import psutil  # as in kill_tree: only when a process that is not our child must be waited for

    try:
        psutil.Process(pid).wait(timeout=timeout)
        return True
    except psutil.TimeoutExpired:
        return False
    except psutil.NoSuchProcess:
        return True


def run_unblob(
    image: Path,
    extract_root: Path,
    meta_dir: Path,
    limits: Limits,
    path_env: str,
    progress: ProgressFn | None,
    process_num: int,
    targets: list[tuple[Path, int]] | None = None,
    started: float | None = None,
) -> RunOutcome:
    """Run unblob on `image` (or on each of `targets`: files inside `extract_root`, with
    the nesting depth they are at) in a supervised child process."""
    status_path = meta_dir / "exit-status"
    with contextlib.suppress(FileNotFoundError):
        status_path.unlink()
    spec = {
        "image": str(image),
        "targets": [[str(p), d] for p, d in targets] if targets is not None else None,
        "extract_root": str(extract_root),
        "log_path": str(meta_dir / "unblob.log"),
        "report_path": str(meta_dir / "unblob-report.json"),
        "status_path": str(status_path),
        "path": path_env,
        "max_depth": limits.max_depth,
        "process_num": process_num,
        # no single file may be larger than the whole budget either
        "max_file_bytes": max(1, min(limits.max_file_bytes, limits.max_total_bytes)),
    }
    spec_path = meta_dir / "spec.json"
    spec_path.write_text(json.dumps(spec))
    env = dict(os.environ, PATH=path_env, PYTHONUNBUFFERED="1")
    started = time.monotonic() if started is None else started
    pid, child = _start(spec_path, meta_dir, env)
    stopped_by, last = watch(pid, child, extract_root, limits, progress, started)
    returncode: int | None = None
    try:
        returncode = int(status_path.read_text())
    except (OSError, ValueError):
        returncode = None  # killed, or died before finishing
    return RunOutcome(stopped_by, returncode, time.monotonic() - started, last)


def watch(
    pid: int,
    child: subprocess.Popen[bytes] | None,
    extract_root: Path,
    limits: Limits,
    progress: ProgressFn | None,
    started: float,
) -> tuple[str | None, Measure]:
    """Poll an extraction process until it exits; kill its tree when a bound is crossed.

    `started` is when the whole extraction began: the time bound covers every phase.
    Returns the bound that stopped it (or None) and the last measure of the tree.
    """
    stopped_by: str | None = None
    last = Measure()
    interval = POLL_MIN
    reported = (-1, 0.0)  # (files, when) of the last progress call
    try:
        while not _wait(pid, child, interval):
            walk_started = time.monotonic()
            last = measure(extract_root, stop_files=limits.max_files)
            walk_took = time.monotonic() - walk_started
            interval = min(POLL_MAX, max(2 * interval, POLL_COST_FACTOR * walk_took))
            elapsed = time.monotonic() - started
            if last.total_bytes > limits.max_total_bytes:
                stopped_by = "max_total_bytes"
            elif last.files > limits.max_files:
                stopped_by = "max_files"
            elif elapsed > limits.max_seconds:
                stopped_by = "max_seconds"
            if stopped_by:
                kill_tree(pid)
                _wait(pid, child, 5.0)
                break
            now = time.monotonic()
            if progress is not None and last.files != reported[0] and now - reported[1] >= 0.5:
                progress("extracting firmware", float(last.files), None)
                reported = (last.files, now)
    except BaseException:
        kill_tree(pid)
        _wait(pid, child, 5.0)
        raise
    return stopped_by, last
