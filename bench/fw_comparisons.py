"""Passwords compared by programs (handler `comparisons`): recall, false findings, cost.

Recall: the web-server check of tests/evidence/firmware/test_comparisons.py (user and
password compared with constants, commands dispatched with the same function), a lone
password read from a form field, and an HTTP Basic token, built by gcc and by each
Debian cross compiler present (MIPS BE/LE, ARM, AArch64) at -O0, -O2 and -Os, stripped.
False findings and cost: every ELF file under the given directories (default: the
general-purpose programs of the precision test), timed against the floor of reading
the files and against the `binaries` handler on the same bytes.

    python bench/fw_comparisons.py [--dir DIR ...] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchdata import REPO

sys.path.insert(0, str(REPO))

from psti.corpus import load_corpus  # noqa: E402
from psti.evidence.firmware.handlers.binaries import compiled_pairs, scan_binary_strings  # noqa: E402
from psti.evidence.firmware.handlers.comparisons import Stats, analyse  # noqa: E402
from tests.evidence.firmware.test_comparisons import BASIC, CROSS, NEGATIVES, PASSWORD_ONLY, server  # noqa: E402

CASES = ((server(), ("admin", "Xq7-vendorPw")), (PASSWORD_ONLY, (None, "9fT!rk2Lw")),
         (BASIC, ("support", "Wh4t-3ecret")))


def recall(users: frozenset[str]) -> dict[str, object]:
    found = total = 0
    missed: list[str] = []
    archs: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        for arch, cc in sorted(CROSS.items()):
            if shutil.which(cc) is None:
                continue
            archs.append(arch)
            strip = "strip" if cc == "gcc" else cc.removesuffix("gcc") + "strip"
            for i, (source, expected) in enumerate(CASES):
                src = Path(tmp) / f"p{i}.c"
                src.write_text(source)
                for opt in ("-O0", "-O2", "-Os"):
                    out = Path(tmp) / f"p{i}{arch}{opt}"
                    subprocess.run([cc, opt, "-o", str(out), str(src)], check=True, capture_output=True)
                    subprocess.run([strip, "-s", str(out)], check=True, capture_output=True)
                    got = [(c.account, c.secret) for c in analyse(str(out), out.read_bytes(), users)]
                    total += 1
                    if got == [expected]:
                        found += 1
                    else:
                        missed.append(f"{arch} {opt} case {i}: {got}")
    return {"architectures": archs, "found": found, "programs": total, "missed": missed}


def programs(dirs: list[str]) -> list[Path]:
    if not dirs:
        return [Path(p) for p in NEGATIVES if Path(p).is_file()]
    out = []
    for d in dirs:
        for root, _, names in os.walk(d):
            for n in sorted(names):
                p = Path(root) / n
                if p.is_file() and not p.is_symlink() and p.open("rb").read(4) == b"\x7fELF":
                    out.append(p)
    return out


def precision_and_cost(files: list[Path], users: frozenset[str], known: frozenset[str],
                       pairs: dict[str, frozenset[str]]) -> dict[str, object]:
    read = handler = peer = 0.0
    size = insns = walked = analysed = truncated = 0
    false: list[str] = []
    for p in files:
        t0 = time.perf_counter()
        data = p.read_bytes()
        t1 = time.perf_counter()
        stats = Stats()
        got = analyse(str(p), data, users, stats)
        t2 = time.perf_counter()
        compiled_pairs(str(p), data, pairs)
        scan_binary_strings(str(p), data, known)
        t3 = time.perf_counter()
        read, handler, peer = read + t1 - t0, handler + t2 - t1, peer + t3 - t2
        size += len(data)
        insns += stats.insns
        walked += stats.functions
        analysed += bool(stats.functions)
        truncated += stats.truncated
        false += [f"{p}: {c.account}:{c.secret} ({c.context})" for c in got]
    return {"files": len(files), "bytes": size, "programs_walked": analysed, "functions_walked": walked,
            "instructions": insns, "budget_reached": truncated, "false": false, "read_s": read,
            "handler_s": handler, "binaries_handler_s": peer}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dir", action="append", default=[], help="directory of programs for the negatives")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    corpus = load_corpus()
    pairs = corpus.pairs()
    users = frozenset(u for u in pairs if u and 3 <= len(u) <= 32)
    analyse("/warm-up", Path(sys.executable).resolve().read_bytes(), users)  # imports capstone, pyelftools
    r = recall(users)
    c = precision_and_cost(programs(args.dir), users, corpus.known_passwords(), pairs)
    if args.json:
        print(json.dumps({"recall": r, "negatives": c}, indent=2))
        return 0
    print(f"recall: {r['found']}/{r['programs']} stripped programs ({', '.join(r['architectures'])}; "
          f"-O0/-O2/-Os; user+password, password field, HTTP Basic)")
    for m in r["missed"]:  # type: ignore[attr-defined]
        print(f"  missed: {m}")
    mb = c["bytes"] / 1e6  # type: ignore[operator]
    print(f"negatives: {c['files']} ELF files, {mb:.1f} MB; false findings: {len(c['false'])}")  # type: ignore[arg-type]
    for f in c["false"]:  # type: ignore[attr-defined]
        print(f"  false: {f}")
    print(f"walked {c['functions_walked']} functions in {c['programs_walked']} programs, {c['instructions']} "
          f"instructions; per-program budget reached in {c['budget_reached']}")
    read, h, peer = c["read_s"], c["handler_s"], c["binaries_handler_s"]
    print(f"time: reading {read:.2f} s (floor), comparisons handler {h:.2f} s = x{h / max(read, 1e-9):.1f} the floor, "  # type: ignore[operator]
          f"x{h / max(peer, 1e-9):.2f} the binaries handler ({peer:.2f} s); {h / max(mb, 1e-9) * 1000:.0f} ms/MB")  # type: ignore[operator]
    return 0


if __name__ == "__main__":
    sys.exit(main())
