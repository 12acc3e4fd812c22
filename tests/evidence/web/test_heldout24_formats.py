"""Regression tests for the table layouts the twenty-fourth and twenty-fifth held-out sets of
real pages showed psti missing on their first run (bench/data/web-realworld.json, sets
"held-out-24" and "held-out-25"): a release table whose status column states the end, and a
Markdown lifecycle table quoted with rows left out."""

from __future__ import annotations

import datetime as dt

from tests.evidence.web.snippets import ends

D = dt.date


OMV = (
    "<table>\n<tr><th>Version</th><th>Codename</th><th>Base Distro</th><th>Status</th><th>Date Released</th></tr>\n"
    "<tr><td>0.5</td><td>Sardoukar</td><td>Debian 6</td><td>EOL</td><td>Aug 2013</td></tr>\n"
    "<tr><td>6.0</td><td>Shaitan</td><td>Debian 11</td><td>EOL - Jul 2024</td><td>May 2022</td></tr>\n"
    "<tr><td>7.0</td><td>Sandworm</td><td>Debian 12</td><td>Oldstable</td><td>Mar 2024</td></tr>\n</table>\n"
)


def test_a_status_column_that_states_the_end() -> None:
    assert ends(OMV, "openmediavault 6.0 (Shaitan)", "text/html") == [D(2024, 7, 31)]
    assert ends(OMV, "openmediavault 0.5 (Sardoukar)", "text/html") == []  # ended, no date: not its release
    assert ends(OMV, "openmediavault 7.0 (Sandworm)", "text/html") == []  # a release date only


SURFACE_ACCESSORIES = (
    "Accessory                | Release date        | end-of-servicing date\n"
    "-------------------------|---------------------|---------------------\n"
    "Surface Dock             | October 26, 2015    | December 30, 2026\n"
    "...\n"
    "Surface Earbuds          | May 12, 2020        | June 30, 2026\n"
)


def test_rows_after_an_ellipsis_stay_under_the_tables_header() -> None:
    assert ends(SURFACE_ACCESSORIES, "Surface Earbuds", "text/markdown") == [D(2026, 6, 30)]
