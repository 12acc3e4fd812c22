"""Year-less dates placed in time by the page's own dates.

Notices quoted in news pages and issue threads say "on October 14" or "in September" and leave the
year to the page: "will be discontinued on October 14" in a post dated 2020-09-17 means 14 October
2020, and "stopped offering support in September" in an article of 26 April 2019 means September
2018. The page's dates are its datelines (a line that is a date, "Posted on 3 May 2021", a thread
post's "name · comment · 2020-09-17") and the published date in its markup. A year-less date takes
the year that puts it after the nearest dateline before it when its clause speaks of the future,
before it when the clause speaks of the past, and nearest to it otherwise. A month "that year" takes
the year of the date its sentence names before it. A page with no date of its own lends a year
through a full date, or a month with its year, before it in its sentence ("announced on July 28,
2025, … by August 31"), or through the same month written with one ("from June 2024 … on 19 June"),
or through its other dates when they all lie within a year (a refund window "between December 1,
2018 and March 1, 2019" places "after May 31"). Relative times are placed by the same dates: "the
end of the year", "next year", "next month" (unless their sentence names a year of its own), and a
span "in six months" counted from the page's date. The text comes back with each date written in, so
every later rule reads an ordinary date, and with a note of each placement and its reason.
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from psti.evidence.web.dates import DATE, DAY, YEAR, DatePart, count, later, parse_date
from psti.evidence.web.this_year_abroad import dated_this_year
from psti.evidence.web.yearless_abroad import foreign_datelines, yearless_days

_MONTH_NAMES = [calendar.month_name[i] for i in range(1, 13)]
_MONTH_BY_NAME = {name: i for i, name in enumerate(_MONTH_NAMES, 1)}
_MONTH_BY_NAME.update({calendar.month_abbr[i]: i for i in range(1, 13)})
_MONTH_BY_NAME["Sept"] = 9
# capitalised only: "may" and "march" in lower case are a verb
_MON = r"(?:" + "|".join(sorted(_MONTH_BY_NAME, key=len, reverse=True)) + r")\b\.?"
# not already followed by a year (or a day), nor by a year the page's date places ("October of next year")
_NO_YEAR = (
    r"(?![ \t]*[.,]?[ \t]*(?:\d|'\d\d))(?![ \t]+(?:of[ \t]+)?(?:the[ \t]+)?(?:next|this|last|following)[ \t]+year)"
    r"(?![ \t]+of[ \t]+(?:19|20)\d\d)"  # ("May of 2020" has its year)
)
_PREPOSITION = r"(?i:in|by|until|till|through|thru|from|since|before|after|during|of)"
_PART_OF_MONTH = r"(?:early|mid|late)(?:-|[ \t]+)"  # "in early April"
YEARLESS = re.compile(
    rf"(?<![\w.])(?P<dm>{DAY}[ \t]+(?:of[ \t]+)?(?P<dm_mon>{_MON})){_NO_YEAR}"
    rf"|(?<!\d\d\d\d, )\b(?P<md>(?P<md_mon>{_MON})[ \t]+{DAY}\b){_NO_YEAR}"  # (not "2017, June 18th": its year before)
    # (not "last year in November", which RELATIVE places)
    rf"|(?<!\byear[ \t])\b{_PREPOSITION}[ \t]+"
    rf"(?i:the[ \t]+(?:end|start|beginning|middle)[ \t]+of[ \t]+|{_PART_OF_MONTH})?(?P<m>{_MON}){_NO_YEAR}"
)
_DAY_GROUPS = ("iso", "ymond", "dmy", "mdy", "ymdn", "slash", "slash2", "yslash", "dot", "dash")
# a line led by the page's date under a label ("date 2022-02-25 3G sunset brings …", "Posted: 3 May 2021 …");
# not a table row under a "Date" column ("Date: June 30, 2020 | Milestone: End of customer support")
DATELINE_LEAD = re.compile(
    r"^\s*(?:date|dated|posted|published|updated|last\s+updated|created)\s*:?\s*(?:on\s+)?"
    rf"(?:{DATE.pattern})[\s,.;:|·–-]*",
    re.I,
)
# a thread post's byline, "jrhaberland · description · 2026-09-15": the post's date whatever the
# name says ("Shutgun")
POST_BYLINE = re.compile(rf"^[^·.!?]{{1,40}}(?:·[^·.!?]{{1,40}}){{1,3}}·\s*(?:{DATE.pattern})\s*$", re.I)
# … and one run into the end of the post before it ("It also does not support Tapo devices ... kskenyon · comment ·
# 2022-12-16"), its name one word
POST_BYLINE_TAIL = re.compile(
    rf"\s+(?:(?:\.\.\.|…)\s+)?[^\s·.!?]{{1,40}}\s+·(?:[^·.!?]{{1,40}}·){{1,3}}\s*(?:{DATE.pattern})\s*$", re.I
)
# words that make a dated line an event rather than the page's date: "Support ends 3 May 2026"
_EVENT_WORDS = re.compile(
    r"\b(?:until|till|thru|through|ends?|ending|ended|support\w*|eol|discontinu\w*|retire\w*|expir\w*|"
    r"sunset\w*|shut\w*|launch\w*|due|deadline|from|after|before|since|updates|released?|available|"
    r"warranty|valid|start\w*|no\s+longer)\b",
    re.I,
)
_FUTURE = re.compile(
    r"\b(?:will|would|shall|going\s+to|set\s+to|plans?|planned|scheduled|expected|upcoming|coming|next|"
    r"until|till|through|starting|beginning|effective|as\s+of|ends|stops|expires|closes|ceases|shuts)\b|'ll\b",
    re.I,
)
_PAST = re.compile(
    r"\b(?:was|were|had|has\s+been|have\s+been|did|stopped|ended|ceased|discontinued|retired|killed|"
    r"pulled|ago|already|last)\b",
    re.I,
)
_PERFECT = re.compile(r"\b(?:has|have|had)\s+(?:\w+\s+)?(?:seen|been|gone|\w+ed)\b", re.I)
# the words that alone make a clause speak of the future
_WILL = re.compile(
    r"\b(?:will|shall|going\s+to|set\s+to|plans?|planned|scheduled|expected|upcoming|coming|next)\b|'ll\b", re.I
)
_CLAUSE_BREAK = re.compile(r"[,;:.!?]\s|\s(?:but|and|while|whereas)\s", re.I)


@dataclass(frozen=True)
class PlacedDate:
    written: str  # the words as the page has them
    reading: str  # what psti reads them as: "2020", "October 2020"
    reason: str

    def note(self) -> str:
        return f"{self.written!r} is read as {self.reading} ({self.reason})"


def published_date(value: str) -> dt.date | None:
    """A markup date ("2020-09-17T08:00:00Z", "2020-09-17") as a day, if it is one."""
    m = re.match(rf"\s*({YEAR}-[01]\d-[0-3]\d)", value)
    if m is None:
        return None
    try:
        return dt.date.fromisoformat(m.group(1))
    except ValueError:
        return None


def datelines(text: str) -> list[tuple[int, dt.date]]:
    """Lines that give the page's (or a post's) date: a short line whose one full date is not an event."""
    out: list[tuple[int, dt.date]] = []
    offset = 0
    for line in text.split("\n"):
        start, offset = offset, offset + len(line) + 1
        if POST_BYLINE.match(line) and len(found := [m for m in DATE.finditer(line) if m.lastgroup != "y"]) == 1:
            if found[0].lastgroup in _DAY_GROUPS and (parsed := parse_date(found[0].group(0), found[0].lastgroup)):
                out.append((start, parsed[0]))
            continue
        if "|" not in line and (lead := DATELINE_LEAD.match(line)) is not None and lead.lastgroup in _DAY_GROUPS:
            parsed = parse_date(lead.group(lead.lastgroup), lead.lastgroup)
            if parsed is not None:
                out.append((start, parsed[0]))
            continue
        if len(line) > 100 or "|" in line:
            continue
        found = [m for m in DATE.finditer(line) if m.lastgroup != "y"]
        if len(found) != 1 or found[0].lastgroup not in _DAY_GROUPS:
            continue
        m = found[0]
        rest = line[: m.start()] + " " + line[m.end() :]
        if len(re.findall(r"[A-Za-z]+", rest)) > 8 or _EVENT_WORDS.search(rest):
            continue
        parsed = parse_date(m.group(0), m.lastgroup or "")
        if parsed is not None:
            out.append((start, parsed[0]))
    if not out and (opening := _leading_date(text)) is not None:
        out.append((0, opening))
    return out


def _leading_date(text: str) -> dt.date | None:
    """A page that opens with a full date and goes on with words that date no event ("April 26,
    2019 Kids smartwatches don't have …"): a dateline whose line break was lost."""
    m = DATE.match(text.lstrip())
    if m is None or m.lastgroup not in _DAY_GROUPS:
        return None
    rest = text.lstrip()[m.end() :]
    sentence = re.split(r"(?<=[.!?])\s", rest, maxsplit=1)[0]
    if _EVENT_WORDS.search(sentence) or re.match(r"\W*(?:is|was|will|marks?|sees?)\b", sentence, re.I):
        return None
    parsed = parse_date(m.group(0), m.lastgroup or "")
    return parsed[0] if parsed else None


def place_yearless(text: str, published: dt.date | None = None) -> tuple[str, list[PlacedDate]]:
    """The text with a year written into each year-less date the page's dates can place."""
    anchors = datelines(text)
    # the years the page writes beside each month, and the middle of its dates: read once, when the first
    # year-less date needs them
    page: tuple[dict[int, set[int]], dt.date | None] | None = None
    placements: list[tuple[re.Match[str], PlacedDate]] = []
    for m in YEARLESS.finditer(text):
        month = _MONTH_BY_NAME[(m.group("dm_mon") or m.group("md_mon") or m.group("m")).rstrip(".")]
        day = _day(m)
        anchor = _anchor(anchors, m.start(), published)
        if _THAT_YEAR.match(text, m.end()) and (earlier := _year_before(text, m.start())) is not None:
            # "updates until August 2023, while the 4a 5G is safe until November that year"
            year, reason = earlier, f"'that year' is {earlier}, the year its sentence names before it"
        elif (own := _sentence_year(text, m.start(), m.end())) is not None:
            # "2023 is the last year the Pixel 4a will be updated, as support ends in August"
            year, reason = own, f"its sentence gives {own}"
        elif anchor is not None:
            tense = _tense(text, m.start())
            year = _year_from_anchor(anchor, month, day, tense)
            reason = f"{tense} tense, the page is dated {anchor.isoformat()}"
        elif (near := _sentence_anchor(text, m.start(), m.end())) is not None:
            # a page with no date of its own: "The deal, announced on July 28, 2025, … devices will
            # cease functioning by August 31"
            tense = _tense(text, m.start())
            year = _year_from_anchor(near, month, day, tense)
            reason = f"{tense} tense, its sentence gives {near.isoformat()} before it"
        else:
            if page is None:
                dated = _parsed_dates(text)
                page = (_years_by_month(dated), _middle_of_dates(dated))
            month_years, middle = page
            years = month_years.get(month, set())
            if len(years) == 1:
                year = next(iter(years))
                reason = f"the page gives {calendar.month_name[month]} with {year}"
            elif not years and middle is not None:
                # "discontinuing the Band apps and services after May 31 … synced between December 1,
                # 2018 and March 1, 2019": a news page's dates lie within a year of its writing
                year = _year_from_anchor(middle, month, day, "nearest")
                reason = f"the page's dates all lie within a year of {middle.isoformat()}"
            else:
                continue  # several years for the month, or dates too far apart to choose
        placements.append((m, PlacedDate(" ".join(m.group(0).rstrip(".").split()), str(year), reason)))
    edits = []
    for m, placed in placements:
        at = m.end() - m.group(0).endswith(".")  # before a full stop, which may end the sentence
        # "October 14,at which point": the comma's missing space too
        gap = 1 if re.match(r",[^\W\d_]", text[at : at + 2]) else 0
        written = (", " if m.group("md") else " ") + placed.reading + (", " if gap else "")
        edits.append((at, at + gap, written))
    text, anchors = _rewritten(text, edits, anchors)
    text, spans, anchors = _place_spans(text, published, anchors)
    text, relative = _place_relative(text, published, anchors)
    text, anchors, abroad = _place_this_year_abroad(text, published, anchors)
    text, yearless = _place_yearless_abroad(text, published, anchors)
    return text, [p for _, p in placements] + spans + relative + abroad + yearless


def _anchor_abroad(
    text: str, published: dt.date | None, anchors: list[tuple[int, dt.date]]
) -> Callable[[int], dt.date | None]:
    """The page's date for a foreign date at an offset: a dateline's day, the middle of the month a
    dateline gives alone ("date 2019-01"), or a dateline in the page's language ("Publié le 3 novembre 2024")."""
    month_lines: list[tuple[int, dt.date]] | None = None

    def anchor_at(at: int) -> dt.date | None:
        nonlocal month_lines
        if (anchor := _anchor(anchors, at, published)) is not None:
            return anchor
        if month_lines is None:
            month_lines = sorted(_month_datelines(text) + foreign_datelines(text))
        before = [when for start, when in month_lines if start <= at]
        return before[-1] if before else None

    return anchor_at


def _place_this_year_abroad(
    text: str, published: dt.date | None, anchors: list[tuple[int, dt.date]]
) -> tuple[str, list[tuple[int, dt.date]], list[PlacedDate]]:
    """ "den 10. desember i år": a foreign day or month of "this year", the page's year written in."""
    anchor_at = _anchor_abroad(text, published, anchors)
    found = dated_this_year(text, lambda at: anchor.year if (anchor := anchor_at(at)) is not None else None)
    placed = [PlacedDate(f.written, f.reading, f"'this year' is {f.year}, the page's year") for f in found]
    text, anchors = _rewritten(text, [(f.start, f.end, f.reading) for f in found], anchors)
    return text, anchors, placed


def _place_yearless_abroad(
    text: str, published: dt.date | None, anchors: list[tuple[int, dt.date]]
) -> tuple[str, list[PlacedDate]]:
    """ "od 27. září": a foreign day with no year, the year that sets it nearest the page's date written in
    (or the one year its sentence gives)."""
    anchor_at = _anchor_abroad(text, published, anchors)
    found = yearless_days(text, anchor_at)
    edits, placed = [], []
    for f in found:
        own = _sentence_year(text, f.start, f.end)
        year, reason = (
            (own, f"its sentence gives {own}") if own is not None else (f.year, "the year nearest the page's date")
        )
        edits.append((f.end, f.end, f" {year}"))
        placed.append(PlacedDate(f.written, f"{f.written} {year}", reason))
    text, _ = _rewritten(text, edits, anchors)
    return text, placed


def _month_datelines(text: str) -> list[tuple[int, dt.date]]:
    """Datelines that give only a month ("date 2019-01"): where each stands, and the middle of its month."""
    out, offset = [], 0
    for line in text.split("\n"):
        lead = DATELINE_LEAD.match(line)
        group = lead.lastgroup if lead is not None else None
        if lead is not None and group in ("ym", "my", "ymn") and (parsed := parse_date(lead.group(group), group)):
            out.append((offset, parsed[0].replace(day=15)))
        offset += len(line) + 1
    return out


# "the end of the year", "next year", "end of this month": a time the page's date fixes
RELATIVE = re.compile(
    rf"\b(?P<month>{_MON})\s+(?:of\s+)?(?:the\s+)?(?P<which3>next|this|last|following)\s+year\b|"
    rf"\b(?P<which4>this|next|last|coming)\s+(?P<month4>{_MON})(?![ \t]*[.,]?[ \t]*\d)|"
    rf"\b(?P<which5>next|this|last|following)\s+year\s+(?P<lead5>in|by|until|till|from)\s+(?P<month5>{_MON})"
    r"(?![ \t]*[.,]?[ \t]*\d)|"
    r"\b(?P<end>end\s+of\s+)(?P<which>the|this|next)\s+(?P<unit>year|month)\b"
    r"|(?<!\bthe\s)(?<!\ba\s)(?<!\bone\s)(?<!\bfor\s)(?P<lead>\b(?:by|until|till|in|from|through|before|after|"
    r"during)\s+)?\b(?P<which2>next|this)\s+(?P<unit2>year|month)\b",
    re.I,
)


# "support will end in six months": a span from the page's date
IN_SPAN = re.compile(
    r"\bin\s+(?P<n>\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|eighteen)"
    r"\s+(?P<unit>weeks?|months?|years?)\b(?!['’]|\s+(?:time|of|from|after|before|since))",
    re.I,
)


_MONTH_GROUPS = ("month", "month4", "month5")


def _place_relative(
    text: str, published: dt.date | None, anchors: list[tuple[int, dt.date]]
) -> tuple[str, list[PlacedDate]]:
    placements: list[tuple[re.Match[str], PlacedDate, str]] = []
    for m in RELATIVE.finditer(text):
        if any((name := m.group(g)) and name.rstrip(".") != name.rstrip(".").capitalize() for g in _MONTH_GROUPS):
            # "This may lead to …", "THIS MAY LEAD TO …": a month's name not written as one is a word
            continue
        anchor = _anchor(anchors, m.start(), published)
        if anchor is None or (
            not any(m.group(g) for g in _MONTH_GROUPS) and _sentence_has_year(text, m.start(), m.end())
        ):
            continue  # no date of the page, or the sentence names its own year ("in 2019 … by the end of the year")
        why = f"the page is dated {anchor.isoformat()}"
        if m.group("month4"):  # "until this October", "next March": the month's next (or last) time
            month = _MONTH_BY_NAME[m.group("month4").rstrip(".")]
            which = m.group("which4").lower()
            year = anchor.year + (month < anchor.month if which in ("next", "coming") else 0)
            year -= which == "last" and month >= anchor.month
            reading = f"{calendar.month_name[month]} {year}"
            stop = "." if m.group(0).endswith(".") else ""  # (the month's pattern takes a full stop with it)
            placements.append((m, PlacedDate(" ".join(m.group(0).rstrip(".").split()), reading, why), reading + stop))
            continue
        if m.group("month5"):  # "last year in November": that month of the year before the page's
            year = anchor.year + {"next": 1, "following": 1, "last": -1}.get(m.group("which5").lower(), 0)
            reading = f"{m.group('month5').rstrip('.')} {year}"
            placements.append(
                (m, PlacedDate(" ".join(m.group(0).split()), reading, why), f"{m.group('lead5')} {reading}")
            )
            continue
        which = (m.group("which") or m.group("which2") or m.group("which3")).lower()
        unit = (m.group("unit") or m.group("unit2") or "year").lower()
        ahead = {"next": 1, "following": 1, "last": -1}.get(which, 0)
        if m.group("month"):  # "October of next year"
            reading = f"{m.group('month').rstrip('.')} {anchor.year + ahead}"
            placements.append((m, PlacedDate(" ".join(m.group(0).split()), reading, why), reading))
            continue
        if unit == "year":
            reading = str(anchor.year + ahead)
        else:
            month = anchor.month + ahead
            year = anchor.year + (month - 1) // 12
            reading = f"{calendar.month_name[(month - 1) % 12 + 1]} {year}"
        if m.group("end"):
            words = f"{m.group('end')}{reading}"
        elif m.group("lead"):
            words = f"{m.group('lead')}{reading}"
        elif re.search(r"\b(?:early|mid|late)[ \t-]*$", text[max(0, m.start() - 8) : m.start()], re.I):
            words = reading  # "early next year" is "early 2025", a part of the year, not the year as a whole
        else:
            words = f"in {reading}"
        placements.append((m, PlacedDate(" ".join(m.group(0).split()), reading, why), words))
    text, _ = _rewritten(text, [(m.start(), m.end(), words) for m, _p, words in placements], anchors)
    return text, [p for _, p, _w in placements]


def _rewritten(
    text: str, edits: list[tuple[int, int, str]], anchors: list[tuple[int, dt.date]]
) -> tuple[str, list[tuple[int, dt.date]]]:
    """The text with each (start, end) span, in order and not overlapping, replaced, and the
    datelines moved with it (found once, on the page as written, rather than again per pass)."""
    pieces, last = [], 0
    moved, shift, n = [], 0, 0
    for start, end, words in edits:
        while n < len(anchors) and anchors[n][0] < end:
            moved.append((anchors[n][0] + shift, anchors[n][1]))
            n += 1
        pieces += [text[last:start], words]
        shift += len(words) - (end - start)
        last = end
    moved += [(at + shift, day) for at, day in anchors[n:]]
    return "".join(pieces) + text[last:], moved


def _place_spans(
    text: str, published: dt.date | None, anchors: list[tuple[int, dt.date]]
) -> tuple[str, list[PlacedDate], list[tuple[int, dt.date]]]:
    """ "in six months" counted from the date of the page (or post) it is written in."""
    placements: list[tuple[re.Match[str], PlacedDate]] = []
    for m in IN_SPAN.finditer(text):
        anchor = _anchor(anchors, m.start(), published)
        if anchor is None or _sentence_has_year(text, m.start(), m.end()):
            continue
        day = later(anchor, count(m.group("n")), m.group("unit"))
        why = f"counted from {anchor.isoformat()}, the page's date"
        placements.append((m, PlacedDate(" ".join(m.group(0).split()), day.strftime("%-d %B %Y"), why)))
    edits = [(m.start(), m.end(), ("On " if m.group(0)[:1].isupper() else "on ") + p.reading) for m, p in placements]
    text, anchors = _rewritten(text, edits, anchors)
    return text, [p for _, p in placements], anchors


def _sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Where the sentence that holds text[start:end] starts and ends."""
    # the line first, then the sentence within it: a search unbounded by the line is quadratic on a page
    # of many lines without a ". "
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    left = text.rfind(". ", line_start, start) + 1 or line_start
    # (a year-less date may take the full stop that ends its sentence: "will arrive in December.")
    right = text.find(". ", end - (text[end - 1 : end] == "."), line_end)
    return left, line_end if right < 0 else right


def _sentence_around(text: str, start: int, end: int) -> str:
    """The sentence that holds text[start:end]."""
    left, right = _sentence_bounds(text, start, end)
    return text[left:right]


def _sentence_has_year(text: str, start: int, end: int) -> bool:
    return DATE.search(_sentence_around(text, start, end)) is not None


# a year that says when something began, or which model ("the 2010 Play:5"), not when the month falls
# the verbs that date a product's making, launch or sale ("released in", "sold since")
_MADE_OR_SOLD = r"released|launched|introduced|unveiled|debuted|shipped|sold|since|bought|purchased|made|built"
_START_BEFORE_YEAR = re.compile(
    rf"\b(?:(?:{_MADE_OR_SOLD}|announced|from)\s+(?:in\s+)?|"
    # (an event named by its noun: "inoperable by December 9, following its discontinuation in 2022")
    r"(?:discontinuation|launch|release|introduction|debut|announcement)\s+in\s+|"
    r"(?:the|a|an|its|their|our|his|her|your)\s+)$",
    re.I,
)


def _sentence_year(text: str, start: int, end: int) -> int | None:
    """The one year a year-less month's sentence gives on its own ("2023 is the last year …"), when
    it is no release's year nor in brackets."""
    sentence = _sentence_around(text, start, end)
    found = list(DATE.finditer(sentence))
    if len(found) != 1 or found[0].lastgroup != "y":
        return None
    y = found[0]
    before = sentence[: y.start()]
    if _START_BEFORE_YEAR.search(before) or before.count("(") > before.count(")"):
        return None
    return int(y.group(0))


_THAT_YEAR = re.compile(r"[ \t]+(?:of[ \t]+)?(?:that|the[ \t]+same)[ \t]+year\b", re.I)


def _parsed_dates(text: str, start: int = 0, end: int | None = None) -> list[DatePart]:
    """The dates written in text[start:end] that read as dates, with what each is precise to."""
    return [
        (m, parsed[0], parsed[1])
        for m in DATE.finditer(text, start, len(text) if end is None else end)
        if (parsed := parse_date(m.group(0), m.lastgroup or "")) is not None
    ]


def _year_before(text: str, start: int) -> int | None:
    """The year of the last date its sentence writes before `start`."""
    left, _ = _sentence_bounds(text, start, start)
    found = _parsed_dates(text, left, start)
    return found[-1][1].year if found else None


# a month that dates a product's launch or sale, not the time a notice was given
_LAUNCH_BEFORE_MONTH = re.compile(rf"\b(?:{_MADE_OR_SOLD})\s+(?:in\s+)?$", re.I)


def _sentence_anchor(text: str, start: int, end: int) -> dt.date | None:
    """The one full date (a day with its year), or month with its year, that a year-less date's
    sentence gives before it ("came in April 2024 when Spotify announced it would discontinue support
    … on December 9th"); not a launch's or a sale's month."""
    left, right = _sentence_bounds(text, start, end)
    found = _parsed_dates(text, left, right)
    if len(found) != 1 or found[0][0].end() > start:
        return None
    m, when, precision = found[0]
    if precision == "day" or (precision == "month" and not _LAUNCH_BEFORE_MONTH.search(text[left : m.start()])):
        return when
    return None


def _day(m: re.Match[str]) -> int | None:
    digits = re.search(r"\d+", m.group("dm") or m.group("md") or "")
    return int(digits.group(0)) if digits else None


def _anchor(anchors: list[tuple[int, dt.date]], at: int, published: dt.date | None) -> dt.date | None:
    n = bisect.bisect_right(anchors, at, key=lambda a: a[0])  # (datelines are in page order)
    if n:
        return anchors[n - 1][1]
    return published or (anchors[0][1] if anchors else None)


def _tense(text: str, at: int) -> str:
    """Future, past or plain, from the clause that leads to the date."""
    line_start = text.rfind("\n", 0, at) + 1
    lead = text[max(line_start, at - 160) : at]
    breaks = list(_CLAUSE_BREAK.finditer(lead))
    clause = lead[breaks[-1].end() :] if breaks else lead
    future, past = _FUTURE.search(clause), _PAST.search(clause) or _PERFECT.search(clause)
    if future and past and not _WILL.search(clause):
        # "has seen the last of its servers shut down as of Thursday Nov. 10": a time word ("as of",
        # "until") beside a verb in the past says nothing of the future
        return "past"
    if future:
        return "future"
    if past:
        return "past"
    # a plain clause after one that sets the tense: "Google plans to abandon Onhubs, cut them off …, in December"
    sentence = lead[max((m.end() for m in re.finditer(r"[.!?]\s", lead)), default=0) :]
    if _FUTURE.search(sentence) and not _PAST.search(sentence):
        return "future"
    return "plain"


def _year_from_anchor(anchor: dt.date, month: int, day: int | None, tense: str) -> int:
    def first(year: int) -> dt.date:
        return dt.date(year, month, min(day or 1, calendar.monthrange(year, month)[1]))

    def last(year: int) -> dt.date:
        return dt.date(year, month, min(day or 31, calendar.monthrange(year, month)[1]))

    years = (anchor.year - 1, anchor.year, anchor.year + 1)
    if tense == "future":
        return next(y for y in years if last(y) >= anchor)
    if tense == "past":
        return next(y for y in reversed(years) if first(y) <= anchor)
    return min(years, key=lambda y: min(abs((first(y) - anchor).days), abs((last(y) - anchor).days)))


# bare years, and days whose order of day and month is a guess ("12/1/2018")
_UNPLACED_GROUPS = ("y", "slash", "slash2", "dash")


def _middle_of_dates(dated: list[DatePart]) -> dt.date | None:
    """The middle of the page's dated days and months when there are at least two and they all
    lie within a year (bare years are left out: they are mostly history, "discontinued in 2016")."""
    dates = sorted(day for m, day, _ in dated if m.lastgroup not in _UNPLACED_GROUPS)
    if len(dates) < 2 or (dates[-1] - dates[0]).days > 366:
        return None
    return dates[0] + (dates[-1] - dates[0]) / 2


def _years_by_month(dated: list[DatePart]) -> dict[int, set[int]]:
    """The years the page writes beside each month ("from June 2024")."""
    years: dict[int, set[int]] = {}
    for m, day, _ in dated:
        if m.lastgroup in ("dmy", "mdy", "ymdn", "my", "ymn"):
            years.setdefault(day.month, set()).add(day.year)
    return years
