"""Plain ways news pages say a connected product stops: owners have until a day "before their devices stop
working"; devices "will no longer connect to the cloud" from a day; the product "will become a paperweight"; "the last
day of service … is" a day; a maker "set" or "confirmed" a day "as the end-of-life date"; "the final switch-off" (a
hyphened stop the tokenizer splits) "is now set for" a day; patches "unavailable after" a day (not a pause for
maintenance, nor a span the service comes back after). A hedge, a connection that
goes on, a device's use of a day that is not a stop, and a launch date named the same way are not ends."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.evidence.web.snippets import ends

END = [dt.date(2025, 3, 31)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Acme Hub owners have until March 31, 2025 before their devices stop working.",
        "Starting March 31, 2025, Acme Hub devices will no longer connect to the cloud.",
        "Acme Hub devices will no longer connect to the cloud after March 31, 2025.",
        "On March 31, 2025, the Acme Hub will become a paperweight.",
        "The last day of service for the Acme Hub is March 31, 2025.",
        "Acme set March 31, 2025 as the end-of-life date for the Acme Hub.",
        "Acme confirmed 31 March 2025 as the shutdown date for the Acme Hub.",
        "The final switch-off of the Acme Hub cloud is now set for March 31, 2025.",
        "Security patches for the Acme Hub are unavailable after March 31, 2025.",
    ],
)
def test_a_plain_stop(sentence: str) -> None:
    assert ends(sentence, "Acme Hub") == END


@pytest.mark.parametrize(
    "sentence",
    [
        "If Acme shuts its servers, the Acme Hub could become a paperweight by March 31, 2025.",
        "Acme Hub devices will connect to the new cloud on March 31, 2025.",
        "Acme Hub owners have until March 31, 2025 before the discount code expires.",
        "Acme set March 31, 2025 as the launch date for the Acme Hub.",
        "The Acme Hub sign-off is now set for March 31, 2025.",
        "The 3G switch-off is now set for March 31, 2025.",
        "The Acme Hub app will be unavailable on March 31, 2025 between 2am and 4am for maintenance.",
        "The Acme Hub cloud will be unavailable from March 31, 2025 until April 2, 2025.",
    ],
)
def test_no_stop(sentence: str) -> None:
    assert ends(sentence, "Acme Hub") == []
