"""End dates read from the dependency tree: each date is judged by the word it attaches to
and the predicate above it, not by a list of phrases. The snippets have the formats the
fourth held-out set of real pages showed (bench/data/web-realworld.json, "held-out-4"):
news quotations of manufacturers' announcements, a PSTI statement's table, a spec table,
lifecycle policies that state no end date. Variants use other words for the same
structure, so a test passes only for the general rule."""

from __future__ import annotations

import datetime as dt

import pytest

from psti.evidence.web import language
from psti.evidence.web.pagetext import page_text
from psti.evidence.web.policy import analyse_policy
from psti.evidence.web.statement_dates import dates_in
from psti.evidence.web.support_tree import read_dates
from tests.evidence.web.snippets import ends

D = dt.date


def roles(sentence: str) -> list[tuple[dt.date, bool, str]]:
    doc = language.parse([sentence])[0]
    found = dates_in(sentence)
    read = read_dates(doc, [(m.start(), m.end()) for m, _d, _p in found])
    return [(d, r.is_end, r.words) for (_m, d, _p), r in zip(found, read, strict=True)]


@pytest.mark.parametrize(
    ("sentence", "end"),
    [
        # a span up to the date, whatever the verb
        ("This ensures that operating system and security upgrades will continue until 2031.", D(2031, 12, 31)),
        ("Both devices are supported until 2030 by the maker.", D(2030, 12, 31)),
        ("Owners can count on security patches through March 2029.", D(2029, 3, 31)),
        # a stop that takes effect at the date, whatever the stopping word
        ("Support for the original camera is sunsetting on February 1st, 2022.", D(2022, 2, 1)),
        ("Security patch support for the hub will wind down and end in June 2027.", D(2027, 6, 30)),
        ("As of February 18, 2026, the company will no longer support these speakers.", D(2026, 2, 18)),
        ("Come May 2020, the older players will no longer receive software updates.", D(2020, 5, 31)),
        ("The company intends to drop all support and software updates as of May 2020.", D(2020, 5, 31)),
    ],
)
def test_the_end_is_read_from_what_the_date_attaches_to(sentence: str, end: dt.date) -> None:
    marked = [(d, why) for d, is_end, why in roles(sentence) if is_end]
    assert [d for d, _why in marked] == [end], roles(sentence)
    assert marked[0][1]  # the deciding words are named


@pytest.mark.parametrize(
    "sentence",
    [
        "Bose SoundTouch systems were introduced to the market in 2013.",  # an event
        "The camera, which was launched back in 2015, is still being maintained.",
        "The support page (which was last updated on April 27, 2023) lists the devices.",
        "Assuming the last version arrives before October 2030, the phones get Android 21.",  # before
        "The original stick wasn't replaced by its successor until October 2016.",  # not about updates
        "Back in February of 2019, the company stopped working on the underlying platform.",  # another stop
    ],
)
def test_dates_that_end_nothing(sentence: str) -> None:
    assert not any(is_end for _d, is_end, _why in roles(sentence)), roles(sentence)


def test_the_product_is_followed_across_sentences_and_dropped_at_another_model() -> None:
    text = (
        "Google revealed that it will support the Pixel 8 and Pixel 8 Pro with seven years of updates. "
        "In other words: both devices are supported until 2030 by Google.\n"
        "The Pixel 7 devices, for instance, receive full operating system updates until October 2025 only. "
        "Google is switching to security updates until October 2027 then for these devices.\n"
    )
    assert ends(text, "Pixel 8") == [D(2030, 12, 31)]
    assert ends(text, "Pixel 7") == [D(2027, 10, 31)]


def test_each_date_of_a_sentence_has_its_own_product() -> None:
    text = (
        "Adding 4 years to those dates puts guaranteed security updates stopping in 2019 for the "
        "1st-gen Fire TV and stopping in 2020 for the 1st-gen Fire TV Stick under this new policy."
    )
    assert ends(text, "1st-gen Fire TV Stick") == [D(2020, 12, 31)]
    echo = (
        "Support for the Echo Dot 3rd Gen will also end in 2025, with support of the 4th Generation "
        "models coming to an end in 2026. The expiration for newer devices, like the Echo Show 5, "
        "will come to an end a bit later, in 2027."
    )
    assert ends(echo, "Echo Dot 3rd Gen") == [D(2025, 12, 31)]
    assert ends(echo, "Echo Show 5") == [D(2027, 12, 31)]


def test_a_coarse_end_and_a_finer_one_in_a_spec_table_are_one_end() -> None:
    html = (
        "<h1>Acme Phone 3 Software Update Policy</h1><p>The device will get security patch support until 2030.</p>"
        "<table><tr><th>PHONES</th><th>DETAILS</th></tr><tr><td>Launch Date</td><td>2023, October 4</td></tr>"
        "<tr><td>End of life date</td><td>October, 2030</td></tr></table>"
    )
    assert ends(html, "Acme Phone 3", "text/html") == [D(2030, 10, 31)]


def test_a_decision_that_takes_effect_ends_what_the_sentence_before_discontinued() -> None:
    text = (
        "A maker has announced the discontinuation of support for a range of its older smart plugs. "
        "This decision, which will take effect on January 31, 2026, has left many users questioning the future."
    )
    assert ends(text) == [D(2026, 1, 31)]
    # without a stop before it, taking effect ends nothing
    assert ends("A maker announced a new app. The change, which will take effect on January 31, 2026, is free.") == []


def test_that_date_refers_to_the_date_before() -> None:
    text = (
        "The maker announced in October 2025 that all speakers would become dumb speakers on Feb. 18, 2026. "
        "Once that date hits, the speakers will stop receiving updates."
    )
    assert ends(text, "speakers") == [D(2026, 2, 18)]


@pytest.mark.parametrize(
    "text",
    [
        "Acme promises seven years of security updates for the Phone 9 series.",
        "We issue critical bug fixes and patches for at least five years after launch.",
        "As a general rule, support for hardware products is a minimum of 5 years after the End of Sales notification.",
        "Effective: October 26, 2021\nOnce obsolete, the Product will no longer be maintained or supported.",
        " date 2024-08-27 Our TV sets will soon get seven years of updates.",
    ],
)
def test_pages_that_state_no_end_date(text: str) -> None:
    assert ends(text) == []


def test_time_inside_the_until_phrase_times_the_status_updates() -> None:
    s = (
        "You will receive acknowledgement of a reported security issue within 5 business days and status updates "
        "will be provided until the resolution of a reported security issue within 30 business days."
    )
    a = analyse_policy(page_text(s.encode(), "text/plain"))
    assert a.ack_when is not None and a.ack_when.timescale == "within 5 business days"
    assert a.status_when is not None and a.status_when.timescale == "within 30 business days"
    # a time to resolve, with no status updates bounded by it, is still a fix time
    b = analyse_policy(page_text(b"We aim to resolve every issue within 30 business days.", "text/plain"))
    assert b.status_when is None


def test_markdown_emphasis_and_an_aside_inside_a_timescale() -> None:
    md = "You _should_ receive an initial response with in **48** _(or so)_ hours typically.\n"
    a = analyse_policy(page_text(md.encode(), "text/markdown"))
    assert a.ack_when is not None and a.ack_when.timescale == "with in 48 (or so) hours"
    # snake_case names keep their underscores
    assert "max_retry_count" in page_text(b"Set max_retry_count to 3.\n", "text/markdown").text


def test_a_huge_page_is_parsed_up_to_a_budget_and_read_by_patterns_after_it() -> None:
    filler = "The office opened its doors to visitors on 1 May 2020 after the works. " * 900
    text = filler + "\nSecurity updates for the Acme Cam 2 are provided until 31 December 2029.\n"
    assert ends(text, "Acme Cam 2") == [D(2029, 12, 31)]


def test_a_date_whose_relative_clause_ends_use_is_the_end() -> None:
    assert ends("The app will be discontinued on October 14, 2020, after which you can no longer use it.") == [
        dt.date(2020, 10, 14)
    ]
    text = "The Acme app will be retired on 1 May 2025, at which point you will be unable to use or access it."
    assert ends(text) == [dt.date(2025, 5, 1)]
    # the clause keeps use going, or the date is not a stop: no end
    assert ends("The shop will be closed on 1 May 2025, at which point you can still use the app.") == []
    assert ends("The app was updated on 1 May 2025, after which you were unable to use the old widget.") == []


def test_a_subordinate_clause_belongs_to_the_model_of_its_main_clause() -> None:
    text = (
        "The Nexus 7 (2013) was dropped by Google this month after the guarantee ended in August 2016, "
        "so we do not expect Nexus 5 support to continue much longer."
    )
    assert ends(text, "Nexus 5") == []
    assert ends(text, "Nexus 7 (2013)") == [dt.date(2016, 8, 31)]
    # a subordinate clause under the product's own sentence is the product's
    own = "The Nexus 5 was dropped by Google this month after the guarantee ended in August 2016."
    assert ends(own, "Nexus 5") == [dt.date(2016, 8, 31)]
