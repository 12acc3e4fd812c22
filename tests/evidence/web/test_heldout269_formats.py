"""Formats met on held-out sets 269 onwards: "sunsets" as the verb it is before a time ("The Fitbit
Web API sunsets in September 2026"), not the plural noun the parser takes it for; a bare "is covered
until …" carrying on the support the sentence before is about."""

from __future__ import annotations

import datetime as dt

from tests.evidence.web.snippets import ends

D = dt.date


def test_sunsets_before_a_time_is_the_verb() -> None:
    assert ends("The Fitbit Web API sunsets in September 2026.", "Fitbit Web API") == [D(2026, 9, 30)]
    assert ends("Fitbit Web API sunsets Sept 2026.", "Fitbit Web API") == [D(2026, 9, 30)]
    assert ends("The Hub app sunsets 2027, its maker says.", "Hub") == [D(2027, 12, 31)]
    assert ends("Cloud support for the Hub sunsets on 1 May 2026.", "Hub") == [D(2026, 5, 1)]
    # the noun stays a noun: a photo of the sunsets in May 2026 ends nothing
    assert ends("The Hub camera took the sunsets in May 2026 beautifully.", "Hub") == []


def test_a_bare_covered_carries_on_the_support_said_before() -> None:
    page = (
        "The Google Pixel 6 is guaranteed updates only until October 2026. "
        "The Pixel 7 series, on the other hand, is covered until October 2027."
    )
    assert ends(page, "Pixel 7") == [D(2027, 10, 31)]
    # a warranty's or a plan's cover names itself, and is no support
    assert ends(page.replace("is covered until", "is covered by the warranty until"), "Pixel 7") == []
    assert ends(page.replace("is covered until", "is covered under its care plan until"), "Pixel 7") == []
    # nor does a bare "covered" after a sentence that is about no support
    assert ends("The Pixel 7 sold well. The Pixel 7 series is covered until October 2027.", "Pixel 7") == []
