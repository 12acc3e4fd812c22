"""Formats met on held-out sets 269 onwards: "sunsets" as the verb it is before a time ("The Fitbit
Web API sunsets in September 2026"), not the plural noun the parser takes it for; a bare "is covered
until …" carrying on the support the sentence before is about; a cutoff that occurs, or a
discontinuation set to take effect, on a day after a stop said before; a Japanese product no longer
able to do what it does from a day ("以降、…ができなくなる"), not new installs stopped; an Italian service's
closing "al 6 maggio 2026"; an address set against Chinese or Japanese characters; Swedish and
Norwegian policies ("kontakter deg innen fem virkedager"); Chinese replies "不超过15个工作日" and
confirmations "收到…后24小时内确认"; reports sent to a platform named without its address ("to
Bugbank"), and a programme a page says is not published; Korean ends ("2023년 10월 22일까지", "부로"), a
list of names with their dates after the end they share, and a Japanese date listed with "に、"; German
ends "abgelaufen" and "bis zum Jahresende"; Italian "prevista a luglio 2026" and "arriverà nel 2026";
Polish and Czech ends, a short line read in its page's language, and a stop said as done abroad with
no date answering for the product; a day hung on what stopped servers do ("servers that manage UE
Smart Radios on 2024-03-19"); "the effective date of termination" and "a kill date"; Korean sentences
and years listed before the end they share; an end day "set at" a date; Czech and Polish policies, an
address written "csirt @ active24.cz", Danish acknowledgements; Chinese ranges ("2到10个工作日内") and a
doubled measure word; Danish ends ("mistede … support i 2025", "i løbet af 2026") and a day that opens its
sentence ("31. März 2025 endet der Support …"), not taken for a list's number; French "prise en charge …
jusqu'en 2026", Portuguese "a partir de 2025", and a launch's date abroad ("lançado em outubro de 2016"); a
Markdown link parsed as the words it shows; "the end of Wemo cloud on January 31st 2026"; a Russian
schedule's months, and a month in a script not read giving no date rather than its year's end; Finnish
ends, their bounds after the date ("31. joulukuuta 2019 lähtien", "13.10.2026 saakka", "toukokuussa")."""

from __future__ import annotations

import datetime as dt

from tests.evidence.web.snippets import ends, policy

D = dt.date


def test_sunsets_before_a_time_is_the_verb() -> None:
    assert ends("The Fitbit Web API sunsets in September 2026.", "Fitbit Web API") == [D(2026, 9, 30)]
    assert ends("Fitbit Web API sunsets Sept 2026.", "Fitbit Web API") == [D(2026, 9, 30)]
    assert ends("The Hub app sunsets 2027, its maker says.", "Hub") == [D(2027, 12, 31)]
    assert ends("Cloud support for the Hub sunsets on 1 May 2026.", "Hub") == [D(2026, 5, 1)]
    # the noun stays a noun: a photo of the sunsets in May 2026 ends nothing
    assert ends("The Hub camera took the sunsets in May 2026 beautifully.", "Hub") == []


def test_a_bare_covered_carries_on_the_support_said_before() -> None:
    page = (
        "The Google Pixel 6 is guaranteed updates only until October 2026. "
        "The Pixel 7 series, on the other hand, is covered until October 2027."
    )
    assert ends(page, "Pixel 7") == [D(2027, 10, 31)]
    # a warranty's or a plan's cover names itself, and is no support
    assert ends(page.replace("is covered until", "is covered by the warranty until"), "Pixel 7") == []
    assert ends(page.replace("is covered until", "is covered under its care plan until"), "Pixel 7") == []
    # nor does a bare "covered" after a sentence that is about no support
    assert ends("The Pixel 7 sold well. The Pixel 7 series is covered until October 2027.", "Pixel 7") == []


def test_a_cutoff_that_occurs_or_a_discontinuation_that_takes_effect_is_the_stop() -> None:
    before = "Google has quietly discontinued support for the Nest Thermostats. "
    cutoff = "The company told owners earlier this year, with the official cutoff occurring on October 25, 2024."
    assert ends(before + cutoff, "Nest Thermostats") == [D(2024, 10, 25)]
    assert ends(before + "The official cutoff occurs on October 25, 2024.", "Nest Thermostats") == [D(2024, 10, 25)]
    # with no stop said before, a cutoff is anything's (a sale's, a migration's)
    assert ends("The Nest Thermostats sold well. The official cutoff occurs on October 25, 2024.", "Nest") == []
    effect = "The discontinuation of the SoundTouch cloud takes effect on February 18th, 2026."
    assert ends(effect, "SoundTouch") == [D(2026, 2, 18)]
    # the stop said earlier in the date's own sentence
    own = (
        "Bose will bring an end to all cloud-based functionalities of its SoundTouch product line, "
        "with the discontinuation set to take effect on February 18th, 2026."
    )
    assert ends(own, "SoundTouch") == [D(2026, 2, 18)]
    # what takes effect must be a stop
    assert ends("The new pricing for the SoundTouch app takes effect on February 18th, 2026.", "SoundTouch") == []


def test_a_japanese_product_no_longer_able_from_a_day_ends_then() -> None:
    page = (
        "初代モデルのサービス終了は、唐突にやってきた。「2020年3月31日以降、キャラの投影や音声会話などができなくなる」"
    )
    assert ends(page, "初代モデル") == [D(2020, 3, 31)]
    # new sign-ups or installs that stop leave the product as it is
    assert ends("2025年7月31日以降はアプリの新規インストールができなくなります。", "アプリ") == []


def test_an_italian_service_closing_at_a_day() -> None:
    moved = "- Proroga della data di chiusura del supporto cloud al 6 maggio 2026;"
    assert ends(moved, "SoundTouch") == [D(2026, 5, 6)]
    # "al" with no end said is no end
    assert ends("Il servizio cloud al 6 maggio 2026 conta mille utenti SoundTouch.", "SoundTouch") == []


def test_an_address_set_against_chinese_or_japanese_characters_is_an_address() -> None:
    assert policy("(或直接发送安全问题至iotsecurity@midea.com)。", "text/plain").contacts == [
        "mailto:iotsecurity@midea.com"
    ]
    assert policy("セキュリティ上の問題はpsirt@acme.co.jpまでご連絡ください。", "text/plain").contacts == [
        "mailto:psirt@acme.co.jp"
    ]
    # a template's address is nobody's, set against Chinese or not
    assert policy("请将漏洞报告发送至your-email@example.com。", "text/plain").contacts == []


def test_swedish_and_norwegian_policies() -> None:
    norwegian = (
        "Du kan rapportere svakheter til oss via e-post: appsec@canon-europe.com.\n\n"
        "Canons eksperter på informasjonssikkerhet undersøker rapporten din og kontakter deg innen fem virkedager."
    )
    read = policy(norwegian, "text/plain")
    assert read.contacts == ["mailto:appsec@canon-europe.com"]
    assert read.ack_when is not None and read.ack_when.timescale == "innen fem virkedager"
    swedish = (
        "Vi bekräftar mottagandet av din rapport inom 2 arbetsdagar. "
        "Vi kommer att hålla dig informerad om läget inom 10 arbetsdagar."
    )
    read = policy(swedish, "text/plain")
    assert read.ack_when is not None and read.ack_when.timescale == "inom 2 arbetsdagar"
    assert read.status_when is not None and read.status_when.timescale == "inom 10 arbetsdagar"
    # a Swedish time with no promise of its own is none
    assert policy("Vi åtgärdar sårbarheten inom 90 dagar och publicerar en rapport.", "text/plain").ack_when is None


def test_chinese_replies_at_most_a_time_and_confirmations_after_receipt() -> None:
    most = "可以通过以下方式联系我们,我们会在收到投诉或举报后不超过15个工作日给您答复。"
    assert (read := policy(most, "text/plain").ack_when) is not None and read.timescale == "不超过15个工作日"
    after = "iMQ旨在收到所有报告的漏洞后24小时内确认。"
    assert (read := policy(after, "text/plain").ack_when) is not None and read.timescale == "24小时内"
    # confirming the vulnerability is validation, not an acknowledgement
    assert policy("企业审核专员将在收到报告后3个工作日内尽快确认漏洞。", "text/plain").ack_when is None


def test_a_named_platform_reports_go_to_and_a_programme_said_not_to_exist() -> None:
    nio = "If you have identified a vulnerability in NIO's connected vehicles, you may send the report to Bugbank."
    assert policy(nio, "text/plain").contacts != []
    none = (
        "No coordinated vulnerability disclosure policy, security contact or bug bounty programme is published "
        "on any reachable Acme host. Platforms checked: HackerOne, Bugcrowd."
    )
    assert policy(none, "text/plain").contacts == []
    # the same words without the "No" are the programme's page
    assert policy(none.replace("No coordinated", "Our coordinated"), "text/plain").contacts != []


def test_korean_ends_until_from_and_listed() -> None:
    surface = (
        "서피스랩톱3, 서피스프로7 등의 기술지원은 2023년 10월 22일까지다. 서피스프로X는 2023년 11월5일, "
        "서피스프로X SQ2는 2024년 10월13일, 서피스고2는 2024년 5월 6일, 서피스랩탑고는 2024년 10월13일이다."
    )
    assert ends(surface, "서피스프로7") == [D(2023, 10, 22)]
    assert ends(surface, "서피스프로X") == [D(2023, 11, 5)]
    assert ends(surface, "서피스고2") == [D(2024, 5, 6)]
    watches = (
        "최소 갤럭시워치는 2021년 8월까지, 워치 액티브는 2022년 3월까지, 워치 액티브2는 2022년 9월까지, "
        "워치3는 2023년 8월까지 소프트웨어 지원이 제공이 보장됩니다."
    )
    assert ends(watches, "워치 액티브") == [D(2022, 3, 31)]
    assert ends(watches, "워치3") == [D(2023, 8, 31)]
    # an end that begins with a month ("부로", as of), and updates up to a year
    assert ends("SK텔레콤은 2028년 12월부로 스마트홈 시장에서 공식 철수하기로 했습니다.", "SK텔레콤") == [
        D(2028, 12, 1)
    ]
    assert ends("LG 벨벳과 LG 윙의 경우 2023년까지 운영체제 업그레이드가 가능하다.", "LG 윙") == [D(2023, 12, 31)]
    # a month with no year is this year's, which the text does not give; a sale's end is none
    assert ends("벌써 올해 7월, 8월부터 스마트홈 서비스가 종료되는 곳들이 등장하고 있습니다.", "스마트홈") == []
    assert ends("삼성은 2024년 3월부터 갤럭시 S20 판매를 중단한다고 밝혔다.", "갤럭시 S20") == []


def test_a_japanese_date_listed_with_ni_shares_the_end_after_it() -> None:
    routers = (
        "エレコムの「WRC-X3000GS」は2025年8月に、"
        "バッファローのハイエンドモデル「WXR-5950AX12」も2026年1月にサポート終了予定です。"
    )
    assert ends(routers, "WRC-X3000GS") == [D(2025, 8, 31)]
    assert ends(routers, "WXR-5950AX12") == [D(2026, 1, 31)]
    # a date set apart by a bare comma dates the announcement, not the end
    assert ends("アクメは23年5月8日、10月末にQ-SL1のサービスを終了すると発表した。", "Q-SL1") == [D(2023, 10, 31)]


def test_german_and_italian_ends_met_in_phone_news() -> None:
    expired = "Damit ist der Support für Sicherheitsupdates für das Lenovo Tab P11 bereits am 1.1.2023 abgelaufen."
    assert ends(expired, "Lenovo Tab P11") == [D(2023, 1, 1)]
    patches = "Bis zum Jahresende 2023 erscheinen bestenfalls noch Notfall-Patches für das Tab P11."
    assert ends(patches, "Tab P11") == [D(2023, 12, 31)]
    planned = "Nothing Phone (1) riceverà patch di sicurezza (con fine del supporto prevista a luglio 2026)."
    assert ends(planned, "Nothing Phone (1)") == [D(2026, 7, 31)]
    arrives = "Per il Nothing Phone (1) la fine completa del supporto arriverà nel 2026."
    assert ends(arrives, "Nothing Phone (1)") == [D(2026, 12, 31)]
    # a month something is planned for that ends nothing
    assert ends("Il lancio del Nothing Phone (4) è previsto a luglio 2026.", "Nothing Phone (4)") == []


def test_polish_and_czech_ends() -> None:
    ended = "Pół roku później, w październiku 2025 roku, Samsung zakończył wsparcie dla modelu Galaxy S20 FE."
    assert ends(ended, "Galaxy S20 FE") == [D(2025, 10, 31)]
    late = "Pod koniec czerwca 2024 roku Samsung oficjalnie zakończył wsparcie dla modelu Galaxy A51 5G."
    assert ends(late, "Galaxy A51 5G") == [D(2024, 6, 30)]
    last = "Poprawki bezpieczeństwa datowane na sierpień 2025 r. są ostatnimi dla Galaxy A22."
    assert ends(last, "Galaxy A22") == [D(2025, 8, 31)]
    # a short line of a Czech page is read in Czech
    czech = (
        "Xiaomi je bude udržovat takzvaně aktuální až do roku 2031 a také podporu pro řadu Poco.\n\n"
        "Poco F7 Pro – bezpečnostní updaty do roku 2031, čtyři aktualizace systému"
    )
    assert ends(czech, "Poco F7 Pro") == [D(2031, 12, 31)]
    # a launch month is no end
    assert ends("W październiku 2025 roku Samsung pokazał model Galaxy S26.", "Galaxy S26") == []


def test_a_stop_said_as_done_abroad_with_no_date_answers_for_the_product() -> None:
    page = (
        "W kwietniu 2025 roku smartfon Samsung Galaxy S20 został usunięty z listy modeli, które mają zapewnione "
        "wsparcie w postaci aktualizacji oprogramowania.\n\n"
        "Nietrudno policzyć, że pięć lat już minęło, dlatego smartfon Samsung Galaxy S21 zniknął z wykazu "
        "urządzeń, które mają zapewnione wsparcie."
    )
    assert ends(page, "Galaxy S20") == [D(2025, 4, 30)]
    assert ends(page, "Galaxy S21") == []


def test_a_day_hung_on_what_the_stopped_servers_do_is_the_stop() -> None:
    radios = "Logitech is sunsetting its mysqueezebox.com servers that manage UE Smart Radios on 2024-03-19."
    assert ends(radios, "UE Smart Radios") == [D(2024, 3, 19)]
    # a clause that happened once keeps its own day
    done = "Acme is retiring the hubs that shipped in 2019 and still work."
    assert ends(done, "hubs") == []


def test_a_date_of_termination_and_a_kill_date() -> None:
    ouya = "Razer will wind up Forge TV, and Ouya goes with it. The effective date of termination is June 25, 2019."
    assert ends(ouya, "Ouya") == [D(2019, 6, 25)]
    assert ends("The Invoke speaker gets a kill date of January 2021.", "Invoke") == [D(2021, 1, 31)]
    # a termination of something other than a service ends no support
    assert ends("The date of termination of the office lease is June 25, 2019.", "Invoke") == []


def test_korean_sentences_and_years_listed_before_the_end_they_share() -> None:
    page = (
        "LG 벨벳·윙 2023년, V50·G8 2022년까지 OS 업데이트\n\n"
        "작년 출시한 LG 벨벳과 윙의 경우 2023년까지 업데이트가 가능해졌다. 이미 한차례 업그레이드를 실시한 V50S, "
        "Q31 등은 2022년까지 업데이트할 수 있다."
    )
    assert ends(page, "LG 벨벳") == [D(2023, 12, 31)]
    assert ends(page, "Q31") == [D(2022, 12, 31)]


def test_an_end_day_set_at_a_date() -> None:
    kindle = "Amazon gave notice to Kindle owners. The all-important cut-off date has been set at August 17, 2022."
    assert ends(kindle, "Kindle") == [D(2022, 8, 17)]
    assert ends("The Kindle shutdown date is scheduled for March 3, 2026.", "Kindle") == [D(2026, 3, 3)]
    # a launch set for a day is no end
    assert ends("The Kindle release date has been set for August 17, 2022.", "Kindle") == []


def test_czech_and_polish_policies() -> None:
    czech = "Vaše zjištění zašlete prosím co nejrychleji na e-mailovou adresu rd@pon.com."
    assert policy(czech, "text/plain").contacts == ["mailto:rd@pon.com"]
    spaced = "- Objevenou zranitelnost nahlaste na email csirt @ active24.cz."
    assert policy(spaced, "text/plain").contacts == ["mailto:csirt@active24.cz"]
    assert policy("• Nahlaste svá zjištění prostřednictvím programu Intigriti.", "text/plain").contacts != []
    polish = (
        "Odpowiemy na Twoje zgłoszenie w ciągu 15 dni roboczych dostarczając naszą ocenę zgłoszenia oraz "
        "oczekiwany termin rozwiązania problemu;"
    )
    assert (read := policy(polish, "text/plain").ack_when) is not None and read.timescale == "w ciągu 15 dni roboczych"
    danish = "Vi bekræfter modtagelse inden for 48 timer og holder dig opdateret gennem hele processen."
    assert (read := policy(danish, "text/plain").ack_when) is not None and read.timescale == "inden for 48 timer"


def test_chinese_ranges_and_a_doubled_measure_word() -> None:
    honor = (
        "请发送到荣耀安全公共邮箱(security@hihonor.com),我们会在2到10个工作日内进行处理,并通过邮件将处理结果告知您。"
    )
    assert (read := policy(honor, "text/plain").ack_when) is not None and read.timescale == "2到10个工作日内"
    atop = "收到漏洞報告後,ATOP PSIRT 將在兩個個工作天內發出初步確認,並啟動初步評估以確定後續步驟。"
    assert (read := policy(atop, "text/plain").ack_when) is not None and read.timescale == "兩個個工作天內"


def test_danish_ends_and_a_day_opening_its_sentence() -> None:
    # a day that opens its sentence, its end said right after it (a day, not a list's number)
    opens = "31. März 2025 endet der Support für das Acme Hub."
    assert ends(opens, "Acme Hub") == [D(2025, 3, 31)]
    lost = (
        "Samsung-enheder berørt. Flere mellemklassemodeller fra 2021 er også berørt, men ikke alle.\n\n"
        "Galaxy Note 20 og Note 20 Ultra mistede også officiel support i 2025."
    )
    assert ends(lost, "Galaxy Note 20") == [D(2025, 12, 31)]
    during = (
        "Galaxy Z Fold 3 og Galaxy Z Flip 3 modtager stadig kvartalsvise sikkerhedsopdateringer, men forventes "
        "at miste fuld support i løbet af 2026."
    )
    assert ends(during, "Galaxy Z Fold 3") == [D(2026, 12, 31)]
    # a day that opens a sentence with no end after it is none
    assert ends("31. März 2025 stellte der Hersteller das neue Acme Hub vor.", "Acme Hub") == []


def test_french_and_portuguese_ends_and_a_launch_date_abroad() -> None:
    nest = "La prise en charge des sonnettes Nest (à piles) s’étend jusqu’en 2026."
    assert ends(nest, "sonnettes Nest (à piles)") == [D(2026, 12, 31)]
    xiaomi = (
        "A Xiaomi anunciou que um número significativo de modelos não receberá mais atualizações de segurança "
        "a partir de 2025."
    )
    assert ends(xiaomi, "Xiaomi") == [D(2025, 1, 1)]
    arlo = (
        "Lá Arlo Pro, portanto, lançado em outubro de 2016, será descontinuado em 1º de abril de 2023 "
        "(e não é brincadeira de primeiro de abril!)."
    )
    assert ends(arlo, "Arlo Pro") == [D(2023, 4, 1)]


def test_a_markdown_link_is_parsed_as_the_words_it_shows() -> None:
    radios = (
        "Logitech is [sunsetting ](https://forums.slimdevices.com/forum/x) its mysqueezebox.com servers "
        "that manage UE Smart Radios on **2024-03-19**"
    )
    assert ends(radios, "UE Smart Radios", media="text/markdown") == [D(2024, 3, 19)]


def test_the_end_of_a_named_service_on_a_day() -> None:
    wemo = "Does the end of Wemo cloud on January 31st 2026 impact this plugin?"
    assert ends(wemo, "Wemo cloud") == [D(2026, 1, 31)]
    linked = "Does the [end of Wemo cloud on January 31st 2026](https://www.belkin.com/x) impact this plugin?"
    assert ends(linked, "Wemo cloud", media="text/markdown") == [D(2026, 1, 31)]
    # the end of a month is a time, not a stop
    assert ends("The end of October on the farm is quiet for the Wemo cloud.", "Wemo cloud") == []


def test_a_russian_schedule_and_a_month_in_a_script_not_read() -> None:
    schedule = (
        "Xiaomi опубликовала список смартфонов, которые следующими получат статус EOL и перестанут получать "
        "обновления системы.\n\n"
        "График прекращения поддержки устройств выглядит так:\n"
        "- март 2026 года – Xiaomi 12 и Xiaomi 12 Pro, Redmi Note 12 5G;\n"
        "- октябрь 2026 года – Xiaomi 12T и Xiaomi 12T Pro."
    )
    assert ends(schedule, "Xiaomi 12T", media="text/markdown") == [D(2026, 10, 31)]
    assert ends(schedule, "Redmi Note 12 5G", media="text/markdown") == [D(2026, 3, 31)]
    # Ukrainian and Bulgarian months are read as Russian's are; a Serbian one in Cyrillic is not: no date, rather
    # than the year's end
    ukrainian = schedule.replace("октябрь 2026 года", "жовтень 2026 року")
    assert ends(ukrainian, "Xiaomi 12T", media="text/markdown") == [D(2026, 10, 31)]
    bulgarian = schedule.replace("октябрь 2026 года", "октомври 2026 г.")
    assert ends(bulgarian, "Xiaomi 12T", media="text/markdown") == [D(2026, 10, 31)]
    serbian = schedule.replace("октябрь 2026 года", "октобар 2026. године")
    assert ends(serbian, "Xiaomi 12T", media="text/markdown") == []


def test_finnish_ends_with_their_bounds_after_the_date() -> None:
    ends_on = (
        "Microsoftin Windows 10 -käyttöjärjestelmän tuki loppuu 14. lokakuuta 2025. Tämän jälkeen "
        "käyttöjärjestelmälle ei julkaista enää tietoturvapäivityksiä tai muitakaan päivityksiä."
    )
    assert ends(ends_on, "Windows 10") == [D(2025, 10, 14)]
    since = (
        "WhatsApp lopettaa vanhojen ohjelmistoversioiden tuen, mutta se ei ole uutta.\n\n"
        "WhatsApp lakkaa toimimasta kaikilla Windows Phone -puhelimilla 31. joulukuuta 2019 lähtien."
    )
    assert ends(since, "Windows Phone") == [D(2019, 12, 31)]
    until = (
        "Mikäli tietokone sekä käyttäjätili täyttävät ehdot, tietoturvapäivitykset jatkuvat Windows 10 -tietokoneelle "
        "tavalliseen tapaan aina 13.10.2026 saakka."
    )
    assert ends(until, "Windows 10") == [D(2026, 10, 13)]
    month_in = "Yhtiö lakkauttaa vanhimpien älykaiutintensa ja soundbariensa tuen toukokuussa 2026, eli aivan pian."
    assert ends(month_in, "älykaiutintensa") == [D(2026, 5, 31)]
    # a month something launched in ends nothing
    assert ends("Yhtiö julkaisi uuden kaiuttimen toukokuussa 2026, ja se on jo myynnissä.", "kaiuttimen") == []
