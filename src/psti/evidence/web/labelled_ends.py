"""Ends given by labels and cells: table rows, labelled lines, lists run together, dated headings.

A row read under its header takes its end from the cell whose column names the end of support
(`labelled_row`); a row names the product by a cell, by cells that together spell its name, or
by a name glued to the next cell; lines of labels and dates run together, a timeline's dated
label, a table stored as one run of text ("iPhone 16 2029 iPhone 15 2028 …"), a short line that
only answers a question about the end, a heading that names the product's stop, and a list of
platforms that marks the product's as left. None of these need a parse: the label decides.
"""

from __future__ import annotations

import datetime as dt
import re

from psti.evidence.web.dates import DatePart, Precision, later, month_end
from psti.evidence.web.product_names import VARIANTS, names_product, plain_words
from psti.evidence.web.sentence_ends import DURATION, RANGE, VAGUE, begun_at, label_mark, length_and_unit
from psti.evidence.web.statement_dates import dates_in
from psti.evidence.web.support_statements import SupportStatement, end_at
from psti.evidence.web.support_tree import ON_PLATFORM, TOPIC
from psti.evidence.web.table_rows import END_LABEL, HEADING_CHARS, ROW_CHARS

START_LABEL = re.compile(
    r"releas|launch|introduc|available\s+from|first\s+(?:suppl|sold|available)|start|\bopen(?:ed|ing)?\b|"
    r"lançamento|lanzamiento|lancement|lancio|rilascio|Markteinführung|Veröffentlichung|Erscheinungs|lancering|"
    r"introductie|utgivning",
    re.I,
)
# (the support's end before a certification's: "Certification end date | Microsoft 'best effort' support end date")
_SUPPORT_END_LABEL = re.compile(
    r"end\s+of\s+(?:life|support|service|security|updates?)|\beol\b|\beos\b|security\s+updates?|last\s+date\s+of\s+support|"
    r"\bsupport\s+end",
    re.I,
)
_EXTENDED_LABEL = re.compile(r"\bextended", re.I)  # (also a data file's "extendedEnd")
# under a heading over devices whose support has ended ("DEVICES WE HAVE CEASED TO SUPPORT"), the column of
# the last release a device got ("Last Sailfish OS release") dates its end
_LAST_RELEASE_LABEL = re.compile(r"\b(?:last|final)\b.{0,40}?\b(?:release|update|version|firmware|build)\b", re.I)
_CELL = re.compile(r"^\s*(?P<label>[^:|]{1,80}?)\s*:\s*(?P<value>.+?)\s*$")


def glued_name(terms: tuple[str, ...], s: str) -> bool:
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


def name_label(row_names: set[str], s: str) -> str | None:
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


def sibling_row(s: str, label: str | None) -> bool:
    """A row of the same table as the one that named the product, naming another item in the same
    column ("Version: 3.5.x" below "Version: 3.6.x"), or a line labelled with another model ("A42 : EOL")."""
    if label is None:
        return False
    if label == "":
        return " | " not in s and (m := _CELL.match(s)) is not None and bool(re.search(r"\d", m.group("label")))
    return any(
        (m := _CELL.match(part)) is not None and plain_words(m.group("label")) == label for part in s.split(" | ")
    )


def row_named(row_names: set[str], s: str) -> bool:
    """A row ("Version: 22.03 | Current status: End of life | …") with a cell that is the name, or
    a line labelled with it ("A51 : EOL 2024-06-05")."""
    if name_label(row_names, s) is not None:
        return True
    # a cell with no label of its own
    return " | " in s and any(not _CELL.match(part) and plain_words(part) in row_names for part in s.split(" | "))


def named_by_cells(terms: tuple[str, ...], s: str) -> bool:
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


def without_successor(s: str) -> str:
    """A table row without the cells that name what replaces its item: a row is not about its successor."""
    if " | " not in s:
        return s
    cells = s.split(" | ")
    return " | ".join(c for c in cells if not ((m := _CELL.match(c)) and _SUCCESSOR_LABEL.search(m.group("label"))))


# the words of a label between a name and its date ("Updates Until:", "security support ends")
_ROW_LABEL = r"(?:updates?|until|till|through|support(?:ed)?|security|patch(?:es)?|eol|end(?:s|ed)?|of|life|guaranteed)"
_SENTENCE_STOP = re.compile(r"[.;!?]\s")
_RUN_ITEM_WORDS = 8  # the most words a name (and its label) takes between two dates of a list run together


def run_together_list(s: str) -> list[tuple[str, DatePart]] | None:
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


def listed_end(items: list[tuple[str, DatePart]], terms: tuple[str, ...]) -> tuple[DatePart, str] | None:
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


def answer_date(s: str, prev: str) -> DatePart | None:
    """A line that is only a date, under a question or label about the end in the two sentences
    before it ("When was the product discontinued? Provide a specific date."), not about a start."""
    dates = dates_in(s)
    lead = _ANSWER_LEAD.match(s[: dates[0][0].start()]) if len(dates) == 1 else None
    rest = ("" if lead else s[: dates[0][0].start()]) + s[dates[0][0].end() :] if len(dates) == 1 else ""
    # a source's link may follow, bare or in brackets ("October 13, 2022 (source: https://…)")
    if len(dates) != 1 or re.sub(r"[\W_]+", "", re.sub(r"https?://\S+", "", _SOURCE_NOTE.sub("", rest))):
        return None
    if not prev or len(prev) > 240 or START_LABEL.search(prev):
        return None
    if END_QUESTION.search(prev) and ("?" in prev or prev.rstrip().endswith(":")):
        return dates[0]  # (a headline over its dateline asks nothing: "Chromebooks Reach End of Life" / "Aug 5, 2023")
    # a label alone on the line over its value: "Security update period" then "31 December 2027"
    label = prev.split(". ")[-1].strip()
    return dates[0] if len(label) <= 60 and _PERIOD_LABEL.fullmatch(label) else None


# an answer's words before its date ("Until 31 December 2028.", "A: At least until June 2029", "Yes, until the end
# of 2027"), kept apart so that the line is still only a date
_ANSWER_LEAD = re.compile(
    r"^\s*(?:a\s*:\s*)?(?:(?:yes\b[,.]?\s*)?(?:at\s+least\s+)?(?:until|till|through|up\s+(?:to|until))\s+"
    r"(?:at\s+least\s+)?(?:the\s+end\s+of\s+)?)?$",
    re.I,
)
# a label whose value is the period's end: "Minimum security update period", "Defined support period"
_PERIOD_LABEL = re.compile(
    r"(?:(?:minimum|defined)\s+)?(?:security\s+update|support|update\s+support|security\s+support)\s+period(?:\s+ends?)?"
    r"|(?:guaranteed\s+)?security\s+updates\s+(?:until|till)|end\s+of\s+security\s+updates",
    re.I,
)


# (or a Markdown link named for its source: "June 30, 2011  , [reference](https://…)"; or a bare address led by
# the word that cites it: "2015-03-20 see https://…")
_SOURCE_NOTE = re.compile(
    r"\(\s*(?:source|via|see|from)\b[^)]*\)|\[\s*(?:reference|references|source|sources|link|ref)\s*\]\([^)]*\)|"
    r"\b(?:source|sources|via|see|from|ref|reference)\s*:?\s*(?=https?://)",
    re.I,
)
END_QUESTION = re.compile(
    r"discontinu|end(?:s|ed)?|end\s+of\s+(?:life|support|service)|eol|last\s+(?:security\s+)?update|"
    r"(?:support|updates?)\s+(?:until|end)|shut\s*down|retire|"
    r"how\s+long\b[^?]{0,80}\b(?:updat|support|patch)|until\s+when",
    re.I,
)


_END_LABELLED = re.compile(
    r"(?:\bend[\s_-]of[\s_-](?:[\w]+[\s_-]){0,2}?(?:life|support|service|updates?|patches|servicing)|\beol|\beos|"
    r"\bsupport[\s_-]end|\bsunset)(?:[\s_-]?date)?[\"']?\s*:\s*[\"']?$",  # (and a data file's "support_end": "…")
    re.I,
)


def labelled_end(s: str) -> DatePart | None:
    """In a run of labelled dates ("… until at least: October 2028 End of Support date: October
    2029"), the one date whose label names the end of support."""
    dates = dates_in(s)
    if len(dates) < 2:
        return None
    found = [(m, d, p) for m, d, p in dates if _END_LABELLED.search(s[max(0, m.start() - 60) : m.start()])]
    # (one end given twice, in words and in a data field: "Sunset date: 2025-12-15 … "sunsetDate":"2025-12-15")
    if found:
        return found[0] if all((d, p) == found[0][1:] for _m, d, p in found) else None
    return _end_of_labelled_run(s, dates)


# a label right before its date, after the line's start or the date before it: "Released: ", "end: "
_LABEL_OF_DATE = re.compile(r"(?:^|[\s(\[,;])(?P<label>[A-Za-z][\w .'’/-]{0,40}?)\s*:\s*[\"']?$")
# a page's own dates, labelled like an end's ("Last updated: 5 May 2024")
_PAGE_DATE_LABEL = re.compile(r"\b(?:updated|published|posted|modified|revised|reviewed|effective)\b", re.I)


def _end_of_labelled_run(s: str, dates: list[DatePart]) -> DatePart | None:
    """Dates that each follow their own label, the labels run together as a card or a data record
    flattens them ("start: 2017-04-25 end: 2019-06-11", "Released: 25 April 2017 Support ends: 11 June
    2019"): the one date whose label names the end, and no other (a release's label names none)."""
    labels: list[str] = []
    before = 0
    for m, _d, _p in dates:
        label = _LABEL_OF_DATE.search(s[before : m.start()])
        if label is None:
            return None
        labels.append(label.group("label"))
        before = m.end()
    ends = [
        date
        for date, label in zip(dates, labels, strict=True)
        if _end_column(label, False) and not _PAGE_DATE_LABEL.search(label)
    ]
    return ends[0] if len(ends) == 1 else None


# a label after a timeline's date that names the end: "End of support", "Service shutdown", "Close Time"
_DATED_END_LABEL = re.compile(
    r"^(?:end[\s-]of[\s-](?:life|support|service|security\s+updates|updates|maintenance)|eol|eos|"
    r"(?:(?:online|web|multiplayer)\s+)?(?:service|servers?|cloud|platform|portal|app)\s+(?:shut\s*down|shutdown|closure|discontinuation|switch-?off)|"
    r"(?:shut\s*down|shutdown|close|closing|closure|switch-?off|discontinuation|decommission\w*)(?:\s+(?:time|date))?|"
    # "January 31, 2026: Support ends completely"
    r"(?:security\s+)?(?:support|updates|service|servers?|cloud)\s+(?:ends?|ended|stops?|stopped|ceases?|ceased))\b",
    re.I,
)


def dated_label(s: str) -> DatePart | None:
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


def _end_column(label: str, ceased: bool) -> bool:
    """The column names the end of support (or, in a table of devices no longer supported, their last release)."""
    return (END_LABEL.search(label) is not None and not START_LABEL.search(label)) or (
        ceased and _LAST_RELEASE_LABEL.search(label) is not None
    )


# a date written only as a cell holds it, under a column that names the end: "12.2028" (a month), "31.12.28" (a
# two-digit year), "2028年12月31日"; in prose each of these is as often a version or a count
_CELL_DATE = re.compile(
    r"^\s*(?:(?P<m>0?[1-9]|1[0-2])\.(?P<y>(?:19|20)\d\d)|(?P<d2>[0-3]?\d)\.(?P<m2>[01]?\d)\.(?P<y2>\d\d)|"
    r"(?P<y3>(?:19|20)\d\d)\s*年\s*(?P<m3>1[0-2]|0?[1-9])\s*月(?:\s*(?P<d3>[0-3]?\d)\s*日)?)\s*$"
)


def _cell_date(value: str) -> list[DatePart]:
    """The date a cell under an end column holds in a form only a cell gives one."""
    if (m := _CELL_DATE.match(value)) is None:
        return []
    try:
        if m.group("m"):
            year, month = int(m.group("y")), int(m.group("m"))
            return [(m, month_end(year, month), "month")]
        if m.group("d2"):
            return [(m, dt.date(2000 + int(m.group("y2")), int(m.group("m2")), int(m.group("d2"))), "day")]
        year, month = int(m.group("y3")), int(m.group("m3"))
        if m.group("d3"):
            return [(m, dt.date(year, month, int(m.group("d3"))), "day")]
        return [(m, month_end(year, month), "month")]
    except ValueError:
        return []


def _key_and_value(parts: list[str]) -> str | None:
    """A row of a table of names and values ("End of support | 31 December 2028"), as the labelled cell it is,
    when its first cell names the end of support and its second holds a date."""
    if len(parts) != 2 or ":" in parts[0] or len(parts[0]) > 80 or dates_in(parts[0]) or not dates_in(parts[1]):
        return None
    return f"{parts[0]}: {parts[1]}" if _end_column(parts[0], False) else None


def product_column_row(s: str, terms: tuple[str, ...]) -> tuple[bool, SupportStatement | None]:
    """A row of a table whose columns are products ("Security updates until | Acme Hub: Dec 2028 | Acme Cam: Jun
    2027", under a header row of the products' names): the end in the product's column. A row whose columns name
    other products only is read as theirs (no end for this product); a row of another form is not read here."""
    parts = s.split(" | ")
    if len(parts) < 2 or _CELL.match(parts[0]) or not _end_column(parts[0], False) or not terms:
        return False, None
    cells = [m for part in parts[1:] if (m := _CELL.match(part))]
    if len(cells) != len(parts) - 1 or any(dates_in(c.group("label")) for c in cells):
        return False, None
    own = [c for c in cells if names_product(terms, c.group("label"), brand_needed=False)]
    if len(own) != 1 or len(cells) < 2:
        # (columns named as products are: two words or a model's number, "Acme Cam", "Pixel 7"; not "Date")
        named = all(
            (len(c.group("label").split()) >= 2 or re.search(r"\d", c.group("label")))
            and not END_LABEL.search(c.group("label"))
            for c in cells
        )
        return not own and len(cells) >= 2 and named, None
    value = own[0].group("value")
    dates = dates_in(value) or _cell_date(value)
    if not dates or DURATION.search(value):
        return True, None
    m, d, p = dates[-1] if len(dates) == 2 and RANGE.match(value[dates[0][0].end() : dates[1][0].start()]) else dates[0]
    return True, end_at(s[:300], d, p, True, f"{parts[0]}: {own[0].group(0)}"[:120])


def labelled_row(s: str, mentions: bool, ceased: bool = False) -> tuple[bool, SupportStatement | None]:
    """A table row read under its header ("Model: Cam 2 | Released: 2024 | End of security
    updates: 2030"): the end date comes from the cell whose column names the end of support."""
    if " | " not in s:
        return False, None
    parts = s.split(" | ")
    if (key_value := _key_and_value(parts)) is not None:
        parts = [key_value]
    cells = [m for part in parts if (m := _CELL.match(part))]
    if len(cells) < (1 if key_value else 2):
        return False, None
    handled = any(_end_column(c.group("label"), ceased) for c in cells)
    sentence = s[:300]
    ended = None
    for c in cells:  # a cell whose value says the end itself, whatever its column: "Status: EOL - Jul 2024"
        marked = _END_VALUE.match(c.group("value"))
        if marked and not START_LABEL.search(c.group("label")) and (dates := dates_in(rest := marked.group("rest"))):
            m, d, p = dates[0]
            phrase = f"{c.group('label')}: {c.group('value')}"[:120]
            return True, end_at(sentence, begun_at(rest, m, d, p), p, mentions, phrase)
        if _ENDED_VALUE.match(c.group("value")) and not END_LABEL.search(c.group("label")):
            ended = ended or c.group("value")
    if ended and not any(END_LABEL.search(c.group("label")) and dates_in(c.group("value")) for c in cells):
        # "Status: EOL" with no end date in the row: the row is ended, and its other dates (releases) are not ends
        return True, _no_end_row(sentence, ended, mentions)
    start: tuple[dt.date, Precision] | None = None
    for c in cells:
        if START_LABEL.search(c.group("label")) and not _end_column(c.group("label"), ceased):
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
        dates = dates_in(value) or _cell_date(value)
        phrase = f"{label}: {value}"[:120]
        if dates and not DURATION.search(value):
            # a range in the cell ("Lifecycle: 2019.12 – 2021.12") ends at its second date
            ranged = len(dates) == 2 and RANGE.match(value[dates[0][0].end() : dates[1][0].start()])
            m, d, p = dates[1] if ranged else dates[0]
            return True, end_at(sentence, d, p, mentions, phrase)
        dur = DURATION.search(value)
        if dur:
            n, unit = length_and_unit(dur)
            duration = f"{n} {unit if n != 1 else unit.rstrip('s')}"
            if start is not None:
                return True, SupportStatement(
                    sentence, "period-with-start", later(start[0], n, unit), start[0], duration, start[1], mentions,
                    phrase,
                )  # fmt: skip
            return True, SupportStatement(
                sentence, "period-without-start", None, None, duration, "day", mentions, phrase
            )
        vague = VAGUE.search(value)
        if vague:
            return True, SupportStatement(sentence, "vague", None, None, None, "day", mentions, vague.group(0))
    if not handled and any(START_LABEL.search(c.group("label")) and dates_in(c.group("value")) for c in cells):
        # a row whose only date is its release ("Status: Oldstable | Date Released: Mar 2024"): no end
        return True, _no_end_row(sentence, "only a release date", mentions)
    if handled and mentions:  # the product's row says something other than a date ("No longer guaranteed")
        value = next(c.group("value") for c in cells if END_LABEL.search(c.group("label")))
        return True, SupportStatement(sentence, "vague", None, None, None, "day", mentions, value[:120])
    return handled, None


def label_line(s: str) -> bool:
    """ "End of support: 2029-12-31", "Security updates: until 30/06/2031", "Support end date — 31/12/2027": a
    short label and value."""
    mark = label_mark(s) if len(s) <= ROW_CHARS else None
    if mark is None:
        return False
    value = s[mark.end() :]
    return len(value.strip()) <= 40 and bool(dates_in(value))


# a heading's stop noun and its date after it: "Shutdown (2025-11-30)", "Sunset - May 1, 2024", "EOL in April 2024"; a
# discontinuation only of a service or features (a device's is often the end of its sale)
_HEADING_STOP = re.compile(
    r"(?:\b(?:shut-?down|sunset|retirement|decommissioning|switch-?off|closure|end[\s-]of[\s-](?:life|service|support)|"
    r"eol|eos)|\b(?:features?|services?|apps?|cloud|platform|api)\s+discontinuation)"
    r"\s*(?:\(\s*|[-–—:]\s*|(?:on|in)\s+)(?P<date>[^()]{4,30}?)\s*\)?\s*$",
    re.I,
)


def heading_stop(s: str, terms: tuple[str, ...]) -> DatePart | None:
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


def left_platforms(terms: tuple[str, ...], full: str) -> list[re.Pattern[str]]:
    """For a product that is a thing on a platform ("BBC iPlayer on Wii U") named on the page, the
    platform marked as left in a list ("Wii U (discontinued in January 2017)"); read once per page."""
    out = []
    for term in terms:
        on = ON_PLATFORM.match(plain_words(term))
        if on is not None and names_product((on.group("app"),), full, short_forms=False):
            platform = r"[\s_-]+".join(re.escape(w) for w in on.group("platform").split())
            out.append(re.compile(rf"(?<![\w-]){platform}{_LEFT_MARK}", re.I))
    return out


def platform_dropped(s: str, left_marks: list[re.Pattern[str]]) -> DatePart | None:
    """The date a list of platforms in the sentence marks the product's platform as left."""
    for mark in left_marks:
        if (m := mark.search(s)) is not None and (found := _date_spanning(s, m.span("date"))) is not None:
            return found
    return None


def _date_spanning(s: str, span: tuple[int, int]) -> DatePart | None:
    """The date that is all of s[span] (a bracket or a heading's tail that holds a date and nothing more)."""
    return next((dp for dp in dates_in(s) if dp[0].span() == span), None)
