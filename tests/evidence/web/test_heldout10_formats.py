"""Regression tests for the phrasings the tenth held-out set of real pages showed psti
missing on its first run (bench/data/web-realworld.json, set "held-out-10"). The snippets have
the format of their sources (news pages quoting makers' update schedules and e-mails, and
SECURITY.md files); the variants check that each rule is the general one read from the parse,
and the negatives what it must not read."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.evidence.web.snippets import ends

D = dt.date

XIAOMI = (
    "In 2026, a large number of smartphones under the Xiaomi, Redmi, and Poco brands will stop receiving security "
    "updates, as devices introduced in 2022–2023 reach the official end of their lifecycle, Azernews reports.\n\n"
    "Among Xiaomi models, the Xiaomi 12 and 12 Pro series will be the first to lose support, reaching EOL in the "
    "first quarter of 2026. The Xiaomi 12X and 12 Lite will stop receiving updates in March 2026, while the Xiaomi "
    "12T and 12T Pro will reach EOL in October 2026.\n\n"
    "For Redmi smartphones, the Note 12 Pro+ 5G and Note 12 Pro 5G will no longer receive updates after October "
    "2026, while the Note 12 5G and Note 12 4G will lose support in spring 2026.\n\n"
    "Among Poco models, the F5 will lose support in May 2026, while the Poco X5 Pro 5G and Poco X5 5G will reach "
    "EOL in the first quarter of the year.\n"
)


@pytest.mark.parametrize(
    ("product", "want"),
    [
        ("Xiaomi 12", [D(2026, 3, 31)]),  # the first quarter: its last day; not the 12X's or 12T's dates
        ("Xiaomi 12X", [D(2026, 3, 31)]),
        ("Xiaomi 12T", [D(2026, 10, 31)]),  # the tokeniser's "12 T" is the 12T
        ("Poco F5", [D(2026, 5, 31)]),  # "the F5" under "Among Poco models"
        ("Redmi Note 12 5G", []),  # a season, and the Note 12 Pro+ 5G's date is not its own
    ],
)
def test_each_model_of_a_schedule_gets_its_own_date(product: str, want: list[dt.date]) -> None:
    assert ends(XIAOMI, product) == want


def test_a_model_named_earlier_does_not_lend_its_name_to_the_next_models_date() -> None:
    text = "The Acme Cam 2 gets security updates. The Cam 3 will stop receiving updates in May 2027."
    assert ends(text, "Acme Cam 2") == []
    # a sentence about "the camera" or "it" still continues the product's
    text = "The Acme Cam 2 gets security updates. It will stop receiving security updates in May 2027."
    assert ends(text, "Acme Cam 2") == [D(2027, 5, 31)]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Security updates end in Q3 2027.", [D(2027, 9, 30)]),
        ("Security updates will end in the fourth quarter of 2027.", [D(2027, 12, 31)]),
        ("Security support ends in mid-2027.", []),
        ("Security support ends in late 2027.", []),
        ("Security support ends in early 2027.", []),
        ("Security support ends in the second half of 2027.", []),
        ("Security support ends at the end of 2027.", [D(2027, 12, 31)]),
    ],
)
def test_quarters_and_parts_of_a_year(text: str, want: list[dt.date]) -> None:
    assert ends(text) == want
