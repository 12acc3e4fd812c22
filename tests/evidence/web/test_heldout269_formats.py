"""Formats met on held-out sets 269 onwards: "sunsets" as the verb it is before a time ("The Fitbit
Web API sunsets in September 2026"), not the plural noun the parser takes it for; a bare "is covered
until …" carrying on the support the sentence before is about; a cutoff that occurs, or a
discontinuation set to take effect, on a day after a stop said before; a Japanese product no longer
able to do what it does from a day ("以降、…ができなくなる"), not new installs stopped; an Italian service's
closing "al 6 maggio 2026"."""

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


def test_a_cutoff_that_occurs_or_a_discontinuation_that_takes_effect_is_the_stop() -> None:
    before = "Google has quietly discontinued support for the Nest Thermostats. "
    cutoff = "The company told owners earlier this year, with the official cutoff occurring on October 25, 2024."
    assert ends(before + cutoff, "Nest Thermostats") == [D(2024, 10, 25)]
    assert ends(before + "The official cutoff occurs on October 25, 2024.", "Nest Thermostats") == [D(2024, 10, 25)]
    # with no stop said before, a cutoff is anything's (a sale's, a migration's)
    assert ends("The Nest Thermostats sold well. The official cutoff occurs on October 25, 2024.", "Nest") == []
    effect = "The discontinuation of the SoundTouch cloud takes effect on February 18th, 2026."
    assert ends(effect, "SoundTouch") == [D(2026, 2, 18)]
    # the stop said earlier in the date's own sentence
    own = (
        "Bose will bring an end to all cloud-based functionalities of its SoundTouch product line, "
        "with the discontinuation set to take effect on February 18th, 2026."
    )
    assert ends(own, "SoundTouch") == [D(2026, 2, 18)]
    # what takes effect must be a stop
    assert ends("The new pricing for the SoundTouch app takes effect on February 18th, 2026.", "SoundTouch") == []


def test_a_japanese_product_no_longer_able_from_a_day_ends_then() -> None:
    page = (
        "初代モデルのサービス終了は、唐突にやってきた。「2020年3月31日以降、キャラの投影や音声会話などができなくなる」"
    )
    assert ends(page, "初代モデル") == [D(2020, 3, 31)]
    # new sign-ups or installs that stop leave the product as it is
    assert ends("2025年7月31日以降はアプリの新規インストールができなくなります。", "アプリ") == []


def test_an_italian_service_closing_at_a_day() -> None:
    moved = "- Proroga della data di chiusura del supporto cloud al 6 maggio 2026;"
    assert ends(moved, "SoundTouch") == [D(2026, 5, 6)]
    # "al" with no end said is no end
    assert ends("Il servizio cloud al 6 maggio 2026 conta mille utenti SoundTouch.", "SoundTouch") == []
