"""The support-period check: pages or statements into findings (PSTI Sch 1 para 3).

Present (3(2)), unambiguous (an end date, reg 2), for the identified product, not
shorter than before (3(6), against the local history and the declaration's earlier
end dates), and shown where the product is offered (3(5)).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from psti.evidence.interface import CollectorResult
from psti.evidence.web import kinds as K
from psti.evidence.web.documents import Document, DocumentLoader, readable_page
from psti.evidence.web.history import SupportHistory, product_key
from psti.evidence.web.page_identity import PageIdentity, page_identity
from psti.evidence.web.pagetext import PageText
from psti.evidence.web.policy import analyse_policy
from psti.evidence.web.support_period import SupportPeriodAnalysis, SupportStatement, analyse_support_page
from psti.model import Effect, Finding, Location, make_finding

COLLECTOR = "support-period"


@dataclass
class SupportInputs:
    pages: list[tuple[str | None, Path | None]] = field(default_factory=list)  # (url, saved file)
    product_terms: tuple[str, ...] = ()  # model, name
    manufacturer: str | None = None
    model: str | None = None
    previous_end_dates: tuple[dt.date, ...] = ()
    history: SupportHistory | None = None  # None: no local history
    record: bool = True


@dataclass
class SupportCheckResult(CollectorResult):
    """The collector's result, and the product as the first page names it (if it does)."""

    identity: PageIdentity | None = None


@dataclass(frozen=True)
class ReportedProduct:
    """The product a report names: the one asked about, the page's, or both when they differ."""

    name: str
    model: str
    manufacturer: str
    differs: bool = False  # the page names another product than the one asked about


def same_product(asked: tuple[str, ...], identity: PageIdentity) -> bool:
    """Whether the page's product is the one asked about: one name contains the other
    ("CAM-200" and "Acme CAM-200"), case, spaces and hyphens aside."""
    mine = [_norm(t) for t in asked if t.strip()]
    theirs = [_norm(t) for t in (*identity.terms, identity.model or "") if t.strip()]
    return not mine or not theirs or any(a in b or b in a for a in mine for b in theirs)


def _norm(s: str) -> str:
    return " ".join(s.lower().replace("-", " ").replace("_", " ").split())


def reported_product(
    product: str | None, model: str | None, manufacturer: str | None, identity: PageIdentity | None, fallback: str
) -> ReportedProduct:
    """What the report calls the product: the name given on the command line; else the
    page's own (with where it was read); both when the page names another product."""
    given = product or model
    page_model = identity.model if identity else None
    page_maker = identity.manufacturer if identity else None
    if not given:
        if page_model:
            return ReportedProduct(page_model, page_model, manufacturer or page_maker or "-")
        return ReportedProduct(fallback, "-", manufacturer or page_maker or "-")
    if identity is not None and page_model and not same_product(tuple(t for t in (model, product) if t), identity):
        name = f"{given}, but the page's {identity.source} names {page_model}"
        return ReportedProduct(name, model or "-", manufacturer or "-", differs=True)
    return ReportedProduct(given, model or "-", manufacturer or "-")


def check_support_period(inputs: SupportInputs, loader: DocumentLoader, today: dt.date) -> SupportCheckResult:
    findings: list[Finding] = []
    read: list[tuple[Document, SupportPeriodAnalysis]] = []
    pages: list[tuple[Document, PageText]] = []
    for url, path in inputs.pages:
        doc = (
            loader.from_file(path, "support-page", url=url)
            if path is not None
            else loader.from_url(url or "", "support-page", provisions=K.SP_PUBLISHED)
        )
        if doc is None:
            continue
        loc = doc.location
        if doc.fetched and not (200 <= (doc.status or 0) < 300):
            effect = Effect.FAIL if doc.status in (401, 402, 407) else Effect.NEEDS_EVIDENCE
            kind = "SP-ACCESS" if effect is Effect.FAIL else "WEB-HTTP-STATUS"
            findings.append(
                make_finding(
                    kind,
                    effect,
                    f"{doc.where} answered HTTP {doc.status}",
                    collector=COLLECTOR,
                    location=loc,
                    provisions=K.SP_PUBLISHED if kind == "WEB-HTTP-STATUS" else K.SP_ACCESS,
                )
            )
            continue
        page = readable_page(doc, doc.where, COLLECTOR, K.SP_PUBLISHED, findings)
        if page is None:
            continue
        pages.append((doc, page))
        findings += _access(doc, page, loc)
    identity = page_identity(pages[0][1], pages[0][0].url) if pages else None
    terms = inputs.product_terms
    if identity is not None and not (inputs.manufacturer and inputs.model):
        # the product as the page names it: keys the history, and picks its row in a table
        terms = terms or identity.terms
    read = [(doc, analyse_support_page(page, terms)) for doc, page in pages]
    if read:
        findings += _other_product(inputs, identity, pages[0][0])
        findings += _period(inputs, read, today, identity if not (inputs.manufacturer and inputs.model) else None)
    return SupportCheckResult(
        evidence=list(loader.evidence), findings=list(loader.findings) + findings, identity=identity
    )


def _other_product(inputs: SupportInputs, identity: PageIdentity | None, doc: Document) -> list[Finding]:
    """The page's structured data, title or heading names another product than the one asked about."""
    if identity is None or not identity.model or not inputs.product_terms:
        return []
    if same_product(inputs.product_terms, identity):
        return []
    asked = " / ".join(inputs.product_terms)
    return [
        make_finding(
            "SP-OTHER-PRODUCT",
            Effect.INFO,
            f"{doc.where} is about {identity.model} (read from its {identity.source}), not the product asked "
            f"about ({asked}): check that it is the page for that product",
            collector=COLLECTOR,
            location=Location(url=doc.url, evidence=doc.evidence.id),
            details={"page_model": identity.model, "page_manufacturer": identity.manufacturer, "asked": asked},
        )
    ]


def _access(doc: Document, page: PageText, loc: Location) -> list[Finding]:
    a = analyse_policy(page, promises=False)  # access conditions only: no parser needed
    problems = [why for why in (a.sign_in, a.paid, a.personal_info) if why]
    if a.english is False:
        problems.append(f"not in English ({a.english_ratio:.0%} common English words)")
    if problems:
        return [
            make_finding(
                "SP-ACCESS", Effect.FAIL, f"{doc.where}: " + "; ".join(problems), collector=COLLECTOR, location=loc
            )
        ]
    return [
        make_finding(
            "SP-ACCESSIBLE",
            Effect.PASS,
            f"{doc.where} is readable without sign-in, payment or personal details",
            collector=COLLECTOR,
            location=loc,
        )
    ]


def _describe(s: SupportStatement) -> str:
    if s.kind == "period-with-start" and s.start_date and s.end_date:
        return f"{s.duration} from {s.start_date.isoformat()}, i.e. until {s.end_date.isoformat()}"
    return f"until {s.end_date.isoformat()}" if s.end_date else s.phrase


def _period(
    inputs: SupportInputs,
    read: list[tuple[Document, SupportPeriodAnalysis]],
    today: dt.date,
    identity: PageIdentity | None,
) -> list[Finding]:
    out: list[Finding] = []
    where = ", ".join(doc.where for doc, _ in read)
    first = Location(url=read[0][0].url, evidence=read[0][0].evidence.id)
    named = [a.product_mentioned for _, a in read if a.product_mentioned is not None]
    if inputs.product_terms and named and not any(named):
        out.append(
            make_finding(
                "SP-PRODUCT-NOT-IDENTIFIED",
                Effect.NEEDS_EVIDENCE,
                f"{where} does not name the product ({' / '.join(inputs.product_terms)})",
                collector=COLLECTOR,
                location=first,
            )
        )
    chosen: list[tuple[Document, SupportStatement]] = [(doc, s) for doc, a in read for s in a.chosen()]
    if inputs.product_terms and any(s.mentions_product for _, s in chosen):
        chosen = [(d, s) for d, s in chosen if s.mentions_product]
    end_dates = sorted({s.end_date for _, s in chosen if s.end_date})
    if not end_dates:
        undated = [(doc, s) for doc, a in read for s in a.statements]
        vague = [(d, s) for d, s in undated if s.kind == "vague"]
        no_start = [(d, s) for d, s in undated if s.kind == "period-without-start"]
        if no_start:
            d, s = no_start[0]
            out.append(
                make_finding(
                    "SP-NO-START",
                    Effect.FAIL,
                    f"{d.where} gives a period ({s.duration}) without a stated start date, "
                    f'so no end date: "{s.sentence}"',
                    collector=COLLECTOR,
                    location=Location(url=d.url, evidence=d.evidence.id),
                )
            )
        elif vague:
            d, s = vague[0]
            out.append(
                make_finding(
                    "SP-VAGUE",
                    Effect.FAIL,
                    f'{d.where} describes support as {s.phrase!r}, not a period with an end date: "{s.sentence}"',
                    collector=COLLECTOR,
                    location=Location(url=d.url, evidence=d.evidence.id),
                )
            )
        else:
            out.append(
                make_finding(
                    "SP-NOT-FOUND",
                    Effect.FAIL,
                    f"no defined support period found in {where}",
                    collector=COLLECTOR,
                    location=first,
                )
            )
        out += _placement(read, found=False)
        return out
    if len(end_dates) > 1:
        listed = "; ".join(f'{_describe(s)} ("{s.sentence[:80]}")' for _, s in chosen[:4])
        if inputs.product_terms:
            out.append(
                make_finding(
                    "SP-CONFLICTING",
                    Effect.FAIL,
                    f"different end dates for the product: {listed}",
                    collector=COLLECTOR,
                    location=first,
                )
            )
        else:
            out.append(
                make_finding(
                    "SP-PRODUCT-NOT-IDENTIFIED",
                    Effect.NEEDS_EVIDENCE,
                    f"{len(end_dates)} different end dates on the page(s) and no product named to choose "
                    f"between them (give the model): {listed}",
                    collector=COLLECTOR,
                    location=first,
                )
            )
        out += _placement(read, found=True)
        return out
    doc, stmt = chosen[0]
    end = end_dates[0]
    loc = Location(url=doc.url, evidence=doc.evidence.id)
    out.append(
        make_finding(
            "SP-FOUND",
            Effect.PASS,
            f'defined support period published at {doc.where}: {_describe(stmt)} — "{stmt.sentence}"',
            collector=COLLECTOR,
            location=loc,
            details={
                "end_date": end,
                "start_date": stmt.start_date,
                "statement": stmt.sentence,
                "precision": stmt.precision,
                "decided_by": stmt.phrase,
            },
        )
    )
    if stmt.precision != "day":
        out.append(
            make_finding(
                "SP-COARSE-DATE",
                Effect.INFO,
                f"the end date is given to the {stmt.precision} ({stmt.phrase!r}); read as {end.isoformat()}",
                collector=COLLECTOR,
                location=loc,
            )
        )
    # the placements that gave this end its year (not those of other dates on the page)
    placed = [p.note() for p in next(a for d, a in read if d is doc).placed_dates if str(end.year) in p.reading]
    if placed:
        out.append(
            make_finding(
                "SP-YEAR-SUPPLIED",
                Effect.INFO,
                "; ".join(placed[:3]) + (f"; and {len(placed) - 3} more" if len(placed) > 3 else ""),
                collector=COLLECTOR,
                location=loc,
            )
        )
    if end < today:
        out.append(
            make_finding(
                "SP-ENDED",
                Effect.INFO,
                f"the support period ended on {end.isoformat()}",
                collector=COLLECTOR,
                location=loc,
            )
        )
    out += _history(inputs, end, doc, identity)
    out += _placement(read, found=True)
    return out


def _history(inputs: SupportInputs, end: dt.date, doc: Document, identity: PageIdentity | None) -> list[Finding]:
    loc = Location(url=doc.url, evidence=doc.evidence.id)
    previous: list[tuple[dt.date, str]] = [(d, "the declaration or --previous-end") for d in inputs.previous_end_dates]
    key = None
    maker = inputs.manufacturer or (identity.manufacturer if identity else None)
    model = inputs.model or (identity.model if identity else None)
    read_from_page = [
        what
        for what, given, value in (("manufacturer", inputs.manufacturer, maker), ("model", inputs.model, model))
        if not given and value
    ]
    # a page that names no model of its own (a maker's list as data): the product asked for is the one
    product_given = model is None and bool(inputs.product_terms)
    if product_given:
        model = inputs.product_terms[0]
    named = f"{maker or '(manufacturer not stated)'} {model}"
    if product_given:
        named += " (the product given)"
    elif read_from_page and identity is not None:
        named += f" ({' and '.join(read_from_page)} read from the page's {identity.source})"
    if inputs.history is not None and model:
        key = product_key(maker or "", model)
        previous += [
            (r.end_date, f"{r.source} on {r.recorded_at.date().isoformat()}") for r in inputs.history.records(key)
        ]
    out: list[Finding] = []
    if previous:
        latest, source = max(previous, key=lambda p: p[0])
        if end < latest:
            out.append(
                make_finding(
                    "SP-SHORTENED",
                    Effect.FAIL,
                    f"the period now ends {end.isoformat()}, earlier than {latest.isoformat()} recorded from {source}",
                    collector=COLLECTOR,
                    location=loc,
                    details={"previous_end_date": latest, "end_date": end},
                )
            )
        else:
            out.append(
                make_finding(
                    "SP-NOT-SHORTENED",
                    Effect.PASS,
                    f"not shorter than the {len(previous)} earlier recorded period(s) (latest {latest.isoformat()})",
                    collector=COLLECTOR,
                    location=loc,
                )
            )
            if end > latest:
                out.append(
                    make_finding(
                        "SP-EXTENDED",
                        Effect.PASS,
                        f"extended from {latest.isoformat()} to {end.isoformat()}, and the new period is published",
                        collector=COLLECTOR,
                        location=loc,
                    )
                )
    if not previous or end <= max(p[0] for p in previous):
        out.append(
            make_finding(
                "SP-NOT-EXTENDED",
                Effect.NOT_APPLICABLE,
                "no extension of an earlier period is on record, so para 3(3) does not arise",
                collector=COLLECTOR,
                location=loc,
            )
        )
    if not previous and key is not None:
        # a first observation cannot show shortening (para 3(6) needs an earlier publication)
        how = "recorded now; later checks compare against it" if inputs.record else "not recorded (--history read)"
        out.append(
            make_finding(
                "SP-HISTORY-STARTS",
                Effect.PASS,
                f"first observation of the support period of {named}: nothing earlier is on record, so no "
                f"shortening can be shown; history starts now ({how})",
                collector=COLLECTOR,
                location=loc,
                details={"manufacturer": maker, "model": model, "end_date": end, "recorded": inputs.record},
            )
        )
    elif not previous:
        how = (
            "the history is off (--history off)"
            if inputs.history is None
            else "the product is not identified: give --model (and --manufacturer), or earlier end dates"
        )
        out.append(
            make_finding(
                "SP-NO-HISTORY",
                Effect.NEEDS_EVIDENCE,
                f"no earlier published period is on record for this product, so shortening cannot be ruled out; {how}",
                collector=COLLECTOR,
                location=loc,
            )
        )
    if key is not None and inputs.record and inputs.history is not None:
        inputs.history.record(key, end, doc.where, doc.evidence.sha256, dt.datetime.now(dt.UTC))
    return out


def _placement(read: list[tuple[Document, SupportPeriodAnalysis]], found: bool) -> list[Finding]:
    out: list[Finding] = []
    if not any(a.invitation_to_purchase for _, a in read):
        doc = read[0][0]
        out.append(
            make_finding(
                "SP-NOT-A-SALES-PAGE",
                Effect.NOT_APPLICABLE,
                f"{', '.join(d.where for d, _ in read)} does not offer the product for sale (no price, basket or "
                "order button), so para 3(5) does not arise for it; check the page where the product is sold",
                collector=COLLECTOR,
                location=Location(url=doc.url, evidence=doc.evidence.id),
            )
        )
    for doc, a in read:
        if not a.invitation_to_purchase:
            continue
        loc = Location(url=doc.url, evidence=doc.evidence.id)
        signals = ", ".join(a.purchase_signals[:3])
        if a.dated:
            out.append(
                make_finding(
                    "SP-ALONGSIDE-PURCHASE",
                    Effect.PASS,
                    f"{doc.where} offers the product ({signals}) and shows the support period on the same page",
                    collector=COLLECTOR,
                    location=loc,
                )
            )
        else:
            out.append(
                make_finding(
                    "SP-NOT-ALONGSIDE-PURCHASE",
                    Effect.FAIL,
                    f"{doc.where} offers the product ({signals}) but does not show the support period",
                    collector=COLLECTOR,
                    location=loc,
                )
            )
    return out
