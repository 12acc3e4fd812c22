"""A short run of every fuzzing harness: a fixed, small budget (about two minutes in all).

`make fuzz` runs the same harnesses for long; this keeps them working and catches a
regression that shows up in the first few inputs. The byte-mutation runs use fixed seeds,
so a failure here is reproducible with `python -m fuzz.run FAMILY --count N --seed S`.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from fuzz.families import FAMILIES
from fuzz.run import run_family, tally
from fuzz.runner import ForkServer

from fuzz import properties

# mutated inputs per family (each family's seeds also run once, unmutated)
BUDGET = {
    "securitytxt": 6,
    "batches": 6,
    "declarations-validate": 8,
    "declarations-assess": 4,
    "pages": 6,
    "statements": 8,
    "firmware": 1,
    "bundles": 4,
}

# firmware seeds that go through the general extractor take 10 s or more each (the bomb
# minutes): `make fuzz` runs them; here SquashFS and the crafted archives stand in
SLOW_SEEDS = ("bomb", "plain.cramfs", "plain.ext2", "plain.jffs2", "nested", "links", "traversal.zip")


@pytest.fixture(scope="module")
def server() -> ForkServer:
    return ForkServer()


@pytest.mark.parametrize("harness", properties.HARNESSES, ids=lambda h: h.__name__)
def test_property_harness(harness) -> None:  # type: ignore[no-untyped-def]
    harness()


@pytest.mark.parametrize("family", sorted(BUDGET))
def test_mutation_runner(family: str, tmp_path_factory: pytest.TempPathFactory, server: ForkServer) -> None:
    work: Path = tmp_path_factory.mktemp(f"fuzz-{family}")
    outcomes = run_family(FAMILIES[family], BUDGET[family], seed=1, work_root=work, save_crashes=None,
                          server=server, log=False, exclude=SLOW_SEEDS)
    broken = [f"{o.case.seed}: {'; '.join(o.problems)}" for o in outcomes if o.problems]
    assert not broken, broken
    counts = tally(outcomes)
    seeds = [s for s in FAMILIES[family].seeds(work) if not s.name.startswith(SLOW_SEEDS)]
    assert counts["inputs"] == len(seeds) + BUDGET[family]
    assert counts["clean errors"] + counts["verdicts"] == counts["inputs"]


def test_the_runner_catches_what_it_claims_to(tmp_path: Path, server: ForkServer) -> None:
    """The invariants are not vacuous: a traceback, a bad exit code and an escape are seen."""
    from fuzz.families import Case
    from fuzz.runner import CANARY, Outcome, judge

    fam = FAMILIES["securitytxt"]
    case = Case("x.txt", b"", ["validate", "x.txt"])
    crash = Outcome(case, 4, 0.1, 1 << 20, b"", b"internal error: ValueError: x (please report)\n", 10)
    judge(fam, crash, tmp_path, None)
    assert [p.split(":")[0] for p in crash.problems] == ["traceback", "exit-code"]
    (tmp_path / f"{CANARY}-test").write_text("escaped")
    escaped = Outcome(case, 2, 0.1, 2 << 30, b"", b"", 10)
    judge(fam, escaped, tmp_path, None)
    assert [p.split(":")[0] for p in escaped.problems] == ["memory", "escape"]
    (tmp_path / f"{CANARY}-test").unlink()
    hang = Outcome(case, None, 10, 1 << 20, b"", b"", 10)
    judge(fam, hang, tmp_path, None)
    assert [p.split(":")[0] for p in hang.problems] == ["hang"]


def test_a_changed_statement_that_verifies_is_a_false_verification() -> None:
    from fuzz.families import SEEDS
    from fuzz.runner import false_verification

    original = (SEEDS / "statements" / "statement.json").read_bytes()
    assert false_verification(original, original) is None
    assert false_verification(original.replace(b"CAM-200", b"CAM-201", 1), original) is not None
    dup = original.replace(b"{", b'{"signature": null,', 1)  # the key appears twice
    assert "strict parser" in (false_verification(dup, original) or "")
