"""Arabic support statements: their dates and the words of an end.

Arabic names the months two ways, from the Latin names ("سبتمبر", Egypt and the Gulf; "أفريل", the Maghreb) and
from the Syriac ones ("أيلول", the Levant and Iraq), and the press often writes both ("أيلول/سبتمبر"). Days are
written "31 ديسمبر 2025", "31/12/2025" or in Eastern Arabic digits; a year alone after "عام". Prepositions and
the article join the word after ("بنهاية", "والتحديثات"), so the words are stems with no boundary before them.
"""

from __future__ import annotations

import re

from psti.evidence.web.script_reader import FoundDate, ScriptLanguage, combined, named_dates, numeric_dates, years_after

_MONTHS = {
    "يناير": 1, "فبراير": 2, "مارس": 3, "أبريل": 4, "ابريل": 4, "إبريل": 4, "مايو": 5, "يونيو": 6, "يونيه": 6,
    "يوليو": 7, "يوليه": 7, "أغسطس": 8, "اغسطس": 8, "سبتمبر": 9, "أكتوبر": 10, "اكتوبر": 10, "نوفمبر": 11,
    "ديسمبر": 12,
    "كانون الثاني": 1, "شباط": 2, "آذار": 3, "نيسان": 4, "أيار": 5, "ايار": 5, "حزيران": 6, "تموز": 7, "آب": 8,
    "أيلول": 9, "ايلول": 9, "تشرين الأول": 10, "تشرين الاول": 10, "تشرين الثاني": 11, "كانون الأول": 12,
    "كانون الاول": 12,
    "جانفي": 1, "فيفري": 2, "أفريل": 4, "افريل": 4, "جوان": 6, "جويلية": 7, "أوت": 8,
}  # fmt: skip
_MONTH = "(?:" + "|".join(sorted(map(re.escape, _MONTHS), key=len, reverse=True)) + ")"
# "31 ديسمبر 2025", "أيلول/سبتمبر 2023", "شهر أيلول" (a month with no year is placed by the page's date, not here)
_NAMED = re.compile(
    rf"(?:(?P<d>[0-3]?\d)\s+(?:من\s+)?)?(?:شهر\s+)?(?P<m>{_MONTH})(?:\s*[/(]\s*{_MONTH}\s*\)?)?"
    rf"\s*(?:من\s+)?(?:عام|العام|سنة)?\s*(?P<y>(?:19|20)\d\d)(?!\d)"
)
_YEAR = re.compile(r"(?:عام|العام|سنة|بحلول|حتى|منذ)\s+(?P<y>(?:19|20)\d\d)(?!\d)")
# a day or a month with no year after a bound ("منذ نهاية شهر أيلول", "في 8 أبريل"; a month alone only after one:
# "مارس" is also "practised")
_YEARLESS = re.compile(
    r"(?:حتى|لغاية|منذ|في|بحلول|بعد|قبل|من|نهاية|بنهاية|مطلع|أوائل|أواخر)\s+(?:نهاية\s+|مطلع\s+)?"
    rf"(?:(?P<day>[0-3]?\d)\s+)?(?:شهر\s+)?(?P<month>{_MONTH})(?:\s*[/(]\s*{_MONTH}\s*\)?)?(?!\s*(?:من\s+)?(?:عام\s+)?\d)"
)
_LETTERS = re.compile(r"[\u0621-\u064A]")

# up to, by, at the end of, since, in, on, after: the date stays
BOUND = re.compile(
    r"(?:حتى|لغاية|إلى\s+غاية|الى\s+غاية|إلى\s+حين|بحلول|منذ|في|بعد|يوم)\s*(?:نهاية\s+|آخر\s+)?"
    r"(?:يوم\s+|شهر\s+|عام\s+|تاريخ\s+)?$|"
    r"(?:نهاية|بنهاية|آخر)\s+(?:يوم\s+|شهر\s+|عام\s+)?$"
)
# from, as of, starting from: a month or a year from its first day
FROM_ON = re.compile(r"(?:اعتبار(?:ا|اً|ًا)\s+من|بدء(?:ا|اً|ًا)\s+من|ابتداء(?:ً)?\s+من|من)\s*(?:يوم\s+|تاريخ\s+|شهر\s+)?$")
END_WORDS = re.compile(
    r"إيقاف|ايقاف|توقف|يتوقف|تتوقف|ستتوقف|سيتوقف|أوقفت|اوقفت|أوقف|إنهاء|انهاء|انتهاء|ينتهي|تنتهي|سينتهي|ستنتهي|"
    r"ينهي|تنهي|ستنهي|سينهي|أنهت|انهت|"
    # Apple's list of obsolete products ("على قائمة الأجهزة القديمة"), which have no support left
    r"(?:قائمة|لائحة)\s+(?:الأجهزة|المنتجات)\s+(?:القديمة|المتقادمة|العتيقة)|"
    r"انتهى|انتهت|إغلاق|اغلاق|سيغلق|ستغلق|إقفال|لم\s+(?:يعد|تعد)|لن\s+(?:يعود|تعود)|"
    r"لن\s+(?:\S+\s+){0,2}(?:تتلقى|يتلقى|تحصل|يحصل|تعمل|يعمل|يدعم|تدعم)|"
    r"(?:الدعم|دعم|تحديثات|التحديثات|تحديث|التصحيحات)[^.]{0,60}?(?:حتى|لغاية|بحلول)|"
    r"(?:حتى|لغاية)[^.]{0,60}?(?:تحديثات|التحديثات|الدعم)"
)
# a launch, a release, a sale or a purchase, an announcement's day; or a forecast ("من المتوقع", expected)
NOT_AN_END = re.compile(
    r"إطلاق|أطلقت|اطلقت|أصدرت|تم\s+إصدار|طرح|البيع|بيع|مبيعات|شراء|اشترت|استحواذ|أعلنت\s+في|اعلنت\s+في|الإعلان|"
    r"المتوقع|يتوقع|متوقع|من\s+المرجح|ربما"
)


def dates(text: str) -> list[FoundDate]:
    """The dates of an Arabic sentence (ASCII digits): named months, days in digits and years after "عام"."""
    return combined(named_dates(text, _NAMED, _MONTHS), numeric_dates(text), years_after(text, _YEAR))


ARABIC = ScriptLanguage("ar", _LETTERS, 10, dates, BOUND, FROM_ON, END_WORDS, NOT_AN_END, _MONTHS, _YEARLESS)
