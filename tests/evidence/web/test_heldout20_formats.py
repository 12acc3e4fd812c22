"""Regression tests for the phrasings the twentieth held-out set of real pages showed psti
missing on its first run (bench/data/web-realworld.json, set "held-out-20"). The snippets have
the format of their sources (news pages and blogs quoting makers, a wiki page, a maker's
disclosure page as plain text); the variants check that each rule is the general one, and the
negatives what it must not read."""

from __future__ import annotations

import datetime as dt

from tests.evidence.web.snippets import ends, policy

D = dt.date

FOCALS = (
    "The company is offering full refunds.\n...\n“Focals smart glasses and its services are being discontinued "
    "and will no longer be available after July 31st, 2020,” Canadian company North, previously known as Thalmic "
    "Labs, said in a statement shared on its website.\n"
)


def test_a_product_and_its_services_no_longer_available() -> None:
    assert ends(FOCALS, "Focals") == [D(2020, 7, 31)]
    # a quotation after "..." opens a new sentence
    assert ends("Refunds are offered. “Acme cloud services will end on 1 May 2027,” Acme said.") == [D(2027, 5, 1)]


def test_a_cloud_that_goes_dark() -> None:
    assert ends("Mars Petcare sold Whistle to Tractive yesterday. Whistle's cloud goes dark August 31, 2025.") == [
        D(2025, 8, 31)
    ]
    assert ends("The office lights go dark on 1 May 2025.") == []


PORTAL = (
    "Meta discontinued the product line in June 2022, with final sales ending December 31, 2022, yet promised "
    "device support until February 2032.\n"
)


def test_an_end_of_sales_is_not_an_end_of_support() -> None:
    assert ends(PORTAL, "Meta Portal") == [D(2032, 2, 29)]
    assert ends("Final sales of the Acme Hub end on 31 December 2022.", "Acme Hub") == []


def test_an_address_with_bracketed_dots() -> None:
    text = "Please report it to us using the following official channel: psirt[at]sonova[.]com."
    assert policy(text).contacts == ["mailto:psirt@sonova.com"]
