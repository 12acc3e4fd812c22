"""Support statements in Arabic, Hebrew and Thai: dates in their own month names and digits (Eastern Arabic digits,
Buddhist-era years), the prepositions Arabic and Hebrew join to the word after, and no end from a launch, a sale
or an announcement."""

from __future__ import annotations

import datetime as dt

import pytest

from psti.evidence.web.arabic import ARABIC
from psti.evidence.web.hebrew import HEBREW
from psti.evidence.web.script_reader import script_end
from psti.evidence.web.thai import THAI
from psti.evidence.web.thai import dates as thai_dates
from tests.evidence.web.snippets import ends

D = dt.date


@pytest.mark.parametrize(
    ("said", "end"),
    [
        (
            "سيتم إغلاق شبكات الجيل الثاني (2G) والجيل الثالث (3G) لـ Acme Hub حتى 31/12/2025 في جميع الشركات",
            D(2025, 12, 31),
        ),
        ("ستتوقف أكمي عن تقديم تحديثات الأمان لجهاز Acme Hub اعتبارا من 31 مارس 2025.", D(2025, 3, 31)),
        ("سيحصل Acme Hub على تحديثات الأمان حتى ديسمبر 2027.", D(2027, 12, 31)),
        ("سيحصل Acme Hub على تحديثات الأمان حتى عام ٢٠٢٧.", D(2027, 12, 31)),
        ("لن يتلقى Acme Hub أي تحديثات بعد شهر أيلول/سبتمبر 2025.", D(2025, 9, 30)),
        ("ستتوقف أكمي عن دعم Acme Hub اعتبارا من مارس 2025.", D(2025, 3, 1)),
    ],
)
def test_arabic_ends(said: str, end: dt.date) -> None:
    assert ends(said, "Acme Hub") == [end]


@pytest.mark.parametrize(
    ("said", "end"),
    [
        ("החל מיום 31.12.2025 ספקיות הסלולר מחויבות להפסיק לספק שירות ללקוחות בעלי Acme Hub.", D(2025, 12, 31)),
        ("Acme Hub יקבל עדכוני אבטחה עד דצמבר 2027.", D(2027, 12, 31)),
        ("התמיכה ב-Acme Hub תסתיים ב-31 במרץ 2025.", D(2025, 3, 31)),
        ("השירות של Acme Hub ייסגר בדצמבר 2025.", D(2025, 12, 31)),
        ("השירות של Acme Hub ייסגר מדצמבר 2025.", D(2025, 12, 1)),
    ],
)
def test_hebrew_ends(said: str, end: dt.date) -> None:
    assert ends(said, "Acme Hub") == [end]


@pytest.mark.parametrize(
    ("said", "end"),
    [
        ("Google ยังจะมีการอัพเดทความปลอดภัยให้กับ Acme Hub จนถึงเดือน ตุลาคม 2560 นี้", D(2017, 10, 31)),
        ("Acme Hub จะหยุดรับการอัปเดตความปลอดภัยตั้งแต่วันที่ 31 มีนาคม 2568", D(2025, 3, 31)),
        ("Acme Hub จะได้รับการอัปเดตความปลอดภัยจนถึงปี 2027", D(2027, 12, 31)),
        ("Acme Hub จะได้รับการอัปเดตความปลอดภัยจนถึง 31/12/2570", D(2027, 12, 31)),
    ],
)
def test_thai_ends(said: str, end: dt.date) -> None:
    assert ends(said, "Acme Hub") == [end]


@pytest.mark.parametrize(
    "said",
    [
        "أطلقت أكمي جهاز Acme Hub في 31 مارس 2025 بسعر 199 دولارا.",
        "أعلنت أكمي في 31 مارس 2025 عن جهاز Acme Hub الجديد مع شاشة أكبر.",
        "يعمل Acme Hub مع تطبيق أكمي منذ عام 2019 ويدعم اللغة العربية.",
        'Acme Hub הושק בישראל ב-31 במרץ 2025 במחיר 799 ש"ח.',
        "Acme Hub ממשיך לעבוד עם האפליקציה מאז 2019 והוא זמין בחנויות.",
        "Acme Hub วางจำหน่ายในประเทศไทยเมื่อวันที่ 31 มีนาคม 2568 ในราคา 5,990 บาท",
    ],
)
def test_a_launch_a_sale_or_a_use_since_is_no_end(said: str) -> None:
    assert ends(said, "Acme Hub") == []


def test_a_buddhist_era_year_is_read_in_the_common_era() -> None:
    (found,) = thai_dates("เดือน ตุลาคม 2560")
    assert (found.day, found.precision) == (D(2017, 10, 31), "month")


def test_a_latin_sentence_is_left_to_the_latin_reader() -> None:
    said = "Acme Hub receives security updates until 31 December 2027."
    assert all(script_end(said, language) is None for language in (ARABIC, HEBREW, THAI))


def test_of_several_ends_the_one_beside_the_product_is_taken() -> None:
    said = "ستتوقف تحديثات Acme Cam حتى 31 مارس 2024، وستتوقف تحديثات Acme Hub حتى 31 مارس 2026 في جميع الدول."
    end = script_end(said, ARABIC, lambda stretch: "Acme Hub" in stretch)
    assert end is not None and end.day == D(2026, 3, 31)


@pytest.mark.parametrize(
    ("page", "end"),
    [
        (" date 2023-10-04 \nقررت آبل إيقاف كافة أشكال الدعم عن Acme Hub منذ نهاية شهر أيلول.", D(2023, 9, 30)),
        ("Published 2024-02-10\nהשירות של Acme Hub ייסגר ב-31 במרץ.", D(2024, 3, 31)),
        ("Published 2017-05-10\nAcme Hub จะได้รับการอัปเดตความปลอดภัยจนถึงเดือนตุลาคม นี้", D(2017, 10, 31)),
    ],
)
def test_a_day_or_month_with_no_year_takes_the_year_nearest_the_pages_date(page: str, end: dt.date) -> None:
    assert ends(page, "Acme Hub") == [end]


def test_a_month_with_no_year_on_an_undated_page_is_no_end() -> None:
    assert ends("قررت آبل إيقاف كافة أشكال الدعم عن Acme Hub منذ نهاية شهر أيلول.", "Acme Hub") == []


def test_apples_obsolete_list_is_an_end_however_far_its_stop_word() -> None:
    said = (
        "قررت آبل إيقاف كافة أشكال الدعم عن الجيل الأول من Acme Hub، وفقًا لمذكرة داخلية نشرها موقع متخصص في أخبار"
        " الشركة الأميركية، حيث وضعت الشركة كل إصدارات Acme Hub على قائمة الأجهزة القديمة حتى نهاية شهر أيلول 2023."
    )
    assert ends(said, "Acme Hub") == [D(2023, 9, 30)]


def test_a_forecast_is_no_end() -> None:
    said = "تقترب Acme Hub من نهاية الدعم، ومن المتوقع حذفها نهائيا من قائمة التحديثات بحلول أغسطس 2026."
    assert ends(said, "Acme Hub") == []


def test_a_hebrew_month_with_no_year_is_found_only_after_a_preposition_that_starts_its_word() -> None:
    found = [m.group("month") for m in HEBREW.yearless.finditer("ברחוב מאי, ב-31 במרץ ועד דצמבר")]
    assert found == ["מרץ", "דצמבר"]
