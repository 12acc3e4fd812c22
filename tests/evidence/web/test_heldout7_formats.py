"""Regression tests for the phrasings the seventh held-out set of real pages showed psti
missing on its first run (bench/data/web-realworld.json, set "held-out-7"). Each snippet has
the format of its source, a plain-text news quotation of a maker's notice; the variants check
that the rule is the general one read from the parse, and the negatives what it must not read."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.evidence.web.snippets import ends

D = dt.date


@pytest.mark.parametrize(
    ("text", "product", "end"),
    [
        ("\u201cAs of December 9th, 2024, Car Thing will be discontinued, and will stop operating. While this "
         "chapter is closing, we\u2019re working on new ways.\u201d", "Car Thing", D(2024, 12, 9)),
        # the same shape: the date on the first verb, the product ceasing to work in the verb joined to it
        ("From 1 March 2027 the Acme Cam will be retired and will no longer function.", "Acme Cam", D(2027, 3, 1)),
    ],
)  # fmt: skip
def test_a_verb_joined_by_and_shares_the_date(text: str, product: str, end: dt.date) -> None:
    assert ends(text, product) == [end]


@pytest.mark.parametrize(
    "text",
    [
        # the joined verb has its own subject: it does not take the first clause's date
        "As of 2024 the Acme Cam was discontinued, and the team stopped working on the app later.",
        # discontinued alone is the end of sale, not of support
        "The company discontinued the Acme Cam back in July 2022.",
        # labour, not the product
        "As of 2024 the Acme Cam was discontinued, and stopped working on the platform.",
    ],
)
def test_no_shared_date_without_a_product_that_stops(text: str) -> None:
    assert ends(text, "Acme Cam") == []


@pytest.mark.parametrize(
    ("text", "end"),
    [
        ("Not so with Revolv, a smart hub maker acquired in 2014 by Nest, which has now announced that it will "
         "completely shut down its service as of 15th May 2016.\nThis decision means that existing customers will "
         "find that their devices and the companion apps will no longer work from the above date.\n", D(2016, 5, 15)),
        ("Acme will end the cloud service for the Revolv hub on June 30, 2026.", D(2026, 6, 30)),
    ],
)  # fmt: skip
def test_shutting_down_the_makers_service_ends_support(text: str, end: dt.date) -> None:
    assert ends(text, "Revolv hub") == [end]


def test_customer_service_is_not_the_products_service() -> None:
    assert ends("Acme will shut down customer service for the Revolv hub as of 15th May 2016.", "Revolv hub") == []


HALO = (
    "Amazon will stop selling its Halo health and fitness devices, the company announced on Wednesday.\n"
    "\u201cWe recently made the very difficult decision to stop supporting Amazon Halo effective July 31, 2023,\u201d "
    "the company said in a statement shared online.\n"
    "The decision to shut down its Halo unit means that from August 1, 2023, Amazon\u2019s Halo devices, and the "
    "Amazon Halo app, will no longer work.\n"
)


def test_a_stated_end_of_support_wins_over_the_day_the_product_stops_working() -> None:
    assert ends(HALO, "Halo") == [D(2023, 7, 31)]


def test_the_day_the_product_stops_working_ends_it_when_no_end_of_support_is_stated() -> None:
    text = "Acme told owners of the Halo that the devices will no longer work from August 1, 2023."
    assert ends(text, "Halo") == [D(2023, 8, 1)]


def test_a_withheld_supply_at_a_later_date_is_still_an_end() -> None:
    # two stated ends of updates (not a product that merely stops working): both are reported
    text = ("Acme will stop supporting the Halo effective July 31, 2023.\n"
            "From August 1, 2024, the Halo will no longer receive security updates.\n")  # fmt: skip
    assert ends(text, "Halo") == [D(2023, 7, 31), D(2024, 8, 1)]
