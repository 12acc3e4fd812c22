"""Run the assessment flow: declaration or artefacts -> collectors -> engine -> Assessment.

The one glue between the parts, used by every caller (the CLI's `assess`, `scan
firmware`, `creds` and `check` commands, `survey`, the service's jobs), so a product
declaration and a single artefact take the same path:

1. the regime view and the scope are settled (from the declaration, or "assumed in
   scope" for artefacts with no declaration);
2. the collectors run: on the declaration (`Collector.collect`), or on each artefact
   on its own (`Collector.collect_artefact`), in a work directory;
3. the engine decides (`psti.engine.decide`, pure), and the assessment carries the
   documentation of every finding kind it uses.

Nothing here judges or formats: collectors gather, the engine decides, renderers write.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import tempfile
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from psti.declaration import LoadedDeclaration
from psti.engine import Collected, decide
from psti.errors import PstiError
from psti.evidence.interface import (
    ArtefactOptions,
    Collector,
    CollectorContext,
    CollectorResult,
    ProgressFn,
)
from psti.evidence.registry import collectors as known_collectors
from psti.kinds import FindingKind, kind_by_code
from psti.model import Assessment, Finding, ProductRef, ScopeDecision
from psti.regime.loader import DEFAULT_REGIME, RegimeLibrary, RegimeView, library
from psti.scope import SCOPE_REGIME, decide_scope, not_in_force


def _no_progress(description: str, completed: float, total: float | None) -> None:
    return None


@dataclass(frozen=True)
class AssessOptions:
    """How to assess. Every field has a default: `AssessOptions()` assesses today,
    against the UK PSTI regime, with every applicable collector."""

    regime: str = DEFAULT_REGIME
    on: dt.date | None = None  # the law as it stood that day; default today
    collectors: Sequence[str] | None = None  # by name; default every applicable one
    offline: bool = False  # use saved copies only, never fetch
    allow_private: bool = False  # allow fetching private, loopback and link-local addresses
    options: Mapping[str, Any] = field(default_factory=dict)  # collector options
    progress: ProgressFn | None = None
    # A directory the caller owns: collectors work in it and it is left for the caller to
    # remove (or keep). None: a private temporary directory, removed afterwards.
    work_dir: Path | None = None
    regimes: RegimeLibrary | None = None  # default: the regime data shipped with psti


@dataclass(frozen=True)
class Artefacts:
    """Artefacts assessed on their own, without a product declaration.

    `items` are (kind, path) pairs, with kinds as in a declaration's `[[artefacts]]`
    (`firmware`, `rootfs`, `password-batch`, `security-txt`, ...). `about` is a
    declaration given alongside for what it says about the product (its names, the
    scope, password provisioning); its own artefacts are not examined. `product`
    names the product in the report when there is no declaration.
    """

    items: tuple[tuple[str, Path], ...]
    about: LoadedDeclaration | None = None
    product: ProductRef | None = None

    @classmethod
    def one(cls, kind: str, path: Path, about: LoadedDeclaration | None = None,
            product: ProductRef | None = None) -> Artefacts:
        return cls(((kind, path),), about, product)


def product_ref(loaded: LoadedDeclaration) -> ProductRef:
    """The product as a report names it: every manufacturer, joined."""
    d = loaded.declaration
    return ProductRef(
        name=d.product.name,
        model=d.product.model,
        manufacturer="; ".join(m.name for m in d.manufacturer),
        declaration=str(loaded.path),
        declaration_sha256=loaded.sha256,
    )


def assess(
    subject: LoadedDeclaration | Artefacts,
    opts: AssessOptions | None = None,
    /,
    **changes: Any,
) -> Assessment:
    """Collect evidence for a declared product (or for artefacts on their own) and
    decide every requirement of the regime.

    Options come as an `AssessOptions`, or as its fields by name
    (`assess(loaded, offline=True)`), or both (the names win).
    """
    o = dataclasses.replace(opts or AssessOptions(), **changes)
    on = o.on or dt.date.today()
    lib = o.regimes or library()
    view = lib.view(o.regime, on)  # an unknown regime is reported before any collecting
    chosen = _chosen_collectors(o.collectors)
    progress = o.progress or _no_progress
    if isinstance(subject, LoadedDeclaration):
        scope = decide_scope(subject.declaration, lib.view(SCOPE_REGIME, on))
        with _work_dir(o.work_dir) as work:
            ctx = CollectorContext(declaration=subject, assessed_on=on, work_dir=work, offline=o.offline,
                                   allow_private=o.allow_private, options=dict(o.options), progress=progress)
            result, ran = run_collectors(ctx, chosen)
        return decide(view, lib.catalogue(on), scope, result, product_ref(subject),
                      subject.declaration.facts(), kinds=gather_kinds(ran, result.findings))
    about = subject.about
    declared = decide_scope(about.declaration, lib.view(SCOPE_REGIME, on)) if about is not None else None
    with _work_dir(o.work_dir) as work:
        artefact_opts = ArtefactOptions(assessed_on=on, work_dir=work, offline=o.offline,
                                        allow_private=o.allow_private, options=o.options,
                                        progress=progress, about=about)
        result, ran = run_artefact_collectors(subject.items, artefact_opts, chosen)
    if about is not None:
        product = product_ref(about)
    else:
        name = subject.items[0][1].name if subject.items else "artefacts"
        product = subject.product or ProductRef(name=name)  # no model or manufacturer: not given
    return _decide_touched(view, lib, on, result, product, declared, gather_kinds(ran, result.findings))


def assess_evidence(
    result: Collected,
    product: ProductRef,
    opts: AssessOptions | None = None,
    /,
    *,
    scope: ScopeDecision | None = None,
    kinds: Iterable[FindingKind] = (),
    **changes: Any,
) -> Assessment:
    """Decide from evidence gathered outside a collector: a check whose target is not an
    artefact (a domain, a security.txt URL with its own fetch options).

    Only the requirements the findings bear on are decided. Without a declaration,
    scope is taken as given ("assumed in scope") unless passed. Kinds not given are
    taken from the kinds registry.
    """
    o = dataclasses.replace(opts or AssessOptions(), **changes)
    on = o.on or dt.date.today()
    lib = o.regimes or library()
    view = lib.view(o.regime, on)
    return _decide_touched(view, lib, on, result, product, scope, _with_registered(kinds, result.findings))


def _decide_touched(view: RegimeView, lib: RegimeLibrary, on: dt.date, result: Collected, product: ProductRef,
                    scope: ScopeDecision | None, kinds: Iterable[FindingKind]) -> Assessment:
    decided = scope or ScopeDecision(
        outcome="in-scope",
        summary="Assumed in scope: no product declaration was given.",
    )
    if view.kind == "law" and not view.in_force:
        decided = not_in_force(view)
    return decide(view, lib.catalogue(on), decided, result, product, only_touched=True, kinds=kinds)


def _chosen_collectors(names: Sequence[str] | None) -> dict[str, type[Collector]]:
    if names is None:
        return known_collectors()
    chosen = known_collectors(names)  # only these are loaded
    unknown = [n for n in names if n not in chosen]
    if unknown:
        known = ", ".join(known_collectors())
        raise PstiError(f"unknown collector(s): {', '.join(unknown)}; known: {known}")
    return {n: chosen[n] for n in names}


def run_collectors(
    ctx: CollectorContext, chosen: Mapping[str, type[Collector]] | None = None
) -> tuple[CollectorResult, list[Collector]]:
    """Run the chosen (default: every known) collectors that apply to the declaration;
    returns what they found and the collectors that ran."""
    result = CollectorResult()
    ran: list[Collector] = []
    for name, cls in (known_collectors() if chosen is None else chosen).items():
        collector = cls()
        if not collector.applies(ctx):
            continue
        ctx.progress(f"collecting: {name}", 0, None)
        result.extend(collector.collect(ctx))
        ran.append(collector)
    return result, ran


def run_artefact_collectors(
    items: Iterable[tuple[str, Path]],
    options: ArtefactOptions,
    chosen: Mapping[str, type[Collector]] | None = None,
) -> tuple[CollectorResult, list[Collector]]:
    """Each artefact through every chosen collector that examines its kind. An artefact
    no collector examines is a usage error: nothing would be said about it."""
    collectors = [cls() for cls in (known_collectors() if chosen is None else chosen).values()]
    result = CollectorResult()
    ran: list[Collector] = []
    for kind, path in items:
        takers = [c for c in collectors if kind in c.artefact_kinds]
        if not takers:
            known = sorted({k for c in collectors for k in c.artefact_kinds})
            raise PstiError(f"{path}: no collector examines artefacts of kind {kind!r}; "
                            f"known: {', '.join(known) or 'none'}")
        for collector in takers:
            options.progress(f"collecting: {collector.name}", 0, None)
            found = collector.collect_artefact(kind, path, options)
            if found is not None:
                result.extend(found)
                if collector not in ran:
                    ran.append(collector)
    return result, ran


def gather_kinds(ran: Iterable[Collector], findings: Sequence[Finding]) -> list[FindingKind]:
    """The kinds the collectors that ran declare, then registered kinds for any code
    the findings use that no collector declared."""
    return _with_registered([k for c in ran for k in type(c).kinds], findings)


def _with_registered(kinds: Iterable[FindingKind], findings: Sequence[Finding]) -> list[FindingKind]:
    out = list(kinds)
    declared = {k.code for k in out}
    for code in sorted({f.kind for f in findings} - declared):
        with contextlib.suppress(KeyError):  # a kind nobody documented is reported without its doc
            out.append(kind_by_code(code))
    return out


@contextlib.contextmanager
def _work_dir(given: Path | None) -> Iterator[Path]:
    if given is not None:
        given.mkdir(parents=True, exist_ok=True)
        yield given
        return
    with tempfile.TemporaryDirectory(prefix="psti-") as tmp:
        yield Path(tmp)
