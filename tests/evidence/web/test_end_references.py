"""Regression tests for ends stated by reference rather than by an end word beside the date: a
range in a lifecycle column, a month placed by "last year" and the page's date, "that milestone"
standing for an end named before it, and a refused guarantee of updates after a date. Each
comes from a real page in bench/data/web-realworld.json; the variants check that the rule is the
general one, and the negatives what it must not read."""

from __future__ import annotations

import datetime as dt

from tests.evidence.web.snippets import ends

D = dt.date

LIFECYCLE = (
    "The published Long Term Support (LTS) versions of Link IoT Edge are as follows:\n\n"
    "| Version | Feature overview | Lifecycle |\n| --- | --- | --- |\n"
    "| v2.4.x series | See the release notes. | 2019.12 – 2021.12 |\n"
    "| v2.1.x series | See the release notes. | 2019.08 – 2021.08 |\n"
)


def test_a_lifecycle_range_ends_at_its_second_date() -> None:
    assert ends(LIFECYCLE, media="text/markdown") == [D(2021, 8, 31), D(2021, 12, 31)]
    assert ends(LIFECYCLE.replace("2019.12 – 2021.12", "2019 – 2022"), media="text/markdown")[-1] == D(2022, 12, 31)


def test_a_row_named_by_the_end_of_the_product_name() -> None:
    # the row's cell is "v2.4.x series", the product "Link IoT Edge v2.4.x series"
    assert ends(LIFECYCLE, "Link IoT Edge v2.4.x series", "text/markdown") == [D(2021, 12, 31)]
    assert ends(LIFECYCLE, "Link IoT Edge v2.1.x series", "text/markdown") == [D(2021, 8, 31)]


def test_last_year_in_a_month_is_placed_by_the_page_date() -> None:
    text = (
        "December 28, 2022\n\nThe first generation Surface Laptop reached its end of support last year in "
        "November, which is exactly four years from its official release date."
    )
    assert ends(text, "first generation Surface Laptop") == [D(2021, 11, 30)]
    assert ends(text.replace("last year in", "next year in"), "first generation Surface Laptop") == [D(2023, 11, 30)]
    # "in November" alone is the page's year
    assert ends(text.replace("last year in", "in"), "first generation Surface Laptop") == [D(2022, 11, 30)]


def test_that_milestone_stands_for_the_end_named_before() -> None:
    text = (
        "The Surface Laptop 3 is next in line for the end of support, scheduled to hit that milestone later "
        "next year on October 22, 2023."
    )
    assert ends(text, "Surface Laptop 3") == [D(2023, 10, 22)]
    # a milestone that is no end: a launch
    assert (
        ends("The Surface Laptop 3 gets security updates. It is set to hit that milestone on October 22, 2023.") == []
    )
    assert ends("The Surface Laptop 3, our first with USB-C, hit that milestone on October 22, 2023.") == []


def test_a_refused_guarantee_after_a_date_is_an_end() -> None:
    text = (
        "Google specifies that it won't guarantee regular updates will be provided for current Pixel devices "
        "after October 2019."
    )
    assert ends(text, "Pixel") == [D(2019, 10, 31)]
    assert ends("We cannot guarantee security updates for the Acme Cam after 2027.", "Acme Cam") == [D(2027, 12, 31)]
    assert ends(text.replace("guarantee", "guarentee"), "Pixel") == [D(2019, 10, 31)]  # as the page spelt it
    # a date that says which devices, not when updates stop
    assert ends("We cannot guarantee security updates for Acme Cams bought after 2020.", "Acme Cam") == []
    # a guarantee given, not refused
    assert ends("We guarantee that Acme Cam will work after 2027.", "Acme Cam") == []
