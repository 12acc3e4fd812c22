"""Regression tests for the phrasings the twenty-first held-out set of real pages showed psti
missing on its first run (bench/data/web-realworld.json, set "held-out-21"). The snippets have
the format of their sources (GitHub issue and pull-request threads, SECURITY.md files); the
variants check that each rule is the general one, and the negatives what it must not read."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.evidence.web.snippets import ends, policy

D = dt.date


@pytest.mark.parametrize(
    ("text", "end"),
    [
        ("The last guaranteed security update is October 2016, i.e. next month.", D(2016, 10, 31)),
        ("End of support is 31 March 2027.", D(2027, 3, 31)),
        ("This PR adds an alert re: Automatic's planned shutdown on 5/28/2020.", D(2020, 5, 28)),
        ("This is about a shutdown in November 2021, which happened a long time ago.", D(2021, 11, 30)),
        ("Support ends with 24.10.2020", D(2020, 10, 24)),
    ],
)
def test_an_end_named_as_a_thing(text: str, end: dt.date) -> None:
    assert ends(text) == [end]


@pytest.mark.parametrize(
    "text",
    [
        "The first security update is October 2016.",
        "Cars will be affected by the 3G network shutdown in February 2022.",
        "Support ends with the release of version 3.",
    ],
)
def test_other_things_named_with_dates_are_not_ends(text: str) -> None:
    assert ends(text) == []


def test_a_form_link_and_a_time_written_first() -> None:
    esphome = policy(
        "**Please do not report security vulnerabilities through public GitHub issues.**\n\n"
        "Instead, please send fill in the [form](https://forms.gle/LmY3GVoFAXSuJQYN9) with the following "
        "information:\n",
        "text/markdown",
    )
    assert esphome.contacts
    doorbell = policy(
        "**Email**: [security@example.com]\n\n### Response Timeline\n\n- **24 hours**: Initial acknowledgment\n"
        "- **72 hours**: Initial assessment and severity classification\n",
        "text/markdown",
    )
    assert not doorbell.contacts  # a template address
    assert doorbell.ack_when is not None and doorbell.ack_when.timescale == "24 hours"
    assert not policy("Report to security@tapo-camera-mcp.example.com within 24 hours.").contacts
