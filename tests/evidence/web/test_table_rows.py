"""Tables stored as text are read back as labelled rows, whichever way their cells were run together."""

from __future__ import annotations

from psti.evidence.web.statement_dates import dates_in
from psti.evidence.web.table_rows import table_rows


def test_a_cell_per_line_becomes_rows_under_the_header() -> None:
    lines = [
        "Release",
        "Release date",
        "EOL",
        "Zephyr 3.7.0",
        "2024-07-26",
        "2027-01-26",
        "Zephyr 3.6.0",
        "2024-02-23",
        "2024-12-31",
    ]
    assert table_rows(lines) == [
        "Release | Release date | EOL",
        "Release: Zephyr 3.7.0 | Release date: 2024-07-26 | EOL: 2027-01-26",
        "Release: Zephyr 3.6.0 | Release date: 2024-02-23 | EOL: 2024-12-31",
    ]


def test_cells_run_together_come_apart_under_a_header_run_together_too() -> None:
    lines = ["VersionStateInitial Release DateProjected EOL", "BSP 5MaintenanceOctober 20192024"]
    assert table_rows(lines)[1] == (
        "Version: BSP 5 | State: Maintenance | Initial Release Date: October 2019 | Projected EOL: 2024"
    )


def test_cells_parted_by_spaces_are_read_under_the_headers_date_labels() -> None:
    lines = [
        "Library Version LTS Until LTS Repo URL",
        "FreeRTOS Kernel 11.3.0 04/30/2028 https://example.org/kernel",
        "FreeRTOS-Plus-TCP 4.4.1 04/30/2028 https://example.org/tcp",
    ]
    rows = table_rows(lines)
    assert "FreeRTOS Kernel 11.3.0 | LTS Until: 04/30/2028" in rows
    assert "FreeRTOS-Plus-TCP 4.4.1 | LTS Until: 04/30/2028" in rows


def test_a_heading_over_one_dated_line_and_prose_stay_as_they_are() -> None:
    lines = ["End of Life", "Last updated on January 9, 2024", "Support for these cameras ends in 2026."]
    assert table_rows(lines) == lines


def test_a_guess_and_a_season_are_no_dates_of_a_statement() -> None:
    assert dates_in("support ends ca. 2027") == []
    assert dates_in("support ends in early 2026") == []
    assert [str(d) for _m, d, _p in dates_in("support ends in Q3 2025")] == ["2025-09-30"]
    assert [str(d) for _m, d, _p in dates_in("in August and November 2021")] == ["2021-08-31", "2021-11-30"]
