"""Regression tests for the phrasings the seventeenth held-out set of real pages showed psti
missing on its first run (bench/data/web-realworld.json, set "held-out-17"). The snippets have
the format of their sources (news pages quoting makers, makers' disclosure pages as plain
text); the variants check that each rule is the general one, and the negatives what it must
not read."""

from __future__ import annotations

import datetime as dt

from tests.evidence.web.snippets import ends, policy

D = dt.date

PLAYSTATION = (
    "Today, Sony announced it will no longer shut down the PlayStation Store for PS3 and PS Vita users.\n\n"
    "“Upon further reflection, however, it’s clear that we made the wrong decision here. So today I’m happy to say "
    "that we will be keeping the PlayStation Store operational for PS3 and PS Vita devices. PSP commerce "
    "functionality will retire on July 2, 2021 as planned.”\n"
)


def test_a_product_line_in_capitals_is_another_model() -> None:
    assert ends(PLAYSTATION, "PS3") == []
    assert ends(PLAYSTATION, "PSP") == [D(2021, 7, 2)]
    # capitals that name no product line do not make another model
    assert ends("The Acme Hub gets security updates. TV support will end on 1 May 2027.", "Acme Hub") == [D(2027, 5, 1)]


WMR = (
    "According to the official documentation, Windows Mixed Reality will reach its end of life on November 1, 2026, "
    "for consumer Windows editions (Home and Pro) and on November 1, 2027, for commercial Windows editions.\n"
)


def test_a_date_followed_by_the_products_own_qualifier() -> None:
    assert ends(WMR, "Windows Mixed Reality (commercial Windows editions)") == [D(2027, 11, 1)]
    assert ends(WMR, "Windows Mixed Reality (consumer Windows editions)") == [D(2026, 11, 1)]


def test_contact_and_timescales_in_other_words() -> None:
    tado = policy("Submit your vulnerability report to our dedicated security email address: security(at)tado.com.")
    assert tado.contacts == ["mailto:security@tado.com"]
    beko = policy("Email psirt@beko.com. We will acknowledge receipt within a maximum of 48 business hours.")
    assert beko.ack_when is not None and beko.ack_when.timescale == "within a maximum of 48 business hours"
    hisense = policy(
        "Please notify us via email report@connectlife.io. The reaction time, including also the feedback to the "
        "incident reporting person, is defined as 2 days excluding weekends and holydays."
    )
    assert hisense.ack_when is not None and hisense.ack_when.timescale == "2 days"
    assert policy("Email security@acme.com. Our response time is 48 hours.").ack_when is not None


def test_a_maker_in_capitals_is_not_another_model() -> None:
    text = "The OLED C1 gets security updates. LG will end support for it on 1 May 2027."
    assert ends(text, "OLED C1") == [D(2027, 5, 1)]
    text = "The FRITZ!Box 7590 gets updates. AVM FRITZ!Box support ends on 1 May 2027."
    assert ends(text, "FRITZ!Box 7590") == [D(2027, 5, 1)]
