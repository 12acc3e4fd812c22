"""Regression tests for the phrasings the eighteenth held-out set of real pages showed psti
missing on its first run (bench/data/web-realworld.json, set "held-out-18"). The snippets have
the format of their sources (a maker's forum post quoting its press release, makers'
disclosure pages as plain text); the variants check that each rule is the general one, and the
negatives what it must not read."""

from __future__ import annotations

import datetime as dt

from tests.evidence.web.snippets import ends, policy

D = dt.date

FAIRPHONE = (
    "Both models [the FP3 and the FP3+ are guaranteed to continue to receive software support until\n"
    "at least August 2024. However, Fairphone aims to support the phones for even longer, until 2026.\n"
)


def test_an_aim_gives_way_to_a_guaranteed_end() -> None:
    assert ends(FAIRPHONE, "FP3") == [D(2024, 8, 31)]
    # an aim alone is still what the page says
    assert ends("Fairphone aims to support the phones for even longer, until 2026.") == [D(2026, 12, 31)]


def test_acknowledgements_and_updates_in_other_words() -> None:
    amino = policy(
        "Amino will acknowledge submitted reports within 3 working days and commit to providing bi-weekly status "
        "updates to the reporter until a solution has been identified and committed."
    )
    assert amino.status_when is not None and amino.status_when.timescale == "bi-weekly"
    crosscall = policy("- Carefully review each form and inform you of its receipt within 7 calendar days;")
    assert crosscall.ack_when is not None and crosscall.ack_when.timescale == "within 7 calendar days"
    assert crosscall.status_when is None
    solplanet = policy(
        "Report Vulnerability\nEmail\nSafety@solplanet.net\nResponse Time\n"
        "We will verify within 3 working days upon receipt of the report and conduct an initial assessment."
    )
    assert solplanet.contacts == ["mailto:Safety@solplanet.net"]
    assert solplanet.ack_when is not None and solplanet.ack_when.timescale == "within 3 working days"
    # informing of something other than the receipt is a status update
    later = policy("Email security@acme.com. We will inform you of progress every 14 days.")
    assert later.status_when is not None and later.ack_when is None
