"""Forms met on pages of held-out-478 and 479, and the plain forms beside them: a list of models dated and
described in brackets between a foreign end's date and its verb; Serbian, Slovenian, Bulgarian and Russian ends,
and a sentence that dates the end the one before says; "this year" in more languages; and policies in Turkish,
Greek and Hungarian (and a Swedish "var 14:e dag")."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.evidence.web.snippets import ends, policy

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


@pytest.mark.parametrize(
    ("said", "end"),
    [
        ("Acme Hub će dobijati bezbednosne ispravke do 31. decembra 2027. godine.", D(2027, 12, 31)),
        ("Acme Hub bo prejemal varnostne popravke do 31. decembra 2027.", D(2027, 12, 31)),
        ("Nintendo je objavio da će Acme Hub servisi prestati sa radom 8. aprila 2024. godine.", D(2024, 4, 8)),
        ("Acme Hub ще бъде поддържан до 30 септември 2014 г.", D(2014, 9, 30)),
        ("Поддръжката на Acme Hub ще приключи на 31 март 2025 г.", D(2025, 3, 31)),
        ("Поддержка Acme Hub прекратится 31 марта 2025 года.", D(2025, 3, 31)),
    ],
)
def test_serbian_slovenian_bulgarian_and_russian_ends(said: str, end: dt.date) -> None:
    assert ends(said, "Acme Hub") == [end]


@pytest.mark.parametrize(
    "said",
    [
        "Продажбите на Acme Hub приключиха на 31 март 2025 г.",
        "Презентацията на Acme Hub приключи на 31 март 2025 г. с демонстрация на новите функции.",
        "Продажи Acme Hub прекратятся 31 марта 2025 года.",
        "Acme Hub je predstavljen 8. aprila 2024. godine i košta 199 evra.",
    ],
)
def test_a_sale_or_a_presentation_that_ends_is_no_end_of_support(said: str) -> None:
    assert ends(said, "Acme Hub") == []


@pytest.mark.parametrize(
    ("said", "end"),
    [
        ("Acme je objavio da će servisi za Acme Hub prestati sa radom. To će se desiti 8. aprila 2024. godine.",
         D(2024, 4, 8)),
        ("Поддержка Acme Hub будет прекращена. Это произойдёт 31 марта 2025 года.", D(2025, 3, 31)),
        ("Acme ще спре поддръжката на Acme Hub. Това ще стане на 31 март 2025 г.", D(2025, 3, 31)),
    ],
)
def test_a_sentence_that_dates_the_end_the_one_before_says(said: str, end: dt.date) -> None:
    assert ends(said, "Acme Hub") == [end]


def test_a_launch_before_a_dated_happening_is_no_end() -> None:
    said = "Acme je predstavio novi Acme Hub. To će se desiti 8. aprila 2024. godine u Beogradu."
    assert ends(said, "Acme Hub") == []


@pytest.mark.parametrize(
    "said",
    [
        "Acme Hub ще бъде поддържан до септември тази година.",
        "Acme Hub će dobijati bezbednosne ispravke do septembra ove godine.",
        "Acme Hub bude dostávať bezpečnostné aktualizácie do septembra tohto roku.",
    ],
)
def test_a_month_this_year_takes_the_pages_year(said: str) -> None:
    assert ends(f"Published 10 July 2014\n{said}", "Acme Hub") == [D(2014, 9, 30)]


def _times(text: str) -> tuple[str | None, str | None]:
    """The acknowledgement and status-update timescales a policy with this text gives."""
    p = policy(text)
    return (p.ack_when.timescale if p.ack_when else None, p.status_when.timescale if p.status_when else None)


@pytest.mark.parametrize(
    ("text", "times"),
    [
        (
            "Güvenlik açıklarını security@acme.com adresine bildirebilirsiniz. Raporunuzu aldığımızı 3 iş günü içinde"
            " onaylayacağız. Süreç boyunca sizi her 14 günde bir bilgilendireceğiz.",
            ("3 iş günü içinde", "her 14 günde bir"),
        ),
        (
            "Bildiriminizi 48 saat içinde yanıtlayacağız ve en az 30 günde bir ilerleme hakkında güncelleme"
            " sağlayacağız.",
            ("48 saat içinde", "30 günde bir"),
        ),
        (
            "Θα επιβεβαιώσουμε την παραλαβή της αναφοράς σας εντός 3 εργάσιμων ημερών. Θα σας ενημερώνουμε για την"
            " πρόοδο κάθε 14 ημέρες.",
            ("εντός 3 εργάσιμων ημερών", "κάθε 14 ημέρες"),
        ),
        (
            "A bejelentés kézhezvételét 3 munkanapon belül visszaigazoljuk. A folyamat állásáról 14 naponta"
            " tájékoztatjuk.",
            ("3 munkanapon belül", "14 naponta"),
        ),
        (
            "Vi bekräftar mottagandet av din rapport inom 3 arbetsdagar och informerar dig om framstegen var 14:e dag.",
            ("inom 3 arbetsdagar", "var 14:e dag"),
        ),
    ],
)
def test_turkish_greek_hungarian_and_swedish_policies(text: str, times: tuple[str, str]) -> None:
    assert _times(text) == times


@pytest.mark.parametrize(
    "text",
    [
        "Güvenlik açıklarını security@acme.com adresine bildirebilirsiniz. Düzeltmeyi 90 gün içinde yayınlayacağız.",
        "Τα τρωτά σημεία μπορούν να αναφερθούν στο security@acme.com. Θα δημοσιεύσουμε τη διόρθωση εντός 90 ημερών.",
        "Biztonsági réseket a security@acme.com címen jelenthet. A javítást 90 napon belül kiadjuk.",
    ],
)
def test_a_fix_timed_in_those_languages_is_no_acknowledgement_nor_update(text: str) -> None:
    assert _times(text) == (None, None)


@pytest.mark.parametrize(
    ("text", "times"),
    [
        (
            "يمكن الإبلاغ عن الثغرات الأمنية عبر security@acme.com. سنؤكد استلام تقريرك خلال 3 أيام عمل وسنطلعك على"
            " التقدم كل 14 يومًا.",
            ("خلال 3 أيام عمل", "كل 14 يومًا"),
        ),
        ("سنرد على تقريرك في غضون 48 ساعة.", ("في غضون 48 ساعة", None)),
        (
            "נאשר את קבלת הדיווח תוך 3 ימי עבודה ונעדכן אותך על ההתקדמות כל 14 ימים.",
            ("תוך 3 ימי עבודה", "כל 14 ימים"),
        ),
        ("ניצור איתך קשר תוך 48 שעות.", ("תוך 48 שעות", None)),
        (
            "Vom confirma primirea raportului în termen de 3 zile lucrătoare și vă vom informa despre progres la"
            " fiecare 14 zile.",
            ("în termen de 3 zile lucrătoare", "la fiecare 14 zile"),
        ),
        ("Vă vom răspunde în 48 de ore.", ("în 48 de ore", None)),
    ],
)
def test_arabic_hebrew_and_romanian_policies(text: str, times: tuple[str, str | None]) -> None:
    assert _times(text) == times


@pytest.mark.parametrize(
    "text",
    [
        "يمكن الإبلاغ عن الثغرات الأمنية عبر security@acme.com. سنعمل على إصلاح الثغرة خلال 90 يومًا.",
        "ניתן לדווח על פגיעויות אבטחה לכתובת security@acme.com. נפרסם את התיקון תוך 90 ימים.",
        "Vulnerabilitățile pot fi raportate la security@acme.com. Vom publica remedierea în termen de 90 de zile.",
    ],
)
def test_a_fix_timed_in_arabic_hebrew_or_romanian_is_no_acknowledgement_nor_update(text: str) -> None:
    assert _times(text) == (None, None)


@pytest.mark.parametrize(
    ("text", "times"),
    [
        (
            "У разі отримання повідомлення про вразливість команда кібербезпеки Acme зв'яжеться з вами на вказану"
            " адресу електронної пошти протягом 72 годин.",
            ("протягом 72 годин", None),
        ),
        (
            "Ми підтвердимо отримання звіту протягом 3 робочих днів і інформуватимемо вас про хід розгляду кожні 14"
            " днів.",
            ("протягом 3 робочих днів", "кожні 14 днів"),
        ),
        (
            "Мы подтвердим получение отчёта в течение 3 рабочих дней и будем информировать вас о ходе работ каждые 14"
            " дней.",
            ("в течение 3 рабочих дней", "каждые 14 дней"),
        ),
        ("Мы ответим в течение 48 часов.", ("в течение 48 часов", None)),
        ("Сообщите нам на security@acme.com. Мы выпустим исправление в течение 90 дней.", (None, None)),
    ],
)
def test_ukrainian_and_russian_policies(text: str, times: tuple[str | None, str | None]) -> None:
    assert _times(text) == times
