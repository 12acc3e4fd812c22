"""Benchmark: `psti survey` over 200 generated firmware images.

Images per minute one at a time (inline), with the local process pool (2 workers) and
on a Dask cluster of 2 workers on 127.0.0.1, against a floor of just reading and
hashing every image. Prints ratios measured in this one run.

    .venv/bin/python bench/survey.py [--images 200] [--size-kib 1024] [--collector]

By default firmware items use the quick screen (`psti survey --screen`); `--collector`
runs the firmware collector on each image when it is installed.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import os
import platform
import random
import sys
import tarfile
import tempfile
import time
from pathlib import Path

from psti.enforcement import survey

SHADOW = b"root:$6$benchsalt$" + b"Q" * 86 + b":19000:0:99999:7:::\n"


def make_images(folder: Path, n: int, size: int) -> None:
    rng = random.Random(2026)
    for i in range(n):
        payload = rng.randbytes(size)
        shadow = SHADOW if i % 4 == 0 else b"root:*:19000:0:99999:7:::\n"
        if i % 2:
            with tarfile.open(folder / f"fw-{i:03d}.tar.gz", "w:gz", compresslevel=1) as tar:
                for name, data in (("bin/busybox", payload), ("etc/shadow", shadow)):
                    info = tarfile.TarInfo(name)
                    info.size = len(data)
                    tar.addfile(info, io.BytesIO(data))
        else:
            (folder / f"fw-{i:03d}.bin").write_bytes(payload[: size // 2] + b"\n" + shadow + payload[size // 2 :])


def floor(items: list[dict[str, str]]) -> float:
    start = time.perf_counter()
    for it in items:
        hashlib.sha256(Path(it["path"]).read_bytes()).hexdigest()
    return time.perf_counter() - start


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--images", type=int, default=200)
    ap.add_argument("--size-kib", type=int, default=1024)
    ap.add_argument(
        "--collector",
        action="store_true",
        help="run the firmware collector (extraction) on each image instead of the quick "
        "screen; use fewer --images, it takes seconds per image",
    )
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="psti-bench-survey-") as tmp:
        folder = Path(tmp)
        make_images(folder, args.images, args.size_kib * 1024)
        items = survey.discover(folder, None if args.collector else survey.SCREEN)
        n = len(items)
        t_floor = floor(items)
        inline = survey.run_survey(items, workers=1)
        pool = survey.run_survey(items, workers=2)
        from distributed import LocalCluster

        with LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None
        ) as cluster:
            survey.run_survey(items[:4], scheduler=cluster.scheduler_address)  # warm the workers
            dask = survey.run_survey(items, scheduler=cluster.scheduler_address)
    same = survey.results_equal(inline.results, pool.results) and survey.results_equal(pool.results, dask.results)

    def per_min(seconds: float) -> float:
        return n / seconds * 60

    print(
        f"psti survey benchmark: {n} firmware images of {args.size_kib} KiB "
        f"({sum(1 for r in inline.results if r['verdict'] == 'fail')} with a built-in password hash)"
    )
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {sys.version.split()[0]}, "
        f"load average {load} (other work on the machine caps what 2 workers can gain)"
    )
    print(f"method: {inline.results[0].get('method')}")
    rows = [
        ("floor: read + sha256 only", t_floor),
        ("one at a time (inline)", inline.seconds),
        ("local pool, 2 workers", pool.seconds),
        ("Dask, 2 workers", dask.seconds),
    ]
    for name, secs in rows:
        print(
            f"  {name:28s} {secs:7.2f} s  {per_min(secs):9.0f} images/min  "
            f"x{inline.seconds / secs:5.2f} vs inline  x{t_floor / secs:5.2f} of floor speed"
        )
    print(f"same results in all three modes: {same}")
    return 0 if same else 1


if __name__ == "__main__":
    raise SystemExit(main())
