"""Forms met on pages of held-out-467 to 470, and the plain forms beside them: support that "runs out"; the
last update said to be expected, scheduled or due at a date; a table stored as text with its cells parted
by bars and no Markdown rule under its header (its first column, the rows' names, may be left unnamed), in
English and in Czech, where the security column outweighs the Android one; a list run into one sentence
whose items each name a model and then its end, in Polish; a JSON record quoted in pieces whose maker's
notice is a sentence of its own and whose retrieval date is the record's, not the product's; Czech
statements too short to show their language by their function words alone."""

from __future__ import annotations

import datetime as dt

import pytest

from psti.evidence.web.jsonrows import fragment_rows, json_rows
from tests.evidence.web.snippets import ends, policy

D = dt.date


@pytest.mark.parametrize(
    ("said", "end"),
    [
        ("Acme Phone support runs out in March 2027.", D(2027, 3, 31)),
        ("Support for the Acme Phone will run out on March 1, 2027.", D(2027, 3, 1)),
        ("The Acme Phone will run out of security updates in March 2027.", D(2027, 3, 31)),
        ("The Acme Phone's update guarantee runs out in March 2027.", D(2027, 3, 31)),
    ],
)
def test_support_that_runs_out_ends_then(said: str, end: dt.date) -> None:
    assert ends(said, "Acme Phone") == [end]


@pytest.mark.parametrize(
    "said",
    [
        "Acme ran out of Acme Phone stock in March 2027.",
        "Our Acme Phone coupons run out on March 1, 2027.",
        "Acme Phone owners ran out of patience in March 2027 as updates slowed.",
    ],
)
def test_running_out_of_something_else_is_no_end(said: str) -> None:
    assert ends(said, "Acme Phone") == []


@pytest.mark.parametrize(
    ("said", "end"),
    [
        ("The final security patch for the Acme Phone is expected in March 2027.", D(2027, 3, 31)),
        ("The Acme Phone's last security update is expected in March 2027.", D(2027, 3, 31)),
        ("The Acme Phone's final update is scheduled for March 2027.", D(2027, 3, 31)),
        ("The last update for the Acme Phone is due in March 2027.", D(2027, 3, 31)),
    ],
)
def test_the_last_update_planned_at_a_date_ends_updates_then(said: str, end: dt.date) -> None:
    assert ends(said, "Acme Phone") == [end]


@pytest.mark.parametrize(
    "said",
    [
        "The Acme Phone's final update was expected in March 2020 but never came.",
        "The Acme Phone's first update is expected in March 2027.",
        "The next Acme Phone update is scheduled for March 2027.",
        "The Acme Phone's final Android OS update is expected in March 2027.",
    ],
)
def test_a_past_plan_another_update_or_only_the_os_is_no_end_of_security_updates(said: str) -> None:
    assert ends(said, "Acme Phone") == []


_PLAIN_TABLE = """Google support periods.

Model | Android updates | Security updates
Pixel 6 | at least October 2024 | at least October 2026
Pixel 5 | at least October 2023 | at least October 2023
Pixel 5a 5G | at least August 2024 | at least August 2024
"""

# (mobilenet.cz: the header names only the columns of dates)
_CZECH_TABLE = """Jak se dozvíme na oficiálních stránkách Googlu, 5letá softwarová podpora platí pouze pro \
bezpečnostní aktualizace. Ty budou Pixely 6 skutečně dostávat minimálně do října 2026.
...
Aktualizace Androidu | Aktualizace zabezpečení
Pixel 6 | minimálně do října 2024 | minimálně do října 2026
Pixel 5 | minimálně do října 2023 | minimálně do října 2023
Pixel 5a 5G | minimálně do srpna 2024 | minimálně do srpna 2024
"""


@pytest.mark.parametrize(
    ("product", "end"),
    [("Pixel 6", D(2026, 10, 31)), ("Pixel 5", D(2023, 10, 31)), ("Pixel 5a 5G", D(2024, 8, 31))],
)
@pytest.mark.parametrize("page", [_PLAIN_TABLE, _CZECH_TABLE])
def test_a_table_with_bars_and_no_rule_under_its_header_is_read_by_its_rows(
    page: str, product: str, end: dt.date
) -> None:
    assert ends(page, product) == [end]


def test_lines_with_a_bar_that_are_no_table_stay_as_they_are() -> None:
    # (a row of empty cells under a line of text, as a flattened page leaves them)
    page = (
        "○ IOS 11.0 - Last Date of Support: 31-December-2001 | |\n"
        "○ IOS 11.2 - Last Date of Support: 02-August-2002 | |\n"
        "○ IOS 11.3 - Last Date of Support: 02-August-2002 |\n"
    )
    assert ends(page, "IOS 11.2") == [D(2002, 8, 2)]


_POLISH_LIST = """Google Pixel Watch 3, gwarantowana aktualizacja systemu do co najmniej do października 2027,
Google Pixel Watch 2, gwarantowana aktualizacja systemu do co najmniej do października 2026,
Google Pixel Watch, gwarantowana aktualizacja systemu do co najmniej do października 2025.
"""


@pytest.mark.parametrize(
    ("product", "end"),
    [("Pixel Watch 3", D(2027, 10, 31)), ("Pixel Watch 2", D(2026, 10, 31)), ("Pixel Watch", D(2025, 10, 31))],
)
def test_a_foreign_list_run_into_one_sentence_gives_each_model_the_end_after_its_name(
    product: str, end: dt.date
) -> None:
    assert ends(_POLISH_LIST, product) == [end]


def test_one_models_two_foreign_ends_joined_by_and_are_no_list_of_models() -> None:
    said = (
        "Pour les smartphones Pixel et Pixel XL, le géant américain annonce une ultime mise à jour en octobre "
        "2018 et une ultime mise à jour de sécurité en octobre 2019."
    )
    assert ends(said, "Pixel XL") == [D(2019, 10, 31)]


# (github zarguell/eoltracker: a tracker's record quoting the maker's notice)
_QUOTED_RECORD = """"name": "Synology DSM 6.2",
"vendor": "Synology",
...
"quote": "DSM 6.2 will reach the end of the Extended Life Phase on October 1, 2024. After which, DSM 6.2 and \
related packages or applications will no longer receive functionality, security, and package updates.",
"source_url": "https://www.synology.com/en-ca/products/status/eol-dsm62",
"retrieved_at": "2026-09-17",
"""


def test_a_quoted_notice_in_a_json_record_is_read_as_sentences_and_its_retrieval_date_is_not_the_products() -> None:
    rows = fragment_rows(_QUOTED_RECORD)
    assert rows is not None and "2026-09-17" not in rows
    assert "\nDSM 6.2 will reach the end of the Extended Life Phase on October 1, 2024." in rows
    assert ends(_QUOTED_RECORD, "Synology DSM 6.2") == [D(2024, 10, 1)]


def test_a_whole_json_record_drops_its_access_date_and_keeps_short_values_as_cells() -> None:
    rows = json_rows('{"product": "Acme Hub", "eol": "2027-03-31", "accessed": "2026-01-05", "vendor": "Acme"}')
    assert rows == "product: Acme Hub | eol: 2027-03-31 | vendor: Acme"


@pytest.mark.parametrize(
    "said",
    [
        "Xiaomi Redmi 15C 5G za necelých 5 000 Kč dostane bezpečnostní aktualizace až do roku 2031",
        "Xiaomi garantuje u Redmi 15C 5G aktualizace do roku 2031.",
    ],
)
def test_short_czech_statements_are_read_as_czech(said: str) -> None:
    assert ends(said, "Redmi 15C 5G") == [D(2031, 12, 31)]


_ISSUE_FORM = """# Acme Tube for Acme Console

someone · description · 2021-02-08
**What's the Product's Name?**
Acme Tube for Acme Console

**When was the product launched? Provide a specific date, if possible.**
2012-06-26 see https://blog.example.org/2012/06/26/acme-tube-launch/

**When was the product discontinued? Provide a specific date, if possible.**
{answer}

**What type of product was it? App, Service, or Hardware?**
App
"""


@pytest.mark.parametrize(
    "answer",
    [
        "2015-03-20 see https://news.example.org/2015/01/28/acme-to-end-console-support",
        "2015-03-20 (source: https://news.example.org/2015/01/28/acme-to-end-console-support)",
        "2015-03-20 via https://news.example.org/2015/01/28/acme-to-end-console-support",
    ],
)
def test_an_issue_forms_answer_followed_by_the_address_it_cites_is_the_end(answer: str) -> None:
    page = _ISSUE_FORM.format(answer=answer)
    assert ends(page, "Acme Tube for Acme Console", "text/markdown") == [D(2015, 3, 20)]


def test_an_answer_with_words_of_its_own_after_the_date_is_no_plain_answer() -> None:
    page = _ISSUE_FORM.format(answer="2015-03-20 was when the store stopped selling it, the app ran on for years")
    assert ends(page, "Acme Tube for Acme Console", "text/markdown") == []


@pytest.mark.parametrize(
    "said",
    [
        "Acme Hub krijgt beveiligingsupdates tot december 2026.",
        "Acme Hub erhält Sicherheitsupdates bis Dezember 2026.",
        "Acme Hub riceverà aggiornamenti fino a dicembre 2026.",
        "Acme Hub otrzyma aktualizacje do grudnia 2026.",
    ],
)
def test_a_short_plain_statement_shows_its_language_by_its_own_words(said: str) -> None:
    assert ends(said, "Acme Hub") == [D(2026, 12, 31)]


def test_an_english_statement_with_a_name_like_a_foreign_word_stays_english() -> None:
    # ("Garantiert" and "Supporto" as names, not words of the sentence's language)
    said = "The Garantiert Supporto Hub gets security updates until December 2026."
    assert ends(said, "Garantiert Supporto Hub") == [D(2026, 12, 31)]


@pytest.mark.parametrize(
    ("said", "end"),
    [
        ("À partir d'avril 2026, le Acme Hub ne recevra plus de mises à jour de sécurité.", D(2026, 4, 1)),
        ("L'ultimo aggiornamento di sicurezza per l'Acme Hub arriverà a marzo 2026.", D(2026, 3, 31)),
        ("Från april 2026 får Acme Hub inga fler säkerhetsuppdateringar.", D(2026, 4, 1)),
        ("Den sista säkerhetsuppdateringen för Acme Hub kommer i mars 2026.", D(2026, 3, 31)),
        ("Der Support für den Acme Hub endete am 31. März 2024.", D(2024, 3, 31)),
        ("Acme Hub saa tietoturvapäivityksiä kesäkuuhun 2028 asti.", D(2028, 6, 30)),
        ("Acme Hub biztonsági frissítéseket kap 2028 júniusáig.", D(2028, 6, 30)),
        ("Acme Hub, Haziran 2028'e kadar güvenlik güncellemeleri alacak.", D(2028, 6, 30)),
        ("Acme Hub için destek 31 Mart 2024'te sona erdi.", D(2024, 3, 31)),
        ("De servers van de Acme Hub gaan op 31 maart 2026 uit.", D(2026, 3, 31)),
    ],
)
def test_plain_foreign_statements_of_an_end(said: str, end: dt.date) -> None:
    assert ends(said, "Acme Hub") == [end]


@pytest.mark.parametrize(
    "said",
    [
        "L'aggiornamento per l'Acme Hub arriverà a marzo 2026.",
        "Den nya uppdateringen för Acme Hub kommer i mars 2026.",
        "Acme Hub lanserades i mars 2020 och får inga fler uppdateringar.",
        "Az Acme Hub 2020 júniusában jelent meg.",
        "We gaan ervan uit dat de Acme Hub op 31 maart 2026 een update krijgt.",
        "De Acme Hub gaat op 31 maart 2026 uit de verkoop.",
    ],
)
def test_a_foreign_update_that_is_not_the_last_or_a_launch_is_no_end(said: str) -> None:
    assert ends(said, "Acme Hub") == []


@pytest.mark.parametrize(
    ("said", "end"),
    [
        ("The Acme Hub has been end-of-life since December 2023.", D(2023, 12, 1)),
        ("The Acme Hub is end-of-life since December 2023.", D(2023, 12, 1)),
        ("The Acme Hub has been out of support since December 2023.", D(2023, 12, 1)),
        ("Acme Hub security update support end date — 31/12/2027", D(2027, 12, 31)),
        ("Acme Hub support end date – 31 December 2027", D(2027, 12, 31)),
    ],
)
def test_hyphenated_ends_out_of_support_and_labels_parted_by_a_dash(said: str, end: dt.date) -> None:
    assert ends(said, "Acme Hub") == [end]


@pytest.mark.parametrize(
    "said",
    [
        "Acme Hub security updates: see our page, updated 12 May 2023",
        "Acme Hub - security updates - see our page, updated 12 May 2023",
        "Acme Hub – launched 12 May 2023",
        "The Acme Hub was out of stock in December 2023.",
    ],
)
def test_a_labels_dated_event_a_launch_or_stock_is_no_end(said: str) -> None:
    assert ends(said, "Acme Hub") == []


@pytest.mark.parametrize(
    ("said", "status"),
    [
        ("We will update you every week.", "every week"),
        ("We will update reporters on remediation progress every fortnight.", "every fortnight"),
        ("We will update you every other week.", "every other week"),
        ("We will keep you up to date weekly.", "weekly"),
        ("We will keep you in the loop every month.", "every month"),
    ],
)
def test_a_status_update_every_week_or_fortnight_or_kept_up_to_date(said: str, status: str) -> None:
    a = policy(f"Email security@acmehub.co.uk. {said}")
    assert a.status_when is not None and a.status_when.timescale == status


def test_a_fortnight_is_a_unit_of_time() -> None:
    a = policy("Email security@acmehub.co.uk. We acknowledge reports within a fortnight.")
    assert a.ack_when is not None and a.ack_when.timescale == "within a fortnight"


def test_keeping_software_up_to_date_is_no_status_update() -> None:
    assert policy("Email security@acmehub.co.uk. We keep our software up to date every month.").status_when is None


def test_a_titles_parts_parted_by_dashes_are_no_label_of_an_end() -> None:
    assert ends("Critical Firmware Updates - All models - December 2016", "Acme Hub") == []
    assert ends("Acme will end support for the Acme Hub - on 31 March 2027.", "Acme Hub") == [D(2027, 3, 31)]


def test_answering_every_working_day_is_how_often_a_list_is_watched_not_a_status_update() -> None:
    a = policy(
        "Email security@acmehub.co.uk. We try to monitor this list and respond every working day, but in initial "
        "respond time should not go beyond 7 days."
    )
    assert a.status_when is None
    assert a.ack_when is not None and a.ack_when.timescale == "7 days"


@pytest.mark.parametrize(
    ("said", "end"),
    [
        ("Acme Hub 2025년 6월 지원 종료", D(2025, 6, 30)),
        ("Acme Hub 서비스가 2026년 3월 31일 종료된다.", D(2026, 3, 31)),
        ("Acme Hub 서비스는 2025년 4월 9일 오전 9시 모두 종료된다.", D(2025, 4, 9)),
        ("Acme Hub将于2026年3月31日停止支持。", D(2026, 3, 31)),
        ("Acme Hubは2026年3月31日(火)午前10時をもってサービスを終了します。", D(2026, 3, 31)),
    ],
)
def test_cjk_ends_right_after_their_date_and_short_chinese_sentences(said: str, end: dt.date) -> None:
    assert ends(said, "Acme Hub") == [end]


def test_a_short_chinese_launch_is_no_end() -> None:
    assert ends("Acme Hub于2020年3月发布。", "Acme Hub") == []


@pytest.mark.parametrize(
    ("said", "ack", "status"),
    [
        (
            "Segnalate le vulnerabilità a security@acmehub.co.uk. Confermeremo la ricezione entro 2 giorni lavorativi "
            "e vi aggiorneremo sullo stato ogni settimana.",
            "entro 2 giorni lavorativi",
            "ogni settimana",
        ),
        (
            "Zgłoś podatność na adres security@acmehub.co.uk. Potwierdzimy otrzymanie zgłoszenia w ciągu 3 dni "
            "roboczych i będziemy informować o postępach co 14 dni.",
            "w ciągu 3 dni roboczych",
            "co 14 dni",
        ),
        (
            "Rapportera sårbarheter till security@acmehub.co.uk. Vi bekräftar mottagandet inom 2 arbetsdagar och "
            "uppdaterar dig om status varannan vecka.",
            "inom 2 arbetsdagar",
            "varannan vecka",
        ),
        (
            "脆弱性は security@acmehub.co.uk までご報告ください。"
            "受領確認を3営業日以内にお送りし、30日ごとに進捗をお知らせします。",
            "3営業日以内",
            "30日ごと",
        ),
        (
            "请将漏洞报告发送至 security@acmehub.co.uk。我们将在3个工作日内确认收到，并每14天向您通报进展。",
            "3个工作日内",
            "每14天",
        ),
    ],
)
def test_a_foreign_policys_acknowledgement_and_status_update_in_one_sentence(said: str, ack: str, status: str) -> None:
    a = policy(said)
    assert a.ack_when is not None and a.ack_when.timescale == ack
    assert a.status_when is not None and a.status_when.timescale == status


@pytest.mark.parametrize(
    "said",
    [
        "Acme Hub otrzyma pięć lat aktualizacji zabezpieczeń od premiery 22 września 2023 roku.",
        "Acme Hub får fem års säkerhetsuppdateringar från lanseringen den 22 september 2023.",
    ],
)
def test_a_period_of_updates_counted_from_a_day_in_polish_and_swedish(said: str) -> None:
    assert ends(said, "Acme Hub") == [D(2028, 9, 22)]


def test_a_polish_period_for_the_devices_launched_from_a_day_starts_no_products_period() -> None:
    said = "Acme Hub otrzyma pięć lat aktualizacji dla urządzeń wprowadzonych od 22 września 2023 roku."
    assert ends(said, "Acme Hub") == []
