"""Finding kinds: every finding a collector can make has a stable code and a doc entry.

Like a linter's rule codes: each kind says what it checks, why it matters under the
regime, and how to fix it. Collectors register their kinds at import; docs are
generated from this table.
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
    for kind in kinds:
        existing = _KINDS.get(kind.code)
        if existing is not None and existing != kind:
            raise ValueError(f"finding kind {kind.code} is defined twice with different content")
        _KINDS[kind.code] = kind


def all_kinds() -> dict[str, FindingKind]:
    return dict(sorted(_KINDS.items()))
