"""A named thing that ends by itself, goes dark, or becomes unsupported at a date.

"Nokia Sync will end on December 5th, 2014", "Acme Cloud will be terminated on …", "Acme Hub goes dark on …"
end the named thing, while an offer or a sale that ends ("the Spring Sale ends on …") ends no product, and a
thing that "will be unsupported from March 2025" has its support withheld from then, while one that "might be
unsupported by 2027" may only be. A name in quotation marks before the noun it names is that thing's name ('shutting
down the "Works with Nest" program on September 29, 2024')."""

from __future__ import annotations

import datetime as dt

from tests.evidence.web.snippets import ends

D = dt.date


def test_named_thing_ends_by_itself() -> None:
    assert ends("Nokia Sync will end on December 5th, 2014.", "Nokia Sync") == [D(2014, 12, 5)]
    assert ends("Acme Hub ended on March 3, 2025.", "Acme Hub") == [D(2025, 3, 3)]
    assert ends("Acme Hub will be terminated on March 3, 2025.", "Acme Hub") == [D(2025, 3, 3)]
    assert ends("Acme Hub is scheduled to end on March 3, 2025.", "Acme Hub") == [D(2025, 3, 3)]


def test_named_thing_goes_dark() -> None:
    assert ends("Acme Hub goes dark on March 3, 2025.", "Acme Hub") == [D(2025, 3, 3)]


def test_an_offer_that_ends_is_no_product_end() -> None:
    assert ends("The Acme Hub Spring Sale ends on March 3, 2025.", "Acme Hub") == []
    assert ends("The Acme Hub Black Friday deal will end on November 30, 2025.", "Acme Hub") == []


def test_thing_that_ends_something_else_is_not_read_as_ending() -> None:
    # what the named thing ends is its object, not itself
    assert ends("Acme Hub will end the pairing mode on March 3, 2025.", "Acme Hub") == []


def test_unsupported_from_a_date() -> None:
    assert ends("Acme Hub will be unsupported from March 3, 2025.", "Acme Hub") == [D(2025, 3, 3)]
    assert ends("Acme Hub is unsupported since 2019.", "Acme Hub") == [D(2019, 1, 1)]


def test_possibly_unsupported_is_no_end() -> None:
    assert ends("A budget handset bought today might be unsupported by 2027.", "budget handset") == []


def test_a_quoted_name_before_its_noun() -> None:
    wwn = "According to Inc, Google is shutting down the \u201cWorks with Nest\u201d program on September 29, 2024."
    assert ends(wwn, "Works with Nest program") == [D(2024, 9, 29)]
    # (a quoted word that is no name stays: the factory is no named thing of the maker's)
    assert ends('Acme is shutting down the "old" factory on September 29, 2024.', "Acme Hub") == []
