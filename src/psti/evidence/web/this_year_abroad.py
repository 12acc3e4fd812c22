"""A day or month named in another language with "this year" after it, given the page's year.

"selskapet vil avslutte all støtte for Windows 10 Mobile den 10. desember i år" on a page dated January 2019
ends support on 10 December 2019; "am 3. März dieses Jahres", "el 31 de marzo de este año", "w grudniu tego
roku" alike. The year is the page's own: a dateline's day, or a dateline that gives only its month ("date
2019-01"), which says the year as well.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from psti.evidence.web.foreign import MONTH_NAMES

_MONTH = "(?:" + "|".join(sorted(MONTH_NAMES, key=len, reverse=True)) + ")"
# "this year" in the languages psti reads, as it follows a day or month
_THIS_YEAR = (
    r"i\s+år|(?:dieses|diesen)\s+Jahr(?:es)?|d[eo]\s+este\s+año|deste\s+ano|de\s+este\s+ano|"
    r"di\s+quest['’]\s*anno|de\s+cette\s+année|van\s+dit\s+jaar|dit\s+jaar|tego\s+roku|letošního\s+roku|"
    r"tänä\s+vuonna|tämän\s+vuoden|ebben\s+az\s+évben|bu\s+yıl|этого\s+года|цього\s+року|тази\s+година|"
    r"ove\s+godine|tohto\s+roku|bieżącego\s+roku|letošnjega\s+leta|acestui\s+an|din\s+acest\s+an"
)
_DATED_THIS_YEAR = re.compile(
    rf"(?<!\w)(?P<date>(?:[0-3]?\d\.?\s+(?:de\s+)?)?{_MONTH})\s+(?P<this>{_THIS_YEAR})(?!\w)",
    re.I,
)


@dataclass(frozen=True)
class ThisYear:
    start: int  # the span of the day and its "this year" on the page
    end: int
    written: str
    date_words: str  # the day or month alone ("10. desember")
    year: int

    @property
    def reading(self) -> str:
        return f"{self.date_words} {self.year}"


def dated_this_year(text: str, year_at: Callable[[int], int | None]) -> list[ThisYear]:
    """Each foreign day or month followed by "this year" whose page gives a year (`year_at`, for an offset)."""
    found = []
    for m in _DATED_THIS_YEAR.finditer(text):
        year = year_at(m.start())
        if year is not None:
            found.append(ThisYear(m.start(), m.end(), m.group(0), " ".join(m.group("date").split()), year))
    return found
