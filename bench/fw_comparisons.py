"""Passwords compared by programs (handler `comparisons`): recall, false findings, cost.

Recall: the web-server check of tests/evidence/firmware/test_comparisons.py (user and
password compared with constants, commands dispatched with the same function), a lone
password read from a form field, and an HTTP Basic token, built by gcc and by each
Debian cross compiler present (MIPS BE/LE, ARM and Thumb-2, AArch64) at -O0, -O2 and -Os, stripped.
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
from dataclasses import asdict, dataclass, field
from pathlib import Path

from benchdata import REPO

sys.path.insert(0, str(REPO))

from tests.evidence.firmware.test_comparisons import BASIC, CROSS, NEGATIVES, PASSWORD_ONLY, server  # noqa: E402

from psti.corpus import load_corpus  # noqa: E402
from psti.evidence.firmware.handlers.binaries import compiled_pairs, scan_binary_strings  # noqa: E402
from psti.evidence.firmware.handlers.comparisons import Stats, analyse  # noqa: E402

CASES = ((server(), ("admin", "Xq7-vendorPw")), (PASSWORD_ONLY, (None, "9fT!rk2Lw")),
         (BASIC, ("support", "Wh4t-3ecret")))


@dataclass
class Recall:
    architectures: list[str] = field(default_factory=list)
    found: int = 0
    programs: int = 0
    missed: list[str] = field(default_factory=list)


@dataclass
class Cost:
    files: int = 0
    bytes: int = 0
    programs_walked: int = 0
    functions_walked: int = 0
    instructions: int = 0
    budget_reached: int = 0
    false: list[str] = field(default_factory=list)
    read_s: float = 0.0
    handler_s: float = 0.0
    binaries_handler_s: float = 0.0


def recall(users: frozenset[str]) -> Recall:
    r = Recall()
    with tempfile.TemporaryDirectory() as tmp:
        for arch, compiler in sorted(CROSS.items()):
            cc, *flags = compiler.split()
            if shutil.which(cc) is None:
                continue
            r.architectures.append(arch)
            strip = "strip" if cc == "gcc" else cc.removesuffix("gcc") + "strip"
            for i, (source, expected) in enumerate(CASES):
                src = Path(tmp) / f"p{i}.c"
                src.write_text(source)
                for opt in ("-O0", "-O2", "-Os"):
                    out = Path(tmp) / f"p{i}{arch}{opt}"
                    subprocess.run([cc, *flags, opt, "-o", str(out), str(src)], check=True, capture_output=True)
                    subprocess.run([strip, "-s", str(out)], check=True, capture_output=True)
                    got = [(c.account, c.secret) for c in analyse(str(out), out.read_bytes(), users)]
                    r.programs += 1
                    if got == [expected]:
                        r.found += 1
                    else:
                        r.missed.append(f"{arch} {opt} case {i}: {got}")
    return r


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
                       pairs: dict[str, frozenset[str]]) -> Cost:
    c = Cost(files=len(files))
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
        c.read_s += t1 - t0
        c.handler_s += t2 - t1
        c.binaries_handler_s += t3 - t2
        c.bytes += len(data)
        c.instructions += stats.insns
        c.functions_walked += stats.functions
        c.programs_walked += bool(stats.functions)
        c.budget_reached += stats.truncated
        c.false += [f"{p}: {x.account}:{x.secret} ({x.context})" for x in got]
    return c


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
    c = precision_and_cost(programs(args.dir), users, corpus.known_passwords(), dict(pairs))
    if args.json:
        print(json.dumps({"recall": asdict(r), "negatives": asdict(c)}, indent=2))
        return 0
    print(f"recall: {r.found}/{r.programs} stripped programs ({', '.join(r.architectures)}; "
          f"-O0/-O2/-Os; user+password, password field, HTTP Basic)")
    for m in r.missed:
        print(f"  missed: {m}")
    mb = c.bytes / 1e6
    print(f"negatives: {c.files} ELF files, {mb:.1f} MB; false findings: {len(c.false)}")
    for f in c.false:
        print(f"  false: {f}")
    print(f"walked {c.functions_walked} functions in {c.programs_walked} programs, {c.instructions} "
          f"instructions; per-program budget reached in {c.budget_reached}")
    h = c.handler_s
    print(f"time: reading {c.read_s:.2f} s (floor), comparisons handler {h:.2f} s = x{h / max(c.read_s, 1e-9):.1f} "
          f"the floor, x{h / max(c.binaries_handler_s, 1e-9):.2f} the binaries handler "
          f"({c.binaries_handler_s:.2f} s); {h / max(mb, 1e-9) * 1000:.0f} ms/MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
