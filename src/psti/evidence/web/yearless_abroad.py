"""A day named in another language with no year, given the year of the page's date.

"od 27. září ukončí podporu" on a page dated August 2021 ends support on 27 September 2021; "wsparcie zostało
porzucone 30 września" on a page dated October 2023 on 30 September 2023. With no tense read in these languages,
the year is the one that puts the day nearest the page's date (a news page speaks of the months around it). A month
alone is placed only after the words that bound a time ("pod koniec kwietnia", "Ende März"): alone, a month's name
is too often something else ("mai" is "more" in Romanian).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from psti.evidence.web.foreign import ENGLISH_LOOKALIKES, MONTH_NAMES, foreign_dates, month_number
from psti.evidence.web.other_scripts import LANGUAGES

_MONTH = "(?:" + "|".join(sorted(MONTH_NAMES, key=len, reverse=True)) + ")"
# not followed by a year ("27. září 2021", "31 de julio de 2024", "října roku 2025", "5 mai, 2024"), nor by a
# day ("Chromebook 14 Jun 1, 2019" is an English date after a model's number)
_NO_YEAR_AFTER = r"(?!\w)(?!\s*(?:de\s+|del\s+|of\s+|roku\s+)?[,.]?\s*\d)"
# "27. září", "30 września", "1er août", "31 de julio"
_DAY_MONTH = re.compile(
    rf"(?<![\w.,/-])(?P<day>[0-3]?\d)(?:\.\s*|(?:ᵉʳ|er|º|°)?\s+)(?:de\s+)?(?P<month>{_MONTH}){_NO_YEAR_AFTER}", re.I
)
# a month alone, after the words that bound a time in these languages ("pod koniec kwietnia", "na konci srpna",
# "Ende März", "bis Mai", "fin mars", "a finales de marzo", "no final de março", "a partire da settembre", "entro
# marzo", "eind maart"); not after "in", which English shares, nor "a" ("a marca" is "the brand" in Portuguese)
_MONTH_ALONE = re.compile(
    r"(?<!\w)(?:pod\s+koniec|z\s+końcem|do\s+końca|na\s+konci|do\s+konce|koncem|Ende|Anfang|bis(?:\s+Ende)?|ab|seit|"
    r"im|fin|début|jusqu['’]en|jusqu['’]à\s+fin|à\s+partir\s+de|a\s+finales\s+de|a\s+principios\s+de|hasta|desde|"
    r"a\s+partir\s+de|no\s+final\s+de|até|a\s+fine|a\s+partire\s+da|entro|fino\s+a|eind|vanaf|tot(?:\s+en\s+met)?)\s+"
    rf"(?P<month>{_MONTH}){_NO_YEAR_AFTER}",
    re.I,
)


@dataclass(frozen=True)
class YearlessDay:
    start: int  # the day's span on the page
    end: int
    written: str  # the day as the page has it, its spaces made single
    year: int


def nearest_year(anchor: dt.date, month: int, day: int) -> int | None:
    """The year that puts the day nearest the anchor (None for a day the month has in none of the years around
    it: "29 lutego" on a page of 2022)."""
    years = [y for y in (anchor.year - 1, anchor.year, anchor.year + 1) if 1 <= day <= calendar.monthrange(y, month)[1]]
    return min(years, key=lambda y: abs((dt.date(y, month, day) - anchor).days)) if years else None


def yearless_days(text: str, anchor_at: Callable[[int], dt.date | None]) -> list[YearlessDay]:
    """Each foreign day and month with no year whose page gives a date (`anchor_at`, for an offset)."""
    found = []
    days = list(_DAY_MONTH.finditer(text))
    taken = [m.span() for m in days]
    months = [m for m in _MONTH_ALONE.finditer(text) if not any(a < m.end() and m.start() < b for a, b in taken)]
    taken += [m.span() for m in months]
    # (Arabic, Hebrew and Thai, their months' names their own)
    scripts = [m for lang in LANGUAGES for m in lang.yearless.finditer(text)]
    scripts = [m for m in scripts if not any(a < m.end() and m.start() < b for a, b in taken)]
    for m in sorted(days + months + scripts, key=lambda m: m.start()):
        day = int(m.group("day")) if "day" in m.re.groupindex and m.group("day") else None
        if day is None and m.group("month") in ENGLISH_LOOKALIKES:
            continue
        anchor = anchor_at(m.start())
        if anchor is None:
            continue
        line_start = text.rfind("\n", 0, m.start()) + 1
        script = next((lang for lang in LANGUAGES if m.re is lang.yearless), None)
        month = (
            script.months[m.group("month")]
            if script
            else month_number(text[line_start : m.end() + 200], m.group("month"))
        )
        year = nearest_year(anchor, month, day or 15)
        if year is not None:
            found.append(YearlessDay(m.start(), m.end(), " ".join(m.group(0).split()), year))
    return found


# the words that lead a page's date in these languages: "Publié le 3 novembre 2024", "Veröffentlicht am 3. November
# 2024", "Pubblicato il", "Publicado el", "Gepubliceerd op", "Opublikowano", "Publikováno", "Julkaistu"
_DATELINE_WORDS = re.compile(
    r"^\W*(?:publié|mis\s+à\s+jour|veröffentlicht|aktualisiert|pubblicato|aggiornato|publicado|actualizado|atualizado|"
    r"gepubliceerd|bijgewerkt|publicerad|uppdaterad|publiceret|opdateret|publisert|oppdatert|opublikowano|"
    r"zaktualizowano|publikováno|aktualizováno|publikované|julkaistu|päivitetty|publicat|actualizat|"
    r"yayınlanma|опубликовано|обновлено|опубліковано|оновлено)\b",
    re.I,
)


def foreign_datelines(text: str) -> list[tuple[int, dt.date]]:
    """Short lines led by a word for "published" or "updated" in these languages, with the one day they give."""
    out, offset = [], 0
    for line in text.split("\n"):
        if len(line) <= 100 and _DATELINE_WORDS.match(line):
            days = [day for _m, day, precision in foreign_dates(line) if precision == "day"]
            if len(days) == 1:
                out.append((offset, days[0]))
        offset += len(line) + 1
    return out
