"""Plain acknowledgement and update promises in other languages, each after a sentence that sets the language.

German "Wir melden uns innerhalb von 48 Stunden bei Ihnen" (we get back to you), Italian "Vi terremo aggiornati ogni
14 giorni" (kept up to date) and Portuguese "Manteremos você informado a cada 15 dias" (the pronoun between); a status
update named after the acknowledgement in the same sentence: French "et des nouvelles tous les 30 jours", German "und
alle 30 Tage einen Statusbericht"; Italian "Ti aggiorneremo sullo stato ogni 30 giorni". French "des nouvelles mises à
jour" (new updates) is no news sent to the reporter. Vietnamese replies ("phản hồi") "trong vòng 5 ngày làm việc"
(within five working days), acknowledges receipt ("xác nhận đã nhận"), and updates the status ("cập nhật tình trạng")
"mỗi 7 ngày" (every seven days), two promises joined by "và". Czech acknowledges receipt ("potvrdíme přijetí")
"během 3 pracovních dnů", reports progress ("informovat o průběhu") "každých 14 dní", and answers on the measures to
come ("odpověď týkající se budoucích opatření"), two promises joined by "a". A reply's time may be a range ("dentro de
48 a 72 horas", "innerhalb von 2 bis 3 Werktagen")."""

from __future__ import annotations

from tests.evidence.web.snippets import policy

_LEAD = {
    "fr": "Pour signaler une vulnérabilité, écrivez à security@acme.example avec une description du problème.",
    "de": "Um eine Schwachstelle zu melden, schreiben Sie bitte an security@acme.example mit einer Beschreibung.",
    "it": "Per segnalare una vulnerabilità, scrivete a security@acme.example con una descrizione del problema.",
    "pt": "Para relatar uma vulnerabilidade, escreva para security@acme.example com uma descrição do problema.",
    "vi": "Để báo cáo lỗ hổng bảo mật, vui lòng gửi email đến security@acme.example với mô tả của vấn đề.",
    "cs": "Chcete-li nahlásit zranitelnost, napište nám na security@acme.example s popisem problému.",
}


def test_german_we_get_back_to_you() -> None:
    found = policy(f"{_LEAD['de']} Wir melden uns innerhalb von 48 Stunden bei Ihnen.")
    assert found.ack_when is not None and found.ack_when.timescale == "innerhalb von 48 Stunden"


def test_italian_kept_up_to_date() -> None:
    found = policy(f"{_LEAD['it']} Vi terremo aggiornati ogni 14 giorni.")
    assert found.status_when is not None and found.status_when.timescale == "ogni 14 giorni"


def test_portuguese_kept_informed_with_the_pronoun_between() -> None:
    found = policy(f"{_LEAD['pt']} Manteremos você informado a cada 15 dias.")
    assert found.status_when is not None and found.status_when.timescale == "a cada 15 dias"


def test_a_german_report_is_no_reply() -> None:
    # ("melden" alone is the reporter's: "Schwachstellen melden Sie …" promises nothing)
    found = policy(f"{_LEAD['de']} Schwachstellen melden Sie bitte innerhalb von 48 Stunden nach dem Fund.")
    assert found.ack_when is None


def test_french_news_after_the_acknowledgement() -> None:
    found = policy(
        f"{_LEAD['fr']} Vous recevrez un accusé de réception dans un délai de 72 heures "
        "et des nouvelles tous les 30 jours."
    )
    assert found.ack_when is not None and found.ack_when.timescale == "dans un délai de 72 heures"
    assert found.status_when is not None and found.status_when.timescale == "tous les 30 jours"
    none = policy(f"{_LEAD['fr']} Nous publions des nouvelles mises à jour tous les 30 jours.")
    assert none.status_when is None


def test_german_status_report_after_the_acknowledgement() -> None:
    found = policy(
        f"{_LEAD['de']} Sie erhalten innerhalb von 72 Stunden eine Eingangsbestätigung "
        "und alle 30 Tage einen Statusbericht."
    )
    assert found.status_when is not None and found.status_when.timescale == "alle 30 Tage"


def test_italian_updated_on_the_status() -> None:
    found = policy(f"{_LEAD['it']} Ti aggiorneremo sullo stato ogni 30 giorni.")
    assert found.status_when is not None and found.status_when.timescale == "ogni 30 giorni"


def test_vietnamese_reply_within_working_days() -> None:
    found = policy(f"{_LEAD['vi']} Chúng tôi sẽ cố gắng phản hồi báo cáo trong vòng 5 ngày làm việc.")
    assert found.ack_when is not None and found.ack_when.timescale == "trong vòng 5 ngày làm việc"


def test_vietnamese_acknowledgement_and_status_joined() -> None:
    found = policy(
        f"{_LEAD['vi']} Chúng tôi sẽ xác nhận đã nhận báo cáo trong vòng 48 giờ và cập nhật tình trạng mỗi 7 ngày."
    )
    assert found.ack_when is not None and found.ack_when.timescale == "trong vòng 48 giờ"
    assert found.status_when is not None and found.status_when.timescale == "mỗi 7 ngày"


def test_czech_acknowledgement_and_progress_joined() -> None:
    found = policy(
        f"{_LEAD['cs']} Potvrdíme přijetí vašeho hlášení během 3 pracovních dnů a budeme vás informovat o průběhu "
        "každých 14 dní."
    )
    assert found.ack_when is not None and found.ack_when.timescale == "během 3 pracovních dnů"
    assert found.status_when is not None and found.status_when.timescale == "každých 14 dní"


def test_czech_first_answer_and_answer_on_the_measures_to_come() -> None:
    found = policy(
        f"{_LEAD['cs']} Ohlašovatelé mohou obdržet prvotní odpověď do 2 pracovních dnů a do 10 pracovních dnů mohou "
        "obdržet odpověď týkající se budoucích opatření."
    )
    assert found.ack_when is not None and found.ack_when.timescale == "do 2 pracovních dnů"
    assert found.status_when is not None and found.status_when.timescale == "do 10 pracovních dnů"


def test_a_reply_within_a_range_of_hours_or_days() -> None:
    found = policy(f"{_LEAD['pt']} Responderemos ao seu relatório dentro de 48 a 72 horas.")
    assert found.ack_when is not None and found.ack_when.timescale == "dentro de 48 a 72 horas"
    found = policy(f"{_LEAD['de']} Wir bestätigen den Eingang innerhalb von 2 bis 3 Werktagen.")
    assert found.ack_when is not None and found.ack_when.timescale == "innerhalb von 2 bis 3 Werktagen"
