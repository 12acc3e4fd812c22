"""Whole-scan time and peak memory of `psti scan firmware` on SquashFS images.

Builds (once, cached under /tmp) a ~32 MB SquashFS of ~2,000 real files (ELF programs
and libraries, /etc text, compressed docs) with one planted shadow hash, then times:

- floor: `unsquashfs -d OUT IMAGE` alone (extraction, nothing else);
- psti:  the whole scan in a child process (extraction, file scan, hash checks),
         with its peak RSS (largest process, from wait4).

`--big` adds a ~256 MB image (the same tree plus incompressible data) for the memory
bound (< 1 GiB). Run: .venv/bin/python bench/fw_scan_time.py [--big]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
import warnings
from pathlib import Path

with warnings.catch_warnings():
    warnings.simplefilter("ignore", DeprecationWarning)
    import crypt

CACHE = Path(tempfile.gettempdir()) / "psti-bench-fw"
SOURCES = ("/usr/lib/x86_64-linux-gnu", "/usr/bin", "/usr/sbin", "/etc", "/usr/share/doc")


def build_tree(root: Path, target_bytes: int, target_files: int) -> None:
    total = files = 0
    for src in SOURCES:
        for p in sorted(Path(src).rglob("*")):
            if files >= target_files or total >= target_bytes:
                break
            try:
                if not p.is_file() or p.is_symlink() or p.stat().st_size > 256 << 10:
                    continue
                dest = root / p.relative_to("/")
                dest.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(p, dest)
            except OSError:
                continue
            total += dest.stat().st_size
            files += 1
    (root / "etc").mkdir(exist_ok=True)
    (root / "etc/passwd").write_text("root:x:0:0:root:/root:/bin/sh\n")
    (root / "etc/shadow").write_text(f"root:{crypt.crypt('admin', '$1$benchslt$')}:1::::::\n")


def image(name: str, target_bytes: int, files: int, noise_mb: int = 0) -> Path:
    out = CACHE / name
    if out.exists():
        return out
    CACHE.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=CACHE) as d:
        root = Path(d) / "rootfs"
        build_tree(root, target_bytes, files)
        if noise_mb:
            (root / "data").mkdir()
            for i in range(noise_mb // 16):
                (root / f"data/blob{i}.bin").write_bytes(os.urandom(16 << 20))
        subprocess.run(["mksquashfs", str(root), str(out), "-noappend", "-all-root", "-quiet", "-comp", "xz"],
                       check=True, capture_output=True)
    return out


def time_unsquashfs(img: Path, keep: Path | None = None) -> tuple[float, float]:
    """Wall and CPU seconds of unsquashfs alone."""
    with tempfile.TemporaryDirectory() as d:
        dest = keep or Path(d) / "x"
        t = time.perf_counter()
        proc = subprocess.Popen(["unsquashfs", "-no-progress", "-d", str(dest), str(img)],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(proc.pid, 0)
        assert status == 0
        return time.perf_counter() - t, usage.ru_utime + usage.ru_stime


CHILD = """
import sys
from pathlib import Path
from psti.evidence.firmware.collector import ScanOptions, scan_image
r = scan_image(Path(sys.argv[1]), Path(sys.argv[2]), ScanOptions(crack_deadline_s=120))
fails = sorted({f.kind for f in r.findings if f.effect.value == 'fail'})
print(r.evidence[0].attributes['files'], ' '.join(fails))
"""


def time_psti(img: Path) -> tuple[float, float, float, str]:
    with tempfile.TemporaryDirectory() as d:
        t = time.perf_counter()
        proc = subprocess.Popen([sys.executable, "-W", "ignore", "-c", CHILD, str(img), d],
                                stdout=subprocess.PIPE, text=True)
        _, status, usage = os.wait4(proc.pid, 0)
        elapsed = time.perf_counter() - t
        out = proc.stdout.read() if proc.stdout else ""
        if status != 0:
            raise SystemExit(f"scan failed with status {status}")
        return elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, out.strip()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--big", action="store_true", help="also the ~256 MB image (memory bound)")
    ap.add_argument("--runs", type=int, default=2, help="runs of each measurement (best kept)")
    args = ap.parse_args()
    cases = [("small-32mb.sqsh", 96 << 20, 2000, 16)]
    if args.big:
        cases.append(("big-256mb.sqsh", 96 << 20, 2000, 224))
    print("wall s / CPU s (user+system, children included); ratios to unsquashfs alone; "
          f"best of {args.runs}; load average {os.getloadavg()[0]:.1f}")
    for name, size, files, noise in cases:
        img = image(name, size, files, noise)
        floor_w, floor_c = min(time_unsquashfs(img) for _ in range(args.runs))
        with tempfile.TemporaryDirectory() as d:
            tree = Path(d) / "rootfs"
            time_unsquashfs(img, tree)
            scan_w, scan_c, scan_rss, _ = min(time_psti(tree) for _ in range(args.runs))
        whole_w, whole_c, rss, out = min(time_psti(img) for _ in range(args.runs))
        print(f"{name}: {img.stat().st_size / 1e6:.1f} MB image; scan found: {out}")
        print(f"  unsquashfs alone            {floor_w:6.2f} / {floor_c:6.2f}")
        print(f"  psti checks on the tree     {scan_w:6.2f} / {scan_c:6.2f}   "
              f"x{scan_w / floor_w:.2f} / x{scan_c / floor_c:.2f}  (peak RSS {scan_rss:.0f} MiB)")
        print(f"  psti whole scan (extract_image + checks) {whole_w:6.2f} / {whole_c:6.2f}   "
              f"x{whole_w / floor_w:.2f} / x{whole_c / floor_c:.2f}  (peak RSS {rss:.0f} MiB, target < 1024)")
        print(f"  unsquashfs + psti checks    x{(floor_w + scan_w) / floor_w:.2f} wall")
        print(f"  whole scan / unsquashfs alone: x{whole_w / floor_w:.2f} wall, "
              f"x{whole_c / floor_c:.2f} CPU (target <= 2x); load average now "
              f"{os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
