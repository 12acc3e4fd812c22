"""Finding the defined support period (DSP) on a product page or published statement.

PSTI (SI 2023/1007 reg 2) defines the DSP as a period *with an end date*; Sch 1 para 3
asks for it to be published, clearly (no "lifetime of the product"), and alongside an
invitation to purchase on the manufacturer's own site (para 3(5)). This module reads
text for statements such as "security updates until 31 December 2029", "end of
support: 2029-12-31" or "for five years from 1 March 2024", in English or ISO dates.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Literal

from psti.evidence.web import language
from psti.evidence.web.cjk import cjk_end, goes_on_cjk, is_cjk
from psti.evidence.web.dates import (
    DATE,
    NUMBER_WORDS,
    DatePart,
    Precision,
    count,
    in_page_order,
    later,
)
from psti.evidence.web.foreign import (
    foreign_dates,
    foreign_end,
    foreign_end_after,
    goes_on,
    language_of,
    stops_undated_abroad,
    support_heading_abroad,
)
from psti.evidence.web.network_switchoff import network_end
from psti.evidence.web.pagedate import DATELINE_LEAD, POST_BYLINE, PlacedDate, place_yearless, published_date
from psti.evidence.web.pagetext import MD_LINK_TARGET, PageText, clip, semicolon_items, sentences
from psti.evidence.web.product_names import (
    VARIANTS,
    joined_codes,
    names_product,
    normalised,
    outside_name,
    plain_words,
    row_name_parts,
    with_short_forms,
)
from psti.evidence.web.statement_dates import dates_in
from psti.evidence.web.support_tree import (
    COMMON_ACRONYMS,
    FROM_START,
    ON_PLATFORM,
    ROUGHLY,
    SERVICE_WORD,
    STOP_SAID,
    TOPIC,
    DateRole,
    product_is_kind,
    product_kinds,
    read_dates,
    stop_after_event,
    stop_dated_in_brackets,
    withheld_updates,
)
from psti.evidence.web.table_rows import END_LABEL, HEADING_CHARS, LAST_WORKING_DAY, ROW_CHARS, table_rows

if TYPE_CHECKING:
    from spacy.tokens import Doc

StatementKind = Literal["end-date", "period-with-start", "period-without-start", "vague"]
_RANK: dict[str, int] = {"day": 0, "month": 1, "year": 2}

# the day a product last works, a label or words for its end ("Last functional day: December 9, 2024")
_SUPPORT = re.compile(
    r"security\s+(?:updates?|patch(?:es)?|fixes|support)|software\s+updates?|firmware\s+updates?|"
    r"support(?:ed)?\s*[:–-]?\s+(?:(?:for\s+)?\w+\s+(?:years?|months?)\s*[(,]?\s*)?(?:period|until|till|through|ends?)|defined\s+support|updates?\s*:?\s+(?:at\s+least\s+)?(?:until|till|through)|"
    r"ends?[\s-]of[\s-](?:life|support|service|security|updates)|\beol\b|will\s+(?:be\s+)?(?:supported|updated|patched|maintained)|"
    r"receiv(?:e|es|ing)\s+(?:security\s+|software\s+|firmware\s+)?(?:updates|support)|support\s+end|updates?\s+end|updates?\s+for\s+as\s+long|"
    r"supported\s+for|(?:updates?|support)\s+(?:is\s+|are\s+|will\s+be\s+)?(?:guaranteed|provided|available)\s+(?:for|until)|"
    r"(?:update|support)\s+(?:guarantee|commitment|policy)|last\s+(?:security\s+)?update|no\s+longer\s+supported|out\s+of\s+support\b|"
    rf"last\s+(?:date|day)\s+of\s+support|{LAST_WORKING_DAY}\b|"
    r"(?:turn|shut)[\s-]?down\s+date|(?:sunset|retirement|closure|switch[\s-]?off)\s+date|"  # a service's end day
    r"(?:years?|months?)\s+of\s+(?:[\w-]+\s+){0,5}?(?:updates|upgrades|patches|support)\b|"
    r"(?:\bend|\bstop|\bcease|\bdrop|discontinu\w*|terminat\w*)\s+(?:\w+\s+){0,2}(?:support|updates?)\b",
    re.I,
)
_START_LABEL = re.compile(
    r"releas|launch|introduc|available\s+from|first\s+(?:suppl|sold|available)|start|\bopen(?:ed|ing)?\b|"
    r"lançamento|lanzamiento|lancement|lancio|rilascio|Markteinführung|Veröffentlichung|Erscheinungs|lancering|"
    r"introductie|utgivning",
    re.I,
)
_YEAR_STARTS_NOTE = re.compile(
    r"\b(?:ends?|expires?|stops?|is\s+reached)\s+(?:on\s+|at\s+)?(?:the\s+)?(?:(?:January|Jan\.?)\s+1(?:st)?|1(?:st)?\s+"
    r"(?:of\s+)?(?:January|Jan\.?)|first\s+day)\s+of\s+the\s+(?:EOL\s+)?year\s+(?:specified|listed|given|shown|stated|named|in)",
    re.I,
)
_START_BEFORE = re.compile(
    r"\b(?:releas\w*|launch\w*|introduc\w*|since|sold|bought|purchased|available\s+from)(?:\s+(?:in|on|from))?\s*$",
    re.I,
)
# the launch a leading date is the time of: "In 2021, Spotify launched Car Thing, …"
_LAUNCHED_AFTER = re.compile(
    r"\s*,?\s+(?:[\w&.'’-]+\s+){0,3}(?:launch|releas|introduc|announc|unveil|debut)\w*\b", re.I
)
_SUPPORT_END_LABEL = re.compile(
    r"end\s+of\s+(?:life|support|service|security|updates?)|\beol\b|\beos\b|security\s+updates?|last\s+date\s+of\s+support",
    re.I,
)
_EXTENDED_LABEL = re.compile(r"\bextended", re.I)  # (also a data file's "extendedEnd")
# a heading over a table of devices whose support has ended ("DEVICES WE HAVE CEASED TO SUPPORT")
_CEASED_HEADING = re.compile(
    r"\b(?:ceased|stopped|ended|discontinued|dropped)\s+(?:to\s+)?support|\bno\s+longer\s+supported\b|"
    r"\b(?:unsupported|discontinued|end[\s-]of[\s-]life|eol)\s+(?:devices|products|models|boards|hardware|phones)\b",
    re.I,
)
# under such a heading, the column of the last release a device got ("Last Sailfish OS release") dates its end
_LAST_RELEASE_LABEL = re.compile(r"\b(?:last|final)\b.{0,40}?\b(?:release|update|version|firmware|build)\b", re.I)
_CELL = re.compile(r"^\s*(?P<label>[^:|]{1,80}?)\s*:\s*(?P<value>.+?)\s*$")
_END_MARKER = re.compile(
    r"(?:\buntil|\btill|\bthrough|\bthru|\bto|\bends?|\bending|\bended|end\s+date|end\s+of\s+(?:life|support)|"
    r"\beol|\bexpires?|no\s+(?:earlier|sooner)\s+than|\bon|:)"
    r"(?:\s+(?:at\s+least|the\s+end\s+of|the\s+last\s+day\s+of|end\s+of|on|in|the|least))*[\s:,(]*$",
    re.I,
)
# "not guaranteed after October 2019", "will stop getting security updates after 2030"
# "stop software updates for the device in March 2023", "end technical support for older
# products, effective January 31, 2026": a stop word, then the date it takes effect
_STOP = (
    r"(?:not\s+(?:be\s+)?guaranteed|(?:won['’]t|will\s+not|can(?:no|['’])t|do(?:es)?\s+not|(?:doesn|don)['’]t)\s+guarantee\b|\bstop(?:s|ped|ping)?\b|\bcease[sd]?\b|\bno\s+(?:longer|more)\b|\bends?\b|"
    r"\bend\s+(?:\w+\s+){0,2}(?:support|updates?)|discontinu\w*|terminat\w*|won't\s+(?:get|receive)|"
    r"\bconclud\w*|\bexpir\w*|\bdrop(?:s|ped|ping)?\b|phas(?:e|es|ed|ing)\s+out|\bsunset\w*|\bretir\w*|"
    r"will\s+not\s+(?:get|receive)|\bno\s+(?:\w+\s+)?(?:security\s+|software\s+|firmware\s+)?(?:updates|patches)|"
    r"\bturn(?:s|ed|ing)?\s+off\b|\bshut(?:s|ting)?\s+(?:down|off)\b|\boffline\b)"
)
_END_AFTER = re.compile(
    _STOP + r"[^.;]{0,80}\b(?:after|in|on|from|as\s+of|effective(?:\s+from)?|starting|beginning|come)\s+$", re.I
)
# "After April 2020 no software updates will be made available", "come May 2020, … will no
# longer receive software updates": the date first, the stop after it
_LEAD_IN = re.compile(r"(?:^|[,;:]\s*|\bthat\s+)(?:after|from|as\s+of|come|starting|beginning|effective)\s+$", re.I)
_STOP_AFTER = re.compile(r"^[\s,]{0,3}[^.;]{0,80}?" + _STOP, re.I)
# an end date for updates that are not security updates ("Android feature updates till October 2018")
_OTHER_UPDATES = re.compile(
    r"(?:feature|android(?:\s+(?:os|version))?|os|version|major|platform|operating\s+system|app)\s+(?:updates?|upgrades?)",
    re.I,
)
_SECURITY_WORD = re.compile(r"secur|patch", re.I)
# a first stage of support that a longer one follows, and that longer one
_INTERIM_SUPPORT = re.compile(r"\b(?:regular|mainstream|standard|active|general|normal)\s+support\b", re.I)
_EXTENDED_SUPPORT = re.compile(
    r"\b(?:lts|long[-\s]term\s+support|extended\s+(?:security\s+)?support|security\s+support)\b", re.I
)
_RESPECTIVELY = re.compile(r"\brespectively\b", re.I)
_RANGE = re.compile(r"^\s*(?:through|thru|to|until|till|–|—|-)\s*$", re.I)
_DATE_JOIN = re.compile(r"^\s*(?:,|and|or|&|,\s*and)\s*$", re.I)
_DURATION = re.compile(
    r"(?<![\d.,])(?P<n>\d{1,3}(?:[.,]5(?!\d))?|" + "|".join(NUMBER_WORDS) + r")\s*(?:\(\d+\)\s*)?[- ]?"
    r"(?:more\s+|further\s+|additional\s+)?(?P<unit>years?|months?)",
    re.I,
)  # ("4.5 years" is 54 months, not 5 years)


def _span(m: re.Match[str]) -> tuple[int, str]:
    """A duration's length and unit, a half year counted in months ("4.5 years" -> 54 months)."""
    n, unit = m.group("n"), m.group("unit").lower()
    if n[-2:] in (".5", ",5"):
        whole = int(n[:-2]) * 2 + 1
        return (whole * 6, "months") if unit.startswith("year") else (whole // 2, unit)
    return count(n), unit


# a list item led by its date, in any language ("октябрь 2026 года – Xiaomi 12T и Xiaomi 12T Pro")
_DATE_LED_ITEM = re.compile(r"^\W{0,3}(?:[^\W\d]+\s+){0,3}(?:19|20)\d\d(?:\s+[^\W\d]+)?\s*[–—:-]\s")
# a heading or column label over a list of ends
_END_HEADING = re.compile(
    r"\bexpir\w*|end[\s-]of[\s-](?:life|support|service|updates)|\beol\b|\baue\b|support\s+(?:ends?|until)|"
    r"updates?\s+(?:until|end)|last\s+(?:security\s+)?update|\blife\s*cycle\b",
    re.I,
)
_START = re.compile(r"\b(?:from|after|since|starting|following|beginning)\b", re.I)
# words right before a date that make it the first moment of an end ("Beginning May 2020, …")
_BEGINS_AT = re.compile(
    r"\b(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(FROM_START)) + r")(?:\s+(?:in|on))?\s+$"
    # "will stop working at the beginning of 2024": the period's first day
    r"|\bthe\s+(?:very\s+)?(?:beginning|start)\s+of\s+$",
    re.I,
)
# "as of late March 2023": the end is the month's last part, not its first day
_LATE_IN = re.compile(r"\b(?:late|end\s+of|mid|middle\s+of)[\s-]*$", re.I)
_START_GAP = 40  # characters between a start's word and its date
# the start's own clause giving its date further on: "…, which took place on September 22, 2023"
_START_DATED_AFTER = re.compile(r"^[^.;,]*,\s*which\s+(?:was|took\s+place|happened|occurred|came)\s+(?:on|in)\s+", re.I)
_UPDATED_STAMP = re.compile(
    rf"\b(?:last\s+updated|last\s+modified|updated\s+on|published)\s*:\s*(?:{DATE.pattern})", re.I
)
# "24 months after the discontinued announcement date (": a span counted from the date that follows
_SPAN_BEFORE = re.compile(
    r"\b(?P<n>\d{1,3}|" + "|".join(NUMBER_WORDS) + r")\s+(?P<unit>days?|weeks?|months?|years?)\s+"
    r"(?:after|from|following)\s+(?:the\s+|its\s+)?(?:[\w-]+\s+){0,4}?\(?\s*$",
    re.I,
)

_DEVICES_BEFORE = re.compile(
    r"\b(?:devices|models|products|phones|tablets|tvs|units|ones|hardware)"
    r"(?:\s+(?:first\s+)?(?:released|launched|introduced|sold|bought|purchased|made|manufactured|shipped))?\s*$",
    re.I,
)  # ("for devices released after January 1, 2021": which devices, not a start)


def _clause_of(text: str) -> str:
    """The text up to the end of its clause: a new clause ("…, but", "; ", "…, and it") is another statement's."""
    m = re.search(r"[;.]\s|,\s+(?:but|while|whereas|although|though|and\s+(?:it|they|we|he|she))\b|\s\bbut\b", text)
    return text[: m.start()] if m else text


_RELATIVE_START = re.compile(
    r"purchase|bought|buy|first\s+suppl|release|launch|manufactur|activation|registration|"
    r"(?:date\s+of\s+)?sale|availability|introduc|last\s+(?:sold|shipped|produced)|discontinu|end\s+of\s+sale",
    re.I,
)
_VAGUE = re.compile(
    r"lifetime|life\s*time|(?:whole|entire|full)\s+life|life\s+of\s+the\s+(?:product|device)|"
    r"as\s+long\s+as\s+(?:\w+\s+){0,3}(?:needed|necessary|required|possible|reasonable|practicable|it\s+is\s+sold)|"
    r"foreseeable\s+future|indefinite(?:ly)?|from\s+time\s+to\s+time|for\s+years\s+to\s+come|"
    r"for\s+(?:many|several|a\s+number\s+of)\s+years|regular(?:ly)?\s+(?:security\s+)?updates|ongoing\s+(?:security\s+)?(?:support|updates)",
    re.I,
)
_PRICE = re.compile(r"(?:£|€|\$|GBP\s?|EUR\s?|USD\s?)\s?\d{1,5}(?:[.,]\d{2})?\b")
_BUY = re.compile(
    r"add\s+to\s+(?:basket|cart|bag|trolley)|buy\s+now|buy\s+it\s+now|checkout|pre-?order|in\s+stock|"
    r"out\s+of\s+stock|free\s+delivery|order\s+now|purchase\s+now",
    re.I,
)


@dataclass(frozen=True)
class SupportStatement:
    sentence: str
    kind: StatementKind
    end_date: dt.date | None = None
    start_date: dt.date | None = None
    duration: str | None = None  # e.g. "5 years"
    precision: Precision = "day"
    mentions_product: bool = False
    phrase: str = ""  # the words the statement rests on
    works_only: bool = False  # dated only by the product ceasing to work, not by an end of updates
    former: bool = False  # an end reported as said before ("said it would keep support until …")
    aimed: bool = False  # an end only aimed at ("aims to support the phones … until 2026") or held on a condition
    carried: bool = False  # about the product only as the sentence after one naming it
    loose: bool = False  # in a sentence naming the product only by a short form ("Dell Chromebook 11" of "… (3120)")
    extends: bool = False  # moves the end said in the sentence before, which it replaces


def _end_at(
    sentence: str, day: dt.date, precision: Precision, mentions: bool, why: str, **flags: bool
) -> SupportStatement:
    """An end date the page states, its sentence kept to 300 characters, with the words that date it."""
    return SupportStatement(sentence[:300], "end-date", day, None, None, precision, mentions, why, **flags)


@dataclass
class SupportPeriodAnalysis:
    statements: list[SupportStatement] = field(default_factory=list)
    product_terms: tuple[str, ...] = ()
    product_mentioned: bool | None = None  # None: no product to look for
    purchase_signals: list[str] = field(default_factory=list)
    title: str = ""
    named_without_end: list[str] = field(default_factory=list)  # sentences naming the product about support, no end
    named_vaguely: list[str] = field(default_factory=list)  # those of them that give the end a vague time
    # sentences naming the product that stop it with no date ("Cortana will also stop working on the
    # Harman Kardon Invoke"): the product has its own sentence, so the page's other dates are not its
    stopped_undated: list[str] = field(default_factory=list)
    placed_dates: list[PlacedDate] = field(default_factory=list)  # dates given their year by the page's date
    beside_another: bool = False  # the title names another model first: the page is that one's

    @property
    def dated(self) -> list[SupportStatement]:
        return [s for s in self.statements if s.end_date is not None]

    def chosen(self) -> list[SupportStatement]:
        """Statements that define this product's period: those naming the product if any do."""
        dated = self.dated
        if self.product_terms:
            own = [s for s in dated if s.mentions_product]
            if not own and (group := _group_dated(dated, self.stopped_undated)):
                # "… phase out support to older models starting in May of 2020. … will stop releasing
                # software updates to a group of its older models: …, the Play:5, …": the stop that
                # names the product is the one dated for the group it is in
                return group
            if (
                own
                or any(s.mentions_product for s in self.statements)
                or self.named_without_end
                or self.stopped_undated
                or self.beside_another
            ):
                # the product's own statement says no date: others' dates are not its; but one that gives its
                # own end more finely says the same end ("the official end of support scheduled for October
                # 14, 2025" beside "after October 2025, Windows 10 will no longer receive … updates")
                return own + [
                    s
                    for s in dated
                    if not s.mentions_product
                    and any(_within(s, o) and _RANK[s.precision] < _RANK[o.precision] for o in own)
                ]
        return dated

    def _refined(self, chosen: list[SupportStatement]) -> bool:
        """The product's sentence gave its end only a vague time ("will disable … early next year"), and
        the one date that follows it says when ("the shutdown will take effect on February 18, 2026")."""
        return set(self.named_without_end) == set(self.named_vaguely) and len({s.end_date for s in chosen}) == 1

    def end_dates(self) -> list[dt.date]:
        """The product's end dates. A coarse date that a finer one falls inside states the same
        end ("until 2030" and "End of life: October 2030"), so only the finer one is kept. The day
        the product stops working ends its updates only when no end of support or updates is
        stated ("stop supporting Amazon Halo effective July 31, 2023. … from August 1, 2023, …
        will no longer work": the end of support is July 31)."""
        chosen = [s for s in self.chosen() if s.end_date is not None]
        if any(not s.works_only for s in chosen):
            # (a day the product stops working that falls inside a coarser end says it more finely: "to
            # shutter its home-security service next month … Once the shutdown occurs on February 5")
            stated = [s for s in chosen if not s.works_only]
            chosen = stated + [
                s
                for s in chosen
                if s.works_only and any(_within(s, o) and _RANK[s.precision] < _RANK[o.precision] for o in stated)
            ]
        if any(not s.former for s in chosen):  # "said it would keep support until …" was replaced
            chosen = [s for s in chosen if not s.former]
        if any(not s.aimed for s in chosen):  # "guaranteed until at least August 2024 … aims to … until 2026"
            chosen = [s for s in chosen if not s.aimed]
        if any(not _in_link_title(s) for s in chosen):
            # "* [Support für Windows 10 Mobile endete am 10. Dezember 2019](/lifecycle/announcements/…)" under a
            # release's own "endDate": a link's words are the title of another page, about something else
            chosen = [s for s in chosen if not _in_link_title(s)]
        if self.named_without_end and all(s.carried for s in chosen) and not self._refined(chosen):
            # "the PS3 store will no longer close. The PSP store will still close on July 2": the sentence
            # naming the product says no end, and the next one's date is another's
            return []
        if any(not s.loose and not s.carried for s in chosen):
            # "Dell Chromebook 11 Jun 1, 2019" beside "Dell Chromebook 11 (3120) Jun 1, 2020": the full name's row
            # (a sentence that names the product only in part still outweighs one that does not name it)
            chosen = [s for s in chosen if not s.loose]
        if any(_EXTENDED_SUPPORT.search(s.sentence) for s in chosen):
            # "Regular support ended August 14, 2024. Long Term Support (LTS) extends until August 31,
            # 2026": the security updates run to the end of the longer support
            chosen = [
                s for s in chosen if not _INTERIM_SUPPORT.search(s.sentence) or _EXTENDED_SUPPORT.search(s.sentence)
            ] or chosen
        if named := [s for s in chosen if not s.carried]:
            # "… the Pixel 6 … security updates continue until 2026. Samsung provides five years …":
            # the sentence that names the product outweighs one that only follows it, unless that one
            # gives the same end more finely ("in March 2018 … The service ends on March 16")
            chosen = [s for s in chosen if not s.carried or any(_within(s, o) for o in named)]
        ends: set[dt.date] = set()
        for s in chosen:
            assert s.end_date is not None
            finer = [
                o.end_date
                for o in chosen
                if o.end_date is not None
                and o.end_date != s.end_date
                and _RANK[o.precision] < _RANK[s.precision]
                and o.end_date.year == s.end_date.year
                and (s.precision == "year" or o.end_date.month == s.end_date.month)
            ]
            # "support … only until 2024" beside "will stop supporting it from 2024": the same
            # boundary, the first day of the year both name
            opened = (
                s.precision == "year"
                and s.end_date.month == 12
                and any(o.precision == "year" and o.end_date == dt.date(s.end_date.year, 1, 1) for o in chosen)
            )
            if not finer and not opened:
                ends.add(s.end_date)
        return sorted(ends)

    @property
    def invitation_to_purchase(self) -> bool:
        return len(self.purchase_signals) >= 1


# a group of a maker's products, named by their age: "older models", "legacy devices"
_GROUP = re.compile(
    r"\b(?:older|oldest|legacy|earlier|old|first[\s-]generation)\s+(?:models?|products?|devices?|speakers?|players?|"
    r"cameras?|hardware|generations?)\b",
    re.I,
)


def _group_dated(dated: list[SupportStatement], stopped_undated: list[str]) -> list[SupportStatement]:
    """The dated statements about a group ("older models") when the product is named, with no date,
    only in a stop for that same group, and nothing else is dated."""
    groups = {m.group(0).lower() for s in stopped_undated for m in _GROUP.finditer(s)}
    if not groups or len(stopped_undated) != 1:
        return []
    found = [s for s in dated if {m.group(0).lower() for m in _GROUP.finditer(s.sentence)} & groups]
    return found if len(found) == len(dated) else []


_LABEL_BEFORE = re.compile(r"([\w ]{2,30}):\s*$")
# a line that moves the date of the row above it: "NEW DATE: August 10, 2025"
_REVISED_DATE = re.compile(
    r"^\s*(?P<label>(?:new|revised|updated|extended|changed)\s+(?:end\s+|eol\s+|support\s+)?date)\s*:\s*(?P<rest>.+)$",
    re.I,
)
# a post's byline: short parts set apart by middle dots, the last its date ("name · comment · 2025-04-22",
# "Jane Doe · 5 min read · Mar 3, 2024")
_LOG_STAMP = re.compile(
    r"^\s*(?:19|20)\d\d-[01]\d-[0-3]\d[ T][0-2]\d:[0-5]\d(?::[0-5]\d(?:[.,]\d+)?)?(?:Z|[+-]\d\d:?\d\d)?\s+"
)
# words that point back at a list's items: "those SONOS devices", "these products", "all of the above"
_LIST_BACK = re.compile(
    r"\b(?:those|these|the\s+above|all\s+of\s+the\s+above|the\s+listed|the\s+products\s+listed)\b"
    r"(?:\s+[\w:-]+){0,2}?\s+(?:devices|products|models|items|speakers|players|cameras|phones|routers|units|"
    r"hubs|systems|versions|releases)\b"
    r"|\b(?:all|each|both|every\s+one)\s+of\s+(?:which|them|these|those)\b",  # "…, and Surface Go 3, all of which"
    re.I,
)


# a release's heading: a version number or the word release beside its date
_RELEASE_HEAD = re.compile(r"\bv?\d+\.\d+(?:\.\d+)*\b|\b(?:release|version)\b", re.I)
_MD_LINK_TARGET = re.compile(MD_LINK_TARGET)
_MD_LINK = re.compile(rf"\[([^\[\]]{{1,200}})(?:{MD_LINK_TARGET})")
_VERSION_ONLY = re.compile(r"^\W{0,3}v?\d+(?:\.\d+){1,3}\s*$", re.I)
_BRACKETED_DAY = re.compile(r"^\s*\(\s*(?:19|20)\d\d-[01]\d-[0-3]\d\s*\)\s*$")
# a release note's lead into what it removed: "Removed SBC support:", "Removed builds for following
# operating system … versions, as they are End-of-Life"
_REMOVAL_LEAD = re.compile(
    r"^\W{0,3}(?:removed|dropped)\s+(?:[\w-]+\s+){0,2}(?:support\b|builds\s+for\b)|"
    r"^\W{0,3}(?:[\w-]+\s+){0,2}support\s+(?:removed|dropped)\s*:",
    re.I,
)
_REMOVAL_ITEMS = 12  # lines read under such a lead
_REMOVED_SECTION = re.compile(r"\W*(?:removed|removals|dropped)(?:\s+support)?\W*", re.I)
_REMOVED_NAME_WORDS = 6  # an item under a removal that is the product's name, not a feature of it
# what a release's notes or a changelog's dated entry say when support for something ends with them
_RELEASE_DROPS = re.compile(
    r"^\W{0,3}(?:removed|dropped)\s*:|\bno\s+longer\s+(?:be\s+)?(?:officially\s+)?support(?:s|ed)?\b|\bend(?:s|ed)?\s+support\s+for\b|"
    r"^\W{0,3}end\s+of\s+support\s+for\b|"
    # ("Dropped Raspbian/Debian Jessie support", "rm support for …", as a changelog abbreviates it)
    r"\b(?:drop(?:s|ped|ping)?|remov(?:e|es|ed|ing)|discontinu(?:e|es|ed|ing)|rm)\s+(?:[\w/+.-]+\s+){0,3}?(?:support|builds)\b|"
    # ("Removed armv7-only boards (…)": the boards taken off the supported list)
    r"^\W{0,3}(?:removed|dropped)\s+(?:[\w/+.-]+\s+){0,3}?(?:boards|devices|models|targets|machines)\b|"
    r"\bsupport\s+(?:for\s+.{1,60}?\s+)?(?:has\s+(?:now\s+)?been\s+|was\s+|is\s+)?(?:removed|dropped|discontinued|ended)\b|"
    r"\b(?:has|have)\s+(?:now\s+)?been\s+removed\b|"
    # "`homebridge-myq` is officially retired" in a release's notes
    r"\b(?:is|are|has\s+been|have\s+been)\s+(?:now\s+)?(?:officially\s+)?(?:retired|discontinued)\b|"
    # "Windows installer: Refuse to install on Windows 8 as … calibre 6 does not work on Windows 8"
    r"\brefus(?:e|es|ed|ing)\s+to\s+(?:install|run|start|launch)\s+on\b|"
    # "If you are on a PowerPC machine or an older OS X version, do not upgrade"
    r"\bif\s+you\s+(?:are|run)\s+(?:on|using)\b[^.]{1,80},\s+(?:do\s+not|don't|please\s+do\s+not)\s+(?:upgrade|update)\b",
    re.I,
)
# (or an ISO day leading the entry with no colon: "- 2026-04-02 Removed armv7-only boards (…)")
_DATED_ENTRY = re.compile(r"^\W{0,3}(?P<when>[^:|]{4,30}):\s+(?=\S)|^\W{0,3}(?:19|20)\d\d-[01]\d-[0-3]\d\s+(?=[A-Z])")
_FINAL_RELEASE = re.compile(
    # "this is the last …", "This maintenance release will also be the EoL …", "one last update …"
    r"(?:\b(?:this|it)(?:\s+(?:\w+\s+)?(?:release|update|version))?\s+(?:is|will\s+(?:also\s+)?be)\s+the|"
    r"\bhere\s+(?:is|comes)\s+the|\bone)\s+(?:end[\s-]of[\s-]life|eol|last|final)\s+"
    # "… update of the 21.7 series", "… the last one in the 18.1 series", "the last of the 22.1 series",
    # or the series named first: "the last 16.1 series release"
    r"(?:(?:(?:\w+\s+)?(?:release|version|update|one)\s+)?(?:for|of|in)\b|"
    r"v?\d+(?:\.\d+)+(?:\.x)?\s+(?:\w+\s+)?(?:release|version|update)\b)",
    re.I,
)
_BRACKETED_MONTH = re.compile(rf"\(\s*(?:{DATE.pattern})\s*\)\s*$", re.I)
_COMPARED = re.compile(r"\bthan\s+$", re.I)  # a date compared to ("older than …"), not the heading's own
_RELEASE_DATE_LINE = re.compile(
    rf"^\W{{0,3}}release(?:d\b|\s+date\b)\s*(?:on\s*)?:?\s*(?:{DATE.pattern})\W{{0,3}}$", re.I
)  # a line of its own: "Release date: 01-01-2021"
_VERSION = r"v?(\d+(?:\.\d+){0,3})"
# a release raising the least version it runs on: "Minimum Android version is 8.0 now", "requires at
# least Android 12", "requires iOS 15.5 or newer", "bump min required android version from android 5.0
# to 6.0", "the minimum OS requirement: Android 6.0->8.0", "Bump minimum required Jade firmware version
# to v1.0.40"
_NEW_MINIMUM = re.compile(
    rf"\bmin(?:imum)?\b[^;]{{0,60}}?(?:\bis|\bto|->|→|:)\s*(?:[A-Za-z]+\s+){{0,2}}{_VERSION}(?!\d|\.\d)(?!\s*(?:->|→))|"
    rf"\brequires?\s+(?:at\s+least\s+(?:[A-Za-z]+\s+){{0,2}}{_VERSION}|(?:[A-Za-z]+\s+){{0,3}}{_VERSION}\s*"
    r"(?:or\s+(?:above|newer|later|higher)|\+))",
    re.I,
)
# the product as the versions of a platform below one: "AAPS on Android versions older than 8.0",
# "Jade hardware wallets on firmware older than v1.0.40"; or one version: "Electrum on Android 5.0"
_BELOW_VERSION = re.compile(
    rf"(?P<platform>[A-Za-z]+)(?:\s+versions?)?\s+(?:older\s+than|below|before|prior\s+to|previous\s+to|lower\s+than|<)\s+"
    rf"(?:[A-Za-z]+\s+)?{_VERSION}",
    re.I,
)
# (a version's codename may follow: "on Android 6.0 Marshmallow")
_ON_VERSION = re.compile(rf"\bon\s+(?P<platform>[A-Za-z]+)\s+{_VERSION}(?:\s+[A-Z][a-z]+)?\s*$", re.I)
# a release's label of what it runs on: "Minimum: NC 18 Server, Android 8.0 Nougat"
_MINIMUM_LABEL = re.compile(r"^\W{0,3}min(?:imum)?(?:\s+requirements?)?\s*:\s*(?P<rest>.+)$", re.I)


def _version(text: str) -> tuple[int, ...]:
    return tuple(int(x) for x in text.split("."))


def _minimum_raised_past(s: str, terms: tuple[str, ...]) -> str | None:
    """The words that raise the least version a release runs on past every version the product
    names, on the same platform: the release ends support for them."""
    raised = list(_NEW_MINIMUM.finditer(s))
    label = _MINIMUM_LABEL.match(s)
    if not raised and label is None:
        return None
    for term in terms:
        bare = re.sub(r"\s*\([^()]*\)\s*", " ", term).strip()
        if (named := _BELOW_VERSION.search(bare) or _ON_VERSION.search(bare)) is None:
            continue
        platform, own = named.group("platform"), _version(named.group(2))
        # the new least version of the product's platform, said with the platform's name
        found = [(m.group(0), _version(next(g for g in m.groups() if g))) for m in raised]
        found = [(words, v) for words, v in found if re.search(rf"\b{re.escape(platform)}\b", words, re.I)]
        if label is not None and (on := re.search(rf"\b{re.escape(platform)}\s+{_VERSION}", label.group("rest"), re.I)):
            found.append((label.group(0), _version(on.group(1))))
        for words, new in found:
            # (the product's versions: all below its bound, or the one it names)
            if (own <= new) if named.re is _BELOW_VERSION else (own < new):
                return words
    return None


# a line that is only a date: the date of the notes under it ("@ July 22, 2016")
def _only_a_date(line: str) -> DatePart | None:
    """The date of a line that holds nothing else but marks ("@ July 22, 2016", "## 2025-04-22:")."""
    found = dates_in(line)
    if len(found) != 1 or re.sub(r"[\W_]+", "", line.replace(found[0][0].group(0), "")):
        return None
    return found[0]


_THIS_RELEASE = re.compile(
    r"\b(?:since|as\s+of|from|with|starting\s+with|in)\s+this\s+(?:version|release|update|build)\b", re.I
)


# a dated update to a notice: "Update June 6, 2022: Support … will continue until March 31st, 2023"
_UPDATE_LEAD = re.compile(r"^\W*(?:update|updated|edit|edited)\b\W{0,3}(?:on\s+)?(?P<when>[^:]{4,40}?)\s*:", re.I)


def _latest_update_holds(out: SupportPeriodAnalysis) -> None:
    """Ends given in a notice's dated updates: the latest update's end replaces those of the
    updates before it ("Update June 7, 2021: … until the end of 2022." then "Update June 6, 2022:
    … until March 31st, 2023.") and those of the notice above them."""
    dated: list[tuple[dt.date, int]] = []
    for k, st in enumerate(out.statements):
        if (
            st.kind == "end-date"
            and (lead := _UPDATE_LEAD.match(st.sentence))
            and (when := dates_in(lead.group("when")))
        ):
            dated.append((when[0][1], k))
    if not dated:
        return
    latest, at = max(dated)
    for k, st in enumerate(out.statements):
        if st.kind == "end-date" and k != at and (k < at or any(k == j and d < latest for d, j in dated)):
            out.statements[k] = replace(st, former=True)


def _glued_name(terms: tuple[str, ...], s: str) -> bool:
    """A row whose cells ran together names the product ("AcerChromebook Tab 10 D651NAugust 2023"):
    the name's words, spaced or not, ending where a new cell starts (a capitalised word right
    after it)."""
    for term in terms:
        words = re.findall(r"[\w+]+", term)
        if len(words) < 2:
            continue
        pattern = r"[\s(),/-]*".join(re.escape(w) for w in words) + r"[)\]]*"
        for m in re.finditer(rf"(?<![A-Za-z0-9]){pattern}", s, re.I):
            # a capitalised word right after the name starts the next cell ("D651NAugust 2023"); a
            # capital alone is part of a model's name ("Xiaomi 12T")
            if re.match(r"[A-Z][a-z]", s[m.end() : m.end() + 2]):
                return True
    return False


def _name_label(row_names: set[str], s: str) -> str | None:
    """The label of the cell that names the product in a row ("Version" of "Version: 3.6.x | …"),
    or "" for a line labelled with the name ("A51 : EOL …"); None when no cell does."""
    if not row_names:
        return None
    if " | " not in s:
        return "" if (m := _CELL.match(s)) is not None and plain_words(m.group("label")) in row_names else None
    for part in s.split(" | "):
        if (m := _CELL.match(part)) is not None and plain_words(m.group("value")) in row_names:
            return plain_words(m.group("label"))
    return None


def _sibling_row(s: str, label: str | None) -> bool:
    """A row of the same table as the one that named the product, naming another item in the same
    column ("Version: 3.5.x" below "Version: 3.6.x"), or a line labelled with another model ("A42 : EOL")."""
    if label is None:
        return False
    if label == "":
        return " | " not in s and (m := _CELL.match(s)) is not None and bool(re.search(r"\d", m.group("label")))
    return any(
        (m := _CELL.match(part)) is not None and plain_words(m.group("label")) == label for part in s.split(" | ")
    )


def _row_named(row_names: set[str], s: str) -> bool:
    """A row ("Version: 22.03 | Current status: End of life | …") with a cell that is the name, or
    a line labelled with it ("A51 : EOL 2024-06-05")."""
    if _name_label(row_names, s) is not None:
        return True
    # a cell with no label of its own
    return " | " in s and any(not _CELL.match(part) and plain_words(part) in row_names for part in s.split(" | "))


def _named_by_cells(terms: tuple[str, ...], s: str) -> bool:
    """A row whose cells together spell a name the page splits between columns ("release cycle: 5.0 |
    codename: Scarthgap" for "5.0 'Scarthgap'"): every word of the name in a cell that holds only
    words of it, from two cells or more, one with a number (a version, not a brand and a kind)."""
    if " | " not in s:
        return False
    values = [plain_words(m.group("value") if (m := _CELL.match(part)) else part).split() for part in s.split(" | ")]
    values = [v for v in values if v]
    for term in terms:
        words = plain_words(term).split()
        if len(words) < 2 or not any(ch.isdigit() for ch in "".join(words)):
            continue
        covered: set[int] = set()
        cells = 0
        for value in values:
            at = next((k for k in range(len(words) - len(value) + 1) if words[k : k + len(value)] == value), -1)
            if at >= 0:
                covered.update(range(at, at + len(value)))
                cells += 1
        if cells >= 2 and len(covered) == len(words):
            return True
    return False


# a row's column that names what replaces its item: "Successor (tag): OPC Publisher 2.9"
_SUCCESSOR_LABEL = re.compile(
    r"successor|replac|supersed|migrat|upgrade\s+(?:to|path)|next\s+(?:version|release)", re.I
)


def _without_successor(s: str) -> str:
    """A table row without the cells that name what replaces its item: a row is not about its successor."""
    if " | " not in s:
        return s
    cells = s.split(" | ")
    return " | ".join(c for c in cells if not ((m := _CELL.match(c)) and _SUCCESSOR_LABEL.search(m.group("label"))))


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
    reader = _PageReader(page, out, full)
    reader.read()
    _end_of_network(out, reader.sents)
    _latest_update_holds(out)
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


@dataclass(frozen=True)
class _Sentence:
    """A sentence once the reader knows whom it is about and what came before it: the readers of
    its end dates all need the same facts, so they are worked out once."""

    idx: int
    text: str
    named: bool  # the sentence names the product
    mentions: bool  # it is about the product: it names it, or the text was about it and names no other model
    carried_in: bool  # it names another model while the text was about the product
    prev: str  # the sentence read before it
    prev_dates: list[DatePart]  # the dates an anaphor ("that date") may point back to
    prev_stops: list[DatePart]  # the dates at which something stopped in the sentence before
    prev_bounds: list[DatePart]  # the dates the sentence before gave as a boundary


class _PageReader:
    """Reads a page's sentences in order. Whether a sentence is about the product, and which date
    an undated statement takes, depend on what the sentences before it said (the release heading
    it is under, the list it is in, the model the text was about), so that state is kept here
    while each stage reads one kind of statement."""

    def __init__(self, page: PageText, out: SupportPeriodAnalysis, full: str) -> None:
        self.out = out
        self.terms = terms = out.product_terms
        self.headings = set(page.headings)
        self.sents = [_verb_spelled(s) for s in _listed_items(table_rows(sentences(page.text)))]
        self.docs = _parsed_prose(self.sents)
        self.page_language = language_of(page.text)  # (a short line of a page in another language is read in it)
        self.row_names = row_name_parts(terms, full)
        self.left_marks = _left_platforms(terms, full)
        self.support_heading = False
        self.ceased = False  # the rows read are under a heading that says their devices' support has ended
        # which product the text is about at each point: a sentence that names the product, or
        # names no other model and follows one that does ("… the Pixel 8 … In other words: both
        # devices are supported until 2030"), is about it; naming another model ("Pixel 7") ends that
        titled = bool(terms) and names_product(terms, page.title)
        out.beside_another = titled and _named_after_another(terms, page.title)
        self.referent = titled and not out.beside_another
        self.previous = ""
        self.previous_dates: list[DatePart] = []
        self.previous_stops: list[DatePart] = []
        self.previous_bounds: list[DatePart] = []
        self.older_dates: list[DatePart] = []  # the dates of the sentence before that
        # the sentence before that named the product, and the count of statements then
        self.last: tuple[str, int] | None = None
        self.name_label: str | None = None  # the label of the cell (or line) that named the product in a row
        # the sentence before: where its statements start, and how it named the product
        self.prev_since, self.since, self.carried, self.loose = 0, 0, False, False
        self.release: DatePart | None = None  # the date of the release the text is under, in a changelog
        self.removal: DatePart | None = None  # the release whose notes list what it removed support for
        self.removal_left = 0
        self.removal_section = False  # the removal is a changelog's "### Removed" section
        self.intro: tuple[int, int] | None = None  # the statements of a sentence that leads into a list
        self.group: DatePart | None = None  # the date a list of models is under ("June 1, 2023:")

    def read(self) -> None:
        """Read every sentence, then settle the last one's marks."""
        for idx, s in enumerate(self.sents):
            self._read_sentence(idx, s)
        _note_unanswered(self.out, self.last)
        _mark(self.out, self.since, self.carried, self.loose)

    def _ended(self, statement: SupportStatement) -> None:
        """Keep an end the page states; the lines after it are read as under a support heading."""
        self.out.statements.append(statement)
        self.support_heading = True

    def _read_sentence(self, idx: int, s: str) -> None:
        """One sentence: the first stage that finds an end in it (or sets it aside) ends its reading."""
        _mark(self.out, self.since, self.carried, self.loose)
        self.prev_since, self.since = self.since, len(self.out.statements)
        s = self._without_stamp(idx, s)
        if " | " not in s and s not in ("...", "…"):
            self.ceased = len(s) <= HEADING_CHARS and _CEASED_HEADING.search(s) is not None and not dates_in(s)
        if POST_BYLINE.match(s):
            return  # "jrhaberland · description · 2026-09-15": the date of a post, not of anything it says
        _note_unanswered(self.out, self.last)
        if self._changelog_end(idx, s):
            return
        named = self._names_product(s)
        self._list_intro(s, named)
        if self._dated_list(s, named) or self._revised_row(s):
            return
        if len(s) <= HEADING_CHARS and _END_HEADING.search(s) and not dates_in(s):
            self.support_heading = True  # "Google Support Expiration, I.e. End-Of-Life" over rows of models and dates
        c = self._placed(idx, s, named)
        if (
            self._dated_by_context(c)
            or self._run_together_end(c)
            or self._foreign_end(c)
            or self._dated_line(c)
            or self._parsed_or_earlier_end(c)
        ):
            return
        self._end_in_row_or_words(c)

    def _without_stamp(self, idx: int, s: str) -> str:
        """The sentence without the page's or a log's date stamp leading it, or a heading's update stamp."""
        if " | " not in s and (lead := DATELINE_LEAD.match(s) or _LOG_STAMP.match(s)) is not None:
            # the page's date heading a line, or a log line's time ("2025-12-27 18:48:21.409 error …"),
            # is no statement's date
            s = self.sents[idx] = s[lead.end() :]
        elif " | " not in s and (stamp := _UPDATED_STAMP.search(s)) is not None:
            # "… End of Life Policy Last Updated: June 30th, 2023" (a heading run into its stamp): the page's date
            s = self.sents[idx] = (s[: stamp.start()] + " " + s[stamp.end() :]).strip()
        return s

    def _changelog_end(self, idx: int, s: str) -> bool:
        """Release notes and other dated headings: a release's date is the end of what its notes
        drop, and a heading that names the product's stop dates it."""
        if self._release_heading(idx, s):
            return True
        if _RELEASE_DATE_LINE.match(s) is not None and len(found := dates_in(s)) == 1 and " | " not in s:
            # "## Version 2.8.0" over "Release date: 01-01-2021"
            self.release, self.referent, self.removal = found[0], False, None
            return True
        if (s in self.headings or idx == 0) and (stopped_at := _heading_stop(s, self.terms)) is not None:
            # "# EO Mini Pro 2 Smart Features Discontinuation (2025-11-30)": a heading that names the
            # product's stop and dates it
            m, d, p = stopped_at
            self._ended(_end_at(s, d, p, True, f"{m.group(0)}: the heading that names the stop"))
            return True
        if (dropped_at := _platform_dropped(s, self.left_marks)) is not None:
            # "Platform: Roku, Wii U (discontinued in January 2017), …" on a page about the app
            m, d, p = dropped_at
            why = f"{m.group(0)}: the list of platforms marks the product's platform as left then"
            self._ended(_end_at(s, _begun_at(s, m, d, p), p, True, why))
            return True
        if self.release is not None and (raised := _minimum_raised_past(s, self.terms)) is not None:
            # "Minimum Android version is 8.0 now." in a release's notes: the product's versions below the
            # new minimum lose support with the release
            m, d, p = self.release
            self._ended(_end_at(s, d, p, True, f"{m.group(0)}: the release whose notes say {raised!r}"))
            return True
        return self._release_drop(s) or self._removed_item(s)

    def _release_heading(self, idx: int, s: str) -> bool:
        """A release's heading with its date ("v5.31 (2017-06-15)") starts the notes it dates; it ends
        the product's support itself when it says so and names it."""
        head = _MD_LINK_TARGET.sub("]", s)  # "## [2.1.0](https://…/2.1.0) - 2025-06-12"
        if idx and _VERSION_ONLY.match(self.previous) and _BRACKETED_DAY.match(s):
            head = f"{self.previous} {s}"  # "v7.8" over "(2021-11-13)"
        released = len(head) <= 60 and _RELEASE_HEAD.search(head)
        # (or a news file's dated heading: "Telldus Core service removed ## May 20, 2021")
        dated_heading = (s in self.headings and len(head) <= HEADING_CHARS + 20) or _only_a_date(s) is not None
        if not (
            (released or dated_heading)
            and len(found := dates_in(head)) == 1
            and not _COMPARED.search(head, 0, found[0][0].start())  # "servers older than 2017.06.04"
            # (or a history's heading led by its month: "11/2016 (ESP Easy Mega)")
            # (or a release dated by its month in brackets: "## 2.15 (June 2020)")
            and (
                found[0][2] == "day"
                or (found[0][2] == "month" and (found[0][0].start() <= 3 or _BRACKETED_MONTH.search(head)))
            )
        ):
            return False
        self.release = found[0]
        self.referent = False  # a new release's notes are not about what the last one's named
        self.removal = None
        heading_drop = _RELEASE_DROPS.search(head) if dated_heading else None
        if heading_drop is not None and names_product(self.terms, head, brand_needed=False):
            m, d, p = self.release  # "End support for PINE A64(+) … ## June 17, 2020"
            why = f"{m.group(0)}: the heading that says {heading_drop.group(0)!r}"
            self._ended(_end_at(s, d, p, True, why))
            return True
        return False

    def _release_drop(self, s: str) -> bool:
        """A line of a release's notes that drops support: the product's end when it names it, or the
        lead into a list of what was removed."""
        if self.release is not None and not dates_in(s) and (dropped := _RELEASE_DROPS.search(s)) is not None:
            lead = _REMOVAL_LEAD.search(s)
            if lead:
                # "Removed SBC support:" over the boards removed
                self.removal, self.removal_left, self.removal_section = self.release, _REMOVAL_ITEMS, False
            if names_product(self.terms, s, brand_needed=False):
                # "- Removed: OpenZWave (…)", "Support for 32bit CPUs has been dropped" under a release's heading
                m, d, p = self.release
                why = f"{m.group(0)}: the release whose notes say {dropped.group(0)!r}"
                self._ended(_end_at(s, d, p, True, why))
                return True
            if lead:
                return True
        if self.release is not None and s in self.headings and _REMOVED_SECTION.fullmatch(s):
            # a changelog's "### Removed" section under a dated release (as Keep a Changelog writes it)
            # (whose items name a support removed, or a thing by its name alone, not a feature of it)
            self.removal, self.removal_left, self.removal_section = self.release, _REMOVAL_ITEMS, True
            return True
        return False

    def _removed_item(self, s: str) -> bool:
        """An item of a release's list of removals that names the product: its support ends with the release."""
        if self.removal is not None and s in self.headings:
            self.removal = None  # the next section ("### Fixed") lists no removals
        if self.removal is None:
            return False
        self.removal_left -= 1
        if not (
            self.removal_left >= 0
            and names_product(self.terms, s, brand_needed=False)
            and (
                not self.removal_section
                or re.search(r"\bsupport", s, re.I) is not None
                or len(s.split()) <= _REMOVED_NAME_WORDS
            )
        ):
            return False
        # "Odroid N1 | There is not a single reported DietPi Odroid N1 system, …" under it: the board's
        # support ends with the release
        m, d, p = self.removal
        why = f"removed with the release dated {m.group(0)}"
        self._ended(_end_at(s, d, p, True, why))
        return True

    def _names_product(self, s: str) -> bool:
        """Whether the sentence names the product: in its words, or in a table row's cells (not those
        naming the item's successor), or glued to the next cell."""
        own_cells = _without_successor(s)
        return bool(self.terms) and (
            names_product(self.terms, own_cells)
            or _row_named(self.row_names, own_cells)
            or _named_by_cells((*self.terms, *self.row_names), own_cells)
            or (len(s) <= ROW_CHARS and _glued_name(self.terms, s))
        )

    def _list_intro(self, s: str, named: bool) -> None:
        """A statement leading into a list ("Following boards are no longer receiving support …:") is the
        product's when an item of the list names it."""
        if self.previous.rstrip().endswith(":") and self.prev_since < self.since:
            self.intro = (self.prev_since, self.since)
        if self.intro is not None and (len(s) > ROW_CHARS or s.rstrip().endswith(":") or dates_in(s)):
            self.intro = None  # the list is over
        if self.intro is not None and named:
            first, end = self.intro
            self.out.statements[first:end] = [
                replace(st, mentions_product=True) for st in self.out.statements[first:end]
            ]

    def _dated_list(self, s: str, named: bool) -> bool:
        """A short line that is only a date under a support heading or question dates the models listed
        under it ("Here is the full list: - June 1, 2023:")."""
        if (
            _DATE_HEAD.match(s) is not None
            and (len(found := dates_in(s)) == 1)
            and (self.support_heading or TOPIC.search(self.previous) or _END_QUESTION.search(self.previous))
        ):
            self.group = found[0]  # the date over the models it ends
            return True
        if self.group is not None and (len(s) > ROW_CHARS or dates_in(s)):
            self.group = None  # the list under the date is over
        if self.group is not None and named:
            m, d, p = self.group
            why = f"{m.group(0)}: the date the list this item is in is under"
            self.out.statements.append(_end_at(s, d, p, True, why))
            return True
        return False

    def _revised_row(self, s: str) -> bool:
        """A line that moves the date of the row above it replaces that row's end ("Surface Pro X | … | End
        of Servicing Date: October 13, 2024" then "NEW DATE: August 10, 2025")."""
        if (
            (revised := _REVISED_DATE.match(s))
            and self.prev_since < self.since
            and (dates := dates_in(revised.group("rest")))
        ):
            m, d, p = dates[0]
            before = self.out.statements[self.prev_since : self.since]
            self.out.statements[self.prev_since : self.since] = [replace(st, former=True) for st in before]
            mentions_before = any(st.mentions_product for st in before)
            why = f"{m.group(0)}: {revised.group('label')} replacing the date before"
            self.out.statements.append(_end_at(s, d, p, mentions_before, why))
            return True
        return False

    def _placed(self, idx: int, s: str, named: bool) -> _Sentence:
        """Settle whom the sentence is about (the product, carried on from before, or another model)
        and move the sentences before it along by one."""
        self.last = (s, len(self.out.statements)) if named else None
        if named and idx and _LIST_OF_THOSE.match(s) and _UNAFFECTED.search(self.sents[idx - 1]):
            # "four Wemo devices will remain unaffected. These include … the Wemo Smart Plug with Thread"
            self.last = (f"{self.sents[idx - 1]} {s}", len(self.out.statements))
        terms = self.terms
        other = (
            bool(terms)
            and not named
            and (
                _names_other_model(s, terms)
                or _sibling_row(s, self.name_label)
                or _led_by_another(s, terms)
                or _names_other_variant(s, terms)
                or _turns_to_another(s, terms)
            )
        )
        if named:
            self.name_label = _name_label(self.row_names, s)
        # "… including the Pixel Watch 3. … updates through October 2027, whereas the Pixel Watch 2 …":
        # the product the text was about keeps the clauses that name no other model
        carried_in = other and self.referent
        if named:
            # a sentence naming another model first ("Pixel Watch 3 … Compares To Apple Watch") is about that one
            self.referent = not _named_after_another(terms, s)
        elif other:
            self.referent = False
        mentions = named or (bool(terms) and self.referent)
        self.carried = mentions and not named
        self.loose = named and not names_product(terms, s, short_forms=False)
        # "that date" may skip one sentence with no date of its own ("… on June 30, 2023. For more
        # information, see … . After this date, … won't release … security patches")
        placed = _Sentence(
            idx,
            s,
            named,
            mentions,
            carried_in,
            self.previous,
            self.previous_dates or self.older_dates,
            self.previous_stops,
            self.previous_bounds,
        )
        self.older_dates = self.previous_dates
        self.previous = s
        self.previous_dates, self.previous_stops, self.previous_bounds = [], [], []
        return placed

    def _dated_by_context(self, c: _Sentence) -> bool:
        """An end dated by what is around the sentence: the item it is in, the date the sentence
        before gave, or the question it answers."""
        s, mentions = c.text, c.mentions
        if (dated_now := _ended_now(s, self.sents, c.idx)) is not None:
            # "22 April 2025" over a news item: "Notice that the 2024.11.x series is now end of life."
            (m, d, p), now_words = dated_now
            why = f"{now_words!r} in the item dated {m.group(0)}"
            self._ended(_end_at(s, d, p, mentions, why))
            return True
        if (more := _time_after(s, c.prev_dates)) is not None:
            # "effective November 9, 2020, its Slingbox products will be discontinued. Existing users will
            # still be able to use their Slingbox hardware for another 24 months, but after that, …
            # servers will be taken offline": the end is that long after the date before
            day, precision, why = more
            before = self.out.statements[self.prev_since : self.since]
            self.out.statements[self.prev_since : self.since] = [replace(st, former=True) for st in before]
            self._ended(_end_at(s, day, precision, mentions, why))
            return True
        asked = " ".join(self.sents[max(0, c.idx - 2) : c.idx])
        if (answer := _answer_date(s, asked)) is not None and not (
            _DISCONTINUED.search(asked) and _answered_hardware(self.sents)
        ):
            # "When was the product discontinued? …" over a line that is only "October 25, 2025" (of a product
            # the same form answers is "Hardware", discontinued means no longer made or sold)
            m, d, p = answer
            why = f"{m.group(0)}: the answer to {clip(asked, 80)!r}"
            self._ended(_end_at(s, d, p, mentions, why))
            return True
        return False

    def _run_together_end(self, c: _Sentence) -> bool:
        """A table stored as one line ("iPhone Model Updates Until iPhone 16 2029 iPhone 15 2028 …") is
        read only as such a list."""
        if not self.terms or (listed := _run_together_list(c.text)) is None:
            return False
        if (listed_row := _listed_end(listed, self.terms)) is not None:
            (m, d, p), name = listed_row
            why = f"{m.group(0)}: the date after '{name}' in a list run together"
            self._ended(_end_at(c.text, d, p, True, why))
        return True

    def _foreign_end(self, c: _Sentence) -> bool:
        """A sentence in another language, read in its own ("Für den STELLAR-X5s sind Updates bis Dezember
        2031 garantiert")."""
        s, terms, sents, idx = c.text, self.terms, self.sents, c.idx
        named_in = (lambda part: names_product(terms, part)) if terms else None
        if (
            (abroad := foreign_end(s, named_in, self.page_language)) is not None
            or (abroad := foreign_end_after(s, c.prev)) is not None
            or (
                is_cjk(s)  # (the sentences around are joined only for a sentence that can use them)
                and (
                    abroad := cjk_end(
                        s,
                        named_in,
                        " ".join(sents[max(0, idx - _ITEM_LOOKBACK) : idx]),
                        " ".join(sents[idx + 1 : idx + 1 + _ITEM_LOOKBACK]),
                    )
                )
                is not None
            )
        ):
            why = f"{abroad.written}: {abroad.words}"
            self._ended(_end_at(s, abroad.day, abroad.precision, c.mentions, why))
            return True
        return False

    def _dated_line(self, c: _Sentence) -> bool:
        """A line whose date and label decide its end without a parse: a changelog's dated entry,
        labels and values run together, or a timeline's line."""
        s, mentions = c.text, c.mentions
        if (
            (entry := _DATED_ENTRY.match(s)) is not None
            and len(when := dates_in(s[: entry.end()])) == 1
            and not dates_in(rest := s[entry.end() :])
            and (dropped := _RELEASE_DROPS.search(rest)) is not None
        ):
            # a changelog's dated entry: "20191218: The display config section no longer supports …"
            m, d, p = when[0]
            why = f"{m.group(0)}: the entry that says {dropped.group(0)!r}"
            self._ended(_end_at(s, d, p, mentions, why))
            return True
        if " | " not in s and (labelled := _labelled_end(s)) is not None:  # (a table's rows are read by their cells)
            # "Standard Updates until at least: October 2027 Limited Updates until at least: October 2028
            # End of Support date: October 2029": labels and values run together, the end's label decides
            m, d, p = labelled
            self._ended(_end_at(s, d, p, mentions, m.group(0)))
            return True
        if " | " not in s and (dated := _dated_label(s)) is not None:
            # a timeline's line: "June 30, 2025: End of support", "Aug 30, 2026 [SEMS Portal] Close Time"
            m, d, p = dated
            why = f"{m.group(0)}: {s[m.end() :].strip(' :-–—')!r}"
            self._ended(_end_at(s, d, p, mentions, why))
            if m.start() <= 3 and len(s) <= HEADING_CHARS:
                self.group = dated  # "August 11, 2011 Online Service Shutdown" over the games it ends
            return True
        return False

    def _parsed_or_earlier_end(self, c: _Sentence) -> bool:
        """A prose sentence is read from its parse; one with no parse may take its date from the
        sentence or the release before it."""
        # a sentence in another language, its dates in its own words, the English parse would misread ("…
        # dont la dernière version de firmware remonte à novembre 2022": a negated "la"); an English date
        # in it (a quoted post) is read
        doc = None if _foreign_dated(c.text) else self.docs.get(c.idx)
        if doc is not None:
            return self._parsed_end(c, doc)
        return self._dated_by_before(c) or self._dated_by_release(c)

    def _parsed_end(self, c: _Sentence, doc: Parts) -> bool:
        """The end a sentence's parse states, or one of the prose forms the parse splits; a sentence
        with none is read for a duration only, unless it is a label or a row."""
        s, mentions = c.text, c.mentions
        # "This change will take effect on October 21, 2024" a few sentences after the end it means
        said = _change_said_before(self.sents, c.idx) if _TAKES_EFFECT.match(s) else None
        tree = _tree_statement(s, doc, said or c.prev, self.terms, mentions, c.carried_in)
        if tree[0] is not None and tree[0].mentions_product and not mentions:
            self.carried = True  # an end in a clause the product the text was about keeps
        self.previous_dates, self.previous_stops, self.previous_bounds = tree[1], tree[2], tree[3]
        if tree[0] is not None:
            if tree[0].extends:  # the end said before is replaced
                before = self.out.statements[self.prev_since : self.since]
                self.out.statements[self.prev_since : self.since] = [replace(st, former=True) for st in before]
            self._ended(tree[0])
            return True
        if self._end_the_parse_splits(c):
            return True
        # "Acer C720 Chromebook Jun 1, 2019 Expected Final Year: 2018/19" under an end-of-life heading:
        # a row with no finite verb, read as a row below
        row_like = self.support_heading and c.named and len(s) <= ROW_CHARS and not _finite(doc)
        if not _label_line(s) and not row_like:  # the parse found no end: the patterns below only read durations
            if _SUPPORT.search(s) or _relative_period(s):
                self.support_heading = True
                stmt = _statement(s, mentions, ends=False)
                if stmt is not None:
                    self.out.statements.append(stmt)
            return True
        return False

    def _end_the_parse_splits(self, c: _Sentence) -> bool:
        """Ends in words the parser takes apart: a hyphenated end's name, a deadline to move off, a
        replacement needed to go on, or what an end said before means."""
        s, mentions, prev = c.text, c.mentions, c.prev
        if (named_end := _end_of_before(s)) is not None:
            # "are approaching End-of-App-Update (EOAU) on March 30, 2026": a hyphenated end's name,
            # which the parser splits, right before its date
            m, d, p = named_end
            self._ended(_end_at(s, d, p, mentions, m.group(0)))
            return True
        if (deadline := _migrate_by(s, prev)) is not None:
            # "1.1.x Integration Sunset (v1)" over "Users MUST upgrade by the end of 2026 to avoid
            # disruption": a deadline to move off what a sunset ends
            m, d, p = deadline
            why = f"{m.group(0)}: the deadline to move off what {clip(prev, 60)!r} ends"
            self._ended(_end_at(s, d, p, mentions, why))
            return True
        if (replaced := _replace_to_go_on(s)) is not None:
            # "From October 2024, households with an SD-only satellite box will need to upgrade to an HD
            # receiver to continue to watch ITV1": the old box stops serving then
            (m, d, p), words = replaced
            self._ended(_end_at(s, _begun_at(s, m, d, p), p, mentions, f"{m.group(0)}: {words!r}"))
            return True
        if (meant := _meant_end(s, prev, self.out.statements)) is not None:
            m, d, p = meant
            why = f"{m.group(0)}: what {clip(self.out.statements[-1].phrase, 40)!r} means"
            self.out.statements.append(_end_at(s, d, p, mentions, why))
            return True
        return False

    def _dated_by_before(self, c: _Sentence) -> bool:
        """A sentence with no date of its own that ends at a stop or date the sentence before gave."""
        s, mentions = c.text, c.mentions
        if mentions and c.prev_stops and _CUT_OFF.search(c.prev) and (lost := _LOST_USE.search(s)) and not dates_in(s):
            # "AT&T … will discontinue 3G service beginning Feb. 22, 2022. Thus, VW's Car-Net … won't
            # function": the product stops working at the stop the sentence before dates
            m, d, p = c.prev_stops[-1]
            why = f"{lost.group(0)!r}, at {m.group(0)!r}, the stop the sentence before dates"
            self._ended(_end_at(s, d, p, mentions, why, works_only=True))
            return True
        if (linked := _dated_by_earlier(s, c.prev_dates, c.prev_stops, c.prev_bounds)) is not None:
            (m, d, p), why = linked
            # (read as the sentence before read it: "… starting in February 2026. The affected devices …
            # will no longer receive updates" is from February's first day)
            self._ended(_end_at(s, _begun_at(m.string, m, d, p), p, mentions, why))
            return True
        return False

    def _dated_by_release(self, c: _Sentence) -> bool:
        """A release's notes that say support ends with it: the end is the release's date."""
        s, mentions = c.text, c.mentions
        if self.release is not None and (final := _FINAL_RELEASE.search(s)) is not None:
            # "23.1.11 (June 28, 2023)" over "So this is the end of life release for the 23.1 series": the
            # series ends with the release the notes are under
            m, d, p = self.release
            why = f"{final.group(0)!r}: the release dated {m.group(0)}"
            self._ended(_end_at(s, d, p, mentions, why))
            return True
        if (
            self.release is not None
            and (this := _THIS_RELEASE.search(s))
            and TOPIC.search(s)
            and re.search(_STOP, s, re.I)
        ):
            # a changelog's "## v5.31 (2017-06-15)" over "Following boards are no longer receiving support
            # and updates since this version": the end is the release's date
            m, d, p = self.release
            why = f"{this.group(0)!r}: the release dated {m.group(0)}"
            self._ended(_end_at(s, d, p, mentions, why))
            return True
        return False

    def _end_in_row_or_words(self, c: _Sentence) -> None:
        """What no earlier stage read: a table row by its end column, a support sentence by its
        words, a heading that opens a support section, or the product's row or sentence under one."""
        s, named, mentions = c.text, c.named, c.mentions
        handled, row = _labelled_row(s, named, self.ceased)
        if row is not None:
            self.out.statements.append(row)
        if handled:  # a row under a header with an end-of-support column: read by its cells only
            self.support_heading = True
            return
        if _SUPPORT.search(s) or _relative_period(s):
            self.support_heading = True
            stmt = _statement(s, mentions)
            if stmt is not None:
                self.out.statements.append(stmt)
        elif len(s) <= HEADING_CHARS and not dates_in(s) and support_heading_abroad(s):
            self.support_heading = True  # "UNTERSTÜTZUNG FÜR SMARTPHONE-SICHERHEITSUPDATES" over "Galaxy S20 bis 2025"
        elif (
            self.support_heading
            and named
            and len(s) <= ROW_CHARS
            and (language_of(s) is None or _DATE_LED_ITEM.match(s))
        ):
            self._row_under_heading(c)
        elif named and re.search(r"secur|updat|patch", s, re.I) and (dates := dates_in(s)):
            # the product's own sentence with an end-marked date ("have until September 2018 for
            # security promotions", "receive security bundles till October 2017")
            end = _end_date(s, dates)
            if end is not None:
                m, d, p = end
                self._ended(_end_at(s, d, p, True, m.group(0)))

    def _row_under_heading(self, c: _Sentence) -> None:
        """A table row or list item naming the product under a support heading: "Acme Cam 2 | 31 March
        2030", "FP4: September 2021 through September 2026" (the end of the range)."""
        # (not a sentence in another language, which its own reader found no end in: "El Fairphone 2 vio
        # la luz en 2015 y vino preinstalado con Android 5.1.")
        # not the year of "Motorola edge 2024", nor a labelled release ("releaseDate: 2024-05-01")
        s, idx, sents = c.text, c.idx, self.sents
        dates = [
            d
            for d in outside_name(s, dates_in(s), self.terms)
            if not (lab := _LABEL_BEFORE.search(s[: d[0].start()])) or not _START_LABEL.search(lab.group(1))
        ]
        # nor a release said in words: "first-generation Play:5 (launched 2009)", nor brackets that
        # only date the model: "OnePlus Nord 2 (2021): Similar timeline …", "Galaxy A52 / A53 (2021–2022)"
        dates = [
            d
            for d in dates
            if not _START_BEFORE.search(s[: d[0].start()])
            and not _LAUNCHED_AFTER.match(s[d[0].end() :])
            and not _dates_the_model(s, d[0])
        ]
        line = s
        if (
            not dates
            and not s.rstrip().endswith((".", "!", "?"))  # a name, not a sentence cut short
            and idx + 1 < len(sents)
            and (led := dates_in(sents[idx + 1]))
            and led[0][0].start() == 0
        ):
            # a row whose cells were stored a line each: the name's line, then one led by its date
            # ("Samsung Chromebook 2 11 - XE500C12" / "Oct 1, 2019 Possibly OK for: 2019/20")
            dates, line = led[:1], sents[idx + 1]
        end = dates[0] if len(dates) == 1 else _end_date(line, dates)
        if end is not None:
            m, d, p = end
            self.out.statements.append(_end_at(s, d, p, True, m.group(0)))


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
        out.statements.append(_end_at(net.sentence, net.day, net.precision, True, net.why))


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
        _add(out.purchase_signals, m.group(0))
    for m in _BUY.finditer(text):
        _add(out.purchase_signals, m.group(0).lower())


# a subject that picks out some of a maker's products: "Support for first generation devices",
# "older models", "legacy products": their end is not the product's when they do not name it
_SUBSET = re.compile(
    r"\b(?:first|second|third|1st|2nd|3rd|earlier|older|previous|prior|legacy|original)[\s-]+"
    r"(?:generation\s+|gen\s+)?(?:devices|models|products|boxes|units|hardware|versions|generations?)\b",
    re.I,
)


_MAKERS_SERVICE = re.compile(
    r"^\s*access\s+to\s+(?:the\s+)?[\w&' ]{0,40}\b(?:store|bookstore|eshop|services?|cloud|servers?)\s*$", re.I
)


def _other_named_thing(stopped: str, terms: tuple[str, ...]) -> bool:
    """A stop of a named thing that is not the product ("discontinued support for its “Cloud Cam”"
    on a page read for the Echo Connect)."""
    if _MAKERS_SERVICE.match(stopped):
        return False  # "access to the Barnes & Noble bookstore": the maker's service, named by the maker
    undated = DATE.sub(" ", stopped)  # "access from 31st January 2024": a month names no thing
    capitalised = {w.lower() for w in re.findall(r"[^\W\d_][\w+]*", undated) if w[:1].isupper()}
    # (a determiner capitalised at a sentence's start names nothing: "This project")
    capitalised -= {"the", "its", "their", "our", "all", "for", "on", "from", "of", "this", "these", "that", "those",
                    "a", "an", "your", "my"}  # fmt: skip
    product = set(plain_words(" ".join(terms)).split())
    return bool(capitalised) and not capitalised & product and not names_product(terms, stopped, brand_needed=False)


def _other_subset(subject: str, terms: tuple[str, ...]) -> bool:
    """The subject picks out some products ("first generation devices") that the product's own
    name does not place it among (not for "first generation BT Vision set-top boxes")."""
    m = _SUBSET.search(subject)
    product = set(plain_words(" ".join(terms)).split())
    return (
        m is not None
        # ("users of these older models" points back at the models named before)
        and not re.search(r"\b(?:these|those|such)\s+$", subject[: m.start()], re.I)
        and not (
            set(plain_words(m.group(0)).split())
            - {"devices", "models", "products", "boxes", "units", "hardware", "versions"}
        )
        <= product
    )


def _other_model(subject: str, terms: tuple[str, ...]) -> bool:
    """A subject naming a model that is not the product: a word outside the product's name that
    is a model code ("F5", "12T"), or a number or capitalised word beside a number ("Pixel 7"
    for the Pixel 8, "Note 12 Pro+" for the Note 12 5G); not "70 Pro — Security" for the
    edge 70 Pro, whose other words are ordinary."""
    product = set(plain_words(" ".join(terms)).split())
    words = re.findall(r"[\w+]+", re.sub(r"\s+\+", "+", subject))

    def number(w: str) -> bool:
        return w.isdigit() and len(w) <= 4 and not re.fullmatch(r"(?:19|20)\d\d", w)

    for i, w in enumerate(words):
        if w.lower() in product:
            continue
        beside = [words[j] for j in (i - 1, i + 1) if 0 <= j < len(words)]
        if re.fullmatch(r"(?=\w*\d)(?=\w*[a-z])[\w+]+", w, re.I) and not re.fullmatch(
            r"[2-5]G|[48]K|\d+(?:st|nd|rd|th|s|p)", w, re.I
        ):
            return True
        if number(w) and any(b[:1].isupper() for b in beside):
            return True
        if (
            w.isalpha()
            and w.isupper()
            and 2 <= len(w) <= 5
            and w not in COMMON_ACRONYMS
            and i + 1 < len(words)
            and words[i + 1].lower() not in product
        ):
            # "PSP commerce functionality" on a page read for the PS3; not a maker alone ("LG will
            # end …") nor a maker before the product's own name ("AVM FRITZ!Box")
            return True
        if w[:1].isupper() and any(number(b) for b in beside):
            return True
    return False


# a time that names no day: a season or part of a year, "next year", "in the coming months"
# ("next year", not a story's "over the next year")
_VAGUE_TIME = re.compile(
    r"\b(?:spring|summer|autumn|fall|winter|early|mid|late)[\s-]+(?:of\s+)?(?:19|20)\d\d\b|"
    r"(?<!the )\bnext\s+year\b|\bin\s+the\s+coming\s+(?:months|weeks|years)\b|\bsoon\b|"
    r"\bshortly\s+(?:after(?:wards)?|thereafter)\s*[.;,]?\s*$",  # (after an end dated for another model)
    re.I,
)


def _names_other_variant(s: str, terms: tuple[str, ...]) -> bool:
    """The sentence names another variant of the product's model code ("the S10 Lite" on a page
    read for the Galaxy S10+)."""
    for term in terms:
        for code in re.finditer(r"\b(?P<base>[a-z]{1,3}\d{1,4})[a-z+]*", term):
            base = code.group("base")
            for m in re.finditer(rf"\b{base}([a-z+]*)(?:\s+({VARIANTS}))?\b", s, re.I):
                said = (base + m.group(1) + (" " + m.group(2) if m.group(2) else "")).lower()
                if said != code.group(0) and said not in term and (m.group(1) or m.group(2)):
                    return True
    return False


# an item led by a model's name before brackets or a colon: "Google Pixel 6 series (launched …): …"
_ITEM_LEAD = re.compile(r"^\W{0,3}(?P<lead>[A-Z][\w+-]*(?:[ /][\w+-]+){0,5}?)\s*[(:]")


# an entry of a list of products, a name and its year alone: "2. Insteon (2022)", "Insteon (2022)"
_LISTED_ENTRY = re.compile(
    r"^\s*(?:\d{1,2}[.)]\s+)?(?P<lead>[A-Z][\w+&'’!-]*(?:\s+[A-Z0-9][\w+&'’!-]*){0,4})\s*\((?:19|20)\d\d\)\s*$"
)


# the words of a label between a name and its date ("Updates Until:", "security support ends")
_ROW_LABEL = r"(?:updates?|until|till|through|support(?:ed)?|security|patch(?:es)?|eol|end(?:s|ed)?|of|life|guaranteed)"
_SENTENCE_STOP = re.compile(r"[.;!?]\s")
_RUN_ITEM_WORDS = 8  # the most words a name (and its label) takes between two dates of a list run together


def _run_together_list(s: str) -> list[tuple[str, DatePart]] | None:
    """A table or list stored as one run of text ("iPhone Model Updates Until iPhone 16 2029 iPhone 15
    2028 iPhone 14 2027 …", "iPhone 14 Updates Until: 2029 iPhone 13 Updates Until: 2028 …"): the
    words before each year, when there are three years or more, each after a few words, about support."""
    if "|" in s:
        return None  # a table's row, its cells kept apart: the rows' readers take it
    dates = dates_in(s)
    # (years alone: a row's days, release and end, are a table's cells the rows' readers take)
    if len(dates) < 3 or any(m.lastgroup != "y" for m, _d, _p in dates) or not TOPIC.search(s[: dates[-1][0].start()]):
        return None
    # (the list may follow a sentence the splitter left joined to it: "… update timeline. iPhone 14 …")
    stops = list(_SENTENCE_STOP.finditer(s[: dates[0][0].start()]))
    items: list[tuple[str, DatePart]] = []
    start = stops[-1].end() if stops else 0
    for k, (m, d, p) in enumerate(dates):
        piece = s[start : m.start()]
        if not piece.split() or (k and (len(piece.split()) > _RUN_ITEM_WORDS or _SENTENCE_STOP.search(piece))):
            return None
        if k and re.fullmatch(rf"(?:\s*{_ROW_LABEL}\b)+\s*:?\s*", piece, re.I):
            # "iPhone SE 2020 Updates Until: 2025": the year before a label alone is part of the name
            before, (prev, _d, _p) = items.pop()
            piece = before + prev.group(0) + piece
        items.append((piece, (m, d, p)))
        start = m.end()
    return items


def _listed_end(items: list[tuple[str, DatePart]], terms: tuple[str, ...]) -> tuple[DatePart, str] | None:
    """The date of the item that ends with the product's name (or with its name and a label), when
    one does: "iPhone X" in "… iPhone 11 2024 iPhone X 2023"."""
    ends_with = [
        (
            term,
            re.compile(
                rf"(?<![\w+]){re.escape(plain_words(term))}(?![\w+]|\s+(?:\d|{VARIANTS}\b))(?:\s+{_ROW_LABEL})*$"
            ),
        )
        for term in terms
    ]
    for words, part in items:
        plain = plain_words(words)
        for term, pattern in ends_with:
            if pattern.search(plain):
                return part, term
    return None


def _led_by_another(s: str, terms: tuple[str, ...]) -> bool:
    """A list item led by the name of a model that is not the product, or a numbered entry naming
    another product."""
    if (entry := _LISTED_ENTRY.match(s)) is not None:
        return not names_product(terms, entry.group("lead"))
    m = _ITEM_LEAD.match(s)
    return m is not None and _other_model(m.group("lead"), terms) and not names_product(terms, m.group("lead"))


# an end said to hold from now, with no date of its own: the date of the item it is in
_NOW_ENDED = re.compile(
    r"\b(?:is|are)\s+now\s+(?:end[\s-]of[\s-]life|eol|unsupported|no\s+longer\s+(?:supported|maintained))\b|"
    r"\b(?:has|have)\s+now\s+reached\s+(?:its\s+|their\s+)?end[\s-]of[\s-]life\b",
    re.I,
)
_ITEM_LOOKBACK = 6  # sentences back to the date line of the item a sentence is in


def _ended_now(s: str, sents: list[str], idx: int) -> tuple[DatePart, str] | None:
    """The date of the news item ("22 April 2025", a line of its own) above an end said to hold now,
    and the words that say so."""
    if (now := _NOW_ENDED.search(s)) is None or dates_in(s):
        return None
    for before in reversed(sents[max(0, idx - _ITEM_LOOKBACK) : idx]):
        if (found := _only_a_date(before)) is not None and found[2] == "day":
            return found, now.group(0)
    return None


# "for another 24 months, but after that, … servers will be taken offline"
_ANOTHER = re.compile(
    r"\bfor\s+(?:another|a\s+further|an\s+additional|(?:a|an)\s+extra)\s+(?P<n>\d{1,3}|"
    + "|".join(NUMBER_WORDS)
    + r")\s+(?P<unit>days?|weeks?|months?|years?)\b(?P<rest>.*)$",
    re.I,
)
_AFTER_THAT = re.compile(
    r"\b(?:after\s+(?:that|this|which)|then|thereafter|at\s+the\s+end\s+of\s+(?:that|this))\b", re.I
)
_ENDS_THEN = re.compile(r"\boffline|inoperable|stop\w*|shut\w*|no\s+longer|cease\w*|end\b|ends\b|discontinu", re.I)


def _time_after(s: str, prev_dates: list[DatePart]) -> tuple[dt.date, Precision, str] | None:
    """A further span after the one date of the sentence before, at whose end something stops."""
    m = _ANOTHER.search(s)
    if m is None or len(prev_dates) != 1 or dates_in(s):
        return None
    rest = m.group("rest")
    if not ((then := _AFTER_THAT.search(rest)) and _ENDS_THEN.search(rest[then.end() :])):
        return None
    start_m, start, precision = prev_dates[0]
    n, unit = count(m.group("n")), m.group("unit").lower()
    why = f"{m.group(0)[: m.start('rest') - m.start()].strip()!r} after {start_m.group(0)}, then {then.group(0)!r}"
    return later(start, n, unit), precision, why


_TAKES_EFFECT = re.compile(
    r"^\W{0,3}(?:this|that|the)\s+(?:change|decision|move|policy|update)s?\s+(?:will\s+)?(?:take|takes|took|go|goes)"
    r"\s+(?:into\s+)?effect\b",
    re.I,
)
_CHANGE_LOOKBACK = 6  # sentences a "this change" may look back over for the change it names


def _change_said_before(sents: list[str], idx: int) -> str | None:
    """The latest of the few sentences before that ends support or updates ("Plex announced that it
    will be ending support for devices running Android 5.1 and older")."""
    for before in reversed(sents[max(0, idx - _CHANGE_LOOKBACK) : idx]):
        if TOPIC.search(before) and STOP_SAID.search(before):
            return before
    return None


_DATE_HEAD = re.compile(r"^\W{0,3}[\w ,./-]{4,30}:\s*$")  # a short line ending in a colon: "- June 1, 2023:"
_ABOUT_AN_END_WORDS = re.compile(r"end|eol|eos|until|till|through|thru|support|updat|patch|expir|last", re.I)


def _dates_the_model(s: str, m: re.Match[str]) -> bool:
    """The date sits in short brackets with no word of an end: "(2021)", "(2021–2022)", "(March 2021)";
    or it is a year alone closing a list item of names with "from" ("iPhone 7 and iPhone 7 Plus from 2016.")."""
    if (
        m.lastgroup == "y"
        and re.search(r"\bfrom\s+$", s[: m.start()])
        and not s[m.end() :].strip(" .;,")
        and not _ABOUT_AN_END_WORDS.search(s[: m.start()])
    ):
        return True
    opening, closing = s.rfind("(", 0, m.start()), s.find(")", m.end())
    if opening < 0 or closing < 0 or ")" in s[opening : m.start()] or closing - opening > 40:
        return False
    return not _ABOUT_AN_END_WORDS.search(s[opening + 1 : closing])


# the noun written for the verb ("have been shutdown", "will shutdown"), which the tagger reads as
# an adjective or a noun, so no stop is found
_NOUN_FOR_VERB = re.compile(
    r"\b(?P<aux>(?:be|been|being|is|are|was|were|get|gets|got|will|would|to|'ll)\s+(?:\w+ly\s+)?)"
    r"(?P<verb>shut|turn)(?P<particle>down|off)\b",
    re.I,
)


# and the noun written as the verb: "the official shut down is going to be 18th January 2023"
_VERB_FOR_NOUN = re.compile(
    r"\b(?P<det>the|its|their|official|planned|final|scheduled)\s+(?P<verb>shut|turn)\s+(?P<particle>down|off)"
    r"(?=\s+(?:is|was|will|date|of)\b)",
    re.I,
)


# misspellings of the words that date an end: "will work untill end march 2026", "end-0f-support"
_MISSPELT = re.compile(r"\b(?:untill|unitl)\b|(?<=\bend-)0f(?=-)", re.I)
_SPELT = {"untill": "until", "unitl": "until", "0f": "of"}


# a month written in lower case before its year ("until end march 2026"), which the tagger takes for a verb
_LOWER_MONTH = re.compile(
    r"\b(?:january|february|march|april|may|june|july|august|september|october|november|december)(?=\s+\d{4}\b)"
)


def _verb_spelled(s: str) -> str:
    """The sentence with its stop verbs, end words and months spelt as the readers know them."""
    s = _MISSPELT.sub(lambda m: _SPELT[m.group(0).lower()], s)
    s = _LOWER_MONTH.sub(lambda m: m.group(0).capitalize(), s)
    if "own" not in s and "off" not in s:
        return s
    s = _VERB_FOR_NOUN.sub(r"\g<det> \g<verb>\g<particle>", s)
    return _NOUN_FOR_VERB.sub(r"\g<aux>\g<verb> \g<particle>", s)


def _listed_items(sents: list[str]) -> list[str]:
    """ "Ends of support by model: Acme Cam 1 — 2026; Acme Cam 2 — 2028": a sentence that runs dated
    items together is read as a line per item, each under the sentence's label."""
    out: list[str] = []
    for s in sents:
        lead, colon, body = s.partition(": ")
        items = (
            None if " | " in s else semicolon_items(body if colon else s, lambda x: len(dates_in(x.rstrip("."))) == 1)
        )
        if items is None:
            out.append(s)
            continue
        out += [f"{lead}: {x.rstrip('.')}" if colon else x.rstrip(".") for x in items]
    return out


def _answer_date(s: str, prev: str) -> DatePart | None:
    """A line that is only a date, under a question or label about the end in the two sentences
    before it ("When was the product discontinued? Provide a specific date."), not about a start."""
    dates = dates_in(s)
    rest = s[: dates[0][0].start()] + s[dates[0][0].end() :] if len(dates) == 1 else ""
    # a source's link may follow, bare or in brackets ("October 13, 2022 (source: https://…)")
    if len(dates) != 1 or re.sub(r"[\W_]+", "", re.sub(r"https?://\S+", "", _SOURCE_NOTE.sub("", rest))):
        return None
    if not prev or len(prev) > 240 or _START_LABEL.search(prev):
        return None
    if _END_QUESTION.search(prev) and ("?" in prev or prev.rstrip().endswith(":")):
        return dates[0]  # (a headline over its dateline asks nothing: "Chromebooks Reach End of Life" / "Aug 5, 2023")
    # a label alone on the line over its value: "Security update period" then "31 December 2027"
    label = prev.split(". ")[-1].strip()
    return dates[0] if len(label) <= 60 and _PERIOD_LABEL.fullmatch(label) else None


_DISCONTINUED = re.compile(r"\bdiscontinu", re.I)
_KIND_QUESTION = re.compile(r"\bwhat\s+(?:type|kind)\s+of\s+product\b[^?]*\?", re.I)


def _answered_hardware(sents: list[str]) -> bool:
    """The form asks what kind of product it was and the answer is hardware alone ("What type of product was
    it? App, Service, or Hardware?" over "Hardware")."""
    return any(
        _KIND_QUESTION.search(q) is not None and any(a.strip(" .*").lower() == "hardware" for a in sents[k + 1 : k + 3])
        for k, q in enumerate(sents)
    )


# a label whose value is the period's end: "Minimum security update period", "Defined support period"
_PERIOD_LABEL = re.compile(
    r"(?:(?:minimum|defined)\s+)?(?:security\s+update|support|update\s+support|security\s+support)\s+period(?:\s+ends?)?"
    r"|(?:guaranteed\s+)?security\s+updates\s+(?:until|till)|end\s+of\s+security\s+updates",
    re.I,
)


# (or a Markdown link named for its source: "June 30, 2011  , [reference](https://…)")
_SOURCE_NOTE = re.compile(
    r"\(\s*(?:source|via|see|from)\b[^)]*\)|\[\s*(?:reference|references|source|sources|link|ref)\s*\]\([^)]*\)", re.I
)
_END_QUESTION = re.compile(
    r"discontinu|end(?:s|ed)?|end\s+of\s+(?:life|support|service)|eol|last\s+(?:security\s+)?update|"
    r"(?:support|updates?)\s+(?:until|end)|shut\s*down|retire",
    re.I,
)


# a product the page says is left out of an end: "Sky+HD and Sky Q boxes are unaffected, and will continue …"
# or that an announced end is off: "the PS3 and Vita stores will no longer close", "keeping the store operational"
_UNAFFECTED = re.compile(
    r"\bunaffected\b|\bnot\s+(?:be\s+)?(?:affected|included)\b|\bexcluded\b|\bremains?\s+supported\b|"
    r"\bstill\s+(?:being\s+|fully\s+)?supported\b|"
    r"\b(?:no\s+longer|not|n't)\s+(?:be\s+)?(?:clos(?:e|ed|ing)|shut(?:ting)?\s+down|discontinu\w+)\b|"
    r"\bkeep(?:s|ing)?\s+(?:[\w-]+\s+){0,6}(?:operational|running|online)\b",
    re.I,
)


# a sentence that lists the things the one before it spoke of: "These include …", "They are …"
_LIST_OF_THOSE = re.compile(
    r"^\W*(?:these|they|those|this|the\s+(?:devices|products|models))\s+(?:include|are|is)\b", re.I
)


# "… seven years of OS and security updates … That means if you plan on staying with your Galaxy
# S24 device until 2031, …": a sentence that says what a period comes to
_MEANS = re.compile(r"^\W*(?:that|this|which)\s+means\b", re.I)
_SPAN_TO = re.compile(r"\b(?:until|till|through|thru)\s+(?:at\s+least\s+)?(?:the\s+end\s+of\s+)?$", re.I)


_END_OF_BEFORE = re.compile(
    r"\bend[\s-]of[\s-](?:[\w]+[\s-]){0,2}?(?:life|support|service|updates?|patches|servicing)"
    r"(?:\s*\(\s*[A-Z]{2,6}\s*\))?\s+(?:on|in|at|as\s+of|from|is|will\s+be)\s+$",
    re.I,
)


_END_LABELLED = re.compile(
    r"(?:\bend[\s_-]of[\s_-](?:[\w]+[\s_-]){0,2}?(?:life|support|service|updates?|patches|servicing)|\beol|\beos|"
    r"\bsupport[\s_-]end|\bsunset)(?:[\s_-]?date)?[\"']?\s*:\s*[\"']?$",  # (and a data file's "support_end": "…")
    re.I,
)


def _labelled_end(s: str) -> DatePart | None:
    """In a run of labelled dates ("… until at least: October 2028 End of Support date: October
    2029"), the one date whose label names the end of support."""
    dates = dates_in(s)
    if len(dates) < 2:
        return None
    found = [(m, d, p) for m, d, p in dates if _END_LABELLED.search(s[max(0, m.start() - 60) : m.start()])]
    # (one end given twice, in words and in a data field: "Sunset date: 2025-12-15 … "sunsetDate":"2025-12-15")
    return found[0] if found and all((d, p) == found[0][1:] for _m, d, p in found) else None


# a label after a timeline's date that names the end: "End of support", "Service shutdown", "Close Time"
_DATED_END_LABEL = re.compile(
    r"^(?:end[\s-]of[\s-](?:life|support|service|security\s+updates|updates|maintenance)|eol|eos|"
    r"(?:(?:online|web|multiplayer)\s+)?(?:service|servers?|cloud|platform|portal|app)\s+(?:shut\s*down|shutdown|closure|discontinuation|switch-?off)|"
    r"(?:shut\s*down|shutdown|close|closing|closure|switch-?off|discontinuation|decommission\w*)(?:\s+(?:time|date))?|"
    # "January 31, 2026: Support ends completely"
    r"(?:security\s+)?(?:support|updates|service|servers?|cloud)\s+(?:ends?|ended|stops?|stopped|ceases?|ceased))\b",
    re.I,
)


def _dated_label(s: str) -> DatePart | None:
    """A timeline's line: one full date, then a short label naming an end ("June 30, 2025: End of
    support", "Aug 30, 2026 [SEMS Portal/Classic] Close Time"), the product in brackets at most."""
    dates = dates_in(s)
    if len(dates) != 1 or dates[0][0].start() > 2 or dates[0][2] != "day":
        return None
    m = dates[0][0]
    label = re.sub(r"^[\s:–—-]+|\[[^\]]{1,60}\]\s*", " ", s[m.end() :]).strip(" .")
    if len(label.split()) > 6:
        return None
    return dates[0] if _DATED_END_LABEL.match(label) else None


_MIGRATE_BY = re.compile(
    r"\b(?:must|need\s+to|needs\s+to|have\s+to|has\s+to|should)\s+(?:\w+\s+)?(?:upgrade|migrate|switch|move|update)\b"
    r"[^.;]{0,60}?\bby\s+(?:the\s+end\s+of\s+)?$",
    re.I,
)
_SUNSET_WORDS = re.compile(r"\bsunset|\bdeprecat|\bend[\s-]of[\s-](?:life|support)|\bshut\s*down|\bretire", re.I)


_REPLACE_TO_GO_ON = re.compile(
    r"\b(?:will\s+)?(?:need|needs|have|has)\s+to\s+(?:upgrade|replace|buy|get|switch)\b[^.;]{0,120}?"
    r"\bto\s+(?:continue\s+(?:to\s+)?|keep\s+)(?:watch|us|receiv|access|get|stream)\w*",
    re.I,
)


def _replace_to_go_on(s: str) -> tuple[DatePart, str] | None:
    """The one date from which owners must replace or upgrade what they have to go on using the
    service, and the words that say so."""
    if (m := _REPLACE_TO_GO_ON.search(s)) is None:
        return None
    dates = dates_in(s)
    if len(dates) != 1 or dates[0][0].start() > m.start():
        return None
    return dates[0], m.group(0)


def _migrate_by(s: str, previous: str) -> DatePart | None:
    """The one date a deadline to move off something sets, under a sentence or heading that names
    its sunset ("… Integration Sunset (v1)" over "Users MUST upgrade by the end of 2026 …")."""
    if not _SUNSET_WORDS.search(previous) and not _SUNSET_WORDS.search(s):
        return None
    found = [(m, d, p) for m, d, p in dates_in(s) if _MIGRATE_BY.search(s[max(0, m.start() - 100) : m.start()])]
    return found[0] if len(found) == 1 else None


def _end_of_before(s: str) -> DatePart | None:
    """The one date a named end ("End-of-App-Update (EOAU) on") stands right before, or that
    marks one ("April 2014 will mark the end of support")."""
    found = [
        (m, d, p)
        for m, d, p in dates_in(s)
        if _END_OF_BEFORE.search(s[max(0, m.start() - 60) : m.start()]) or _MARKS_END.match(s, m.end())
    ]
    return found[0] if len(found) == 1 else None


# "… shows April 2014 will mark the end of support for …" (a date the parser took for an object)
_MARKS_END = re.compile(
    r"\s+(?:will\s+|would\s+)?mark(?:s|ed)?\s+the\s+(?:official\s+)?end\s+of\s+"
    r"(?:(?:security\s+)?(?:support|updates?|patches)|life|service|servicing)\b",
    re.I,
)


def _meant_end(s: str, previous: str, statements: list[SupportStatement]) -> DatePart | None:
    """The end a "That means … until DATE" sentence gives a period with no start said just before."""
    if not _MEANS.match(s) or not statements:
        return None
    last = statements[-1]
    if last.kind != "period-without-start" or last.sentence != previous[:300]:
        return None
    spans = [(m, d, p) for m, d, p in dates_in(s) if _SPAN_TO.search(s[max(0, m.start() - 40) : m.start()])]
    return spans[0] if len(spans) == 1 else None


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
    r"^\W*(?:first\s+)?(?:released|launched|introduced)|^\W*set\s+to\s+(?:debut|launch|be\s+released))\s+(?:on|in)\s+$",
    re.I,
)
_LATER_ON = re.compile(r"^\s*(?:or|and)\s+(?:later|after|newer|onwards)|^\s*onwards", re.I)
_NAME_TO_DATE = 80  # characters from the day's name to its date
_VERB_DAY = re.compile(r"^(?:released|launched|discontinu\w*|placed)$", re.I)
_SUBJECT_BEFORE = re.compile(
    r"(?P<subject>[^,;:.()|]{1,60}?)\s+(?:was|were|is|has\s+been)\s+(?:first\s+|originally\s+|initially\s+)?$", re.I
)
_OURS = re.compile(r"\b(?:it|this\s+(?:product|device|model)|the\s+(?:product|device|model))\b", re.I)


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
        dates = [(d, p) for dm, d, p in dates_in(after) if not re.search(r"[.!?]\s|\n", after[: dm.start()])]
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


def _named_after_another(terms: tuple[str, ...], title: str) -> bool:
    """The title names another model before the product ("Pixel Watch 3 Gets 3 Years Of Updates, How
    That Compares To Apple Watch"): the page is about that one, and the product only beside it."""
    at = [re.search(rf"\b{re.escape(t.split()[0])}\b", title, re.I) for t in terms if t.split()]
    first = min((m.start() for m in at if m), default=0)
    if _CODE_IN_BRACKETS.search(title[:first]):
        return False  # "Acme Cam 3 (model AC-300)": the brackets give the code of the name before them
    return first > 0 and _other_model(title[:first], terms)


_CODE_IN_BRACKETS = re.compile(r"\(\s*(?:model|model\s+no\.?|model\s+number|type|ref\.?|sku)?\s*:?\s*$", re.I)


def _within(finer: SupportStatement, coarser: SupportStatement) -> bool:
    """The first statement's end falls inside the second's (its year, or its month)."""
    a, b = finer.end_date, coarser.end_date
    return (
        a is not None
        and b is not None
        and a.year == b.year
        and (coarser.precision == "year" or (coarser.precision == "month" and a.month == b.month) or a == b)
    )


_MARKDOWN_LINK = re.compile(r"\[(?P<title>[^\[\]]{1,300})\]\((?=\S)")  # (its target may be cut off with the sentence)


def _in_link_title(st: SupportStatement) -> bool:
    """The statement's words lie in a Markdown link's text left as written (a data file's quoted string)."""
    # (a reading abroad quotes its words after the date: "10 décembre 2019: 'pris fin'")
    said = st.phrase.split(": '")[0]
    return "](" in st.sentence and any(said in m.group("title") for m in _MARKDOWN_LINK.finditer(st.sentence))


def _mark(out: SupportPeriodAnalysis, since: int, carried: bool, loose: bool) -> None:
    """Mark the statements of one sentence by how it named the product."""
    if carried or loose:
        out.statements[since:] = [
            replace(st, carried=carried and st.mentions_product, loose=loose) for st in out.statements[since:]
        ]


def _note_unanswered(out: SupportPeriodAnalysis, last: tuple[str, int] | None) -> None:
    """A sentence about support or updates that names the product and gives it only a vague time
    ("the Note 12 5G will lose support in spring 2026"), or says it is unaffected, answers for the
    product: no end date."""
    if last is None or len(out.statements) != last[1]:
        return
    vague = bool(TOPIC.search(last[0]) and _VAGUE_TIME.search(last[0]))
    unaffected = bool(_UNAFFECTED.search(last[0]) or goes_on(last[0]) or goes_on_cjk(last[0]))
    if vague or unaffected:
        _add(out.named_without_end, last[0][:300])
        if not unaffected:
            _add(out.named_vaguely, last[0][:300])
    elif (_STOPS_UNDATED.search(last[0]) and not dates_in(last[0])) or stops_undated_abroad(last[0]):
        _add(out.stopped_undated, last[0][:300])


_STOPS_UNDATED = re.compile(
    r"\b(?:stop|cease)s?\s+(?:working|functioning|receiving|getting)|\b(?:will|would)\s+(?:also\s+)?(?:stop|cease)\b|"
    r"\b(?:received|got)\s+(?:its|their)\s+(?:last|final)\b|"  # "has also already received its last security updates"
    r"\bno\s+longer\s+(?:be\s+)?(?:supported|work|function|receive|get)",
    re.I,
)


def _relative_period(s: str) -> bool:
    """ "supported for at least 5 years after launch": a duration, a relative start, an update word."""
    return bool(_DURATION.search(s) and _RELATIVE_START.search(s) and re.search(r"updat|support|patch", s, re.I))


_END_VALUE = re.compile(
    r"^\s*(?:eol|end\s+of\s+(?:life|support|service|updates)|end\s+of\s+security\s+updates|eos|ends?|ended|"
    r"(?:supported|maintained)\s+(?:until|till|through|to))"
    r"\s*(?:[-–—:,]|on|in)?\s*(?P<rest>.+)$",
    re.I,
)


_ENDED_VALUE = re.compile(r"^\s*(?:eol|end\s+of\s+(?:life|support|service)|ended|discontinued)\s*$", re.I)


def _no_end_row(sentence: str, phrase: str, mentions: bool) -> SupportStatement | None:
    """The product's row that states no end date (for another product's row: nothing)."""
    return SupportStatement(sentence, "vague", None, None, None, "day", mentions, phrase) if mentions else None


def _begun_at(s: str, m: re.Match[str], d: dt.date, p: Precision, from_start: bool = False) -> dt.date:
    """A month's or a year's end read at its first day when the end begins with it: "will stop
    supporting it from 2024", "Beginning May 2020, … will stop", "EOL (since 2025-05)". Read as the
    period's last day, it would add a year or a month of support."""
    if (
        (from_start or _BEGINS_AT.search(s[max(0, m.start() - 25) : m.start()]))
        and p in ("year", "month")
        and not _LATE_IN.search(s[max(0, m.start() - 15) : m.start()])
    ):
        return d.replace(month=1, day=1) if p == "year" else d.replace(day=1)
    return d


def _end_column(label: str, ceased: bool) -> bool:
    """The column names the end of support (or, in a table of devices no longer supported, their last release)."""
    return (END_LABEL.search(label) is not None and not _START_LABEL.search(label)) or (
        ceased and _LAST_RELEASE_LABEL.search(label) is not None
    )


def _labelled_row(s: str, mentions: bool, ceased: bool = False) -> tuple[bool, SupportStatement | None]:
    """A table row read under its header ("Model: Cam 2 | Released: 2024 | End of security
    updates: 2030"): the end date comes from the cell whose column names the end of support."""
    if " | " not in s:
        return False, None
    cells = [m for part in s.split(" | ") if (m := _CELL.match(part))]
    if len(cells) < 2:
        return False, None
    handled = any(_end_column(c.group("label"), ceased) for c in cells)
    sentence = s[:300]
    ended = None
    for c in cells:  # a cell whose value says the end itself, whatever its column: "Status: EOL - Jul 2024"
        marked = _END_VALUE.match(c.group("value"))
        if marked and not _START_LABEL.search(c.group("label")) and (dates := dates_in(rest := marked.group("rest"))):
            m, d, p = dates[0]
            phrase = f"{c.group('label')}: {c.group('value')}"[:120]
            return True, _end_at(sentence, _begun_at(rest, m, d, p), p, mentions, phrase)
        if _ENDED_VALUE.match(c.group("value")) and not END_LABEL.search(c.group("label")):
            ended = ended or c.group("value")
    if ended and not any(END_LABEL.search(c.group("label")) and dates_in(c.group("value")) for c in cells):
        # "Status: EOL" with no end date in the row: the row is ended, and its other dates (releases) are not ends
        return True, _no_end_row(sentence, ended, mentions)
    start: tuple[dt.date, Precision] | None = None
    for c in cells:
        if _START_LABEL.search(c.group("label")) and not _end_column(c.group("label"), ceased):
            found = dates_in(c.group("value"))
            if found:
                start = (found[0][1], found[0][2])
    # "End of Engineering | End of Life/ End of Support": the column that names the end of support
    # or life is read before other ends (of engineering, sale, development)
    # (and the extended support's end before the mainstream one: "end: 2018-04-10 | extendedEnd: 2023-04-11")
    for c in sorted(
        cells,
        key=lambda c: (not _EXTENDED_LABEL.search(c.group("label")), not _SUPPORT_END_LABEL.search(c.group("label"))),
    ):
        label, value = c.group("label"), c.group("value")
        if not _end_column(label, ceased):
            continue
        dates = dates_in(value)
        phrase = f"{label}: {value}"[:120]
        if dates and not _DURATION.search(value):
            # a range in the cell ("Lifecycle: 2019.12 – 2021.12") ends at its second date
            ranged = len(dates) == 2 and _RANGE.match(value[dates[0][0].end() : dates[1][0].start()])
            m, d, p = dates[1] if ranged else dates[0]
            return True, _end_at(sentence, d, p, mentions, phrase)
        dur = _DURATION.search(value)
        if dur:
            n, unit = _span(dur)
            duration = f"{n} {unit if n != 1 else unit.rstrip('s')}"
            if start is not None:
                return True, SupportStatement(
                    sentence, "period-with-start", later(start[0], n, unit), start[0], duration, start[1], mentions,
                    phrase,
                )  # fmt: skip
            return True, SupportStatement(
                sentence, "period-without-start", None, None, duration, "day", mentions, phrase
            )
        vague = _VAGUE.search(value)
        if vague:
            return True, SupportStatement(sentence, "vague", None, None, None, "day", mentions, vague.group(0))
    if not handled and any(_START_LABEL.search(c.group("label")) and dates_in(c.group("value")) for c in cells):
        # a row whose only date is its release ("Status: Oldstable | Date Released: Mar 2024"): no end
        return True, _no_end_row(sentence, "only a release date", mentions)
    if handled and mentions:  # the product's row says something other than a date ("No longer guaranteed")
        value = next(c.group("value") for c in cells if END_LABEL.search(c.group("label")))
        return True, SupportStatement(sentence, "vague", None, None, None, "day", mentions, value[:120])
    return handled, None


# the date of an event, not of an end: "last updated on April 27, 2023", "released in 2022"
_EVENT = re.compile(
    r"\b(?:updated|modified|revised|published|posted|released|launched|announced|introduced|issued)"
    r"(?:\s+(?:on|in|at))?(?:\s+the)?\s*$",
    re.I,
)


def _end_marked(s: str, m: re.Match[str]) -> bool:
    before = s[max(0, m.start() - 100) : m.start()]
    if _EVENT.search(before[-40:]):
        return False
    if _END_MARKER.search(before[-60:]) and not _START.search(before[-25:]):
        return True
    if _END_AFTER.search(before):
        return True
    return bool(_LEAD_IN.search(before[-40:]) and _STOP_AFTER.search(s[m.end() :]))


# the names a "respectively" pairs with dates: "6a/7a/8a", or "the Pixel 6, Pixel 7 and Pixel 8"
_SLASH_NAMES = re.compile(r"(?<![\w/])([\w+.-]+(?:/[\w+.-]+)+)(?![\w/])")
_NAME_JOIN = re.compile(r",\s+(?:and\s+)?|,?\s+and\s+")


def _respective(s: str, terms: tuple[str, ...], dates: list[DatePart]) -> DatePart | None:
    """The date a "respectively" pairs with the product: the names before the first date and the
    dates after it, in the same order and as many ("The 6a/7a/8a … until July 2027, May 2028, and
    May 2031 respectively" gives the Pixel 7a May 2028)."""
    if (resp := _RESPECTIVELY.search(s)) is None or len(dates) < 2:
        return None
    if _NAME_JOIN.search(s, dates[-1][0].end(), resp.start()) or "/" in s[dates[-1][0].end() : resp.start()]:
        return None  # "… until September 2017 and September 2018 for OS and security updates, respectively"
    head = s[max(0, dates[0][0].start() - 300) : dates[0][0].start()]
    lists = [m.group(1).split("/") for m in _SLASH_NAMES.finditer(head)]
    # "the Pixel 6, Pixel 7 and Pixel 8 … until …": the last names of the list the head ends with
    joined = _NAME_JOIN.split(head)
    if len(joined) >= len(dates):
        names = joined[-len(dates) :]
        names[0] = " ".join(names[0].split()[-4:])  # (the words before the list are not the first name)
        lists.append(names)
    for names in lists:
        if len(names) != len(dates):
            continue
        # a name is the product's when it holds the product's name, or its last words ("7a" of "Pixel
        # 7a"), as a run of whole words; and only one name may
        holding = [k for k, name in enumerate(names) if any(_holds(plain_words(name).split(), t) for t in terms)]
        if len(holding) == 1:
            return dates[holding[0]]
    return None


def _holds(words: list[str], term: str) -> bool:
    """The words hold the term, or its last words, as a run ("7a" holds "Pixel 7a"'s end)."""
    tw = plain_words(term).split()
    for k in range(len(tw), 0, -1):
        tail = tw[-k:]
        if k == 1 and not any(ch.isdigit() for ch in tail[0]):
            return False  # a last word alone must be a model's number, not "Pro" or "hub"
        if any(words[i : i + k] == tail for i in range(len(words) - k + 1)):
            return True
    return False


def _end_date(
    s: str, dates: list[tuple[re.Match[str], dt.date, Precision]]
) -> tuple[re.Match[str], dt.date, Precision] | None:
    """The end date a sentence states. Each end-marked date is read with the words since the
    date before it: "feature updates till October 2018 and security updates till October
    2019" ends security updates in October 2019, not 2018; a date joined to an end-marked
    one ("until September 2017 and September 2018") is end-marked too, and "…, respectively"
    pairs the dates in order with the kinds of update listed after them."""
    found: list[tuple[int, str]] = []  # (index into dates, words since the previous date)
    last_end = 0
    range_end = False
    for i, (m, _d, _p) in enumerate(dates):
        segment = s[last_end : m.start()]
        if i + 1 < len(dates) and _RANGE.match(s[m.end() : dates[i + 1][0].start()]):
            last_end = m.end()
            range_end = True
            continue  # "from October 2019 until October 2020": the start of a range
        if range_end:  # its end ("from" before the range's start does not make it a start)
            range_end = False
            if not _EVENT.search(s[max(0, m.start() - 40) : m.start()]):
                found.append((i, segment))
                last_end = m.end()
                continue
        if _end_marked(s, m) or (found and found[-1][0] == i - 1 and _DATE_JOIN.match(segment)):
            found.append((i, segment))
        last_end = m.end()
    if not found:
        return None
    if len(found) > 1 and (r := _RESPECTIVELY.search(s, dates[found[-1][0]][0].end())):
        items = re.split(r",\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+", s[dates[found[-1][0]][0].end() : r.start()])
        items = [x for x in items if x.strip()]
        if len(items) == len(found):
            pick = [k for k, item in enumerate(items) if _SECURITY_WORD.search(item)]
            if len(pick) == 1:
                return dates[found[pick[0]][0]]
    # "…and security updates till": the words since the last "and" name the updates that end
    security = [
        i for i, seg in found if _SECURITY_WORD.search(seg) and not _OTHER_UPDATES.search(seg.split(" and ")[-1])
    ]
    if security:
        return dates[security[0]]
    kept = [i for i, seg in found if not (_OTHER_UPDATES.search(seg) and not _SECURITY_WORD.search(seg))]
    return dates[kept[0]] if kept else None


_ROUGHLY = re.compile(rf"\b(?:{'|'.join(sorted(ROUGHLY))})\s+$", re.I)


def _in_no_known_month(start_precision: Precision, unit: str) -> bool:
    """Months (or weeks, days) counted from a start known only to its year ("28 months after its
    release in 2017") end in no month the page lets a reader know."""
    return start_precision == "year" and not unit.lower().startswith("year")


def _security_duration(s: str) -> re.Match[str] | None:
    """The sentence's period: of the periods it gives, the one of security updates ("five years of
    major Android OS upgrades and seven years of security patches"), else the first."""
    durations = list(_DURATION.finditer(s))
    for dur in durations if len(durations) > 1 else ():
        words = s[dur.end() : dur.end() + 40]
        if _SECURITY_WORD.search(words) and not _OTHER_UPDATES.search(words):
            return dur
    return durations[0] if durations else None


def _statement(s: str, mentions: bool, ends: bool = True) -> SupportStatement | None:
    sentence = s[:300]
    dates = dates_in(s)
    # 1. an explicit end date in a label or row: "End of support: 2029-12-31"
    end = _end_date(s, dates) if ends else None
    if end is not None:
        m, d, p = end
        return _end_at(sentence, d, p, mentions, m.group(0))
    # 2. a period with a start: "for 5 years from 1 March 2024"
    dur = _security_duration(s)
    if dur:
        n, unit = _span(dur)
        duration = f"{n} {unit if n != 1 else unit.rstrip('s')}"
        after = s[dur.end() :]
        start_kw = _START.search(_clause_of(after)[: _START_GAP + 30])  # the start belongs to the duration's words
        if start_kw and _ROUGHLY.search(s[: dur.start()]):
            start_kw = None  # "almost ten years after its launch in 2013": a rough span counts to no day
        if start_kw and _DEVICES_BEFORE.search(after[: start_kw.start()]):
            start_kw = None  # "to its Fire TV devices from 2016 and onwards": which devices, not a start
        if start_kw:
            tail = after[start_kw.end() :]
            # the start's date follows its word ("from 1 March 2024", "from the date of sale, 1 March
            # 2024"), not a later clause's ("… (from 2020, pictured below)")
            tail_dates = dates_in(tail)
            starts = [d for d in tail_dates if d[0].start() <= _START_GAP]
            if not starts and (when := _START_DATED_AFTER.search(tail[: _START_GAP * 3])) is not None:
                # "from the date of the first delivery of the smartphone, which took place on September 22, 2023"
                starts = [d for d in tail_dates if d[0].start() == when.end()]
            if starts and _in_no_known_month(starts[0][2], unit):
                starts = []
            if starts:
                m, start, p = starts[0]
                return SupportStatement(
                    sentence, "period-with-start", later(start, n, unit), start, duration, p, mentions, dur.group(0)
                )
            return SupportStatement(
                sentence, "period-without-start", None, None, duration, "day", mentions, (dur.group(0) + after)[:120]
            )
        # a date right after the duration may be its start in words not read here ("five years, 1 March
        # 2024 onwards"); one further on ("… going further than its policy established in 2022") is not
        if _RELATIVE_START.search(after) or not any(0 <= m.start() - dur.end() <= _START_GAP for m, _d, _p in dates):
            return SupportStatement(
                sentence, "period-without-start", None, None, duration, "day", mentions, dur.group(0)
            )
    vague = _VAGUE.search(s)
    if vague:
        return SupportStatement(sentence, "vague", None, None, None, "day", mentions, vague.group(0))
    # 3. "Security updates: March 2030" — a label with one date and no other reading
    if ends and len(dates) == 1 and ":" in s[: dates[0][0].start()]:
        m, d, p = dates[0]
        return _end_at(sentence, d, p, mentions, m.group(0))
    return None


def _foreign_dated(s: str) -> bool:
    """A sentence in another language whose dates are all written in that language's words."""
    if language_of(s) is None or not (spans := [(m.start(), m.end()) for m, _d, _p in foreign_dates(s)]):
        return False
    return all(any(a < m.end() and m.start() < b for a, b in spans) for m, _d, _p in dates_in(s))


def _label_line(s: str) -> bool:
    """ "End of support: 2029-12-31", "Security updates: until 30/06/2031": a short label and value."""
    if len(s) > ROW_CHARS or ":" not in s:
        return False
    value = s.rsplit(":", 1)[1]
    return len(value.strip()) <= 40 and bool(dates_in(value))


_PARSE_BUDGET = 50_000  # characters of dated prose parsed per page
_WORD = re.compile(r"\w+")
_FRAGMENT_WORDS = 5  # a part between semicolons this short is no clause of its own
_PART_CHARS = 2_000
Parts = list[tuple[int, "Doc"]]  # a sentence's clauses between semicolons, with their offsets


def _finite(parts: Parts) -> bool:
    """The parsed sentence has a finite verb or a modal: a clause, not a row of cells."""
    return any(t.tag_ in ("VBZ", "VBP", "VBD", "MD") for _o, doc in parts for t in doc)


_STRAIGHT_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"'})
_ASKING_ASIDE = re.compile(r"\([^()]{0,30}(?:\?|\.\.\.|…|!)[^()]{0,5}\)")
# "… is deprecated and support stops on April 1, 2025": after "and", the parser reads "support" as a
# verb and "stops" as its object; capitalised (one letter for one), it is the subject it is
_SUPPORT_AS_VERB = re.compile(
    r"(?:(?<=\band\s)|(?<=\bbut\s)|(?<=\bwhile\s)|(?<=\bso\s))(?:support|maintenance)"
    r"(?=\s+(?:stops|ends|ceases|expires|terminates)\b)"
)

# "The Fitbit Web API sunsets in September 2026": the parser takes "sunsets" for the plural noun;
# read as "expires" (seven letters for seven) it is the verb it is. Only before a time (a preposition,
# a date, "this"/"next") and not after "the"/"its"/"our"/"their", where it is the noun
_SUNSETS_AS_VERB = re.compile(
    r"(?<![Tt]he\s)(?<![Ii]ts\s)(?<![Oo]ur\s)(?<![Tt]heir\s)\bsunsets(?=\s+(?:(?:on|in|at|by|after|from|this|next|"
    r"effective)\b|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s|\d))"
)

# "Google Fit API shuts down June 2025", a headline's month with no preposition: the parser takes "shuts" for a
# noun; "shut" (a space for the letter) it reads as the verb
_SHUTS_AS_VERB = re.compile(
    r"(?<![Tt]he\s)(?<![Ii]ts\s)(?<![Oo]ur\s)(?<![Tt]heir\s)\bshuts(?=\s+(?:down|off)\s+"
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s)"
)

# "until the end of the day on May 28": that day ("end of the day" read as the bound, the date as its time)
_END_OF_DAY = re.compile(
    r"(\b(?:until|till|through)\s+)(?:the\s+)?end\s+of\s+(?:the\s+)?(?:business\s+)?day\s*,?\s+(?:on\s+)?"
    r"(?=(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|\d))",
    re.I,
)

# brackets that cite a date for the words before them: "(Fitbit's migration email cites Sept 30, 2026)"
_CITING = re.compile(
    r"(?<=\()[^()]{1,60}?\b(?:cites?|cited|says?|said|states?|stated|mentions?|mentioned|gives?|gave|quotes?|quoted)"
    r"\s+(?=(?P<cited>[^()]{4,30})\))",
    re.I,
)


def _bracketed_date_only(m: re.Match[str]) -> str:
    """The citing words blanked when what they cite is a date and nothing else."""
    dates = dates_in(cited := m.group("cited"))
    whole = len(dates) == 1 and not cited[: dates[0][0].start()].strip() and not cited[dates[0][0].end() :].strip()
    return " " * len(m.group(0)) if whole else m.group(0)


_INLINE_TAG = re.compile(
    r"</?(?:a|abbr|b|big|code|em|font|h[1-6]|i|kbd|mark|small|span|strong|sub|sup|u)(?:\s[^<>]{0,500})?>", re.I
)


def _for_the_parser(text: str) -> str:
    """The text as the parser reads it best, each character in its place."""
    text = _ASKING_ASIDE.sub(lambda m: " " * len(m.group(0)), text).translate(_STRAIGHT_QUOTES)
    text = _CITING.sub(_bracketed_date_only, text)  # "(… cites Sept 30, 2026)": the date the brackets give
    text = _SUNSETS_AS_VERB.sub("expires", text)
    text = _SHUTS_AS_VERB.sub("shut ", text)
    text = _END_OF_DAY.sub(lambda m: m.group(1) + " " * (len(m.group(0)) - len(m.group(1))), text)
    # a Markdown link's brackets and address blanked: "Logitech is [sunsetting ](https://…) its servers" is
    # parsed as the words it shows
    text = _MD_LINK.sub(lambda m: " " + m.group(1) + " " * (len(m.group(0)) - len(m.group(1)) - 1), text)
    # HTML set inline in Markdown: "Google Cloud IoT Core is <a href="…">retired as of August 16, 2023</a>"
    text = _INLINE_TAG.sub(lambda m: " " * len(m.group(0)), text) if "<" in text else text
    return _SUPPORT_AS_VERB.sub(lambda m: m.group(0).capitalize(), text)


def _parsed_prose(sents: list[str]) -> dict[int, Parts]:
    """Parse the sentences that hold a date and read as prose (not table rows or label lines).
    Clauses between semicolons are parsed on their own: each is a sentence in its own right."""
    picked = [i for i, s in enumerate(sents) if " | " not in s and dates_in(s) and not _label_line(s)]
    pieces: list[tuple[int, int, str]] = []
    budget = _PARSE_BUDGET  # a huge page: the sentences past the budget are read by the patterns alone
    for i in picked:
        parts: list[tuple[int, int, str]] = []
        offset = 0
        for part in sents[i].split(";"):
            if parts and len(_WORD.findall(part)) <= _FRAGMENT_WORDS:
                # "… quarterly security updates; from 2024 until 2026": a fragment goes with its clause
                i_, o_, before = parts.pop()
                parts.append((i_, o_, (before + "," + part)[:_PART_CHARS]))  # (parsed as the clause's tail)
            elif part.strip():
                parts.append((i, offset, part[:_PART_CHARS]))
            offset += len(part) + 1
        budget -= sum(len(x[2]) for x in parts)
        if budget < 0:
            break
        pieces += parts
    if not pieces:
        return {}
    # an aside in brackets that asks or trails off ("(maps...?)") breaks the parse of the clause it
    # sits in; blanked, the words keep their places. Curly quotes ("Netflix’s") are parsed as the
    # straight ones they stand for, one character for one, so the places stay
    docs = language.parse([_for_the_parser(text) for _i, _o, text in pieces])
    out: dict[int, Parts] = {}
    for (i, offset, _text), doc in zip(pieces, docs, strict=True):
        out.setdefault(i, []).append((offset, doc))
    return {
        i: parts
        for i, parts in out.items()
        if any(t.tag_.startswith("VB") for _o, d in parts for t in d)
        or _SUPPORT.search(sents[i])
        or stop_dated_in_brackets(sents[i])
    }


# a subject that is support itself, of nothing named: "and support stops on …"
_BARE_SUPPORT = re.compile(r"(?:(?:the|all|its|technical|security|product)\s+)*(?:support|updates|maintenance)", re.I)


def _tree_statement(
    s: str, parts: Parts, previous: str, terms: tuple[str, ...], mentions: bool, carried_in: bool = False
) -> tuple[SupportStatement | None, list[DatePart], list[DatePart], list[DatePart]]:
    """The end date a prose sentence states, read from its parse (support_tree), the
    sentence's dates that are not events (for a later "that date"), and those at which
    something stops (for a later "once … cuts off …")."""
    dates = dates_in(s)
    roles = []
    for n, (offset, doc) in enumerate(parts):
        limit = parts[n + 1][0] if n + 1 < len(parts) else len(s) + 1
        here = [(m.start() - offset, m.end() - offset) for m, _d, _p in dates if offset <= m.start() < limit]
        roles += read_dates(doc, here, previous)
    plain = [dp for dp, r in zip(dates, roles, strict=True) if "an event" not in r.words]
    stops = [dp for dp, r in zip(dates, roles, strict=True) if r.stop_point]
    bounds = [dp for dp, r in zip(dates, roles, strict=True) if r.boundary]
    ends = [(dp, r) for dp, r in zip(dates, roles, strict=True) if r.is_end]
    if not ends and terms and (shut := _shut_by_name(s, terms)) is not None:
        # "Nvidia is shutting down GameStream in February 2023": a name alone may be the maker's
        # (the parse leaves it), but the product's own name shut down is the product's end, at the
        # date the stop takes or the one right after the name ("retire those tokens on …")
        ends = [
            (dp, replace(r, words=f"{shut.group(0)!r} at '{dp[0].group(0)}'"))
            for dp, r in zip(dates, roles, strict=True)
            if r.stop_point or (dp[0].start() >= shut.end() and _RIGHT_AFTER.fullmatch(s[shut.end() : dp[0].start()]))
        ]
        mentions = mentions or bool(ends)
    if not ends:
        return None, plain, stops, bounds
    if (deprecations := [(dp, r) for dp, r in ends if r.words.startswith("'deprecat")]) and (
        other := [
            (dp, r) for dp, r in ends if (dp, r) not in deprecations and _BARE_SUPPORT.fullmatch(r.subject.strip())
        ]
    ):
        # "From January 1, 2025 X is deprecated and support stops on April 1, 2025": a deprecation
        # warns of the end of support that the sentence dates on its own
        ends = other
    if terms:  # in "stopping in 2019 for the Fire TV and in 2020 for the Fire TV Stick" each date has its product
        own = [(dp, r) for dp, r in ends if names_product(terms, f"{r.local} {r.subject}", brand_needed=False)]
        if len(own) > 1 and (
            by_subject := [(dp, r) for dp, r in own if names_product(terms, r.subject, brand_needed=False)]
        ):
            own = by_subject  # "the Pixel 4a 5G will follow in November, and the Pixel 5a 5G in August 2024"
        clauses = _contrasted_clauses(s)
        if len(clauses) > 1:
            # "… updates through October 2027, whereas the Pixel Watch 2 runs dry …": a clause set
            # against another is about what it names, or, naming nothing, about the product before
            mine = [k for k, c in enumerate(clauses) if names_product(terms, c, brand_needed=False)]
            undated = [DATE.sub(" ", c) for c in clauses]  # "May 6" is no model
            others = [k for k, c in enumerate(undated) if _names_other_model(c, terms) or _other_model(c, terms)]
            if mine:
                # a clause naming another model, or one before the product's (set against it), is not
                # the product's; one after it that names nothing goes on about it ("…, but the two …")
                theirs = {k for k in range(len(clauses)) if k not in mine and (k in others or k < mine[0])}
                ends = [(dp, r) for dp, r in ends if _clause_at(clauses, dp[0].start()) not in theirs]
                own = [(dp, r) for dp, r in own if _clause_at(clauses, dp[0].start()) not in theirs]
            elif carried_in:
                ends = [(dp, r) for dp, r in ends if _clause_at(clauses, dp[0].start()) not in others]
                mentions = bool(ends)
            if not ends:
                return None, plain, stops, bounds
        if own and all(r.other_updates for _dp, r in own):
            # "The Pixel 6 … will receive Android version updates until 2024 with security updates arriving until
            # October 2026": the security end joined to the product's clause, naming no other model, is its too
            own += [(dp, r) for dp, r in ends if not r.other_updates and not _other_model(r.subject, terms)]
        if own:
            ends, mentions = own, True
        else:
            # "the Note 12 Pro 5G will no longer receive updates after October 2026": an end whose
            # clause has another model as its subject is that model's, not the product's
            ends = [
                (dp, r)
                for dp, r in ends
                if _covers(f"{r.subject} {r.stopped}", terms)  # "the eShops for both Nintendo Wii U and Nintendo 3DS"
                # ("those SONOS devices" points back at a list, and names no model of its own)
                or not (r.subject_model and _other_model(r.subject, terms) and not _LIST_BACK.search(r.subject))
                and not _other_subset(r.subject, terms)
                and not _other_named_thing(r.stopped, terms)
                and not (r.stopped and _other_model(r.stopped, terms))  # "ended support for its Galaxy S20 range"
            ]
            if not ends:
                return None, plain, stops, bounds
    security = [(dp, r) for dp, r in ends if not r.other_updates]
    if len(ends) > 1 and 0 < len(security) < len(ends):
        ends = security  # (an end of OS or feature updates alone gives way to the security end beside it)
    picked = None
    if terms and (respective := _respective(s, terms, dates)) is not None:
        # "The 6a/7a/8a … will receive support until July 2027, May 2028, and May 2031 respectively"
        picked = (respective, ends[0][1])
    if picked is None and len(ends) > 1 and terms:
        picked = _product_date(s, ends, terms)
    if picked is None and len(ends) > 1 and _RESPECTIVELY.search(s):
        found = _end_date(s, [dp for dp, _r in ends])
        picked = next(((dp, r) for dp, r in ends if found is not None and dp[0] is found[0]), None)
    if picked is None:
        if not security:
            return None, plain, stops, bounds
        # "software updates till November 2018, and security patches until November 2019": the end
        # that security words lead to
        led = [(dp, r) for dp, r in security if _SECURITY_LEAD.search(s[max(0, dp[0].start() - 40) : dp[0].start()])]
        picked = led[0] if len(led) == 1 and len(security) > 1 else security[0]
        # "… Support For Surface Pro Tablet Until 2017 … supporting the Surface Pro tablet until July 2017": the
        # same end given twice, the finer one says more
        finer = [e for e in security if e[0][1].year == picked[0][1].year and _RANK[e[0][2]] < _RANK[picked[0][2]]]
        if finer and picked[0][2] == "year":
            picked = min(finer, key=lambda e: _RANK[e[0][2]])
    (m, d, p), role = picked
    if (span := _SPAN_BEFORE.search(s[max(0, m.start() - 80) : m.start()])) is not None:
        # "taken offline 24 months after the discontinued announcement date (November 9, 2020)": the
        # date is where the span starts, and the end is the span's end
        if _in_no_known_month(p, span.group("unit")):
            return None, plain, stops, bounds
        d, p = later(d, count(span.group("n")), span.group("unit")), ("year" if p == "year" else "day")
        role = replace(role, words=f"{span.group(0).strip(' (')} {m.group(0)}")
    d = _begun_at(s, m, d, p, role.from_start)
    stmt = _end_at(
        s,
        d,
        p,
        mentions,
        f"{m.group(0)}: {role.words}",
        works_only=role.works_only,
        former=role.former,
        aimed=role.aimed,
        extends=role.extends,
    )
    return stmt, plain, stops, bounds


_SHUT_VERB = (
    r"\b(?:shut(?:s|ting)?\s+(?:down|off)|turn(?:s|ed|ing)?\s+(?:off|down)|switch(?:es|ed|ing)?\s+off|"
    r"sunsett?(?:s|ed|ing)?|retir(?:e|es|ed|ing)|stop(?:s|ped|ping)?|eliminat(?:e|es|ed|ing)|brick(?:s|ed|ing)?|"
    # (or the stop named as a noun: "the planned sunset of its 3G network February 22, 2022")
    r"(?:sunset|shutdown|shut-?off|switch-?off|decommissioning|closure)\s+of)"
    r"\s+(?:(?:the|its|their|those|these|our|all)\s+)?"
)


# the product by its name as the one that stops: "The Car Thing expires on Monday, December 9, 2024"
_STOPS_AFTER_NAME = (
    r"\s+(?:(?:is|was)\s+)?"  # (one thing, as it is: not "3G networks will be shut down, some as early as …")
    r"(?:expir(?:es|ed|e)|retir(?:es|ed|e)|sunsett?(?:s|ed)?|shut(?:s)?\s+down|switched\s+off|turned\s+off|bricked)"
    r"(?:\s+(?:on|in|at|as\s+of|from|effective))?\b"
)


def _shut_by_name(s: str, terms: tuple[str, ...]) -> re.Match[str] | None:
    """The words that shut down, switch off or retire the product by its whole name."""
    for term in with_short_forms(terms):
        name = r"[\s_-]+".join(re.escape(w) for w in term.split())  # (the terms came with hyphens as spaces)
        # ("its 2G cellular network coverage on December 31, 2016": the name's coverage is the name's)
        if (m := re.search(_SHUT_VERB + name + r"(?:e?s)?(?:\s+coverage)?(?![\w-])", s, re.I)) is not None:
            return m
        if (m := re.search(rf"(?<![\w-]){name}{_STOPS_AFTER_NAME}", s, re.I)) is not None:
            return m
    return None


# a heading's stop noun and its date after it: "Shutdown (2025-11-30)", "Sunset - May 1, 2024", "EOL in April 2024"; a
# discontinuation only of a service or features (a device's is often the end of its sale)
_HEADING_STOP = re.compile(
    r"(?:\b(?:shut-?down|sunset|retirement|decommissioning|switch-?off|closure|end[\s-]of[\s-](?:life|service|support)|"
    r"eol|eos)|\b(?:features?|services?|apps?|cloud|platform|api)\s+discontinuation)"
    r"\s*(?:\(\s*|[-–—:]\s*|(?:on|in)\s+)(?P<date>[^()]{4,30}?)\s*\)?\s*$",
    re.I,
)


def _heading_stop(s: str, terms: tuple[str, ...]) -> DatePart | None:
    """The date a short heading gives the product's stop ("Acme Hub Shutdown (2025-11-30)"): the
    heading names the product before the stop, and the date is all that follows it."""
    if len(s) > HEADING_CHARS + 20 or (m := _HEADING_STOP.search(s)) is None:
        return None
    if not names_product(terms, s[: m.start()], brand_needed=False):
        return None
    return _date_spanning(s, m.span("date"))


# a platform in a list marked as left, with its date: "Wii U (discontinued in January 2017)"
_LEFT_MARK = (
    r"\s*\(\s*(?:discontinued|removed|dropped|retired|withdrawn|ended|shut\s+down|no\s+longer\s+(?:supported|available)|"
    r"unsupported)\s+(?:(?:in|on|since|from|as\s+of)\s+)?(?P<date>[^()]{4,30}?)\s*\)"
)


def _left_platforms(terms: tuple[str, ...], full: str) -> list[re.Pattern[str]]:
    """For a product that is a thing on a platform ("BBC iPlayer on Wii U") named on the page, the
    platform marked as left in a list ("Wii U (discontinued in January 2017)"); read once per page."""
    out = []
    for term in terms:
        on = ON_PLATFORM.match(plain_words(term))
        if on is not None and names_product((on.group("app"),), full, short_forms=False):
            platform = r"[\s_-]+".join(re.escape(w) for w in on.group("platform").split())
            out.append(re.compile(rf"(?<![\w-]){platform}{_LEFT_MARK}", re.I))
    return out


def _platform_dropped(s: str, left_marks: list[re.Pattern[str]]) -> DatePart | None:
    """The date a list of platforms in the sentence marks the product's platform as left."""
    for mark in left_marks:
        if (m := mark.search(s)) is not None and (found := _date_spanning(s, m.span("date"))) is not None:
            return found
    return None


def _date_spanning(s: str, span: tuple[int, int]) -> DatePart | None:
    """The date that is all of s[span] (a bracket or a heading's tail that holds a date and nothing more)."""
    return next((dp for dp in dates_in(s) if dp[0].span() == span), None)


_RIGHT_AFTER = re.compile(r"\s*(?:(?:on|in|at|from|as\s+of|effective|by|by\s+the\s+end\s+of)\s+)?", re.I)


_AS_FOR = re.compile(r"^\W{0,3}(?:as\s+for|as\s+to|regarding|when\s+it\s+comes\s+to)\s+(?P<what>[^,]{1,60}),", re.I)


def _turns_to_another(s: str, terms: tuple[str, ...]) -> bool:
    """ "As for YouTube, it will no longer be supported …": the sentence turns to a thing it names
    that is not the product."""
    m = _AS_FOR.match(s)
    return m is not None and not names_product(terms, m.group("what"), brand_needed=False)


def _covers(phrase: str, terms: tuple[str, ...]) -> bool:
    """Every word of the product's name is in the phrase, in any order and number ("the eShops for
    both Nintendo Wii U and Nintendo 3DS" covers "Nintendo Wii U eShop"): the product is among
    the things the phrase names."""
    said = {w.removesuffix("s") for w in plain_words(phrase).split()}
    return any(
        len(words := plain_words(t).split()) >= 2 and all(w.removesuffix("s") in said for w in words) for t in terms
    )


# words that set one clause against another: "…, whereas …", "…, while …", "…; …"
_CONTRAST = re.compile(r",\s*(?:whereas|while|but)\b|\s(?:whereas|meanwhile)\b|;\s")


def _contrasted_clauses(s: str) -> list[str]:
    """The sentence cut where one clause is set against another, each piece keeping its place
    (the pieces, joined, are the sentence)."""
    cuts = [m.start() for m in _CONTRAST.finditer(s)]
    bounds = [0, *cuts, len(s)]
    return [s[a:b] for a, b in zip(bounds, bounds[1:], strict=False)]


def _clause_at(clauses: list[str], at: int) -> int:
    for k, c in enumerate(clauses):
        if at < len(c):
            return k
        at -= len(c)
    return len(clauses) - 1


def _product_date(
    s: str, ends: list[tuple[DatePart, DateRole]], terms: tuple[str, ...]
) -> tuple[DatePart, DateRole] | None:
    """Of several ends in one sentence, the product's: the one its name stands right before
    ("for the Acme Cam 2 until 31 March 2030, and for the Acme Cam 3 until 30 June 2031"), or
    the one in the same place of a "respectively" list ("The Cam 2 and Cam 3 … until 31 March
    2030 and 30 June 2031 respectively")."""
    before = []
    for dp, r in ends:
        lead = s[max(0, dp[0].start() - 80) : dp[0].start()]
        bridge = _BRIDGE.search(lead)
        last = joined_codes(plain_words(lead[: bridge.start()])) if bridge else ""
        if any(re.search(rf"(?<![\w+]){re.escape(joined_codes(plain_words(t)))}(?:e?s)?$", last) for t in terms):
            before.append((dp, r))
    if len(before) == 1:
        return before[0]
    # "from September 2019 until September 2020 for the Nokia 3, and from October 2019 until October
    # 2020 for the Nokia 5, Nokia 6 and Nokia 8": the date followed by "for" and the product's name
    named_after = []
    for n, (dp, r) in enumerate(ends):
        stop = ends[n + 1][0][0].start() if n + 1 < len(ends) else len(s)
        tail = s[dp[0].end() : stop]
        tail = re.split(r",\s*(?:and\s+)?(?:from|until|till|through|in|on|by)\b|;", tail)[0]
        if re.match(r"\W*for\b", tail) and names_product(terms, tail, brand_needed=False):
            named_after.append((dp, r))
    if len(named_after) == 1:
        return named_after[0]
    # "on November 1, 2026, for consumer Windows editions … and on November 1, 2027, for commercial
    # Windows editions": the date followed by the product's own qualifier (its name's brackets)
    qualifiers = [q for t in terms for q in re.findall(r"\(([^()]+)\)", t)]
    if qualifiers:
        after = []
        for n, (dp, r) in enumerate(ends):
            stop = ends[n + 1][0][0].start() if n + 1 < len(ends) else len(s)
            tail = s[dp[0].end() : stop]
            if re.match(r"\W*for\b", tail) and any(plain_words(q) in plain_words(tail) for q in qualifiers):
                after.append((dp, r))
        if len(after) == 1:
            return after[0]
    resp = _RESPECTIVELY.search(s, ends[-1][0][0].end())
    # "… until September 2017 and September 2018 for OS and security promotions, respectively":
    # the list after the dates is what they follow, not the products before them
    if resp is not None and not re.search(r"[^\W\d_]", s[ends[-1][0][0].end() : resp.start()]):
        # the run of dates the word closes ("until October 2025 and October 2026, respectively"), and
        # the list of products before it, up to the clause that gives the dates (", which are set to …")
        first = len(ends) - 1
        while first > 0 and re.fullmatch(_LIST_GLUE, s[ends[first - 1][0][0].end() : ends[first][0][0].start()]):
            first -= 1
        run = ends[first:]
        head = s[ends[first - 1][0][0].end() if first else 0 : run[0][0][0].start()]
        head = re.split(r",?\s+(?:which|that|who)\b|\s(?:are|is|will|were|get|gets|receive|receives)\b", head)[0]
        items = [x for x in re.split(r",\s*(?:and\s+)?|\s+and\s+", head) if x.strip()]
        mine = [k for k, item in enumerate(items) if names_product(terms, item, brand_needed=False)]
        if len(items) == len(run) and len(mine) == 1:
            return run[mine[0]]
    # "… like the Chromebook Duet have AUE dates of June 2028 — models … like the Lenovo Chromebook C330
    # launched with AUE dates of 2022 (dates that have since been pushed to June 2025)": the one end
    # whose stretch since the end before it names the product (a "respectively" list pairs them otherwise)
    if _RESPECTIVELY.search(s):
        return None
    since = [
        (dp, r)
        for n, (dp, r) in enumerate(ends)
        if names_product(terms, s[ends[n - 1][0][0].end() if n else 0 : dp[0].start()], brand_needed=False)
    ]
    return since[0] if len(since) == 1 else None


_SECURITY_LEAD = re.compile(r"secur|patch", re.I)
_LIST_GLUE = r"\s*(?:,\s*)?(?:and\s+)?"  # between two items of a list: ", ", " and ", ", and "


# the words between a product's name and its end date: "Acme Cam 2 until", "Cam 2: until at least"
_BRIDGE = re.compile(
    r"\W*(?:(?:is|are)\s+(?:supported\s+)?)?(?:until|till|through|to|:|-|–)\s*(?:at\s+least\s+)?(?:the\s+)?$", re.I
)


def _withheld(s: str) -> str | None:
    """A sentence with no date that withholds updates ("… will not be provided with further
    firmware upgrades"): parsed here, read by `support_tree.withheld_updates`."""
    if not (TOPIC.search(s) and _NEGATION.search(s)) or len(s) > _PART_CHARS:
        return None
    return withheld_updates(language.parse([s])[0])


_NEGATION = re.compile(r"\b(?:not|no|never)\b|n't", re.I)


def _event_stop(s: str) -> str | None:
    """A sentence with no date that stops updates once an event happens ("Once Ecobee cuts off
    cloud support …, the devices … won't receive any more firmware updates"): parsed here, read
    by `support_tree.stop_after_event`."""
    if not (TOPIC.search(s) and _EVENT_MARK.search(s)) or len(s) > _PART_CHARS:
        return None
    return stop_after_event(language.parse([s])[0])


_EVENT_MARK = re.compile(r"\b(?:once|when|after|whenever)\b", re.I)


_ANAPHOR = re.compile(
    r"\b(?:(?:that|this|the\s+same)\s+(?:date|day)|(?:on|from|after)\s+then|(?:after|from|at)\s+(?:that|this)\s+time|"
    r"^\W*(?:afterwards?|thereafter|at\s+which\s+(?:point|time))\b)",
    re.I,
)


def _date_anaphor(s: str) -> str | None:
    """ "Once that date hits, the speakers will stop receiving updates": a stop at a date named before."""
    m = _ANAPHOR.search(s)
    if m and (TOPIC.search(s) or SERVICE_WORD.search(s)) and (re.search(_STOP, s, re.I) or _withheld(s)):
        # "After this date, AWS IoT Greengrass V1 won't release updates that provide … security patches"
        return m.group(0)
    return None


def _names_other_model(s: str, terms: tuple[str, ...]) -> bool:
    """The sentence names a model of the same line other than the product ("Pixel 7" on a
    page read for "Pixel 8"): the product's first word, then within three words a model number."""
    for term in terms:
        words = term.split()
        if not words or not words[0].isalpha():
            continue
        for m in re.finditer(rf"\b{re.escape(words[0])}\b((?:[\s-]+[\w+]+){{1,3}})", s, re.I):
            run = [words[0]]
            for w in re.split(r"[\s-]+", m.group(1).strip()):
                run.append(w.lower())
                if any(ch.isdigit() for ch in w):
                    break
            else:
                continue
            candidate = " ".join(run)
            if candidate not in term and not term.startswith(candidate):
                return True
    return _names_other_release(s, terms)


_RELEASE_NUMBER = re.compile(r"\b\d+(?:\.\d+)+\b")
# a release named in a sentence: "support continues in 1.5", "for version 2.4", "v3.1"
_RELEASE_NAMED = re.compile(r"\b(?:in|for|on|version|release|v)\s*(?P<n>\d+(?:\.\d+)+)\b", re.I)


def _names_other_release(s: str, terms: tuple[str, ...]) -> bool:
    """A product named by its release number ("1.6.0 LTS") and a sentence about another release
    ("support continues in 1.5 through August 2026")."""
    ours = [m.group(0) for term in terms for m in _RELEASE_NUMBER.finditer(term)]
    if not ours:
        return False
    for m in _RELEASE_NAMED.finditer(s):
        n = m.group("n")
        if not any(r == n or r.startswith(n + ".") or n.startswith(r + ".") for r in ours):
            return True
    return False


def _add(items: list[str], item: str) -> None:
    if item not in items and len(items) < 10:
        items.append(item)


# the product losing its use, with no date of its own: "won't function", "have lost … connectivity"
_LOST_USE = re.compile(
    r"\b(?:won['’]t|will\s+not|will\s+no\s+longer|(?:can|could)(?:no|['’])?t|no\s+longer)\s+"
    r"(?:be\s+able\s+to\s+)?(?:function|work|operate|connect)\w*"
    r"|\b(?:lose|loses|lost|losing)\s+(?:\w+\s+){0,3}(?:functionality|connectivity|connection|features)\b",
    re.I,
)
# what a product needs to work that a stop can cut off: "AT&T … will discontinue 3G service"
_CUT_OFF = re.compile(r"\b(?:networks?|services?|servers?|cloud|[2-5]G)\b", re.I)
_BACK_REFERENCE = re.compile(
    r"\b(?:any\s+such|such|these|those|the\s+affected)\b"
    # the stopped thing as the subject of the next sentence: "So it won't get any updates anymore"
    r"|^\W*(?:(?:so|thus|therefore|hence|as\s+a\s+result|this\s+means(?:\s+that)?),?\s+)?(?:it|they)\b",
    re.I,
)


def _dated_by_earlier(
    s: str, dates: list[DatePart], stops: list[DatePart], bounds: list[DatePart]
) -> tuple[DatePart, str] | None:
    """A sentence with no date of its own that ends support at a date the sentence before
    gave, and the words that tie the two."""
    if dates and (anaphor := _date_anaphor(s)):
        # "… would become dumb speakers on Feb. 18, 2026. Once that date hits, the speakers
        # will stop receiving updates": the stop takes effect at the date the sentence refers to
        return dates[-1], f"{anaphor} = {dates[-1][0].group(0)}"
    if stops and (event := _event_stop(s)):
        # "… will lose internet connectivity on July 31, 2024. Once Ecobee cuts off cloud support …,
        # the devices … won't receive any more firmware updates": the event is the stop dated before
        return stops[-1], f"{event}; at {stops[-1][0].group(0)}"
    if stops and (back := _BACK_REFERENCE.search(s)) and (withheld := _withheld(s)):
        # "… will cease to be recognized by the server beginning on November 1, 2024. Any such camera
        # will no longer receive updates": the things stopped then are denied updates from then
        return stops[-1], f"{back.group(0)!r} at {stops[-1][0].group(0)}; {withheld}"
    if bounds and (withheld := _withheld(s)):
        # "These cameras may continue to be operated after April 1, 2023 … . …, as they will not be
        # provided with further firmware upgrades": use goes on past the date, updates do not
        return bounds[-1], f"after {bounds[-1][0].group(0)}; {withheld}"
    if (
        len(dates) == 1
        and (retired := _RETIRED_AT.search(dates[0][0].string)) is not None
        and (withheld := _withheld(s))
    ):
        # "As of November 18th, 2022, this repository is deprecated. … we will no longer provide
        # updates": what the one dated retirement before means
        return dates[0], f"{retired.group(0)!r} at {dates[0][0].group(0)}; {withheld}"
    return None


_RETIRED_AT = re.compile(
    r"\b(?:is|are|was|were|has\s+been|have\s+been)\s+(?:now\s+)?(?:deprecated|archived|discontinued)\b", re.I
)
