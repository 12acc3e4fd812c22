"""Provisions x evidence -> verdicts.

Pure: the same regime view, scope decision and findings give the same assessment.
No files, no network, no collectors: `psti.assess` runs the collectors and hands
their findings here; `decide` does the deciding.

Per provision: any FAIL finding -> fail; else any NEEDS_EVIDENCE -> needs-evidence;
else any PASS -> pass; else any NOT_APPLICABLE -> not-applicable; no finding at all
-> needs-evidence. A route (Schedule 1 itself, or a Schedule 2 condition) needs every
one of its provisions met; a requirement is met when any route is met.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any, Protocol

from psti import __version__
from psti.kinds import FindingKind
from psti.model import (
    Assessment,
    Effect,
    Evidence,
    Finding,
    ProductRef,
    ProvisionVerdict,
    RequirementVerdict,
    RouteVerdict,
    ScopeDecision,
    Verdict,
)
from psti.regime.conditions import evaluate
from psti.regime.loader import RegimeView
from psti.regime.models import Item


class Collected(Protocol):
    """What the collectors found (as `evidence.interface.CollectorResult` holds it)."""

    @property
    def findings(self) -> Sequence[Finding]: ...

    @property
    def evidence(self) -> Sequence[Evidence]: ...

_EFFECT_ORDER = (Effect.FAIL, Effect.NEEDS_EVIDENCE, Effect.PASS, Effect.NOT_APPLICABLE)
_VERDICT_OF = {
    Effect.FAIL: Verdict.FAIL,
    Effect.NEEDS_EVIDENCE: Verdict.NEEDS_EVIDENCE,
    Effect.PASS: Verdict.PASS,
    Effect.NOT_APPLICABLE: Verdict.NOT_APPLICABLE,
}


def combine_all(verdicts: Iterable[Verdict]) -> Verdict:
    """Every part must be met: fail beats needs-evidence beats pass; all n/a is n/a."""
    vs = list(verdicts)
    if Verdict.FAIL in vs:
        return Verdict.FAIL
    if Verdict.NEEDS_EVIDENCE in vs:
        return Verdict.NEEDS_EVIDENCE
    if Verdict.PASS in vs:
        return Verdict.PASS
    return Verdict.NOT_APPLICABLE if vs else Verdict.NEEDS_EVIDENCE


def combine_any(verdicts: Iterable[Verdict]) -> Verdict:
    """Any one route suffices: pass beats needs-evidence beats fail; all n/a is n/a."""
    vs = list(verdicts)
    if Verdict.PASS in vs:
        return Verdict.PASS
    if Verdict.NEEDS_EVIDENCE in vs:
        return Verdict.NEEDS_EVIDENCE
    if Verdict.FAIL in vs:
        return Verdict.FAIL
    return Verdict.NOT_APPLICABLE if vs else Verdict.NEEDS_EVIDENCE


class _Decider:
    def __init__(self, catalogue: dict[str, Item], findings: Sequence[Finding], facts: dict[str, Any]) -> None:
        self.catalogue = catalogue
        self.findings = findings
        self.facts = facts
        self.by_provision: dict[str, list[int]] = defaultdict(list)
        for i, f in enumerate(findings):
            for pid in f.provisions:
                self.by_provision[pid].append(i)
        self.provisions: dict[str, ProvisionVerdict] = {}

    def provision(self, pid: str) -> ProvisionVerdict:
        if pid in self.provisions:
            return self.provisions[pid]
        item = self.catalogue.get(pid)
        title = item.title if item else pid
        citation = item.citation if item else ""
        idx = tuple(self.by_provision.get(pid, ()))
        verdict, reason = self._decide(item, idx)
        pv = ProvisionVerdict(provision=pid, title=title, citation=citation, verdict=verdict,
                              reason=reason, findings=idx)
        self.provisions[pid] = pv
        return pv

    def _decide(self, item: Item | None, idx: tuple[int, ...]) -> tuple[Verdict, str]:
        if item is not None and item.applies_when is not None:
            outcome = evaluate(item.applies_when, self.facts)
            if outcome.value is False:
                cond = f" ({item.condition})" if item.condition else ""
                return Verdict.NOT_APPLICABLE, f"Does not apply to this product{cond}."
        effects = [self.findings[i].effect for i in idx]
        for effect in _EFFECT_ORDER:
            if effect in effects:
                decisive = [self.findings[i] for i in idx if self.findings[i].effect is effect]
                lead = decisive[0].message
                more = f" (and {len(decisive) - 1} more)" if len(decisive) > 1 else ""
                return _VERDICT_OF[effect], f"{lead}{more}"
        if idx:
            return Verdict.NEEDS_EVIDENCE, "Only informational findings; no evidence decides it."
        return Verdict.NEEDS_EVIDENCE, "No evidence was collected for this provision."

    def route_of_provisions(self, route_id: str, title: str, citation: str,
                            pids: Sequence[str], mandatory_only: bool) -> RouteVerdict:
        verdicts = []
        for pid in pids:
            pv = self.provision(pid)
            item = self.catalogue.get(pid)
            if mandatory_only and item is not None and item.status == "R":
                continue  # recommendations are reported, but do not decide conformance
            verdicts.append(pv.verdict)
        verdict = combine_all(verdicts)
        failing = [p for p in pids if self.provision(p).verdict == verdict]
        reason = {
            Verdict.PASS: "Every provision is met.",
            Verdict.NOT_APPLICABLE: "None of its provisions apply.",
        }.get(verdict, f"{verdict.value}: {', '.join(failing)}")
        return RouteVerdict(route=route_id, title=title, citation=citation, verdict=verdict,
                            reason=reason, provisions=tuple(pids))

    def label_route(self, route: Item) -> RouteVerdict:
        pv = self.provision(route.id)
        verdict = pv.verdict
        reason = pv.reason
        if not pv.findings:
            verdict = Verdict.NOT_APPLICABLE
            reason = f"The product holds no {route.label} label."
        return RouteVerdict(route=route.id, title=route.title, citation=route.citation,
                            verdict=verdict, reason=reason)


def decide(
    view: RegimeView,
    catalogue: dict[str, Item],
    scope: ScopeDecision,
    result: Collected,
    product: ProductRef,
    facts: dict[str, Any] | None = None,
    only_touched: bool = False,
    kinds: Iterable[FindingKind] = (),
) -> Assessment:
    """Decide every requirement of the regime view from the collected findings.

    With `only_touched`, requirements that no finding bears on are left out: a scan of
    one firmware image says nothing about the published support period. `kinds`
    documents the findings' kinds: the assessment carries those its findings use,
    sorted by code (a kind no finding uses is left out).
    """
    findings = tuple(result.findings)
    decider = _Decider(catalogue, findings, facts or {})
    requirements: list[RequirementVerdict] = []
    law = view.kind == "law"
    out_of_scope = law and scope.outcome in ("out-of-scope", "excepted", "not-in-force")

    routes_for: dict[str, list[Item]] = defaultdict(list)
    for route in view.of_kind("deemed-route"):
        assert route.satisfies is not None
        routes_for[route.satisfies].append(route)

    touched = {pid for f in findings for pid in f.provisions}
    for req in sorted(view.of_kind("requirement"), key=lambda i: _natural(i.id)):
        if only_touched:
            related = set(req.provisions) | {req.id}
            for route in routes_for.get(req.id, []):
                related |= set(route.requires) | {route.id}
            if not related & touched:
                continue
        if out_of_scope:
            requirements.append(RequirementVerdict(
                requirement=req.id, title=req.title, citation=req.citation,
                verdict=Verdict.NOT_APPLICABLE, reason=scope.summary))
            continue
        own = decider.route_of_provisions(req.id, f"{req.title} (directly)", req.citation, req.provisions,
                                          mandatory_only=not law)
        routes = [own]
        for route in sorted(routes_for.get(req.id, []), key=lambda i: i.id):
            if route.label:
                routes.append(decider.label_route(route))
            else:
                routes.append(decider.route_of_provisions(route.id, route.title, route.citation,
                                                          route.requires, mandatory_only=True))
        # A requirement none of whose own provisions applies (e.g. Sch 1 para 3 for a product
        # nothing of which can be updated) needs no deemed-compliance route either.
        verdict = Verdict.NOT_APPLICABLE if own.verdict is Verdict.NOT_APPLICABLE else combine_any(
            r.verdict for r in routes)
        met_by = [r for r in routes if r.verdict == verdict]
        reason = {
            Verdict.PASS: "Met by " + " or ".join(r.title for r in met_by if r.verdict == Verdict.PASS) + ".",
            Verdict.FAIL: "Not met by any route.",
            Verdict.NEEDS_EVIDENCE: "Not yet shown by any route: more evidence is needed.",
            Verdict.NOT_APPLICABLE: "Does not apply to this product.",
        }[verdict]
        requirements.append(RequirementVerdict(requirement=req.id, title=req.title, citation=req.citation,
                                               verdict=verdict, reason=reason, routes=tuple(routes)))

    if out_of_scope:
        overall = Verdict.NOT_APPLICABLE
    else:
        overall = combine_all(r.verdict for r in requirements) if requirements else Verdict.NEEDS_EVIDENCE
        if law and scope.outcome == "undetermined" and overall != Verdict.FAIL:
            overall = Verdict.NEEDS_EVIDENCE
    provisions = tuple(sorted(decider.provisions.values(), key=lambda p: _natural(p.provision)))
    return Assessment(
        tool_version=__version__,
        regime=view.regime,
        regime_versions=view.versions(),
        assessed_on=view.on,
        product=product,
        scope=scope,
        overall=overall,
        requirements=tuple(requirements),
        provisions=provisions,
        evidence=tuple(result.evidence),
        findings=findings,
        kinds=_used_kinds(kinds, findings),
    )


def _used_kinds(kinds: Iterable[FindingKind], findings: Sequence[Finding]) -> tuple[FindingKind, ...]:
    used = {f.kind for f in findings}
    by_code = {k.code: k for k in kinds if k.code in used}
    return tuple(by_code[code] for code in sorted(by_code))


def _natural(item_id: str) -> tuple[Any, ...]:
    """Sort ids so that 5.3-2 comes before 5.3-13."""
    return tuple(int(p) if p.isdigit() else p for p in re.split(r"(\d+)", item_id))
