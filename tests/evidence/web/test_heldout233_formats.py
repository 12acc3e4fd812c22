"""Formats met on held-out sets 227 onwards: a service's end day under its own label ("Turndown Date:
June 13, 2023"); a dated update in single-star emphasis ("*Update 2021-04-21:* As of today, … has
been retired"); a sentence in another language with its dates in its own words is not given to the
English parse; a web address's parts are no words of a language; support "suspended"; French "à
compter d'avril 2025", Portuguese "ser seguro até"; a second end joined to the first ("…, y parchos
de seguridad hasta …") shares its words, and patches outweigh other updates; an Italian end "da
quella data"; Dutch support ends ("tot en met 2030", "stopgezet in mei 2023", "eind 2025", "vanaf 1
juni 2025 … geen … meer"), and words English shares with a language ("as", "is", "in") are a sign of
neither; Spanish "cierre del servicio", "finalizó en 2018"; a foreign end of sale ("ya no era
posible comprar") is no end; rows under a heading in another language that names security updates;
brackets citing a date; support for a part removed from the product; Italian "dopo l'8 aprile 2024";
Swedish support ends; a foreign range ends at its second date; a Dutch receipt confirmed "binnen één
werkdag" and a reply "met de beoordeling" (a status update); a Portuguese reply "dentro de até 7
dias úteis"; Japanese receipts ("受付連絡", "受け付けた旨") and Chinese replies ("在五個工作天內回應"); a last
(security) update in a month abroad ("une ultime mise à jour de sécurité en octobre 2019"), "après
septembre 2018"; a service interrupted ("l’interruption totale du service"), a day-first date in
Italian ("dal 01/10/2024 sarebbe cessato") and Portuguese "terão suporte até"; the end of a
product's life in a year ("al final de su vida útil, aunque en 2030"); a day the product stops
working refines a coarser end ("next month … on February 5"); a channel closed; working until a
date, then a stop said after it; Markdown entities and a docs platform's markup around dates
(":::no-loc text="2028&#8209;10&#8209;10":::"); Spanish "dejar de dar soporte"; receiving a service
until a day; a bar in a Markdown link's title in prose is no table cell."""

from __future__ import annotations

import datetime as dt

from psti.evidence.web.foreign import language_of
from psti.evidence.web.pagetext import page_text
from tests.evidence.web.snippets import ends, policy

D = dt.date


def test_a_service_end_day_under_its_own_label() -> None:
    answered = "Announcement: June 13, 2022\nTurndown Date: June 13, 2023"
    assert ends(answered, "Conversational Actions") == [D(2023, 6, 13)]
    assert ends("Shutdown date: 30 April 2020", "Hue Bridge v1") == [D(2020, 4, 30)]
    # an announcement's day alone is no end
    assert ends("Announcement: June 13, 2022", "Conversational Actions") == []


def test_a_dated_update_in_single_star_emphasis() -> None:
    post = (
        '*Update 2021-04-21:* As of today, "OctoPrint Anywhere" has been retired in favor of its\n'
        'successor "The Spaghetti Detective". Updated accordingly\n'
    )
    assert ends(post, "OctoPrint Anywhere", media="text/markdown") == [D(2021, 4, 21)]
    # a footnote's star and a product of numbers are not emphasis
    assert "2027* and 5 * 3" in page_text(b"Updates until 2027* and 5 * 3 *", "text/markdown").text


def test_a_foreign_sentence_with_its_own_dates_is_not_parsed_as_english() -> None:
    french = (
        "Google a annoncé stopper son support logiciel pour l'accessoire, dont la dernière version de "
        "firmware remonte à novembre 2022."
    )
    assert ends(french, "Chromecast") == []


def test_an_address_does_not_make_a_sentence_foreign() -> None:
    assert (
        language_of("1.5.x+ releases no longer support Spark Core (https://github.com/acme/device-os/pull/2003)")
        is None
    )
    assert language_of("Le support de la caméra sera arrêté à partir de mars 2026 (https://example.com/os)") == "fr"


def test_support_suspended_after_a_day() -> None:
    said = "After June 30, 2018, all support will be suspended for the Pebble smartwatch."
    assert ends(said, "Pebble smartwatch") == [D(2018, 6, 30)]


def test_french_a_compter_de_a_month() -> None:
    said = "Ces derniers ne seront plus éligibles aux patchs de sécurité à compter d’avril 2025."
    assert ends(said, "Galaxy S20") == [D(2025, 4, 1)]


def test_portuguese_safe_until_a_month() -> None:
    said = "Com base nos patches de segurança do Galaxy A52, espera-se que este vá ser seguro até março de 2025."
    assert ends(said, "Galaxy A52") == [D(2025, 3, 31)]


def test_a_second_end_joined_to_the_first_shares_its_words_and_patches_outweigh_updates() -> None:
    said = (
        "El Pixel y Pixel XL tienen garantizados actualizaciones de Android hasta octubre de 2018, y parchos de "
        "seguridad hasta octubre de 2019 (o 18 meses desde que el último teléfono se venda, lo que ocurra más tarde)."
    )
    assert ends(said, "Pixel XL") == [D(2019, 10, 31)]
    # an end's words are not lent to a date after it that is not joined to it
    assert ends("Le support se terminera jusqu'en 2027. La caméra a été lancée en 2019.", "Acme Cam") == [
        D(2027, 12, 31)
    ]


def test_an_end_from_that_date_in_italian() -> None:
    said = (
        "I possessori dei termostati Acme di prima generazione (lanciati nel 2011) dovranno affrontare una "
        "riduzione delle funzionalità a partire dal 25 ottobre 2025. Da quella data, Acme interromperà "
        "completamente gli aggiornamenti software."
    )
    assert ends(said, "termostati Acme") == [D(2025, 10, 25)]
    assert ends("Da quella data, Acme interromperà gli aggiornamenti software.", "termostati Acme") == []


def test_dutch_support_ends() -> None:
    assert ends(
        "Dit betekent namelijk dat ze tot en met 2030 nog nieuwe versies van Android zullen ontvangen.", "Pixel 8"
    ) == [D(2030, 12, 31)]
    said = "De reden is omdat de Acme API is stopgezet in mei 2023 en vervangen door de AcmeCloud API."
    assert ends(said, "Acme API") == [D(2023, 5, 31)]
    said = "Het bedrijf kan niet anders dan de stekker er eind 2025 al uit te trekken voor de Acme robotstofzuigers."
    assert ends(said, "Acme robotstofzuigers") == [D(2025, 12, 31)]
    assert ends("Vanaf 1 juni 2025 krijgt de Acme Cam geen beveiligingsupdates meer.", "Acme Cam") == [D(2025, 6, 1)]
    # a season is no date
    assert ends("Zo krijgt de Galaxy A50 minimaal updates tot het voorjaar van 2023.", "Galaxy A50") == []


def test_words_english_shares_are_no_sign_of_a_language() -> None:
    assert language_of("As soon as PSIRT receives a report, we will send an initial response within two days.") is None
    assert language_of("De Acme API is stopgezet in mei 2023 en vervangen door de nieuwe API.") == "nl"


def test_dutch_last_update_and_secured_until() -> None:
    said = "De laatste beveiligingsupdate voor de Acme Cam rolde uit in oktober 2021."
    assert ends(said, "Acme Cam") == [D(2021, 10, 31)]
    said = (
        "Als je nu een Acme A36 koopt, is je smartphone nog beveiligd tot en met 2031. Als je nu een gloednieuwe "
        "Acme G17 koopt, is die daarentegen maar beveiligd tot en met 2028."
    )
    assert ends(said, "Acme G17") == [D(2028, 12, 31)]


def test_spanish_closure_end_of_support_and_a_year_finished() -> None:
    assert ends("Sin embargo, el cierre del servicio el 22 de octubre de 2025 deja preguntas.", "Acme Home") == [
        D(2025, 10, 22)
    ]
    said = "El soporte de software del Acme Watch finalizó en 2018 porque watchOS 5 ya no es compatible."
    assert ends(said, "Acme Watch") == [D(2018, 12, 31)]


def test_a_foreign_end_of_sale_is_no_end() -> None:
    page = (
        "Samsung anunció que el 30 de septiembre de 2025 marcaría el final del soporte de software para los "
        "Acme Watch basados en Tizen.\n\nDesde el 30 de septiembre de 2024 ya no era posible comprar nuevas esferas "
        "de reloj, y a partir del 31 de mayo de 2025 se bloqueó también la descarga de esferas gratuitas."
    )
    assert ends(page, "Acme Watch") == [D(2025, 9, 30)]
    # a participle that says which devices is no sale
    said = (
        "Xiaomi ha anunciado que siete dispositivos vendidos en España van a alcanzar el fin de vida durante este mes "
        "de abril de 2025."
    )
    assert ends(said) == [D(2025, 4, 30)]


def test_rows_under_a_foreign_support_heading() -> None:
    table = "UNTERSTÜTZUNG FÜR SMARTPHONE-SICHERHEITSUPDATES |\n|\nSamsung |\nGalaxy S20 bis 2025 |\nGoogle Pixel |\n"
    assert ends(table, "Galaxy S20") == [D(2025, 12, 31)]
    assert ends("Über uns |\n|\nSamsung |\nGalaxy S20 bis 2025 |\n", "Galaxy S20") == []


def test_brackets_citing_a_date_give_it() -> None:
    said = (
        "Fitbit is shutting down its legacy Web API (Fitbit's migration email cites Sept 30, 2026), and Google is "
        "replacing it with the Google Health API (v4)."
    )
    assert ends(said, "legacy Web API") == [D(2026, 9, 30)]


def test_support_for_a_part_removed_from_the_product_is_no_end() -> None:
    said = "OAuth 1.0a support will be removed from the Fitbit Web API on April 12, 2016."
    assert ends(said, "Fitbit Web API") == []
    said = "Acme has removed the Windows Phone 8.1 support on March 1, 2020."
    assert ends(said, "Windows Phone 8.1") == [D(2020, 3, 1)]


def test_italian_after_an_elided_article() -> None:
    said = "Nello specifico, Acme Cam e Acme Secure non funzioneranno più dopo l'8 aprile 2024."
    assert ends(said, "Acme Cam") == [D(2024, 4, 8)]


def test_swedish_support_ends() -> None:
    said = "Acme 3 börjar ta emot kvartalsvisa säkerhetsuppdateringar från september 2019 fram till september 2020."
    assert ends(said, "Acme 3") == [D(2020, 9, 30)]
    said = "Tyvärr kommer Acme 6 som säljs i USA inte längre att få säkerhetsuppdateringar efter oktober 2019."
    assert ends(said, "Acme 6") == [D(2019, 10, 31)]
    said = "HMD har också bekräftat att säkerhetsuppdateringsstödet för Acme 2 kommer att avslutas i november 2019."
    assert ends(said, "Acme 2") == [D(2019, 11, 30)]


def test_a_foreign_range_ends_at_its_second_date() -> None:
    said = "Das Acme Cam erhält Sicherheitsupdates von März 2021 bis Dezember 2025, danach ist Schluss."
    assert ends(said, "Acme Cam") == [D(2025, 12, 31)]


def test_a_dutch_receipt_in_one_working_day_and_a_reply_with_the_assessment() -> None:
    page = (
        "Wij sturen u binnen één werkdag een bevestiging van ontvangst. Binnen 15 werkdagen reageren wij op uw "
        "melding met de beoordeling van de melding."
    )
    found = policy(page)
    assert found.ack_when is not None and found.ack_when.timescale == "binnen één werkdag"
    assert found.status_when is not None and found.status_when.timescale == "Binnen 15 werkdagen"
    # a reply with no assessment is the first answer
    replied = policy("Binnen 15 werkdagen reageren wij op uw melding en nemen wij contact met u op.")
    assert replied.ack_when is not None and replied.status_when is None


def test_a_portuguese_reply_within_up_to_working_days() -> None:
    found = policy("A Acme compromete-se a enviar resposta inicial dentro de até 7 dias úteis após o recebimento.")
    assert found.ack_when is not None and found.ack_when.timescale == "dentro de até 7 dias úteis"


def test_japanese_receipt_words_and_a_chinese_reply() -> None:
    found = policy("当社は、ご報告頂いた場合、3営業日以内に当該ご報告に対する受付連絡を行います。")
    assert found.ack_when is not None and found.ack_when.timescale == "3営業日以内"
    found = policy("報告者には連絡を受けてから通常3営業日以内に受け付けた旨を連絡します。")
    assert found.ack_when is not None and found.ack_when.timescale == "3営業日以内"
    found = policy("Acme 將盡量在五個工作天內回應。")
    assert found.ack_when is not None and found.ack_when.timescale == "五個工作天內"
    # a fix within a time is no reply
    assert policy("我們將在30天內發布修復補丁並回覆您。").ack_when is None


def test_a_last_security_update_in_a_month_abroad() -> None:
    said = (
        "Pour les Acme Phone, le géant américain annonce une ultime mise à jour en octobre 2018 et une ultime mise "
        "à jour de sécurité en octobre 2019."
    )
    assert ends(said, "Acme Phone") == [D(2019, 10, 31)]
    said = "De plus, les Acme Phone n’auront plus de patchs garantis après septembre 2018."
    assert ends(said, "Acme Phone") == [D(2018, 9, 30)]


def test_a_service_interrupted_a_day_first_date_and_support_until_abroad() -> None:
    said = (
        "La liquidation judiciaire, prévue pour le 16 octobre 2025, acte l’interruption totale du service et la "
        "déconnexion définitive des dispositifs connectés Acme."
    )
    assert ends(said, "Acme") == [D(2025, 10, 16)]
    said = "Mi veniva comunicato che a far data dal 01/10/2024 sarebbe cessato il servizio del dispositivo Homix."
    assert ends(said, "Homix") == [D(2024, 10, 1)]
    said = "O Acme 12X e o Acme 12 Lite terão suporte até março de 2026, mas não receberão o Android 15."
    assert ends(said, "Acme 12 Lite") == [D(2026, 3, 31)]


def test_the_end_of_a_products_life_in_a_year_abroad() -> None:
    said = (
        "Pero incluso el nuevo Acme 8, que lidera el campo con siete años de soporte de software, llegará al final "
        "de su vida útil, aunque en 2030."
    )
    assert ends(said, "Acme 8") == [D(2030, 12, 31)]
    # a year of life that is no end's
    assert ends("El Acme 8 cambió la vida de muchos usuarios en 2023.", "Acme 8") == []


def test_a_day_the_product_stops_working_refines_a_coarser_end() -> None:
    page = (
        "January 22, 2020\n\nAcme’s decision to shutter its home-security service next month is a cautionary tale. "
        "Once the shutdown occurs on February 5, the Acme Home Security app on users’ phones will cease to work."
    )
    assert ends(page, "Acme Home Security app") == [D(2020, 2, 5)]


def test_a_channel_closed_and_working_until_a_stop_said_after() -> None:
    said = "Back in 2017 Acme announced that on January 30th, 2019 the Acme Shop Channel will be closed."
    assert ends(said, "Acme Shop Channel") == [D(2019, 1, 30)]
    said = "Stadia will continue to work until January 18, 2023, and after all the servers will be turned off."
    assert ends(said, "Stadia cloud service") == [D(2023, 1, 18)]
    # working until a date with no stop after it is no end
    assert ends("Stadia will continue to work until January 18, 2023, and beyond.", "Stadia cloud service") == []


def test_markdown_entities_and_docs_markup_around_dates() -> None:
    table = (
        "| Release Version  | Build |  Start Date  | End of Servicing |\n| --- | --- | --- | --- |\n"
        '| [Acme&nbsp;OS&nbsp;IoT,&nbsp;version&nbsp;25H2](x.md) | 26200 | :::no-loc text="2025&#8209;09&#8209;30":::'
        ' | :::no-loc text="2028&#8209;10&#8209;10"::: |\n'
    )
    assert ends(table, "Acme OS IoT, version 25H2", media="text/markdown") == [D(2028, 10, 10)]
    assert page_text(b"Fish &amp; chips &unknownentity; 5 & 6", "text/markdown").text == (
        "Fish & chips &unknownentity; 5 & 6"
    )


def test_spanish_support_dropped_from_a_day() -> None:
    said = "Los planes de Acme son dejar de dar soporte técnico a las tarjetas X2 a partir del 30 de junio de 2016."
    assert ends(said, "tarjetas X2") == [D(2016, 6, 30)]


def test_receiving_a_service_until_a_day() -> None:
    said = (
        "Android users who subscribed to Acme Sky were informed that they will continue to receive service until "
        "July 1, 2020, after which they will be forced to buy another phone."
    )
    assert ends(said, "Acme Sky (Android app)") == [D(2020, 7, 1)]
    assert ends("They will continue to receive newsletters until July 1, 2020.", "Acme Sky (Android app)") == []


def test_a_bar_in_a_links_title_is_no_table_cell() -> None:
    said = (
        "As of October 2023, the Acme Compact 2013 component no longer receives support patches ([Acme Compact 2013 - "
        "Acme Lifecycle | Acme Learn](/lifecycle/products/acme-compact-2013)).\n"
    )
    assert ends(said, "Acme Compact 2013 component", media="text/markdown") == [D(2023, 10, 1)]
    table = "| Product | End of support |\n| --- | --- |\n| [Acme Cam](/x) | 2027-03-31 |\n"
    assert ends(table, "Acme Cam", media="text/markdown") == [D(2027, 3, 31)]
