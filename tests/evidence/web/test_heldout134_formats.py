"""Formats met on held-out sets 134 onwards: headings underlined in plain text and reStructuredText,
and a project history's entries headed by their month."""

from __future__ import annotations

import datetime as dt

from psti.evidence.web.pagetext import page_text
from tests.evidence.web.snippets import ends

D = dt.date


def test_an_underlined_line_is_a_heading() -> None:
    text = "Release history\n===============\n\n2.0 (2019-05-01)\n----------------\nAdded a board.\n"
    assert page_text(text.encode(), "text/plain").headings == ["Release history", "2.0 (2019-05-01)"]
    # a paragraph's last line over a rule is no heading
    rule = "Acme keeps the hub working.\nThe last line of the paragraph\n----------\nMore text.\n"
    assert page_text(rule.encode(), "text/plain").headings == []


def test_a_history_entry_headed_by_its_month_ends_what_it_drops() -> None:
    text = (
        "11/2016 (Acme Mega)\n-------------------\n"
        "Acme Mega was started for modules with at least 1MB of flash.\n"
        "Decided to drop support for the classic modules and went forward with this version.\n"
    )
    assert ends(text, "classic modules") == [D(2016, 11, 30)]
    # a month heading over notes that drop nothing ends nothing
    added = "11/2016 (Acme Mega)\n-------------------\nAdded support for the classic modules.\n"
    assert ends(added, "classic modules") == []
    # a month that does not lead the heading dates no release
    later = "Acme Mega, planned for 11/2016\n------------------------------\nWe drop support for the classic modules.\n"
    assert ends(later, "classic modules") == []
