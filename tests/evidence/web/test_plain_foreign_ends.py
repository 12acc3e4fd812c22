"""Plain end statements in the languages psti reads, each in a page whose other sentence sets the language.

Polish and Czech put the day right after the end's verb ("Wsparcie … zakończy się 31 marca 2025 roku", "zostanie
wyłączona 31 marca", "Podpora … skončí 31. března 2025") and say updates are no longer received with
"otrzymywał"; Swedish bounds a day with "fram till den" and shuts a service with "stängs ned"; Norwegian gives updates
"til" a day; Danish writes March "marts"; Portuguese and Spanish switch servers off with "desligar" and "apagará";
Dutch "verdwijnt op"; a short Norwegian sentence whose only common word is one English has too ("Støtten for Acme
Hub avsluttes 31. mars 2025") is read in the page's language, and "stenges ned" before a day; Chinese ends
with "结束" and goes on "持续到" a day, while an offer that ends ("活动", "优惠") ends no product. German names the
end's day with "ist der" and bounds updates "bis zum" a day ten words before them; French servers are "coupés"; Spanish
support "finaliza"; Dutch updates stop "na" a day, support "eindigt", and servers are switched off with "zet … uit".
Chinese ends "终止", goes "下线", is closed "关闭" at a day, and labels it "截止日期"; a Korean line labels it "지원
종료일", and a short line of Korean is read as Korean. An app "disponibile fino al", "disponible hasta el", "disponible
jusqu'au", "disponível até" a day ends there (not one available from a day, or in shops until stock runs out); Spanish
names the "cese del servicio" (not of production), and Italian reports what "avrebbe smesso di funzionare". A year in
short brackets that dates the model ("Acme Hub (1re génération, 2011)") parts no end from its words. German support
"bis mindestens" (at least until) a time ends there, and a product "bis … unterstützt" is supported until it.
What stops working ("slutter å fungere", "holder op med at virke", "slutar fungera") stops at the day after it.
An end that is scheduled ("dont la fin est programmée le", "la fine … è prevista per", "o fim … está previsto
para") ends at its day.
A year alone ends where a product stops getting something in it ("dejó de recibir actualizaciones de software en
2018", "deixará de receber atualizações em 2026", "a cessé de recevoir des mises à jour en 2018", "ha smesso di
ricevere aggiornamenti nel 2018"), where support "termina en", "prendra fin en", "stopt in" or "endet" it; an Italian
update stops "dal" a year (from its first day) and support "terminerà a" a month; a service run on ("fortsätter att
driva", "fortsetter å drive", "fortsætter med at drive") up to the end of a year ends there.
A date after those words with no end beside it is no end, nor is the year a product stopped being made or sold in."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.evidence.web.snippets import ends

D = dt.date
MARCH_31 = [D(2025, 3, 31)]

_LEAD = {
    "pl": "To jest ważna informacja dla wszystkich naszych klientów, którzy korzystają z tego produktu w domu.",
    "sv": "Det här är viktig information för alla våra kunder som använder den här produkten i hemmet.",
    "no": "Dette er viktig informasjon for alle våre kunder som bruker dette produktet i hjemmet, og vi beklager.",
    "da": "Dette er vigtig information til alle vores kunder, som bruger dette produkt i hjemmet, og vi beklager.",
    "cs": "Toto je důležitá informace pro všechny naše zákazníky, kteří tento produkt používají doma a v kanceláři.",
    "pt": "Esta é uma informação importante para todos os nossos clientes que usam este produto em casa.",
    "es": "Esta es una información importante para todos nuestros clientes que usan este producto en casa.",
    "nl": "Dit is belangrijke informatie voor al onze klanten die dit product thuis gebruiken.",
    "zh": "这是给所有在家中使用本产品的客户的重要信息。",
    "de": "Dies ist eine wichtige Information für alle unsere Kunden, die dieses Produkt zu Hause verwenden.",
    "fr": "Ceci est une information importante pour tous nos clients qui utilisent ce produit à la maison.",
    "ko": "이것은 가정에서 이 제품을 사용하는 모든 고객을 위한 중요한 정보입니다.",
    "it": "Questa è un'informazione importante per tutti i nostri clienti che usano questo prodotto a casa.",
}


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [
        ("pl", "Wsparcie dla Acme Hub zakończy się 31 marca 2025 roku."),
        ("pl", "Acme Hub nie będzie otrzymywał aktualizacji od 31 marca 2025 roku."),
        ("pl", "Aplikacja Acme Hub została wycofana z tej platformy 31 marca 2025 roku."),
        ("es", "Los usuarios del Acme Hub tendrán una interrupción en el servicio a partir del 31 de marzo de 2025."),
        ("it", "Il supporto per l'Acme Hub è stato interrotto il 31 marzo 2025."),
        ("pl", "Usługa chmurowa Acme Hub zostanie wyłączona 31 marca 2025 roku."),
        ("sv", "Acme Hub kommer att få säkerhetsuppdateringar fram till den 31 mars 2025."),
        ("sv", "Molntjänsten för Acme Hub stängs ned den 31 mars 2025."),
        ("no", "Acme Hub vil få sikkerhetsoppdateringer til 31. mars 2025."),
        ("no", "Støtten for Acme Hub avsluttes 31. mars 2025."),
        ("no", "Skytjenesten for Acme Hub stenges ned 31. mars 2025."),
        ("da", "Supporten til Acme Hub ophører den 31. marts 2025."),
        ("cs", "Podpora pro Acme Hub skončí 31. března 2025."),
        ("pt", "A Acme vai desligar os servidores do Acme Hub no dia 31 de março de 2025."),
        ("es", "La Acme apagará los servidores del Acme Hub el 31 de marzo de 2025."),
        ("nl", "De Acme Hub-app verdwijnt op 31 maart 2025."),
        ("zh", "Acme Hub 的支持将于2025年3月31日结束。"),
        ("zh", "Acme Hub 的安全更新将持续到2025年3月31日。"),
        ("de", "Das Supportende für den Acme Hub ist der 31. März 2025."),
        ("de", "Bis zum 31. März 2025 erhält der Acme Hub noch Sicherheitsupdates."),
        ("fr", "Les serveurs du Acme Hub seront coupés le 31 mars 2025."),
        ("es", "El soporte para Acme Hub finaliza el 31 de marzo de 2025."),
        ("nl", "De Acme Hub ontvangt na 31 maart 2025 geen updates meer."),
        ("nl", "De ondersteuning voor de Acme Hub eindigt op 31 maart 2025."),
        ("nl", "Acme zet de servers van de Acme Hub op 31 maart 2025 uit."),
        ("zh", "Acme Hub 的安全更新将于2025年3月31日终止。"),
        ("zh", "我们将在2025年3月31日关闭 Acme Hub 的云服务。"),
        ("zh", "Acme Hub 的服务将于2025年3月31日下线。"),
        ("zh", "Acme Hub 支持截止日期：2025年3月31日"),
        ("ko", "Acme Hub 지원 종료일: 2025년 3월 31일"),
        ("it", "L'app Acme Hub sarà disponibile fino al 31 marzo 2025."),
        ("es", "La app del Acme Hub estará disponible hasta el 31 de marzo de 2025."),
        ("fr", "L'application Acme Hub sera disponible jusqu'au 31 mars 2025."),
        ("pt", "O aplicativo Acme Hub estará disponível até 31 de março de 2025."),
        ("es", "Se ha puesto fecha exacta al cese del servicio del Acme Hub, el 31 de marzo de 2025."),
        ("it", "A partire dal 31 marzo 2025, l'Acme Hub avrebbe smesso di funzionare con l'app."),
        ("fr", "À partir du 31 mars 2025, Acme Hub (1re génération, 2011) ne recevra plus de mises à jour."),
        ("de", "Der Acme Hub soll noch bis mindestens 31. März 2025 unterstützt werden."),
        ("de", "Der Acme Hub erhält bis mindestens zum 31. März 2025 Sicherheitsupdates."),
        ("fr", "Acme ne va plus investir dans sa plateforme Acme Hub, dont la fin est programmée le 31 mars 2025."),
        ("it", "La fine del servizio Acme Hub è prevista per il 31 marzo 2025."),
        ("pt", "O fim do serviço Acme Hub está previsto para 31 de março de 2025."),
        ("es", "El fin del servicio Acme Hub está previsto para el 31 de marzo de 2025."),
        ("no", "Acme Hub slutter offisielt å fungere 31. mars 2025."),
        ("da", "Acme Hub holder op med at virke den 31. marts 2025."),
        ("sv", "Acme Hub slutar fungera den 31 mars 2025."),
        ("de", "Der Acme Hub Store und Marketplace schließen am 31. März 2025."),
        (
            "de",
            "Nach einem Produktionsstopp stellt Acme ab dem 31. März 2025 auch für folgende Geräteserien und "
            "Zubehörteile den kompletten Service ein: Acme Hub.",
        ),
    ],
)
def test_plain_end(lang: str, sentence: str) -> None:
    assert ends(f"{_LEAD[lang]} {sentence}", "Acme Hub") == MARCH_31


def test_an_offer_that_ends_in_chinese_or_japanese_is_no_product_end() -> None:
    assert ends(f"{_LEAD['zh']} Acme Hub 的活动将于2025年3月31日结束。", "Acme Hub") == []
    assert ends(f"{_LEAD['zh']} Acme Hub 的优惠持续到2025年3月31日。", "Acme Hub") == []
    assert ends("Acme Hubのキャンペーンは2025年3月31日に終了します。", "Acme Hub") == []


def test_an_english_sentence_on_a_norwegian_page_is_not_read_as_norwegian() -> None:
    # ("for" is both languages' word, but "will" and "the" are English's alone)
    english = "Support for the Acme Hub will end on 31 March 2025."
    assert ends(f"{_LEAD['no']} {english}", "Acme Hub") == MARCH_31


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [
        ("de", "Der Erscheinungstermin für den Acme Hub ist der 31. März 2025."),
        ("nl", "Na 31 maart 2025 komt er een nieuwe versie van de Acme Hub."),
        ("fr", "Le prix du Acme Hub a été coupé le 31 mars 2025."),
        ("zh", "Acme Hub 的优惠活动将于2025年3月31日终止。"),
        ("es", "La app Acme Hub está disponible desde el 31 de marzo de 2025."),
        ("es", "El Acme Hub estará disponible en tiendas hasta agotar existencias, desde el 31 de marzo de 2025."),
        ("es", "El cese de la producción del Acme Hub fue el 31 de marzo de 2025."),
        ("pt", "O aplicativo Acme Hub está disponível desde 31 de março de 2025."),
        ("de", "Der Support für das Acme Hub ist von Montag bis Freitag erreichbar, seit 2020."),
    ],
)
def test_a_date_after_those_words_with_no_end_is_none(lang: str, sentence: str) -> None:
    assert ends(f"{_LEAD[lang]} {sentence}", "Acme Hub") == []


@pytest.mark.parametrize(
    ("lang", "sentence", "day"),
    [
        ("es", "El Acme Hub dejó de recibir actualizaciones de software en 2018.", D(2018, 12, 31)),
        ("es", "El Acme Hub dejará de recibir actualizaciones de seguridad en 2026.", D(2026, 12, 31)),
        ("es", "Acme dejó de dar soporte al Acme Hub en 2023.", D(2023, 12, 31)),
        ("es", "El soporte para el Acme Hub termina en 2026.", D(2026, 12, 31)),
        ("es", "El servicio del Acme Hub se cerrará en 2026.", D(2026, 12, 31)),
        ("pt", "O Acme Hub deixou de receber atualizações de software em 2018.", D(2018, 12, 31)),
        ("pt", "O Acme Hub vai deixar de receber atualizações em 2026.", D(2026, 12, 31)),
        ("pt", "O suporte ao Acme Hub termina em 2026.", D(2026, 12, 31)),
        ("fr", "L'Acme Hub a cessé de recevoir des mises à jour en 2018.", D(2018, 12, 31)),
        ("fr", "L'Acme Hub cessera de recevoir des mises à jour de sécurité en 2026.", D(2026, 12, 31)),
        ("fr", "Le support de l'Acme Hub prendra fin en 2026.", D(2026, 12, 31)),
        ("it", "L'Acme Hub ha smesso di ricevere aggiornamenti nel 2018.", D(2018, 12, 31)),
        ("it", "L'Acme Hub smetterà di ricevere aggiornamenti di sicurezza nel 2026.", D(2026, 12, 31)),
        ("it", "L'Acme Hub non riceverà più aggiornamenti dal 2026.", D(2026, 1, 1)),
        ("it", "Il supporto per l'Acme Hub terminerà a marzo 2026.", D(2026, 3, 31)),
        ("nl", "De ondersteuning voor de Acme Hub stopt in 2026.", D(2026, 12, 31)),
        ("de", "Der Support für das Acme Hub endet 2026.", D(2026, 12, 31)),
        ("de", "Für das Acme Hub soll der Software-Support mindestens fünf Jahre bis 2026 andauern.", D(2026, 12, 31)),
        ("de", "Der Support für das Acme Hub läuft bis 2026.", D(2026, 12, 31)),
        ("it", "L'Acme Hub è andato in pensione nel 2007 e il supporto è stato interrotto nel 2010.", D(2010, 12, 31)),
        ("de", "Acme hat das letzte Software-Update für den Acme Hub im Oktober 2025 freigegeben.", D(2025, 10, 31)),
        ("no", "Telia planlegger å slukke Acme Hub i løpet av 2025.", D(2025, 12, 31)),
        ("sv", "Acme fortsätter att driva Acme Hub fram till slutet av 2027.", D(2027, 12, 31)),
        ("no", "Acme fortsetter å drive Acme Hub til utgangen av 2027.", D(2027, 12, 31)),
        ("da", "Acme fortsætter med at drive Acme Hub indtil udgangen af 2027.", D(2027, 12, 31)),
    ],
)
def test_an_end_in_a_year_or_month(lang: str, sentence: str, day: dt.date) -> None:
    assert ends(f"{_LEAD[lang]} {sentence}", "Acme Hub") == [day]


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [
        ("es", "Sin embargo, tras dejar de fabricarse en 2023, el futuro del Acme Hub quedó en entredicho."),
        ("it", "Il Acme Hub non è più acquistabile dal 2016."),
        ("es", "Acme dejó de vender el Acme Hub en 2019."),
        ("sv", "Acme fortsätter att sälja Acme Hub fram till slutet av 2027."),
    ],
)
def test_the_year_a_product_stopped_being_made_or_sold_is_no_end(lang: str, sentence: str) -> None:
    assert ends(f"{_LEAD[lang]} {sentence}", "Acme Hub") == []


@pytest.mark.parametrize(
    ("sentence", "day"),
    [
        ("Le service Acme Hub sera arrêté d'ici la fin de l'année 2022.", D(2022, 12, 31)),
        ("Les opérateurs prévoient de tourner la page de l'Acme Hub d'ici la fin de l'année 2022.", D(2022, 12, 31)),
    ],
)
def test_a_french_end_by_a_years_end(sentence: str, day: dt.date) -> None:
    assert ends(f"{_LEAD['fr']} {sentence}", "Acme Hub") == [day]


def test_a_french_launch_by_a_years_end_is_no_end() -> None:
    assert ends(f"{_LEAD['fr']} L'Acme Hub sera lancé d'ici la fin de l'année 2022.", "Acme Hub") == []
