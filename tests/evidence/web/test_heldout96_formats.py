"""Formats met on held-out sets 95-98: an end in brackets after what it ends, a dated fragment
after a semicolon, a notification to a public body that is no status update to the reporter."""

from __future__ import annotations

import datetime as dt

from tests.evidence.web.snippets import ends, policy

D = dt.date


def test_an_end_in_brackets_after_what_it_ends() -> None:
    before = "Acme has published a table of the new end of servicing dates for its devices."
    text = (
        before + " The list runs from the Acme Tab 1 (ending on January 15, 2024)"
        " to the Acme Tab 4 (ending on October 3, 2029)."
    )
    assert ends(text, "Acme Tab 1") == [D(2024, 1, 15)]
    assert ends(text, "Acme Tab 4") == [D(2029, 10, 3)]
    # brackets that only date something else say nothing of the end
    assert ends("The list runs from the Acme Tab 1 (launched on January 15, 2020) onwards.", "Acme Tab 1") == []


def test_a_dated_fragment_after_a_semicolon_belongs_to_its_clause() -> None:
    text = "We can confirm that it will also receive 3 years of quarterly security updates; from 2024 until 2026."
    assert ends(text, "Acme Watch 2") == [D(2026, 12, 31)]
    # a clause of its own after the semicolon stays its own
    other = "The Acme Watch 2 gets security updates; the promotion runs from 2024 until 2026."
    assert ends(other, "Acme Watch 2") == []


def test_notifying_a_public_body_is_no_status_update() -> None:
    text = (
        "Acknowledge receipt of your report within 3 working days. Keep you informed of material progress. "
        "Notify ENISA and designated CSIRTs on the CRA cadence (24 h / 72 h / 14 d) when a vulnerability is exploited."
    )
    a = policy(text)
    assert a.ack_when is not None and a.ack_when.timescale == "within 3 working days"
    assert a.status_when is None
    assert policy("We will notify the reporter every 14 days until the issue is fixed.").status_when is not None


def test_a_reply_that_recurs_is_a_status_update() -> None:
    a = policy("You'll hear from us with an update every 10 working days until the issue is resolved.")
    assert a.status_when is not None and a.status_when.timescale == "every 10 working days"
    assert policy("You'll hear from us within 5 working days.").status_when is None


def test_a_telephone_line_reached_on_a_number() -> None:
    assert policy("If you find a security issue, you can reach our security team on +44 20 7946 0000.").contacts == [
        "tel:+442079460000"
    ]
    assert policy("You can reach our sales team on +44 20 7946 0000.").contacts == []
