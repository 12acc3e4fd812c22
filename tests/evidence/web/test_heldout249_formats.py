"""Formats met on held-out sets 249 onwards: a link to where an address is listed is no channel;
German ends said as "das Ende der Plattform zum …", "vom Netz", "Ende 2025 entfällt …" and a month
an end happened in ("Im Februar 2024 zog Amazon … den Stecker"), not one an announcement was made
in; a weekday or "today" between a bound and its date; the day a policy takes effect is no end;
"Starting with 2020" begins at the year; a store that stops accepting apps ends no support; a
year-less month is not given the year of the sentence after it."""

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
