"""Regression tests for the phrasings the eighth held-out set of real pages showed psti
missing on its first run (bench/data/web-realworld.json, set "held-out-8"). Each snippet has
the format of its source, a plain-text news quotation of a maker's notice; the variants check
that the rule is the general one read from the parse, and the negatives what it must not read."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.evidence.web.snippets import ends

D = dt.date


@pytest.mark.parametrize(
    ("text", "end"),
    [
        ("Like many other companies in the United States, the COVID-19 pandemic has adversely impacted our "
         "business, and we have made the difficult decision to discontinue the Automatic connected car product, "
         "service, and platform. We will be shutting down all operations at 11:59 pm, PT, on May 28, 2020 and, "
         "as a result, your Automatic service will end on that time.\n", D(2020, 5, 28)),
        # the same stop in other words
        ("Acme will cease all operations on 30 September 2027, and the Automatic app will go offline.",
         D(2027, 9, 30)),
    ],
)  # fmt: skip
def test_shutting_down_all_of_the_makers_operations_ends_support(text: str, end: dt.date) -> None:
    assert ends(text, "Automatic") == [end]


@pytest.mark.parametrize(
    "text",
    [
        # operations placed somewhere or of some kind are not the maker's whole business
        "Acme will shut down its operations in Chicago on 30 September 2027; the Automatic app is unaffected.",
        "Acme will end manufacturing operations on 30 September 2027.",
    ],
)
def test_operations_of_one_place_or_kind_do_not_end_support(text: str) -> None:
    assert ends(text, "Automatic") == []


PEBBLE = (
    "Fitbit says it will formally end support for Pebble hardware this summer.\n\n"
    "The dying exercise wearables specialist said today that on June 30, 2018, it will cut off online services "
    "and support for any remaining Pebble wrist-puters.\n\n"
    "The June deadline represents a six-month extension: when Pebble's software arm was acquired by Fitbit in "
    "late 2016, Fitbit said it would only keep support for the Pebble software API going until December 31, 2017.\n"
)


def test_an_end_said_before_yields_to_the_current_one() -> None:
    assert ends(PEBBLE, "Pebble") == [D(2018, 6, 30)]


def test_an_end_said_before_is_kept_when_it_is_the_only_one() -> None:
    text = "In 2016 Fitbit said it would only keep support for the Pebble software API going until December 31, 2017."
    assert ends(text, "Pebble") == [D(2017, 12, 31)]


def test_an_end_said_with_will_is_current() -> None:
    # reported with "will", both are the maker's current words: both are still reported
    text = (
        "Fitbit said that security updates for the Pebble will end on June 30, 2018. "
        "Acme said that support for the Pebble app will end on March 31, 2019."
    )
    assert ends(text, "Pebble") == [D(2018, 6, 30), D(2019, 3, 31)]
