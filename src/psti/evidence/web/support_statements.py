"""What a support page is read into: its statements and the analysis that chooses among them.

A `SupportStatement` is one thing the page says about the support period (an end date, a period
with or without its start, or a vague time) with the words it rests on and how it named the
product. `SupportPeriodAnalysis` holds a page's statements and what else the readers noted (the
product's sentences with no end, the dates given their year, the signs of a purchase) and decides
which statements are the product's and which end dates they come to. Every reader of the page
builds these, so they are kept apart from the readers.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Literal

from psti.evidence.web.dates import Precision
from psti.evidence.web.pagedate import PlacedDate

StatementKind = Literal["end-date", "period-with-start", "period-without-start", "vague"]
RANK: dict[str, int] = {"day": 0, "month": 1, "year": 2}
# a first stage of support that a longer one follows, and that longer one
_INTERIM_SUPPORT = re.compile(r"\b(?:regular|mainstream|standard|active|general|normal)\s+support\b", re.I)
_EXTENDED_SUPPORT = re.compile(
    r"\b(?:lts|long[-\s]term\s+support|extended\s+(?:security\s+)?support|security\s+support)\b", re.I
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


def end_at(
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
        """Statements that define this product's period: those naming the product if any do. A link's words
        count only when nothing else is dated ("* [Support für Windows 10 Mobile endete am 10. Dezember
        2019](/lifecycle/announcements/…)" under a release's own "endDate": the title of another page, about
        something else)."""
        dated = self.dated
        links_aside = any(not _in_link_title(s) for s in dated)
        if links_aside:
            dated = [s for s in dated if not _in_link_title(s)]
        if self.product_terms:
            own = [s for s in dated if s.mentions_product]
            if not own and (group := _group_dated(dated, self.stopped_undated)):
                # "… phase out support to older models starting in May of 2020. … will stop releasing
                # software updates to a group of its older models: …, the Play:5, …": the stop that
                # names the product is the one dated for the group it is in
                return group
            if (
                own
                or any(s.mentions_product and not (links_aside and _in_link_title(s)) for s in self.statements)
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
                    and any(_within(s, o) and RANK[s.precision] < RANK[o.precision] for o in own)
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
                if s.works_only and any(_within(s, o) and RANK[s.precision] < RANK[o.precision] for o in stated)
            ]
        if any(not s.former for s in chosen):  # "said it would keep support until …" was replaced
            chosen = [s for s in chosen if not s.former]
        if any(not s.aimed for s in chosen):  # "guaranteed until at least August 2024 … aims to … until 2026"
            chosen = [s for s in chosen if not s.aimed]
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
                and RANK[o.precision] < RANK[s.precision]
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


def add_note(items: list[str], item: str) -> None:
    if item not in items and len(items) < 10:
        items.append(item)
