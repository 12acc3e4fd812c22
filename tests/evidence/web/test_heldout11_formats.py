"""Regression tests for the phrasings the eleventh held-out set of real pages showed psti
missing on its first run (bench/data/web-realworld.json, set "held-out-11"). The snippets have
the format of their sources (makers' security pages in plain text, a lifecycle table in
Markdown); the variants check that each rule is the general one, and the negatives what it must
not read."""

from __future__ import annotations

import datetime as dt

from tests.evidence.web.snippets import ends, policy

D = dt.date

NAVEL = (
    "Responses\n"
    "Acknowledgement of receipt: Formal acknowledgement of the information received within two weeks.\n"
    "Ongoing communication: Detailed documentation of the vulnerability and its reproduction, of the involvement "
    "of potentially affected 3rd parties, and of the preparation and planning for remediation within one month.\n"
)


def test_a_label_names_the_promise_whose_time_ends_its_value() -> None:
    a = policy("Report to security@navelrobotics.com.\n" + NAVEL)
    assert a.ack_when is not None and a.ack_when.timescale == "within two weeks"
    assert a.status_when is not None and a.status_when.timescale == "within one month"


def test_a_label_naming_fixes_promises_no_status_update() -> None:
    text = (
        "Email security@acme.com\n\n- **Critical Security Updates**: Released immediately\n"
        "- **Important Security Updates**: Released within 48 hours\n"
        "- **Firmware update schedule**: monthly\n"
    )
    assert policy(text, "text/markdown").status_when is None


def test_an_email_with_the_initial_feedback_is_the_first_reply() -> None:
    text = (
        "please report them to us by sending an email to customer.support@sunseekertech.com.\n\n"
        "We will send an email with the initial feedback within five working days. We will continue to follow up "
        "and provide updates on the vulnerability resolution progress until the fix is completed.\n"
    )
    a = policy(text)
    assert a.ack_when is not None and a.ack_when.timescale == "within five working days"
    assert a.status_when is None  # updates promised, with no time
    assert policy("Email security@acme.com. We send feedback on the fix within 30 days.").ack_when is None


SURFACE = (
    "| Surface device | Release date | End of servicing date for firmware & drivers |\n"
    "| --- | --- | --- |\n"
    "| Surface Go 2 | May 6, 2020 | December 30, 2024 |\n"
    "| Surface Book 2 | November 17, 2017 | June 30, 2023 |\n"
    "| Surface Go | August 2, 2018 | August 2, 2022 |\n"
)


def test_a_name_followed_by_a_number_is_another_model() -> None:
    assert ends(SURFACE, "Surface Go", "text/markdown") == [D(2022, 8, 2)]
    assert ends(SURFACE, "Surface Go 2", "text/markdown") == [D(2024, 12, 30)]
    # the plural and a following word still name it
    assert ends("Surface Go devices get firmware updates until 2 August 2022.", "Surface Go") == [D(2022, 8, 2)]
