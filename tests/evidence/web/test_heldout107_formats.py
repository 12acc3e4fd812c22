"""Formats met on held-out sets 107-110: JSON documents read as rows (a graveyard list's entries,
endoflife.date's API), an end date moved to a new day, a value set to a date, a product's own
sentence that stops it with no date, a range of days written with a tilde."""

from __future__ import annotations

import datetime as dt

from psti.evidence.web.jsonrows import json_rows
from psti.evidence.web.pagetext import page_text
from psti.evidence.web.support_period import analyse_support_page
from tests.evidence.web.snippets import ends, policy

D = dt.date


def test_json_objects_are_rows() -> None:
    entry = (
        '  {\n    "dateClose": "2022-06-21",\n    "dateOpen": "2019-11-04",\n'
        '    "name": "Acme Drive for phone screens",\n    "type": "app"\n  },'
    )
    assert (
        json_rows(entry)
        == "date close: 2022-06-21 | date open: 2019-11-04 | name: Acme Drive for phone screens | type: app"
    )
    assert ends(entry, "Acme Drive for phone screens") == [D(2022, 6, 21)]
    api = (
        '[{"cycle": "12", "releaseDate": "2023-06-10", "eol": "2026-06-10"}, '
        '{"cycle": "11", "releaseDate": "2021-08-14", "eol": "2024-08-14"}]'
    )
    page = page_text(api.encode(), "application/json")
    assert analyse_support_page(page, ("AcmeOS 12",)).end_dates() == [D(2026, 6, 10)]
    # not JSON: read as text
    assert json_rows("{ this is not json }") is None
    assert json_rows("[1, 2, 3]") is None


def test_an_end_date_moved_to_a_new_day() -> None:
    text = "Acme said the final discontinuation date has been moved from February 18 to May 6, 2026."
    assert ends(text, "Acme Speaker") == [D(2026, 5, 6)]
    assert ends("The meeting has been moved from February 18 to May 6, 2026.", "Acme Speaker") == []


def test_a_value_set_to_a_date_is_no_end() -> None:
    text = (
        "All of a sudden the Acme Bolt units reset their internal clocks to January 1st, 2006, and couldn't be fixed."
    )
    assert ends(text, "Acme Bolt") == []


def test_the_products_own_sentence_stopping_it_without_a_date() -> None:
    text = (
        "Acme has confirmed that all third-party skills will stop working on September 7, 2020.\n\n"
        "The assistant will also stop working on the Other Speaker One, the only speaker to support it.\n\n"
        "A firmware update will be released in early 2021."
    )
    assert ends(text, "Other Speaker One") == []
    # a date given for it later still counts
    dated = "The Acme Hub will stop receiving updates. This will happen on 30 June 2025."
    assert ends(dated, "Acme Hub") == [D(2025, 6, 30)]


def test_a_range_of_days_written_with_a_tilde() -> None:
    a = policy("Send reports to psirt@example-chip.com. We will acknowledge receipt within 2~3 working days.")
    assert a.ack_when is not None and a.ack_when.timescale == "within 2~3 working days"


def test_a_year_less_month_takes_its_sentences_own_year() -> None:
    text = (
        "The Other Phone 5a will last longer until August 2024.\n\n"
        "2023 is the last year the older Acme Phone 4a will be updated, as planned support ends in August."
    )
    assert ends(text, "Acme Phone 4a") == [D(2023, 8, 31)]
    # a model's year is not the month's
    model = "On top of the 2010 Acme Play, Acme will cease updates in May for the Acme Connect.\n\nUntil May 2015."
    assert D(2010, 5, 31) not in ends(model, "Acme Connect")


def test_receiving_the_final_update_in_a_year() -> None:
    assert ends("The Acme Note 20 will receive its final update in 2024.", "Acme Note 20") == [D(2024, 12, 31)]
    assert ends("The Acme Note 20 will receive its final OS update in 2024.", "Acme Note 20") == []


def test_an_api_that_is_the_product_ends_when_it_shuts_down() -> None:
    text = "Acme Call API version 2.5 is shutting down in June 2024."
    assert ends(text, "Acme Call API version 2.5") == [D(2024, 6, 30)]
    # for a plugin that uses the API, the API's deprecation is not its end
    assert ends("Tado deprecated the authentication API this plugin uses in March 2025.", "Acme plugin") == []


def test_struck_out_text_is_no_longer_said() -> None:
    text = "For existing users, the Acme API will continue to function until the end of ~~2021~~ 2022."
    assert ends(text, "Acme API", "text/markdown") == [D(2022, 12, 31)]
    html = "<p>The Acme API will continue to function until the end of <del>2021</del> 2022.</p>"
    assert ends(html, "Acme API", "text/html") == [D(2022, 12, 31)]


def test_a_dated_update_replaces_the_notice_above_it() -> None:
    text = (
        "Acme is shutting down. For existing users, the Acme API will continue to function until the end of 2022.\n\n"
        "**Update** June 6, 2022: Support for the Acme API service for existing customers will continue until "
        "March 31st, 2023.\n"
    )
    assert ends(text, "Acme API", "text/markdown") == [D(2023, 3, 31)]


def test_a_web_service_named_by_its_host_and_the_page_product_retiring() -> None:
    text = "---\ndate: 2025-01-20\ntitle: Release notes\n---\n\ntokens.acme.io will be discontinued in February.\n"
    assert ends(text, "tokens.acme.io", "text/markdown") == [D(2025, 2, 28)]
    note = "The product will retire on 1st April 2021, please find UV data in the Other API."
    assert ends(note, "Acme UV Index API") == [D(2021, 4, 1)]
    # a person retiring is no product's end
    assert ends("Our founder will retire on 1st April 2021.", "Acme UV Index API") == []


def test_a_product_that_already_received_its_last_updates_has_no_other_date() -> None:
    text = (
        "The Acme Phone 10+ is still popular. But its life ended in April 2023. "
        "The first foldable Acme Fold has also already received its last security updates."
    )
    assert ends(text, "Acme Fold") == []


def test_an_unclosed_strike_hides_no_more_than_its_block() -> None:
    page = page_text(b"<p>an <s>unclosed strike</p><p>Security updates until 2030.</p>", "text/html")
    assert "Security updates until 2030." in page.text
    assert "unclosed" not in page.text
