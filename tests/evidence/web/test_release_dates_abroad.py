"""A release dated in another language's words is no end; a run of labelled dates ends at the one labelled an end.

A lifecycle record names its product "Windows 10 Mobile, rilasciato nell'aprile 2017" (released in April 2017)
above its support dates; the name's date is the release, whatever language says so, and an elided article
("nell'", "dell'") may join the date to the verb. A card or a data record flattened to one line runs its labels
and dates together ("Released: 25 April 2017 Support ends: 11 June 2019"): the date whose own label names the end is
the end, and with no such label there is none."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.evidence.web.snippets import ends

D = dt.date

_RECORD = """### YamlMime:Lifecycle
metadata:
  title: '{name}'
name: '{name}'
summary: |
  Windows 10 Mobile follows the fixed lifecycle policy.

  > [!IMPORTANT]
  > Support for this product has ended.
products:
  - windows
supportDates:
  start: 04/25/2017
  end: 06/11/2019
"""


@pytest.mark.parametrize(
    "name",
    [
        "Windows 10 Mobile, rilasciato nell''aprile 2017",
        "Windows 10 Mobile, veröffentlicht im April 2017",
        "Windows 10 Mobile, uitgebracht in april 2017",
        "Windows 10 Mobile, released in April 2017",
    ],
)
def test_a_release_in_a_records_name_is_not_its_end(name: str) -> None:
    assert ends(_RECORD.format(name=name), "Windows 10 Mobile") == [D(2019, 6, 11)]


@pytest.mark.parametrize(
    "line",
    [
        "Acme Hub support dates: start: 2017-04-25 end: 2019-06-11",
        "Acme Hub. Start: 2017-04-25 End: 2019-06-11",
        "Acme Hub — Start date: 25 April 2017 End date: 11 June 2019",
        "Acme Hub Released: 25 April 2017 Support ends: 11 June 2019",
        "Acme Hub (Start: 2017-04-25, End: 2019-06-11)",
    ],
)
def test_a_run_of_labelled_dates_ends_at_the_date_labelled_an_end(line: str) -> None:
    # a card or a data record flattened to one line: each date after its own label, the end's label decides
    assert ends(line, "Acme Hub") == [D(2019, 6, 11)]


@pytest.mark.parametrize(
    "line",
    [
        "Acme Hub Last updated: 5 May 2024 Released: 1 March 2020",  # (the page's own date, and a release)
        "Acme Hub Released: 1 March 2020 Shipped: 5 May 2020",
    ],
)
def test_a_run_of_labelled_dates_with_no_single_end_gives_none(line: str) -> None:
    assert ends(line, "Acme Hub") == []
