"""Finding the defined support period (DSP) on a product page or published statement.

PSTI (SI 2023/1007 reg 2) defines the DSP as a period *with an end date*; Sch 1 para 3
asks for it to be published, clearly (no "lifetime of the product"), and alongside an
invitation to purchase on the manufacturer's own site (para 3(5)). This module reads
text for statements such as "security updates until 31 December 2029", "end of
support: 2029-12-31" or "for five years from 1 March 2024", in English or ISO dates.

It is the entry point (`analyse_support_page`): it prepares the page (dates that are
names kept as names, numeric dates read in the page's order, year-less dates given a year), has
`page_reader.PageReader` read its sentences in order, and then adds what only the page as a
whole says (a network's end for a product dated nowhere, a notice's latest update, a start named
in a period and dated elsewhere, a year alone read as its first day, signs of a purchase). The
statements and the analysis are `support_statements`'s; the readers are `sentence_ends` (words),
`labelled_ends` (rows, labels, lists), `changelog_ends` (release notes), `parsed_ends` (the
parse) and `earlier_sentences` (a sentence before), with `prepared_sentences` and
`other_products` beside them.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from psti.evidence.web.changelog_ends import latest_update_holds
from psti.evidence.web.dates import DATE, Precision, in_page_order, later
from psti.evidence.web.network_switchoff import network_end
from psti.evidence.web.page_reader import PageReader
from psti.evidence.web.pagedate import place_yearless, published_date
from psti.evidence.web.pagetext import PageText
from psti.evidence.web.product_names import names_product, normalised
from psti.evidence.web.statement_dates import dates_in
from psti.evidence.web.support_statements import (
    StatementKind,
    SupportPeriodAnalysis,
    SupportStatement,
    add_note,
    end_at,
)
from psti.evidence.web.support_tree import product_is_kind, product_kinds

__all__ = ["StatementKind", "SupportPeriodAnalysis", "SupportStatement", "analyse_support_page"]


_YEAR_STARTS_NOTE = re.compile(
    r"\b(?:ends?|expires?|stops?|is\s+reached)\s+(?:on\s+|at\s+)?(?:the\s+)?(?:(?:January|Jan\.?)\s+1(?:st)?|1(?:st)?\s+"
    r"(?:of\s+)?(?:January|Jan\.?)|first\s+day)\s+of\s+the\s+(?:EOL\s+)?year\s+(?:specified|listed|given|shown|stated|named|in)",
    re.I,
)
_PRICE = re.compile(r"(?:£|€|\$|GBP\s?|EUR\s?|USD\s?)\s?\d{1,5}(?:[.,]\d{2})?\b")
_BUY = re.compile(
    r"add\s+to\s+(?:basket|cart|bag|trolley)|buy\s+now|buy\s+it\s+now|checkout|pre-?order|in\s+stock|"
    r"out\s+of\s+stock|free\s+delivery|order\s+now|purchase\s+now",
    re.I,
)


def analyse_support_page(page: PageText, product_terms: tuple[str, ...] = ()) -> SupportPeriodAnalysis:
    """Find support-period statements; `product_terms` are the model and name to look for."""
    with product_is_kind(product_kinds(product_terms)):
        return _analyse_support_page(page, product_terms)


_VERSION_DATE = re.compile(r"(?<=\bversion\s)\d{4}-\d{2}(?:-\d{2})?(?![\w-])|(?<=api-version=)\d{4}-\d{2}-\d{2}", re.I)


def _dates_kept_as_names(page: PageText, product_terms: tuple[str, ...]) -> tuple[PageText, tuple[str, ...]]:
    """A date that names a version ("Preview API version 2021-06-31", "api-version=2020-03-31"), or
    is part of the product's name, is a name, not a date: written with underscores, in the page and
    in the name alike, no date reader takes it."""
    named = {m.group(0) for t in product_terms for m in DATE.finditer(t) if re.search(r"[-./]", m.group(0))}
    if not named and not _VERSION_DATE.search(page.text):
        return page, product_terms
    own = [rf"(?<![\w.-]){re.escape(x)}(?![\w-]|\.\d)" for x in sorted(named, key=len, reverse=True)]
    pattern = re.compile("|".join([*own, _VERSION_DATE.pattern]), re.I)

    def plain(text: str) -> str:
        return pattern.sub(lambda m: re.sub(r"[-./]", "_", m.group(0)), text)

    page = replace(page, text=plain(page.text), title=plain(page.title), headings=[plain(h) for h in page.headings])
    return page, tuple(plain(t) for t in product_terms)


def _without_maker(product_terms: tuple[str, ...], text: str) -> list[str]:
    """A three- or four-word name without its first word (the maker's: "Cloud Print" of "Google
    Cloud Print"), when the page writes it so as a name, each word capitalised ("Cloud Print,
    Google's cloud-based printing solution, …"); not "cloud print jobs"."""
    out = []
    for term in product_terms:
        words = term.split()
        if not 3 <= len(words) <= 4 or not any(w[:1].isalpha() for w in words[1:]):
            continue  # (not "5a 5G" of "Pixel 5a 5G": a model's code is no name without its line's)
        rest = r"\s+".join(re.escape(w) for w in words[1:])
        for m in re.finditer(rf"(?<![\w-]){rest}(?![\w-])", text, re.I):
            if all(w[:1].isupper() or w[:1].isdigit() for w in m.group(0).split()):
                out.append(" ".join(words[1:]))
                break
    return out


def _analyse_support_page(page: PageText, product_terms: tuple[str, ...]) -> SupportPeriodAnalysis:
    """The page prepared, its sentences read in order, then what only the page as a whole says."""
    page, out, full = _prepared_page(page, product_terms)
    reader = PageReader(page, out, full)
    reader.read()
    _end_of_network(out, reader.sents)
    latest_update_holds(out)
    _page_wide_notes(out, page.text)
    return out


def _prepared_page(page: PageText, product_terms: tuple[str, ...]) -> tuple[PageText, SupportPeriodAnalysis, str]:
    """The page as the readers take it, the analysis it starts, and its title and text normalised.

    Dates that are names are kept as names, numeric dates are read in the page's own order and
    yearless dates take the page's year before anything is read, so that every later stage sees
    the same dates."""
    page, product_terms = _dates_kept_as_names(page, product_terms)
    terms = tuple(normalised(t) for t in (*product_terms, *_without_maker(product_terms, page.text)) if t and t.strip())
    ordered = in_page_order(page.text)  # "06/02/2015" beside "12/18/2014" is 2 June
    text, placed = place_yearless(ordered, published_date(page.published))
    if placed or ordered != page.text:
        page = replace(page, text=text)
    out = SupportPeriodAnalysis(product_terms=terms, title=page.title, placed_dates=placed)
    full = normalised(page.title + "\n" + page.text)
    if terms:
        out.product_mentioned = any(t in full for t in terms)
    return page, out, full


def _end_of_network(out: SupportPeriodAnalysis, sents: list[str]) -> None:
    """A product the page dates nowhere may still stop with the network it runs on: "analogue telecare
    devices that won't work due to the digital switchover … The full retirement of the traditional phone
    network is set for January 2027"."""
    terms = out.product_terms
    if (
        terms
        and not out.dated
        and (net := network_end(sents, terms, lambda x: names_product(terms, x), dates_in)) is not None
    ):
        out.statements.append(end_at(net.sentence, net.day, net.precision, True, net.why))


def _page_wide_notes(out: SupportPeriodAnalysis, text: str) -> None:
    """What the page as a whole says about the statements read one by one: the day a named start is,
    how a year alone is meant, and whether the page invites a purchase."""
    day_dates: dict[str, tuple[set[tuple[dt.date, Precision]], bool]] = {}  # each named day's dates, found once
    out.statements = [_start_given_elsewhere(st, text, day_dates, out.product_terms) for st in out.statements]
    if (note := _YEAR_STARTS_NOTE.search(text)) is not None:
        # "Support for each device ends on January 1st of the year specified in the table": a year
        # alone is that year's first day on this page, not its last
        out.statements = [
            replace(
                st,
                end_date=st.end_date.replace(month=1, day=1),
                precision="day",
                phrase=f"{st.phrase}; {note.group(0)!r}",
            )
            if st.end_date is not None and st.precision == "year" and st.kind == "end-date"
            else st
            for st in out.statements
        ]
    for m in _PRICE.finditer(text):
        add_note(out.purchase_signals, m.group(0))
    for m in _BUY.finditer(text):
        add_note(out.purchase_signals, m.group(0).lower())


# a period counted from a named day ("five years from the first supply date") whose date the page
# gives elsewhere ("The first supply date is listed as September 22, 2023"), as PSTI statements of
# compliance do: each kind of day, as the period names it and as the page dates it
_DAY_KINDS: dict[str, tuple[str, str]] = {
    "supply": (
        r"(?:(?:first|initial)\s+)?supply\s+date|date\s+of\s+(?:first\s+|initial\s+)?supply",
        r"supply\s+date|date\s+of\s+(?:first\s+|initial\s+)?supply|first\s+supplied",
    ),
    "release": (
        r"(?:(?:first|initial)\s+)?release\s+date|date\s+of\s+(?:first\s+|initial\s+)?release|"
        r"release\b(?!\s+(?:of|in|on)\b)|(?:it|the\s+(?:product|device|model))\s+(?:is|was)\s+(?:first\s+)?released",
        r"release\s+date|date\s+of\s+(?:first\s+|initial\s+)?release|\breleased",
    ),
    "launch": (
        r"launch\s+date|date\s+of\s+launch|launch\b(?!\s+(?:of|in|on)\b)|"
        r"(?:it|the\s+(?:product|device|model))\s+(?:is|was)\s+(?:first\s+)?launched",
        r"launch\s+date|date\s+of\s+launch|\blaunched",
    ),
    "sale": (
        r"(?:(?:first|initial)\s+)?(?:sale|availability)\s+date|date\s+of\s+(?:first\s+|initial\s+)?(?:sale|availability)|"
        r"(?:first|initial)\s+availability|(?:the\s+)?date\s+(?:the\s+(?:product|device|model)|it)\s+(?:is|was)\s+"
        r"first\s+(?:made\s+)?available",
        r"(?:sale|availability)\s+date|date\s+of\s+(?:first\s+|initial\s+)?(?:sale|availability)|"
        r"(?:first|initial)\s+availability|first\s+(?:made\s+)?available",
    ),
    "end of sale": (
        r"(?:end\s+of\s+(?:sales?|production|manufacture)|last\s+(?:sale|supply))(?:\s+date)?|"
        r"(?:it|the\s+(?:product|device|model))\s+(?:is|was|has\s+been)\s+discontinued|discontinuation(?:\s+date)?",
        r"end\s+of\s+(?:sales?|production|manufacture)(?:\s+date)?|last\s+(?:sale|supply)\s+date|\bdiscontinu\w*",
    ),
    "market": (
        r"(?:the\s+)?date\s+(?:the\s+(?:product|device|model)|it)\s+(?:is|was)\s+(?:first\s+)?placed\s+on\s+the\s+market|"
        r"(?:first\s+)?placing\s+on\s+the\s+market",
        r"placed\s+on\s+the\s+market|placing\s+on\s+the\s+market",
    ),
}
_NAMED_START = re.compile(
    r"\b(?:from|after|since|following)\s+(?:the\s+|its\s+|their\s+)?(?:(?:product|device|model)(?:['’]s)?\s+)?(?:"
    + "|".join(f"(?P<{k.replace(' ', '_')}>{named})" for k, (named, _dated) in _DAY_KINDS.items())
    + r")",
    re.I,
)
_DAY_DATED = {k: re.compile(dated, re.I) for k, (_named, dated) in _DAY_KINDS.items()}
# the product's own release, dated in its sentence: "The Acme Cam 2 was released on 1 March 2024 and will
# receive security updates for five years" (not "phones launched in 2021 or later", which picks devices)
_RELEASED_ON = re.compile(
    r"(?:\b(?:was|were|is)\s+(?:first\s+)?(?:released|launched|introduced)|"
    # (or the sentence led by it: "Launched on July 1, 2025, the Acme Phone …", "Set to debut on …")
    r"^\W*(?:first\s+)?(?:released|launched|introduced)|^\W*set\s+to\s+(?:debut|launch|be\s+released)|"
    # (or set off by commas after its name: "The Acme Hub, released in March 2024, will get five years …")
    r",\s*(?:first\s+)?(?:released|launched|introduced))\s+(?:on|in)\s+$",
    re.I,
)
_LATER_ON = re.compile(r"^\s*(?:or|and)\s+(?:later|after|newer|onwards)|^\s*onwards", re.I)
_NAME_TO_DATE = 80  # characters from the day's name to its date
_VERB_DAY = re.compile(r"^(?:released|launched|discontinu\w*|placed)$", re.I)
# (the verb's own tense too: "The Acme Hub launched on 1 March 2024")
_SUBJECT_BEFORE = re.compile(
    r"(?P<subject>[^,;:.()|]{1,60}?)\s+(?:(?:was|were|is|has\s+been)\s+)?(?:first\s+|originally\s+|initially\s+)?$",
    re.I,
)
_OURS = re.compile(r"\b(?:it|this\s+(?:product|device|model)|the\s+(?:product|device|model))\b", re.I)
_LABEL_GAP = re.compile(r"[ \t]*:?[ \t]*\n[ \t]*")


def _start_given_elsewhere(
    st: SupportStatement,
    text: str,
    day_dates: dict[str, tuple[set[tuple[dt.date, Precision]], bool]],
    terms: tuple[str, ...] = (),
) -> SupportStatement:
    if st.kind != "period-without-start" or st.duration is None:
        return st
    released = [
        (dm, d, p)
        for dm, d, p in dates_in(st.sentence)
        if _RELEASED_ON.search(st.sentence[: dm.start()]) and not _LATER_ON.match(st.sentence[dm.end() :])
    ]
    if st.mentions_product and len(released) == 1:
        dm, start, precision = released[0]
        return _counted_from(st, start, precision, f"{st.duration} from its release, given as {dm.group(0)}")
    m = _NAMED_START.search(st.sentence)
    if m is None or m.lastgroup is None:
        return st
    kind = m.lastgroup.replace("_", " ")
    if kind not in day_dates:
        day_dates[kind] = _dates_of_day(kind, text, terms)
    dated, beside_product = day_dates[kind]
    if len({d for d, _p in dated}) != 1:
        return st  # no date given for the day, or several
    start, precision = next(iter(dated))
    named = " ".join(m.group(m.lastgroup).split())
    counted = _counted_from(st, start, precision, f"{st.duration} from the {named}, given as {start.isoformat()}")
    # a start dated in the product's own row makes the period the product's
    return replace(counted, mentions_product=True) if beside_product else counted


def _dates_of_day(kind: str, text: str, terms: tuple[str, ...]) -> tuple[set[tuple[dt.date, Precision]], bool]:
    """The dates the page gives a kind of day ("The first supply date is …", "Discontinued: 15 August
    2025", "The Acme Hub was released on 10 May 2024"). A verb dates the day only with the product or
    "it" just before it, or as a label: "Firmware 2.1 was released on …" dates no product."""
    found: set[tuple[dt.date, Precision]] = set()
    own: set[tuple[dt.date, Precision]] = set()  # dated beside the product's name (its table row)
    for named in _DAY_DATED[kind].finditer(text):
        after = text[named.end() : named.end() + _NAME_TO_DATE]
        before = text[max(0, named.start() - 60) : named.start()].rsplit("\n", 1)[-1]
        if _VERB_DAY.match(named.group(0)) and not after.lstrip().startswith(":"):
            # "The Acme Hub was released on …": the verb's subject is the product, or "it"
            said = _SUBJECT_BEFORE.search(before)
            subject = said.group("subject") if said else ""
            ours = bool(subject) and (bool(_OURS.search(subject)) or (bool(terms) and names_product(terms, subject)))
            if not ours:
                continue
        else:
            ours = bool(terms) and names_product(terms, before, brand_needed=False)  # "Acme Cam 2 | Launch date: …"
        # (in its sentence, or on the line under the day's name standing as a label: "First supply date" over
        # "22 September 2023")
        dates = [
            (d, p)
            for dm, d, p in dates_in(after)
            if not re.search(r"[.!?]\s|\n", after[: dm.start()]) or _LABEL_GAP.fullmatch(after[: dm.start()])
        ]
        if dates:
            found.add(dates[0])
            if ours:
                own.add(dates[0])
    return (own, True) if own else (found, False)


def _counted_from(st: SupportStatement, start: dt.date, precision: Precision, why: str) -> SupportStatement:
    """A period without a start, given the start the page states elsewhere: its end counted from it."""
    assert st.duration is not None
    n, unit = st.duration.split()
    return replace(st, kind="period-with-start", end_date=later(start, int(n), unit), start_date=start,
                   precision=precision, phrase=why)  # fmt: skip
