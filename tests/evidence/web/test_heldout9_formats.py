"""Regression tests for the phrasings the ninth held-out set of real pages showed psti
missing on its first run (bench/data/web-realworld.json, set "held-out-9"). The snippet has
the format of its source, a news quotation of an ISP's e-mail to customers; the variants check
that the rule is the general one read from the parse, and the negatives what it must not read."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.evidence.web.snippets import ends

D = dt.date

NOW_HUB = (
    '"Please note, your Hub is no longer receiving security and service updates, or will stop receiving '
    'security updates by 2025," NOW said in an email seen by ISPreview\n'
    '"However, your Hub will continue to work as normal and will keep you connected to the internet.\n'
    '"We recommend, as a minimum, changing your Hub admin password to reduce the risk of security threats. ... '
    "From July 31st 2025, should your Hub develop a fault, we unfortunately won’t be able to provide a "
    "replacement.\n"
)


def test_withholding_a_replacement_is_not_an_end_of_updates() -> None:
    assert ends(NOW_HUB, "NOW Hub") == [D(2025, 12, 31)]


@pytest.mark.parametrize(
    "second",
    [
        "From July 31st 2025, no replacements will be offered.",
        "From July 31st 2025, we will not be selling spare parts for the hub.",
        "After 30 June 2026 we will no longer ship new units.",
    ],
)
def test_a_negated_supply_of_something_else_does_not_continue_the_sentence_before(second: str) -> None:
    assert ends("Your hub gets security updates from Acme. " + second, "hub") == []


@pytest.mark.parametrize(
    ("second", "end"),
    [
        # what is withheld is updates, or is named in the sentence before
        ("From July 31st 2025, no updates will be offered.", D(2025, 7, 31)),
        ("From July 31st 2025, we won’t provide them.", D(2025, 7, 31)),
        ("From July 31st 2025, we won't provide further firmware for the hub.", D(2025, 7, 31)),
        ("From July 31st 2025, the hub will no longer be supported.", D(2025, 7, 31)),
    ],
)
def test_a_negated_supply_of_updates_still_ends_them(second: str, end: dt.date) -> None:
    assert ends("Your hub gets security updates from Acme. " + second, "hub") == [end]
