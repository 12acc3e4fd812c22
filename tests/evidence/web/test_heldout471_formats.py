"""Forms met on pages of held-out-469 to 473, and the plain forms beside them: a quarter as an end's date
("until Q1 2028"); a year whose bound follows it, in Hungarian ("2026 végéig", "2026-ig", "2026-tól"), Finnish
("vuoden 2026 loppuun") and Turkish ("2026'ya kadar"); Turkish updates said before their date; a short line
of a product's name and its statement in German, Ukrainian or Russian, whose language its statement's own
words show; Italian "a partire da" a month; a certificate the service needs that runs out; a stretch of
support that ends or closes, and an end's date set; security support outlasting the first stage of support
beside it; a day written year first ("2017, June 18th"); a line that only leads a time ("As of September 30,
2016"), joined to the sentence on the next line; a foreign day of "this year" ("den 10. desember i år"), in the
page's year; Slovak and Slovenian statements."""

from __future__ import annotations

import datetime as dt

import pytest

from psti.evidence.web.pagetext import sentences
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


@pytest.mark.parametrize(
    ("said", "end"),
    [
        (
            "Questo significa che i Sonos Connect smetteranno di ricevere aggiornamenti a partire da maggio 2020.",
            D(2020, 5, 1),
        ),
        (
            "A Logitech explica que o Sonos Connect usa um certificado de segurança que expirará em março de 2018.",
            D(2018, 3, 31),
        ),
        ("Le certificat du Sonos Connect expirera en mars 2018.", D(2018, 3, 31)),
    ],
)
def test_from_a_month_in_italian_and_a_certificate_that_runs_out(said: str, end: dt.date) -> None:
    assert ends(said, "Sonos Connect") == [end]


def test_a_certificate_renewed_is_no_end() -> None:
    assert ends("Sonos Connect: certificado del sitio web renovado en marzo de 2018.", "Sonos Connect") == []


@pytest.mark.parametrize(
    "said",
    [
        "The support window for Acme Hub closes in December 2028.",
        "The minimum period for which Acme Hub will receive security updates ends in December 2028.",
        "The period during which Acme Hub receives security updates ends in December 2028.",
        "The end-of-support date for the Acme Hub is set to 31 December 2028.",
    ],
)
def test_a_stretch_of_support_that_ends_or_an_end_date_set(said: str) -> None:
    assert ends(said, "Acme Hub") == [D(2028, 12, 31)]


@pytest.mark.parametrize(
    "said",
    [
        "The window for Acme Hub trade-ins closes in December 2028.",
        "The period for which Acme Hub buyers get a free month ends in December 2028.",
        "The release date for the Acme Hub is set to 31 December 2028.",
    ],
)
def test_a_stretch_or_a_date_of_something_else_is_no_end(said: str) -> None:
    assert ends(said, "Acme Hub") == []


@pytest.mark.parametrize(
    "said",
    [
        "Acme Hub is in active support until Dec. 2028 and in security support until Dec. 2029.",
        "Acme Hub: active support until Dec 2028, security support until Dec 2029.",
        "Acme Hub will receive full support until 2027 and security-only updates until 2029.",
        "Mainstream support for Acme Hub ends December 2027, while extended support ends December 2029.",
        "Acme Hub mainstream support ends December 2027 and extended support ends December 2029.",
    ],
)
def test_security_support_outlasts_the_first_stage_beside_it(said: str) -> None:
    assert ends(said, "Acme Hub") == [D(2029, 12, 31)]


def test_another_models_later_stage_is_not_the_products() -> None:
    said = "Mainstream support for Acme Hub ends October 2025, while extended support for Acme Hub 2 ends October 2030."
    assert ends(said, "Acme Hub") == [D(2025, 10, 31)]


def test_the_first_stage_alone_or_another_models_later_date_stays_the_end() -> None:
    assert ends("Acme Hub mainstream support ends October 2025.", "Acme Hub") == [D(2025, 10, 31)]
    assert ends("Acme Hub 1 is in active support until Dec. 2028 and Acme Hub 2 until Dec. 2029.", "Acme Hub 1") == [
        D(2028, 12, 31)
    ]


def test_a_day_written_year_first_is_one_date_and_no_year_is_placed_after_it() -> None:
    assert ends("YouTube on Wii was discontinued 2017, June 18th.", "YouTube on Wii") == [D(2017, 6, 18)]
    form = (
        "### When was the product discontinued? Provide a specific date, if possible.\n\n2017, June 18th\n\n"
        "### What type of product was it?\n\nService\n"
    )
    assert ends(form, "YouTube on Wii", "text/markdown") == [D(2017, 6, 18)]


def test_a_line_that_only_leads_a_time_joins_the_sentence_on_the_next_line() -> None:
    page = (
        "As of today (July 29, 2016)\nNo in-game purchases can be made within the PC version of Disney Infinity.\n"
        "As of September 30, 2016\nYou will no longer be able to log in to play the PC version of Disney Infinity.\n"
    )
    assert ends(page, "Disney Infinity") == [D(2016, 9, 30)]
    assert sentences("Since 2019\nAcme Hub: updates until 2026\nFrom 1 May 2025:") == [
        "Since 2019",
        "Acme Hub: updates until 2026",
        "From 1 May 2025:",
    ]


@pytest.mark.parametrize(
    "said",
    [
        "Microsoft vil avslutte all støtte for Acme Hub den 10. desember i år.",
        "Der Support für den Acme Hub endet am 10. Dezember dieses Jahres.",
        "El soporte del Acme Hub terminará el 10 de diciembre de este año.",
        "Il supporto per Acme Hub terminerà il 10 dicembre di quest'anno.",
        "Wsparcie dla Acme Hub zakończy się 10 grudnia tego roku.",
    ],
)
@pytest.mark.parametrize("dateline", ["date 2019-01", "Published 14 January 2019"])
def test_a_foreign_day_of_this_year_takes_the_pages_year(said: str, dateline: str) -> None:
    assert ends(f"{dateline}\n{said}", "Acme Hub") == [D(2019, 12, 10)]


def test_a_foreign_day_of_this_year_on_an_undated_page_is_no_end() -> None:
    assert ends("Microsoft vil avslutte all støtte for Acme Hub den 10. desember i år.", "Acme Hub") == []


@pytest.mark.parametrize(
    ("said", "end"),
    [
        ("Acme Hub bude dostávať bezpečnostné aktualizácie do decembra 2026.", D(2026, 12, 31)),
        ("Podpora pre Acme Hub skončí 31. decembra 2026.", D(2026, 12, 31)),
        ("Spoločnosť ukončí podporu pre Acme Hub v decembri 2026.", D(2026, 12, 31)),
        ("Acme Hub prejema varnostne posodobitve do decembra 2026.", D(2026, 12, 31)),
        ("Podpora za Acme Hub se konča 30. junija 2026.", D(2026, 6, 30)),
        ("Acme Hub bo prejemal varnostne posodobitve do 31. julija 2027.", D(2027, 7, 31)),
        ("Operátor vypol sieť pre Acme Hub vo februári 2024.", D(2024, 2, 29)),
    ],
)
def test_slovak_and_slovenian_statements(said: str, end: dt.date) -> None:
    assert ends(said, "Acme Hub") == [end]


@pytest.mark.parametrize(
    "said",
    [
        "Acme Hub sa predával od marca 2020 do decembra 2022.",
        "Acme Hub je na trhu od mája 2021.",
        "Acme Hub je bil predstavljen marca 2021 in je na voljo v trgovinah.",
    ],
)
def test_slovak_and_slovenian_dates_of_a_sale_or_a_launch_are_no_end(said: str) -> None:
    assert ends(said, "Acme Hub") == []


def test_a_name_after_a_comma_with_its_verb_left_out_shares_the_end_before_it() -> None:
    said = "Orange vypol 3G sieť vo februári 2024, Telekom ešte v novembri 2023."
    assert ends(said, "Telekom") == [D(2023, 11, 30)]
    assert ends(said, "Orange") == [D(2024, 2, 29)]
    # (a clause with a verb of its own is no list: "Acme Hub 2 llega en mayo de 2027" is a launch)
    launch = "El soporte del Acme Hub termina en marzo de 2026, Acme Hub 2 llega en mayo de 2027."
    assert ends(launch, "Acme Hub 2") != [D(2027, 5, 31)]
