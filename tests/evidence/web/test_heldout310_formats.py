"""Formats met on held-out sets 310 onwards and on the misses of the sets before them: a support's end set
off after it by a comma, where the parser hangs the time on the sentence's verb ("try a Core 22 image with
up to 10 years of long term support, until April 2032"); a data file's block of dates under its name
("supportDates:" over "  end: …"), read as one row; a row's extended end before its mainstream one
("end: 2019-12-10 | extendedEnd: 2020-01-14"); and an end said in a link's words, the title of another
page, giving way to the page's own."""

from __future__ import annotations

import datetime as dt

from tests.evidence.web.snippets import ends

D = dt.date


def test_an_end_set_off_after_the_support_is_that_supports() -> None:
    text = (
        "Build your Ubuntu Core 22 image or try a Core 22 pre-built image with up to 10 years of long term"
        " support, until April 2032."
    )
    assert ends(text, "Ubuntu Core 22") == [D(2032, 4, 30)]


def test_a_time_after_a_comma_that_follows_no_support_is_not_an_end() -> None:
    assert (
        ends("Build your Acme Hub image or try a pre-built image with our tools, until April 2032.", "Acme Hub") == []
    )


LIFECYCLE_FILE = """\
name: Windows 10 Mobile, veröffentlicht im Oktober 2017
products:
- windows
policyType: fixed
supportDates:
  start: 2017-10-17T00:00:00.000-08:00
  end: 2019-12-10T22:59:59.999-08:00
  extendedEnd: 2020-01-14T22:59:59.999-08:00
releases:
- version: Original Release
  startDate: 2017-10-17T00:00:00.000-08:00
content: "\\n## Links \\n* [Support für Windows 10 Mobile endete am 10. Dezember 2019](/lifecycle/announcements/x)"
"""


def test_a_block_of_dates_under_its_name_is_one_row_and_its_extended_end_wins() -> None:
    text = LIFECYCLE_FILE.replace("  extendedEnd: 2020-01-14T22:59:59.999-08:00\n", "")
    assert ends(text, "Windows 10 Mobile, veröffentlicht im Oktober 2017") == [D(2019, 12, 10)]
    assert ends(LIFECYCLE_FILE, "Windows 10 Mobile, veröffentlicht im Oktober 2017") == [D(2020, 1, 14)]


def test_a_mainstream_end_gives_way_to_the_extended_end_in_a_row() -> None:
    row = (
        "Lync Phone Edition: | Start Date: 2011-01-25 | Mainstream End Date: 2018-04-10 | Extended End Date: 2023-04-11"
    )
    assert ends(row, "Lync Phone Edition") == [D(2023, 4, 11)]


def test_an_end_in_a_links_words_gives_way_to_the_pages_own() -> None:
    release = "name: Windows 10 Mobile\nreleases:\n- version: Original Release\n  endDate: 2018-01-09\n"
    link = 'content: "* [Support for Windows 10 Mobile ended on 10 December 2019](/lifecycle/a)"\n'
    assert ends(release + link, "Windows 10 Mobile") == [D(2018, 1, 9)]
