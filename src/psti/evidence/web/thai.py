"""Thai support statements: their dates and the words of an end.

Thai writes no spaces between words, so the words are matched as they stand, and counts years in the Buddhist era
(พ.ศ.), 543 years ahead of the common era: "จนถึงเดือน ตุลาคม 2560" is up to October 2017. A year from 2400 on is
read as such a year; the press writes the common era's too, sometimes marked "ค.ศ.".
"""

from __future__ import annotations

import re

from psti.evidence.web.dates import month_or_day
from psti.evidence.web.script_reader import FoundDate, ScriptLanguage, combined, named_dates, numeric_dates

_MONTHS = {
    "มกราคม": 1, "กุมภาพันธ์": 2, "มีนาคม": 3, "เมษายน": 4, "พฤษภาคม": 5, "มิถุนายน": 6, "กรกฎาคม": 7,
    "สิงหาคม": 8, "กันยายน": 9, "ตุลาคม": 10, "พฤศจิกายน": 11, "ธันวาคม": 12,
    "ม.ค.": 1, "ก.พ.": 2, "มี.ค.": 3, "เม.ย.": 4, "พ.ค.": 5, "มิ.ย.": 6, "ก.ค.": 7, "ส.ค.": 8, "ก.ย.": 9,
    "ต.ค.": 10, "พ.ย.": 11, "ธ.ค.": 12,
}  # fmt: skip
_MONTH = "(?:" + "|".join(sorted(map(re.escape, _MONTHS), key=len, reverse=True)) + ")"
_ERA = r"(?:พ\.\s?ศ\.|ค\.\s?ศ\.)?"
# "31 ตุลาคม 2560", "วันที่ 31 ต.ค. 2567", "เดือนตุลาคม 2560"
_NAMED = re.compile(
    rf"(?:วันที่\s*)?(?:(?P<d>[0-3]?\d)\s*)?(?:เดือน\s*)?(?P<m>{_MONTH})\s*{_ERA}\s*(?P<y>(?:19|20|24|25|26)\d\d)(?!\d)"
)
# a day in digits with a Buddhist-era year ("31/12/2568"; the common era's are read by `numeric_dates`)
_NUMERIC_BE = re.compile(r"(?<![\d/.])(?P<d>[0-3]?\d)[/.](?P<m>[01]?\d)[/.](?P<y>2[4-6]\d\d)(?![\d/])")
_YEAR = re.compile(r"(?:ปี|พ\.\s?ศ\.|ค\.\s?ศ\.)\s*(?P<y>(?:19|20|24|25|26)\d\d)(?!\d)")
_LETTERS = re.compile(r"[\u0E01-\u0E4E]")
# a day or a month with no year: "31 ตุลาคม", "จนถึงเดือนตุลาคม" (a month alone only after a bound)
_YEARLESS = re.compile(
    rf"(?:(?:วันที่\s*)?(?P<day>[0-3]?\d)\s*|(?:จนถึง|ถึง|ตั้งแต่|ภายใน|ใน|หลัง)\s*(?:เดือน\s*)?)(?P<month>{_MONTH})"
    rf"(?!\s*{_ERA}\s*\d)"
)
_BUDDHIST_ERA = 543


def _year(written: str) -> int:
    year = int(written)
    return year - _BUDDHIST_ERA if year >= 2400 else year


# up to, within, in, on, after: the date stays
BOUND = re.compile(r"(?:จนถึง|ไปจนถึง|จนกระทั่ง|ถึง|ภายใน|สิ้นสุด|ใน|เมื่อ|หลังจาก|หลัง)\s*(?:วันที่|เดือน|ปี|สิ้น)?\s*$")
# from, since: a month or a year from its first day
FROM_ON = re.compile(r"(?:ตั้งแต่|นับตั้งแต่|เริ่มตั้งแต่|เริ่ม)\s*(?:วันที่|เดือน|ปี)?\s*$")
END_WORDS = re.compile(
    r"หยุด|ยุติ|สิ้นสุด|ยกเลิก|ปิดให้บริการ|ปิดบริการ|ปิดตัว|เลิกสนับสนุน|เลิกให้|ไม่ได้รับ|จะไม่|ไม่รองรับ|"
    r"(?:อัปเดต|อัพเดต|อัพเดท|อัปเดท|แพตช์|ความปลอดภัย|สนับสนุน|ซัพพอร์ต|รองรับ)[^.]{0,60}?(?:จนถึง|ถึง)"
)
# a launch, a sale, an announcement's day; or a forecast ("คาดว่า", expected; "อาจจะ", may)
NOT_AN_END = re.compile(r"วางจำหน่าย|เปิดตัว|จำหน่าย|ประกาศเมื่อ|เปิดขาย|ซื้อ|คาดว่า|อาจจะ")


def dates(text: str) -> list[FoundDate]:
    """The dates of a Thai sentence (ASCII digits), their years in the common era."""
    named = named_dates(text, _NAMED, _MONTHS, _year)
    years = []
    for m in _YEAR.finditer(text):
        if (read := month_or_day(_year(m.group("y")), 12, 31)) is not None:
            years.append(FoundDate(m.start(), m.end(), read[0], "year"))
    for m in _NUMERIC_BE.finditer(text):
        if 1 <= int(m.group("m")) <= 12 and (
            read := month_or_day(_year(m.group("y")), int(m.group("m")), int(m.group("d")))
        ):
            named.append(FoundDate(m.start(), m.end(), *read))
    return combined(named, numeric_dates(text), years)


THAI = ScriptLanguage("th", _LETTERS, 8, dates, BOUND, FROM_ON, END_WORDS, NOT_AN_END, _MONTHS, _YEARLESS)
