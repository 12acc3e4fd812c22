"""Regression tests for the phrasings the thirteenth held-out set of real pages showed psti
missing on its first run (bench/data/web-realworld.json, set "held-out-13"). The snippets have
the format of their sources (news quotations of makers' end-of-service notices, makers'
disclosure pages as plain text); the variants check that each rule is the general one, and the
negatives what it must not read."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.evidence.web.snippets import ends, policy

D = dt.date


@pytest.mark.parametrize(
    ("text", "end"),
    [
        # the maker's service or servers stop: the product's support ends with them
        ("Nevertheless, today, TiVo Australia announced its service is coming to an end on 31st October 2017.\n"
         "The TV guide will no longer populate.\n", D(2017, 10, 31)),
        ("According to the associated FAQ, Slingbox servers will be permanently taken offline on November 9, 2022, "
         "\"at which point ALL Slingboxes will become inoperable.\"\n", D(2022, 11, 9)),
        ("“Although we are stopping support for Basis Peak immediately, you can access your data until December 31, "
         "2016. After that date, the Basis Peak services will be turned off.”\n", D(2016, 12, 31)),
        ("The Slingbox will become inoperable on November 9, 2022.", D(2022, 11, 9)),
        ("The hub's cloud will go offline permanently on 3 March 2025.", D(2025, 3, 3)),
    ],
)  # fmt: skip
def test_the_end_of_the_makers_service_ends_support(text: str, end: dt.date) -> None:
    assert ends(text) == [end]


@pytest.mark.parametrize(
    "text",
    [
        "The lights will go offline for maintenance on 3 March 2025.",  # for a while
        "Our customer service team will be closed on 25 December 2025.",
        "Our customer service will end on 1 May 2025.",
        # a possibility, with an example's date
        "That’s important because unsupported products could lose functionality or even become useless before "
        "their time, such as Hive security cameras in 2025.",
    ],
)
def test_other_stops_are_not_ends(text: str) -> None:
    assert ends(text) == []


PULSERING = (
    "please contact us directly. vuln@pulseringpro.com.au\n01\nOur Commitment to You\n...\n"
    "Acknowledgement\nWithin 5 business days of receiving your report\n"
    "Initial Assessment\nWithin 14 business days — we will assess severity and scope\n"
    "Status Update\nWithin 30 days — remediation timeline confirmed or explanation provided\n"
    "Resolution Target\nCritical vulnerabilities: within 30 days. High severity: within 60 days.\n"
)


def test_a_label_over_its_time_on_the_next_line() -> None:
    a = policy(PULSERING)
    assert a.ack_when is not None and a.ack_when.timescale == "Within 5 business days"
    assert a.status_when is not None and a.status_when.timescale == "Within 30 days"


def test_a_makers_named_security_centre_is_a_channel() -> None:
    text = (
        "Vulnerability reporters may submit reports of discovered product security vulnerabilities through the "
        "ECOVACS Product Security Center."
    )
    assert policy(text).contacts
    assert policy("Please report vulnerabilities via our PSIRT portal.").contacts
    # a title naming it, a team replying, or a warning against it are not channels
    assert not policy("ECOVACS Product Security Center Vulnerability Handling and Rating Standard 2.0").contacts
    assert not policy("Our Security Center will reply within 3 days.").contacts
    assert not policy("Do not report vulnerabilities through the Security Center.").contacts
