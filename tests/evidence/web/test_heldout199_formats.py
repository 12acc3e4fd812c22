"""Formats met on held-out sets 197 onwards: a launch's date, a rough span after it, a product cut
from the app it is run with."""

from __future__ import annotations

import datetime as dt

from tests.evidence.web.snippets import ends

D = dt.date


def test_a_launch_date_is_no_end() -> None:
    launched = "Years after the hub's launch in 2019, Acme has discontinued support for the Acme Hub."
    assert ends(launched, "Acme Hub") == []
    # the end's own date still counts beside it
    both = "After its launch in 2019, Acme discontinued support for the Acme Hub in March 2024."
    assert ends(both, "Acme Hub") == [D(2024, 3, 31)]


def test_a_rough_span_after_a_launch_counts_to_no_day() -> None:
    rough = "Almost ten years after the stick's launch in 2013, Acme has discontinued support for the Acme Stick."
    assert ends(rough, "Acme Stick") == []
    exact = "The Acme Stick gets security updates for five years from its launch on 1 March 2024."
    assert ends(exact, "Acme Stick") == [D(2029, 3, 1)]


def test_a_product_unpaired_or_removed_from_its_app() -> None:
    unpaired = "Starting October 25, 2025, your device will be unpaired and removed from your Acme app."
    assert ends(unpaired, "Acme Thermostat") == [D(2025, 10, 25)]
    removed = "On 1 May 2026 your Acme cameras will be removed from the Acme app."
    assert ends(removed, "Acme Camera") == [D(2026, 5, 1)]
    # a feature removed from the app leaves the product supported
    feature = "On 1 May 2026 the scheduling feature will be removed from the Acme app."
    assert ends(feature, "Acme Camera") == []
