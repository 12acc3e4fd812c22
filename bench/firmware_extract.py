"""Benchmark: psti's safe firmware extraction against the floor (unsquashfs alone).

Builds a ~32 MB SquashFS of ~2,000 files (half incompressible "binaries", half text
configuration files), then times, in this one run:
  - floor: `unsquashfs -d OUT IMAGE` (just unpacking the filesystem);
  - peer:  the `unblob` CLI on the same image (recursive extraction, no supervision);
  - psti:  `extract_image` (unblob in a supervised, sandboxed child + limit polling +
           link neutralising + root detection).
Prints seconds and ratios. Usage: .venv/bin/python bench/firmware_extract.py [--runs N]
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from psti.evidence.firmware.extract import extract_image, work_directory

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


def timed(fn) -> float:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


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

        def ours() -> None:
            with work_directory(parent=base) as wd:
                result["ex"] = extract_image(image, wd)

        t_floor = min(timed(floor) for _ in range(args.runs))
        t_peer = min(timed(peer) for _ in range(args.runs)) if unblob_cli.exists() else None
        t_ours = min(timed(ours) for _ in range(args.runs))
        ex = result["ex"]
    print(f"firmware extraction benchmark  {time.strftime('%Y-%m-%d')}  "
          f"{platform.machine()} {os.cpu_count()} cores  python {platform.python_version()}")
    print(f"image: SquashFS (gzip) {size_mb:.1f} MB, {FILES:,} files; psti extracted "
          f"{ex.files:,} files, {ex.total_bytes / 1e6:.1f} MB, roots={len(ex.roots)}, "
          f"problems={len(ex.problems)}")
    print(f"  unsquashfs (floor)     {t_floor:6.2f} s   1.00x")
    if t_peer is not None:
        print(f"  unblob CLI (peer)      {t_peer:6.2f} s   {t_peer / t_floor:5.2f}x floor")
    print(f"  psti extract_image     {t_ours:6.2f} s   {t_ours / t_floor:5.2f}x floor"
          + (f", {t_ours / t_peer:.2f}x unblob CLI" if t_peer else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
