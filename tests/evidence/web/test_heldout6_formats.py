"""Regression tests for the phrasings the fifth and sixth held-out sets of real pages showed
psti missing on their first run (bench/data/web-realworld.json, sets "held-out-5" and
"held-out-6"). Each snippet has the format of its source: a plain-text news quotation of a
manufacturer's notice, a vendor's policy page, a Markdown SECURITY.md. The variants check that
the rule is the general one read from the parse, not the one sentence."""

from __future__ import annotations

import datetime as dt

import pytest

from psti.evidence.web.pagetext import page_text
from psti.evidence.web.support_period import analyse_support_page
from tests.evidence.web.snippets import ends, policy

D = dt.date


# --- end dates ---------------------------------------------------------------------------

ECOBEE = (
    "According to an Ecobee support page and emails sent to the last remaining Ecobee Smart users, both the "
    "Ecobee Smart (model EB-STAT-02) and the Ecobee Energy Management System will lose internet connectivity "
    "on July 31, 2024.\n"
    "Once Ecobee cuts off cloud support for the Ecobee Smart and Ecobee Energy Management System, the devices "
    "will lose the ability to connect with Ecobee servers and won't receive any more firmware updates, the "
    "Ecobee support message says.\n"
)


@pytest.mark.parametrize(
    ("text", "product", "end"),
    [
        (ECOBEE, "Ecobee Smart", D(2024, 7, 31)),
        # the same shape in other words: "when … shuts down", a negated supply of security updates
        ("Acme will switch off the servers of the Acme Hub on 30 June 2025. When Acme shuts down the service, "
         "the hubs will no longer get security updates.", "Acme Hub", D(2025, 6, 30)),
    ],
)  # fmt: skip
def test_stop_after_an_event_dated_in_the_sentence_before(text: str, product: str, end: dt.date) -> None:
    a = analyse_support_page(page_text(text.encode("utf-8"), "text/plain"), (product,))
    assert a.end_dates() == [end]
    assert any("(an event that stops)" in s.phrase for s in a.statements)


@pytest.mark.parametrize(
    "text",
    [
        # the date before is a launch, not a stop
        "The Acme Hub was launched on 3 March 2015. Once Acme ends cloud support, the hubs won't receive "
        "firmware updates.",
        # the event is no stop
        "Acme will lose its sales licence on 1 May 2025. Once you install the new app, the Acme Hub won't "
        "receive firmware updates over Bluetooth.",
    ],
)
def test_stop_after_an_event_needs_a_dated_stop_and_a_stopping_event(text: str) -> None:
    assert ends(text, "Acme Hub") == []


@pytest.mark.parametrize(
    ("text", "end"),
    [
        ("The company sent out emails to customers in early September advising that the product will no longer "
         "function after March 16, 2018.", D(2018, 3, 16)),
        ("Nest Secure and Dropcam devices will stop working from April 8, 2024 - even if the hardware itself is "
         "still functioning.", D(2024, 4, 8)),
    ],
)  # fmt: skip
def test_a_product_that_stops_working_ends_its_updates(text: str, end: dt.date) -> None:
    assert ends(text, "Dropcam" if "Dropcam" in text else "Harmony Link") == [end]


def test_working_on_something_and_continuing_to_work_are_no_end() -> None:
    assert ends("Back in February of 2019, the company stopped working on the underlying platform.", "Cam") == []
    assert ends("The Acme Cam will continue to work until 2030.", "Acme Cam") == []


def test_until_on_a_clause_after_a_stop_of_support() -> None:
    text = (
        "We [also] made the difficult decision to stop support for Dropcam. All features will remain available "
        "until April 8, 2024. Dropcam will no longer work after that date, and you will no longer be able to "
        "use your Nest app to check status.\n"
    )
    assert ends(text, "Dropcam") == [D(2024, 4, 8)]
    # without the stop of support before it, availability until a date says nothing about updates
    assert ends("All features will remain available until April 8, 2024.", "Dropcam") == []


def test_a_stop_in_a_relative_clause_belongs_to_its_noun() -> None:
    text = (
        "Logitech's announcement that it would end service and support for its Harmony Link devices in 2018 "
        "sparked online outrage.\n"
        "The change is being required because Logitech has decided not to renew a technology certificate "
        "licence that expires in March 2018 and that is required to ensure that the devices are protected.\n"
    )
    assert ends(text, "Harmony Link") == [D(2018, 12, 31)]
    # a relative clause on support itself still ends it
    assert ends("Acme offers security support that expires in March 2029 for the Acme Cam.", "Acme Cam") == [
        D(2029, 3, 31)
    ]


def test_a_season_is_not_a_year_end() -> None:
    text = (
        'The company says, "We made the business decision to end the support and services of the Harmony Link '
        'when the encryption certificate expires in the spring of 2018."'
    )
    assert ends(text, "Harmony Link") == []
    assert ends("Acme will end security updates for the Acme Cam in 2028.", "Acme Cam") == [D(2028, 12, 31)]


def test_updates_ended_by_a_clause_under_an_after_date() -> None:
    text = (
        "Owners may continue to use the Acme Cam after 1 April 2023, though it will not be provided with "
        "further firmware upgrades."
    )
    assert ends(text, "Acme Cam") == [D(2023, 4, 1)]
    # the clause under it ends something other than updates
    unsold = "Owners may continue to use the Acme Cam after 1 April 2023, though it will not be sold."
    assert ends(unsold, "Acme Cam") == []


# --- policies ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "address"),
    [
        ("Please send an email to `josh.mulliken (at) hey (dot) com` with the title `[vulnerability]`.", "josh.mulliken@hey.com"),  # noqa: E501
        ("Report vulnerabilities by e-mail: psirt [at] acme [dot] co [dot] uk", "psirt@acme.co.uk"),
    ],
)  # fmt: skip
def test_address_written_against_harvesting(line: str, address: str) -> None:
    assert policy("## Reporting a Vulnerability\n\n" + line + "\n", "text/markdown").contacts == [f"mailto:{address}"]


def test_at_without_a_domain_is_no_address() -> None:
    assert policy("Please report issues to our team (at) the booth.").contacts == []


def test_time_of_another_action_is_not_the_replys() -> None:
    text = (
        "2.1 Upon receiving a vulnerability report, we will establish a security emergency response team within "
        "one working day to promptly review, assess, and verify the reported issues, and if necessary, respond "
        "to or communicate with the reporter."
    )
    assert policy(text).ack_when is None
    variant = "We will set up a review group within 2 days to study the report and, if needed, reply to the reporter."
    assert policy(variant).ack_when is None
    # the same time on the reply itself is its time
    a = policy("We will reply to the reporter within 2 days.")
    assert a.ack_when is not None and a.ack_when.timescale == "within 2 days"


def test_triage_is_an_assessment_not_an_acknowledgement() -> None:
    text = (
        "After you have submitted your report, we will respond to your report within 7 working days and aim to "
        "triage your report within 15 working days. We will also aim to keep you informed of our progress."
    )
    a = policy(text)
    assert a.ack_when is not None and a.ack_when.timescale == "within 7 working days"
    assert a.status_when is None


ARLO = (
    "These cameras may continue to be operated after April 1, 2023 by all existing Arlo owners to live stream "
    "video, receive motion notifications, and store video clips locally with a compatible Arlo base station. "
    "These cameras also can utilize Arlo's new cloud storage, which is available with the Arlo Secure "
    "subscription service, though the EOL'd cameras themselves may lose some functionality over time, as they "
    "will not be provided with further firmware upgrades.\n"
)


def test_use_past_a_date_then_updates_withheld() -> None:
    a = analyse_support_page(page_text(ARLO.encode("utf-8"), "text/plain"), ("Arlo cameras",))
    assert a.end_dates() == [D(2023, 4, 1)]
    # the next sentence withholds something other than updates: no end
    other = ARLO.split(" These cameras also")[0] + " They will not be sold in shops any more.\n"
    assert ends(other, "Arlo cameras") == []
    # a date that use merely starts from is no boundary
    started = "Owners could operate these cameras from April 1, 2023. They will not be provided with firmware upgrades."
    assert ends(started, "Arlo cameras") == []
