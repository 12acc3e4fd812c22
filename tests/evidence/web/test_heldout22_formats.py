"""Regression tests for the phrasings the twenty-second held-out set of real pages showed psti
missing on its first run (bench/data/web-realworld.json, set "held-out-22"). The snippets have
the format of their sources (news and consumer pages about satellite boxes and alarm cameras, a
bug-bounty programme page); the variants check that each rule is the general one, and the
negatives what it must not read."""

from __future__ import annotations

import datetime as dt

from tests.evidence.web.snippets import ends, policy

D = dt.date

SKY = (
    "Viewers hoping that their older Sky receivers will continue to receive service other channels will be "
    "disappointed. Sky has indicated these receivers will become obsolete during 2024.\n\n"
    "Sky+HD and Sky Q boxes are unaffected, and will continue to receive satellite TV channels.\n"
)


def test_obsolete_during_a_year_and_a_product_left_unaffected() -> None:
    assert ends(SKY, "first generation, non-HD Sky receivers") == [D(2024, 12, 31)]
    assert ends(SKY, "Sky+HD and Sky Q boxes") == []


RESIDEO = (
    "Any of the above mentioned cameras that don't receive this update will cease to be recognized by the Total "
    "Connect 2.0 server beginning on November 1, 2024. Any such camera will no longer receive updates from the "
    "server and will cease being supported by Resideo.\n"
)


def test_updates_withheld_from_the_things_stopped_the_sentence_before() -> None:
    assert ends(RESIDEO, "IPCAM-WIC1") == [D(2024, 11, 1)]
    # without a word pointing back, a sentence withholding updates borrows no date
    text = "The old app will cease to be recognized by the server beginning on November 1, 2024. Cameras get updates."
    assert ends(text) == []


def test_a_decade_is_not_a_year() -> None:
    text = "Sky's first digiboxes, designed in the late 1990s and 2000s, will no longer work after this summer."
    assert ends(text, "digiboxes") == []


def test_a_platform_named_without_its_address() -> None:
    assert policy("Disclose the vulnerability report exclusively through Yes We Hack.").contacts
    assert policy("Please report vulnerabilities via HackerOne.").contacts
    assert not policy("We were featured on HackerOne's blog last year.").contacts
