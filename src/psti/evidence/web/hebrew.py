"""Hebrew support statements: their dates and the words of an end.

Hebrew joins its prepositions to the word after, a month's name ("בדצמבר 2025", in December; "מינואר", from
January) or, with a hyphen or a maqaf, a number ("מ-1.1.2026", "עד ה־31.12.2025"); so a bound may stand inside
the date's own word, and the words are stems with no boundary before them.
"""

from __future__ import annotations

import re

from psti.evidence.web.script_reader import FoundDate, ScriptLanguage, combined, named_dates, numeric_dates, years_after

_MONTHS = {
    "ינואר": 1, "פברואר": 2, "מרץ": 3, "מרס": 3, "אפריל": 4, "מאי": 5, "יוני": 6, "יולי": 7, "אוגוסט": 8,
    "ספטמבר": 9, "אוקטובר": 10, "נובמבר": 11, "דצמבר": 12,
}  # fmt: skip
_MONTH = "(?:" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + ")"
# "31 בדצמבר 2025", "בדצמבר 2025", "דצמבר 2025" (the joined preposition is the date's bound: "ב", "מ", "עד ה")
_NAMED = re.compile(
    rf"(?:(?P<d>[0-3]?\d)\s+)?(?P<pre>[בלמו]?ה?)(?P<m>{_MONTH})\s+(?:שנת\s+)?(?P<y>(?:19|20)\d\d)(?!\d)"
)
_YEAR = re.compile(r"(?:שנת|ב[-־]|מ[-־]|עד|לשנת)\s*(?P<y>(?:19|20)\d\d)(?!\d)")
_LETTERS = re.compile(r"[\u05D0-\u05EA]")
# a day or a month with no year: "ב-31 במרץ", "עד דצמבר" (a month alone only after a bound)
# (a one-letter preposition only at a word's start, after "and" at most: "ועד דצמבר", not the end of "רחוב")
_YEARLESS = re.compile(
    rf"(?:(?P<day>[0-3]?\d)\s+[בל]?|(?<![\u05D0-\u05EA])ו?(?:עד|החל\s+מ|מ|ב|בסוף|סוף)\s*[-־]?\s*ה?)"
    rf"(?P<month>{_MONTH})(?!\s*(?:שנת\s+)?\d)"
)

# up to, no later than, at the end of, in, on, after: the date stays
BOUND = re.compile(
    r"(?:עד|לא\s+יאוחר\s+מ|בסוף|סוף|עם\s+תום|תום|לאחר|אחרי|(?<![\u05D0-\u05EA])ב|ביום|בתאריך|בשנת)\s*"
    r"(?:ל|ה|סוף|תום|ליום|יום|לתאריך|תאריך|שנת)?\s*[-־]?\s*(?:ה[-־]?)?$"
)
# from: a month or a year from its first day (a one-letter preposition is one only at a word's start)
FROM_ON = re.compile(r"(?:החל\s+מ|מיום|מתאריך|(?<![\u05D0-\u05EA])מ)\s*(?:יום|תאריך|ה)?\s*[-־]?\s*(?:ה[-־]?)?$")
END_WORDS = re.compile(
    r"הפסק|להפסיק|יפסיק|תפסיק|יפסיקו|יופסק|תופסק|הופסק|סיום|יסתיים|תסתיים|הסתיים|הסתיימה|ייסגר|תיסגר|ייסגרו|"
    r"נסגר|סגירת|לסגור|תסגור|יושבת|השבתת|כיבוי|יכובה|יכובו|כבר\s+לא|"
    r"לא\s+(?:\S+\s+){0,2}(?:יקבל|תקבל|יקבלו|יתמוך|תתמוך|יעבוד|תעבוד|יעבדו)|"
    r"(?:תמיכה|התמיכה|עדכונ|העדכונ)[^.]{0,60}?עד"
)
# a launch, a sale, an announcement's day; or a forecast ("צפוי", expected; "ככל הנראה", likely)
NOT_AN_END = re.compile(
    r"השקה|הושק|הושקה|ישיק|מכירה|מכירות|נמכר|נמכרו|רכישה|נרכש|הכריז|הכריזה|הודיע\s+ב|הודיעה\s+ב|"
    r"צפוי|צפויה|צפויים|צפויות|ככל\s+הנראה|ייתכן"
)


def dates(text: str) -> list[FoundDate]:
    """The dates of a Hebrew sentence (ASCII digits): named months, days in digits and years after "שנת"."""
    return combined(named_dates(text, _NAMED, _MONTHS, from_month=True), numeric_dates(text), years_after(text, _YEAR))


HEBREW = ScriptLanguage("he", _LETTERS, 8, dates, BOUND, FROM_ON, END_WORDS, NOT_AN_END, _MONTHS, _YEARLESS)
