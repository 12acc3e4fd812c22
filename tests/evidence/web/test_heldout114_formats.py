"""Formats met on held-out sets 114-115: a table whose header row starts with an empty corner
cell, a stop of an API the product is that began at a date, whatever the parser made of it."""

from __future__ import annotations

import datetime as dt

from tests.evidence.web.snippets import ends, policy

D = dt.date

TABLE = """<table><tr><td></td><th>Series</th><th>End of Life</th><th>Latest release</th></tr>
<tr><th>Stable</th><th>2026.05.1.x</th><td>September 2026</td><td>2026-07-15</td></tr>
<tr><th>Long-term support</th><th>2025.02.x</th><td>March 2028</td><td>2026-07-15</td></tr></table>"""


def test_a_header_row_with_an_empty_corner_cell() -> None:
    assert ends(TABLE, "2025.02.x", "text/html") == [D(2028, 3, 31)]
    assert ends(TABLE, "2026.05.1.x", "text/html") == [D(2026, 9, 30)]


def test_the_shutdown_of_an_api_that_began_at_a_date() -> None:
    text = (
        "This release migrates to the new Acme v1 API as the legacy Acme/Old APIs have been deprecated for some "
        "time and shutdown of those legacy APIs started in late July 2024."
    )
    assert ends(text, "the legacy Acme/Old APIs") == [D(2024, 7, 31)]
    # for a product that only uses the APIs, the shutdown is not its end
    assert ends(text, "Acme Doorbell") == []


def test_an_end_said_to_hold_now_under_a_dated_item() -> None:
    text = (
        "2024.11.4 released, 2024.11.x series EOL\n\n22 April 2025\n\n"
        "The 2024.11.4 bugfix release is out, fixing a number of security issues.\n\n"
        "Notice that the 2024.11.x series is now end of life. Please migrate to the 2025.02.x series instead."
    )
    assert ends(text, "2024.11.x series") == [D(2025, 4, 22)]
    # with no item date above it, "now" gives no date
    assert ends(text.replace("22 April 2025\n\n", ""), "2024.11.x series") == []


def test_no_longer_supported_beyond_a_date() -> None:
    text = "Acme has confirmed that beyond January 31, 2020, the Acme Assistant app will no longer be supported."
    assert ends(text, "Acme Assistant app") == [D(2020, 1, 31)]
    # use going on beyond a date is a boundary, not an end
    assert ends("The Acme Assistant app may be used beyond January 31, 2020.", "Acme Assistant app") == []


def test_an_address_spelled_out_in_lower_case_with_dot() -> None:
    assert policy("To report a vulnerability, write to security at example-fw dot com.").contacts == [
        "mailto:security@example-fw.com"
    ]
    # "us at acme dot com" names no mailbox
    assert policy("To report a vulnerability, contact us at example-fw dot com.").contacts == []


def test_a_time_on_commit_is_the_time_of_the_promise_it_carries() -> None:
    a = policy(
        "We commit to acknowledging vulnerability reports within 48 hours of receipt and providing status "
        "updates at least every 14 calendar days."
    )
    assert a.ack_when is not None and a.ack_when.timescale == "within 48 hours"
    assert a.status_when is not None and a.status_when.timescale == "at least every 14 calendar days"
    # a commitment to something that is no promise to the reporter lends it no time
    assert policy("We commit to reviewing our processes within 12 months.").ack_when is None


def test_labelled_times_run_together_on_one_line() -> None:
    a = policy("Timeline: Acknowledgement – 2 working days; Triage – 10 working days; Status updates – every 14 days.")
    assert a.ack_when is not None and a.ack_when.timescale == "2 working days"
    assert a.status_when is not None and a.status_when.timescale == "every 14 days"
