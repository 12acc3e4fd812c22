"""Per-handler precision and recall of the firmware credential checks on real files.

The set is bench/data/fw-eval (KEY.csv, PROVENANCE.md): real files from vendor and
distribution root file systems, each placed at its path in an otherwise empty image,
with the credentials it holds or `none`. Negatives are the standard system databases,
PAM and daemon configuration, manual pages and general-purpose programs (BusyBox,
dropbear, OpenSSH, glibc, OpenSSL, lighttpd, mosquitto) of this machine's Debian
packages, plus real non-credential files from the shared data. A negative is also
scanned whole (`scan_image`) to count failing findings on it.

Every keyed hash whose plaintext is in PLAINTEXTS.csv is recomputed from it first; a
plaintext that does not hash to its keyed hash stops the run (exit 2). With --crack,
each sample holding such a hash is also examined whole and psti's own cracking is
scored against the key (cracking recall). --round N scores only the samples of
collection round N: 2 is held-out.txt, 4 is held-out-4.txt (the third round was one
sample and has no list); --held-out is --round 2.

    python bench/fw_handlers.py [--json] [--crack] [--held-out | --round {2,4}]
"""

from __future__ import annotations

import argparse
import json
import sys
import time

from benchdata import REPO, shared_data_dir

sys.path.insert(0, str(REPO))

from tests.evidence.firmware.eval_set import SET, AnswerKeyError, evaluate, held_out  # noqa: E402

ROUNDS = {2: SET / "held-out.txt", 4: SET / "held-out-4.txt"}  # samples of each later collection round


def _pct(x: float | None) -> str:
    return "-" if x is None else f"{100 * x:.0f}%"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    ap.add_argument("--crack", action="store_true", help="also score psti's cracking of keyed hashes")
    ap.add_argument("--held-out", action="store_true", help="only the samples of the second collection round")
    ap.add_argument("--round", type=int, choices=sorted(ROUNDS), help="only the samples of this collection round")
    args = ap.parse_args()
    chosen = 2 if args.held_out else args.round
    started = time.perf_counter()
    try:
        score = evaluate(shared_data_dir(), only=held_out(ROUNDS[chosen]) if chosen else None, crack=args.crack)
    except AnswerKeyError as e:
        print(f"answer key is wrong: {e}", file=sys.stderr)
        return 2
    took = time.perf_counter() - started
    rows = {name: {"tp": h.tp, "hits": h.hits, "fp": h.fp, "fn": h.fn, "precision": h.precision, "recall": h.recall}
            for name, h in sorted(score.handlers.items())}
    if args.json:
        print(json.dumps({"samples": score.samples, "negatives": score.negatives, "positives": score.positives,
                          "found": score.found, "handlers": rows, "missed": score.missed,
                          "elsewhere": score.elsewhere, "false": score.false,
                          "negative_fails": score.negative_fails, "skipped": score.skipped,
                          "hashes": score.hashes, "hashes_verified": score.hashes_verified,
                          "cracked": score.cracked if args.crack else None, "not_cracked": score.not_cracked},
                         indent=2))
        return 0
    print(f"{score.samples} samples ({score.negatives} negatives), {score.positives} keyed credentials, "
          f"{took:.1f} s; skipped (file not on this machine): {', '.join(score.skipped) or 'none'}")
    print(f"{'handler':18} {'found':>5} {'false':>5} {'missed':>6} {'precision':>9} {'recall':>6}")
    for name, r in rows.items():
        print(f"{name:18} {r['tp']:5} {r['fp']:5} {r['fn']:6} {_pct(r['precision']):>9} {_pct(r['recall']):>6}")
    recall = score.found / score.positives if score.positives else 0.0
    print(f"recall {score.found}/{score.positives} = {_pct(recall)}; failing findings on the "
          f"{score.negatives} negatives: {len(score.negative_fails)}")
    print(f"keyed hashes: {score.hashes}, of which {score.hashes_verified} recomputed from the keyed plaintext")
    if args.crack:
        rate = score.cracked / score.hashes_verified if score.hashes_verified else 0.0
        print(f"cracking recall: {score.cracked}/{score.hashes_verified} = {_pct(rate)} of the verified plaintexts")
        for line in score.not_cracked:
            print(f"  not cracked: {line}")
    for line in score.missed:
        print(f"  missed: {line}")
    for line in score.elsewhere:
        print(f"  found by another handler: {line}")
    for line in score.false:
        print(f"  false:  {line}")
    for line in score.negative_fails:
        print(f"  negative failed: {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
