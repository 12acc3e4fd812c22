"""Formats met on held-out sets 338 onwards and on the misses of the sets before them.

Ends: Indonesian ends ("menghentikan dukungan … mulai tanggal 10 Desember 2019", "hanya mendapatkan dukungan
hingga 11 Juni 2019", "tidak lagi … mulai Maret 2023"), with a launch's month ("diluncurkan pada Maret 2019")
no end; a stop's noun with its date in brackets right after it ("the Tomtom sports app shutdown (End Sept
2023)"), not a launch's; Italian patches and updates up to a year ("riceverà patch di sicurezza fino al
2028"); a page's revision stamp in another language ("Dernière mise à jour le 4 avril 2016") as no end, while
a last security update's day still is one; a move users must make to a new app or account before or by a day
("you must move your existing Yale Access Account over to our new app before July 1st 2023") as the old one's
end, not a move to anything new ("a new folder") nor one they only may make; a verb joined by "or" to a
negated one sharing its "not" ("has not been maintained or supported since 2019"); Italian "nell'aprile 2023"
and "nel marzo 2019" as bounds, with a launch's month ("lanciato nel marzo 2019") no end; French "ne se
connectera plus" (two words inside the negation); a table row naming the product by its last two words
("series-6" for "Apple Watch Series 6"), whose missing date leaves the product with none rather than a sibling
row's; a product no longer "functional" after a day (as "operational" already was); a stop named as a
noun that a relative clause says "will occur" on a day ("the sunsetting of non-certified channels, which will
occur on February 23, 2022"), not another event's; a time guessed at after it ("Service shut down in 2016
it seems like", "in 2016 or so", "2016, I think") as no end; a stop that "will follow" on a day, as one
that "will occur" (not a release that will); Hungarian ends, their year first and their bound a suffix or
the word after ("szünteti meg 2025 október végével", "2026 januárjától nem ad több biztonsági frissítést",
"2025. március 31-én befejezi"), with a launch's month ("2021 márciusában jelent meg") no end;
Norwegian "ikke" with the subject inside ("tilbyr ikke Microsoft lengre sikkerhetsoppdateringer"), Danish
"stoppe" and the Danish sentence told by its function words ("og i 2025 forventes opdateringerne … helt at
stoppe"); Polish "po" (after) and "we" (in) as bounds ("odkryta po wrześniu 2025 roku nie zostanie już
załatana"), not a date a phone is "from" ("z marca 2021"); Czech "poslední" (last) as an end's word; a month
named by its patch after a bound ("a partir del parche de seguridad de agosto de 2025"); German plural
"enden" as "endet" ("enden diese ebenfalls spätestens zum 29. März 2024"); a Norwegian day with no
preposition after the end's verb and its object in the same clause ("Microsoft avslutter støtten for Windows
10 Mobile 10. desember 2019"), not one in another clause.

Policies: a status update at a period in Chinese and Japanese ("至少每 30 天提供一次進展更新",
"30日ごとに進捗をご報告します"); a response centre's name ("360安全应急响应中心") is no promise to reply, so a
review time beside it ("三个工作日内进行审核") is no acknowledgement."""

from __future__ import annotations

import datetime as dt

from tests.evidence.web.snippets import ends, policy

D = dt.date


def test_indonesian_ends() -> None:
    assert ends(
        "Microsoft akan menghentikan dukungan pembaruan perangkat lunak untuk Windows 10 Mobile mulai tanggal"
        " 10 Desember 2019."
    ) == [D(2019, 12, 10)]
    assert ends(
        "Sedangkan untuk smartphone Microsoft Lumia 640 dan 640 XL hanya mendapatkan dukungan hingga 11 Juni 2019.",
        "Lumia 640",
    ) == [D(2019, 6, 11)]
    assert ends("Samsung tidak lagi memberikan pembaruan keamanan untuk Galaxy S10 mulai Maret 2023.") == [
        D(2023, 3, 1)
    ]


def test_an_indonesian_launch_month_is_no_end() -> None:
    assert ends("Ponsel Galaxy S10 yang diluncurkan pada Maret 2019 tidak lagi mendapatkan pembaruan.") == []


def test_a_stop_noun_dated_in_brackets() -> None:
    text = "I did try briefly before the Tomtom sports app shutdown (End Sept 2023) to use Wireshark."
    assert ends(text) == [D(2023, 9, 30)]
    assert ends("The Acme Cloud sunset (March 31, 2025) left the hubs offline.") == [D(2025, 3, 31)]


def test_another_noun_dated_in_brackets_is_no_end() -> None:
    assert ends("The Acme app launch (September 2023) went well.") == []


def test_italian_patches_up_to_a_year() -> None:
    assert ends("La serie Find X6 riceverà patch di sicurezza fino al 2028.") == [D(2028, 12, 31)]
    assert ends("Il telefono riceverà aggiornamenti di sicurezza fino al 2028.") == [D(2028, 12, 31)]


def test_a_revision_stamp_in_another_language_is_no_end() -> None:
    assert ends("Dernière mise à jour le 4 avril 2016 (version précédente du 4 janvier 2015 consultable ici).") == []
    assert ends("Letzte Aktualisierung: 3. Mai 2021") == []
    assert ends("La dernière mise à jour de sécurité pour le Nest a été publiée le 4 avril 2016.") == [D(2016, 4, 4)]


def test_a_move_users_must_make_to_a_new_app_by_a_day_ends_the_old_one() -> None:
    text = (
        "Once the app is launched you must move your existing Yale Access Account over to our new app before"
        " July 1st 2023."
    )
    assert ends(text) == [D(2023, 7, 1)]
    assert ends("Users need to migrate to the new MSmartHome app by December 31, 2023.") == [D(2023, 12, 31)]


def test_other_moves_before_a_day_are_no_end() -> None:
    assert ends("You must move your photos to a new folder by July 1, 2023.") == []
    assert ends("You can move to the new app before July 1, 2023.") == []


def test_a_verb_joined_by_or_to_a_negated_one_shares_its_not() -> None:
    assert ends("v4.2 has not been maintained or supported since 2019.") == [D(2019, 1, 1)]
    assert ends("The hub was not sold and was supported until 2019.") == [D(2019, 12, 31)]


def test_italian_in_a_month_with_an_elided_article() -> None:
    text = (
        "Arlo ha annunciato una politica di fine vita, con due delle sue videocamere di prima generazione che"
        " perderanno il supporto nell'aprile 2023."
    )
    assert ends(text) == [D(2023, 4, 30)]
    assert ends("Il dispositivo è stato lanciato nel marzo 2019 e perderà il supporto.") == []


def test_french_no_longer_with_two_words_inside() -> None:
    text = (
        "\"Votre AI Pin continuera de fonctionner normalement jusqu'au 28 février 2025 (...) Après cette date, il ne"
        ' se connectera plus aux serveurs de Humane", a-t-elle fait savoir.'
    )
    assert ends(text) == [D(2025, 2, 28)]


ROWS = """| Version | Latest Release | Release Date | EOL Date | Status |
|---|---|---|---|---|
| se-1 | — | Sep 18, 2020 | Sep 16, 2024 | EOL |
| series-6 | — | Sep 18, 2020 | Already EOL | Active |
"""


def test_a_row_named_by_the_product_s_last_two_words() -> None:
    assert ends(ROWS, "Apple Watch Series 6", "text/markdown") == []
    assert ends(ROWS, "Apple Watch SE 1", "text/markdown") == [D(2024, 9, 16)]


def test_a_status_update_at_a_period_in_chinese_and_japanese() -> None:
    zh = policy("我們承諾在 7 天內確認收到。我們將至少每 30 天提供一次進展更新,直到漏洞得到解決。")
    assert zh.status_when is not None and zh.status_when.timescale == "每 30 天"
    ja = policy("脆弱性を受領した旨を5営業日以内に返信します。その後、30日ごとに進捗をご報告します。")
    assert ja.status_when is not None and ja.status_when.timescale == "30日ごと"


def test_a_period_of_releases_in_chinese_is_no_status_update() -> None:
    assert policy("我们每 30 天发布一次安全补丁。").status_when is None


def test_no_longer_functional_after_a_day() -> None:
    assert ends("My Wink Hub would no longer be functional after 5/13/20 unless I joined their plan.") == [
        D(2020, 5, 13)
    ]


def test_a_stop_that_a_relative_clause_says_will_occur_on_a_day() -> None:
    text = "In October, Roku announced the sunsetting of non-certified channels, which will occur on February 23, 2022."
    assert ends(text) == [D(2022, 2, 23)]
    assert ends("Acme announced the launch of the new hub, which will occur on February 23, 2022.") == []


def test_a_response_centre_s_name_is_no_reply() -> None:
    text = (
        "主办方 360安全应急响应中心 ... 一、威胁反馈与处理 1. 漏洞审核"
        " 对于web/服务端/移动端漏洞,我们将在三个工作日内进行审核;其他漏洞审核时间可能有所延长。"
    )
    assert policy(text).ack_when is None
    replied = policy("我们将在三个工作日内响应您的报告。").ack_when
    assert replied is not None and replied.timescale == "三个工作日内"


def test_a_time_guessed_at_after_it_is_no_end() -> None:
    assert ends("Service shut down in 2016 it seems like.") == []
    assert ends("The service shut down in 2016 or so.") == []
    assert ends("The service shut down in 2016, I think.") == []
    assert ends("The service shut down in 2016.") == [D(2016, 12, 31)]


def test_a_stop_that_will_follow_on_a_day() -> None:
    assert ends("The discontinuation of the Acme app will follow on August 27, 2021.") == [D(2021, 8, 27)]
    assert ends("A new release of the Acme app will follow on August 27, 2021.") == []


def test_hungarian_ends() -> None:
    text = "A Samsung négy modell teljes támogatását szünteti meg 2025 október végével."
    assert ends(text) == [D(2025, 10, 31)]
    assert ends("A Samsung 2026 januárjától nem ad több biztonsági frissítést a Galaxy S21 számára.") == [D(2026, 1, 1)]
    assert ends("A Samsung a Galaxy S20 támogatását 2025. március 31-én befejezi, és több frissítés nem érkezik.") == [
        D(2025, 3, 31)
    ]


def test_a_hungarian_launch_month_is_no_end() -> None:
    assert ends("A telefon 2021 márciusában jelent meg és a támogatás megszűnik.") == []


def test_norwegian_and_danish_ends() -> None:
    text = "Etter den 14. januar 2020 tilbyr ikke Microsoft lengre sikkerhetsoppdateringer eller support for Windows 7."
    assert ends(text) == [D(2020, 1, 14)]
    danish = (
        "Enhederne får nemlig nu kun softwareopdateringer én gang i kvartalet i stedet for hver måned, og i 2025"
        " forventes opdateringerne til telefonerne helt at stoppe."
    )
    assert ends(danish) == [D(2025, 12, 31)]


def test_polish_after_a_month_and_czech_last() -> None:
    text = (
        "Oznacza to, że żadna z potencjalnych luk w zabezpieczeniach odkryta po wrześniu 2025 roku nie zostanie już"
        " załatana przez producenta."
    )
    assert ends(text) == [D(2025, 9, 30)]
    assert ends("Smartfon Galaxy S21 z marca 2021 roku otrzyma ostatnią aktualizację.") == []
    assert ends("Poslední bezpečnostní aktualizace pro Galaxy S20 vyšla v březnu 2025.") == [D(2025, 3, 31)]


def test_a_month_named_by_its_patch_after_a_bound() -> None:
    text = (
        "Los modelos que dejan de ser compatibles a partir del parche de seguridad de agosto de 2025 son el Galaxy"
        " A22 y el Galaxy Note 20."
    )
    assert ends(text, "Galaxy Note 20") == [D(2025, 8, 1)]


def test_german_plural_end() -> None:
    text = "Sollten Sie Kamera Service Pakete gebucht haben, enden diese ebenfalls spätestens zum 29. März 2024."
    assert ends(text) == [D(2024, 3, 29)]


def test_a_norwegian_day_after_the_end_s_verb_with_no_preposition() -> None:
    text = "Bakgrunnen for dette utspillet er at Microsoft avslutter støtten for Windows 10 Mobile 10. desember 2019."
    assert ends(text) == [D(2019, 12, 10)]
    assert ends("Microsoft avslutter støtten, og telefonen kom 10. desember 2019.") == []
