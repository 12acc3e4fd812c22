"""Formats met on held-out sets 370 onwards and on the misses of the sets before them.

Ends: a service named by a plural proper noun and shut down in the passive ("Trusted Contacts will be shut
down on December 1, 2020"), as a singular name already was."""

from __future__ import annotations

import datetime as dt

from tests.evidence.web.snippets import ends

D = dt.date


def test_a_plural_name_shut_down_in_the_passive() -> None:
    said = "Trusted Contacts will be shut down on December 1, 2020."
    assert ends(said, "Trusted Contacts") == [D(2020, 12, 1)]
    assert ends("Revolv will be shut down on May 15, 2016.", "Revolv") == [D(2016, 5, 15)]
    # (a place shut is still no service: "the factory will be shut down")
    assert ends("The factory will be shut down on December 1, 2020.", "Acme Cam") == []
