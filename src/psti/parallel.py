"""Work spread over every core: the one helper the file checks, hash cracking and surveys use.

`map_files` runs a per-file check over a list of files; results come back in file order.
The checks are CPU-bound Python (regular expressions, byte searches), so threads would
serialise on the GIL. The files are cut into shards of about equal work; each shard but
the first runs in a forked child, which inherits the check and its context (nothing to
pickle on the way in) and sends its results back pickled through a pipe, while the
parent runs the first shard itself. A small tree is checked in-process, where a fork
would cost more than it saves. A child that fails has its shard redone in the parent,
so the results never depend on how the work was split.

`process_pool` is for work that is not known up front (tasks that stop early, like a
password found) or is too uneven to split by size (one survey item per image): a
process pool whose workers are forked, and killed if the caller is interrupted.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import pickle
import signal
import threading
import time
import warnings
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Protocol, TypeVar

R = TypeVar("R")

PARALLEL_MIN_BYTES = 4 << 20  # below this a tree is checked in one process
PER_FILE_COST = 16 << 10  # opening and classifying a file weighs like this many bytes
# A forked child runs about a quarter slower than its parent on the same files: the
# pages it writes to are copied first (copy-on-write), and it must send its results.
CHILD_SLOWDOWN = 1.25
PROGRESS_EVERY = 100  # files between progress calls


class Sized(Protocol):
    @property
    def size(self) -> int: ...


F = TypeVar("F", bound=Sized)


def available_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def map_files(
    files: Sequence[F],
    check: Callable[[F], R],
    workers: int | None = None,
    progress: Callable[[int, int], None] | None = None,
    work: Callable[[F], int] | None = None,
) -> list[R]:
    """`[check(f) for f in files]`, computed on up to `workers` cores (default: all).

    `work(f)` is how many bytes of `f` the check reads (default: its size), by which the
    files are shared out: a file the check only sniffs must not weigh as its size, or its
    shard holds little else while another does all the work.

    Only the main thread forks: a scan run by a worker thread of a server (the registry's
    job runner, a Dask worker) stays in its process, where a fork could copy a lock that
    another thread holds at that moment."""
    n = min(workers or available_cores(), len(files))
    if threading.current_thread() is not threading.main_thread():
        n = 1
    if n < 2 or sum(work(f) if work else f.size for f in files) < PARALLEL_MIN_BYTES or not hasattr(os, "fork"):
        return _run(files, range(len(files)), check, progress, len(files))
    shards = split(files, n, work)
    children: list[tuple[int, int, list[int]]] = []
    results: list[R | None] = [None] * len(files)
    try:
        for shard in shards[1:]:
            started = _fork(files, shard, check)
            if started is None:
                shards[0] += shard  # could not fork: this shard is the parent's too
            else:
                children.append((*started, shard))
        mine = sorted(shards[0])
        for i, r in zip(mine, _run(files, mine, check, progress, len(files)), strict=True):
            results[i] = r
        while children:
            pid, fd, shard = children.pop(0)
            got: list[tuple[int, R]] | None = _collect(pid, fd)
            if got is None or [i for i, _ in got] != shard:
                got = list(zip(shard, _run(files, shard, check, None, len(files)), strict=True))
            for i, r in got:
                results[i] = r
    finally:
        for pid, fd, _ in children:  # interrupted: no child outlives the scan
            with contextlib.suppress(OSError):
                os.close(fd)
            _stop(pid)
    if progress is not None:
        progress(len(files), len(files))
    return results  # type: ignore[return-value]  # every index was filled


def split(files: Sequence[F], n: int, work: Callable[[F], int] | None = None) -> list[list[int]]:
    """Indices of files in n shards that take about as long as each other, the most work
    placed first (`work`: bytes the check reads, default the size). Shard 0 is the
    parent's; work weighs more in the others (children)."""
    loads = [0.0] * n
    weight = [1.0] + [CHILD_SLOWDOWN] * (n - 1)
    shards: list[list[int]] = [[] for _ in range(n)]
    size = [work(f) if work else f.size for f in files]
    for i in sorted(range(len(files)), key=lambda i: -size[i]):
        cost = size[i] + PER_FILE_COST
        best = min(range(n), key=lambda k: loads[k] + cost * weight[k])
        shards[best].append(i)
        loads[best] += cost * weight[best]
    for s in shards:
        s.sort()
    return shards


def _run(
    files: Sequence[F],
    indices: Sequence[int],
    check: Callable[[F], R],
    progress: Callable[[int, int], None] | None,
    total: int,
) -> list[R]:
    out = []
    for done, i in enumerate(indices, 1):
        out.append(check(files[i]))
        if progress is not None and done % PROGRESS_EVERY == 0:
            # the parent's share stands for the whole: shards are of about equal work
            progress(min(total, done * total // max(1, len(indices))), total)
    return out


def _fork(files: Sequence[F], shard: list[int], check: Callable[[F], R]) -> tuple[int, int] | None:
    """Start a child checking `shard`; (pid, read end of its pipe), or None."""
    try:
        read_fd, write_fd = os.pipe()
    except OSError:
        return None
    try:
        with warnings.catch_warnings():  # the child touches no lock another thread may hold
            warnings.simplefilter("ignore", DeprecationWarning)
            pid = os.fork()
    except OSError:
        os.close(read_fd)
        os.close(write_fd)
        return None
    if pid == 0:  # the child: check, send, and leave without running the parent's clean-up
        # os._exit is how a forked child ends (os.fork's documentation): the parent's
        # exit handlers and buffered output are the parent's, not the child's.
        code = 1
        try:
            os.close(read_fd)
            payload = pickle.dumps([(i, check(files[i])) for i in shard], pickle.HIGHEST_PROTOCOL)
            with os.fdopen(write_fd, "wb") as pipe:
                pipe.write(payload)
            code = 0
        except BaseException:  # noqa: BLE001, S110 - the parent redoes the shard
            pass
        finally:
            os._exit(code)
    os.close(write_fd)
    return pid, read_fd


def _collect(pid: int, fd: int) -> list[tuple[int, R]] | None:
    """A child's results, or None if it failed. The child is reaped whatever happens."""
    chunks = []
    try:
        with os.fdopen(fd, "rb") as pipe:
            while block := pipe.read(1 << 20):
                chunks.append(block)
    except OSError:
        pass
    except BaseException:  # interrupted: stop the child before leaving
        _stop(pid)
        raise
    _, status = os.waitpid(pid, 0)
    if not os.WIFEXITED(status) or os.WEXITSTATUS(status) != 0:
        return None
    try:
        return pickle.loads(b"".join(chunks))  # type: ignore[no-any-return]
    except (pickle.UnpicklingError, EOFError, ValueError):
        return None


def _stop(pid: int) -> None:
    """Kill a child and reap it."""
    with contextlib.suppress(OSError):
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)


@contextlib.contextmanager
def process_pool(workers: int | None = None) -> Iterator[ProcessPoolExecutor]:
    """A pool of `workers` processes (default: all cores), forked where the system can.

    Forked workers inherit what the caller has loaded (the regime, compiled searches)
    instead of importing it again. Leaving the block waits for the work; leaving it by
    an exception (Ctrl-C, SIGTERM) drops queued tasks and kills the workers, so none
    outlives the caller.
    """
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    before = {p.pid for p in multiprocessing.active_children()}
    pool = ProcessPoolExecutor(max_workers=workers or available_cores(),
                               mp_context=multiprocessing.get_context(method))
    try:
        yield pool
    except BaseException:
        pool.shutdown(wait=False, cancel_futures=True)
        _kill_new_children(before)
        raise
    pool.shutdown(wait=True)


def _kill_new_children(before: set[int | None], settle_s: float = 5.0) -> None:
    """Kill the pool's workers: children not in `before`. The pool's manager thread may
    still be starting one while it winds down, so look again until none is left."""
    deadline = time.monotonic() + settle_s
    while True:
        extra = [p for p in multiprocessing.active_children() if p.pid not in before]
        if not extra:
            time.sleep(0.05)  # one more look: a worker started just now shows up here
            if not [p for p in multiprocessing.active_children() if p.pid not in before]:
                return
            continue
        for proc in extra:
            with contextlib.suppress(OSError, ValueError):
                proc.kill()
                proc.join()
        if time.monotonic() > deadline:
            return
