"""Registry uploads fuzzed through the API of a real `psti serve` process, on a fixed budget.

`make fuzz` runs the same families for long (`python -m fuzz.run api-declarations …`);
this short run keeps the harness working and catches a regression in the first inputs.
Inputs an earlier run saved in fuzz/crashes/api-*/ are replayed through the same server.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from fuzz.api import API_FAMILIES, Registry, run_family
from fuzz.families import Case
from fuzz.run import CRASHES, tally

# mutated inputs per family (each family's seeds also run once, unmutated)
BUDGET = {"api-declarations": 4, "api-batches": 3, "api-firmware": 1, "api-catalogues": 4, "api-statements": 4}
# a firmware assessment takes seconds: here one crafted image stands in for the rest
ONLY = {"api-firmware": ("special-nodes.squashfs",)}
# a saved input is the file with its `.json` beside it (the input may itself be JSON)
SAVED = sorted(p for p in CRASHES.glob("api-*/*") if p.is_file() and p.with_name(p.name + ".json").is_file())


@pytest.fixture(scope="module")
def registry(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Registry]:
    reg = Registry(tmp_path_factory.mktemp("fuzz-api")).start()
    yield reg
    reg.stop()


def test_every_api_family_has_a_budget() -> None:
    assert set(BUDGET) == set(API_FAMILIES)


@pytest.mark.parametrize("family", sorted(BUDGET))
def test_api_mutation_runner(family: str, registry: Registry, tmp_path_factory: pytest.TempPathFactory) -> None:
    work: Path = tmp_path_factory.mktemp(family)
    only = ONLY.get(family, ())
    outcomes = run_family(
        API_FAMILIES[family], BUDGET[family], seed=1, work_root=work, registry=registry, log=False, only=only
    )
    broken = [f"{o.case.seed}: {'; '.join(o.problems)}" for o in outcomes if o.problems]
    assert not broken, broken
    counts = tally(outcomes)
    seeds = [s for s in API_FAMILIES[family].seeds(work) if not only or s.name in only]
    assert counts["inputs"] == len(seeds) + BUDGET[family]
    assert counts["clean errors"] + counts["verdicts"] == counts["inputs"]
    if family != "api-statements":  # the unmutated seeds are accepted (a statement needs its signer's key)
        assert counts["verdicts"] >= 1


def test_the_api_harness_sees_a_server_error(registry: Registry) -> None:
    """Not vacuous: a 5xx answer and a traceback in the log are reported."""
    from fuzz.api import _answer

    class Fake:
        status_code = 500
        text = "Internal Server Error"

        class request:  # noqa: N801
            method = "POST"

            class url:  # noqa: N801
                path = "/api/v1/x"

    problems, _ = _answer(Fake())  # type: ignore[arg-type]
    assert problems and problems[0].startswith("traceback: HTTP 500")
    registry.new_log()
    with open(registry.log_path, "a") as f:
        f.write("Traceback (most recent call last):\n  boom\n")
    assert "Traceback" in registry.new_log()


@pytest.mark.parametrize("path", SAVED, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_saved_api_crash_now_runs_clean(path: Path, registry: Registry) -> None:
    meta = json.loads(path.with_name(path.name + ".json").read_text())
    family = API_FAMILIES[meta["family"]]
    case = Case(meta["input_name"], path.read_bytes(), meta["argv"], seed=meta["seed"])
    bound = family.base_seconds + family.per_mb_seconds * len(case.data) / 1e6
    _, _, problems = family.send(registry, case, bound)
    assert not problems, (meta["problems"], problems)
