"""Formats met on held-out sets 249 onwards: a link to where an address is listed is no channel;
German ends said as "das Ende der Plattform zum …", "vom Netz", "Ende 2025 entfällt …" and a month
an end happened in ("Im Februar 2024 zog Amazon … den Stecker"), not one an announcement was made
in; a weekday or "today" between a bound and its date; the day a policy takes effect is no end;
"Starting with 2020" begins at the year; a store that stops accepting apps ends no support; a
year-less month is not given the year of the sentence after it; a security end beside an end of OS
updates in one sentence; a final update the maker will share in a month; a language's month names
are a sign of it; Dutch "op 30 september 2025" and a sale stopped ("verkoop"); a Chinese notice's
end "即日起", dated above or under it; a sentence abroad is no row of a list; a former plan
("Originalmente, …"); a preliminary report shared with the reporter is a status update; a table's
header counting business days; an Italian "primo feedback"; a table's columns headed in another
language ("Data de término da manutenção"); a short sentence of a page in another language is read
in it; a repository's Security tab offering "Report a vulnerability"; an "EPG service" is no model;
"the end of support scheduled for …" as the parser hangs it from "support"; a link on its own line
under the line that sends reports to it; a key server is no channel, nor a Data Act address; a
changelog entry led by its day that removes boards."""

from __future__ import annotations

import datetime as dt

from tests.evidence.web.snippets import ends, policy

D = dt.date


def test_a_link_to_where_an_address_is_listed_is_no_channel() -> None:
    pointer = (
        "## Reporting a Vulnerability\n\n"
        "If you discover a security vulnerability, please report it responsibly. Do not open a public issue.\n\n"
        "**Email:** Send details to the maintainer via the email address listed on the "
        "[GitHub profile](https://github.com/someone).\n\n"
        "## Response Timeline\n\n- **Acknowledgment** within 48 hours of receipt\n"
    )
    read = policy(pointer, "text/markdown")
    assert read.contacts == []
    assert read.ack_when is not None and read.ack_when.timescale == "within 48 hours"
    # the address itself is a channel
    named = pointer.replace(
        "the email address listed on the [GitHub profile](https://github.com/someone)", "security@acme-devices.com"
    )
    assert policy(named, "text/markdown").contacts == ["mailto:security@acme-devices.com"]


def test_german_ends_of_a_platform_and_its_servers() -> None:
    bosch = "Am Nachmittag kam eine Mail, wonach Bosch das Ende der Plattform zum 30. Juni 2023 ankündigte."
    assert ends(bosch) == [D(2023, 6, 30)]
    gigaset = (
        "Wegen Insolvenz trennte der Anbieter im März 2024 nach kurzer Vorwarnung seine Server unerwartet vom "
        "Netz – und verwandelte damit Geräte seiner Kunden in Elektroschrott."
    )
    assert ends(gigaset) == [D(2024, 3, 31)]
    devolo = (
        "Ende 2025 entfällt für Heizkörperthermostate, Bewegungsmelder oder Steckdosen die App-Unterstützung – "
        "und damit auch viele Funktionen."
    )
    assert ends(devolo) == [D(2025, 12, 31)]


def test_a_german_month_an_end_happened_in_not_an_announcement() -> None:
    happened = "Im Februar 2024 zog Amazon bei seinem „Echo Connect“ den Stecker – nach knapp sieben Jahren."
    assert ends(happened, "Echo Connect") == [D(2024, 2, 29)]
    announced = "Im Mai 2024 hat Amazon angekündigt, bei seinem „Echo Connect“ den Stecker zu ziehen."
    assert ends(announced, "Echo Connect") == []
    bought = "Das im März 2023 gekaufte Gerät bekommt keine Updates mehr."
    assert ends(bought) == []


def test_a_weekday_or_today_between_a_bound_and_its_date() -> None:
    italian = (
        "Microsoft comunicò che il sistema operativo non avrebbe più ricevuto supporto proprio a partire da "
        "oggi, martedì 10 dicembre 2019."
    )
    assert ends(italian) == [D(2019, 12, 10)]
    french = "Le système ne sera plus pris en charge à partir du mardi 10 décembre 2019."
    assert ends(french) == [D(2019, 12, 10)]


def test_the_day_a_policy_takes_effect_is_no_end() -> None:
    policy_day = (
        "Arlo ha introdotto la politica di fine vita dei suoi prodotti (End-of-Life Policy, EOL), con efficacia "
        "dal 1 Gennaio 2023."
    )
    assert ends(policy_day) == []
    assert ends("Il supporto terminerà con efficacia dal 1 Gennaio 2023.") == [D(2023, 1, 1)]


def test_starting_with_a_year_begins_at_it() -> None:
    said = "Starting with 2020, any new vulnerability found with these phones won't be fixed by Google."
    assert ends(said) == [D(2020, 1, 1)]


def test_a_store_that_stops_accepting_apps_ends_no_support() -> None:
    page = (
        "Facebook will continue to send bug fixes and security patches for the Go until 2022, but will no "
        "longer send new features. Facebook will also stop accepting new Go apps and updates after December "
        "4, 2020."
    )
    assert ends(page, "Oculus Go") == [D(2022, 12, 31)]
    assert ends("Facebook will also stop accepting new Go apps and updates after December 4, 2020.") == []


def test_a_yearless_month_does_not_take_the_next_sentence_year() -> None:
    page = (
        "Original Google Pixel to Get the Last Update this December\n\n"
        "The first generation of Google Pixel devices has reached the end of life, and one last security patch "
        "will arrive in December. Starting with 2020, any new vulnerability found with these phones won’t be "
        "fixed or even acknowledged by Google."
    )
    assert ends(page, "Google Pixel") == [D(2020, 1, 1)]


def test_a_security_end_beside_an_end_of_os_updates() -> None:
    both = (
        "The Pixel 6 and Pixel 6 Pro will receive guaranteed Android version updates until at least 2024 with "
        "guaranteed security updates arriving until at least October 2026."
    )
    assert ends(both, "Pixel 6") == [D(2026, 10, 31)]
    assert ends(both) == [D(2026, 10, 31)]


def test_a_final_update_to_be_shared_in_a_month() -> None:
    said = "In March 2023, we will share a final update of Fairphone 2 software for Android 10."
    assert ends(said, "Fairphone 2") == [D(2023, 3, 31)]
    # a past last update is no stated end, nor notes about one
    assert ends("Apple discontinued the routers in 2018 and provided the last firmware update in June 2019.") == []
    assert ends("In May 2021 we shared the last update notes with the community.") == []


def test_a_month_name_is_a_sign_of_its_language() -> None:
    listed = (
        "Liste des appareils concernés et dates de fin de support\n"
        "- REDMI A1 et REDMI A1+ : arrêt des mises à jour le 23 septembre 2025 ;\n"
        "- POCO M5 : arrêt des mises à jour le 6 septembre 2025 ;\n"
    )
    assert ends(listed, "POCO M5") == [D(2025, 9, 6)]


def test_dutch_op_a_day_and_a_sale_stopped() -> None:
    page = (
        "Op 30 september 2024 stopt de Galaxy Store met de verkoop van betaalde Tizen Watch-content. "
        "Op 30 september 2025 zullen downloads voor gekochte items stoppen en is het einde van Tizen officieel "
        "aangebroken."
    )
    assert ends(page) == [D(2025, 9, 30)]


def test_a_chinese_notice_ending_from_its_own_day() -> None:
    above = "# 关于示例项目终止维护公告\n\n发布日期：2025年4月10日\n\n即日起，公司将停止对示例项目的更新与技术支持。\n"
    assert ends(above, media="text/markdown") == [D(2025, 4, 10)]
    under = "示例分支即日起停止维护，不再例行针对该分支发布补丁。\n\nRelease SIG 2024年4月10日\n"
    assert ends(under, media="text/markdown") == [D(2024, 4, 10)]
    # an end of sale from that day is none
    assert ends("本产品即日起停止销售。\n\n2024年4月10日\n", media="text/markdown") == []


def test_a_sentence_abroad_is_no_row_of_a_list() -> None:
    page = (
        "El Fairphone 2 llegará a su fin de ciclo en marzo de 2023.\n"
        "El Fairphone 2 vio la luz en 2015 y vino preinstalado con Android 5.1.\n"
    )
    assert ends(page, "Fairphone 2") == [D(2023, 3, 31)]


def test_a_former_plan_abroad_is_no_end() -> None:
    page = (
        "A Fairphone anunciou que estenderá o suporte de software para os modelos Fairphone 3 e 3 Plus até 2026. "
        "Originalmente, os modelos Fairphone 3 e 3 Plus, lançados em 2019, receberiam suporte de software por "
        "cinco anos, até agosto de 2024."
    )
    assert ends(page, "Fairphone 3 e 3 Plus") == [D(2026, 12, 31)]


def test_a_preliminary_report_shared_with_the_reporter_is_a_status_update() -> None:
    text = (
        "Once a report of a potential vulnerability is received, acknowledgement of receipt is sent within 7 "
        "business days to the contact provided in the report. No later than 14 working days after "
        "acknowledgement of receipt, a preliminary vulnerability report is prepared by the PSIRT and shared via "
        "a pre-agreed secure communication channel with the contact deposited in the notification."
    )
    read = policy(text)
    assert read.ack_when is not None and read.ack_when.timescale == "within 7 business days"
    assert read.status_when is not None and read.status_when.timescale == "No later than 14 working days"


def test_a_table_header_counting_business_days() -> None:
    table = "| Type of Response | SLA in business days |\n|---|---|\n| First Response | 2 days |\n"
    read = policy(table, "text/markdown")
    assert read.ack_when is not None and read.ack_when.timescale == "2 business days"
    plain = "| Type of Response | Target |\n|---|---|\n| First Response | 2 days |\n"
    assert (read := policy(plain, "text/markdown")).ack_when is not None and read.ack_when.timescale == "2 days"


def test_an_italian_first_feedback() -> None:
    said = (
        "Indipendentemente da questa tempistica, Pilz invia un primo feedback all’autore della richiesta al più "
        "tardi entro 15 giorni lavorativi."
    )
    read = policy(said)
    assert read.ack_when is not None and "15 giorni lavorativi" in read.ack_when.timescale


def test_a_table_headed_in_another_language() -> None:
    table = (
        "| Dispositivo | Data do lançamento | Data de término da manutenção |\n"
        "| --- | --- | --- |\n"
        "| Surface Pro 3 | 20 de junho de 2014 | 13 de novembro de 2021 |\n"
        "| Surface Go | 2 de agosto de 2018 | 2 de agosto de 2022 |\n"
    )
    assert ends(table, "Surface Pro 3", media="text/markdown") == [D(2021, 11, 13)]
    assert ends(table, "Surface Go", media="text/markdown") == [D(2022, 8, 2)]


def test_a_short_sentence_of_a_page_in_another_language() -> None:
    page = (
        "Vi chiediamo di segnalare le vostre scoperte il prima possibile a security@acme-devices.com.\n"
        "Cosa promettiamo\n"
        "- Rispondiamo alla vostra segnalazione entro 5 giorni.\n"
    )
    read = policy(page, "text/markdown")
    assert read.ack_when is not None and read.ack_when.timescale == "entro 5 giorni"
    # on an English page the same words are not taken for Italian
    english = (
        "Please report issues to security@acme-devices.com.\n- Rispondiamo alla vostra segnalazione entro 5 giorni.\n"
    )
    assert policy(english, "text/markdown").ack_when is None


def test_a_german_receipt_confirmed_many_words_after_it() -> None:
    said = "G+D ist bestrebt, den Empfang sämtlicher eingegangenen Meldungen innerhalb von sieben Tagen zu bestätigen."
    read = policy(said)
    assert read.ack_when is not None and read.ack_when.timescale == "innerhalb von sieben Tagen"


def test_a_security_tab_offering_a_private_report() -> None:
    tab = (
        "Security: acme/thermostat-firmware\n\nSecurity\n\nNo security policy detected\n\n"
        "This project has not set up a SECURITY.md file yet.\n\nReport a vulnerability\n\n"
        "There aren’t any published security advisories\n"
    )
    assert policy(tab).contacts == [
        "channel: private vulnerability reporting on acme/thermostat-firmware's Security tab"
    ]
    assert policy(tab.replace("Report a vulnerability\n\n", "")).contacts == []


def test_an_epg_service_is_no_model() -> None:
    said = "Series One owners are told that our own Tivo EPG service is to be cut off on June 1st 2011."
    assert ends(said, "Tivo Series 1") == [D(2011, 6, 1)]


def test_the_end_of_support_scheduled_for_a_day() -> None:
    said = "With the official end of support scheduled for October 14, 2025, users should upgrade their PCs."
    assert ends(said) == [D(2025, 10, 14)]


def test_a_link_under_the_line_that_sends_reports_to_it() -> None:
    page = (
        "## Reporting a vulnerability\nReport suspected security issues through the support portal:\n"
        "- https://acme-devices.com/support\n\nGuidelines\n- Do not open a public GitHub issue for security reports.\n"
    )
    assert policy(page, "text/markdown").contacts == ["https://acme-devices.com/support"]


def test_a_key_server_and_a_data_act_address_are_no_channels() -> None:
    key = "Reporting a Vulnerability\n\nTo report vulnerabilities you have found:\n\nhttps://keys.openpgp.org/vks/v1/by-fingerprint/85AF\n"
    assert policy(key).contacts == []
    data_act = (
        "For any enquiries regarding product- and related services Data in connection with the EU Data-Act, "
        "you can contact us at ido@acme-devices.com at any time."
    )
    assert policy(data_act).contacts == []


def test_a_changelog_entry_led_by_its_day_that_removes_boards() -> None:
    page = (
        "Changelog:\n"
        " - 2025-09-29 Added Khadas VIM3 which was unintentionally left out in the previous update\n"
        " - 2026-04-02 Removed armv7-only boards (Raspberry Pi 32-bit, ASUS Tinker Board, ODROID-XU4)\n"
    )
    assert ends(page, "ASUS Tinker Board", media="text/markdown") == [D(2026, 4, 2)]
    added = "Changelog:\n - 2026-04-02 Added armv8 boards (ASUS Tinker Board 2, ODROID-M1)\n"
    assert ends(added, "ASUS Tinker Board 2", media="text/markdown") == []


def test_private_reporting_named_by_the_title_of_githubs_page_on_it() -> None:
    text = (
        "## Reporting a Vulnerability\n\nSecurity issues can be reported privately by following the GitHub "
        "documentation: [Privately reporting a security vulnerability](https://docs.github.com/en/code-security/"
        "security-advisories/privately-reporting-a-security-vulnerability)\n"
    )
    assert policy(text, "text/markdown").contacts
    # (the title alone, in a sentence about something else, is no channel)
    assert policy("## Notes\n\nWe have read GitHub's guides on releases and tags.\n", "text/markdown").contacts == []
