"""Formats met on held-out sets 95-98: an end in brackets after what it ends, a dated fragment
after a semicolon, a notification to a public body that is no status update to the reporter."""

from __future__ import annotations

import datetime as dt

from tests.evidence.web.snippets import ends, policy

D = dt.date


def test_an_end_in_brackets_after_what_it_ends() -> None:
    before = "Acme has published a table of the new end of servicing dates for its devices."
    text = (
        before + " The list runs from the Acme Tab 1 (ending on January 15, 2024)"
        " to the Acme Tab 4 (ending on October 3, 2029)."
    )
    assert ends(text, "Acme Tab 1") == [D(2024, 1, 15)]
    assert ends(text, "Acme Tab 4") == [D(2029, 10, 3)]
    # brackets that only date something else say nothing of the end
    assert ends("The list runs from the Acme Tab 1 (launched on January 15, 2020) onwards.", "Acme Tab 1") == []


def test_a_dated_fragment_after_a_semicolon_belongs_to_its_clause() -> None:
    text = "We can confirm that it will also receive 3 years of quarterly security updates; from 2024 until 2026."
    assert ends(text, "Acme Watch 2") == [D(2026, 12, 31)]
    # a clause of its own after the semicolon stays its own
    other = "The Acme Watch 2 gets security updates; the promotion runs from 2024 until 2026."
    assert ends(other, "Acme Watch 2") == []


def test_notifying_a_public_body_is_no_status_update() -> None:
    text = (
        "Acknowledge receipt of your report within 3 working days. Keep you informed of material progress. "
        "Notify ENISA and designated CSIRTs on the CRA cadence (24 h / 72 h / 14 d) when a vulnerability is exploited."
    )
    a = policy(text)
    assert a.ack_when is not None and a.ack_when.timescale == "within 3 working days"
    assert a.status_when is None
    assert policy("We will notify the reporter every 14 days until the issue is fixed.").status_when is not None


def test_a_reply_that_recurs_is_a_status_update() -> None:
    a = policy("You'll hear from us with an update every 10 working days until the issue is resolved.")
    assert a.status_when is not None and a.status_when.timescale == "every 10 working days"
    assert policy("You'll hear from us within 5 working days.").status_when is None


def test_a_telephone_line_reached_on_a_number() -> None:
    assert policy("If you find a security issue, you can reach our security team on +44 20 7946 0000.").contacts == [
        "tel:+442079460000"
    ]
    assert policy("You can reach our sales team on +44 20 7946 0000.").contacts == []


def test_a_month_joined_to_a_dated_one_shares_its_year() -> None:
    text = "Edit: Acme 6.1 Plus and 7.1 will stop receiving patches in August and November 2021 respectively."
    assert ends(text, "Acme 6.1 Plus") == [D(2021, 8, 31)]
    assert ends(text, "Acme 7.1") == [D(2021, 11, 30)]
    # a range's first month is no end of its own
    assert ends("Acme Hub 2 gets security updates from August to November 2021.", "Acme Hub 2") == [D(2021, 11, 30)]


def test_a_list_under_an_end_with_dashed_items() -> None:
    text = (
        "In April 2021 the following phones will no longer receive security patches:\n"
        "– Acme 1\n– Acme 6.1\n– Acme 7 Plus\n"
    )
    assert ends(text, "Acme 7 Plus") == [D(2021, 4, 30)]


def test_a_life_that_ended() -> None:
    text = "The Acme Phone 10+ still holds the crown as the most popular phone. But its life ended in April 2023."
    assert ends(text, "Acme Phone 10+") == [D(2023, 4, 30)]
    # a year's possessive is no date
    assert (
        ends("Many phones, including most variants of 2019’s flagship Acme Phone 10, no longer receive updates.") == []
    )


def test_lasting_until_a_date_beside_a_stop() -> None:
    text = "The Acme Phone 5 retires on October 2023, while Acme Phone 5a will last longer until August 2024."
    assert ends(text, "Acme Phone 5a") == [D(2024, 8, 31)]
    assert ends("The battery will last until August 2024 on a single charge.", "Acme Phone 5a") == []


def test_list_items_led_by_other_models() -> None:
    text = (
        "Key models include:\n"
        "- Acme Tab 4 (launched March 2021): security support ending in 2025.\n"
        "- Other Phone 9 series (launched 2022): security support continues until 2026.\n"
    )
    assert ends(text, "Acme Tab 4") == [D(2025, 12, 31)]
    # brackets that only date the model are no end
    assert ends("Models:\n- Acme Nord 2 (2021): Similar timeline to the Acme 9 series.\n", "Acme Nord 2") == []


def test_models_listed_under_the_date_they_end() -> None:
    text = (
        "Other Chromebooks have reached their Auto-Update Expiration on June 1, 2023, and August 1, 2023. "
        "Here is the full list:\n- June 1, 2023:\n- Acme Book 11\n- Acme Book 13\n- August 1, 2023:\n"
        "- Acme Tab 10\n- Acme Book Plus\nNeedless to say, you shouldn't be buying any of these laptops at any price.\n"
    )
    assert ends(text, "Acme Book Plus") == [D(2023, 8, 1)]
    assert ends(text, "Acme Book 13") == [D(2023, 6, 1)]


def test_reaching_an_expiration_date() -> None:
    text = (
        "One such laptop is the Acme Book 2, released in 2018. "
        "On June 1, 2023, it reached its automatic update expiration (AUE) date."
    )
    assert ends(text, "Acme Book 2") == [D(2023, 6, 1)]


def test_a_headline_over_its_dateline_asks_nothing() -> None:
    text = "Thirteen Laptops Reach End of Life Despite Being Listed for Sale\n\nAug 5, 2023\nSellers still list them."
    assert ends(text, "Acme Book 2") == []


def test_a_period_from_launch_and_the_products_launch_row() -> None:
    text = (
        "We are continuing to provide at least three years of software support after the product launch.\n\n"
        "Watch Name | Launch date |\n---|---|\nAcme Watch | August 24, 2018 |\n"
        "Acme Watch Active 2 | September 27, 2019 |\n"
    )
    assert ends(text, "Acme Watch Active 2") == [D(2022, 9, 27)]
    # a launch of another product in a clause of its own dates nothing
    other = (
        "We fix bugs for at least five years after launch. Our current Acme Cam Indoor, which was launched back "
        "in 2015, is still maintained."
    )
    assert ends(other, "Acme") == []
