"""Benchmark: psti's safe firmware extraction against the floor (unsquashfs alone).

Builds a ~32 MB SquashFS of ~2,000 files (half incompressible "binaries", half text
configuration files), then times, in this one run:
  - floor: `unsquashfs -d OUT IMAGE` (just unpacking the filesystem);
  - peer:  the `unblob` CLI on the same image (recursive extraction, no supervision);
  - psti:  `extract_image` (for a SquashFS: its fast path, unsquashfs supervised and
           sandboxed, links neutralised, files classified by magic, unblob only on
           container-looking files; root detection).
Prints wall-clock and CPU seconds (user+system, this process and every child it
waited for) and ratios. CPU time is the steadier figure on a shared machine.
psti runs single-shot here (no fork server: if unblob is needed, a fresh interpreter
imports it, as one `psti scan firmware` run does).
Usage: .venv/bin/python bench/firmware_extract.py [--runs N]
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from psti.evidence.firmware.extract import extract_image, supervise, work_directory

FILES = 2000


def build_rootfs(root: Path, seed: int = 1) -> None:
    rng = random.Random(seed)
    words = [f"opt{i}" for i in range(400)]
    for i in range(FILES):
        d = root / ("usr/lib" if i % 2 else "etc/conf") / f"d{i % 40:02d}"
        d.mkdir(parents=True, exist_ok=True)
        if i % 2:  # incompressible, like stripped binaries and compressed assets
            (d / f"lib{i}.so").write_bytes(rng.randbytes(31 * 1024))
        else:
            lines = (f"{rng.choice(words)}={rng.randint(0, 1 << 30)}" for _ in range(400))
            (d / f"conf{i}.cfg").write_text("\n".join(lines))
    (root / "bin").mkdir(exist_ok=True)
    (root / "etc/passwd").write_text("root:x:0:0::/root:/bin/sh\n")


def _cpu() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def timed(fn) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    """(wall seconds, CPU seconds) of one call."""
    start, cpu = time.perf_counter(), _cpu()
    fn()
    return time.perf_counter() - start, _cpu() - cpu


def best(fn, runs: int) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    results = [timed(fn) for _ in range(runs)]
    return min(r[0] for r in results), min(r[1] for r in results)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=1, help="runs per tool (best is kept)")
    args = parser.parse_args()
    if shutil.which("mksquashfs") is None or shutil.which("unsquashfs") is None:
        print("needs squashfs-tools (scripts/install-system.sh)", file=sys.stderr)
        return 2
    unblob_cli = Path(sys.executable).parent / "unblob"
    with tempfile.TemporaryDirectory(prefix="psti-bench-") as tmp:
        base = Path(tmp)
        build_rootfs(base / "rootfs")
        image = base / "rootfs.sqsh"
        subprocess.run(["mksquashfs", str(base / "rootfs"), str(image), "-noappend",
                        "-all-root", "-no-progress", "-quiet"], check=True)
        size_mb = image.stat().st_size / 1e6
        env = dict(os.environ, PATH=f"{unblob_cli.parent}:{os.environ.get('PATH', '')}")

        def floor() -> None:
            out = base / "floor"
            shutil.rmtree(out, ignore_errors=True)
            subprocess.run(["unsquashfs", "-no-progress", "-d", str(out), str(image)],
                           check=True, stdout=subprocess.DEVNULL)

        def peer() -> None:
            out = base / "peer"
            shutil.rmtree(out, ignore_errors=True)
            subprocess.run([str(unblob_cli), "-f", "-e", str(out), "--log",
                            str(base / "peer.log"), str(image)],
                           check=True, stdout=subprocess.DEVNULL, env=env)

        result = {}
        # single-shot: no fork server, so the extraction process is our child and its
        # CPU time (with unblob's workers') is counted in RUSAGE_CHILDREN
        supervise._SERVER.fork = lambda spec_path: None  # type: ignore[method-assign]

        def ours() -> None:
            with work_directory(parent=base) as wd:
                result["ex"] = extract_image(image, wd)

        floor_t = best(floor, args.runs)
        peer_t = best(peer, args.runs) if unblob_cli.exists() else None
        ours_t = best(ours, args.runs)
        ex = result["ex"]
    load = os.getloadavg()[0]
    print(f"firmware extraction benchmark  {time.strftime('%Y-%m-%d')}  "
          f"{platform.machine()} {os.cpu_count()} cores  load {load:.1f}  "
          f"python {platform.python_version()}")
    print(f"image: SquashFS (gzip) {size_mb:.1f} MB, {FILES:,} files; psti extracted "
          f"{ex.files:,} files, {ex.total_bytes / 1e6:.1f} MB, roots={len(ex.roots)}, "
          f"problems={len(ex.problems)}")
    print(f"  {'':24}{'wall s':>8}{'x floor':>9}{'CPU s':>8}{'x floor':>9}")

    def row(name: str, t: tuple[float, float]) -> None:
        print(f"  {name:24}{t[0]:8.2f}{t[0] / floor_t[0]:9.1f}{t[1]:8.2f}"
              f"{t[1] / floor_t[1]:9.1f}")

    row("unsquashfs (floor)", floor_t)
    if peer_t is not None:
        row("unblob CLI (peer)", peer_t)
    row("psti extract_image", ours_t)
    if peer_t is not None:
        print(f"  psti / unblob CLI: wall {ours_t[0] / peer_t[0]:.2f}x, "
              f"CPU {ours_t[1] / peer_t[1]:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
