"""The password-batch collector: per-device password exports named by the declaration."""

from __future__ import annotations

import re
from dataclasses import fields
from pathlib import Path
from typing import Any

from psti.declaration import Declaration
from psti.errors import PstiError
from psti.evidence.credentials.analyse import Policy, PublicInfo, analyse_batch
from psti.evidence.credentials.findings import COLLECTOR, batch_result, unreadable_result
from psti.evidence.credentials.kinds import ALL, KINDS
from psti.evidence.credentials.reader import ReaderOptions
from psti.evidence.interface import ArtefactOptions, Collector, CollectorContext, CollectorResult

_PLACEHOLDER = re.compile(r"\{[^}]*\}|[*#?]")


def ssid_literals(pattern: str) -> list[str]:
    """Fixed parts of an SSID pattern such as 'ACME-{mac:6}' -> ['ACME-']."""
    return [p for p in _PLACEHOLDER.split(pattern) if p.strip(" -_.")]


def public_info(decl: Declaration | None, extra: list[tuple[str, str]] | None = None) -> PublicInfo:
    """Public strings: brand, product name and model, manufacturers, fixed parts of SSID patterns."""
    items: list[tuple[str, str]] = []
    if decl is not None:
        p = decl.product
        items += [("product.brand", p.brand or ""), ("product.name", p.name), ("product.model", p.model)]
        items += [(f"manufacturer[{i}].name", m.name) for i, m in enumerate(decl.manufacturer)]
        for i, pat in enumerate(decl.passwords.ssid_patterns):
            items += [(f"passwords.ssid_patterns[{i}]", lit) for lit in ssid_literals(pat)]
    items += extra or []
    return PublicInfo.from_strings(items)


def _split_options(raw: dict[str, Any]) -> tuple[ReaderOptions, Policy, bool, list[tuple[str, str]]]:
    """Options from `psti assess` (`options["password-batch"]`): reader and policy fields by
    name, `show_secrets`, and `public`: extra public strings as (source, text) pairs."""
    reader_names = {f.name for f in fields(ReaderOptions)}
    policy_names = {f.name for f in fields(Policy)}
    unknown = set(raw) - reader_names - policy_names - {"show_secrets", "public"}
    if unknown:
        raise PstiError(f"unknown password-batch option(s): {', '.join(sorted(unknown))}")
    ro = ReaderOptions(**{k: v for k, v in raw.items() if k in reader_names})
    po = Policy(**{k: v for k, v in raw.items() if k in policy_names})
    extra = [(str(source), str(text)) for source, text in raw.get("public", ())]
    return ro, po, bool(raw.get("show_secrets", False)), extra


class PasswordBatchCollector(Collector):
    name = COLLECTOR
    description = (
        "Per-device password batches: duplicates, counters, derivation from identifiers "
        "and public information, guessability"
    )
    provisions = ALL
    kinds = tuple(KINDS.values())
    artefact_kinds = ("password-batch",)

    def applies(self, ctx: CollectorContext) -> bool:
        return bool(ctx.artefacts("password-batch"))

    def collect(self, ctx: CollectorContext) -> CollectorResult:
        return self._collect(ctx, report_unreadable=True)

    def collect_artefact(self, kind: str, path: Path, options: ArtefactOptions) -> CollectorResult | None:
        # A batch given on its own that cannot be read is input to fix (a usage error),
        # not evidence about a declared product.
        if kind not in self.artefact_kinds:
            return None
        return self._collect(options.context(kind, path), report_unreadable=False)

    def _collect(self, ctx: CollectorContext, report_unreadable: bool) -> CollectorResult:
        reader_opts, policy, show, extra = _split_options(dict(ctx.options.get(COLLECTOR, {})))
        public = public_info(ctx.declaration.declaration, extra)
        result = CollectorResult()
        for i, art in enumerate(ctx.artefacts("password-batch"), start=1):
            eid = f"password-batch-{i}"
            source = art.path or art.url or "?"
            path = ctx.resolve(art)
            if path is None:
                result.extend(unreadable_result(None, source, eid, "only local files are examined; give a path"))
                continue
            try:
                report = analyse_batch(path, reader_opts, public, policy, progress=ctx.progress)
            except PstiError as e:
                if not report_unreadable:
                    raise
                result.extend(unreadable_result(path, source, eid, str(e)))
                continue
            result.extend(batch_result(report, eid, show_secrets=show))
        return result
