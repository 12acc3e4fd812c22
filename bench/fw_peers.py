"""Recall, false positives and time: psti vs detect-secrets and firmwalker.

All three run on the same tree, shared/data/firmware (real files with the answer key
KNOWN_CREDENTIALS.csv). A peer "detects" a row when its output names the row's file
(generous: the peers point at files, they neither name the account nor recover the
password); psti must name the account (or the string) and is also scored on the
plaintexts it recovers. A false positive is a flagged known-negative file.

    .venv/bin/python bench/fw_peers.py [--firmwalker /tmp/firmwalker]

firmwalker is not on PyPI/Debian: bring it with the project's fetch tool and unpack it
outside the repository (e.g. /tmp/firmwalker); it runs from its own folder.
"""

from __future__ import annotations

import argparse
import csv
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchdata import REPO, shared_data_dir

sys.path.insert(0, str(REPO))
# the accuracy test's answer key: psti is scored here exactly as the test scores it
from tests.evidence.firmware.answer_key import NEGATIVE_FILES, _files, evaluate  # noqa: E402


def key_rows(data: Path) -> list[tuple[str, list[str]]]:
    rows = []
    with (data / "KNOWN_CREDENTIALS.csv").open(newline="") as fh:
        for row in csv.DictReader(fh):
            if row["credential_type"].startswith("locked") or row["account"] == "n/a" or \
                    row["file"].endswith("passwd_FP_test"):
                continue
            rows.append((f"{row['file']}:{row['account']}", [p.lstrip("/") for p in _files(row["file"], data)]))
    return rows


def score_files(flagged: set[str], data: Path) -> tuple[int, int, list[str]]:
    rows = key_rows(data)
    hit = sum(1 for _, files in rows if any(f in flagged for f in files))
    fps = [n for n in NEGATIVE_FILES if n in flagged]
    return hit, len(rows), fps


def run_detect_secrets(data: Path) -> tuple[set[str], float]:
    exe = shutil.which("detect-secrets", path=str(Path(sys.executable).parent))
    t = time.perf_counter()
    out = subprocess.run([exe, "scan", "--all-files", str(data)], capture_output=True, text=True, check=True,
                         cwd=data)
    elapsed = time.perf_counter() - t
    results = json.loads(out.stdout)["results"]
    return {str(Path(f)).lstrip("./") for f, items in results.items() if items}, elapsed


def run_firmwalker(data: Path, home: Path) -> tuple[set[str], float]:
    with tempfile.TemporaryDirectory() as d:
        report = Path(d) / "fw.txt"
        t = time.perf_counter()
        subprocess.run(["bash", str(home / "firmwalker.sh"), str(data) + "/", str(report)], cwd=home,
                       capture_output=True, text=True, check=False)
        elapsed = time.perf_counter() - t
        text = report.read_text(errors="replace") if report.exists() else ""
    flagged = set()
    for p in data.rglob("*"):
        rel = p.relative_to(data).as_posix()
        if p.is_file() and rel in text:
            flagged.add(rel)
    return flagged, elapsed


def main() -> None:
    ap = argparse.ArgumentParser()
    shared = shared_data_dir()
    ap.add_argument("--data", type=Path, default=(shared / "firmware") if shared else None,
                    help="shared/data/firmware (default: found beside the repository)")
    ap.add_argument("--firmwalker", type=Path, default=Path("/tmp/firmwalker"))
    args = ap.parse_args()
    if args.data is None:
        raise SystemExit("shared/data/firmware not found: pass --data")
    data = args.data.resolve()
    with tempfile.TemporaryDirectory() as work:
        t = time.perf_counter()
        s = evaluate(data, Path(work))
        psti_t = time.perf_counter() - t
    print(f"{'tool':16} {'recall':>8} {'plaintexts':>11} {'neg. files flagged':>19} {'time s':>7}")
    print(f"{'psti':16} {len(s.detected):>3}/{s.rows:<4} {len(s.recovered):>4}/{s.with_plaintext:<6} "
          f"{len({x.split(':')[0] for x in s.negative_fails}):>19} {psti_t:>7.1f}")
    flagged, t_ds = run_detect_secrets(data)
    hit, n, fps = score_files(flagged, data)
    print(f"{'detect-secrets':16} {hit:>3}/{n:<4} {'-':>11} {len(fps):>19} {t_ds:>7.1f}")
    if (args.firmwalker / "firmwalker.sh").is_file():
        flagged, t_fw = run_firmwalker(data, args.firmwalker)
        hit, n, fps = score_files(flagged, data)
        print(f"{'firmwalker':16} {hit:>3}/{n:<4} {'-':>11} {len(fps):>19} {t_fw:>7.1f}")
    else:
        print(f"firmwalker: not found at {args.firmwalker} (see the docstring)")
    print(f"psti recall {s.recall:.0%}; unexpected FAILs: {len(s.unexpected_fails)}")


if __name__ == "__main__":
    main()
