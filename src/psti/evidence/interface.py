"""The collector interface: how evidence gets into an assessment.

A collector gathers one kind of evidence and reports `Evidence` items and `Finding`s
tagged with provision ids. It knows nothing of verdicts: the engine decides. New
collectors register under the `psti.collectors` entry-point group (or, in tests and
embedding code, with `registry.register`), so the engine never changes to add one.

A collector is given a declaration (`collect`) or one artefact on its own
(`collect_artefact`: a firmware image, a password batch, a saved page). The second
goes through the first: the artefact is wrapped in a declaration that holds only it
(and what a declaration given alongside says about the product), so a collector
writes one `collect` and both paths judge alike. `psti.assess` runs them.
"""

from __future__ import annotations

import abc
import datetime as dt
import hashlib
from collections.abc import Callable, Mapping
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


_SYNTHETIC = "(artefact given on its own)"


@dataclass(frozen=True)
class ArtefactOptions:
    """How to examine one artefact on its own (`Collector.collect_artefact`).

    `about` is a declaration given alongside the artefact for what it says about the
    product (names, brand, manufacturers, password provisioning); its own artefacts,
    reporting and support-period sections are not examined.
    """

    assessed_on: dt.date
    work_dir: Path
    offline: bool = False
    allow_private: bool = False
    options: Mapping[str, Any] = field(default_factory=dict)
    progress: ProgressFn = _no_progress
    about: LoadedDeclaration | None = None

    def context(self, kind: str, path: Path) -> CollectorContext:
        """A collector context whose declaration holds this one artefact only."""
        # pydantic models cost start-up time: loaded when an artefact is examined
        from psti.declaration import Artefact, Declaration, LoadedDeclaration, Party, Passwords, Product

        artefact = Artefact(kind=kind, path=str(path))  # type: ignore[arg-type]  # checked by the collector
        about = self.about.declaration if self.about is not None else None
        # Built without validation: with nothing declared, the product's names are empty
        # rather than invented, so no collector takes a placeholder for public information.
        declaration = Declaration.model_construct(
            product=about.product if about else Product.model_construct(name="", type="", model=""),
            manufacturer=about.manufacturer if about else (Party.model_construct(name="", address=""),),
            passwords=about.passwords if about else Passwords(),
            artefacts=(artefact,),
        )
        loaded = LoadedDeclaration(
            declaration=declaration,
            # as if written in the current directory: the artefact's path resolves as given
            path=Path(_SYNTHETIC),
            sha256=self.about.sha256 if self.about is not None else "",
        )
        return CollectorContext(
            declaration=loaded,
            assessed_on=self.assessed_on,
            work_dir=self.work_dir,
            offline=self.offline,
            allow_private=self.allow_private,
            options=dict(self.options),
            progress=self.progress,
        )


class Collector(abc.ABC):
    """Gathers one kind of evidence. Subclasses set `name`, `description`, `provisions`,
    `kinds`, and `artefact_kinds` if they can examine an artefact on its own."""

    name: ClassVar[str]
    description: ClassVar[str]
    # provision ids this collector can produce findings for (documentation and checks)
    provisions: ClassVar[tuple[str, ...]] = ()
    # the finding kinds it makes: assessments carry them, renderers explain findings from them
    kinds: ClassVar[tuple[FindingKind, ...]] = ()
    # declaration artefact kinds (`firmware`, `password-batch`, ...) it examines on their own
    artefact_kinds: ClassVar[tuple[str, ...]] = ()

    @abc.abstractmethod
    def applies(self, ctx: CollectorContext) -> bool:
        """Whether there is anything for this collector in this declaration."""

    @abc.abstractmethod
    def collect(self, ctx: CollectorContext) -> CollectorResult:
        """Gather evidence. Raise PstiError only for usage errors; report bad artefacts
        as findings with effect NEEDS_EVIDENCE so the assessment still completes."""

    def collect_artefact(self, kind: str, path: Path, options: ArtefactOptions) -> CollectorResult | None:
        """Examine one artefact on its own; None when this collector does not examine
        artefacts of that kind. The same `collect` runs, on a declaration holding only
        this artefact, so one artefact and one declaration are judged alike."""
        if kind not in self.artefact_kinds:
            return None
        ctx = options.context(kind, path)
        if not self.applies(ctx):
            return None
        return self.collect(ctx)


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
