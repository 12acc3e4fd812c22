"""Formats met on held-out sets 310 onwards and on the misses of the sets before them.

Ends: a support's end set off after it by a comma ("… years of long term support, until April 2032"); a
data file's block of dates under its name ("supportDates:" over "  end: …") read as one row; a row's
extended end before its mainstream one; an end said in a link's words (another page's title) giving way to
the page's own; a model code's digit before a month ("CXV2  June 2021") not read as a day; Czech "k
31.12.2022"; a launch's own time ("After launching its AI Pin in April 2024") not the shutdown's; a time of
day after a Chinese or Korean date ("2024 年 6 月 30 日 0 时起停止运营"); a store's stop that only ends buying
("此后您无法再购买新的电子书") and production ended at a month ("生産を、2006年3月をもって終了") as no ends; a
shutdown date "announced … as December 9, 2024"; sign-ups closed ("cannot sign up to use these APIs") as no
end; a headline's "shuts down June 2025"; a variant's mark in brackets ("Chromecast with Google TV (4K)")
naming that variant, not its sibling ("… (HD)"); a form's "When was the product discontinued?" answered
for a product the same form calls "Hardware" (off sale, not ended); HTML set inline in Markdown; an end
reached "and removed on" a day; "at least" between a bound and its date abroad ("hasta al menos junio de
2028", "updates até, no mínimo, 2028"); two models of one maker joined by Korean "and" ("LG 벨벳과 윙");
a line set in bold as a whole (a form's question) kept apart from its answer, and an answer's
"[reference](…)" link; the cloud part of a system removed as its service ending; a data file
headed by a comment ("### YamlMime:Lifecycle") still read as one.

Policies: being told "that we have received it" as the acknowledgement; Japanese "5稼働日以内" with
"ご連絡させていただきます"; a portal where reports are submitted ("提交") in Chinese; a page
titled for reporting ("visit the Report Vulnerability page") as a channel."""

from __future__ import annotations

import datetime as dt

from tests.evidence.web.snippets import ends, policy

D = dt.date


def test_an_end_set_off_after_the_support_is_that_supports() -> None:
    text = (
        "Build your Ubuntu Core 22 image or try a Core 22 pre-built image with up to 10 years of long term"
        " support, until April 2032."
    )
    assert ends(text, "Ubuntu Core 22") == [D(2032, 4, 30)]


def test_a_time_after_a_comma_that_follows_no_support_is_not_an_end() -> None:
    assert (
        ends("Build your Acme Hub image or try a pre-built image with our tools, until April 2032.", "Acme Hub") == []
    )


LIFECYCLE_FILE = """\
name: Windows 10 Mobile, veröffentlicht im Oktober 2017
products:
- windows
policyType: fixed
supportDates:
  start: 2017-10-17T00:00:00.000-08:00
  end: 2019-12-10T22:59:59.999-08:00
  extendedEnd: 2020-01-14T22:59:59.999-08:00
releases:
- version: Original Release
  startDate: 2017-10-17T00:00:00.000-08:00
content: "\\n## Links \\n* [Support für Windows 10 Mobile endete am 10. Dezember 2019](/lifecycle/announcements/x)"
"""


def test_a_block_of_dates_under_its_name_is_one_row_and_its_extended_end_wins() -> None:
    text = LIFECYCLE_FILE.replace("  extendedEnd: 2020-01-14T22:59:59.999-08:00\n", "")
    assert ends(text, "Windows 10 Mobile, veröffentlicht im Oktober 2017") == [D(2019, 12, 10)]
    assert ends(LIFECYCLE_FILE, "Windows 10 Mobile, veröffentlicht im Oktober 2017") == [D(2020, 1, 14)]


def test_a_mainstream_end_gives_way_to_the_extended_end_in_a_row() -> None:
    row = (
        "Lync Phone Edition: | Start Date: 2011-01-25 | Mainstream End Date: 2018-04-10 | Extended End Date: 2023-04-11"
    )
    assert ends(row, "Lync Phone Edition") == [D(2023, 4, 11)]


def test_an_end_in_a_links_words_gives_way_to_the_pages_own() -> None:
    release = "name: Windows 10 Mobile\nreleases:\n- version: Original Release\n  endDate: 2018-01-09\n"
    link = 'content: "* [Support for Windows 10 Mobile ended on 10 December 2019](/lifecycle/a)"\n'
    assert ends(release + link, "Windows 10 Mobile") == [D(2018, 1, 9)]


def test_a_model_codes_digit_before_a_month_is_not_a_day() -> None:
    table = (
        "Product Auto-update expiration date\nAcer Chromebox CXI2 / CXV2  June 2021\nAsus Chromebox 3 (CN65) June 2025"
    )
    assert ends(table, "Acer Chromebox CXI2") == [D(2021, 6, 30)]
    assert ends("The Acme Hub gets security updates until 2 June 2021.", "Acme Hub") == [D(2021, 6, 2)]


def test_czech_support_ended_as_of_a_numeric_day() -> None:
    page = (
        "S příchodem nové verze image dochází dříve nebo později k postupnému utlumení a ukončení podpory starší verze"
        " image. "
        "Například vývojový tým OpenATV oznámil, že pro verzi 7.0 ukončí podporu k 31.12.2022. Uživatelům doporučuje"
        " verzi 7.1, pro kterou je nyní dostupná podpora týmu a beta verze 7.2 je určena k testování."
    )
    assert ends(page, "OpenATV 7.0") == [D(2022, 12, 31)]


def test_a_launchs_own_time_is_not_the_shutdowns() -> None:
    text = (
        "After launching its AI Pin in April 2024 and reportedly seeking a buyout by May 2024, Humane is shutting down."
    )
    assert ends(text, "AI Pin") == []
    later = "Acme, which launched the Hub in 2019, will shut down its servers in March 2024."
    assert ends(later, "Hub") == [D(2024, 3, 31)]


def test_a_time_of_day_after_a_chinese_date_and_a_sale_only_stop() -> None:
    page = (
        "亚马逊 Kindle 中国电子书店将于 2024 年 6 月 30 日 0 时起停止运营,此后未下载的电子书将无法下载和阅读。"
        "亚马逊已于 2023 年 6 月 30 日 18 点在中国停止 Kindle 电子书店的运营,此后您无法再购买新的电子书。"
    )
    assert ends(page, "Kindle 中国电子书店") == [D(2024, 6, 30)]


def test_production_ended_at_a_month_is_not_an_end_of_support() -> None:
    notice = "この度、AIBO本体の生産を、2006年3月をもって終了させていただくことになりました。"
    assert ends(notice, "AIBO") == []
    assert ends("AIBOのサポートを、2006年3月をもって終了させていただきます。", "AIBO") == [D(2006, 3, 31)]


def test_a_shutdown_date_announced_as_a_day() -> None:
    text = "The company had previously announced the shutdown date as December 9, 2024, and has now followed through."
    assert ends(text, "Car Thing") == [D(2024, 12, 9)]


def test_sign_ups_closing_is_not_an_end_but_sign_ins_are() -> None:
    assert ends("As of May 1, 2024, developers cannot sign up to use these APIs.", "Google Fit API") == []
    assert ends("As of May 1, 2024, users can no longer sign in to use the app.", "Acme app") == [D(2024, 5, 1)]


def test_a_headline_shutting_down_in_a_month_with_no_preposition() -> None:
    title = "# Google Fit API shuts down June 2025 - move to Health Connect?"
    assert ends(title, "Google Fit API", media="text/markdown") == [D(2025, 6, 30)]


def test_a_variant_marked_in_brackets_is_not_its_sibling() -> None:
    text = (
        "Chromecast with Google TV (4K) は2025年9月末までアップデートが提供され、"
        "Chromecast with Google TV (HD) は2027年9月末までアップデートが提供されます。"
    )
    assert ends(text, "Chromecast with Google TV (HD)") == [D(2027, 9, 30)]
    assert ends(text, "Chromecast with Google TV (4K)") == [D(2025, 9, 30)]
    english = (
        "The Acme Cam (2nd gen) gets security updates until 2027."
        " The Acme Cam (1st gen) gets security updates until 2025."
    )
    assert ends(english, "Acme Cam (1st gen)") == [D(2025, 12, 31)]
    assert ends(english, "Acme Cam (2nd gen)") == [D(2027, 12, 31)]


KILLED_FORM = """\
**What's the Product's Name?**
Nest Protect Smoke & CO alarms

**When was the product discontinued? Provide a specific date, if possible.**
March 28, 2025

**What type of product was it? App, Service, or Hardware?**
{kind}
"""


def test_hardware_discontinued_in_a_form_is_off_sale_a_service_ended() -> None:
    product = "Nest Protect Smoke & CO alarms"
    assert ends(KILLED_FORM.format(kind="Hardware"), product, media="text/markdown") == []
    assert ends(KILLED_FORM.format(kind="Service"), product, media="text/markdown") == [D(2025, 3, 28)]
    assert ends(KILLED_FORM.format(kind="Hardware/Service"), product, media="text/markdown") == [D(2025, 3, 28)]


def test_html_set_inline_in_markdown_is_read_as_its_words() -> None:
    page = (
        '# Deprecation Notice\n\n* <h3>Google Cloud IoT Core is <a href="https://cloud.google.com/iot/docs/release-notes">'
        "retired as of August 16, 2023</a>.</h3>\n"
    )
    assert ends(page, "Google Cloud IoT Core", media="text/markdown") == [D(2023, 8, 16)]


def test_an_end_reached_shares_the_day_of_the_removal_joined_to_it() -> None:
    text = "Device Sync will reach end-of-life and be removed on September 30, 2025."
    assert ends(text, "Device Sync (Atlas App Services)") == [D(2025, 9, 30)]
    assert ends("The Acme Hub will reach end of sale and be removed on September 30, 2025.", "Acme Hub") == []


def test_being_told_the_report_was_received_is_its_acknowledgement() -> None:
    found = policy("Email security@example.org. We will inform that we have received it within five business days.")
    assert found.ack_when is not None and found.ack_when.timescale == "within five business days"
    assert found.status_when is None


def test_japanese_working_days_and_a_humble_reply() -> None:
    text = (
        "脆弱性のご報告を受信した日を起点として5稼働日以内に、"
        "ご指定いただいたメールアドレスへご連絡させていただきます。"
    )
    found = policy(text)
    assert found.ack_when is not None and found.ack_when.timescale == "5稼働日以内"


def test_a_portal_address_where_reports_are_submitted_in_chinese() -> None:
    text = "您进入 DSRC https://security.dji.com 后可根据相关指引提交 DJI 产品和服务漏洞。"
    assert "https://security.dji.com" in policy(text).contacts


def test_at_least_between_a_bound_and_its_date_abroad() -> None:
    spanish = (
        "El dispositivo, lanzado en junio de 2023 con la promesa de tres años de actualizaciones del sistema,"
        " cuenta ahora con soporte oficial hasta al menos junio de 2028."
    )
    assert ends(spanish, "Pixel Tablet") == [D(2028, 6, 30)]
    portuguese = (
        "Adotando o sistema operacional iOS, a Apple não tem uma política definida sobre a quantidade de atualizações."
        " Lançada em 2022, a série iPhone 14 com iOS 16 deve continuar recebendo updates até, no mínimo, 2028."
    )
    assert ends(portuguese, "série iPhone 14") == [D(2028, 12, 31)]


def test_a_korean_pair_of_models_shares_the_makers_name() -> None:
    text = (
        "작년 출시한 LG 벨벳과 윙의 경우 2023년까지 업데이트가 가능해졌다. "
        "이미 한차례 업그레이드를 실시한 V50S, V50, Q31 등은 2022년까지 업데이트할 수 있다."
    )
    assert ends(text, "LG 윙") == [D(2023, 12, 31)]


def test_a_bold_question_and_its_answer_are_lines_of_their_own() -> None:
    form = (
        "**When was the product launched? Provide a specific date, if possible.**\n"
        " June 24, 2009  ,  [reference](https://news.example.com/2009/06/24/launch )\n"
        "**When was the product discontinued? Provide a specific date, if possible.**\n"
        "June 30, 2011  , [reference](https://news.example.com/kills-hohm)\n"
        "**What type of product was it? App, Service, OS, or Hardware?**\n"
        "Service\n"
    )
    assert ends(form, "Microsoft Hohm", media="text/markdown") == [D(2011, 6, 30)]


def test_the_cloud_part_of_a_system_removed_is_its_service_ending() -> None:
    text = (
        "Powerhouse Dynamics no longer supports residential systems and will remove the cloud part of the system"
        " by 2035 (or earlier)."
    )
    assert ends(text, "SiteSage residential systems") == [D(2035, 12, 31)]


def test_a_page_titled_for_reporting_is_a_channel() -> None:
    for text in (
        "Please refer to the Security Reporting page for submitting security reports.",
        "To report a potential security vulnerability, visit the Report Vulnerability page.",
    ):
        assert policy(text).contacts, text
    assert not policy("For our product news, visit the Product Updates page.").contacts


ITALIAN_LIFECYCLE = (
    "### YamlMime:Lifecycle\n"
    "metadata:\n"
    "  title: Windows 10 Mobile, rilasciato a novembre 2015\n"
    "  description: Windows 10 Mobile, rilasciato a novembre 2015, segue i criteri fissi relativi al ciclo di vita.\n"
    "  ms.date: 07/28/2020\n"
    "  ...\n"
    "name: Windows 10 Mobile, rilasciato a novembre 2015\n"
    "summary: >\n"
    "  Windows 10 Mobile, rilasciato a novembre 2015, segue i criteri [fissi](/lifecycle/policies/fixed) "
    "relativi al ciclo di vita.\n"
    "\n"
    "\n"
    "\n"
    "  > [!IMPORTANT]\n"
    "\n"
    "  > Il supporto per questo prodotto è terminato.\n"
    "products:\n"
    "- windows\n"
    "policyType: fixed-mainstream-only\n"
    "supportDates:\n"
    "  start: 11/16/2015\n"
    "  end: 01/09/2018\n"
    "releases:\n"
    "- version: Original Release\n"
    "  startDate: 11/16/2015\n"
    "  endDate: 01/09/2018\n"
    'content: "\\n## <a name=\\"links\\"></a>Collegamenti \\n* [Domande frequenti sul ciclo di vita del s'
    'istema operativo del dispositivo](/lifecycle/faq/device-operating-systems)\\n* [Il supporto per Wind'
    'ows 10 Mobile è terminato il 10 dicembre 2019](/lifecycle/announcements/windows-10-mobile-end-of-sup'
    'port)"\n'
)  # (Microsoft's Italian lifecycle file for the release, as held-out-325 quotes it)


def test_a_data_file_headed_by_a_comment_is_still_a_data_file() -> None:
    assert ends(ITALIAN_LIFECYCLE, "Windows 10 Mobile, rilasciato a novembre 2015") == [D(2018, 1, 9)]
