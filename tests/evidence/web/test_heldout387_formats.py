"""Formats met on held-out sets 387 onwards and on the misses of the sets before them.

Ends: Italian "smettere di" ("Amazon smetterà di supportare … Glow il 31 dicembre 2022"), but not an end of sale
("smetterà di vendere", "smetteremo di offrire il kit … sul nostro eshop"); an Italian withdrawal from an ordinal
day ("dal 1° agosto 2022 … dismissione app"); a Polish end of functioning that is to come on a day ("Koniec
funkcjonowania tej sieci ma nastąpić 15 grudnia 2023 roku"); the last builds published on a day ("the last builds
were published on Feb 11th, 2018"), as the last update released on it, and the last release still to happen in a month
("The last release … will happen in December 2024"); a heading that gives the product's end of
life in a month ("OpenWrt 22.03 EOL in April 2024"); a Japanese month written after its year with "の"
("2014年の3月に閉鎖されました"), a year's season ("2020年夏から") and a production that stops in a year,
which date no end; a German switch-off date ("das Plattform-Abschaltdatum 31.12.2019"), and contracts no longer
renewed ("ab April 2019 nicht mehr verlängert"), which end no service; a Korean or Japanese year from which a service
stops ("2025년부터는 서비스를 중단한다", "2020年から停止"), from its first day; the last day of a Chinese range in
which a service is wound down ("2026 年 3 月 31 日至 2026 年 5 月 15 日期间,逐步停止 … 在线服务"); Portuguese
"deixará de" (the accented future) and "a partir do dia"; a Spanish disappearance on a day "de este 2023"; "GA" (general
availability) is a lifecycle word, not another product's name ("All products deprecated from a GA lifecycle state will
still be fully supported … through April 30 2025"); a named thing that "will be deprecated" at a date is turned
down then (not one that "is deprecated", a state), and an emoji's shortcode leading its sentence is no word of it
(":warning: Warning: Conversational Actions will be deprecated on June 13, 2023"); a relative clause that shuts
down the named thing it hangs from ("paths for Conversational Actions, which are being deprecated on June 13,
2023").

Policies: a thread asking a project for a reporting channel names none: not the code host's help page it links
("GitHub [recommends](https://docs.github.com/…)"), not the private reporting it says is missing ("This repo doesn't
have a SECURITY.md or private vulnerability reporting enabled"), not the reporter's own address ("Can you please
contact me back - …")."""

from __future__ import annotations

import datetime as dt

from tests.evidence.web.snippets import ends, policy

D = dt.date


def test_italian_stops_doing() -> None:
    glow = "Amazon smetterà di supportare il suo dispositivo di videochiamata per bambini Glow il 31 dicembre 2022."
    assert ends(glow, "Glow") == [D(2022, 12, 31)]
    assert ends("I dispositivi Glow smetteranno di funzionare il 31 marzo 2024.", "Glow") == [D(2024, 3, 31)]
    # an end of sale, in Italian or Spanish, is not an end of support
    assert ends("Amazon smetterà di vendere Glow il 31 dicembre 2022.", "Glow") == []
    assert ends("Amazon dejará de vender Glow el 31 de diciembre de 2022.", "Glow") == []
    # (nor what stops on the maker's own shop)
    prusa = "Smetteremo di offrire il kit di montaggio MK3S+ sul nostro eshop il 29 febbraio 2024."
    assert ends(prusa, "MK3S+") == []
    assert ends("Smetteremo di offrire aggiornamenti per la MK3S+ il 29 febbraio 2024.", "MK3S+") == [D(2024, 2, 29)]


def test_italian_withdrawal_from_an_ordinal_day() -> None:
    tim = "TIMVISION: dal 1° agosto 2022 consumo Giga su rete mobile TIM e dismissione app da vari device"
    assert ends(tim, "TIMVISION") == [D(2022, 8, 1)]
    assert ends("TIMVISION: dal 1° agosto 2022 nuove offerte per vari device", "TIMVISION") == []


def test_polish_end_of_functioning_to_come_on_a_day() -> None:
    upc = (
        "Fioletowy operator wysyła do abonentów UPC wiadomości, w których informuje o wyłączeniu usługi Wi-Free. "
        "Koniec funkcjonowania tej sieci ma nastąpić 15 grudnia 2023 roku."
    )
    assert ends(upc, "Wi-Free") == [D(2023, 12, 15)]
    # something else to come on that day is no end
    assert ends("Premiera nowego routera Wi-Free ma nastąpić 15 grudnia 2023 roku.", "Wi-Free") == []


def test_the_last_builds_published_on_a_day() -> None:
    lineage = (
        "## Goodbye LineageOS 13.0\n"
        "The Marshmallow-based release has been discontinued and the last builds were published on Feb 11th, 2018."
    )
    assert ends(lineage, "LineageOS 13.0", "text/markdown") == [D(2018, 2, 11)]
    assert ends("The final build of LineageOS 13.0 was released on February 11, 2018.", "LineageOS 13.0") == [
        D(2018, 2, 11)
    ]
    # a build that is not the last one dates nothing
    assert ends("A new build of LineageOS 13.0 was released on February 11, 2018.", "LineageOS 13.0") == []
    # the last release still to happen, as one still to come
    assert ends("The last release of syncthing-android will happen in December 2024.", "syncthing-android") == [
        D(2024, 12, 31)
    ]
    assert ends("The last release of syncthing-android happened in December 2024.", "syncthing-android") == []


def test_a_heading_with_an_end_of_life_in_a_month() -> None:
    issue = "# OpenWrt 22.03 EOL in April 2024\n\nChilledheart · description · 2024-06-07\nhttps://openwrt.org/releases/"
    assert ends(issue, "OpenWrt 22.03", "text/markdown") == [D(2024, 4, 30)]
    # the heading of another release says nothing of this one
    assert ends("# OpenWrt 21.02 EOL in April 2024\n\nSee the notes.", "OpenWrt 22.03", "text/markdown") == []


def test_japanese_month_after_its_year_with_no() -> None:
    aibo = "aiboの修理を行う「修理クリニック」ではサポートが続けられてきましたが、2014年の3月に閉鎖されました。"
    assert ends(aibo, "aibo") == [D(2014, 3, 31)]


def test_japanese_production_and_seasons_date_no_end() -> None:
    pepper = "ソフトバンクグループがロボット「Pepper(ペッパー)」の生産を2020年夏から停止していることが明らかになった。"
    assert ends(pepper, "Pepper") == []
    assert ends("ソフトバンクはPepperの生産を、2020年に終了した。", "Pepper") == []
    assert ends("ソフトバンクはPepperのサービスを2020年に終了した。", "Pepper") == [D(2020, 12, 31)]


def test_german_switch_off_date_and_contracts_no_longer_renewed() -> None:
    telekom = (
        "Alle Verträge, die unter dem alten Entertain TV laufen, werden ab April 2019 nicht mehr verlängert. "
        "Die Telekom wollte das Plattform-Abschaltdatum 31.12.2019 für Entertain TV halten."
    )
    assert ends(telekom, "Entertain TV") == [D(2019, 12, 31)]
    assert ends("Die Abschaltung von Entertain TV erfolgt am 31.12.2019.", "Entertain TV") == [D(2019, 12, 31)]


def test_a_year_from_which_a_service_stops() -> None:
    navi = "올해 12월 31일까지만 업데이트를 지원하고 2025년부터는 내비게이션 서비스를 중단한다는 것이다."
    assert ends(navi, "내비게이션") == [D(2025, 1, 1)]
    assert ends("Pepperのサービスは2020年から停止している。", "Pepper") == [D(2020, 1, 1)]
    # in the year, to its last day
    assert ends("Pepperのサービスは2020年に終了した。", "Pepper") == [D(2020, 12, 31)]


def test_the_last_day_of_a_chinese_wind_down_range() -> None:
    switch = "腾讯宣布,将在 2026 年 3 月 31 日至 2026 年 5 月 15 日期间,逐步停止国行 Nintendo Switch 的在线服务。"
    assert ends(switch, "Nintendo Switch") == [D(2026, 5, 15)]
    # a range in which something else happens ends nothing
    assert ends("将在 2026 年 3 月 31 日至 2026 年 5 月 15 日期间举办 Nintendo Switch 活动。", "Nintendo Switch") == []


def test_a_request_for_a_channel_names_none() -> None:
    huntr = (
        "# Trying to get in touch regarding a security issue\n\n"
        "I'd like to report a security issue but cannot find contact instructions on your repository.\n\n"
        "Might you kindly add a `SECURITY.md` file with an email, or another contact method? GitHub [recommends]"
        "(https://docs.github.com/en/code-security/getting-started/adding-a-security-policy-to-your-repository) this "
        "best practice to ensure security issues are responsibly disclosed.\n"
    )
    assert policy(huntr, "text/markdown").contacts == []
    missing = (
        "I have a security vulnerability report for this package. This repo doesn't have a SECURITY.md or private "
        "vulnerability reporting enabled, so I don't have a private channel to reach you."
    )
    assert policy(missing).contacts == []
    reporter = (
        "I couldn't find anywhere an email address to report security issues to.\n"
        "Can you please contact me back - hagai.wechsler@whitesourcesoftware.com\n"
    )
    assert policy(reporter).contacts == []
    # the project's own address, and its own private reporting, are channels
    assert policy("To report a security issue, please contact me at security@acme.example.").contacts == [
        "mailto:security@acme.example"
    ]
    assert policy("Please report vulnerabilities through GitHub's private vulnerability reporting.").contacts


def test_portuguese_will_stop_from_the_day() -> None:
    band = (
        "Plataformas como o Dashboard Microsoft Health irão ser descontinuadas e deixarão de registar as atividades "
        "dos utilizadores a partir do dia 31 de Maio de 2019."
    )
    assert ends(band, "Microsoft Health") == [D(2019, 5, 31)]
    assert ends("O Dashboard Microsoft Health deixará de funcionar em 31 de maio de 2019.", "Microsoft Health") == [
        D(2019, 5, 31)
    ]


def test_spanish_disappearance_this_year() -> None:
    fitbit = (
        "En la web de ayuda de Fitbit ya se ha añadido la fecha de desaparición de estos dos servicios, el próximo "
        "31 de marzo de este 2023."
    )
    assert ends(fitbit, "Fitbit") == [D(2023, 3, 31)]


def test_general_availability_is_no_other_product() -> None:
    particle = (
        "All products deprecated from a GA lifecycle state as a result of the silicon shortage will still be fully "
        "supported according to our product lifecycle policy for 3 years, through April 30 2025."
    )
    assert ends(particle, "P1 Wi-Fi Module") == [D(2025, 4, 30)]
    # a named model is still another product
    assert ends("The Acme X9 will be supported through April 30 2025.", "P1 Wi-Fi Module") == []


def test_a_deprecation_to_come_under_a_shortcode() -> None:
    readme = (
        "# Actions SDK Node.js Fulfillment Library\n\n*:warning: Warning: Conversational Actions will be deprecated "
        "on June 13, 2023. For more information, see [Conversational Actions Sunset](https://goo.gle/ca-sunset).*\n"
    )
    assert ends(readme, "Conversational Actions", "text/markdown") == [D(2023, 6, 13)]
    # a state of being deprecated, since a date, is no turndown
    assert ends("As of September 2024, Conversational Actions is deprecated.", "Conversational Actions") == []


def test_a_relative_clause_that_shuts_down_a_named_thing() -> None:
    guide = (
        "This guide provides user messaging and migration paths for Conversational Actions, which are being "
        "deprecated on June 13, 2023."
    )
    assert ends(guide, "Conversational Actions") == [D(2023, 6, 13)]
    assert ends("We offer paths for Acme Hub, which will be shut down on June 13, 2023.", "Acme Hub") == [
        D(2023, 6, 13)
    ]
    # a relative clause about something else the name does is no end
    assert ends("We offer paths for Acme Hub, which will be updated on June 13, 2023.", "Acme Hub") == []
