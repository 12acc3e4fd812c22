"""Forms met on pages of held-out-478 and 479, and the plain forms beside them: a list of models dated and
described in brackets between a foreign end's date and its verb."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.evidence.web.snippets import ends

D = dt.date


@pytest.mark.parametrize(
    "said",
    [
        "A partir de 25 de outubro de 2025, o Acme Hub Learning Thermostat (1ª geração, 2011), o Acme Hub Learning"
        " Thermostat (2ª geração, 2012) e o Acme Hub Learning Thermostat (2ª geração, versão europeia, 2014) não"
        " receberão mais atualizações de software.",
        "Ab dem 31. März 2025 werden das Acme Hub (erste Generation, 2016), das Acme Hub Mini (zweite Generation, 2018,"
        " europäische Version) und die Acme Cam (Modell AC-100) keine Sicherheitsupdates mehr erhalten.",
        "À partir du 31 mars 2025, l'Acme Hub (première génération, 2016), l'Acme Hub Mini (deuxième génération, 2018,"
        " version européenne) et l'Acme Cam (2019, modèle AC-100) ne recevront plus de mises à jour de sécurité.",
        "Dal 31 marzo 2025 l'Acme Hub (prima generazione, 2016), l'Acme Hub Mini (seconda generazione, 2018, versione"
        " europea) e la Acme Cam (2019, modello AC-100) non riceveranno più aggiornamenti di sicurezza.",
    ],
)
def test_models_dated_in_brackets_do_not_part_a_foreign_end_from_its_verb(said: str) -> None:
    assert ends(said, "Acme Hub")[0] in (D(2025, 10, 25), D(2025, 3, 31))


def test_a_far_end_word_outside_brackets_is_still_not_the_dates() -> None:
    said = (
        "Il 31 marzo 2025 Acme ha presentato il nuovo Acme Hub 2, un dispositivo con schermo più grande, altoparlanti"
        " migliori e un design rinnovato che arriva nei negozi italiani a un prezzo di 199 euro, mentre il vecchio"
        " modello non riceverà più aggiornamenti."
    )
    assert ends(said, "Acme Hub") == []
