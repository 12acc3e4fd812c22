"""Whole-scan time and peak memory of `psti scan firmware` on SquashFS images.

Builds (once, cached under /tmp) a ~32 MB SquashFS of ~2,000 real files (ELF programs
and libraries, /etc text, compressed docs) with one planted shadow hash, then times,
alternating them so that a shared machine's drift falls on both alike:

- floor: `unsquashfs -d OUT IMAGE` alone (extraction, nothing else);
- psti:  the command a user runs, `psti scan firmware IMAGE --format json -o FILE`
         (interpreter start-up, extraction, file checks, hash checks, the assessment,
         the report, removal of the work directory), with its peak RSS (largest
         process, from wait4);
- psti on the already extracted tree (the same command on a directory).

Each ratio is taken within one floor/psti pair; the median and the best pair are
printed. `--big` adds a ~256 MB image (the same tree plus incompressible data) for the
memory bound (< 1 GiB). Run: .venv/bin/python bench/fw_scan_time.py [--runs N] [--big]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
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


PSTI = str(Path(sys.executable).with_name("psti"))


def time_psti(target: Path) -> tuple[float, float, float, str]:
    """Wall, CPU (children included) and peak RSS of one `psti scan firmware` run."""
    with tempfile.TemporaryDirectory() as d:
        report = Path(d) / "report.json"
        t = time.perf_counter()
        proc = subprocess.Popen([PSTI, "scan", "firmware", str(target), "--format", "json", "-o", str(report),
                                 "--no-progress", "--crack-seconds", "120"],
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        _, status, usage = os.wait4(proc.pid, 0)
        elapsed = time.perf_counter() - t
        err = proc.stderr.read().decode() if proc.stderr else ""
        if not os.WIFEXITED(status) or os.WEXITSTATUS(status) not in (0, 1):
            raise SystemExit(f"psti scan firmware failed ({status}): {err[-500:]}")
        found = json.loads(report.read_text())
        fails = sorted({f["kind"] for f in found["findings"] if f["effect"] == "fail"})
        return elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, " ".join(fails)


def pairs(img: Path, target: Path, runs: int) -> list[tuple[float, float, float, float, float, str]]:
    """(floor wall, floor CPU, psti wall, psti CPU, psti peak RSS, findings) per alternating pair."""
    out = []
    for _ in range(runs):
        fw, fc = time_unsquashfs(img)
        pw, pc, rss, found = time_psti(target)
        out.append((fw, fc, pw, pc, rss, found))
    return out


def report(label: str, runs: list[tuple[float, float, float, float, float, str]]) -> None:
    wall = sorted(r[2] / r[0] for r in runs)
    cpu = sorted(r[3] / r[1] for r in runs)
    best = min(runs, key=lambda r: r[2] / r[0])
    print(f"  {label:34s} x{statistics.median(wall):.2f} wall (best x{wall[0]:.2f}), "
          f"x{statistics.median(cpu):.2f} CPU; best pair {best[2]:.2f} s vs {best[0]:.2f} s; "
          f"peak RSS {max(r[4] for r in runs):.0f} MiB")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--big", action="store_true", help="also the ~256 MB image (memory bound)")
    ap.add_argument("--runs", type=int, default=7, help="alternating floor/psti pairs per measurement")
    args = ap.parse_args()
    cases = [("small-32mb.sqsh", 96 << 20, 2000, 16)]
    if args.big:
        cases.append(("big-256mb.sqsh", 96 << 20, 2000, 224))
    print("ratios of `psti scan firmware` to `unsquashfs` alone, wall and CPU (user+system, children "
          f"included), median of {args.runs} alternating pairs; load average {os.getloadavg()[0]:.1f}")
    for name, size, files, noise in cases:
        img = image(name, size, files, noise)
        time_psti(img)  # warm the page cache and the byte-code, as a second run would
        whole = pairs(img, img, args.runs)
        print(f"{name}: {img.stat().st_size / 1e6:.1f} MB image; scan found: {whole[0][5]}")
        report("whole scan of the image", whole)
        with tempfile.TemporaryDirectory() as d:
            tree = Path(d) / "rootfs"
            time_unsquashfs(img, tree)
            report("checks on the extracted tree", pairs(img, tree, max(3, args.runs // 2)))
    print(f"target: whole scan <= x2 wall; peak RSS < 1024 MiB; load average now {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
