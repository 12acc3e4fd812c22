"""Regression tests for the phrasings the fifteenth and sixteenth held-out sets of real pages
showed psti missing on their first run (bench/data/web-realworld.json, sets "held-out-15" and
"held-out-16"). The snippets have the format of their sources (news reports of services ending,
a maker's disclosure page flattened from cards into lines); the variants check that each rule
is the general one, and the negatives what it must not read."""

from __future__ import annotations

import datetime as dt

from tests.evidence.web.snippets import ends, policy

D = dt.date

STADIA = (
    "Google expects to have the majority of refunds completed by mid-January. ...\n\n"
    "All players will continue to have access to their games library and can play through January 18, 2023. This "
    "way they can complete final play sessions and move any progress made to alternate platforms where possible.\n"
)


def test_use_of_the_product_up_to_a_day_ends_it() -> None:
    assert ends(STADIA, "Stadia") == [D(2023, 1, 18)]
    # money or a code used up to a day is not the product; a product that keeps working promises
    assert ends("You can use your eShop balance until March 11, 2024.") == []
    assert ends("The Acme Cam will continue to work until 2030.", "Acme Cam") == []


WESPEAKIOT = (
    "In August, the Aachen-based network equipment supplier Devolo announced the end of its “Home Control” "
    "products. By the end of 2025, app support for radiator thermostats, motion sensors, and smart plugs will "
    "cease – along with many functions that once made the system “smart” in the first place.\n...\n"
    "In February 2024, Amazon pulled the plug on its “Echo Connect” – after only about seven years on the market.\n"
    "In 2022, Amazon also discontinued support for its “Cloud Cam,” introduced only five years earlier.\n"
)


def test_each_product_of_an_article_and_pulling_the_plug() -> None:
    assert ends(WESPEAKIOT, "Echo Connect") == [D(2024, 2, 29)]
    assert ends(WESPEAKIOT, "Cloud Cam") == [D(2022, 12, 31)]
    # a product named with a description in brackets; the stops of other named products are not its
    assert ends(WESPEAKIOT, "Home Control (radiator thermostats, motion sensors, smart plugs)") == [D(2025, 12, 31)]


def test_a_stop_of_the_products_own_named_app_is_its_end() -> None:
    text = "On November 6, 2019, Best Buy discontinued support for its Insignia Connect app."
    assert ends(text, "Insignia Connect smart plugs, switch, camera and freezer") == [D(2019, 11, 6)]


def test_a_label_card_with_a_bound_time() -> None:
    text = "Responsible disclosure, acknowledged.\n- Contact\n- security@\n- Ack\n- ≤24 h\n- Patch SLA\n- 30/90/180 d\n"
    a = policy(text, "text/markdown")
    assert a.ack_when is not None and a.ack_when.timescale == "≤24 h"
    assert a.status_when is None
