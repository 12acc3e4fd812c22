"""The dates a statement gives, as a support-period reader takes them.

Every date the page's English and foreign readers find, with what it is precise to, except
those that are no time the statement states: a link's address, a guess ("ca. 2027", "2026?"
in a cell), a season or part of a year ("early 2026"), a year after a month in a script no
reader here knows. A quarter is read as its last month; a month joined to a dated one shares
its year ("August and November 2021").
"""

from __future__ import annotations

import datetime as dt
import re

from psti.evidence.web.dates import DATE, MONTHS, YEAR, Precision, month_end, parse_date
from psti.evidence.web.foreign import foreign_dates

_URL = re.compile(r"https?://\S+|\bwww\.\S+")

# a word in Cyrillic or Greek right before a year: a month named in a language no reader here reads
_UNREAD_MONTH = re.compile(r"[\u0370-\u03ff\u0400-\u04ff]{3,}\s+$")


def dates_in(s: str) -> list[tuple[re.Match[str], dt.date, Precision]]:
    """The dates of a sentence, a line or a cell, in the order they stand."""
    out = []
    urls = [u.span() for u in _URL.finditer(s)] if "http" in s or "www." in s else []
    in_cell = " | " in s or len(s) <= _CELL_VALUE_CHARS
    for m in DATE.finditer(s):
        if any(a <= m.start() < b for a, b in urls):
            continue  # "…/fleet-api#2023-10-02-tesla-vehicle-command-sdk": a link's address, not a date
        group = m.lastgroup or ""
        parsed = parse_date(m.group(0), group)
        if parsed is None:
            continue
        if (
            _GUESS_BEFORE.search(s, 0, m.start())
            or _GUESS_AFTER.match(s, m.end())
            or (in_cell and s.startswith("?", m.end()))
        ):
            # "Late ~2026?", "ca. 2027", "in 2016 it seems like", a table cell's "2026?": a guess at the time, no
            # date stated (a question's date in prose is still read: "Is it shutting down in 2021? Yes, …")
            continue
        if parsed[1] == "year" and _SEASON.search(s, 0, m.start()):
            continue  # "in the spring of 2018", "in early 2026": a season or part of the year, not its end
        if parsed[1] == "year" and _UNREAD_MONTH.search(s, 0, m.start()):
            continue  # "октябрь 2026 года": a month in a script no reader here knows, not the year's end
        if parsed[1] == "year" and (q := _QUARTER.search(s, 0, m.start())):
            # "in the first quarter of 2026", "Q3 2025": the quarter's last day, read as its month
            last_month = 3 * _QUARTERS[q.group("q").lower()]
            parsed = (month_end(parsed[0].year, last_month), "month")
            # the quarter's words and its year, one date as "March 2026" is
            m = _WHOLE.match(s, q.start(), m.end()) or m
        out.append((m, parsed[0], parsed[1]))
    for g in _GAPPED.finditer(s):
        # "in August and November 2021": a month joined to a dated one shares its year
        if not any(d[0].start() <= g.start() < d[0].end() for d in out):
            y, mon = int(g.group("year")), MONTHS[g.group(0).lower().rstrip(".")]
            out.append((g, month_end(y, mon), "month"))
    out.sort(key=lambda d: d[0].start())
    if abroad := foreign_dates(s):
        # "13 de octubre de 2026", "30. November 2019": the whole date, not the year or month read alone
        spans = [(m.start(), m.end()) for m, _d, _p in abroad]
        out = [d for d in out if not any(a <= d[0].start() < b for a, b in spans)] + abroad
        out.sort(key=lambda d: d[0].start())
    return out


_CAP_MONTH = "(?:" + "|".join(sorted((m.capitalize() for m in MONTHS), key=len, reverse=True)) + r")\.?"
# a capitalised month with no year of its own, in a list whose last month has one ("August and November 2021")
_GAPPED = re.compile(
    rf"\b{_CAP_MONTH}(?=(?:,\s+{_CAP_MONTH})*,?\s+(?:and|or|&)\s+{_CAP_MONTH},?\s+(?:of\s+)?(?P<year>{YEAR})\b)"
)
_CELL_VALUE_CHARS = 30  # a cell's value read alone, not a sentence
_GUESS_BEFORE = re.compile(r"(?:[~≈]|\bca\.|\bcirca)\s*$", re.I)
# a guess said after the time: "shut down in 2016 it seems like", "in 2016 or so", "2016, I think"
_GUESS_AFTER = re.compile(
    r"[\s,]*(?:it\s+seems(?:\s+like)?|so\s+it\s+seems|I\s+(?:think|guess|believe)|or\s+so|or\s+thereabouts)\b", re.I
)
_SEASON = re.compile(
    r"\b(?:spring|summer|autumn|fall|winter|early|mid|late|h[12]|(?:the\s+)?(?:middle|(?:first|second)\s+half)\s+of)"
    r"(?:\s+of)?[\s-]*$",
    re.I,
)
_WHOLE = re.compile(r".+", re.S)
_QUARTERS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4,
             "q1": 1, "q2": 2, "q3": 3, "q4": 4}  # fmt: skip
_QUARTER = re.compile(r"\b(?P<q>(?:first|second|third|fourth|1st|2nd|3rd|4th)(?=\s+quarter)|q[1-4])"
                      r"(?:\s+quarter)?(?:\s+of)?[\s,]*$", re.I)  # fmt: skip
