"""Collectors for `psti assess`: disclosure (Sch 1 para 2) and support period (para 3).

They read the declaration's `reporting` and `support_period` sections and artefacts of
kind security-txt, disclosure-policy, support-page and web-page. An artefact with both
`path` and `url` is a saved copy of that URL and is used instead of fetching it; with
`ctx.offline` nothing is fetched at all.

Options (ctx.options): `web_keys` (list of OpenPGP public-key files), `web_save_dir`,
`web_verify` (CA bundle path), `web_timeout`, `web_max_bytes`, `now` (ISO date-time for
judging Expires), `support_history` ("record", "read" or "off"; default "record").
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from psti.declaration import Artefact
from psti.evidence.interface import Collector, CollectorContext, CollectorResult
from psti.evidence.web import kinds as K
from psti.evidence.web.disclosure import DisclosureInputs, Source, check_disclosure
from psti.evidence.web.documents import DocumentLoader, WebOptions
from psti.evidence.web.history import SupportHistory
from psti.evidence.web.support_check import SupportInputs, check_support_period
from psti.model import Effect, Location, make_finding

_WEB_KINDS = ("security-txt", "disclosure-policy", "support-page", "web-page")


def judgement_time(ctx: CollectorContext) -> dt.datetime:
    """When Expires is judged: the `now` option, else now if assessing today, else that day's start."""
    raw = ctx.options.get("now")
    if raw:
        when = raw if isinstance(raw, dt.datetime) else dt.datetime.fromisoformat(str(raw))
        return when if when.tzinfo else when.replace(tzinfo=dt.UTC)
    now = dt.datetime.now(dt.UTC)
    if ctx.assessed_on == now.date():
        return now
    return dt.datetime.combine(ctx.assessed_on, dt.time(0), dt.UTC)


def _web_options(ctx: CollectorContext) -> WebOptions:
    opts = WebOptions.from_options(ctx.options, ctx.offline, ctx.allow_private)
    for art in ctx.artefacts(*_WEB_KINDS):
        path = ctx.resolve(art)
        if art.url and path is not None:
            opts.saved_copies[art.url] = path
    return opts


def _source(ctx: CollectorContext, art: Artefact) -> tuple[str | None, Path | None]:
    return art.url, ctx.resolve(art)


class DisclosureCollector(Collector):
    name = "disclosure"
    description = "security.txt (RFC 9116) and the vulnerability disclosure policy it or the declaration points to"
    provisions = tuple(dict.fromkeys(K.CONTACT + K.ACK + K.STATUS + K.DISCLOSURE_ACCESS))
    kinds = tuple(k for k in K.KINDS.values() if k.code.startswith(("SECTXT-", "DISC-", "WEB-")))
    artefact_kinds = ("security-txt", "disclosure-policy")

    def applies(self, ctx: CollectorContext) -> bool:
        r = ctx.declaration.declaration.reporting
        return bool(r.security_txt_url or r.policy_url or ctx.artefacts("security-txt", "disclosure-policy"))

    def collect(self, ctx: CollectorContext) -> CollectorResult:
        r = ctx.declaration.declaration.reporting
        inputs = DisclosureInputs(key_files=[Path(p) for p in ctx.options.get("web_keys", [])])
        seen: set[str] = set()
        for art in ctx.artefacts("security-txt"):
            url, path = _source(ctx, art)
            inputs.security_txt.append(Source(url=url, path=path))
            seen.add(url or "")
        if r.security_txt_url and r.security_txt_url not in seen:
            inputs.security_txt.append(Source(url=r.security_txt_url))
        seen = set()
        for art in ctx.artefacts("disclosure-policy"):
            url, path = _source(ctx, art)
            inputs.policies.append(Source(url=url, path=path))
            seen.add(url or "")
        if r.policy_url and r.policy_url not in seen:
            inputs.policies.append(Source(url=r.policy_url))
        loader = DocumentLoader(self.name, _web_options(ctx), "disclosure")
        result = check_disclosure(inputs, loader, judgement_time(ctx))
        if not inputs.security_txt and not inputs.policies:
            result.findings.append(
                make_finding(
                    "DISC-NO-CONTACT",
                    Effect.NEEDS_EVIDENCE,
                    "the declaration names no security.txt, policy URL or saved policy to examine",
                    collector=self.name,
                    location=Location(field="reporting"),
                    provisions=K.CONTACT,
                )
            )
        return result


class SupportPeriodCollector(Collector):
    name = "support-period"
    description = "the defined support period published on product pages or statements"
    provisions = tuple(
        dict.fromkeys(K.SP_PUBLISHED + K.SP_ACCESS + K.SP_PLACEMENT + K.SP_EXTENDED + K.SP_NOT_SHORTENED)
    )
    kinds = tuple(k for k in K.KINDS.values() if k.code.startswith(("SP-", "WEB-")))
    artefact_kinds = ("support-page",)

    def applies(self, ctx: CollectorContext) -> bool:
        sp = ctx.declaration.declaration.support_period
        return bool(sp.published_url or ctx.artefacts("support-page"))

    def collect(self, ctx: CollectorContext) -> CollectorResult:
        d = ctx.declaration.declaration
        sp = d.support_period
        pages: list[tuple[str | None, Path | None]] = []
        seen: set[str] = set()
        for art in ctx.artefacts("support-page"):
            pages.append(_source(ctx, art))
            seen.add(art.url or "")
        if sp.published_url and sp.published_url not in seen:
            pages.append((sp.published_url, None))
        mode = str(ctx.options.get("support_history", "record"))
        inputs = SupportInputs(
            pages=pages,
            product_terms=tuple(t for t in (d.product.model, d.product.name) if t),
            manufacturer=d.manufacturer[0].name,
            model=d.product.model,
            # the declared end date counts as published before: the page must not show less
            previous_end_dates=sp.previous_end_dates + ((sp.end_date,) if sp.end_date else ()),
            history=None if mode == "off" else SupportHistory(),
            record=mode == "record",
        )
        loader = DocumentLoader(self.name, _web_options(ctx), "support")
        return check_support_period(inputs, loader, ctx.assessed_on)
