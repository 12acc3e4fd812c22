from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import ClassVar

import pytest

from psti.assess import Artefacts, AssessOptions, assess, assess_evidence
from psti.declaration import LoadedDeclaration, parse_declaration
from psti.engine import combine_all, combine_any, decide
from psti.errors import PstiError
from psti.evidence import registry
from psti.evidence.interface import Collector, CollectorContext, CollectorResult
from psti.kinds import FindingKind
from psti.model import Effect, Finding, ProductRef, ScopeDecision, Verdict
from psti.regime.loader import RegimeLibrary

TOY = Path(__file__).parent / "fixtures" / "toy-regime"
ON = dt.date(2026, 1, 1)
P, F, N, NA = Verdict.PASS, Verdict.FAIL, Verdict.NEEDS_EVIDENCE, Verdict.NOT_APPLICABLE


@pytest.fixture
def lib() -> RegimeLibrary:
    return RegimeLibrary.load([TOY], include_package=False)


def finding(effect: Effect, *provisions: str, kind: str = "T-1") -> Finding:
    return Finding(kind=kind, provisions=provisions, effect=effect, message=f"{effect.value} finding",
                   collector="test")


def run(lib: RegimeLibrary, *findings: Finding, facts: dict | None = None, scope: str = "in-scope",
        kinds: tuple[FindingKind, ...] = ()):
    view = lib.view("uk-psti", ON)
    return decide(view, lib.catalogue(ON), ScopeDecision(outcome=scope, summary=scope),
                  CollectorResult(findings=list(findings)), ProductRef(name="p", model="m", manufacturer="x"),
                  facts or {}, kinds=kinds)


@pytest.mark.parametrize(
    ("verdicts", "all_", "any_"),
    [
        ([P, F], F, P),
        ([P, N], N, P),
        ([N, F], F, N),
        ([NA, NA], NA, NA),
        ([NA, P], P, P),
        ([], N, N),
    ],
)
def test_combination_rules(verdicts: list[Verdict], all_: Verdict, any_: Verdict) -> None:
    assert combine_all(verdicts) == all_
    assert combine_any(verdicts) == any_


def test_a_failure_anywhere_fails_the_provision_even_beside_a_declared_pass(lib: RegimeLibrary) -> None:
    a = run(lib, finding(Effect.PASS, "PSTI-S1-1.2"), finding(Effect.FAIL, "PSTI-S1-1.2", "EN303645-5.1-1"),
            finding(Effect.PASS, "PSTI-S1-1.3.a"))
    pv = {p.provision: p for p in a.provisions}
    assert pv["PSTI-S1-1.2"].verdict is F
    assert pv["PSTI-S1-1.2"].findings == (0, 1)
    req = a.requirements[0]
    assert req.requirement == "PSTI-S1-1" and req.verdict is F
    assert [r.verdict for r in req.routes] == [F, F, NA]  # own route, standard route, no label
    assert a.overall is F and a.exit_code() == 1


def test_provision_without_evidence_needs_evidence(lib: RegimeLibrary) -> None:
    a = run(lib, finding(Effect.PASS, "PSTI-S1-1.2"))
    pv = {p.provision: p for p in a.provisions}
    assert pv["PSTI-S1-1.3.a"].verdict is N
    assert "No evidence" in pv["PSTI-S1-1.3.a"].reason
    assert a.overall is N and a.exit_code() == 3


def test_the_standards_route_meets_the_requirement_when_schedule_1_lacks_evidence(lib: RegimeLibrary) -> None:
    a = run(lib, finding(Effect.PASS, "EN303645-5.1-1"), finding(Effect.NOT_APPLICABLE, "PSTI-S1-9.1"))
    req = a.requirements[0]
    assert [r.verdict for r in req.routes][:2] == [N, P]
    assert req.verdict is P


def test_an_unexpired_label_meets_the_requirement(lib: RegimeLibrary) -> None:
    a = run(lib, finding(Effect.PASS, "PSTI-S2-1.B"), finding(Effect.FAIL, "PSTI-S1-1.3.a"))
    assert a.requirements[0].verdict is P
    assert a.requirements[0].routes[2].verdict is P


def test_applies_when_makes_a_provision_not_applicable_from_facts(lib: RegimeLibrary) -> None:
    a = run(lib, finding(Effect.PASS, "PSTI-S1-1.2", "PSTI-S1-1.3.a"), facts={"product.telemetry": False})
    by_req = {r.requirement: r for r in a.requirements}
    assert by_req["PSTI-S1-9"].verdict is NA
    assert a.overall is P and a.exit_code() == 0


def test_excepted_products_have_every_requirement_not_applicable(lib: RegimeLibrary) -> None:
    a = run(lib, finding(Effect.FAIL, "PSTI-S1-1.2"), scope="excepted")
    assert {r.verdict for r in a.requirements} == {NA}
    assert a.overall is NA and a.exit_code() == 0


def test_deciding_is_pure(lib: RegimeLibrary) -> None:
    fs = [finding(Effect.PASS, "PSTI-S1-1.2"), finding(Effect.FAIL, "PSTI-S1-1.3.a")]
    assert run(lib, *fs).model_dump() == run(lib, *fs).model_dump()


def test_assess_evidence_reports_only_requirements_the_evidence_bears_on(lib: RegimeLibrary) -> None:
    result = CollectorResult(findings=[finding(Effect.PASS, "PSTI-S1-1.2", "PSTI-S1-1.3.a")])
    a = assess_evidence(result, ProductRef(name="fw", model="-", manufacturer="-"), on=ON, regimes=lib)
    assert [r.requirement for r in a.requirements] == ["PSTI-S1-1"]
    assert a.overall is P


BANNER = FindingKind(code="TEST-BANNER", title="Login banner", checks="the banner", why="it shows a password",
                     how_to_fix="remove it", provisions=("PSTI-S1-1.3.a",))


def kind(code: str) -> FindingKind:
    return FindingKind(code=code, title=code, checks="-", why="-", how_to_fix="-")


def test_an_assessment_carries_the_kinds_its_findings_use_sorted_by_code(lib: RegimeLibrary) -> None:
    a = run(lib, finding(Effect.PASS, "PSTI-S1-1.2", kind="T-2"), finding(Effect.FAIL, "PSTI-S1-1.3.a", kind="T-1"),
            kinds=(kind("T-2"), kind("UNUSED"), kind("T-1")))
    assert [k.code for k in a.kinds] == ["T-1", "T-2"]
    assert a.kind("T-1") == kind("T-1") and a.kind("UNUSED") is None


class _BannerCollector(Collector):
    """A plug-in written outside psti: flags a banner artefact."""

    name = "test-banner"
    description = "Test plug-in"
    provisions: ClassVar[tuple[str, ...]] = ("PSTI-S1-1.3.a",)
    kinds: ClassVar[tuple[FindingKind, ...]] = (BANNER,)
    artefact_kinds: ClassVar[tuple[str, ...]] = ("other",)

    def applies(self, ctx: CollectorContext) -> bool:
        return bool(ctx.artefacts("other"))

    def collect(self, ctx: CollectorContext) -> CollectorResult:
        art = ctx.artefacts("other")[0]
        text = ctx.resolve(art).read_text()  # type: ignore[union-attr]
        effect = Effect.FAIL if "password1" in text else Effect.PASS
        return CollectorResult(findings=[Finding(kind="TEST-BANNER", provisions=self.provisions, effect=effect,
                                                 message="banner checked", collector=self.name)])


def test_a_new_collector_plugs_in_without_touching_the_engine(lib: RegimeLibrary, tmp_path: Path) -> None:
    (tmp_path / "banner.txt").write_text("default login admin/password1\n")
    decl_path = tmp_path / "p.toml"
    decl_path.write_text("""
[product]
name = "Cam"
type = "camera"
model = "C1"
category = "smart-camera"
consumer = true
previously_supplied = false
[manufacturer]
name = "Acme"
address = "1 Road"
[connectivity]
internet = true
[passwords]
scheme = "unique-per-device"
generation = "random"
[[artefacts]]
kind = "other"
path = "banner.txt"
""")
    loaded = LoadedDeclaration(declaration=parse_declaration(decl_path.read_text()), path=decl_path, sha256="0" * 64)
    before = assess(loaded, on=ON, regimes=lib)
    assert {p.provision: p.verdict for p in before.provisions}["PSTI-S1-1.3.a"] is P
    registry.register(_BannerCollector)
    try:
        assert "test-banner" in registry.collectors()
        after = assess(loaded, on=ON, regimes=lib)
    finally:
        registry.unregister("test-banner")
    pv = {p.provision: p for p in after.provisions}
    assert pv["PSTI-S1-1.3.a"].verdict is F
    assert after.findings[pv["PSTI-S1-1.3.a"].findings[-1]].collector == "test-banner"
    assert BANNER in after.kinds and BANNER not in before.kinds


def test_one_artefact_goes_through_the_same_collector_as_a_declaration(lib: RegimeLibrary, tmp_path: Path) -> None:
    banner = tmp_path / "banner.txt"
    banner.write_text("default login admin/password1\n")
    registry.register(_BannerCollector)
    try:
        a = assess(Artefacts.one("other", banner), AssessOptions(on=ON, regimes=lib))
        with pytest.raises(PstiError, match="no collector examines artefacts of kind 'toaster'"):
            assess(Artefacts.one("toaster", banner), AssessOptions(on=ON, regimes=lib))
    finally:
        registry.unregister("test-banner")
    assert [f.kind for f in a.findings] == ["TEST-BANNER"] and a.findings[0].effect is Effect.FAIL
    assert [r.requirement for r in a.requirements] == ["PSTI-S1-1"]  # only what the artefact bears on
    assert a.product.name == "banner.txt" and a.product.model == "" and a.product.manufacturer == ""
    assert a.scope.summary.startswith("Assumed in scope") and a.kinds == (BANNER,)


def test_options_by_name_override_the_options_object(lib: RegimeLibrary) -> None:
    result = CollectorResult(findings=[finding(Effect.PASS, "PSTI-S1-1.2")])
    a = assess_evidence(result, ProductRef(name="fw", model="-", manufacturer="-"),
                        AssessOptions(on=dt.date(2020, 1, 1), regimes=lib), on=ON)
    assert a.assessed_on == ON
    with pytest.raises(TypeError):
        assess_evidence(result, ProductRef(name="fw", model="-", manufacturer="-"), colour="blue")


def test_the_declaration_collector_is_registered_as_an_entry_point() -> None:
    assert "declaration" in registry.collectors()
