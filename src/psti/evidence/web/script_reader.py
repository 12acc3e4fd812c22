"""End dates in support statements written in a script the Latin reader in `foreign` cannot take.

Arabic and Hebrew join their prepositions and articles to the word after ("بنهاية", "בדצמבר", "מ-1.1.2026"), and
Thai writes no spaces between words and counts years in the Buddhist era ("ตุลาคม 2560" is October 2017), so
the word lists and the boundaries of the Latin reader do not apply. Each language here gives its own dates, the
words that bound a date before it (up to it, or from it on) and the words of an end; the reader is as narrow as
the Latin one: a date is an end only with a bound right before it and a word of an end near it, and not near the
words of a sale, a launch, an announcement or a forecast.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from psti.evidence.web.dates import DATE, Precision, month_or_day, parse_date
from psti.evidence.web.foreign import ForeignEnd

# the digits other scripts write, as ASCII digits (one character for one, so offsets hold)
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹๐๑๒๓๔๕๖๗๘๙", "0123456789" * 3)
_NEAR = 100  # characters either side of a date in which its end word stands
_BOUND_REACH = 40  # characters before a date in which its bound ends
_CLAUSE_BREAK = re.compile(r"[،,;؛]|\.(?!\d)")  # (not a day's dots: "31.12.2025")


@dataclass(frozen=True)
class FoundDate:
    start: int
    end: int
    day: dt.date
    precision: Precision


@dataclass(frozen=True)
class ScriptLanguage:
    name: str
    letters: re.Pattern[str]  # a letter of the script
    min_letters: int  # letters that make a sentence one of this language, not a name in another
    dates: Callable[[str], list[FoundDate]]  # the dates of a sentence whose digits are ASCII
    bound: re.Pattern[str]  # the words before a date that keep it: up to, in, on, after ("حتى", "עד", "จนถึง"), at $
    from_on: re.Pattern[str]  # the words from which a month or year on something stops ("اعتبارا من", "החל מ"), at $
    end_words: re.Pattern[str]  # an end: a stop, a closing, updates given up to a time
    not_an_end: re.Pattern[str]  # a sale, a launch, an announcement or a forecast near the date
    months: Mapping[str, int]  # the months' names, each its number
    # a day or a month with no year after the words that bound a time ("منذ نهاية شهر أيلول"), groups "day" and
    # "month": placed by the page's date (`yearless_abroad`)
    yearless: re.Pattern[str]


def in_script(sentence: str, language: ScriptLanguage) -> bool:
    """The sentence is written in the language's script (enough of its letters)."""
    return len(language.letters.findall(sentence)) >= language.min_letters


_NUMERIC = ("iso", "slash", "yslash", "ydot", "dot", "dash", "mslash")  # the forms of DATE written in digits alone


def combined(*groups: list[FoundDate]) -> list[FoundDate]:
    """Dates found in turn by several readings, a later one's dropped where an earlier one's stands."""
    out: list[FoundDate] = []
    for group in groups:
        out += [f for f in group if not any(o.start < f.end and f.start < o.end for o in out)]
    return sorted(out, key=lambda f: f.start)


def numeric_dates(text: str) -> list[FoundDate]:
    """The days and months written in digits alone ("31/12/2025", "31.12.2025", "2025-12-31", "12/2025")."""
    out = []
    for m in DATE.finditer(text):
        if m.lastgroup in _NUMERIC and (parsed := parse_date(m.group(0), m.lastgroup)) is not None:
            out.append(FoundDate(m.start(), m.end(), *parsed))
    return out


def named_dates(
    text: str,
    pattern: re.Pattern[str],
    months: Mapping[str, int],
    to_year: Callable[[str], int] = int,
    from_month: bool = False,
) -> list[FoundDate]:
    """The dates a pattern with groups "d" (day, optional), "m" (a month's name in `months`) and "y" finds; with
    `from_month`, a date with no day starts at its month's name, so that a preposition joined to it ("בדצמבר", in
    December) stands before the date as its bound."""
    out = []
    for m in pattern.finditer(text):
        day = int(m.group("d")) if m.group("d") else None
        if (read := month_or_day(to_year(m.group("y")), months[m.group("m")], day)) is not None:
            out.append(FoundDate(m.start("m") if from_month and day is None else m.start(), m.end(), *read))
    return out


def years_after(text: str, pattern: re.Pattern[str]) -> list[FoundDate]:
    """Years alone after a word for "year" (`pattern`'s group "y"), each its last day."""
    return [
        FoundDate(m.start("y"), m.end("y"), dt.date(int(m.group("y")), 12, 31), "year") for m in pattern.finditer(text)
    ]


def script_end(
    sentence: str, language: ScriptLanguage, names_product: Callable[[str], bool] | None = None
) -> ForeignEnd | None:
    """The end date a sentence in the language states, or None; of several, the first whose stretch names the
    product (`names_product`) when one does."""
    if not in_script(sentence, language):
        return None
    text = sentence.translate(_DIGITS)
    dates = language.dates(text)
    found: list[tuple[ForeignEnd, str]] = []
    for k, d in enumerate(dates):
        low = max(dates[k - 1].end if k else 0, d.start - _NEAR)
        high = min(dates[k + 1].start if k + 1 < len(dates) else len(text), d.end + _NEAR)
        before = text[max(low, d.start - _BOUND_REACH) : d.start]
        bound = language.from_on.search(before) or language.bound.search(before)
        cue = language.end_words.search(text, low, high)
        # (a launch, a sale or a forecast in the date's own clause: "ومن المتوقع حذفها … بحلول أغسطس 2026")
        clause_start = max([low, *(m.end() for m in _CLAUSE_BREAK.finditer(text, low, d.start))])
        clause_end = _CLAUSE_BREAK.search(text, d.end, high)
        clause_stop = clause_end.start() if clause_end else high
        if bound is None or cue is None or language.not_an_end.search(text, clause_start, clause_stop):
            continue
        day = d.day
        if bound.re is language.from_on and d.precision == "month":
            day = d.day.replace(day=1)  # from a month on: its first day
        elif bound.re is language.from_on and d.precision == "year":
            day = dt.date(d.day.year, 1, 1)
        written = sentence[d.start : d.end]
        words = f"'{bound.group(0).strip()} {written}', '{cue.group(0).strip()}'"
        # (the product named with the end: its words before the date, and after it up to the clause's end)
        found.append((ForeignEnd(written, day, d.precision, words), text[low:clause_stop]))
    if not found:
        return None
    if names_product is not None:
        named = [end for end, stretch in found if names_product(stretch)]
        if named:
            return named[0]
    return found[0][0]
