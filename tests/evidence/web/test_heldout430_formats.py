"""Formats met on held-out sets 430 onwards: a maker that shuts down its product named without the maker; a
stop (a shutdown, a decommissioning) that "will be completed" or "finished" by a day, or that is the stop the
sentence before names ("This will be completed by …"); the jargon verb "EOLed"; support or a service said to be
"over" or "defunct"; a network wound down by its name; a stop put off "from" one day "to" another; a post's byline
run into the post before it; a recurring time right after a policy's status updates."""

from __future__ import annotations

import datetime as dt

import pytest

from psti.evidence.web.pagetext import page_text
from psti.evidence.web.policy import PolicyAnalysis, analyse_policy
from tests.evidence.web.snippets import ends

D = dt.date
APPSTORE = "Amazon Appstore for Android (non-Amazon devices)"


@pytest.mark.parametrize(
    "sentence",
    [
        "Amazon permanently shuts down its Appstore for Android devices on August 20, 2025.",
        "Amazon’s 14-year experiment with third-party Android app distribution concludes today, August 20, 2025, "
        "as the company permanently shuts down its Appstore for Android devices.",
    ],
)
def test_the_maker_shuts_down_its_product_named_without_the_maker(sentence: str) -> None:
    assert ends(sentence, APPSTORE) == [D(2025, 8, 20)]


@pytest.mark.parametrize(
    "sentence",
    [
        # another maker's store of the same name
        "Reports say Acme shuts down its Appstore for Android devices on August 20, 2025.",
        # another of the maker's stores
        "Amazon permanently shuts down its Appstore for Windows on August 20, 2025.",
    ],
)
def test_another_makers_or_another_product_is_not_shut(sentence: str) -> None:
    assert ends(sentence, APPSTORE) == []


@pytest.mark.parametrize(
    "text",
    [
        "The shutdown of the Acme Hub cloud will be completed by December 31, 2022.",
        "The shutdown of the Acme Hub cloud will be finalized on December 31, 2022.",
        "The retirement of the Acme Hub will be finished by December 31, 2022.",
        "The Acme Hub's shutdown is expected to be completed by December 31, 2022.",
        "The decommissioning of the Acme Hub cloud will be complete by December 31, 2022.",
        "The decommissioning of the Acme Hub cloud will happen on December 31, 2022.",
        "Acme is shutting down the Acme Hub cloud. This will be completed by December 31, 2022.",
    ],
)
def test_a_stop_completed_by_a_day_ends_there(text: str) -> None:
    assert ends(text, "Acme Hub") == [D(2022, 12, 31)]


@pytest.mark.parametrize(
    "text",
    [
        "The upgrade of the Acme Hub will be completed by December 31, 2022.",
        "The Acme Hub's setup is expected to be completed by December 31, 2022.",
        "Acme is shutting down its offices. This will be completed by December 31, 2022. The Acme Hub keeps working.",
    ],
)
def test_other_work_completed_by_a_day_is_no_end(text: str) -> None:
    assert ends(text, "Acme Hub") == []


def _policy(sentence: str) -> PolicyAnalysis:
    text = f"# Security\n\nReport to security@acme.example.\n\n{sentence}"
    return analyse_policy(page_text(text.encode(), "text/markdown"))


def test_a_recurring_time_right_after_the_status_updates_times_them() -> None:
    # (the parser hangs the time on the clause after it, and from there on the acknowledgement)
    policy = _policy(
        "You will get an acknowledgment within 72 hours and a status update at least every two weeks until the "
        "issue is resolved."
    )
    assert [c.timescale for c in policy.status_updates] == ["at least every two weeks"]
    assert [c.timescale for c in policy.acknowledgement] == ["within 72 hours"]


def test_a_time_after_an_acknowledgement_stays_its_own() -> None:
    policy = _policy("You will get a status update and an acknowledgment within 72 hours.")
    assert [c.timescale for c in policy.acknowledgement] == ["within 72 hours"]


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("Acme Hub will be formally EOLed in April of 2025 everywhere in the Acme ecosystem.", D(2025, 4, 30)),
        ("Acme Hub was EOL'd on June 13, 2023.", D(2023, 6, 13)),
    ],
)
def test_the_jargon_verb_of_an_end_of_life(text: str, day: dt.date) -> None:
    assert ends(text, "Acme Hub") == [day]


def test_a_posts_byline_run_into_the_post_before_it_dates_nothing_in_it() -> None:
    text = (
        "acme · comment · 2022-12-16\nThis does not use the cloud. It also does not support the Acme Hub\n...\n"
        "someone · comment · 2022-12-17\nThanks."
    )
    assert ends(text, "Acme Hub") == []


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("Support for the Acme Hub is over as of 30 April 2025.", D(2025, 4, 30)),
        ("As of 30 April 2025, support for the Acme Hub is over.", D(2025, 4, 30)),
        ("Support for the Acme Hub will be over on 30 April 2025.", D(2025, 4, 30)),
        ("The Acme Hub service has been defunct since 1 June 2023.", D(2023, 6, 1)),
    ],
)
def test_support_or_a_service_said_to_be_over(text: str, day: dt.date) -> None:
    assert ends(text, "Acme Hub") == [day]


@pytest.mark.parametrize(
    "text", ["The Acme Hub promotion is over as of 30 April 2025.", "The Acme Hub sale will be over on 30 April 2025."]
)
def test_an_offer_that_is_over_is_no_end(text: str) -> None:
    assert ends(text, "Acme Hub") == []


@pytest.mark.parametrize(
    "text",
    [
        "Acme is postponing switching off the Acme Hub cloud from 31 August 2024 to 31 March 2025.",
        "Acme has postponed switching off the Acme Hub cloud from 31 August 2024 to 31 March 2025.",
    ],
)
def test_a_stop_put_off_from_one_day_to_another_ends_at_the_second(text: str) -> None:
    assert ends(text, "Acme Hub") == [D(2025, 3, 31)]


def test_a_network_switch_off_put_off_ends_at_the_day_it_was_moved_to() -> None:
    text = "Acme Mobile says it is postponing switching off its 3G network from 31 August 2024 to 31 March 2025."
    assert ends(text, "Acme Mobile 3G mobile network") == [D(2025, 3, 31)]


def test_a_network_wound_down_by_its_name_on_a_day_dated_by_the_byline() -> None:
    text = (
        "Acme Mobile news\nPosted April 8, 2025.\n"
        "Acme Mobile says on its website it plans to wind down its 3G network on July 31."
    )
    assert ends(text, "Acme Mobile 3G mobile network (3G-only phones)") == [D(2025, 7, 31)]
