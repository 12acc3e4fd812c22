"""Japanese support statements: an end after its date ("（2025年2月終了）",
"をもってサポートを終了"), a label before it ("サポート終了日："), updates given up to it
("までセキュリティアップデートを提供"), and a stop from it on ("以降 … 提供されません"); a weekday
and an hour before the particle; a date with no year placed by the last
year named; a deadline ("までに"), an end of sale ("販売終了") and a date with
no end beside it give nothing; a year alone with its clause's end
("2022年、… 停止した"); a Latin name set in Japanese text names the product;
Chinese notices, written alike ("从6月1日起停止维护"), their year from the date
signed under them; a plan ended while the product goes on ("仍可正常使用") is
no end."""

from __future__ import annotations

import datetime as dt

import pytest

from psti.evidence.web.cjk import cjk_end, goes_on_cjk
from tests.evidence.web.snippets import ends

D = dt.date

_LIST = (
    "サポート終了の現状Wi-Fi 5: 多くの製品がすでにサポート終了。例: アクメ「AC-2533」(2025年2月終了)、"
    "ベータ「BT-2533」(2025年8月終了)。Wi-Fi 6: 例: アクメ「AC-5950」(2026年1月終了)。"
)


@pytest.mark.parametrize(
    ("product", "end"),
    [
        ("アクメ「AC-2533」", D(2025, 2, 28)),
        ("ベータ「BT-2533」", D(2025, 8, 31)),
        ("アクメ「AC-5950」", D(2026, 1, 31)),
    ],
)
def test_each_model_of_a_list_takes_its_own_end(product: str, end: dt.date) -> None:
    assert ends(_LIST, product) == [end]


@pytest.mark.parametrize(
    ("said", "end"),
    [
        ("アクメカメラは2026年3月31日をもってサポートを終了いたします。", D(2026, 3, 31)),
        ("サポート終了日：2024年12月31日", D(2024, 12, 31)),
        ("アクメルーターには2027年12月までセキュリティアップデートを提供します。", D(2027, 12, 31)),
        ("2024年4月以降、アクメルーターのファームウェア更新は提供されません。", D(2024, 4, 1)),
    ],
)
def test_ends_said_in_japanese(said: str, end: dt.date) -> None:
    found = cjk_end(said)
    assert found is not None and found.day == end


@pytest.mark.parametrize(
    "said",
    [
        "また、2025年1月14日までにカスタマーサービスに連絡すれば返金について話し合うことができます。",
        "アクメカメラは2019年10月に発売されました。",
        "The Acme Cam was released in 2019.",
    ],
)
def test_no_end_without_its_words(said: str) -> None:
    assert cjk_end(said) is None


def test_a_weekday_and_an_hour_between_a_date_and_its_end() -> None:
    said = "アクメは、『アクメアプリ』のサービスの提供を、2015年3月31日(火)15時をもちまして終了いたします。"
    found = cjk_end(said)
    assert found is not None and found.day == D(2015, 3, 31)


def test_a_date_with_no_year_takes_the_last_year_named() -> None:
    said = "アクメは公式サイトで23年5月8日、10月末にQ-SL1のサービスを終了すると発表した。"
    found = cjk_end(said)
    assert found is not None and found.day == D(2023, 10, 31)
    page = "2015年1月29日\n(2015年3月25日更新)\nA:その後、3月30日午前10時よりAcme Musicのサービスを順次終了予定です。"
    assert ends(page, "Acme Music") == [D(2015, 3, 30)]
    # and with no year anywhere before it, none
    assert cjk_end("10月末にQ-SL1のサービスを終了すると発表した。") is None


def test_an_end_of_sale_is_no_end() -> None:
    assert cjk_end("アクメホームは2019年7月22日をもって販売終了いたしました。") is None
    said = (
        "利用権の購入手続きを、2月27日より順次終了いたしました。その後、3月30日よりAcme Musicのサービスを終了します。"
    )
    assert ends(f"2015年1月29日\n{said}", "Acme Music") == [D(2015, 3, 30)]


def test_a_year_alone_then_its_clauses_end() -> None:
    found = cjk_end("2022年、米国のスマートホームブランドAcmeは、事前予告なくクラウドサーバーを停止した。")
    assert found is not None and found.day == D(2022, 12, 31) and found.precision == "year"
    assert cjk_end("Q-SL1は2015年に発売し、最終出荷より5年が経過した。") is None


def test_a_latin_name_set_in_japanese_names_the_product() -> None:
    page = (
        "2022年、米国のスマートホームブランドAcmeは、事前予告なくクラウドサーバーを停止した。\n\n"
        "ベータが展開するスマートホーム「Beta」は、2026年1月で多数の製品のクラウド/アプリサポート終了を発表している。"
    )
    assert ends(page, "Acme (クラウドサーバー)") == [D(2022, 12, 31)]
    assert ends(page, "Beta") == [D(2026, 1, 31)]


def test_a_chinese_notice_signed_under_its_text() -> None:
    page = (
        "# Acme OS 4.1-Release分支停止维护公告\n\n尊敬的开发者，您好：\n\n"
        "结合兼容性测评数据分析和调查问卷反馈，"
        "Acme OS 4.1-Release分支从6月1日起停止维护，不再例行针对该分支发布补丁。\n\n"
        "Release SIG\n2025年05月30日\n"
    )
    assert ends(page, "Acme OS 4.1-Release", media="text/markdown") == [D(2025, 6, 1)]


def test_a_plan_ended_while_the_product_goes_on_is_no_end() -> None:
    page = (
        "1. 自 2024 年 10 月 31 日 起，我們將停止提供攝影機的終身錄影方案。"
        "服務終止後，所有保存在雲端的錄影內容將同步刪除。\n\n"
        "2. 您的攝影機 (限定機型：AcmeCam 2) 仍可正常使用，"
        "能夠持續觀看即時影像，並可選購加值雲端錄影服務。"
    )
    assert ends(page, "AcmeCam 2") == []
    assert not goes_on_cjk("Acme Cam is still usable.")
