"""Formats met on held-out sets 291 onwards and on the misses of the sets before them: a YAML data file of
named blocks (a custom ROM's device list, "manufacturer_support_ends: 2031-12" two lines under "model:")
read as rows, as a JSON document is; a release named across two cells ("release cycle: 5.0 | codename:
Scarthgap" for "5.0 'Scarthgap'", or "OPNsense 26.1 …" on a page titled OPNsense); a list item "-
https://…" under "contact:" kept whole, not taken for a field; a reply that brings the steps to come
("eine Antwort über die künftigen Maßnahmen") as a status update, and a report "presa in carico" as its
acknowledgement; a product that works "until the end of the day on May 28" after its maker shuts down; a
product discontinued "rendering the hardware inoperational"; Italian "perderà il supporto" and "il
prossimo 30 aprile 2020"; German apps "deaktiviert" as of a day ("Mit 31.03.2024"), and support that
"läuft … am 27. September 2021 aus"; French "mars 2023" in lower case and "à partir de septembre 2023";
"this project" deprecated as the page's own code, not a hosting site's archive banner; an end's label
before its day abroad ("data fine vita, 2 settembre 2025", "fin de support : 30 juin 2025"); Czech
support "ukončí podporu 10. prosince 2019" after a release month ("vydáno v říjnu 2017"), and German
speakers that "verlieren … zentrale Onlinefunktionen"."""

from __future__ import annotations

import datetime as dt

from psti.evidence.web.pagetext import page_text
from psti.evidence.web.yamlrows import yaml_rows
from tests.evidence.web.snippets import ends, policy

D = dt.date

DEVICES_YML = """\
FP6:
  brand: fairphone
  model: Fairphone 6
  manufacturer_support_ends: 2031-12
  calyxos_support_ends: tbd
  sim: "dual"
  android: 16
...
komodo:
  brand: pixel
  model: Pixel 9 Pro XL   # the large one
  manufacturer_support_ends: 2031-08
  calyxos_support_ends: 2031-08
  description: |
    Pixel 9 Pro XL: support ends: 2020-01-01 in this text, which is not a field.
  variants:
    - komodo
    - komodo_global
"""


def test_a_device_list_is_read_a_row_per_device() -> None:
    rows = yaml_rows(DEVICES_YML)
    assert rows is not None
    assert rows.splitlines() == [
        "brand: fairphone | model: Fairphone 6 | manufacturer support ends: 2031-12 | calyxos support ends: tbd"
        " | sim: dual | android: 16",
        "brand: pixel | model: Pixel 9 Pro XL | manufacturer support ends: 2031-08 | calyxos support ends: 2031-08",
    ]
    assert page_text(DEVICES_YML.encode(), "application/yaml").text == rows


def test_each_device_gets_the_end_of_its_own_block() -> None:
    assert ends(DEVICES_YML, "Fairphone 6") == [D(2031, 12, 31)]
    # (the description's text, a block scalar, is no field of the row)
    assert ends(DEVICES_YML, "Pixel 9 Pro XL") == [D(2031, 8, 31)]


def test_a_list_of_records_under_a_key_is_read_a_row_per_record() -> None:
    text = (
        "# releases of the distribution\nreleases:\n  - releaseCycle: '1.2'  # the current one\n    eol: 2026-01-31\n\n"
        "  - releaseCycle: '1.1'\n    eol: 2025-01-31\n"
    )
    assert yaml_rows(text) == "release cycle: 1.2 | eol: 2026-01-31\nrelease cycle: 1.1 | eol: 2025-01-31"


def test_what_is_not_a_file_of_records_is_left_to_the_text_reader() -> None:
    # a field at the top: one record (a lifecycle file of one product, front matter) read a field a line
    one_record = "name: Acme Hub\nsupportDates:\n  start: 2020-01-01\n  end: 2025-01-01\n"
    assert yaml_rows(one_record) is None
    # prose labels have spaces in them: not keys
    assert yaml_rows("End of support:\n  Acme Hub: 2025\n  Acme Cam: 2026\nNotes: none\n") is None
    assert yaml_rows("Acme:\n  The Hub is supported until 2027, as our page says.\n") is None
    # too few fields to be a data file
    assert yaml_rows("acme:\n  hub: 2027\n") is None


def test_a_release_named_across_two_cells_is_that_row() -> None:
    text = (
        "releases:\n"
        '  - releaseCycle: "5.3"\n    codename: "Whinlatter"\n    releaseDate: 2025-12-15\n    eol: 2026-06-15\n'
        '  - releaseCycle: "5.0"\n    codename: "Scarthgap"\n    lts: true\n    releaseDate: 2024-04-29\n'
        "    eol: 2028-04-30\n"
    )
    assert ends(text, "5.0 'Scarthgap'") == [D(2028, 4, 30)]
    assert ends(text, "5.3 (Whinlatter)") == [D(2026, 6, 15)]
    # both words are needed, each a cell of its own
    assert ends(text, "5.1 'Scarthgap'") != [D(2028, 4, 30)]


def test_a_release_named_across_cells_under_the_pages_title() -> None:
    text = (
        "title: OPNsense\n...\nreleases:\n"
        '  - releaseCycle: "26.1"\n    codename: "Witty Woodpecker"\n    releaseDate: 2026-01-28\n    eol: 2026-07-15\n'
        '  - releaseCycle: "25.7"\n    codename: "Visionary Viper"\n    releaseDate: 2025-07-22\n    eol: 2026-01-28\n'
    )
    assert ends(text, 'OPNsense 26.1 "Witty Woodpecker"') == [D(2026, 7, 15)]
    assert ends(text, 'OPNsense 25.7 "Visionary Viper"') == [D(2026, 1, 28)]


def test_a_listed_address_under_a_contact_key_is_kept_whole() -> None:
    text = (
        "generated: '2026-07-21'\nsource: https://acme.example.org/.well-known/security.txt\ncontact:\n"
        "- https://hackerone.com/acme/reports/new\nevidence:\n- source: https://acme.example.org/x\n  kind: probe\n"
    )
    assert "https://hackerone.com/acme/reports/new" in policy(text).contacts


def test_a_reply_on_the_steps_to_come_is_a_status_update() -> None:
    a = policy(
        "Wer eine Sicherheitslücke meldet, kann innerhalb von 2 Arbeitstagen eine erste Antwort erhalten, und "
        "innerhalb von 10 Arbeitstagen eine Antwort über die künftigen Maßnahmen und den Ablaufplan des Herstellers."
    )
    assert a.ack_when is not None and a.ack_when.timescale == "innerhalb von 2 Arbeitstagen"
    assert a.status_when is not None and a.status_when.timescale == "innerhalb von 10 Arbeitstagen"
    # a reply alone stays the first answer
    b = policy("Wir antworten innerhalb von 5 Werktagen auf Ihre Meldung und danken Ihnen für Ihre Hilfe.")
    assert b.status_when is None


def test_a_report_taken_in_hand_is_acknowledged() -> None:
    a = policy(
        "Ci impegniamo a trattare ogni modulo con attenzione e informarti della sua effettiva presa in carico entro "
        "7 giorni di calendario."
    )
    assert a.ack_when is not None and a.ack_when.timescale == "entro 7 giorni di calendario"


def test_working_until_a_day_after_the_maker_shuts_down() -> None:
    said = "Automatic Labs is shutting down. Existing Automatic devices will continue to work until"
    assert ends(f"{said} May 28, 2020.", "Automatic devices") == [D(2020, 5, 28)]
    assert ends(f"{said} the end of the day on May 28, 2020.", "Automatic devices") == [D(2020, 5, 28)]
    # working until a date with no stop said is a promise, not an end
    assert ends("Automatic devices will continue to work until May 28, 2030.", "Automatic devices") == []


def test_a_discontinuation_that_leaves_the_hardware_broken_ends_it() -> None:
    assert ends(
        "Car Thing, a Spotify device designed for use in vehicles, is going to be discontinued at the end of 2024, "
        "rendering the hardware inoperational.",
        "Car Thing",
    ) == [D(2024, 12, 31)]
    assert ends("Car Thing will be discontinued at the end of 2024, rendering it useless.", "Car Thing") == [
        D(2024, 12, 31)
    ]
    # discontinued alone is an end of sale
    assert ends("Car Thing will be discontinued at the end of 2024.", "Car Thing") == []


def test_italian_support_lost_on_the_next_day_named() -> None:
    assert ends("Philips Hue Bridge v1 il prossimo 30 aprile 2020 perderà il supporto.", "Philips Hue Bridge v1") == [
        D(2020, 4, 30)
    ]
    assert ends(
        "El puente Philips Hue Bridge v1 perderá su conectividad y soporte el 30 de abril de 2020.",
        "Philips Hue Bridge v1",
    ) == [D(2020, 4, 30)]
    # losing something else is no end of support
    assert ends("Philips Hue Bridge v1 il 30 aprile 2020 perderà il suo imballaggio.", "Philips Hue Bridge v1") == []


def test_german_apps_switched_off_as_of_a_day() -> None:
    product = "Vaillant-Apps (sensoApp, multiMATIC)"
    text = (
        "Mit 31.03.2024 werden alle aktuellen Vaillant-Apps (sensoApp, multiMATIC) deaktiviert. Nach diesem Datum "
        "ist keine Migration auf die myVaillant-App mehr möglich."
    )
    assert ends(text, product) == [D(2024, 3, 31)]
    assert ends("Mit dem 1. April 2024 wird die Vaillant-Apps Cloud deaktiviert.", "Vaillant-Apps") == [D(2024, 4, 1)]
    # "mit" before a day in an offer bounds no end
    assert ends("Vaillant-Apps mit 20 % Rabatt bis 31.03.2024 kaufen.", "Vaillant-Apps") == []


def test_german_support_that_runs_out_with_its_day_between() -> None:
    text = (
        "Das betrifft nun Handys, die mit Android 2.3.7 oder älter laufen. Dementsprechend läuft auch der Support "
        "schon am 27. September 2021 aus."
    )
    assert ends(text, "Android 2.3.7") == [D(2021, 9, 27)]
    # a time that runs on is no end
    assert ends("Das Video zu Android 2.3.7 läuft am 27. September 2021 im Fernsehen.", "Android 2.3.7") == []


def test_french_march_in_lower_case_is_a_month() -> None:
    assert ends("Après mars 2023, nous ne fournirons plus de mises à jour pour le Fairphone 2.", "Fairphone 2") == [
        D(2023, 3, 31)
    ]
    assert ends("Le Fairphone 2 atteindra la fin de sa période de support en mars 2023.", "Fairphone 2") == [
        D(2023, 3, 31)
    ]
    assert ends("Le Fairphone 2 ne recevra plus de mises à jour à partir de septembre 2023.", "Fairphone 2") == [
        D(2023, 9, 1)
    ]
    # the planet's name, capitalised, is no month
    assert ends("Le Fairphone 2 ne sera plus supporté, comme Mars 2020 ne l'est plus.", "Fairphone 2") == []


def test_this_project_deprecated_is_the_pages_own_code() -> None:
    product = "node-red-dashboard"
    said = "As of 27th June 2024 this project should be considered deprecated. No new development will take place."
    assert ends(said, product) == [D(2024, 6, 27)]
    assert ends("This project is deprecated as of 27 June 2024.", product) == [D(2024, 6, 27)]
    # another project named, or a thing the project uses, is not the page's own
    assert ends("The project we build on, Angular, is deprecated as of 27 June 2024.", product) == []
    assert ends("This project uses an API that is deprecated as of 27 June 2024.", product) == []
    # the hosting site's banner dates the repository's archiving, not an end of support
    banner = "This repository has been archived by the owner on Oct 19, 2023. It is now read-only."
    assert ends(banner, product) == []


def test_an_end_labelled_before_its_day_abroad() -> None:
    text = (
        "Tra giugno e settembre 2025, 17 modelli di smartphone Android smetteranno di ricevere aggiornamenti "
        "avviandosi verso il loro fine vita. I modelli interessati sono:\n"
        "- Galaxy A23 5G: data fine vita, 2 settembre 2025\n- POCO F4: data fine vita, 27 giugno 2025\n"
    )
    assert ends(text, "Galaxy A23 5G") == [D(2025, 9, 2)]
    assert ends(text, "POCO F4") == [D(2025, 6, 27)]
    assert ends("Galaxy A23 5G : fin de support : 30 juin 2025 pour ce modèle.", "Galaxy A23 5G") == [D(2025, 6, 30)]


def test_czech_support_ended_on_a_day_after_a_release_month() -> None:
    text = (
        "Windows 10 Mobile, verze 1709 (vydáno v říjnu 2017) je poslední verze Windows 10 Mobile a Microsoft ukončí "
        "podporu 10. prosince 2019. Podpora pro Windows Phone 8.1 byla ukončena 11. července 2017."
    )
    assert ends(text, "Windows 10 Mobile") == [D(2019, 12, 10)]
    assert ends(text, "Windows Phone 8.1") == [D(2017, 7, 11)]


def test_german_speakers_losing_their_online_functions() -> None:
    text = (
        "Der Anbieter wird den Cloud-Support für seine SoundTouch-Produktreihe einstellen. Mit 6. Mai 2026 "
        "verlieren alle betroffenen Lautsprecher und Soundbars zentrale Onlinefunktionen: Streamingdienste, "
        "Internetradio, Voreinstellungen und die zugehörige App, all das fällt weg."
    )
    assert ends(text, "SoundTouch-Produktreihe") == [D(2026, 5, 6)]
