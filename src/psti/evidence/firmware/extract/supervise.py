"""Run the unblob child process and hold it to the limits while it runs.

The supervisor polls the extraction directory (file count, bytes) and the clock, and
kills the whole process tree as soon as a bound is crossed, so a decompression bomb is
stopped while it expands, not measured afterwards. Each single file is also capped by
RLIMIT_FSIZE inside the child, which bounds what can be written between two polls.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import psutil

from psti.evidence.firmware.extract.model import Limits
from psti.evidence.firmware.extract.tree import Measure, measure
from psti.evidence.interface import ProgressFn

POLL_MIN = 0.05  # seconds between polls; grows with the cost of walking the tree
POLL_MAX = 1.0


@dataclass
class RunOutcome:
    stopped_by: str | None  # "max_seconds" | "max_total_bytes" | "max_files" | None
    returncode: int | None
    elapsed: float
    last: Measure


def kill_tree(pid: int) -> None:
    """Stop then kill a process and every descendant (unblob workers leave our group)."""
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


def run_unblob(
    image: Path,
    extract_root: Path,
    meta_dir: Path,
    limits: Limits,
    path_env: str,
    progress: ProgressFn | None,
    process_num: int,
) -> RunOutcome:
    spec = {
        "image": str(image),
        "extract_root": str(extract_root),
        "log_path": str(meta_dir / "unblob.log"),
        "report_path": str(meta_dir / "unblob-report.json"),
        "max_depth": limits.max_depth,
        "process_num": process_num,
        # no single file may be larger than the whole budget either
        "max_file_bytes": max(1, min(limits.max_file_bytes, limits.max_total_bytes)),
    }
    spec_path = meta_dir / "spec.json"
    spec_path.write_text(json.dumps(spec))
    env = dict(os.environ, PATH=path_env, PYTHONUNBUFFERED="1")
    started = time.monotonic()
    with (meta_dir / "runner.out").open("wb") as out:
        child = subprocess.Popen(
            [sys.executable, "-m", "psti.evidence.firmware.extract.runner", str(spec_path)],
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=subprocess.STDOUT,
            env=env,
            cwd=meta_dir,
            start_new_session=True,  # a Ctrl-C at the terminal reaches us, not the child
        )
    stopped_by: str | None = None
    last = Measure()
    interval = POLL_MIN
    reported = (-1, 0.0)  # (files, when) of the last progress call
    try:
        while True:
            try:
                child.wait(timeout=interval)
                break
            except subprocess.TimeoutExpired:
                pass
            walk_started = time.monotonic()
            last = measure(extract_root, stop_files=limits.max_files)
            walk_took = time.monotonic() - walk_started
            interval = min(POLL_MAX, max(POLL_MIN, 4 * walk_took))
            elapsed = time.monotonic() - started
            if last.total_bytes > limits.max_total_bytes:
                stopped_by = "max_total_bytes"
            elif last.files > limits.max_files:
                stopped_by = "max_files"
            elif elapsed > limits.max_seconds:
                stopped_by = "max_seconds"
            if stopped_by:
                kill_tree(child.pid)
                child.wait()
                break
            now = time.monotonic()
            if progress is not None and last.files != reported[0] and now - reported[1] >= 0.5:
                progress("extracting firmware", float(last.files), None)
                reported = (last.files, now)
    except BaseException:
        kill_tree(child.pid)
        child.wait()
        raise
    return RunOutcome(stopped_by, child.returncode, time.monotonic() - started, last)
