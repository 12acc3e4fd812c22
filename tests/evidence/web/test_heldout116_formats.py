"""Formats met on held-out sets 116-132: a JSON document cut off before its end (an API reply over a
size limit, a quoted excerpt), a model named with its year in brackets or "from" a year, a table
stored with its cells run together by spaces, and support labelled with its span and end."""

from __future__ import annotations

import datetime as dt

from psti.evidence.web.jsonrows import json_rows
from psti.evidence.web.pagetext import page_text
from psti.evidence.web.support_period import analyse_support_page
from tests.evidence.web.snippets import ends, policy

D = dt.date


def test_a_json_document_cut_short_keeps_its_whole_values() -> None:
    cut = (
        '{"result":{"name":"kindle","releases":[{"name":"scribe-3","label":"Acme Scribe 3","eolFrom":"2030-12-31"},'
        '{"name":"scribe-2024","label":"Acme Scribe 2024","eolFrom":"2029-12-31","latest":{"name":"5.19"},'
        '"isMaintained":true,...'
    )
    rows = json_rows(cut)
    assert rows is not None and "label: Acme Scribe 2024 | eol from: 2029-12-31" in rows
    page = analyse_support_page(page_text(cut.encode(), "application/json"), ("Acme Scribe 2024",))
    assert page.end_dates() == [D(2029, 12, 31)]
    # a short value cut inside its string is left out: "2030-1" could read as another date
    rows = json_rows('[{"name":"a","eol":"2030-12-31"},{"name":"b","eol":"2030-1')
    assert rows == "name: a | eol: 2030-12-31\nname: b"
    # broken before its end: no JSON
    assert json_rows('{"a": x, "b": {"c": 1}, "d"') is None
    assert json_rows('{"a": 1, "b": [1,2}, "c": 3}') is None


def test_a_long_text_in_json_is_read_whole() -> None:
    body = "Please report security issues to security@acme.io. " + "Our scope covers the Acme app. " * 12
    doc = '[{"id": 7, "policy": "' + body + "We read every report"  # cut inside the text
    a = policy(doc, media="application/json")
    assert a.contacts == ["mailto:security@acme.io"]


def test_a_year_that_names_the_model() -> None:
    bracket = "Acme Reader Keyboard (3rd Gen, 2010) – No longer receives updates."
    assert ends(bracket, "Acme Reader Keyboard") == []
    from_year = (
        "Acme is ending software support for its first and second-generation Acme Thermostats, released in 2011 "
        "and 2012 respectively, and the European model from 2014."
    )
    assert ends(from_year, "Acme Thermostats") == []
    # the brackets' words are the model's, an end after them is still read
    dated = "Acme Cam (2nd generation, 2017) - no longer receives updates since March 2024."
    assert ends(dated, "Acme Cam") == [D(2024, 3, 1)]


def test_a_table_stored_with_its_cells_run_together_by_spaces() -> None:
    rows = (
        "Model Release Date End of Support Date\n"
        "Acme Cam 1 June 20, 2014 November 13, 2021\n"
        "Acme Cam 2 May 5, 2015 November 13, 2022\n"
    )
    assert ends(rows, "Acme Cam 2") == [D(2022, 11, 13)]
    one_line = (
        "Long term support releases come with security updates.\n\nLibrary Version LTS Until LTS Repo URL\n\n"
        "Acme Kernel 11.3.0 04/30/2028 https://example.com/kernel Acme-TCP 4.4.1 04/30/2029 https://example.com/tcp"
    )
    assert ends(one_line, "Acme Kernel 11.3.0") == [D(2028, 4, 30)]
    assert ends(one_line, "Acme-TCP 4.4.1") == [D(2029, 4, 30)]
    # a heading over one dated line is no table
    assert ends("End Of Life Notices\nLast updated on January 9, 2024\n", "Acme Reader") == []


def test_support_labelled_with_its_span_and_end() -> None:
    table = "System Element Status\nTechnical support 10 years (until 2034)\nFeature updates Not available"
    assert ends(table, "Acme OS") == [D(2034, 12, 31)]
    assert ends("Technical support: until 2034", "Acme OS") == [D(2034, 12, 31)]


def test_the_stopped_thing_denied_updates_in_the_next_sentence() -> None:
    text = "The Acme SDK was deprecated on July 1st 2019. So it won't get any updates anymore."
    assert ends(text, "Acme SDK") == [D(2019, 7, 1)]
    assert ends("The Acme Cam was discontinued on July 1st 2019. It won't get any updates anymore.", "Acme Cam") == [
        D(2019, 7, 1)
    ]
    # a launch is no stop, and updates that go on end nothing
    assert ends("The Acme Cam was launched on July 1st 2019. It won't get any updates anymore.", "Acme Cam") == []
    assert ends("Acme stopped selling the Acme Cam on July 1st 2019. It will still receive updates.", "Acme Cam") == []


def test_final_updates_said_in_other_ways() -> None:
    rolling = "The final update for the Acme Phone will be rolling out to users by July 2022."
    assert ends(rolling, "Acme Phone") == [D(2022, 7, 31)]
    joined = "The Acme Phone should go up to Acme OS 16 and receive its final patch in 2027."
    assert ends(joined, "Acme Phone") == [D(2027, 12, 31)]
    listed = (
        "The range includes the Acme Cam 2 and Acme Cam 3, all of which will receive their final patch on "
        "October 5, 2027."
    )
    assert ends(listed, "Acme Cam 2") == [D(2027, 10, 5)]


def test_devices_picked_by_their_release_date_is_no_start() -> None:
    text = "Acme is offering six years' worth of firmware updates for devices released after January 1, 2021."
    assert ends(text, "Acme Cam 3") == []
    assert ends("Acme offers five years of security updates from 1 March 2024.", "Acme Phone") == [D(2029, 3, 1)]


def test_no_longer_usable_and_an_expected_end() -> None:
    text = "As of April 1, 2024, You can no longer use the Acme.Networking APIs."
    assert ends(text, "Acme.Networking") == [D(2024, 4, 1)]
    assert ends("From 1 May 2024 you can no longer buy the Acme Hub.", "Acme Hub") == []
    expected = "In 2025, we expect Acme to no longer support the Acme SDK which will impact your monetization."
    assert ends(expected, "Acme SDK") == [D(2025, 12, 31)]
    # the date of an announcement is not the date of what it announces
    assert ends("In 2023, we announced that Acme will no longer support the Acme SDK.", "Acme SDK") == []


def test_two_products_named_together_are_each_named() -> None:
    text = "Owners will discover that their Acme Assist buttons no longer work after December 31, 2016."
    assert ends(text, "Acme Assist and Acme Drive (2G-based)") == [D(2016, 12, 31)]


def test_the_release_of_an_update_that_drops_support() -> None:
    text = (
        "Best answer by Ryan S 2 February 2018, 19:08\n\n"
        "Hi everyone. In early April, we will release a software upgrade that will no longer support the aging "
        "Acme Remote."
    )
    assert ends(text, "Acme Remote") == [D(2018, 4, 30)]
    dropping = "In April 2018, we will release a software update that drops support for the Acme Remote."
    assert ends(dropping, "Acme Remote") == [D(2018, 4, 30)]
    # an update that adds support ends nothing
    assert (
        ends("In April 2018, we will release a software update that adds support for the Acme Remote.", "Acme Remote")
        == []
    )


def test_a_half_year_in_a_period() -> None:
    assert ends("The Acme Tab gets security updates for 4.5 years from 1 March 2024.", "Acme Tab") == [D(2028, 9, 1)]
    assert ends("The Acme Tab gets security updates for 2,5 years from 1 March 2024.", "Acme Tab") == [D(2026, 9, 1)]
    assert ends("The Acme Tab gets security updates for 5 years from 1 March 2024.", "Acme Tab") == [D(2029, 3, 1)]


def test_end_dates_pushed_in_brackets_and_the_end_after_the_product() -> None:
    text = (
        "While new Chromebooks launched in 2020 have tended to launch with 6-8 years of updates — even "
        "budget-minded Chromebooks like the Acme Duet have AUE dates of June 2028 — models unveiled two years ago "
        "like the Acme Chromebook C330 launched with AUE dates of 2022 (dates that have since been pushed to June "
        "2025)."
    )
    assert ends(text, "Acme Chromebook C330") == [D(2025, 6, 30)]
    # release dates pushed are no end
    pushed = (
        "The Acme Chromebook C330 shipped with release dates of 2022 (dates that have since been pushed to June 2025)."
    )
    assert ends(pushed, "Acme Chromebook C330") == []


def test_ends_told_in_release_notes() -> None:
    notes = (
        "23.1.11 (June 28, 2023)\n\n"
        "So this is the end of life release for the 23.1 series which includes the recent FreeBSD advisories."
    )
    assert ends(notes, "23.1 series") == [D(2023, 6, 28)]
    here = "19.7.10 (January 27, 2020)\n\nAs a quick relief here is the End-Of-Life release of the 19.7 series."
    assert ends(here, "19.7 series") == [D(2020, 1, 27)]
    builds = "Acme OS 16.0 builds stopped on February 15th, 2021, to allow space on our infrastructure."
    assert ends(builds, "Acme OS 16.0") == [D(2021, 2, 15)]
    after = "Open issues will be closed till end of 2024. Afterwards no more support for acmelib is available."
    assert ends(after, "acmelib") == [D(2024, 12, 31)]


def test_a_service_switched_off_after_its_support_ended() -> None:
    text = (
        "Important: On September 30, 2026, support for the legacy Acme Web API ended. On November 2, 2026, the "
        "legacy Acme Web API will be turned off and will no longer function or sync data."
    )
    assert ends(text, "legacy Acme Web API") == [D(2026, 9, 30)]
    # switched off with no end of support stated: the day it stops working is the end
    alone = "On November 2, 2026, the legacy Acme Web API will be turned off and will no longer function."
    assert ends(alone, "legacy Acme Web API") == [D(2026, 11, 2)]


def test_ends_in_changelogs() -> None:
    entry = "20191218: The display config section no longer supports the Acme LCD. Use the other type instead."
    assert ends(entry, "Acme LCD") == [D(2019, 12, 18)]
    assert ends("June 1, 2023: Dropped support for the Acme LCD.", "Acme LCD") == [D(2023, 6, 1)]
    # eight digits that lead no entry are a number
    assert ends("Order 20191218 shipped; the Acme LCD is no longer supported.", "Acme LCD") == []
    removed = (
        "v7.8\n(2021-11-13)\n\nRemoved SBC support:\n"
        "Acme Board N1 | There is not a single reported system, not worth to keep maintaining an image.\n"
    )
    assert ends(removed, "Acme Board N1") == [D(2021, 11, 13)]
    builds = (
        "## [2.1.0](https://example.com/releases/tag/2.1.0) - 2025-06-12\n\n### Removed\n\n"
        "- Removed builds for following operating system versions, as they are End-of-Life\n"
        "    - Acme Linux 10\n    - Acme Linux 11\n"
    )
    assert ends(builds, "Acme Linux 10") == [D(2025, 6, 12)]
    # a release's notes that add support end nothing
    added = "v7.8\n(2021-11-13)\n\nAdded SBC support:\nAcme Board N1 | New images are available.\n"
    assert ends(added, "Acme Board N1") == []


def test_a_turndown_that_is_occurring() -> None:
    text = "Acme is shutting down the cloud service for the Acme Hub. The turndown is occurring on June 13, 2023."
    assert ends(text, "Acme Hub") == [D(2023, 6, 13)]
    # the sentence before sunsets the product without calling it a service
    sunset = (
        "Acme is sunsetting Acme Actions, which allow you to build voice apps. To give you time to plan, "
        "the turndown is occurring on June 13, 2023."
    )
    assert ends(sunset, "Acme Actions") == [D(2023, 6, 13)]
    assert ends("The turndown of Acme Actions is occurring on June 13, 2023.", "Acme Actions") == [D(2023, 6, 13)]
    # a pronoun after a sentence that stops no service is no stop
    assert ends("Acme is moving offices. This will happen on June 13, 2023.", "Acme Hub") == []
    assert ends("Our chair is retiring. The retirement will take place on June 13, 2023.", "Acme Hub") == []
    # nor a stop noun with no stop said before it and nothing named
    assert ends("Acme Actions are popular. The end is happening on June 13, 2023.", "Acme Actions") == []


def test_support_dropped_in_a_release_s_notes() -> None:
    news = (
        "## Acme Core service removed ## May 20, 2021\n"
        "The Acme Core service has now been removed from Acmebian, and will no longer receive active support.\n"
    )
    assert ends(news, "Acme Core service", media="text/markdown") == [D(2021, 5, 20)]
    body = (
        "## 64 bit OS support only ## Aug 1, 2025\n\n"
        "With Acme 5, we are sorry but we have to drop support for 32 bit systems.\n"
    )
    assert ends(body, "32 bit systems", media="text/markdown") == [D(2025, 8, 1)]
    labelled = "Version 2024.1 (January 1th 2024)\n- Removed: Acme ZWave (move to the MQTT bridge)\n"
    assert ends(labelled, "Acme ZWave") == [D(2024, 1, 1)]
    linked = (
        "## [2.0.0](https://example.com/compare/1.42.0...2.0.0) (2025-01-03)\n\n"
        "* Docker: update Alpine to 3.21, drop x86 support\n"
    )
    assert ends(linked, "x86 support", media="text/markdown") == [D(2025, 1, 3)]
    # a deprecation that keeps working, and support added, end nothing
    kept = (
        "### January 22th 2022\n- The `color_order` option has been deprecated. The setting will simply be ignored.\n"
    )
    assert ends(kept, "color_order option", media="text/markdown") == []
    added = "Version 2024.1 (January 1th 2024)\n- Added: support for the Acme ZWave stick\n"
    assert ends(added, "Acme ZWave") == []


def test_an_applet_discontinued_and_an_end_announced() -> None:
    applet = "The Acme WeChat applet will be discontinued on December 31, 2024."
    assert ends(applet, "Acme WeChat applet") == [D(2024, 12, 31)]
    announced = (
        "Acme announced the [Product End of Life](https://example.com/eol.pdf) in January 2020 for Acme Hub, so "
        "using the Acme Hub 2 is highly recommended."
    )
    assert ends(announced, "Acme Hub", media="text/markdown") == []
    # the end announced for a date is still that date
    assert ends("Acme announced that the Acme Hub will reach end of life in January 2020.", "Acme Hub") == [
        D(2020, 1, 31)
    ]
