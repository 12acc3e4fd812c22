"""Three-valued evaluation of regime conditions against a product's facts.

A fact that the declaration does not give is unknown, not false: the result is then
`None` and the unknown facts are returned, so a caller can ask the exact question.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from psti.regime.models import AllOf, AnyOf, Condition, FactCondition, NotOf


@dataclass
class Outcome:
    value: bool | None  # None: undetermined
    unknown: set[str] = field(default_factory=set)  # facts whose absence left it undetermined


def _test(cond: FactCondition, facts: Mapping[str, Any]) -> Outcome:
    if cond.present is not None:
        return Outcome((cond.fact in facts) == cond.present)
    if cond.fact not in facts:
        return Outcome(None, {cond.fact})
    value = facts[cond.fact]
    candidates = (cond.equals,) if cond.equals is not None else tuple(cond.in_ or ())
    if isinstance(value, list | tuple | set | frozenset):
        return Outcome(any(v in candidates for v in value))
    return Outcome(value in candidates)


def evaluate(cond: Condition, facts: Mapping[str, Any]) -> Outcome:
    if isinstance(cond, FactCondition):
        return _test(cond, facts)
    if isinstance(cond, NotOf):
        inner = evaluate(cond.not_, facts)
        return Outcome(None if inner.value is None else not inner.value, inner.unknown)
    if isinstance(cond, AllOf):
        parts = [evaluate(c, facts) for c in cond.all]
        if any(p.value is False for p in parts):
            return Outcome(False)
        if all(p.value is True for p in parts):
            return Outcome(True)
        return Outcome(None, set().union(*(p.unknown for p in parts if p.value is None)))
    if isinstance(cond, AnyOf):
        parts = [evaluate(c, facts) for c in cond.any]
        if any(p.value is True for p in parts):
            return Outcome(True)
        if all(p.value is False for p in parts):
            return Outcome(False)
        return Outcome(None, set().union(*(p.unknown for p in parts if p.value is None)))
    raise TypeError(f"unknown condition type {type(cond).__name__}")


def facts_mentioned(cond: Condition | None) -> set[str]:
    if cond is None:
        return set()
    if isinstance(cond, FactCondition):
        return {cond.fact}
    if isinstance(cond, NotOf):
        return facts_mentioned(cond.not_)
    if isinstance(cond, AllOf):
        return set().union(*(facts_mentioned(c) for c in cond.all))
    return set().union(*(facts_mentioned(c) for c in cond.any))
