"""End statements in Romanian, Greek, Ukrainian, Croatian and Serbian, Bulgarian, Malay and Vietnamese, each in a page
whose other sentence sets the language.

Each language names its months ("31 martie 2025", "31 Μαρτίου 2025", "τον Μάρτιο του 2025", "31 березня 2025 року",
"31. ožujka 2025."), bounds them ("până la", "începând cu", "έως τις", "μετά τις", "до", "з", "do", "nakon") and
says what stops ("nu va mai", "τερματίζεται", "δεν θα είναι πλέον", "більше не", "više neće"); Ukrainian and
Croatian may set the day right after the end's verb ("завершиться 31 березня", "prestaje 31. ožujka"). Croatian's
"listopad" is October, where Polish and Czech name November. A day after "today" that opens the sentence ("Сьогодні,
5 травня 2025 року, … припиняє свою роботу") is the day the end happens. Italian "verrà interrotto" ends a product
(not its production). Serbian writes its months "marta", "januara" and may set "godine" and the end's verb after the
day; a Bulgarian list under a heading on support gives each model's day ("Xiaomi 12: 17 март 2026 г."); Malay ends
"selepas" (after) a day in "Mac"; Indonesian servers are shut ("menutup server", not a shop that closes); Vietnamese
names a month by its number ("tháng 10/2025", "ngày 31 tháng 3 năm 2025") and an end of the year ("vào cuối năm
2024"), and a day that "là ngày" (is the day) an app "sẽ biến mất" (will disappear); Greek may write its day as an
ordinal ("31η Μαρτίου"). Monthly updates that stop from a day on ("keine monatlichen Sicherheitsupdates mehr",
"hàng tháng") are a change of cadence, not an end. A launch's day, or a day something is available from, is no end.
Languages read before: Turkish ends "itibarıyla" (as of) a day, Spanish and Portuguese close "este" or "neste" day,
German is "bis … weiter verfügbar", a Czech deadline "posunul na" (moved to) a day, Swedish phones "blockeras"; a
year devices were made in ("fabricados antes de 2014", "produzidos até 2016") is no end, and an end said "after that
date" ("Après cette date", "Dopo quella data", "Nach diesem Tag") is at the date of the sentence before."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.evidence.web.snippets import ends

D = dt.date
MARCH_31 = [D(2025, 3, 31)]

_LEAD = {
    "ro": "Aceasta este o informație importantă pentru toți clienții noștri care folosesc acest produs acasă.",
    "el": "Αυτή είναι μια σημαντική πληροφορία για όλους τους πελάτες μας που χρησιμοποιούν αυτό το προϊόν στο σπίτι.",
    "uk": "Це важлива інформація для всіх наших клієнтів, які користуються цим продуктом вдома.",
    "hr": "Ovo je važna informacija za sve naše korisnike koji koriste ovaj proizvod kod kuće.",
    "pl": "To jest ważna informacja dla wszystkich naszych klientów, którzy korzystają z tego produktu w domu.",
    "it": "Questa è un'informazione importante per tutti i nostri clienti che usano questo prodotto a casa.",
    "sr": "Ovo je važna informacija za sve naše korisnike koji koriste ovaj proizvod kod kuće.",
    "bg": "Това е важна информация за всички наши клиенти, които използват този продукт у дома.",
    "ms": "Ini ialah maklumat penting bagi semua pelanggan kami yang menggunakan produk ini di rumah.",
    "id": "Ini adalah informasi penting untuk semua pelanggan kami yang menggunakan produk ini di rumah.",
    "vi": "Đây là thông tin quan trọng cho tất cả khách hàng của chúng tôi đang sử dụng sản phẩm này tại nhà.",
    "de": "Dies ist eine wichtige Information für alle unsere Kunden, die dieses Produkt zu Hause verwenden.",
}


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [
        ("ro", "Suportul pentru Acme Hub se va încheia pe 31 martie 2025."),
        ("ro", "Acme Hub va primi actualizări de securitate până la 31 martie 2025."),
        ("ro", "Aplicația Acme Hub nu va mai funcționa după 31 martie 2025."),
        ("ro", "Serviciul cloud Acme Hub va fi oprit pe 31 martie 2025."),
        ("ro", "Începând cu 31 martie 2025, Acme Hub nu va mai primi actualizări."),
        ("ro", "Acme Hub primește actualizări până în martie 2025."),
        ("el", "Η υποστήριξη για το Acme Hub τερματίζεται στις 31 Μαρτίου 2025."),
        ("el", "Το Acme Hub θα λαμβάνει ενημερώσεις ασφαλείας έως τις 31 Μαρτίου 2025."),
        ("el", "Η εφαρμογή Acme Hub δεν θα είναι πλέον διαθέσιμη μετά τις 31 Μαρτίου 2025."),
        ("el", "Η υπηρεσία cloud του Acme Hub θα σταματήσει στις 31 Μαρτίου 2025."),
        ("el", "Το Acme Hub θα λαμβάνει ενημερώσεις μέχρι τον Μάρτιο του 2025."),
        ("el", "ΤΟ ACME HUB ΘΑ ΛΑΜΒΑΝΕΙ ΕΝΗΜΕΡΩΣΕΙΣ ΕΩΣ ΤΙΣ 31 ΜΑΡΤΙΟΥ 2025."),
        ("uk", "Підтримка Acme Hub завершиться 31 березня 2025 року."),
        ("uk", "Acme Hub отримуватиме оновлення безпеки до 31 березня 2025 року."),
        ("uk", "Хмарний сервіс Acme Hub буде відключено 31 березня 2025 року."),
        ("uk", "З 31 березня 2025 року Acme Hub більше не отримуватиме оновлень."),
        ("uk", "Acme Hub припиняє роботу 31 березня 2025 року."),
        ("uk", "Сьогодні, 31 березня 2025 року, Acme Hub офіційно припиняє свою роботу."),
        ("hr", "Podrška za Acme Hub prestaje 31. ožujka 2025."),
        ("hr", "Acme Hub će dobivati sigurnosna ažuriranja do 31. ožujka 2025."),
        ("hr", "Aplikacija Acme Hub više neće raditi nakon 31. ožujka 2025."),
        ("hr", "Usluga Acme Hub gasi se 31. ožujka 2025."),
        ("hr", "Acme Hub dobiva ažuriranja do ožujka 2025. godine."),
        ("it", "Il servizio Acme Hub verrà interrotto il 31 marzo 2025."),
        ("sr", "Acme je potvrdio da će 31. marta 2025. godine prestati sa objavljivanjem ažuriranja za Acme Hub."),
        ("sr", "Acme od 31. marta 2025. godine ukida podršku za Acme Hub."),
        ("sr", "Podrška za Acme Hub završava se 31. marta 2025."),
        ("bg", "Поддръжката на Acme Hub ще бъде прекратена на 31 март 2025 г."),
        ("bg", "Acme Hub ще получава актуализации за сигурност до 31 март 2025 г."),
        ("ms", "Acme tidak lagi akan menyokong Acme Hub selepas 31 Mac 2025."),
        ("id", "Acme akan menutup server Acme Hub pada 31 Maret 2025."),
        ("vi", "Acme Hub sẽ không còn được Acme hỗ trợ từ sau tháng 3/2025."),
        ("vi", "Acme sẽ chấm dứt hỗ trợ cho Acme Hub vào ngày 31 tháng 3 năm 2025."),
    ],
)
def test_plain_end(lang: str, sentence: str) -> None:
    assert ends(f"{_LEAD[lang]} {sentence}", "Acme Hub") == MARCH_31


def test_listopad_is_october_in_croatian_and_november_in_polish() -> None:
    croatian = "Korisnici će ipak dobiti sigurnosna ažuriranja za Acme Hub, ali samo do listopada 2026. godine."
    assert ends(f"{_LEAD['hr']} {croatian}", "Acme Hub") == [D(2026, 10, 31)]
    polish = "Wsparcie dla Acme Hub zakończy się 30 listopada 2026 roku."
    assert ends(f"{_LEAD['pl']} {polish}", "Acme Hub") == [D(2026, 11, 30)]


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [
        ("ro", "Acme Hub a fost lansat pe 31 martie 2025."),
        ("el", "Το Acme Hub κυκλοφόρησε στις 31 Μαρτίου 2025."),
        ("uk", "Acme Hub вийшов 31 березня 2025 року."),
        ("hr", "Acme Hub je predstavljen 31. ožujka 2025."),
        ("hr", "Acme Hub je dostupan od 31. ožujka 2025."),
        ("uk", "Сьогодні, 31 березня 2025 року, компанія представила новий Acme Hub."),
        ("it", "La produzione del Acme Hub verrà interrotta il 31 marzo 2025."),
        ("sr", "Acme Hub je predstavljen 31. marta 2025."),
        ("bg", "Acme Hub беше представен на 31 март 2025 г."),
        ("id", "Toko Acme Hub akan menutup pada pukul 17.00 setiap hari sejak 31 Maret 2025 untuk renovasi."),
        ("de", "Der Acme Hub erhält ab April 2025 keine monatlichen Sicherheitsupdates mehr."),
        ("vi", "Acme Hub sẽ không còn nhận được cập nhật bảo mật hàng tháng kể từ sau tháng 3/2025."),
    ],
)
def test_a_date_with_no_end_is_none(lang: str, sentence: str) -> None:
    assert ends(f"{_LEAD[lang]} {sentence}", "Acme Hub") == []


def test_a_sentence_opening_on_a_capital_beyond_a_to_z_is_its_own() -> None:
    # (one line: the sentence before has an end word of its own and no date)
    french = "Le service Acme Hub sera arrêté. À partir du 31 mars 2025, Acme Hub ne recevra plus de mises à jour."
    assert ends(french, "Acme Hub") == MARCH_31
    ukrainian = f"{_LEAD['uk']} Сьогодні, 31 березня 2025 року, Acme Hub офіційно припиняє свою роботу."
    assert ends(ukrainian, "Acme Hub") == MARCH_31


def test_a_short_italian_sentence_with_in_is_read_on_an_italian_page() -> None:
    # ("in" is English's word too, but Italian's as well: the page's language holds)
    page = f"{_LEAD['it']} Il 31 marzo 2025 Acme disattiverà in via definitiva tutti i server dell'Acme Hub."
    assert ends(page, "Acme Hub") == MARCH_31


def test_a_bulgarian_list_under_a_heading_on_support() -> None:
    page = (
        "Поддръжката на тези устройства ще бъде прекратена на следните дати:\n\n"
        "Acme Cam: 6 февруари 2025 г.\n\n"
        "Acme Hub: 31 март 2025 г.\n"
    )
    assert ends(page, "Acme Hub") == MARCH_31


def test_the_end_of_the_year_in_vietnamese_outweighs_the_end_of_monthly_updates() -> None:
    page = (
        f"{_LEAD['vi']} Acme Hub sẽ không còn nhận được cập nhật bảo mật hàng tháng kể từ sau tháng 6/2025. "
        "Việc hỗ trợ cập nhật cho Acme Hub sẽ kết thúc hoàn toàn vào cuối năm 2025."
    )
    assert ends(page, "Acme Hub") == [D(2025, 12, 31)]


def test_monthly_updates_up_to_a_month_end_there() -> None:
    # (up to a date, not from it: the updates' last month)
    monthly = "Der Acme Hub erhält bis März 2025 monatliche Sicherheitsupdates."
    assert ends(f"{_LEAD['de']} {monthly}", "Acme Hub") == MARCH_31


def test_a_name_then_a_colon_and_a_day_names_the_product() -> None:
    # (the day is no model's number: "Acme Hub 2" is another model, "Acme Hub: 31 March" the product)
    english = "Security updates:\n\nAcme Cam: 6 February 2025\n\nAcme Hub: 31 March 2025\n"
    assert ends(english, "Acme Hub") == MARCH_31
    assert ends(english.replace("Acme Hub:", "Acme Hub 2:"), "Acme Hub") == []


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [
        ("ro", "Începând cu data de 31 martie 2025, Acme Hub nu va mai funcționa."),
        ("uk", "Компанія Acme планує остаточно закрити сервіс Acme Hub у березні 2025 року."),
        ("ru", "Компания Acme закроет сервис Acme Hub в марте 2025 года."),
        ("es", "El 31 de marzo de 2025 marcó el corte definitivo: Acme eliminó soporte para el Acme Hub."),
        ("el", "Το Acme Hub θα σταματήσει να λειτουργεί την 31η Μαρτίου 2025."),
        ("vi", "Acme đánh dấu ngày 31 tháng 3 năm 2025 là ngày ứng dụng Acme Hub sẽ biến mất."),
    ],
)
def test_days_and_months_read_since(lang: str, sentence: str) -> None:
    assert ends(f"{_LEAD_MORE[lang]} {sentence}", "Acme Hub") == MARCH_31


def test_a_romanian_year_in_which_the_app_stops() -> None:
    sentence = "Aplicația Acme Hub ar urma să nu mai funcționeze pe anumite modele de telefoane, în anul 2026."
    assert ends(f"{_LEAD['ro']} {sentence}", "Acme Hub") == [D(2026, 12, 31)]


_LEAD_MORE = {
    **_LEAD,
    "ru": "Это важная информация для всех наших клиентов, которые используют этот продукт дома.",
    "es": "Esta es una información importante para todos nuestros clientes que usan este producto en casa.",
}


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [
        ("cs", "Nové aktualizace by tak Acme Hub, a zřejmě i další modely, měl dostávat minimálně do 31. března 2025."),
        ("tr", "31 Mart 2025'te Acme Hub uygulamasının kapanacak olmasıyla birlikte yeni bir uygulama gerekecek."),
        ("tr", "Kullanıcılar 31 Mart 2025 tarihinden itibaren Acme Hub uygulamasını indiremeyecek, mağaza kapanacak."),
        ("es", "Los dispositivos obsoletos no podrán seguir utilizando Acme Hub a partir del 31 de marzo del 2025."),
        ("tr", "31 Mart 2025 itibarıyla Acme Hub desteği sona erecek."),
        ("es", "Acme cierra su aplicación Acme Hub en cientos de miles de televisores este 31 de marzo de 2025."),
        ("pt", "A Acme encerra o aplicativo Acme Hub neste 31 de março de 2025."),
        ("de", "Der Support gibt an, dass der Acme Hub bis 31. März 2025 weiter verfügbar sein wird."),
        ("cs", "Podpora Acme Hub skončí na podzim 2024, nicméně v listopadu termín posunul na 31. března 2025."),
        ("sv", "Acme Hub blockeras från och med den 31 mars 2025."),
        ("pt", "O Acme Hub, ligado aos veículos produzidos até 2016, será encerrado a partir de 31 de março de 2025."),
        ("es", "Desde el 31 de marzo de 2025, Acme Hub dejará de funcionar en televisores fabricados antes de 2014."),
    ],
)
def test_verbs_and_bounds_of_languages_read_before(lang: str, sentence: str) -> None:
    assert ends(f"{_LEAD_BEFORE[lang]} {sentence}", "Acme Hub") == MARCH_31


_LEAD_BEFORE = {
    "cs": "Toto je důležitá informace pro všechny naše zákazníky, kteří tento produkt používají doma a v kanceláři.",
    "tr": "Bu, ürünü evde kullanan tüm müşterilerimiz için önemli bir bilgidir ve dikkatle okunmalıdır.",
    "es": "Esta es una información importante para todos nuestros clientes que usan este producto en casa.",
    "pt": "Esta é uma informação importante para todos os nossos clientes que usam este produto em casa.",
    "de": "Dies ist eine wichtige Information für alle unsere Kunden, die dieses Produkt zu Hause verwenden.",
    "sv": "Det här är viktig information för alla våra kunder som använder den här produkten i hemmet.",
    "fr": "Ceci est une information importante pour tous nos clients qui utilisent ce produit à la maison.",
    "it": "Questa è un'informazione importante per tutti i nostri clienti che usano questo prodotto a casa.",
}


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [
        ("fr", "La nouvelle date limite est fixée au 31 mars 2025. Après cette date, les utilisateurs ne pourront plus "
               "accéder à leurs services Acme Hub."),
        ("it", "La scadenza per l'Acme Hub è il 31 marzo 2025. Dopo quella data, l'Acme Hub non riceverà più "
               "aggiornamenti."),
        ("de", "Acme nennt den 31. März 2025 als Stichtag. Nach diesem Tag kann der Acme Hub nicht mehr "
               "genutzt werden."),
    ],
)  # fmt: skip
def test_an_end_after_that_date_is_at_the_date_before(lang: str, sentence: str) -> None:
    assert ends(f"{_LEAD_BEFORE[lang]} {sentence}", "Acme Hub") == MARCH_31
