"""Formats met on held-out sets 328 onwards and on the misses of the sets before them.

Ends: a table of devices under a heading that says their support has ceased, whose "Last … release" column
dates each device's end; a ditto mark ('-"-', '〃') repeating the cell above it, in Markdown and HTML
tables; a line break in a Markdown table's cell ("4.6.0<br />Sauna<br />2024") parting its words; the
maker's monitoring of a device discontinued ("discontinue monitoring for Wi-Fi LP Tank Monitors") as its
service ending, and one measure's monitoring ("energy monitoring") as a feature; a product working only
until a time ("its only working till February 2024"), where working until it alone is no end; an end put
to support in French ("mettre un terme au support", "mettre fin au support"); Polish "no longer" ("nie
pojawią się już nowe poprawki"); Russian ends ("18 февраля 2026 года прекратит поддержку", "обновления
безопасности до 31 марта 2026 года") and a Russian list item led by its month ("октябрь 2026 года – Xiaomi
12T"); a shutdown that "is going to be" or "will be on" a day, and "the shut
down" written as the verb for the noun; French "patchs" up to a year ("fournira des patchs de sécurité
pour l'iPhone 15 jusqu'en 2028"); a two-digit year whose day and month could be either ("as of
01/07/24"), read day first unless the page shows its slashed dates month first; a time hedged as a guess ("Late
~2026?", "ca. 2027", a table's "2026?") as no end, while a question's year in prose is still read."""

from __future__ import annotations

import datetime as dt

from tests.evidence.web.snippets import ends, policy

D = dt.date

CEASED_TABLE = """\
DEVICES WE HAVE CEASED TO SUPPORT

| Device               | Model       | First release                       | Last Sailfish OS release                 |
| -------------------- | ----------- | :---------------------------------: | :--------------------------------------: |
| Gemini PDA           | X25         | 3.0.2<br />Oulanka<br />2019        | 4.6.0<br />Sauna<br />2024               |
| Xperia X Single SIM  | F5121       | 2.1.2<br />Kiiminkijoki<br />2017   | -"-                                      |
| Jolla Phone          | JP-1301     | 1.0.0<br />Kaajanlampi<br />2013    | 3.4.0<br />Pallas-Yllästunturi<br />2020 |
"""


def test_the_last_release_of_a_device_no_longer_supported_is_its_end() -> None:
    assert ends(CEASED_TABLE, "Jolla Phone", "text/markdown") == [D(2020, 12, 31)]
    assert ends(CEASED_TABLE, "Gemini PDA", "text/markdown") == [D(2024, 12, 31)]


def test_a_ditto_mark_repeats_the_cell_above() -> None:
    assert ends(CEASED_TABLE, "Xperia X Single SIM", "text/markdown") == [D(2024, 12, 31)]


def test_a_last_release_column_of_devices_still_supported_is_no_end() -> None:
    supported = CEASED_TABLE.replace("DEVICES WE HAVE CEASED TO SUPPORT", "SUPPORTED DEVICES")
    assert ends(supported, "Jolla Phone", "text/markdown") == []


def test_a_ditto_mark_in_an_html_table_repeats_the_cell_above() -> None:
    html = (
        "<table><tr><th>Model</th><th>End of security updates</th></tr>"
        "<tr><td>Acme Cam 2</td><td>31 March 2030</td></tr>"
        "<tr><td>Acme Cam 2 Pro</td><td>〃</td></tr></table>"
    )
    assert ends(html, "Acme Cam 2 Pro", "text/html") == [D(2030, 3, 31)]


def test_monitoring_discontinued_for_a_device_is_its_service_ending() -> None:
    text = (
        "Mobile Link will soon discontinue monitoring for Wi-Fi LP Tank Monitors on July 31, 2025, meaning fuel"
        " level readings will no longer appear in Mobile Link once support ends."
    )
    assert ends(text, "Wi-Fi LP Tank Monitors") == [D(2025, 7, 31)]
    assert ends("Acme will discontinue remote monitoring on July 31, 2025.") == [D(2025, 7, 31)]


def test_one_measure_s_monitoring_discontinued_is_a_feature() -> None:
    assert ends("We will discontinue energy monitoring in the app on July 31, 2025.") == []


def test_working_only_until_a_time_is_an_end() -> None:
    assert ends("The ProscenicHome App says its only working till February 2024.", "ProscenicHome App") == [
        D(2024, 2, 29)
    ]
    assert ends("The Acme Hub will work only until 2030.", "Acme Hub") == [D(2030, 12, 31)]


def test_working_until_a_time_alone_is_no_end() -> None:
    assert ends("The Acme Hub will continue to work until 2030.", "Acme Hub") == []
    assert ends("Only the Acme Hub will work until 2030.", "Acme Hub") == []


def test_an_end_put_to_support_in_french() -> None:
    text = "Le fabricant a décidé de mettre un terme au support de ses produits connectés WeMo dès le 31 janvier 2026."
    assert ends(text, "WeMo") == [D(2026, 1, 31)]
    assert ends("Belkin a décidé de mettre fin au support des produits WeMo le 31 janvier 2026.", "WeMo") == [
        D(2026, 1, 31)
    ]


def test_polish_no_longer_from_a_month() -> None:
    text = (
        "Właściciele modeli Galaxy A22 powinni pamiętać, że od sierpnia 2025 roku nie pojawią się już nowe"
        " poprawki błędów, łatki bezpieczeństwa ani uaktualnienia oprogramowania."
    )
    assert ends(text, "Galaxy A22") == [D(2025, 8, 1)]


def test_a_shutdown_going_to_be_a_day_is_an_end() -> None:
    text = "Google announced that the official shut down is going to be 18th January 2023 which is this Wednesday."
    assert ends(text, "Stadia") == [D(2023, 1, 18)]
    assert ends("The official shutdown will be on 18th January 2023.") == [D(2023, 1, 18)]


def test_another_event_going_to_be_a_day_is_no_end() -> None:
    assert ends("The launch is going to be 18th January 2023.") == []
    assert ends("The party will be on 18th January 2023.") == []


def test_french_patches_up_to_a_year() -> None:
    text = (
        "Apple affirme donc qu'elle fournira des patchs de sécurité pour l'iPhone 15 jusqu'en 2028, le compte à"
        " rebours ayant commencé en septembre 2023, lors de son lancement."
    )
    assert ends(text, "iPhone 15") == [D(2028, 12, 31)]


def test_a_two_digit_year_is_read_day_first() -> None:
    text = "I have an Engie Boxx and as of 01/07/24 there is no support anymore from Electrabel."
    assert ends(text, "Engie Boxx") == [D(2024, 7, 1)]


def test_a_two_digit_year_is_read_month_first_on_a_page_that_writes_so() -> None:
    text = "The Acme Hub app was released 12/20/19. As of 01/07/24 there is no support anymore for the Acme Hub."
    assert ends(text, "Acme Hub") == [D(2024, 1, 7)]


def test_a_hedged_time_is_a_guess_not_an_end() -> None:
    assert ends("Model: Acme Hub | End of Life: Late ~2026?", "Acme Hub") == []
    assert ends("Model: Acme Hub | End of Life: 2026?", "Acme Hub") == []
    assert ends("Acme Hub security updates until ca. 2027.", "Acme Hub") == []
    assert ends("Model: Acme Hub | End of Life: 2026", "Acme Hub") == [D(2026, 12, 31)]


def test_a_question_s_year_in_prose_is_still_read() -> None:
    text = "Is the Acme Hub cloud shutting down in 2021? Yes, the servers will be shut down in 2021."
    assert ends(text, "Acme Hub") == [D(2021, 12, 31)]


GERMAN_POLICY = """\
## Sicherheitslücken melden

Wenn du eine Sicherheitslücke entdeckst, melde sie bitte **vertraulich** über eine der folgenden Methoden:

1. **GitHub Security Advisories** (bevorzugt):
   Navigiere zu `Security` → `Advisories` → `Report a vulnerability` im Repository

### Zeitplan

| Schritt | Zeitrahmen |
|---------|-----------|
| Bestätigung der Meldung | Innerhalb von 48 Stunden |
| Erste Bewertung | Innerhalb von 7 Tagen |
"""


def test_a_channel_listed_under_a_german_lead_into_reporting() -> None:
    assert any("github security advisories" in c for c in policy(GERMAN_POLICY, "text/markdown").contacts)


def test_a_channel_listed_under_a_lead_that_is_not_about_reporting_is_none() -> None:
    text = GERMAN_POLICY.replace("melde sie bitte **vertraulich** über", "lies bitte")
    assert policy(text.split("### Zeitplan")[0], "text/markdown").contacts == []


def test_a_german_row_confirming_the_report_is_the_acknowledgement() -> None:
    found = policy(GERMAN_POLICY, "text/markdown")
    assert [c.timescale for c in found.acknowledgement] == ["Innerhalb von 48 Stunden"]
    assert found.status_updates == []


def test_russian_ends() -> None:
    text = "Bose сообщила, что 18 февраля 2026 года прекратит поддержку колонок и звуковых панелей серии SoundTouch."
    assert ends(text, "SoundTouch") == [D(2026, 2, 18)]
    assert ends("Acme Hub будет получать обновления безопасности до 31 марта 2026 года.", "Acme Hub") == [
        D(2026, 3, 31)
    ]


def test_a_russian_sale_date_is_no_end() -> None:
    assert ends("Acme Hub вышел в продажу 31 марта 2026 года и получил обновление.", "Acme Hub") == []


def test_a_russian_list_item_led_by_its_month() -> None:
    text = (
        "Xiaomi опубликовала список смартфонов, которые получат статус EOL (End of Life).\n"
        "График прекращения поддержки устройств выглядит так:\n"
        "- март 2026 года – Xiaomi 12 и Xiaomi 12 Pro;\n"
        "- октябрь 2026 года – Xiaomi 12T и Xiaomi 12T Pro.\n"
    )
    assert ends(text, "Xiaomi 12T", "text/markdown") == [D(2026, 10, 31)]
