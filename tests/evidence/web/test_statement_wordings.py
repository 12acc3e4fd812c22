"""The wordings statements of compliance and makers' product-security pages use for the defined
support period (SI 2023/1007 Sch 1 para 3): the regulation's own "minimum length of time", periods
counted from a day the page dates, and the date forms of their tables."""

from __future__ import annotations

import datetime as dt

from psti.evidence.web.dates import DATE, parse_date
from tests.evidence.web.snippets import ends

D = dt.date


def _date(text: str) -> tuple[dt.date, str] | None:
    m = DATE.search(text)
    return None if m is None or m.lastgroup is None else parse_date(m.group(0), m.lastgroup)


def test_table_date_forms() -> None:
    assert _date("Dec-2027") == (D(2027, 12, 31), "month")
    assert _date("December-2027") == (D(2027, 12, 31), "month")
    assert _date("12/2026") == (D(2026, 12, 31), "month")
    assert _date("3/2028") == (D(2028, 3, 31), "month")
    assert _date("2027/12/31") == (D(2027, 12, 31), "day")
    # a financial year, a fraction and a path are no dates
    assert _date("the 2026/27 range") is None
    assert _date("v1/2027") is None
    assert _date("31-Dec-2025") == (D(2025, 12, 31), "day")


def test_the_regulations_minimum_length_of_time() -> None:
    text = "The minimum length of time for which the product will receive security updates is until the end of 2028."
    assert ends(text, "Acme Hub") == [D(2028, 12, 31)]
    # a copula whose subject is about something else says nothing of support
    assert ends("The minimum length of time for which the offer runs is until the end of 2028.", "Acme Hub") == []


def test_a_period_ending_on_a_date() -> None:
    text = "The product will be supported with security updates for a minimum period ending 31/12/2027."
    assert ends(text, "Acme") == [D(2027, 12, 31)]
    assert ends("Our sale runs for a promotional period ending 31/12/2027, with security updates included.") == []


def test_a_period_from_a_release_the_same_sentence_dates() -> None:
    text = (
        "This device will receive security updates for at least 7 years from the date of first release in the UK, "
        "which is 31 January 2024."
    )
    assert ends(text, "Galaxy S24") == [D(2031, 1, 31)]


def test_the_date_of_a_document_is_no_end() -> None:
    text = "The new Acme announcement regarding EOL (dated 2026/01/07) may answer some questions."
    assert ends(text, "Acme Hub") == []
    assert ends("The end of life of the Acme Hub is 2026/05/06.", "Acme Hub") == [D(2026, 5, 6)]


def test_a_period_from_the_day_the_product_was_placed_on_the_market() -> None:
    text = (
        "Security updates will be available for a minimum of five years from the date the product was first "
        "placed on the market in the UK (1 March 2024)."
    )
    assert ends(text, "Acme Cam") == [D(2029, 3, 1)]


def test_a_period_from_the_products_first_availability() -> None:
    text = (
        "The Acme Cam 3 will be supported with security updates for at least 60 months from its first "
        "availability on the UK market on 1 September 2023."
    )
    assert ends(text, "Acme Cam") == [D(2028, 9, 1)]
    made_available = (
        "Security updates are provided for 5 years from the date the product was first made available in the UK. "
        "Acme Cam 3 was first made available on 14 March 2024."
    )
    assert ends(made_available, "Acme Cam") == [D(2029, 3, 14)]
    # being available, with no "first", dates no start
    assert (
        ends("Acme Cam 3 will receive updates for 2 years. It is available from 1 May 2024 in our store.", "Acme Cam")
        == []
    )


def test_a_period_from_a_day_the_page_dates_as_a_verb_or_a_label() -> None:
    period = "Our products receive security updates for 2 years from their release date."
    assert ends(period + " The Acme Hub was released on 10 May 2024.", "Acme Hub") == [D(2026, 5, 10)]
    # a release of something else dates no product
    assert ends(period + " Firmware 2.1 was released on 10 May 2024.", "Acme Hub") == []
    label = "Acme provides security updates for 3 years after the product is discontinued.\nDiscontinued: 1 May 2025"
    assert ends(label, "Acme") == [D(2028, 5, 1)]


def test_a_span_after_an_end_of_sale_dated_in_a_relative_clause() -> None:
    text = (
        "Security update support for the Acme Hub will end 18 months after the end of sale, "
        "which is planned for March 2026."
    )
    assert ends(text, "Acme Hub") == [D(2027, 9, 30)]


def test_a_label_over_its_value() -> None:
    assert ends("<p><strong>Security update period</strong></p><p>31 December 2027</p>", "Acme", "text/html") == [
        D(2027, 12, 31)
    ]
    assert ends("<p><strong>Date of publication</strong></p><p>31 December 2024</p>", "Acme", "text/html") == []
    assert ends("Updates: At least until 2030", "Acme") == [D(2030, 12, 31)]


def test_until_the_later_of_a_date_or_a_span() -> None:
    text = (
        "We will provide security updates for the Acme Hub until the later of 31 March 2028 "
        "or two years after we last sold it."
    )
    assert ends(text, "Acme Hub") == [D(2028, 3, 31)]


def test_dated_items_run_together_in_one_sentence() -> None:
    text = "End of support: Acme Cam 1 — 2026; Acme Cam 2 — 2028; Acme Cam 3 — 2030."
    assert ends(text, "Acme Cam 2") == [D(2028, 12, 31)]
    assert ends(text, "Acme Cam 3") == [D(2030, 12, 31)]


def test_a_row_naming_two_models_of_one_line_with_a_slash() -> None:
    table = (
        "<table><tr><th>Device</th><th>Security support end</th></tr>"
        "<tr><td>Acme Phone 12 / 12 Pro</td><td>October 2030</td></tr>"
        "<tr><td>Acme Phone 11</td><td>October 2028</td></tr></table>"
    )
    assert ends(table, "Acme Phone 12 Pro", "text/html") == [D(2030, 10, 31)]
    # "the Pixel 6 and 7 Pro" does not name the Pixel 7
    text = (
        "The Acme Phone 6 and 7 Pro get security updates until 2029. The Acme Phone 7 gets security updates until 2028."
    )
    assert ends(text, "Acme Phone 7") == [D(2028, 12, 31)]


def test_sections_headed_by_a_name_and_its_model_code() -> None:
    text = (
        "Acme Cam 2 (model AC-200)\nSupport period ends: 31/03/2029\n\n"
        "Acme Cam 3 (model AC-300)\nSupport period ends: 30/06/2031"
    )
    assert ends(text, "AC-300") == [D(2031, 6, 30)]
    assert ends(text, "AC-200") == [D(2029, 3, 31)]
