"""Dates as pages write them: "31 December 2029", "March 3rd, 2026", "2029-12-31", "31.12.2029",
"Dec 2029", "2029". A date of month or year precision stands for that period's last day."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import Literal

from dateutil.relativedelta import relativedelta

Precision = Literal["day", "month", "year"]
# a date found in a text: its match, its day (the period's last day when coarser) and its precision
DatePart = tuple[re.Match[str], dt.date, Precision]

MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9
MON = r"(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
DAY = r"(?:[0-3]?\d)(?:st|nd|rd|th)?"
YEAR = r"(?:19|20|21)\d\d"
# a day written as an ordinal word ("the third of February 2020")
_UNITS_ORD = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"]
ORDINAL_DAYS = {w: i for i, w in enumerate(_UNITS_ORD, 1)}
ORDINAL_DAYS.update({"tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
                     "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
                     "thirtieth": 30, "thirty-first": 31})  # fmt: skip
ORDINAL_DAYS.update({f"twenty-{w}": 20 + i for i, w in enumerate(_UNITS_ORD, 1)})
_DAY_WORD = r"(?:" + "|".join(sorted(ORDINAL_DAYS, key=len, reverse=True)) + r")"
DATE = re.compile(
    rf"(?P<iso>{YEAR}-[01]\d-[0-3]\d)"
    rf"|(?P<ymond>(?<![\w-]){YEAR}-{MON}-[0-3]?\d(?![\w-]))"  # "2024-Mar-29"
    # (not a model code's digit: "Chromebox CXI2 / CXV2  June 2021" is June, not its second day)
    rf"|(?P<dmy>(?:(?<!\w){DAY}\s+(?:of\s+)?|\b{_DAY_WORD}\s+of\s+){MON},?\s+{YEAR}"
    rf"|(?<![\w-])[0-3]?\d-{MON}-{YEAR}(?![\w-]))"  # "02-August-2002", "31-Dec-2025"
    rf"|(?P<mdy>{MON},?\s+{DAY},?\s+(?:of\s+)?{YEAR})"  # ("October 15 of 2025")
    rf"|(?P<slash>[0-3]?\d/[0-3]?\d/{YEAR})"
    rf"|(?P<yslash>(?<![\w/]){YEAR}/[01]?\d/[0-3]?\d(?![\w/]))"  # "2027/12/31"
    # "End of Support 2024.05.01": two digits each for month and day (a version is "2024.5.1")
    rf"|(?P<ydot>(?<![\w.]){YEAR}\.(?:0[1-9]|1[0-2])\.(?:0[1-9]|[12]\d|3[01])(?![\w.]))"
    # "12/2026" in a table cell; not "2026/27", a financial year
    rf"|(?P<mslash>(?<![\w/.])(?:0?[1-9]|1[0-2])/{YEAR}(?![\w/]))"
    # "as of 12/31/22", "as of 01/07/24": a two-digit year (read day first, as four-digit years are, unless
    # the page shows its slashed dates month first)
    r"|(?P<slash2>(?<![\w/.])(?:(?:[12]\d|3[01]|0?[1-9])/(?:0?[1-9]|1[0-2])|(?:0?[1-9]|1[0-2])/(?:1[3-9]|2\d|3[01]))/\d\d(?![\w/]))"
    rf"|(?P<dot>(?<![\d.])[0-3]?\d\.[01]?\d\.{YEAR}(?!\d|\.\d))"
    rf"|(?P<dash>(?<![\w-])[0-3]?\d-[0-3]?\d-{YEAR}(?![\w-]))"  # "31-12-2027"
    rf"|(?P<my>{MON}(?:,?\s+(?:of\s+)?|-){YEAR})"  # "June 2028", "June of 2028", "Dec-2027"
    rf"|(?P<ymdn>{YEAR},\s+{MON}\s+{DAY}(?![\w,]|,\s*\d))"  # "2017, June 18th" (an issue form's answer)
    rf"|(?P<ymn>{YEAR},?\s+{MON}(?![\w.]))"  # "2025, April" in a table cell
    rf"|(?P<ym>{YEAR}-[01]\d)(?![-\d])"
    # "20191218: The display config section no longer supports …": a changelog entry's compact day, only
    # before the colon that leads the entry (alone, eight digits are a number)
    r"|(?P<compact>(?<![\w.-])(?:19|20)\d\d(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])(?=:\s))"
    # "2019.12 – 2021.12" in a lifecycle cell: year.month, only as a range (alone, "2025.12" is a version)
    rf"|(?P<ydm>{YEAR}\.(?:0?[1-9]|1[0-2])(?=\s?[–-]\s?{YEAR}\.\d)"
    rf"|(?:(?<=\d[–-])|(?<=\d\s[–-]\s)){YEAR}\.(?:0?[1-9]|1[0-2])(?![\d.]))"
    # not a decade ("the 2000s") nor part of a model code ("RT-AC1900", "1900P")
    rf"|(?P<y>(?<![\w/-])(?<!\d\.){YEAR}(?![\w/-]|['’]s\b|\.[\dx]))",  # nor a version ("2025.12", "2026.x")
    re.I,
)


# the most characters of brackets that date a model: "(2021–2022)", "(zweite Generation, 2018, europäische Version)"
_SHORT_BRACKETS = 60


def short_brackets_around(s: str, m: re.Match[str]) -> tuple[int, int] | None:
    """Where the inside of the short brackets a date sits in begins and ends ("2021" of "OnePlus Nord 2
    (2021)"), or None when it sits in none."""
    opening, closing = s.rfind("(", 0, m.start()), s.find(")", m.end())
    if opening < 0 or closing < 0 or ")" in s[opening : m.start()] or closing - opening > _SHORT_BRACKETS:
        return None
    return opening + 1, closing


def month_end(year: int, month: int) -> dt.date:
    """The last day of a month: the day a month named without its day stands for."""
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def month_or_day(year: int, month: int, day: int | None) -> tuple[dt.date, Precision] | None:
    """A day, or a month named without one (its last day); None for a day the month does not have."""
    try:
        return (dt.date(year, month, day), "day") if day is not None else (month_end(year, month), "month")
    except ValueError:
        return None


def _day_in_month(year: int, month: int, day: int) -> dt.date:
    """The day, or the month's last day for a day the month lacks ("2025-06-31", "February 30"): a
    slip for the month's end, as a reader takes it."""
    last = calendar.monthrange(year, month)[1] if 1 <= month <= 12 else 0
    return dt.date(year, month, last if last and last < day <= 31 else day)


def parse_date(text: str, group: str) -> tuple[dt.date, Precision] | None:
    """A date from a DATE match group; month or year precision resolves to the last day."""
    t = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", text.strip(), flags=re.I).replace(",", " ")
    if group == "dmy":
        t = t.replace("-", " ") if "-" in t and not re.match(r"\D", t) else t
    t = re.sub(r"\bof\b", " ", t, flags=re.I)
    parts = t.replace(".", " ").split()
    try:
        if group == "iso":
            y, m, d = (int(x) for x in text.split("-"))
            return _day_in_month(y, m, d), "day"
        if group == "ymond":
            year, mon, day_of_month = text.split("-")
            return _day_in_month(int(year), MONTHS[mon.rstrip(".").lower()], int(day_of_month)), "day"
        if group == "dmy":
            day = ORDINAL_DAYS.get(parts[0].lower()) or int(parts[0])
            return _day_in_month(int(parts[2]), MONTHS[parts[1].lower()], day), "day"
        if group == "mdy":
            return _day_in_month(int(parts[2]), MONTHS[parts[0].lower()], int(parts[1])), "day"
        if group == "slash2":
            a, b, yy = (int(x) for x in text.split("/"))
            day, month = (a, b) if b <= 12 else (b, a)  # UK order unless impossible
            return dt.date(2000 + yy, month, day), "day"
        if group in ("slash", "dot", "dash"):
            a, b, y = (int(x) for x in re.split(r"[/.-]", text))
            day, month = (a, b) if b <= 12 else (b, a)  # UK order unless impossible
            return dt.date(y, month, day), "day"
        if group == "compact":
            return dt.date(int(text[:4]), int(text[4:6]), int(text[6:8])), "day"
        if group in ("yslash", "ydot"):
            y, m, d = (int(x) for x in re.split(r"[/.]", text))
            return dt.date(y, m, d), "day"
        if group == "mslash":
            m, y = (int(x) for x in text.split("/"))
            return month_end(y, m), "month"
        if group == "my":
            parts = t.replace("-", " ").replace(".", " ").split()
            y, m = int(parts[1]), MONTHS[parts[0].lower()]
            return month_end(y, m), "month"
        if group == "ymdn":
            return _day_in_month(int(parts[0]), MONTHS[parts[1].lower().rstrip(".")], int(parts[2])), "day"
        if group == "ymn":
            y, m = int(parts[0]), MONTHS[parts[1].lower()]
            return month_end(y, m), "month"
        if group in ("ym", "ydm"):
            y, m = (int(x) for x in re.split(r"[-.]", text))
            return month_end(y, m), "month"
        if group == "y":
            return dt.date(int(text), 12, 31), "year"
    except (ValueError, KeyError, IndexError):
        return None
    return None


# numbers as pages spell them in durations and spans ("five years", "in six months")
NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fourteen": 14, "fifteen": 15, "eighteen": 18, "twenty": 20,
    "twenty-four": 24, "thirty": 30, "thirty-six": 36, "forty-eight": 48, "seventy-two": 72, "ninety": 90,
}  # fmt: skip


def count(word: str) -> int:
    """A number written in digits or as a word ("24", "Five")."""
    return int(word) if word.isdigit() else NUMBER_WORDS[word.lower()]


def later(day: dt.date, n: int, unit: str) -> dt.date:
    """The day `n` days, weeks, months or years after `day` (singular or plural unit); a month or
    year that lacks the day ends on its last one (31 January + 1 month = 28 or 29 February)."""
    unit = unit.lower().rstrip("s")
    if unit == "day":
        return day + dt.timedelta(days=n)
    if unit == "week":
        return day + dt.timedelta(weeks=n)
    return day + (relativedelta(months=n) if unit == "month" else relativedelta(years=n))


_SLASHED = re.compile(rf"(?<![\w/])([0-3]?\d)/([0-3]?\d)/({YEAR}|\d\d)(?![\w/])")


def in_page_order(text: str) -> str:
    """The page's slashed dates in the order the page itself shows: where some can only be
    month first ("12/18/2014") and none only day first, all are rewritten as ISO dates read month
    first ("06/02/2015" is 2 June); otherwise they are left to be read day first (UK usage)."""
    found = [(int(m.group(1)), int(m.group(2))) for m in _SLASHED.finditer(text)]
    if not any(b > 12 for _a, b in found) or any(a > 12 for a, _b in found):
        return text

    def iso(m: re.Match[str]) -> str:
        try:
            year = int(m.group(3))
            return dt.date(year if year > 99 else 2000 + year, int(m.group(1)), int(m.group(2))).isoformat()
        except ValueError:
            return m.group(0)

    return _SLASHED.sub(iso, text)
