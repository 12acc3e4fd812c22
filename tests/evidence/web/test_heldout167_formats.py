"""Formats met on held-out sets 167 onwards: a long name's own short form, software on a platform
discontinued by its name."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from psti.evidence.web.jsonrows import fragment_rows
from psti.evidence.web.pagetext import page_text
from psti.evidence.web.policy import analyse_policy
from tests.evidence.web.snippets import ends
from tests.evidence.web.test_check_cli import psti, report

D = dt.date


def test_a_long_name_by_its_last_two_words_after_the() -> None:
    agent = "Acme-IoT-micro-agent for Acme RTOS"
    assert ends("Acme Defender plans to retire the micro agent on August 1, 2025.", agent) == [D(2025, 8, 1)]
    # two words that are no more than a generic tail name nothing ("the iot devices")
    assert ends("Acme plans to retire the iot devices on August 1, 2025.", "Acme Smart IoT devices") == []
    # nor does another thing's tail: "the micro agent" is not "the nano agent"
    assert ends("Acme Defender plans to retire the nano agent on August 1, 2025.", agent) == []


def test_software_on_a_platform_discontinued_by_its_name() -> None:
    assert ends("Acmeplayer on Wii U was discontinued in January 2017.", "Acmeplayer on Wii U") == [D(2017, 1, 31)]
    # a device discontinued is a device no longer sold
    assert ends("The Acme Hub was discontinued in January 2017.", "Acme Hub") == []


def test_a_platform_listed_as_left_on_the_apps_page() -> None:
    infobox = (
        "Acmeplayer\nDeveloper Acme\nPlatform Windows, Roku, Wii (discontinued on 10 February 2015), "
        "Wii U (discontinued in January 2017), Xbox One"
    )
    assert ends(infobox, "Acmeplayer on Wii U") == [D(2017, 1, 31)]
    assert ends(infobox, "Acmeplayer on Wii") == [D(2015, 2, 10)]
    # "since" dates the first day the platform is left
    since = "Acmeplayer\nPlatforms: Roku, Wii U (no longer supported since January 2017), Xbox One"
    assert ends(since, "Acmeplayer on Wii U") == [D(2017, 1, 1)]
    # another app's page says nothing of this one
    assert ends(infobox.replace("Acmeplayer", "Otherplayer"), "Acmeplayer on Wii U") == []
    # a platform still listed is not left
    assert ends("Acmeplayer\nPlatform Windows, Roku, Wii U (2013), Xbox One", "Acmeplayer on Wii U") == []


def test_a_second_object_the_parser_cut_off_is_not_what_stops() -> None:
    text = (
        "Acme is deprecating the Acmehub companion app for Gizmo watches on July 6, 2026, but the replacement "
        '"Acme Family" app does not yet support accounts where the Gizmo watches are the only lines of service.'
    )
    assert ends(text, "Acmehub companion app") == [D(2026, 7, 6)]


def test_a_product_that_shuts_down_its_own_functionality() -> None:
    text = "The Acme Pin, a wearable device, will permanently shut down its functionality by February 28, 2025."
    assert ends(text, "Acme Pin") == [D(2025, 2, 28)]
    # one feature removed is no end of the product
    assert ends("The Acme Pin will remove its sharing functionality by February 28, 2025.", "Acme Pin") == []


def test_a_yearless_date_placed_by_the_full_date_before_it_in_its_sentence() -> None:
    text = (
        "The deal, announced on July 28, 2025, dooms loyal customers whose Acme trackers will cease functioning "
        "by August 31."
    )
    assert ends(text, "Acme trackers") == [D(2025, 8, 31)]
    # a month before the full date's, in the future, is next year's
    later = "Acme said on December 10, 2025 that its Acme trackers will stop working on January 31."
    assert ends(later, "Acme trackers") == [D(2026, 1, 31)]


def test_a_line_ending_on_until_goes_on_whatever_the_next_line_looks_like() -> None:
    text = (
        "The Acme Fit APIs have been deprecated and we plan to support them until\n"
        "**2026** . See [Migration guide](https://example.com/a/long/path/to/the/migration/guide) for "
        "instructions on\nmigrating to Acme Connect."
    )
    assert ends(text, "Acme Fit APIs", media="text/markdown") == [D(2026, 12, 31)]


_QUOTED_LIST = """  "catalog": "acme-uk",
  "sourceUrl": "https://www.example.com/uk/psti/",
  "retrievedAt": "2026-08-29",
...
      {
        "productName": "Acme Pad 2 4G",
        "launchTime": "2026-04-28T08:41:40.000Z",
        "eolTime": "2029-04-28T08:41:49.000Z"
      },
      {
        "productName": "Acme Pad 2",
        "securityMinimum": "2033-04",
        "securityRegions": [
          "Europe",
          "Eurasia"
        ]
      },"""


def test_json_quoted_in_pieces_is_read_as_rows() -> None:
    assert fragment_rows(_QUOTED_LIST) == (
        # (the day the list was retrieved is the record's, not a product's: left out)
        "catalog: acme-uk | source url: https://www.example.com/uk/psti/\n"
        "product name: Acme Pad 2 4G | launch time: 2026-04-28T08:41:40.000Z | eol time: 2029-04-28T08:41:49.000Z\n"
        "product name: Acme Pad 2 | security minimum: 2033-04"
    )
    assert ends(_QUOTED_LIST, "Acme Pad 2 4G") == [D(2029, 4, 28)]
    # a maker's "security minimum" field is the end of the minimum security update period
    assert ends(_QUOTED_LIST, "Acme Pad 2") == [D(2033, 4, 30)]
    # prose with a quoted pair in it is no quotation of JSON
    assert fragment_rows('The list says:\n"eolTime": "2029-04-28",\nand more.') is None
    # nor are two pairs alone
    assert fragment_rows('"name": "Acme",\n"eol": "2029-04-28"') is None


def test_stopped_selling_is_an_end_of_sale() -> None:
    text = "Acme stopped selling Acme Secure in October 2020 but drops support in April 8, 2024."
    assert ends(text, "Acme Secure") == [D(2024, 4, 8)]
    assert ends("Acme stopped making the Acme Hub in October 2020.", "Acme Hub") == []
    # offering updates is not selling
    offered = "Acme stopped offering security updates for the Acme Hub in October 2020."
    assert ends(offered, "Acme Hub") == [D(2020, 10, 31)]


def test_a_deprecation_warns_of_the_end_of_support_dated_beside_it() -> None:
    text = "From January 1, 2025 Acme Terminal API is deprecated and support stops on April 1, 2025."
    assert ends(text, "Acme Terminal API") == [D(2025, 4, 1)]
    # a deprecation alone is still read as before
    assert ends("From January 1, 2025 Acme Terminal API is deprecated.", "Acme Terminal API") == [D(2025, 1, 1)]


def test_an_address_in_angle_brackets_written_into_a_page_is_text() -> None:
    html = b"<p>Write to our security team by email.</p><p>Acme Security Team <security@acme.example> (E24A7B33)</p>"
    page = page_text(html, "text/html")
    assert "<security@acme.example>" in page.text
    assert analyse_policy(page).contacts == ["mailto:security@acme.example"]


def test_a_table_stored_with_iso_dates_run_into_its_cells() -> None:
    text = (
        "The following table lists the released versions and their support timeline:\n\n"
        "Module versionDeprecation dateExpiration date\n"
        "Acme 1.02024-12-202025-06-20\n"
        "Acme 2.0-beta.12024-02-202024-04-20\n"
        "Acme 2.02024-12-202026-06-20\n"
    )
    assert ends(text, "Acme 2.0") == [D(2026, 6, 20)]
    # a pre-release is a release of its own
    assert ends(text, "Acme 2.0-beta.1") == [D(2024, 4, 20)]
    # while prose with names run together in it still wraps
    prose = b"Security updates for PlayStation and YouTube apps on iPhone continue until\nMarch 2027 for all users."
    assert "\n" not in page_text(prose, "text/plain").text


def test_a_stop_for_a_group_dated_in_the_sentence_before_the_one_naming_the_product() -> None:
    text = (
        "The company plans to phase out support to older models starting in May of 2020.\n\n"
        "Acme announced that it will stop releasing software updates to a group of its older models: the Bridge, "
        "the Acme One (first generation), and all Acme Zone players."
    )
    assert ends(text, "Acme One (first generation)") == [D(2020, 5, 1)]
    # a date for another group is not the product's
    other = text.replace("to older models starting", "to legacy cameras starting")
    assert ends(other, "Acme One (first generation)") == []


def test_a_period_of_security_patches_counted_from_a_launch_that_leads_the_sentence() -> None:
    text = (
        "Set to debut on July 1, 2025, the Acme Phone 3 brings a policy of five years of major Android OS "
        "upgrades and seven years of security patches."
    )
    assert ends(text, "Acme Phone 3") == [D(2032, 7, 1)]
    # a launch that does not lead the sentence dates nothing here
    assert (
        ends("The Acme Phone 3 gets seven years of security patches, a policy set on July 1, 2025.", "Acme Phone 3")
        == []
    )


def test_a_timescale_restated_after_a_slash_is_kept_whole() -> None:
    text = (
        "Report it via security@acme.example.\n\n"
        "  • The security team will acknowledge receipt of the report within 48 Hours/Two Working Days\n"
    )
    ack = analyse_policy(page_text(text.encode(), "text/plain")).ack_when
    assert ack is not None and ack.timescale == "within 48 Hours/Two Working Days"


def test_a_number_of_a_service_removed() -> None:
    text = "Evidence suggests Acme removed a set of deprecated endpoints in March 2026, and they now return HTTP 410."
    assert ends(text, "Acme deprecated endpoints") == [D(2026, 3, 31)]


def test_the_connection_to_a_named_service_broken() -> None:
    text = 'I received a "Last reminder": "the connection to Acme Uplink will be broken on August 30, 2024"'
    assert ends(text, "Acme Uplink") == [D(2024, 8, 30)]
    # a thing broken is not a service ended
    assert ends("The Acme Hub screen may be broken on August 30, 2024.", "Acme Hub") == []


def test_a_heading_that_names_the_products_stop_and_its_date() -> None:
    def heading(h: str) -> list[D]:
        return ends(f"# {h}\n\nThey are shutting down the app.\n", "Acme Mini 2", media="text/markdown")

    assert heading("Acme Mini 2 Smart Features Discontinuation (2025-11-30)") == [D(2025, 11, 30)]
    assert heading("Acme Mini 2 Shutdown - November 30, 2025") == [D(2025, 11, 30)]
    # a device's discontinuation alone may be the end of its sale
    assert heading("Acme Mini 2 Discontinuation (2025-11-30)") == []
    # another product's stop is not this one's
    assert heading("Other Thing Shutdown (2025-11-30)") == []


def test_a_private_message_to_the_maintainer_on_a_platform_is_a_channel() -> None:
    text = (
        "## Reporting a Vulnerability\n\nIf you discover a security vulnerability in this project, please report it "
        "responsibly:\n\n1. **Do not** open a public issue\n2. Send a private message to the maintainer via GitHub\n"
    )
    assert analyse_policy(page_text(text.encode(), "text/markdown")).contacts
    # a message about something else names no channel for reports
    other = "## Contributing\n\nSend a private message to the maintainer via GitHub to join the team.\n"
    assert not analyse_policy(page_text(other.encode(), "text/markdown")).contacts


def test_release_notes_that_say_a_runtime_will_no_longer_be_supported() -> None:
    notes = "## 3.0.3 (2020-04-07) Release Elena\n* Acmejs 8.x will be no longer officially supported!\n"
    assert ends(notes, "Acmejs 8.x", media="text/markdown") == [D(2020, 4, 7)]


def test_a_release_that_sets_the_minimum_version_at_a_sentence_end() -> None:
    notes = (
        "Acme 2022.3.0 - 16th March 2022\n==============================\n\nPython 3.8 Minimum\n"
        "------------------\n\nThis release sets the minimum Python version to 3.8.\n"
    )
    assert ends(notes, "Python versions older than 3.8") == [D(2022, 3, 16)]
    # a range that holds a version it still runs on (3.8) keeps its support
    assert ends(notes, "Python versions older than 3.9") == []


def test_this_announced_to_be_on_a_date_after_a_stop() -> None:
    text = (
        "This integration will stop working when Acme shuts down the old API. This is announced to be on "
        "December 2nd 2024 but that date has shifted already in the past."
    )
    assert ends(text, "the old Acme API") == [D(2024, 12, 2)]
    assert ends("Acme is a great company. This is announced to be on December 2nd 2024.", "the old Acme API") == []


def test_a_row_is_not_about_the_successor_it_names() -> None:
    table = (
        "| Release | End of support | Successor |\n|---|---|---|\n"
        "| Acme Publisher 2.8 | 12/15/2023 | Acme Publisher 2.9 |\n"
        "| Acme Publisher 2.9 | 11/10/2026 | TBA |\n"
    )
    assert ends(table, "Acme Publisher 2.9", media="text/markdown") == [D(2026, 11, 10)]
    assert ends(table, "Acme Publisher 2.8", media="text/markdown") == [D(2023, 12, 15)]


def test_support_deprecated_and_removed_on_a_date() -> None:
    text = "**Acmepods support is deprecated and will be removed on June 1, 2023**"
    assert ends(text, "Acmepods support") == [D(2023, 6, 1)]


def test_a_repository_marked_read_only_ends_its_upkeep() -> None:
    text = (
        "We have come to the decision to deprecate the Acme bridge. The repo will be marked as read-only "
        "repository on November 30th 2023."
    )
    assert ends(text, "Acme bridge") == [D(2023, 11, 30)]
    # a setting marked as a default ends nothing
    assert ends("The Acme bridge setting will be marked as default on November 30th 2023.", "Acme bridge") == []


def test_a_link_to_how_to_report_is_where_the_contact_may_be_not_one() -> None:
    for text in (
        "You can find all information on how to report vulnerabilities at https://psirt.acme.example/report/.",
        "## Reporting a Vulnerability\nPlease report any security vulnerabilities in this project "
        "[utilizing the guidelines here](https://www.acme.example/security-center/guidelines.html).",
        "Please refer to the security policy at [Acme security policy](https://github.com/acme/acme/security/policy).",
        "Instructions to report a vulnerability may be found on the "
        "[security page of the Acme Wiki](https://wiki.acme.example/display/Security).",
        "The security policy as well as reporting method is described here: <https://www.acme.example/psirt>.",
        "## Reporting a Vulnerability\n\n[How to Report Potential Product Security Vulnerabilities]"
        "(https://www.acme.example/how-to-report-potential-product-security-vulnerabilities)",
        "If you think you have found a security vulnerability, please follow the steps on "
        "[Acme Security](https://www.acme.example/security/) page to report it.",
        "Please visit https://www.acme.example/security to view the Acme security policy and vulnerability "
        "reporting program.",
    ):
        a = analyse_policy(page_text(text.encode(), "text/markdown"))
        assert a.contacts == [] and a.pointers, text
    # a place to report is still a channel, also when the sentence calls it instructions
    for channel in (
        "Please report vulnerabilities through our form at https://psirt.acme.example/report/.",
        "To report a security vulnerability, please follow the instructions at\n"
        "[Report a Vulnerability | How to Report - Acme](https://acme.example/vulnerability-reporting/).",
    ):
        assert analyse_policy(page_text(channel.encode(), "text/markdown")).contacts, channel


def test_no_contact_names_the_page_it_points_to(tmp_path: Path) -> None:
    page = tmp_path / "SECURITY.md"
    page.write_text(
        "# Security Policy\n\nAcme is committed to rapidly addressing security vulnerabilities affecting our "
        "customers.\n\n## Reporting a Vulnerability\nYou can find all information on how to report "
        "vulnerabilities at https://psirt.acme.example/security/.\n"
    )
    r = psti("check", "disclosure", str(page), "--offline", "--format", "json")
    found = {f["kind"]: f for f in report(r)["findings"]}
    assert found["DISC-NO-CONTACT"]["effect"] == "fail"
    assert "https://psirt.acme.example/security/" in found["DISC-NO-CONTACT"]["message"]
