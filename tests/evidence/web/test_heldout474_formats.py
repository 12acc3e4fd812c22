"""Forms met on pages of held-out-474 and 475, and the plain forms beside them: a support period written as a
range of days ("Defined support period: 01/04/2024 - 31/03/2029"); a period counted from an end of sale dated in
brackets; a product taken off the market that goes on being updated; a short answer under a question about the
end ("How long …? Until 31 December 2028."); an aside on the maker's past beside the end the sentence states; a
day or month named in another language with no year, placed by the page's date (and a dateline in the page's
language); a Polish, Czech or Slovak day after the stop's verb with no preposition; Czech "října roku 2025" and
"na konci"; and policies that acknowledge by letting the reporter know the report arrived, confirm receipt in a
purpose clause, or pass on progress or status."""

from __future__ import annotations

import datetime as dt

import pytest

from psti.evidence.web.pagedate import place_yearless
from tests.evidence.web.snippets import ends, policy

D = dt.date


def _times(text: str) -> tuple[str | None, str | None]:
    """The acknowledgement and status-update timescales a policy with this text gives."""
    p = policy(text)
    return (p.ack_when.timescale if p.ack_when else None, p.status_when.timescale if p.status_when else None)


@pytest.mark.parametrize(
    "said",
    [
        "Defined support period: 01/04/2024 - 31/03/2029",
        "Defined support period: 01/04/2024 – 31/03/2029",
        "Support period: 1 April 2024 - 31 March 2029",
        "Security updates: 01.04.2024 - 31.03.2029",
        "Support period: 04/2024 - 03/2029",
    ],
)
def test_a_support_period_written_as_a_range_ends_at_its_second_date(said: str) -> None:
    assert ends(said, "Acme Hub") == [D(2029, 3, 31)]


@pytest.mark.parametrize(
    "said",
    [
        "Sales period: 01/04/2024 - 31/03/2029",
        "Warranty period: 01/04/2024 - 31/03/2026",
        "Promotion: 1 April 2024 - 31 March 2029",
        "Event dates: 1 April 2024 - 3 April 2024",
    ],
)
def test_a_range_of_something_else_is_no_end(said: str) -> None:
    assert ends(said, "Acme Hub") == []


@pytest.mark.parametrize(
    ("said", "end"),
    [
        (
            "Acme Hub is supported with security updates for 4 years after the end of sales (end of sales: 31 March"
            " 2025).",
            D(2029, 3, 31),
        ),
        (
            "Acme Hub: update support period – 4 years after the end of sales (end of sales: 31 March 2025)",
            D(2029, 3, 31),
        ),
        ("Acme Hub | End of sales: 31 March 2025 | End of support: 31 March 2029", D(2029, 3, 31)),
    ],
)
def test_a_period_counted_from_a_dated_end_of_sale_ends_after_it(said: str, end: dt.date) -> None:
    assert ends(said, "Acme Hub") == [end]


def test_an_end_of_sale_alone_is_no_end() -> None:
    assert ends("End of sale: 31 March 2025", "Acme Hub") == []


@pytest.mark.parametrize(
    "said",
    [
        "The Acme Hub was discontinued in 2022 and will receive security updates until 2026.",
        "The Acme Hub was discontinued in 2022 but will receive security updates until 2026.",
        "Acme discontinued the Acme Hub in 2022, but security updates will continue until 2026.",
    ],
)
def test_a_product_off_the_market_is_updated_to_the_end_its_sentence_bounds(said: str) -> None:
    assert ends(said, "Acme Hub") == [D(2026, 12, 31)]


def test_a_service_discontinued_still_ends() -> None:
    assert ends("The Acme Hub service was discontinued in 2022.", "Acme Hub") == [D(2022, 12, 31)]


@pytest.mark.parametrize(
    ("said", "end"),
    [
        ("How long will my Acme Hub receive security updates? Until 31 December 2028.", D(2028, 12, 31)),
        ("Q: How long will the Acme Hub get updates? A: At least until June 2029.", D(2029, 6, 30)),
        ("How long will the Acme Hub be supported?\nYes, until the end of 2027.", D(2027, 12, 31)),
        ("When will the Acme Hub reach end of life?\n31 December 2028", D(2028, 12, 31)),
    ],
)
def test_a_short_answer_under_a_question_about_the_end(said: str, end: dt.date) -> None:
    assert ends(said, "Acme Hub") == [end]


@pytest.mark.parametrize(
    "said",
    ["When was the Acme Hub launched?\nUntil 2027.", "How long is the Acme Hub warranty?\nUntil 2027."],
)
def test_an_answer_to_another_question_is_no_end(said: str) -> None:
    assert ends(said, "Acme Hub") == []


def test_an_aside_on_the_makers_past_gives_way_to_the_end_stated() -> None:
    said = (
        "Neato Robotics, which shut down in 2023 due to declining sales, has notified customers that cloud services"
        " are being phased out during Q4 2025."
    )
    assert ends(said, "Neato Botvac") == [D(2025, 12, 31)]


def test_an_aside_about_updates_keeps_its_end() -> None:
    said = "The Acme Hub, which gets security updates until 2027, will stop getting feature updates in 2025."
    assert ends(said, "Acme Hub") == [D(2027, 12, 31)]


@pytest.mark.parametrize(
    ("said", "end"),
    [
        (
            "date 2021-08\nNyní se však rozhodl, že oficiálně od 27. září ukončí podporu všech zařízení, které běží"
            " na verzi Androidu 2.3.7 Gingerbread a nižší.",
            D(2021, 9, 27),
        ),
        (
            "date 2023-10\nJak poinformował serwis MacRumors, wsparcie dla Apple Watch zostało porzucone 30 września.",
            D(2023, 9, 30),
        ),
        ("date 2024-11-03\nLe support de l'Acme Hub prendra fin le 31 mars.", D(2025, 3, 31)),
        ("date 2024-11-03\nEl Acme Hub dejará de recibir actualizaciones el 31 de enero.", D(2025, 1, 31)),
        ("date 2024-11-03\nDer Support für das Acme Hub endet Ende März.", D(2025, 3, 31)),
        (
            "date 2023-06\nWydaje się, że wsparcie dla Acme Hub oficjalnie zakończyło się pod koniec kwietnia.",
            D(2023, 4, 30),
        ),
        ("Publié le 3 novembre 2024\nLe support de l'Acme Hub prendra fin le 31 mars.", D(2025, 3, 31)),
        (
            "Veröffentlicht am 3. November 2024\nDas Acme Hub erhält ab dem 1. Februar keine Updates mehr.",
            D(2025, 2, 1),
        ),
        ("Opublikowano: 3 listopada 2024\nAcme Hub przestanie otrzymywać aktualizacje 31 stycznia.", D(2025, 1, 31)),
    ],
)
def test_a_foreign_day_with_no_year_takes_the_year_nearest_the_pages_date(said: str, end: dt.date) -> None:
    product = "Apple Watch" if "Apple Watch" in said else "Android 2.3.7" if "Android" in said else "Acme Hub"
    assert ends(said, product) == [end]


def test_a_foreign_day_with_no_page_date_or_a_month_after_no_bound_is_left_alone() -> None:
    assert place_yearless("Le support de l'Acme Hub prendra fin le 31 mars.")[1] == []
    assert place_yearless("date 2024-11-03\nA marca Acme Hub terá suporte.")[1] == []
    placed = place_yearless("date 2024-11-03\nLe support prendra fin le 31 mars.")[1]
    assert [(p.written, p.reading) for p in placed] == [("31 mars", "31 mars 2025")]


@pytest.mark.parametrize(
    ("said", "end"),
    [
        ("Acme Hub przestanie otrzymywać aktualizacje 31 stycznia 2025.", D(2025, 1, 31)),
        ("Wsparcie dla Acme Hub zostało porzucone 30 września 2023.", D(2023, 9, 30)),
        ("Acme Hub přestane dostávat aktualizace 31. ledna 2025.", D(2025, 1, 31)),
        ("Acme Hub prestane dostávať aktualizácie 31. januára 2025.", D(2025, 1, 31)),
        ("Acme Hub budou dostávat aktualizace po dobu tří let, tedy do října roku 2025.", D(2025, 10, 31)),
        ("Na konci srpna 2021 přestanou telefony Acme Hub dostávat aktualizace.", D(2021, 8, 31)),
    ],
)
def test_polish_czech_and_slovak_stops_and_dates(said: str, end: dt.date) -> None:
    assert ends(said, "Acme Hub") == [end]


def test_a_polish_date_of_an_announcement_is_no_stop() -> None:
    assert ends("Acme Hub przestanie otrzymywać aktualizacje, o czym poinformowano 31 stycznia 2025.", "Acme Hub") == []


@pytest.mark.parametrize(
    ("text", "ack", "status"),
    [
        ("We will let you know we received your report within 3 days.", "within 3 days", None),
        (
            "We will let you know that we have received your report within 3 business days.",
            "within 3 business days",
            None,
        ),
        (
            "Our team will reach out within 5 business days to confirm receipt, and will follow up every 2 weeks"
            " with status updates.",
            "within 5 business days",
            "every 2 weeks",
        ),
        (
            "We will acknowledge your report within 2 business days and will provide you with progress reports at"
            " least every 2 weeks.",
            "within 2 business days",
            "at least every 2 weeks",
        ),
        ("We'll share our progress with you every week.", None, "every week"),
        ("The PSIRT will communicate the status of the investigation every 30 days.", None, "every 30 days"),
    ],
)
def test_policies_that_let_know_confirm_receipt_or_pass_on_progress(
    text: str, ack: str | None, status: str | None
) -> None:
    assert _times("Email security@acme.example. " + text) == (ack, status)


@pytest.mark.parametrize(
    "text",
    [
        "We will communicate the status to affected customers every 30 days.",
        "We will share progress with the vendor every week.",
        "We will let you know whether we accept the report within 30 days.",
        "We will provide you with a fix within 90 days.",
        "Please do not make vulnerabilities public without notifying us and giving us at least 3 days to respond.",
    ],
)
def test_news_for_others_a_fix_or_a_wait_asked_is_no_timed_promise_to_the_reporter(text: str) -> None:
    assert _times("Email security@acme.example. " + text) == (None, None)


@pytest.mark.parametrize(
    ("said", "end"),
    [
        ("After 31 March 2025, Acme will no longer issue security patches for the Acme Hub.", D(2025, 3, 31)),
        ("Acme will not release any more security updates for the Acme Hub after 31 March 2025.", D(2025, 3, 31)),
        ("From 1 April 2025, Acme will no longer publish firmware for the Acme Hub.", D(2025, 4, 1)),
    ],
)
def test_releases_withheld_from_a_date_on_end_there(said: str, end: dt.date) -> None:
    assert ends(said, "Acme Hub") == [end]


@pytest.mark.parametrize(
    "said",
    ["No security patches were issued for the Acme Hub in 2024.", "Acme did not release the Acme Hub until 2020."],
)
def test_a_year_without_releases_or_a_late_launch_is_no_end(said: str) -> None:
    assert ends(said, "Acme Hub") == []


def test_a_period_from_that_date_counts_from_the_day_before_it() -> None:
    said = "The Acme Hub went on sale on 12 September 2023, and Acme guarantees five years of updates from that date."
    assert ends(said, "Acme Hub") == [D(2028, 9, 12)]
    # a year alone is no day to count from
    assert ends("The Acme Hub went on sale in 2023, and Acme guarantees five years of updates from that date.") == []


def test_a_finnish_named_day_up_to_which_updates_come() -> None:
    said = (
        "Tietoturvapäivityksiä tulee laitteille 10. joulukuuta 2019 asti ja kaikki muukin tuki laitteille lopetetaan."
    )
    assert ends(said, "Windows 10 Mobile") == [D(2019, 12, 10)]
    assert ends("Windows 10 Mobile saa tietoturvapäivityksiä 10. joulukuuta 2019 asti.") == [D(2019, 12, 10)]


def test_a_sale_stopped_abroad_is_no_end() -> None:
    said = (
        "Après l'arrêt de la commercialisation de ce Speaker Djingo en octobre 2020, Orange a en effet décidé de"
        " fermer définitivement les services Djingo et Alexa sur cet appareil."
    )
    assert ends(said, "Speaker Djingo") == []
    assert ends("Orange arrêtera les services du Speaker Djingo en mars 2021.", "Speaker Djingo") == [D(2021, 3, 31)]


@pytest.mark.parametrize(
    ("text", "ack", "status"),
    [
        (
            "Lähetä ilmoitus osoitteeseen security@acme.example. Vahvistamme vastaanoton kolmen työpäivän kuluessa ja"
            " kerromme edistymisestä 14 päivän välein.",
            "kolmen työpäivän kuluessa",
            "14 päivän välein",
        ),
        (
            "Lupaamme kuitata raportin vastaanotetuksi kolmen työpäivän kuluessa.\n\nVastaamme raportteihin tarkemmin"
            " kymmenen työpäivän kuluessa.\n\ncert@acme.example",
            "kolmen työpäivän kuluessa",
            "kymmenen työpäivän kuluessa",
        ),
        (
            "Pošlete hlášení na security@acme.example. Přijetí potvrdíme do 3 pracovních dnů a o postupu vás budeme"
            " informovat každých 14 dní.",
            "do 3 pracovních dnů",
            "každých 14 dní",
        ),
        (
            "Envie o seu relatório para security@acme.example. Confirmaremos a receção no prazo de 3 dias úteis e"
            " manteremos você informado a cada 15 dias.",
            "no prazo de 3 dias úteis",
            "a cada 15 dias",
        ),
    ],
)
def test_finnish_czech_and_portuguese_policies(text: str, ack: str, status: str) -> None:
    assert policy(text).contacts
    assert _times(text) == (ack, status)


def test_a_finnish_policy_with_no_time_promises_none() -> None:
    assert _times(
        "Lähetä ilmoitus osoitteeseen security@acme.example. Vahvistamme vastaanoton ja kerromme edistymisestä."
    ) == (None, None)


@pytest.mark.parametrize(
    ("text", "ack", "status"),
    [
        (
            "취약점은 security@acme.example 로 신고해 주십시오. 영업일 기준 3일 이내에 접수 확인 메일을"
            " 보내드리며, 14일마다 진행 상황을 알려드립니다.",
            "영업일 기준 3일 이내",
            "14일마다",
        ),
        ("취약점은 security@acme.example 로 신고해 주십시오. 72시간 이내에 회신드리겠습니다.", "72시간 이내", None),
        ("취약점은 security@acme.example 로 신고해 주십시오. 90일 이내에 패치를 배포합니다.", None, None),
    ],
)
def test_korean_policies(text: str, ack: str | None, status: str | None) -> None:
    assert _times(text) == (ack, status)


def test_the_makers_follow_up_is_a_reply_and_a_recurring_one_an_update() -> None:
    p = policy(
        "Email security@acme.example. After submitting a report, you will receive an automated confirmation. A member"
        " of our team will follow up within 10 business days."
    )
    assert p.ack_when is not None and p.ack_when.timescale == "within 10 business days"
    p = policy("Email security@acme.example. We will follow up every 14 days.")
    assert p.status_when is not None and p.status_when.timescale == "every 14 days"


@pytest.mark.parametrize(
    "text",
    [
        "If you do not hear from us within 5 days, please follow up.",
        "Please follow up within 5 days if you have not received a reply.",
        "You can follow up within 5 days.",
    ],
)
def test_the_reporters_follow_up_is_no_promise(text: str) -> None:
    assert _times("Email security@acme.example. " + text) == (None, None)


_PRODUCTS_AS_COLUMNS = (
    "<table><tr><th></th><th>Acme Hub</th><th>Acme Cam</th></tr>"
    "<tr><td>Release date</td><td>Jan 2023</td><td>May 2022</td></tr>"
    "<tr><td>Security updates until</td><td>Dec 2028</td><td>Jun 2027</td></tr></table>"
)


@pytest.mark.parametrize(
    ("product", "end"), [("Acme Hub", [D(2028, 12, 31)]), ("Acme Cam", [D(2027, 6, 30)]), ("Acme Plug", [])]
)
def test_a_table_whose_columns_are_products_gives_each_its_own_end(product: str, end: list[dt.date]) -> None:
    assert ends(_PRODUCTS_AS_COLUMNS, product, "text/html") == end


def test_a_row_of_plain_columns_is_still_read_by_its_labels() -> None:
    assert ends("EOL | Model: Acme Hub | Date: 2028-12-31", "Acme Hub") == [D(2028, 12, 31)]


def test_a_part_of_next_year_is_as_vague_as_a_part_of_a_named_year() -> None:
    assert ends("Published 3 November 2024\nStarting early next year, the Acme Hub will no longer be supported.") == []
    assert ends("Starting early 2025, the Acme Hub will no longer be supported.") == []
    said = "Published 3 November 2024\nStarting next year, the Acme Hub will no longer be supported."
    assert ends(said, "Acme Hub") == [D(2025, 1, 1)]


@pytest.mark.parametrize(
    ("said", "end"),
    [
        (
            "The Acme Home app will be discontinued on 31 March 2025; the Acme Hub cannot be used without it.",
            [D(2025, 3, 31)],
        ),
        ("The Acme Home app will be discontinued on 31 March 2025; the Acme Hub requires it.", [D(2025, 3, 31)]),
        ("The Acme Cam will be discontinued on 31 March 2025; the Acme Hub does not need it.", []),
        ("The Acme Cam will be discontinued on 31 March 2025; the Acme Hub is unaffected.", []),
    ],
)
def test_what_the_product_needs_named_in_the_clause_before_ends_it(said: str, end: list[dt.date]) -> None:
    assert ends(said, "Acme Hub") == end


def test_an_italian_month_from_which_updates_stop_takes_the_pages_year() -> None:
    said = (
        "date 2024-09\nÈ stata appena diffusa la lista degli hardware che, a partire da settembre, non riceveranno"
        " più aggiornamenti software e/o patch di sicurezza. La serie Acme Hub non riceverà più aggiornamenti."
    )
    assert ends(said, "Acme Hub") == [D(2024, 9, 1)]


def test_a_leap_day_no_year_near_the_page_has_is_left_unplaced() -> None:
    assert place_yearless("date 2022-06-01\nWsparcie dla Acme Hub zakończy się 29 lutego.")[1] == []
    placed = place_yearless("date 2024-01-10\nWsparcie dla Acme Hub zakończy się 29 lutego.")[1]
    assert [(p.written, p.reading) for p in placed] == [("29 lutego", "29 lutego 2024")]
