"""Formats met on held-out sets 398 onwards and on the misses of the sets before them, and the plain forms
around them in the same languages.

French writes a capital "À" as "A" ("A partir du 31 juillet 2023, ces appareils ne feront plus l'objet d'un
support"); German and Dutch put the participle of a stop last, after its month or year ("wanneer de
Fitbit-accounts in 2025 worden beëindigd", "wird im Jahr 2025 eingestellt"), and a launch set in a year before it is
no end; a year right after a stop's participle in French, Spanish or Italian ("sera arrêté en 2025", "será
desactivado en 2025", "verrà chiuso nel 2025"), while a deactivation named as a noun is dated by its own words;
"fermé", "finalizará", "mis à jour jusqu'en", "krijgt tot … beveiligingsupdates", "uitgeschakeld"; a German day with a
two-digit year after a word that dates it ("die bisherige API zum 15.07.21 abgeschaltet"), not a version number;
English as a second language writes a stray "be" before a stop ("which will be end on 28th February 2025") and
"shutdowned"; a sentence that dates what the one before says will end ("… zakończenie świadczenia usługi UPC TV Go.
Stanie się to wraz z końcem lutego 2025 roku", "Das geschieht am 3. März 2025"); two participles joined by a slash
("The Fitbit Web API is being decommissioned/replaced in September 2026"), read by the first; "updates" after the noun
of their kind and before "through", which the parser takes for a verb ("will get software updates through March
2025")."""

from __future__ import annotations

import datetime as dt

from tests.evidence.web.snippets import ends

D = dt.date


def test_french_capital_a_without_its_accent() -> None:
    halo = "A partir du 31 juillet 2023, ces appareils Halo View ne feront plus l'objet d'un support."
    assert ends(halo, "Halo View") == [D(2023, 7, 31)]
    assert ends("A compter du 31 juillet 2023, les Acme Hub ne seront plus supportés.", "Acme Hub") == [D(2023, 7, 31)]


def test_participle_last_in_german_and_dutch() -> None:
    fitbit = (
        "Je zou genoeg kennisgeving moeten krijgen tussen nu en wanneer de Fitbit-accounts in 2025 worden beëindigd."
    )
    assert ends(fitbit, "Fitbit-accounts") == [D(2025, 12, 31)]
    assert ends("De app van de Acme Hub wordt in maart 2025 stopgezet.", "Acme Hub") == [D(2025, 3, 31)]
    assert ends("Der Dienst für den Acme Hub wird im Jahr 2025 eingestellt.", "Acme Hub") == [D(2025, 12, 31)]
    assert ends("Der Cloud-Dienst des Acme Hub wird 2025 abgeschaltet.", "Acme Hub") == [D(2025, 12, 31)]


def test_a_launch_year_before_the_participle_is_no_end() -> None:
    assert ends("De Acme Hub wordt in 2025 gelanceerd en in 2030 stopgezet.", "Acme Hub") == [D(2030, 12, 31)]
    assert ends("De Acme Hub wordt in 2025 gelanceerd door de fabrikant.", "Acme Hub") == []


def test_year_after_a_stops_participle() -> None:
    assert ends("Le service Acme Hub sera arrêté en 2025.", "Acme Hub") == [D(2025, 12, 31)]
    assert ends("El servicio de Acme Hub será desactivado en 2025.", "Acme Hub") == [D(2025, 12, 31)]
    assert ends("Il servizio Acme Hub verrà chiuso nel 2025.", "Acme Hub") == [D(2025, 12, 31)]


def test_a_deactivation_noun_keeps_its_own_date() -> None:
    movistar = (
        "Telefónica suscribió un convenio con la empresa Hispasat (en abril de 2021), lo que permitió prolongar la "
        "prestación de este servicio en el país, sin embargo, la desactivación definitiva al satélite fue confirmada "
        "para diciembre de 2022."
    )
    assert D(2021, 4, 30) not in ends(movistar, "Movistar TV")


def test_plain_stops_in_french_spanish_and_dutch() -> None:
    assert ends("Le service cloud du Acme Hub sera fermé le 31 mars 2025.", "Acme Hub") == [D(2025, 3, 31)]
    assert ends("Le Acme Hub sera mis à jour jusqu'en 2027.", "Acme Hub") == [D(2027, 12, 31)]
    assert ends("El soporte del Acme Hub finalizará el 31 de marzo de 2025.", "Acme Hub") == [D(2025, 3, 31)]
    assert ends("De Acme Hub krijgt tot 31 maart 2025 beveiligingsupdates.", "Acme Hub") == [D(2025, 3, 31)]
    clouddienst = "De clouddienst van de Acme Hub wordt op 31 maart 2025 uitgeschakeld."
    assert ends(clouddienst, "Acme Hub") == [D(2025, 3, 31)]


def test_german_day_with_a_two_digit_year() -> None:
    viessmann = "Heute wurde ich per Mail informiert, dass die bisherige Viessmann API zum 15.07.21 abgeschaltet wird."
    assert ends(viessmann, "Viessmann API") == [D(2021, 7, 15)]
    assert ends("Die Version 15.07.21 der Viessmann API wird eingestellt.", "Viessmann API") == []


def test_second_language_english_stops() -> None:
    husqvarna = "Remove websocket V1 support, which will be end on 28th February 2025."
    assert ends(husqvarna, "websocket V1") == [D(2025, 2, 28)]
    assert ends("The nissan EV app will be shutdowned on 31 March 2026.", "nissan EV") == [D(2026, 3, 31)]
    # ("to be end-to-end encrypted": a "be" before a word that is no stop here stays)
    assert ends("All Acme Hub traffic has to be end-to-end encrypted from March 1, 2025.", "Acme Hub") == []


def test_a_sentence_that_dates_the_end_before_it() -> None:
    upc = (
        "Według informacji jakie podał serwis Wirtualnemedia.pl, przyszła pora na zakończenie świadczenia usługi "
        "UPC TV Go. Stanie się to wraz z końcem lutego 2025 roku."
    )
    assert ends(upc, "UPC TV Go") == [D(2025, 2, 28)]
    german = "Der Hersteller stellt den Support für den Acme Hub ein. Das geschieht am 3. März 2025."
    assert ends(german, "Acme Hub") == [D(2025, 3, 3)]


def test_no_end_before_it_gives_the_date_nothing_to_end() -> None:
    launch = "Der Hersteller bringt einen neuen Acme Hub auf den Markt. Das geschieht am 3. März 2025."
    assert ends(launch, "Acme Hub") == []


def test_participles_joined_by_a_slash() -> None:
    fitbit = "The Fitbit Web API is being decommissioned/replaced in September 2026 with [Google Health API](https://x)."
    assert ends(fitbit, "Fitbit Web API") == [D(2026, 9, 30)]
    # (a slash between other words stays: "and/or", a path)
    assert ends("The Acme Hub app and/or website will be updated in March 2026.", "Acme Hub") == []


def test_updates_after_their_kind_are_a_noun() -> None:
    assert ends("Acme Hub will get software updates through March 2025.", "Acme Hub") == [D(2025, 3, 31)]
    assert ends("The Acme Hub gets security updates through October 2026.", "Acme Hub") == [D(2026, 10, 31)]
    # (a verb it stays where nothing names a kind: "Acme updates through the app")
    assert ends("Acme updates through the app every month since March 2025.", "Acme Hub") == []
