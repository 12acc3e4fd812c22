"""Formats met on held-out sets 310 onwards and on the misses of the sets before them: a support's end set
off after it by a comma, where the parser hangs the time on the sentence's verb ("try a Core 22 image with
up to 10 years of long term support, until April 2032")."""

from __future__ import annotations

import datetime as dt

from tests.evidence.web.snippets import ends

D = dt.date


def test_an_end_set_off_after_the_support_is_that_supports() -> None:
    text = (
        "Build your Ubuntu Core 22 image or try a Core 22 pre-built image with up to 10 years of long term"
        " support, until April 2032."
    )
    assert ends(text, "Ubuntu Core 22") == [D(2032, 4, 30)]


def test_a_time_after_a_comma_that_follows_no_support_is_not_an_end() -> None:
    assert (
        ends("Build your Acme Hub image or try a pre-built image with our tools, until April 2032.", "Acme Hub") == []
    )
