"""A repository's name beside its description, the hosting site's archive banner, and a support end beside
a certification's.

A stored repository page sets its name and description on one line as two cells ("Magic Leap Toolkit Unity | As
of December 31, 2024, Magic Leap 1 and its services are no longer supported."): the description is a sentence
and is read as one, under the name. The banner "This repository has been archived by the owner on Feb 12, 2025"
dates the archive, not the end of what the repository served. A table with both a "Certification end date" and
a "'best effort' support end date" column ends support at the second."""

from __future__ import annotations

import datetime as dt

import pytest

from psti.evidence.web.table_rows import table_rows
from tests.evidence.web.snippets import ends

D = dt.date


def test_a_sentence_beside_a_name_is_read_as_prose() -> None:
    text = (
        "Magic Leap Toolkit Unity | As of December 31, 2024, Magic Leap 1 and its services are no longer supported."
    )
    assert ends(text, "Magic Leap 1") == [D(2024, 12, 31)]


@pytest.mark.parametrize(
    "line",
    [
        "Acme Hub | Firmware 2.1 | Released 2024 | Stable",  # (more than two cells)
        "Acme Hub | 31 March 2027",  # (a date, not a sentence)
        "Model: Acme Hub | Notes: support ends soon.",  # (labelled cells keep their labels)
    ],
)
def test_other_rows_keep_their_cells(line: str) -> None:
    assert table_rows([line]) == [line]


def test_the_archive_banner_dates_no_end() -> None:
    text = (
        "This repository has been archived by the owner on Feb 12, 2025. It is now read-only.\n\n"
        "Magic Leap 1 and its services are no longer supported."
    )
    assert ends(text, "Magic Leap 1") == []
    # (a maintainer's own "is deprecated" still dates what the next sentence withholds)
    own = "As of November 18th, 2022, this repository is deprecated. We will no longer provide updates for Acme Hub."
    assert ends(own, "Acme Hub") == [D(2022, 11, 18)]


def test_a_support_end_column_outweighs_a_certification_end_column() -> None:
    text = (
        "| Device model | Certification end date | Microsoft 'best effort' support end date |\n"
        "|---|---|---|\n"
        "| Acme Display 8 | December 31, 2021 | October 4, 2023 |\n"
    )
    assert ends(text, "Acme Display 8") == [D(2023, 10, 4)]
