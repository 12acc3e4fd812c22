"""Formats met on held-out sets 370 onwards and on the misses of the sets before them.

Ends: a service named by a plural proper noun and shut down in the passive ("Trusted Contacts will be shut
down on December 1, 2020"), as a singular name already was; use "no longer possible" from a date ("Since
January 17, 2025, it's no longer possible to play stations saved as favorites"), as "no longer able" already
was, not buying; in other languages, a month named as "the month of" after its bound ("jusqu'au mois de
septembre 2028", "fino al mese di maggio 2027"), Polish "co najmniej" (at least) between a bound and its date,
a product "sécurisé" up to a time, German support right before its time ("die den Support bis 2030
verlängert", not "Support bis fünf Jahre nach …"), and end words that run into the next date's bound ("… patch
di sicurezza ogni due mesi fino a maggio 2021") as that date's, not the earlier one's; German "keine … mehr"
with up to four words between ("keine Softwareupdates oder neue Funktionen mehr"); Chinese ends from a date on
("自2023年3月31日起…将停服"), after it ("在2025年5月后停止", the month's last day; "0 点后用户将无法再使用")
and at it ("止步于2025年5月"), not an end to creating new resources; Japanese "as of" with its clause set off
by a comma ("2019年5月31日をもって、…サイトを閉鎖し"); a Japanese end's label with "が"
("サービス終了が2026年2月"), a launch before it in its sentence being the earlier date's
("発売が2020年11月で"), and the day an end was announced ("2023年6月30日に予告") as no end.

A server's maintenance window that ends at a day ("Due to Miele server maintenance (until 2021-01-03)") is a
lapse, not an end; a product's maintenance updates up to a day still are.

Policies: a platform named only for its public rating scale ("this engagement will use the Bugcrowd
Vulnerability Rating Taxonomy") does not make the page its programme there."""

from __future__ import annotations

import datetime as dt

from tests.evidence.web.snippets import ends, policy

D = dt.date


def test_a_plural_name_shut_down_in_the_passive() -> None:
    said = "Trusted Contacts will be shut down on December 1, 2020."
    assert ends(said, "Trusted Contacts") == [D(2020, 12, 1)]
    assert ends("Revolv will be shut down on May 15, 2016.", "Revolv") == [D(2016, 5, 15)]
    # (a place shut is still no service: "the factory will be shut down")
    assert ends("The factory will be shut down on December 1, 2020.", "Acme Cam") == []


def test_a_french_end_in_the_month_of() -> None:
    said = "Concrètement, l'iPhone 15 Pro Max d'Apple ne sera sécurisé que jusqu'au mois de septembre 2028."
    assert ends(said, "iPhone 15 Pro Max") == [D(2028, 9, 30)]
    italian = "L'Acme Tab riceverà le patch di sicurezza fino al mese di maggio 2027."
    assert ends(italian, "Acme Tab") == [D(2027, 5, 31)]
    # ("durante este mes de abril de 2025" keeps its own bound)
    spanish = (
        "Siete dispositivos van a alcanzar el fin de vida durante este mes de abril de 2025, y ya no van a recibir"
        " soporte."
    )
    assert ends(spanish) == [D(2025, 4, 30)]


def test_at_least_in_polish_between_the_bound_and_its_date() -> None:
    said = "Szczególnie że w sekcji ze specyfikacją piszą o aktualizacjach do co najmniej października 2030 roku."
    assert ends(said) == [D(2030, 10, 31)]


def test_end_words_running_into_the_next_dates_bound_are_that_dates() -> None:
    said = (
        "Ciò significa che il OnePlus 6 riceverà nuove versioni di Android fino a maggio 2020 (quindi Android P e"
        " Android Q) e patch di sicurezza ogni due mesi fino a maggio 2021."
    )
    assert ends(said, "OnePlus 6") == [D(2021, 5, 31)]


def test_german_support_right_before_its_time() -> None:
    said = (
        "Das Galaxy A16 5G ist das günstigste Gerät mit einer solchen Vereinbarung, die den Support bis 2030"
        " verlängert."
    )
    assert ends(said, "Galaxy A16 5G") == [D(2030, 12, 31)]
    guess = (
        "Solange du Patches bekommst (was du immer noch bekommst, wenn ich das richtig weiß gilt der Support bis fünf"
        " Jahre nach letzten verkauften Gerät, das wäre für das Shift 6m Ende 2027), ist aus sicherheitstechnischer"
        " Sicht eigentlich nichts zu sagen."
    )
    assert ends(guess, "SHIFT6m") == []


def test_german_no_more_with_several_things_between() -> None:
    said = (
        "Ab Mai 2020 werden einige unserer ältesten Produkte keine Softwareupdates oder neue Funktionen mehr erhalten."
    )
    assert ends(said) == [D(2020, 5, 1)]


def test_chinese_ends_from_and_after_a_date() -> None:
    assert ends("自2023年3月31日起,叮咚智能音箱将停服。") == [D(2023, 3, 31)]
    after_a_time = "自 2023 年 3 月 31 日 0 点后用户将无法再使用叮咚音箱APP激活绑定音箱,所有智能语音功能将停服。"
    assert ends(after_a_time) == [D(2023, 3, 31)]
    # ("after May 2025": the month's last day; "stops at May 2025" the same)
    assert ends("然而,其安全补丁的推送将在2025年5月后停止。") == [D(2025, 5, 31)]
    assert ends("这款设备被三星从安全更新名单中移除。其安全补丁的推送也将止步于2025年5月。") == [D(2025, 5, 31)]
    # (no longer able to create new resources: sign-ups stop, the service goes on)
    assert ends("从2024年4月1日起,您将无法创建新的应用程序资源。") == []


def test_japanese_as_of_with_the_clause_set_off_by_a_comma() -> None:
    said = "2019年5月31日をもって、MicrosoftはHealth Dashboardサイトを閉鎖し、アプリを削除する予定だ。"
    assert ends(said) == [D(2019, 5, 31)]


def test_japanese_day_an_end_was_announced_and_an_end_after_a_launch() -> None:
    assert ends("サービスの終了は2023年6月30日に予告されていたが、詳しい内容が改めてリリースされた。") == []
    said = "wena 3 の発売が2020年11月でサービス終了が2026年2月であるため、実質5年間はサポートしている。"
    assert ends(said) == [D(2026, 2, 28)]
    # (a sale's end before its own date is still no end of support)
    assert ends("販売終了が2026年2月であるため、在庫はありません。") == []


def test_a_platforms_rating_taxonomy_is_no_programme_on_it() -> None:
    page = (
        "Acme DACH Vulnerability Disclosure Program\n\nRatings/Rewards\n"
        "For the initial prioritization/rating of findings, this engagement will use the Bugcrowd Vulnerability"
        " Rating Taxonomy.\n\nOut of Scope\n- Acme subsidiaries\n"
    )
    assert policy(page).contacts == []
    hosted = page + "\nThis program follows Bugcrowd's standard disclosure terms.\n"
    assert len(policy(hosted).contacts) == 1


def test_use_no_longer_possible_from_a_date() -> None:
    said = "Since January 17, 2025, it's no longer possible to play stations saved as favorites."
    assert ends(said) == [D(2025, 1, 17)]
    assert ends("From January 17, 2025, it will no longer be possible to use the Acme app.") == [D(2025, 1, 17)]
    assert ends("From January 17, 2025, it will no longer be possible to buy the Acme app.") == []


def test_a_maintenance_window_is_no_end() -> None:
    said = "Due to Acme server maintenance (until 2021-01-03) there are currently issues logging in to the Acme API."
    assert ends(said) == []
    assert ends("The Acme R1 receives maintenance and security updates until 2027-01-03.") == [D(2027, 1, 3)]
