"""Regression tests for the phrasings the twelfth held-out set of real pages showed psti
missing on its first run (bench/data/web-realworld.json, set "held-out-12"). The snippets have
the format of their sources (news quotations of makers' statements, a maker's reporting steps
as plain text); the variants check that each rule is the general one, and the negatives what it
must not read."""

from __future__ import annotations

import datetime as dt

from tests.evidence.web.snippets import ends, policy

D = dt.date

NISSAN = (
    "In a statement to the BBC, Nissan said: “The NissanConnect EV app currently linked to Nissan Leaf and e-NV200 "
    "vehicles produced up until 2016 will shut down from April 1st 2024 in preparation of the 2G technology "
    "sunset.”\n"
)


def test_the_makers_app_shutting_down_ends_it_and_production_dates_are_not_ends() -> None:
    assert ends(NISSAN, "NissanConnect EV app") == [D(2024, 4, 1)]
    assert ends("Hubs sold until March 2019 get security updates.") == []
    assert ends("The Acme platform will shut down on 1 May 2025.") == [D(2025, 5, 1)]


YALE = (
    "Yale … has confirmed to early adopters of their Smart Home systems that they will no longer be able to unlock "
    "their doors with the Yale Conexis app from tonight (July 31st 2024), with fobs, cards, and app credits "
    "purchased for use with these locks also no longer be available for registration on the system after this "
    "deadline.\n"
)


def test_losing_the_use_of_the_product_from_a_day_ends_it() -> None:
    assert ends(YALE, "Conexis L1") == [D(2024, 7, 31)]
    assert ends("From 1 May 2025 you will no longer be able to use the Acme app to control the hub.") == [D(2025, 5, 1)]
    assert ends("From 1 May 2025 you will no longer be able to buy the hub.") == []  # an end of sale


WD = (
    "“On April 15, 2022, support for prior generations of My Cloud OS, including My Cloud OS 3, will end,” the "
    "company said this week.\n...\nThose who have eligible devices can update them to My Cloud OS 5 (which will be "
    "supported at least until the end of 2026) before the end of support date.\n"
)


def test_a_product_named_without_its_generic_last_word() -> None:
    assert ends(WD, "My Cloud OS 3 devices") == [D(2022, 4, 15)]
    assert ends(WD, "My Cloud OS 5") == [D(2026, 12, 31)]


def test_an_in_app_menu_path_is_a_reporting_channel() -> None:
    text = (
        "Step 1: if you are using our Blusafe Smart App, go to “Me” – “FAQ & Feedback” – “Feedback”. The App will "
        "automatically send your feedback to us; OR,simply write an email to us at;\n"
    )
    assert policy(text).contacts
    assert not policy("Go to “Settings” – “About” to see the firmware version.").contacts


BT_VISION = (
    "BT is making a further push to migrate TV customers from of its ageing Vision+ set top boxes and onto its "
    "YouView platform.\n...\nSupport for first generation devices was ended in 2014 but, despite their inability "
    "to match the content offered by YouView boxes, an undisclosed number of BT’s subscribers still access its TV "
    "service through the second generation black Vision+ boxes.\n"
)


def test_an_end_for_a_subset_of_products_is_not_the_named_products() -> None:
    assert ends(BT_VISION, "BT Vision+ set-top boxes") == []
    assert ends(BT_VISION, "first generation BT Vision set-top boxes") == [D(2014, 12, 31)]
    text = "The Acme Cam 8 gets security updates until 2030. Older models are supported until 2026."
    assert ends(text, "Acme Cam 8") == [D(2030, 12, 31)]
