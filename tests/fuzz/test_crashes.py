"""Every input the fuzzer saved in fuzz/crashes/, replayed: it must now run clean.

`python -m fuzz.run` saves an input that broke an invariant as
`fuzz/crashes/<family>/<hash>-<name>` with a `.json` beside it (command, what broke).
Once the cause is fixed, the saved input stays as a regression test here.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fuzz.families import FAMILIES, SEEDS, Case
from fuzz.run import CRASHES, bound_for
from fuzz.runner import Outcome, judge, prepare, run_exec

# (registry uploads, `api-*`, are replayed through a server by tests/fuzz/test_fuzz_api.py)
SAVED = sorted(
    p
    for p in CRASHES.glob("*/*")
    if p.is_file() and p.with_name(p.name + ".json").is_file() and not p.parent.name.startswith("api-")
)


@pytest.mark.parametrize("path", SAVED, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_saved_crash_now_runs_clean(path: Path, tmp_path: Path) -> None:
    meta = json.loads(path.with_name(path.name + ".json").read_text())
    family = FAMILIES[meta["family"]]
    seed = next((s for s in family.seeds(tmp_path) if s.name == meta["seed"]), None)
    support = family.support(seed) if seed is not None else {}
    case = Case(meta["input_name"], path.read_bytes(), meta["argv"], support, meta["seed"])
    case_dir = tmp_path / "case-0"
    prepare(case, case_dir)
    bound = bound_for(family, case)
    code, seconds, rss, out, err = run_exec(case, case_dir, bound)
    outcome = Outcome(case, code, seconds, rss, out, err, bound)
    original = (SEEDS / "statements" / "statement.json").read_bytes() if family.signed else None
    judge(family, outcome, tmp_path, original)
    assert not outcome.problems, (meta["problems"], outcome.problems)
