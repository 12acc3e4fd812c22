"""Formats met on held-out sets 387 onwards and on the misses of the sets before them.

Ends: Italian "smettere di" ("Amazon smetterà di supportare … Glow il 31 dicembre 2022"), but not an end of
sale ("smetterà di vendere"); the last builds published on a day ("the last builds were published on Feb 11th,
2018"), as the last update released on it; a heading that gives the product's end of life in a month
("OpenWrt 22.03 EOL in April 2024")."""

from __future__ import annotations

import datetime as dt

from tests.evidence.web.snippets import ends

D = dt.date


def test_italian_stops_doing() -> None:
    glow = "Amazon smetterà di supportare il suo dispositivo di videochiamata per bambini Glow il 31 dicembre 2022."
    assert ends(glow, "Glow") == [D(2022, 12, 31)]
    assert ends("I dispositivi Glow smetteranno di funzionare il 31 marzo 2024.", "Glow") == [D(2024, 3, 31)]
    # an end of sale, in Italian or Spanish, is not an end of support
    assert ends("Amazon smetterà di vendere Glow il 31 dicembre 2022.", "Glow") == []
    assert ends("Amazon dejará de vender Glow el 31 de diciembre de 2022.", "Glow") == []


def test_the_last_builds_published_on_a_day() -> None:
    lineage = (
        "## Goodbye LineageOS 13.0\n"
        "The Marshmallow-based release has been discontinued and the last builds were published on Feb 11th, 2018."
    )
    assert ends(lineage, "LineageOS 13.0", "text/markdown") == [D(2018, 2, 11)]
    assert ends("The final build of LineageOS 13.0 was released on February 11, 2018.", "LineageOS 13.0") == [
        D(2018, 2, 11)
    ]
    # a build that is not the last one dates nothing
    assert ends("A new build of LineageOS 13.0 was released on February 11, 2018.", "LineageOS 13.0") == []


def test_a_heading_with_an_end_of_life_in_a_month() -> None:
    issue = "# OpenWrt 22.03 EOL in April 2024\n\nChilledheart · description · 2024-06-07\nhttps://openwrt.org/releases/"
    assert ends(issue, "OpenWrt 22.03", "text/markdown") == [D(2024, 4, 30)]
    # the heading of another release says nothing of this one
    assert ends("# OpenWrt 21.02 EOL in April 2024\n\nSee the notes.", "OpenWrt 22.03", "text/markdown") == []
