"""Finding kinds: every finding a collector can make has a stable code and a doc entry.

Like a linter's rule codes: each kind says what it checks, why it matters under the
regime, and how to fix it. Kinds are model-level data: collectors declare the kinds
they make (`Collector.kinds`), assessments carry the kinds of their findings
(`Assessment.kinds`, as SARIF carries `driver.rules`), and renderers read them from
there, never from the collectors. This module depends on nothing else in psti.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class FindingKind:
    code: str
    title: str
    checks: str
    why: str
    how_to_fix: str
    provisions: tuple[str, ...] = ()


_KINDS: dict[str, FindingKind] = {}


def register_kinds(kinds: Iterable[FindingKind]) -> None:
    """Add kinds to the process-wide table (used to document every known kind)."""
    for kind in kinds:
        existing = _KINDS.get(kind.code)
        if existing is not None and existing != kind:
            raise ValueError(f"finding kind {kind.code} is defined twice with different content")
        _KINDS[kind.code] = kind


def all_kinds() -> dict[str, FindingKind]:
    """Every kind registered so far, by code."""
    return dict(sorted(_KINDS.items()))


def kind_by_code(code: str) -> FindingKind:
    """A registered kind; KeyError names the code when no module declared it."""
    try:
        return _KINDS[code]
    except KeyError:
        raise KeyError(f"finding kind {code!r} is not registered") from None
