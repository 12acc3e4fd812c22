"""Formats met on held-out sets 227 onwards: a service's end day under its own label ("Turndown
Date: June 13, 2023"); a dated update in single-star emphasis ("*Update 2021-04-21:* As of
today, … has been retired")."""

from __future__ import annotations

import datetime as dt

from psti.evidence.web.pagetext import page_text
from tests.evidence.web.snippets import ends

D = dt.date


def test_a_service_end_day_under_its_own_label() -> None:
    answered = "Announcement: June 13, 2022\nTurndown Date: June 13, 2023"
    assert ends(answered, "Conversational Actions") == [D(2023, 6, 13)]
    assert ends("Shutdown date: 30 April 2020", "Hue Bridge v1") == [D(2020, 4, 30)]
    # an announcement's day alone is no end
    assert ends("Announcement: June 13, 2022", "Conversational Actions") == []


def test_a_dated_update_in_single_star_emphasis() -> None:
    post = (
        '*Update 2021-04-21:* As of today, "OctoPrint Anywhere" has been retired in favor of its\n'
        'successor "The Spaghetti Detective". Updated accordingly\n'
    )
    assert ends(post, "OctoPrint Anywhere", media="text/markdown") == [D(2021, 4, 21)]
    # a footnote's star and a product of numbers are not emphasis
    assert "2027* and 5 * 3" in page_text(b"Updates until 2027* and 5 * 3 *", "text/markdown").text
