"""Per-file checks on several cores give exactly what one core gives."""

from __future__ import annotations

import multiprocessing
import os
import shutil
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from psti import parallel
from psti.evidence.firmware.scan import scan_tree
from psti.evidence.firmware.tree import FileTree


@dataclass(frozen=True)
class Item:
    name: str
    size: int


def _items(n: int, size: int) -> list[Item]:
    return [Item(f"f{i}", size + i) for i in range(n)]


def test_results_come_back_in_order_from_every_worker() -> None:
    items = _items(300, 64 << 10)  # ~19 MB of work: large enough to fork
    parent = os.getpid()

    def check(item: Item) -> tuple[str, int]:
        return item.name, os.getpid()

    got = parallel.map_files(items, check, workers=2)
    assert [name for name, _ in got] == [i.name for i in items]
    seen_pids = {pid for _, pid in got}
    assert parent in seen_pids and len(seen_pids) == 2  # the parent did a shard, a child the rest


def test_small_work_stays_in_process() -> None:
    parent = os.getpid()
    got = parallel.map_files(_items(10, 100), lambda item: os.getpid(), workers=4)
    assert got == [parent] * 10


def test_a_failing_child_has_its_shard_redone() -> None:
    items = _items(200, 64 << 10)
    parent = os.getpid()

    def check(item: Item) -> str:
        if os.getpid() != parent:
            raise RuntimeError("child breaks")
        return item.name

    assert parallel.map_files(items, check, workers=2) == [i.name for i in items]


def test_an_error_in_the_parent_propagates_and_leaves_no_child(monkeypatch: pytest.MonkeyPatch) -> None:
    items = _items(200, 64 << 10)
    parent = os.getpid()
    started: list[int] = []
    fork = parallel._fork

    def recording_fork(*args: object) -> tuple[int, int] | None:
        got = fork(*args)  # type: ignore[arg-type]
        if got is not None and os.getpid() == parent:
            started.append(got[0])
        return got

    monkeypatch.setattr(parallel, "_fork", recording_fork)

    def check(item: Item) -> str:
        if os.getpid() == parent:
            raise ValueError("bad file")
        return item.name

    with pytest.raises(ValueError, match="bad file"):
        parallel.map_files(items, check, workers=3)
    assert len(started) == 2
    for pid in started:  # every child was reaped
        with pytest.raises(ChildProcessError):
            os.waitpid(pid, os.WNOHANG)


def test_split_balances_the_time_each_shard_takes() -> None:
    items = [Item("big", 10 << 20), *_items(100, 200 << 10)]
    shards = parallel.split(items, 3)
    assert sorted(i for s in shards for i in s) == list(range(len(items)))
    weights = [1.0, parallel.CHILD_SLOWDOWN, parallel.CHILD_SLOWDOWN]
    times = [w * sum(items[i].size + parallel.PER_FILE_COST for i in s) for w, s in zip(weights, shards, strict=True)]
    assert max(times) / min(times) < 1.1
    assert sum(items[i].size for i in shards[0]) > sum(items[i].size for i in shards[1])  # the parent does more


def test_split_weighs_a_file_by_the_work_its_check_does() -> None:
    """A huge file the check only sniffs does not take a shard to itself."""
    items = [Item("blob", 200 << 20), *_items(100, 200 << 10)]
    by_size = parallel.split(items, 2)
    assert any(s == [0] for s in by_size)  # by size alone the blob is one shard's whole load
    shards = parallel.split(items, 2, work=lambda it: 4096 if it.size > (32 << 20) else it.size)
    counts = sorted(len(s) for s in shards)
    assert counts[0] > 40, counts  # the small files are shared out


def test_scan_tree_is_the_same_on_one_core_and_on_several(tmp_path: Path) -> None:
    root = tmp_path / "rootfs"
    (root / "etc").mkdir(parents=True)
    (root / "etc/passwd").write_text("root:x:0:0:root:/root:/bin/sh\nsvc:x:0:0::/:/bin/sh\n")
    (root / "etc/shadow").write_text("root:$1$abcdefgh$0GpDyYVybEJcNyGmCr7Ho1:1::::::\n")
    (root / "etc/init.d").mkdir()
    (root / "etc/init.d/rcS").write_text("#!/bin/sh\ntelnetd -l /bin/sh\necho 'admin:Secr3tPass' | chpasswd\n")
    (root / "www").mkdir()
    (root / "www/login.js").write_text("var url = 'http://admin:Hunter2pass@192.168.1.1/cgi';\n")
    (root / "bin").mkdir()
    for i, prog in enumerate(("/bin/ls", "/bin/cp", "/bin/mv", "/bin/cat", "/usr/bin/env")):
        if Path(prog).exists():
            shutil.copyfile(prog, root / "bin" / f"prog{i}")
    blob = b"\x00\x01" * (3 << 20) + b"Password:\x00Zq7mWx2Lp9Rt\x00"
    (root / "bin/vendor-daemon").write_bytes(b"\x7fELF" + blob)
    one = scan_tree(FileTree(root), workers=1)
    two = scan_tree(FileTree(root), workers=2)
    assert one.bytes >= parallel.PARALLEL_MIN_BYTES
    assert one == two
    assert {c.path for c in one.credentials} >= {"/etc/shadow", "/etc/init.d/rcS", "/www/login.js"}
    assert {o.kind for o in one.observations} >= {"FW-TELNET-NOAUTH", "FW-EXTRA-UID0"}


def test_a_worker_thread_checks_in_its_own_process() -> None:
    items = _items(300, 64 << 10)
    got: list[list[int]] = []
    worker = threading.Thread(target=lambda: got.append(parallel.map_files(items, lambda item: os.getpid(), workers=2)))
    worker.start()
    worker.join()
    assert set(got[0]) == {os.getpid()}


def _pid_after(seconds: float) -> int:
    time.sleep(seconds)
    return os.getpid()


def test_the_process_pool_runs_tasks_in_other_processes() -> None:
    with parallel.process_pool(2) as pool:
        pids = set(pool.map(_pid_after, [0.0] * 8))
    assert os.getpid() not in pids and 1 <= len(pids) <= 2


def test_leaving_the_process_pool_by_an_exception_kills_its_workers() -> None:
    started = time.monotonic()
    with pytest.raises(KeyboardInterrupt), parallel.process_pool(2) as pool:
        futures = [pool.submit(_pid_after, 30.0) for _ in range(6)]
        while not any(f.running() for f in futures):
            time.sleep(0.01)
        raise KeyboardInterrupt
    assert time.monotonic() - started < 20  # the sleeping tasks were not waited for
    assert multiprocessing.active_children() == []
