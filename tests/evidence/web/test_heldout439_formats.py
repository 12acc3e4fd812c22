"""Forms met on pages of held-out-439 to 456: a service "due to be closed" (the subject on the verb over
"due"); a Japanese end whose product's Latin name has a space in it ("をもって旧型Apple TVのサポートを終了");
a Korean end named as the topic before its date ("지원 마감은 2022년 9월이다", "지원 종료일은 …") or set "as
of" its day ("2022년 4월 29일자로 서비스를 종료한다"); a voice assistant's skill disabled is a service
stopped; a migration that "will continue into 2026" is still under way then, and no end; nor is a Japanese
promise made "当初" (at first) and then replaced."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.evidence.web.snippets import ends

D = dt.date


@pytest.mark.parametrize(
    "said",
    [
        "It's old tech now though, and the Acme Hub service is due to be closed after March 2024.",
        "The Acme Hub service is due to be shut down on 31 March 2024.",
        "The Acme Hub app is due to be removed on 31 March 2024.",
    ],
)
def test_a_service_due_to_be_closed_ends_then(said: str) -> None:
    assert ends(said, "Acme Hub") == [D(2024, 3, 31)]


@pytest.mark.parametrize(
    "said",
    [
        "The Acme Hub app is due to be updated on 31 March 2024.",
        "The Acme office is due to be closed on 31 March 2024.",
    ],
)
def test_something_else_due_on_a_day_is_no_end(said: str) -> None:
    assert ends(said, "Acme Hub") == []


def test_a_japanese_end_of_a_product_whose_latin_name_has_a_space() -> None:
    said = "メールの中で同社は、2024年7月31日をもって旧型Acme Hubのサポートを終了すると発表しました。"
    assert ends(said, "Acme Hub") == [D(2024, 7, 31)]


def test_a_japanese_article_dated_in_a_month_is_no_end_of_that_month() -> None:
    said = "まだ使ってますけど、2026年2月に Acme Hub のサービス終了を伝える記事がホットエントリーに上がっていたので。"
    assert ends(said, "Acme Hub") == []


@pytest.mark.parametrize(
    ("said", "end"),
    [
        ("에이크미 허브의 공식 출시일은 2019년 9월로, 지원 마감은 2022년 9월이다.", D(2022, 9, 30)),
        ("에이크미 허브의 지원 종료는 2022년 9월이다.", D(2022, 9, 30)),
        ("에이크미 허브의 지원 종료일은 2022년 9월 30일이다.", D(2022, 9, 30)),
        ("에이크미는 2022년 4월 29일자로 에이크미 허브 서비스를 종료한다.", D(2022, 4, 29)),
    ],
)
def test_korean_ends_named_before_their_date_or_as_of_it(said: str, end: dt.date) -> None:
    assert ends(said, "에이크미 허브") == [end]


def test_a_korean_deadline_for_something_else_is_no_end() -> None:
    assert ends("에이크미 허브의 신청 마감은 2022년 9월이다.", "에이크미 허브") == []


def test_a_voice_assistants_skill_disabled_ends_it() -> None:
    said = "However, in November 2023, Amazon silently disabled the skill for all users, citing its privacy policies."
    assert ends(said, "Acme Lighting skill") == [D(2023, 11, 30)]
    assert ends("The Acme Lighting skill teaches new skills to users in November 2023.", "Acme Lighting skill") == []


def test_a_move_that_goes_on_into_a_year_is_no_end() -> None:
    said = "Most devices should see Acme upgrades by the end of 2025, but the migration will continue into 2026."
    assert ends(said, "Acme Assistant") == []
    # updates that go on into a year end with it
    assert ends("The Acme Phone will get security updates into 2030.", "Acme Phone") == [D(2030, 12, 31)]


def test_a_japanese_promise_made_at_first_and_then_replaced_is_no_end() -> None:
    said = "親会社は当初、アクメアプリが2028年まで機能し続けると約束していましたが、今年末までにサポートを終了します。"
    assert ends(said, "アクメアプリ") == []
    kept = "当初の予定どおり、アクメアプリのサポートは2028年3月31日をもって終了します。"
    assert ends(kept, "アクメアプリ") == [D(2028, 3, 31)]
