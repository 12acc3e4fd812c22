"""The collector interface: how evidence gets into an assessment.

A collector gathers one kind of evidence and reports `Evidence` items and `Finding`s
tagged with provision ids. It knows nothing of verdicts: the engine decides. New
collectors register under the `psti.collectors` entry-point group (or, in tests and
embedding code, with `registry.register`), so the engine never changes to add one.
"""

from __future__ import annotations

import abc
import datetime as dt
import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from psti.kinds import FindingKind

if TYPE_CHECKING:  # pydantic models cost start-up time; importers load them when they need them
    from psti.declaration import Artefact, LoadedDeclaration
    from psti.model import Evidence, Finding

ProgressFn = Callable[[str, float, float | None], None]
"""progress(description, completed, total): total None when unknown."""


def _no_progress(description: str, completed: float, total: float | None) -> None:
    return None


@dataclass
class CollectorContext:
    """What a collector may use: the declaration, a private work directory, options."""

    declaration: LoadedDeclaration
    assessed_on: dt.date
    work_dir: Path
    offline: bool = False  # use saved copies only, never fetch
    allow_private: bool = False  # allow fetching private, loopback and link-local addresses
    options: dict[str, Any] = field(default_factory=dict)
    progress: ProgressFn = _no_progress

    def artefacts(self, *kinds: str) -> list[Artefact]:
        return [a for a in self.declaration.declaration.artefacts if a.kind in kinds]

    def resolve(self, artefact: Artefact) -> Path | None:
        return self.declaration.artefact_path(artefact)


@dataclass
class CollectorResult:
    evidence: list[Evidence] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)

    def extend(self, other: CollectorResult) -> None:
        self.evidence += other.evidence
        self.findings += other.findings


class Collector(abc.ABC):
    """Gathers one kind of evidence. Subclasses set `name`, `description`, `provisions`."""

    name: ClassVar[str]
    description: ClassVar[str]
    # provision ids this collector can produce findings for (documentation and checks)
    provisions: ClassVar[tuple[str, ...]] = ()
    kinds: ClassVar[tuple[FindingKind, ...]] = ()

    @abc.abstractmethod
    def applies(self, ctx: CollectorContext) -> bool:
        """Whether there is anything for this collector in this declaration."""

    @abc.abstractmethod
    def collect(self, ctx: CollectorContext) -> CollectorResult:
        """Gather evidence. Raise PstiError only for usage errors; report bad artefacts
        as findings with effect NEEDS_EVIDENCE so the assessment still completes."""


def sha256_file(path: Path, chunk: int = 1 << 20) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        while block := f.read(chunk):
            h.update(block)
    return h.hexdigest()


def file_evidence(
    evidence_id: str,
    kind: str,
    path: Path,
    collector: str,
    summary: str = "",
    *,
    digest: str | None = None,
    **attributes: Any,
) -> Evidence:
    """An Evidence record for a file on disk, hashed (`digest`: its SHA-256 if the
    caller already computed it)."""
    from psti.model import Evidence

    st = path.stat()
    return Evidence(
        id=evidence_id,
        kind=kind,
        source=str(path),
        sha256=(digest or sha256_file(path)) if path.is_file() else None,
        size=st.st_size if path.is_file() else None,
        captured_at=dt.datetime.now(dt.UTC),
        collector=collector,
        summary=summary,
        attributes=attributes,
    )
