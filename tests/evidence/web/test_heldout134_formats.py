"""Formats met on held-out sets 134 onwards: headings underlined in plain text and reStructuredText,
and a project history's entries headed by their month."""

from __future__ import annotations

import datetime as dt

from psti.evidence.web.pagetext import page_text, sentences
from psti.evidence.web.product_names import with_short_forms
from tests.evidence.web.snippets import ends, policy

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


def test_a_column_of_support_terminated() -> None:
    table = (
        "| Major Acme OS version | Released | Support terminated |\n|---|---|---|\n"
        "| 5.x.y | 19.10.2020 | 9.4.2022 |\n| 6.x.y | 9.4.2022 | 1.3.2024 |\n"
    )
    assert ends(table, "Acme OS 5.x.y", media="text/markdown") == [D(2022, 4, 9)]


def test_a_status_cell_that_says_until_or_since_when() -> None:
    table = (
        "| Released component | Release month | Support status |\n|---|---|---|\n"
        "| Acme Client 6.0 | 2026-03 | Supported |\n"
        "| Acme Client 5.0 | 2025-01 | Supported until 2026-09 |\n"
        "| Acme 3.7 (incl. Acme Client 4) | 2024-05 | EOL (since 2025-05) |\n"
    )
    assert ends(table, "Acme Client 5.0", media="text/markdown") == [D(2026, 9, 30)]
    # an end that began with a month is that month's first day
    assert ends(table, "Acme 3.7", media="text/markdown") == [D(2025, 5, 1)]
    # a row still supported with no date gives none
    assert ends(table, "Acme Client 6.0", media="text/markdown") == []


def test_abbreviations_that_never_end_a_sentence() -> None:
    assert sentences("Acme 3.7 (incl. Acme Client 4) is EOL. Phones (e.g. Acme 8) get updates.") == [
        "Acme 3.7 (incl. Acme Client 4) is EOL.",
        "Phones (e.g. Acme 8) get updates.",
    ]


def test_a_dated_shutdown_heading_over_the_games_it_ends() -> None:
    text = (
        "Acme Games will shut down servers for more than a dozen games. These shutdowns will go into effect "
        "August 11, 2011. Last year's Acme Racer will be shut down Oct. 1, 2011.\n\n"
        "August 11, 2011 Online Service Shutdown\n\n"
        "- ACME FIGHTERS for PlayStation 3 and Xbox 360\n- ACME FIGHTERS Demo for Xbox 360\n\n"
        "October 1, 2011 Online Service Shutdown\n\n- Acme Racer 10\n"
    )
    assert ends(text, "ACME FIGHTERS for PlayStation 3 and Xbox 360", media="text/markdown") == [D(2011, 8, 11)]
    assert ends(text, "Acme Racer 10", media="text/markdown") == [D(2011, 10, 1)]


def test_a_game_s_online_play_ended() -> None:
    text = "Then, finally, on May 31st, 2022, Acme will end Acme Quest's multiplayer mode on those two platforms."
    assert ends(text, "Acme Quest") == [D(2022, 5, 31)]
    assert ends("Acme will end online play for Acme Quest on May 31st, 2022.", "Acme Quest") == [D(2022, 5, 31)]
    # a mode that is not online play is no service
    assert ends("On May 31st, 2022, Acme will end Acme Quest's easy mode.", "Acme Quest") == []


def test_a_lower_case_name_split_at_its_colon_is_still_a_name() -> None:
    text = "Acme has announced that a:connect will be shut down in favor of Acme Source beginning September 30, 2024."
    assert ends(text, "a:connect") == [D(2024, 9, 30)]
    # a common noun shut down is no product's end
    assert ends("Acme has announced that the plant will be shut down on September 30, 2024.", "a:connect") == []


def test_shutdown_written_for_the_verb() -> None:
    text = "Since Jan 24, 2025, The current Acme APIs have been shutdown without much notice."
    assert ends(text, "Acme APIs") == [D(2025, 1, 24)]
    assert ends("The Acme Cloud will shutdown on March 1, 2026.", "Acme Cloud") == [D(2026, 3, 1)]
    # the noun stays a noun: a shutdown that is only planned for a date ends nothing of the product's
    assert ends("The shutdown of the Leeds office is planned for March 1, 2026.", "Acme Cloud") == []


def test_a_heading_that_dates_its_stop_in_brackets() -> None:
    text = "## Acme / Acmo: classic login disabled (since 2026-06-10)\n\nThe backend now needs an app token.\n"
    assert ends(text, "classic login", media="text/markdown") == [D(2026, 6, 10)]
    # brackets that date a release, after no stop, end nothing
    added = "## Acme / Acmo: classic login added (since 2026-06-10)\n\nThe backend now takes a token.\n"
    assert ends(added, "classic login", media="text/markdown") == []


def test_users_losing_access_from_a_month_named_date() -> None:
    text = (
        "The Acme app on Acme Console will soon shut down. From 6th November new users will no longer be able "
        "to download the app. All users will then lose access from 31st January 2024."
    )
    assert ends(text, "Acme app on Acme Console") == [D(2024, 1, 31)]
    # a named thing that is another's still keeps the end from the product
    other = "Acme will end support for the Widget Hub on 31st January 2024."
    assert ends(other, "Acme app on Acme Console") == []


def test_the_product_shut_down_by_its_own_name() -> None:
    assert ends("Acme is shutting down Acmestream in February 2023.", "AcmeStream") == [D(2023, 2, 28)]
    # the maker's name shut down is not the end of one of its products
    assert ends("Vorwerk shut down Acme in 2023.", "Acme Botvac") == []


def test_out_of_support_in_brackets() -> None:
    text = "**Acmestone (out of support April 2026)**:\n* The acmestone branch will not receive further updates.\n"
    assert ends(text, "Acmestone", media="text/markdown") == [D(2026, 4, 30)]


def test_no_longer_available_to_download_is_an_end_of_sale() -> None:
    text = (
        "As for the Acme app, it will no longer be supported after April 20, 2015. Likewise, the Acme app will "
        "no longer be available to download from the Acme Store effective January 28, 2015"
    )
    assert ends(text, "Acme app") == [D(2015, 4, 20)]
    # no longer available at all is still an end
    gone = (
        "The Acme app will no longer be supported. The Acme app will no longer be available effective January 28, 2015"
    )
    assert ends(gone, "Acme app") == [D(2015, 1, 28)]


def test_an_end_set_anew_to_a_date() -> None:
    text = (
        'Update:\n\n* Acme X21 product page reads "With 4 years of monthly security updates"; '
        "thus EoL updated to 2027-05-24\n"
    )
    assert ends(text, "Acme X21", media="text/markdown") == [D(2027, 5, 24)]
    # a product updated to a version at a date is no end
    assert ends("Acme updated the Acme X21 to version 2 on March 3, 2027.", "Acme X21") == []


def test_disabled_with_an_update_planned_for_a_month() -> None:
    text = (
        '"All features of the [Maps] application will be disabled with the Acme Vita system software update '
        'planned on March, 2015," Acme said. As for Tube, it will no longer be supported after April 20, 2015.'
    )
    assert ends(text, "[Maps] application on Acme Vita") == [D(2015, 3, 31)]
    # the app disabled is another's: the other app's own sentence gives its end
    assert ends(text, "Tube app on Acme Vita") == [D(2015, 4, 20)]


def test_a_quoted_diff_says_what_it_adds_and_a_suggestion_replaces_it() -> None:
    thread = (
        "# [Acme] Update 13R\n\nreviewer · review thread · 2025-04-22\nproducts/acme.md\n```diff\n"
        " releases:\n"
        ' -   releaseCycle: "13R"\n'
        "     releaseDate: 2025-01-07\n"
        "-    eol: 2030-01-07\n"
        "+    eol: 2031-01-07 # 6 years of security updates\n"
        "```\n"
    )
    assert ends(thread, "Acme 13R", media="text/markdown") == [D(2031, 1, 7)]
    suggested = thread + "**reviewer**:\n```suggestion\n    eol: 2032-01-07 # 7 years\n```\n"
    assert ends(suggested, "Acme 13R", media="text/markdown") == [D(2032, 1, 7)]


def test_a_month_with_a_comma_before_its_day() -> None:
    text = "AcmeOS 26 went EOL on September, 14th 2026 when AcmeOS 27 was released."
    assert ends(text, "AcmeOS 26") == [D(2026, 9, 14)]


def test_a_heading_with_a_product_in_camel_case_is_no_table_header() -> None:
    text = (
        "# [Acme WatchOS] Mark WatchOS 26 as EOL\n\nuser · description · 2026-09-15\n"
        "WatchOS 26 went EOL on September 14th, 2026 when WatchOS 27 was released.\n"
    )
    assert ends(text, "WatchOS 26", media="text/markdown") == [D(2026, 9, 14)]
    # a heading of prose naming an end is no spaced table's header either
    spaced = "Mark WatchOS 26 as EOL\n\nuser · description · 2026-09-15\nuser · comment · 2026-09-16\n"
    assert ends(spaced, "WatchOS 26") == []


def test_retiring_the_product_by_its_name_at_the_date_right_after() -> None:
    text = "However Acme announced to retire those long-live access tokens on September 30th, 2021."
    assert ends(text, "long-live access tokens (Acme API)") == [D(2021, 9, 30)]
    # a date further on, after other words, is not the retirement's
    later = "Acme will retire those long-live access tokens, as it said in a post on September 30th, 2021."
    assert ends(later, "long-live access tokens (Acme API)") == []


def test_a_log_line_s_time_and_a_sunset_date_given_twice() -> None:
    log = (
        '2025-12-27 18:48:21.409\terror\t{"statusCode":410,"message":"This endpoint has been deprecated and is no '
        'longer available. Sunset date: 2025-12-15T12:00:00.000Z","extendedPayload":{"sunsetDate":'
        '"2025-12-15T12:00:00.000Z"}}'
    )
    assert ends(log, "This endpoint (Acme API)") == [D(2025, 12, 15)]


def test_a_team_that_receives_reports_is_no_channel_by_itself() -> None:
    text = (
        "First Incident Response: As soon as PSIRT receives an external vulnerability report regarding an Acme "
        "product, we will send an initial response within two working days."
    )
    found = policy(text)
    assert found.contacts == [] and found.ack_when is not None
    # a portal named as the way in still is one
    assert policy("Please report vulnerabilities via our PSIRT portal.").contacts


def test_a_version_of_the_api_that_stopped() -> None:
    text = (
        "# Remove compatibility with api v4\n\nmaintainer · description · 2024-07-01\n"
        "This version of the api has been deprecated a long time ago and stopped on June 30th\n"
    )
    assert ends(text, "api v4 (Acme API version 4)", media="text/markdown") == [D(2024, 6, 30)]
    # a version of a document that stopped is no service's end
    doc = "This version of the guide stopped on June 30th, 2024 and a new one began."
    assert ends(doc, "Acme Hub") == []


def test_a_quoted_part_of_a_yaml_data_file() -> None:
    text = (
        "title: Acme\neoasColumn: Android Updates\neolColumn: Security Updates\n...\nreleases:\n...\n"
        '  - releaseCycle: "15r"\n    releaseLabel: "15R"\n    releaseDate: 2025-12-22\n'
        '    eoas: 2029-12-22 # approximation "4 major Android updates"\n'
        "    eol: 2031-12-31 # 6 years of security updates\n    discontinued: false\n"
    )
    assert ends(text, "15R") == [D(2031, 12, 31)]
    # a comment among a record's fields keeps the record whole, and the page's name for its column holds
    made = (
        "title: Acme Boards\neolColumn: Discontinued\n...\nreleases:\n"
        '  - releaseCycle: "cm5"\n    releaseLabel: Compute Module 5\n'
        "    # https://example.com/news/compute-module-5-on-sale-now/\n"
        "    releaseDate: 2024-11-27\n    eol: 2036-01-01\n"
    )
    assert ends(made, "Compute Module 5") == []
    # prose that happens to start with a label is no data file
    assert page_text(b"Note: the hub\n- Model: A\nworks.\n", "text/plain").text.startswith("Note: the hub")


def test_a_dated_deprecation_then_no_more_updates() -> None:
    text = (
        "As of November 18th, 2022, this repository is deprecated. The contents of this repository will remain "
        "available but we will no longer provide updates or accept new contributions."
    )
    assert ends(text, "Acme Integrations") == [D(2022, 11, 18)]
    # a dated release before a sentence that withholds updates is no retirement
    released = "On November 18th, 2022, version 2 was released. Version 1 will no longer get updates."
    assert ends(released, "Acme Integrations") == []


def test_release_notes_under_a_date_that_call_themselves_the_last_of_a_series() -> None:
    def notes(sentence: str) -> str:
        return f"@ July 22, 2016\n\nHello there,\n\nWe are pushing out a fix. {sentence}  See you soon.\n"

    for sentence in (
        "Since this is the last 16.1 series release, the firmware page offers migration hints.",
        "We are back for one last update of the 16.1 series with a few fixes.",
        "It is that time again: this update is the last one in the 16.1 series and 16.7 comes next week!",
        "This release will be the last of the 16.1 series.",
        "This maintenance release will also be the EoL version for the 16.1 series.",
    ):
        assert ends(notes(sentence), "16.1 series") == [D(2016, 7, 22)], sentence
    # the last update before something else ends nothing
    assert ends(notes("One last stable update before the switch to the 16.7 series."), "16.1 series") == []


def test_a_release_that_raises_the_least_version_it_runs_on() -> None:
    notes = "## Version 2.8.0\n\nRelease date: 01-01-2021\n\n- **Minimum Android version is 8.0 now.**\n"
    assert ends(notes, "AcmeApp on Android versions older than 8.0", media="text/markdown") == [D(2021, 1, 1)]
    # versions the new minimum still covers keep their support
    assert ends(notes, "AcmeApp on Android versions older than 9.0", media="text/markdown") == []
    bumped = (
        "# Release 4.5.1 (January 19, 2024)\n * Android:\n"
        "   - bump min required android version from android 5.0 to 6.0\n"
    )
    assert ends(bumped, "Acme for Android on Android 5.0") == [D(2024, 1, 19)]
    arrow = "# Release 4.8.0 (July 8, 2026)\n * this bumps the minimum OS requirement: Android 6.0->8.0\n"
    assert ends(arrow, "Acme for Android on Android versions below 8.0") == [D(2026, 7, 8)]
    newer = "## [2.8.3] - 2024-12-08\n\n- **iOS Support**: the app now requires iOS 15.5 or newer to run.\n"
    assert ends(newer, "Acme app on iOS versions older than 15.5", media="text/markdown") == [D(2024, 12, 8)]
    # another platform's minimum ends nothing for this one
    assert ends(newer, "Acme app on Android versions older than 15.5", media="text/markdown") == []
    # a "releaseDate" field is a record's cell, not a release's date line
    row = "- releaseCycle: a\n  releaseDate: 2020-09-01\n  eol: 2022-09-01\n"
    assert ends(row) == [D(2022, 9, 1)]


def test_a_policy_s_issue_channel_comment_and_least_frequency() -> None:
    steps = (
        "## Reporting a Vulnerability\n\n1. Report in an issue please and tag @maintainer\n"
        "2. All issues are read within 1 working week in general\n"
        "3. Issue shall recieve a comment within 14 days; but goal is < 2.\n"
    )
    found = policy(steps, "text/markdown")
    assert found.contacts and found.ack_when is not None and found.ack_when.timescale == "within 14 days"
    table = (
        "| Stage | Target |\n|---|---|\n| Initial acknowledgement | Within **48 hours** |\n"
        "| Status updates during active triage | At least **weekly** |\n"
    )
    status = policy(table, "text/markdown").status_when
    assert status is not None and status.timescale == "At least weekly"
    # a comment the reporter leaves is no reply
    assert policy("Please leave a comment within 14 days if you want a CVE.").ack_when is None


def test_withdrawn_from_marketing_is_an_end_of_sale() -> None:
    text = (
        "Product Withdrawal Notice\n\nAcme IoT Platform (5900-A0N) has been withdrawn from marketing effective "
        "December 9, 2020. As a result, updates to this project will be limited."
    )
    assert ends(text, "Acme IoT Platform") == []
    # withdrawn support is still an end
    assert ends("Acme will withdraw support for the Acme Hub on December 9, 2020.", "Acme Hub") == [D(2020, 12, 9)]
    assert ends("Acme withdrew support for the Acme Hub on December 9, 2020.", "Acme Hub") == [D(2020, 12, 9)]


def test_an_aside_that_asks_does_not_break_the_sentence() -> None:
    text = "As the Acme cloud functionalities (maps...?) are going to shutdown in 2025, Is there a way to stay offline?"
    assert ends(text, "Acme cloud functionalities") == [D(2025, 12, 31)]


def test_access_to_an_api_that_starts_being_phased_out() -> None:
    text = "Acme is introducing a subscription. Free access will start being phased out in October 2026."
    assert ends(text, "Acme API (free access)") == [D(2026, 10, 1)]
    # access to a product that is not a service is no end
    assert ends("Free access to the lounge will start being phased out in October 2026.", "Acme Hub") == []


def test_an_xml_data_file_s_records() -> None:
    xml = (
        '<kernels schema_version="0">\n'
        '<branch name="acme-4.14" version="4.14" launch="2017-10-22" eol="2024-01-01">\n</branch>\n'
        '<branch name="acme-4.19" version="4.19" launch="2018-10-22" eol="2025-01-01">\n</branch>\n'
    )
    assert ends(xml, "acme-4.19") == [D(2025, 1, 1)]
    # quoted in a table's cells, the record stays one cell
    cells = "\n".join(f"| {line} |" for line in xml.splitlines())
    assert ends(cells, "acme-4.19", media="text/markdown") == [D(2025, 1, 1)]
    # an element with no date among its attributes stays as it was
    assert "<a" in page_text(b'See <a href="x" title="y">the page</a>.', "text/plain").text


def test_support_dropped_for_a_name_with_a_slash_or_rm() -> None:
    notes = "### Version 4.5: (July 3, 2019)\n\nChanges since 4.4\n\n* Dropped Acmebian/Debian Jessie support\n"
    assert ends(notes, "Acmebian/Debian Jessie support", media="text/markdown") == [D(2019, 7, 3)]
    rm = '# Release 4.6.0 (July 16, 2025)\n * Acme:\n   - rm support for "HW.1" and "Nano" (non-S) devices\n'
    assert ends(rm, '"HW.1" and "Nano" (non-S) devices') == [D(2025, 7, 16)]


def test_a_release_that_retires_the_product() -> None:
    notes = "## 3.4.4 (2024-04-28)\n  * Retirement announcement. `acme-myq` is officially retired, for now.\n"
    assert ends(notes, "acme-myq", media="text/markdown") == [D(2024, 4, 28)]
    # another thing retired in the notes is not the product's end
    assert ends(notes.replace("acme-myq", "acme-old"), "acme-myq", media="text/markdown") == []


def test_a_day_the_month_lacks_is_its_last_day() -> None:
    text = "This release will receive bugfixes and security updates for seven months (up until 2025-06-31)."
    assert ends(text, "Acme 24.11") == [D(2025, 6, 30)]
    # a month that does not exist is no date
    assert ends("Acme 24.11 is supported until 2025-13-01.", "Acme 24.11") == []


def test_a_release_s_minimum_label_names_the_platform_it_raises() -> None:
    notes = (
        "## 3.32.0 (July 2, 2025)\n\n- Bug fixes.\n\nMinimum: NC 18 Server, Android 8.0 Nougat\n...\n"
        "## 3.31.4 (June 3, 2025)\n\n- Add missing auto migration\n\nMinimum: NC 18 Server, Android 7.1 Nougat\n"
    )
    # the server's version is not the phone's: only the release that raised Android to 8.0 ends 7.x
    assert ends(notes, "Acme app on Android versions older than 8.0", media="text/markdown") == [D(2025, 7, 2)]
    assert ends(notes, "Acme app on Android 7.1 Nougat", media="text/markdown") == [D(2025, 7, 2)]
    upgrade = (
        "# Changelog for Acme Android Client [4.3.0] (2024-07-01)\n"
        "* Change - Upgrade minimum SDK version to Android 7.0 (v24)\n"
    )
    assert ends(upgrade, "Acme Client on Android versions previous to Android 7.0", media="text/markdown") == [
        D(2024, 7, 1)
    ]


def test_a_release_dated_by_its_month_ends_support_for_a_platform_version() -> None:
    notes = "## 2.15 (June 2020)\n- Login rearchitecture\n- End of support for Acmedroid KitKat (4.4)\n- Bug fixes\n"
    assert ends(notes, "Acme app on Acmedroid KitKat (4.4)", media="text/markdown") == [D(2020, 6, 30)]
    # a platform named without a version is no name of the app alone
    assert "acme vita" not in with_short_forms(("tube app on acme vita",))
    assert "acmedroid kitkat (4.4)" in with_short_forms(("acme app on acmedroid kitkat (4.4)",))
