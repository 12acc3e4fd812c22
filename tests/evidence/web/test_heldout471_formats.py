"""Plain forms beside the pages of held-out-471 to 473: a quarter as an end's date ("until Q1 2028", "through
the first quarter of 2028"); a year whose bound follows it, in Hungarian ("2026 végéig", "2026-ig",
"2026-tól"), Finnish ("vuoden 2026 loppuun") and Turkish ("2026'ya kadar"); Turkish updates said before their
date; a short line of a product's name and its statement in German, Ukrainian or Russian, whose language
its statement's own words show."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.evidence.web.snippets import ends

D = dt.date


@pytest.mark.parametrize(
    ("said", "end"),
    [
        ("The Acme Hub is supported until Q1 2028.", D(2028, 3, 31)),
        ("Acme Hub will receive security updates through Q3 2027.", D(2027, 9, 30)),
        ("The Acme Hub is supported until the first quarter of 2028.", D(2028, 3, 31)),
        ("The last security update for Acme Hub will be released in Q4 2026.", D(2026, 12, 31)),
        ("Security updates for the Acme Hub end in Q2 2026.", D(2026, 6, 30)),
    ],
)
def test_a_quarter_bounds_an_end_as_its_last_month_does(said: str, end: dt.date) -> None:
    assert ends(said, "Acme Hub") == [end]


@pytest.mark.parametrize(
    "said",
    [
        "Acme Hub was launched in Q1 2022.",
        "Acme Hub 2 arrives in Q3 2027.",
        "Sales of the Acme Hub end in Q1 2027.",
        "Acme Hub will get a new design until Q2 2027.",
        "Acme Hub will be supported until mid-2027.",
    ],
)
def test_a_quarter_of_something_else_or_a_part_of_a_year_is_no_end(said: str) -> None:
    assert ends(said, "Acme Hub") == []


@pytest.mark.parametrize(
    ("said", "end"),
    [
        ("Acme Hub kap frissítéseket 2026 végéig.", D(2026, 12, 31)),
        ("Acme Hub 2026-ig kap frissítéseket.", D(2026, 12, 31)),
        ("Acme Hub 2026-tól nem kap frissítéseket.", D(2026, 1, 1)),
        ("Acme Hub saa turvapäivityksiä vuoden 2026 loppuun.", D(2026, 12, 31)),
        ("Acme Hub tuki päättyy vuoden 2026 lopussa.", D(2026, 12, 31)),
        ("Acme Hub 2026'ya kadar güvenlik güncellemesi alacak.", D(2026, 12, 31)),
        ("Acme Hub güvenlik güncellemelerini Aralık 2026'ya kadar alacak.", D(2026, 12, 31)),
    ],
)
def test_a_bound_written_after_its_year_or_updates_before_their_date(said: str, end: dt.date) -> None:
    assert ends(said, "Acme Hub") == [end]


@pytest.mark.parametrize(
    "said",
    [
        "Acme Hub 2020-tól kapható az üzletekben.",
        "Acme Hub uusi malli julkaistaan vuoden 2026 lopussa.",
        "Acme Hub 2020'ye kadar satıldı.",
    ],
)
def test_a_bounded_year_of_a_sale_or_a_new_model_is_no_end(said: str) -> None:
    assert ends(said, "Acme Hub") == []


@pytest.mark.parametrize(
    "said",
    [
        "Acme Hub: Sicherheitsupdates bis 31.12.2026",
        "Acme Hub отримуватиме оновлення безпеки до грудня 2026 року.",
        "Acme Hub: оновлення безпеки до 31.12.2026",
        "Acme Hub: обновления безопасности до 31.12.2026",
    ],
)
def test_a_short_statement_shows_its_language_by_its_own_words(said: str) -> None:
    assert ends(said, "Acme Hub") == [D(2026, 12, 31)]


@pytest.mark.parametrize("said", ["Acme Hub: Preis bis 31.12.2026", "Acme Hub: Angebot gilt bis 31.12.2026"])
def test_a_short_line_with_a_date_of_something_else_is_no_end(said: str) -> None:
    assert ends(said, "Acme Hub") == []
