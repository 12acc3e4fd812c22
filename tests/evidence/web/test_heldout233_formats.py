"""Formats met on held-out sets 227 onwards: a service's end day under its own label ("Turndown
Date: June 13, 2023"); a dated update in single-star emphasis ("*Update 2021-04-21:* As of
today, … has been retired"); a sentence in another language with its dates in its own words is
not given to the English parse; a web address's parts are no words of a language."""

from __future__ import annotations

import datetime as dt

from psti.evidence.web.foreign import language_of
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


def test_a_foreign_sentence_with_its_own_dates_is_not_parsed_as_english() -> None:
    french = (
        "Google a annoncé stopper son support logiciel pour l'accessoire, dont la dernière version de "
        "firmware remonte à novembre 2022."
    )
    assert ends(french, "Chromecast") == []


def test_an_address_does_not_make_a_sentence_foreign() -> None:
    assert (
        language_of("1.5.x+ releases no longer support Spark Core (https://github.com/acme/device-os/pull/2003)")
        is None
    )
    assert language_of("Le support de la caméra sera arrêté à partir de mars 2026 (https://example.com/os)") == "fr"
