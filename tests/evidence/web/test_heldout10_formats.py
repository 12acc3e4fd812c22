"""Regression tests for the phrasings the tenth held-out set of real pages showed psti
missing on its first run (bench/data/web-realworld.json, set "held-out-10"). The snippets have
the format of their sources (news pages quoting makers' update schedules and e-mails, and
SECURITY.md files); the variants check that each rule is the general one read from the parse,
and the negatives what it must not read."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.evidence.web.snippets import ends, policy

D = dt.date

XIAOMI = (
    "In 2026, a large number of smartphones under the Xiaomi, Redmi, and Poco brands will stop receiving security "
    "updates, as devices introduced in 2022–2023 reach the official end of their lifecycle, Azernews reports.\n\n"
    "Among Xiaomi models, the Xiaomi 12 and 12 Pro series will be the first to lose support, reaching EOL in the "
    "first quarter of 2026. The Xiaomi 12X and 12 Lite will stop receiving updates in March 2026, while the Xiaomi "
    "12T and 12T Pro will reach EOL in October 2026.\n\n"
    "For Redmi smartphones, the Note 12 Pro+ 5G and Note 12 Pro 5G will no longer receive updates after October "
    "2026, while the Note 12 5G and Note 12 4G will lose support in spring 2026.\n\n"
    "Among Poco models, the F5 will lose support in May 2026, while the Poco X5 Pro 5G and Poco X5 5G will reach "
    "EOL in the first quarter of the year.\n"
)


@pytest.mark.parametrize(
    ("product", "want"),
    [
        ("Xiaomi 12", [D(2026, 3, 31)]),  # the first quarter: its last day; not the 12X's or 12T's dates
        ("Xiaomi 12X", [D(2026, 3, 31)]),
        ("Xiaomi 12T", [D(2026, 10, 31)]),  # the tokeniser's "12 T" is the 12T
        ("Poco F5", [D(2026, 5, 31)]),  # "the F5" under "Among Poco models"
        ("Redmi Note 12 5G", []),  # a season, and the Note 12 Pro+ 5G's date is not its own
    ],
)
def test_each_model_of_a_schedule_gets_its_own_date(product: str, want: list[dt.date]) -> None:
    assert ends(XIAOMI, product) == want


def test_a_model_named_earlier_does_not_lend_its_name_to_the_next_models_date() -> None:
    text = "The Acme Cam 2 gets security updates. The Cam 3 will stop receiving updates in May 2027."
    assert ends(text, "Acme Cam 2") == []
    # a sentence about "the camera" or "it" still continues the product's
    text = "The Acme Cam 2 gets security updates. It will stop receiving security updates in May 2027."
    assert ends(text, "Acme Cam 2") == [D(2027, 5, 31)]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Security updates end in Q3 2027.", [D(2027, 9, 30)]),
        ("Security updates will end in the fourth quarter of 2027.", [D(2027, 12, 31)]),
        ("Security support ends in mid-2027.", []),
        ("Security support ends in late 2027.", []),
        ("Security support ends in early 2027.", []),
        ("Security support ends in the second half of 2027.", []),
        ("Security support ends at the end of 2027.", [D(2027, 12, 31)]),
    ],
)
def test_quarters_and_parts_of_a_year(text: str, want: list[dt.date]) -> None:
    assert ends(text) == want


QUEST_APPS = (
    "We’d like to let you know that starting August 31, 2024, we will no longer provide bug fixes or security "
    "updates for Meta Quest 1 headsets.\n...\nThe news comes after Meta stopped its support for new apps on the "
    "original Meta Quest headset, which started on Tuesday, April 30, 2024.\n"
)


def test_an_end_of_support_for_other_things_is_not_the_products() -> None:
    assert ends(QUEST_APPS, "Meta Quest 1") == [D(2024, 8, 31)]
    assert ends("Meta will end support for new apps on the Quest 1 on April 30, 2024.", "Quest 1") == []
    # the product's own app is the product's service
    text = "On November 6, 2019, Best Buy discontinued support for its Insignia Connect app."
    assert ends(text, "Insignia Connect") == [D(2019, 11, 6)]


QUEST_FROM_YEAR = (
    "Meta won’t be providing the original Quest 1 VR headset with any new features, and will stop supporting it "
    "altogether from 2024.\n...\nThe Meta Quest 1 will continue to receive critical bug fixes and bug patches, but "
    "only until 2024.\n"
)


def test_a_stop_from_a_year_is_its_first_day() -> None:
    assert ends(QUEST_FROM_YEAR, "Meta Quest 1") == [D(2024, 1, 1)]
    assert ends("Acme will stop security updates for the hub from 2027.", "hub") == [D(2027, 1, 1)]
    # "until" alone, or "after", keeps the year's last day; a month an end begins with is its first day
    assert ends("The hub will receive security updates until 2027.", "hub") == [D(2027, 12, 31)]
    assert ends("No security updates will be provided for the hub after 2027.", "hub") == [D(2027, 12, 31)]
    assert ends("As of May 2020, Acme will drop all security updates for the hub.", "hub") == [D(2020, 5, 1)]


def test_a_time_given_for_a_promise() -> None:
    a = policy("Email security@dartts.dev.\n\n- Allow up to 7 days for initial response\n", "text/markdown")
    assert a.ack_when is not None and a.ack_when.timescale == "up to 7 days"
    assert policy("Email security@acme.com. We need 30 days for a fix.").ack_when is None


def test_a_table_row_of_a_time_and_its_action() -> None:
    text = (
        "Email security@acme.com\n\n| Timeline | Action |\n|----------|--------|\n"
        "| 48 hours | Acknowledgment of your report |\n| 7 days | Initial assessment and status update |\n"
        "| 30 days | Target resolution for confirmed issues |\n"
    )
    a = policy(text, "text/markdown")
    assert a.ack_when is not None and a.ack_when.timescale == "48 hours"
    assert a.status_when is not None and a.status_when.timescale == "7 days"
    # a row whose action is a fix gives no status update
    only_fix = policy(
        "Email security@acme.com\n\n| Time | Action |\n|---|---|\n| 30 days | Fix released |\n", "text/markdown"
    )
    assert only_fix.status_when is None and only_fix.ack_when is None
