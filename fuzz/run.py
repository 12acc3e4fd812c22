"""Byte-mutation fuzzing of whole `psti` commands.

    python -m fuzz.run FAMILY [FAMILY…|all] --count N --seed S [--exec] [--work-dir D]

Each input is a seed from `fuzz/seeds/<family>/` with a few stacked mutations, run
through the real command with time and memory limits (see fuzz/runner.py). Inputs that
break an invariant are saved to `fuzz/crashes/<family>/`, where `tests/fuzz/` replays
them as regression tests. The same count and seed give the same inputs.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import shutil
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from fuzz.api import API_FAMILIES
from fuzz.api import run_family as run_api_family
from fuzz.families import FAMILIES, Case, Family, make_case
from fuzz.runner import ForkServer, Outcome, judge, prepare, run_exec, size_for_bound

CRASHES = Path(__file__).parent / "crashes"
COLUMNS = ("inputs", "clean errors", "verdicts", "tracebacks", "hangs", "over 1 GiB", "escapes", "false verifications")


def bound_for(family: Family, case: Case) -> float:
    return family.base_seconds + family.per_mb_seconds * size_for_bound(case) / 1e6


def run_family(
    family: Family,
    count: int,
    seed: int,
    work_root: Path,
    *,
    use_exec: bool = False,
    save_crashes: Path | None = CRASHES,
    server: ForkServer | None = None,
    log: bool = True,
    progress: Callable[[list[Outcome]], None] | None = None,
    exclude: tuple[str, ...] = (),
) -> list[Outcome]:
    seeds = [s for s in family.seeds(work_root) if not (exclude and s.name.startswith(exclude))]
    if not seeds:
        raise SystemExit(f"{family.name}: no seed inputs")
    original = seeds[0].read_bytes() if family.signed else None
    rng = random.Random(f"{family.name}:{seed}")
    if server is None and not use_exec:
        server = ForkServer()
    outcomes = []
    for i in range(len(seeds) + count):  # every seed as it is, then `count` mutated inputs
        case = make_case(family, seeds, rng, i)
        case_dir = work_root / f"case-{family.name}-{i}"
        prepare(case, case_dir)
        bound = bound_for(family, case)
        if use_exec or server is None:
            code, seconds, rss, out, err = run_exec(case, case_dir, bound)
        else:
            code, seconds, rss, out, err = server.run(case, case_dir, bound)
        outcome = Outcome(case, code, seconds, rss, out, err, bound)
        judge(family, outcome, work_root, original)
        outcomes.append(outcome)
        if outcome.problems:
            if save_crashes is not None:
                save(family, outcome, save_crashes)
            if log:
                print(f"  [{family.name} #{i}] {'; '.join(outcome.problems)}", file=sys.stderr, flush=True)
        shutil.rmtree(case_dir, ignore_errors=True)
        if progress is not None and (i + 1) % 10 == 0:
            progress(outcomes)
    return outcomes


def save(family: Family, outcome: Outcome, root: Path) -> Path:
    """Keep a crashing input with what happened, for tests/fuzz to replay."""
    digest = hashlib.sha256(outcome.case.data).hexdigest()[:16]
    folder = root / family.name
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{digest}-{outcome.case.name}"
    path.write_bytes(outcome.case.data)
    meta = {
        "family": family.name,
        "seed": outcome.case.seed,
        "input_name": outcome.case.name,
        "argv": outcome.case.argv,
        "problems": outcome.problems,
        "exit_code": outcome.code,
        "seconds": round(outcome.seconds, 2),
        "stderr_tail": outcome.stderr.decode("utf-8", "replace")[-2000:],
    }
    path.with_name(path.name + ".json").write_text(json.dumps(meta, indent=2) + "\n")
    return path


def tally(outcomes: list[Outcome]) -> dict[str, int]:
    c: Counter[str] = Counter()
    for o in outcomes:
        c["inputs"] += 1
        kinds = {p.split(":", 1)[0] for p in o.problems}
        if "traceback" in kinds or "exit-code" in kinds:
            c["tracebacks"] += 1
        if "hang" in kinds:
            c["hangs"] += 1
        if "memory" in kinds:
            c["over 1 GiB"] += 1
        if "escape" in kinds:
            c["escapes"] += 1
        if "false-verification" in kinds:
            c["false verifications"] += 1
        if not kinds:
            c["clean errors" if o.code == 2 else "verdicts"] += 1
    return {k: c.get(k, 0) for k in COLUMNS}


def table(rows: dict[str, dict[str, int]]) -> str:
    head = "| family (command) | " + " | ".join(COLUMNS) + " |"
    lines = [head, "|" + "---|" * (len(COLUMNS) + 1)]
    for name, counts in rows.items():
        fam = FAMILIES.get(name) or API_FAMILIES[name]
        lines.append(f"| {name} (`{fam.command}`) | " + " | ".join(f"{counts[k]:,}" for k in COLUMNS) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m fuzz.run", description=__doc__.split("\n\n")[0])
    known = [*FAMILIES, *API_FAMILIES]
    ap.add_argument("families", nargs="+", help=f"one or more of {', '.join(known)}, or all")
    ap.add_argument("--count", type=int, default=100, help="mutated inputs per family (seeds run first, as they are)")
    ap.add_argument("--seed", type=int, default=0, help="random seed (same seed, same inputs)")
    ap.add_argument("--exec", action="store_true", help="a fresh interpreter per input instead of fork")
    ap.add_argument("--work-dir", type=Path, help="where cases run (default: a new temporary folder)")
    ap.add_argument("--no-save", action="store_true", help="do not save crashing inputs to fuzz/crashes")
    ap.add_argument("--report", type=Path, help="also write the table (Markdown) and totals (JSON) here")
    args = ap.parse_args(argv)
    names = known if "all" in args.families else args.families
    unknown = [n for n in names if n not in known]
    if unknown:
        ap.error(f"unknown family {', '.join(unknown)}; choose from {', '.join(known)}")
    work = args.work_dir or Path(tempfile.mkdtemp(prefix="psti-fuzz-"))
    work.mkdir(parents=True, exist_ok=True)
    server = None if args.exec else ForkServer()
    rows: dict[str, dict[str, int]] = {}
    failed = 0
    def write_report() -> None:
        if args.report:
            args.report.write_text(table(rows) + "\n\n```json\n" + json.dumps(rows, indent=2) + "\n```\n")

    for name in names:
        start = time.monotonic()

        def partial(outcomes: list[Outcome], name: str = name) -> None:
            rows[name] = tally(outcomes)  # a long run shows its table as it goes
            write_report()

        if name in API_FAMILIES:  # uploads to a registry process: see fuzz/api.py
            outcomes = run_api_family(API_FAMILIES[name], args.count, args.seed, work)
            if not args.no_save:
                for o in outcomes:
                    if o.problems:
                        save(API_FAMILIES[name], o, CRASHES)  # type: ignore[arg-type]
        else:
            outcomes = run_family(FAMILIES[name], args.count, args.seed, work, use_exec=args.exec,
                                  save_crashes=None if args.no_save else CRASHES, server=server, progress=partial)
        rows[name] = tally(outcomes)
        write_report()
        failed += sum(1 for o in outcomes if o.problems)
        print(f"{name}: {rows[name]} in {time.monotonic() - start:.0f} s", file=sys.stderr, flush=True)
    print(table(rows))
    if args.work_dir is None:
        shutil.rmtree(work, ignore_errors=True)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
