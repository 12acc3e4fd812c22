"""Support statements in German, French, Portuguese, Spanish and Italian (psti.evidence.web.foreign), as
real pages in bench/data/web-realworld.json write them, with the negatives the reader must not
take for ends."""

from __future__ import annotations

import datetime as dt

import pytest

from psti.evidence.web.foreign import foreign_end, language_of
from psti.evidence.web.pagetext import sentences
from tests.evidence.web.snippets import ends

D = dt.date

AVM = (
    "Den Anfang macht die FRITZ!Box 7581, die ihr End of Maintenance bereits am 30. November 2019 erreicht hat. "
    "Ab dem 31. Mai 2020 ist dann auch Schluss mit dem EOS. Für die FRITZ!Box 6590 Cable ist am 31. Dezember "
    "2020 Schluss (EOM). Ab dem 30. Juni 2021 gibt es dann auch keinen Support mehr von AVM (EOS). Am 2. Januar "
    "2021 verabschiedet sich die FRITZ!Box 7580 (EOM) und ab dem 30. November 2022 will der AVM-Support auch "
    "nichts mehr von der Box wissen (EOS)."
)


def test_the_language_is_told_by_its_function_words() -> None:
    assert language_of("Für den STELLAR-X5s sind Updates bis Dezember 2031 garantiert, und das ist gut.") == "de"
    assert language_of("A partir de 31 de julho de 2024, os termostatos não poderão mais ser controlados.") == "pt"
    assert language_of("Security updates for the Acme Cam are provided until December 2031.") is None
    # English with a German product name is English
    assert language_of("The Acme Der Die Das speaker will get updates until 2030 and it is sold in the UK.") is None


def test_german_ends_each_with_its_product() -> None:
    assert ends(AVM, "FRITZ!Box 7581") == [D(2019, 11, 30)]  # a day's full stop does not end the sentence
    assert ends(AVM, "FRITZ!Box 6590 Cable") == [D(2020, 12, 31)]
    # the end of maintenance (patches), not the later end of customer support
    assert ends(AVM, "FRITZ!Box 7580") == [D(2021, 1, 2)]
    text = "Für den STELLAR-X5s sind Updates bis Dezember 2031 garantiert, 3 Upgrades auf Android 18."
    assert ends(text, "STELLAR-X5s") == [D(2031, 12, 31)]
    server = (
        "Ab dem 1. September 2025 werden die Server für die dSS11-Serie sowie für den dSS-IP dauerhaft abgeschaltet."
    )
    assert ends(server, "dSS-IP") == [D(2025, 9, 1)]


def test_portuguese_french_and_spanish_ends() -> None:
    pt = (
        "A partir de 31 de julho de 2024, os termostatos Ecobee Smart Thermostat e Ecobee Energy Management "
        "System (EMS) não poderão mais ser controlados remotamente."
    )
    assert ends(pt, "Ecobee Smart Thermostat") == [D(2024, 7, 31)]
    fr = "À partir du 1er août 2025, les ampoules de la marque ne seront plus prises en charge par le service."
    assert ends(fr, "ampoules") == [D(2025, 8, 1)]
    es = "El Acme Cam recibirá actualizaciones de seguridad hasta el 31 de diciembre de 2027 y no más."
    assert ends(es, "Acme Cam") == [D(2027, 12, 31)]


def test_a_product_said_to_go_on_has_no_end() -> None:
    text = (
        "A partir de 31 de julho de 2024, os termostatos Ecobee Smart Thermostat não poderão mais ser controlados.\n"
        "Embora dois termostatos estejam perdendo suporte, o Ecobee 3 continuará recebendo atualizações, embora a "
        "Ecobee não tenha dito por quanto tempo."
    )
    assert ends(text, "Ecobee 3") == []


def test_dates_that_are_no_ends() -> None:
    # a release date, with no word that stops anything
    assert foreign_end("Die FRITZ!Box 7590 ist am 3. Mai 2017 erschienen und wird von der Firma verkauft.") is None
    # an end word, but the date is not bounded by "bis", "ab" …: it says when something was announced
    assert foreign_end("Die Firma hat im Mai 2024 angekündigt, dass die App nicht mehr verfügbar sein wird.") is None
    # an English sentence is left to the English reading
    assert foreign_end("Support ends on 30 November 2019 for the FRITZ!Box 7581 and it is not renewed.") is None
    assert sentences("am 30. November 2019 erreicht hat.") == ["am 30. November 2019 erreicht hat."]


def test_more_ways_to_bound_and_end() -> None:
    es = (
        "Google ha anunciado que, a partir del 25 de octubre de 2025, dejará de ofrecer soporte para los "
        "termostatos Nest."
    )
    assert ends(es, "termostatos Nest") == [D(2025, 10, 25)]
    fr = "Google annonce que le support des Nest Learning Thermostats se terminera en octobre 2025."
    assert ends(fr, "Nest Learning Thermostats") == [D(2025, 10, 31)]
    de = (
        "Gigaset wird die Server seines Smart Home-Systems per 29. März 2024 abschalten und die Produkte damit beenden."
    )
    assert ends(de, "Smart Home-System") == [D(2024, 3, 29)]
    de2 = (
        "Die Bridge der ersten Generation erhält ab dem 30. April 2020 keine Software-Updates mehr, sagt der "
        "Hersteller."
    )
    assert ends(de2, "Bridge der ersten Generation") == [D(2020, 4, 30)]
    pt = "O Google vai encerrar as Dropcams. O serviço será interrompido definitivamente no dia 8 de abril de 2024."
    assert ends(pt, "Dropcams") == [D(2024, 4, 8)]
    es2 = "Siete dispositivos van a alcanzar el fin de vida (EOL) durante este mes de abril de 2025 y no tendrán más."
    assert ends(es2) == [D(2025, 4, 30)]


def test_an_end_word_far_from_the_date_is_not_its_end() -> None:
    fr = (
        "En juillet 2024, les derniers abonnés utilisant encore une Freebox Crystal ont commencé à voir apparaître "
        "un message d'alerte à chaque allumage de leur player, les informant que leur box sera définitivement "
        "arrêtée à la fin de l'année 2025."
    )
    assert foreign_end(fr) is None
    # a model whose name goes on after the product's ("Xiaomi 12T") is another model's row
    rows = "Fechas de fin de soporte de Xiaomi:\n- Xiaomi 12T y Xiaomi 12T Pro: 13 de octubre de 2026\n"
    assert ends(rows, "Xiaomi 12") == []


def test_italian_ends() -> None:
    day = "La cui attività terminerà ufficialmente il 15 ottobre 2025."
    found = foreign_end(day)
    assert found is not None and (found.day, found.precision) == (dt.date(2025, 10, 15), "day")
    month = (
        "La società comunica che il dispositivo non sarà più supportato, e da aprile 2020 non potrà più connettersi."
    )
    found = foreign_end(month)
    assert found is not None and found.day == dt.date(2020, 4, 1)  # "da aprile 2020": from the month's first day
    # a date that ends nothing
    assert foreign_end("La società ha presentato il nuovo modello il 15 ottobre 2025 a Milano.") is None


@pytest.mark.parametrize(
    ("sentence", "end"),
    [
        # from a year on; functions that lapse; a device that works only as something else; a project buried
        ("Mit der Folge, dass der Acme-Schalter oder 27 Acme-Geräte ab 2026 unbrauchbar werden.", dt.date(2026, 1, 1)),
        ("Nach einem Update, das am 30. Juni 2023 ausgespielt wird, entfallen auf dem Lautsprecher alle Funktionen.", dt.date(2023, 6, 30)),  # noqa: E501
        ("Der kompakte Lautsprecher wird ab 1. Juli 2023 nur noch als Bluetooth-Speaker funktionieren.", dt.date(2023, 7, 1)),  # noqa: E501
        ("Deshalb zieht der Konzern den Stecker und wird das Projekt zu Ende Juni 2023 beerdigen.", dt.date(2023, 6, 30)),  # noqa: E501
        # "nur noch" of a price is no end
        ("Der Lautsprecher kostet ab 1. Juli 2023 nur noch 49 Euro im Handel.", None),
    ],
)  # fmt: skip
def test_german_news_wordings_of_an_end(sentence: str, end: dt.date | None) -> None:
    found = foreign_end(sentence)
    assert (found.day if found is not None else None) == end
