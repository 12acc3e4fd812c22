"""Benchmark: analyse a 1,000,000-row password batch; ratio to only reading it (the floor).

    python bench/creds_batch.py [--rows 1000000] [--kind good|sha|dup] [--gzip]

Generates the batch (serial, MAC, IMEI, password) in a temporary folder, then runs, each in
a fresh process so peak memory is its own:
  floor:    iterate every row with the same parser (psti's BatchReader), nothing else;
  analysis: analyse_batch (duplicates, counters, derivations, public info, guessability).
Prints wall time, peak RSS, and the ratio analysis/floor. No peer tool checks batches, so
there is no peer column.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import hashlib
import json
import os
import random
import secrets
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CHILD = r"""
import json, resource, sys, time
from pathlib import Path
mode, path = sys.argv[1], Path(sys.argv[2])
t = time.perf_counter()
if mode == "floor":
    from psti.evidence.credentials.reader import BatchReader
    n = sum(1 for _ in BatchReader(path).rows())
    out = {"rows": n}
else:
    from psti.evidence.credentials import PublicInfo, analyse_batch
    pub = PublicInfo.from_strings([("product.brand", "Acme Home"), ("product.model", "CAM-200")])
    r = analyse_batch(path, public=pub)
    out = {"rows": r.rows, "duplicates": r.duplicates.units, "counters": r.counter_units,
           "derivations": len(r.derivations), "weak": r.weak.count, "bias": len(r.bias),
           "entropy_bits": round(r.entropy_bits, 1), "passes": r.passes}
out["seconds"] = time.perf_counter() - t
ru = resource.getrusage(resource.RUSAGE_SELF)
out["cpu_seconds"] = ru.ru_utime + ru.ru_stime
out["peak_mib"] = ru.ru_maxrss / 1024
print(json.dumps(out))
"""


def generate(path: Path, rows: int, kind: str, compress: bool) -> None:
    rng = random.Random(1)
    opener = gzip.open if compress else open
    with opener(path, "wt", newline="", encoding="utf-8") as f:  # type: ignore[operator]
        w = csv.writer(f)
        w.writerow(["serial", "mac", "imei", "password"])
        base_mac = 0x0C8BFD000000
        for i in range(rows):
            serial = f"AC2{i:09d}"
            mac = base_mac + i
            mac_s = ":".join(f"{(mac >> s) & 0xFF:02X}" for s in range(40, -8, -8))
            imei = f"35{rng.randrange(10**12):012d}{i % 10}"
            if kind == "sha":
                pw = hashlib.sha256(serial.encode()).hexdigest()[:8]
            elif kind == "dup" and i % 1000 == 999:
                pw = "shared-Pw-0001"
            else:
                pw = secrets.token_urlsafe(12)
            w.writerow([serial, mac_s, imei, pw])


def run(mode: str, path: Path) -> dict[str, float]:
    out = subprocess.run([sys.executable, "-c", CHILD, mode, str(path)], capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=1_000_000)
    ap.add_argument("--kind", choices=["good", "sha", "dup"], default="good")
    ap.add_argument("--gzip", action="store_true")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / ("batch.csv.gz" if args.gzip else "batch.csv")
        t = time.perf_counter()
        generate(path, args.rows, args.kind, args.gzip)
        print(
            f"generated {args.rows:,} rows ({args.kind}) in {time.perf_counter() - t:.1f} s, "
            f"{path.stat().st_size / 2**20:.1f} MiB"
        )
        floor = run("floor", path)
        full = run("analysis", path)
    for name, r in (("floor (read only)", floor), ("analysis (all checks)", full)):
        print(f"{name:22s} wall {r['seconds']:6.2f} s  cpu {r['cpu_seconds']:6.2f} s  peak {r['peak_mib']:5.0f} MiB")
    print(f"findings: {full}")
    ratio = full["seconds"] / floor["seconds"]
    cpu_ratio = full["cpu_seconds"] / floor["cpu_seconds"]
    rate = full["rows"] / full["seconds"]
    print(
        f"ratio analysis/floor: wall {ratio:.2f}x, cpu {cpu_ratio:.2f}x   rows/s: {rate:,.0f}   "
        f"cpus: {os.cpu_count()}   load average: {os.getloadavg()[0]:.1f}"
    )


if __name__ == "__main__":
    main()
