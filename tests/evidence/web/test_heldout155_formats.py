"""Formats met on held-out sets 155 onwards: devices that stop with the mobile network they use, a
participle's noun phrase, a security response centre's platform."""

from __future__ import annotations

import datetime as dt

from psti.evidence.web.pagetext import sentences
from psti.evidence.web.product_names import names_product
from tests.evidence.web.snippets import ends, policy

D = dt.date


def test_a_device_on_an_old_mobile_network_stops_with_that_network() -> None:
    alarms = "Alarm panels on Acme Mobile's 3G network"
    assert ends("Acme Mobile plans to shut off its 3G network in December 2022.", alarms) == [D(2022, 12, 31)]
    assert ends("The carrier's planned sunset of its 3G network February 22, 2022 worries installers.", alarms) == [
        D(2022, 2, 22)
    ]
    car = "2011-2014 Acme cars with 2G TCU"
    letter = "Acme Mobile will re-purpose the spectrum and has sunset the 2G network as of December 31, 2016."
    assert ends(letter, car) == [D(2016, 12, 31)]
    # a 5G in a model's name is no network the model stops with
    assert ends("Acme Mobile plans to shut off its 5G network in December 2022.", "Acme Phone 5G") == []
    # nor is a device that names no connection stopped by a network's end
    assert ends("Acme Mobile plans to shut off its 3G network in December 2022.", "Acme 3G Speaker") == []


def test_a_product_shut_off_by_its_name() -> None:
    assert ends("Acme plans to shut off the Acme Cloud Hub in June 2024.", "Acme Cloud Hub") == [D(2024, 6, 30)]
    # a product discontinued by its name is off sale, and still supported
    assert ends("Acme discontinued the Acme Cloud Hub in June 2024.", "Acme Cloud Hub") == []


def test_a_participle_ends_the_noun_phrase_it_hangs_from() -> None:
    text = (
        "The grace period is now over, with support for the previous version of Acme Home ending on 10 February 2026."
    )
    assert ends(text, "previous version of Acme Home") == [D(2026, 2, 10)]
    # a participle on a noun that is no support or service ends nothing of the product
    sale = (
        "The grace period is now over, with the sale of the previous version of Acme Home ending on 10 February 2026."
    )
    assert ends(sale, "previous version of Acme Home") == []


def test_a_security_response_centre_platform_is_a_channel() -> None:
    found = policy("If you find a vulnerability, you can submit it through the ACME SRC platform.")
    assert found.contacts
    # a source folder is no channel
    assert not policy("If you find a vulnerability, the code is in the src folder of the platform.").contacts


def test_a_feature_discontinued_ends_a_product_that_is_that_feature() -> None:
    text = "Starting March 28, 2025, the Local Voice Processing option will be discontinued."
    assert ends(text, "Local Voice Processing option") == [D(2025, 3, 28)]
    # a device losing one of its options is not the device's end, and a device discontinued is off sale
    assert ends(text, "Acme Echo") == []
    assert ends("Starting March 28, 2025, the Acme Hub will be discontinued.", "Acme Hub") == []


def test_a_web_dashboard_removed_is_a_service_ended() -> None:
    text = "In July 2024, the Acme web dashboard will be removed entirely, shifting users to the app."
    assert ends(text, "Acme web dashboard") == [D(2024, 7, 31)]


def test_a_date_taken_from_the_sentence_before_is_read_as_that_sentence_read_it() -> None:
    text = (
        "Acme announced the end of support for the older Home architecture, starting in February 2026. "
        "The affected devices rely on the older Home architecture, which will no longer receive updates."
    )
    assert ends(text, "older Home architecture") == [D(2026, 2, 1)]


def test_a_triage_or_update_label_counted_from_the_acknowledgement() -> None:
    text = (
        "## Response Expectations\n\n- Acknowledgement target: within 3 business days.\n"
        "- Triage/update target: within 7 business days after acknowledgement.\n"
    )
    found = policy(text, "text/markdown")
    assert found.ack_when is not None and found.ack_when.timescale == "within 3 business days"
    assert found.status_when is not None and found.status_when.timescale == "within 7 business days"
    # a triage's one answer is no status update
    triage = policy("## Response\n\n- Triage update: within 7 business days.\n", "text/markdown")
    assert triage.status_when is None


def test_an_issue_tracker_used_or_a_forum_reached_privately_is_a_channel() -> None:
    assert policy("If you found a security vulnerability, please report it using our issue tracker on GitHub.").contacts
    assert policy(
        "To report a vulnerability, reach out privately via the Acme forum to one of the core developers."
    ).contacts
    # a forum where answers are read is no channel
    assert not policy("Security answers are posted on the Acme forum every week.").contacts


def test_misspelt_end_words_and_lower_case_months() -> None:
    assert ends("The old Acme API will work untill end march 2026.", "Acme API") == [D(2026, 3, 31)]
    assert ends("The Acme Laptop reached its end-0f-support in November 2021.", "Acme Laptop") == [D(2021, 11, 30)]
    # "may" before a number that is no year stays a verb
    assert ends("The Acme API may 2 times a day fail.", "Acme API") == []


def test_a_console_named_by_its_short_form() -> None:
    text = "The PS2 and Xbox 360 servers of Acme Quest shut down in March 2016, Acme confirmed."
    assert ends(text, "PlayStation 2 and Xbox 360 servers of Acme Quest") == [D(2016, 3, 31)]
    vita = "The store on PlayStation Vita will close on 27th August 2021."
    assert ends(vita, "store on PS Vita") == [D(2021, 8, 27)]
    # another console's number is another console
    assert ends("The PS3 servers of Acme Quest shut down in March 2016.", "PlayStation 2 servers of Acme Quest") == []


def test_device_types_discontinued_by_an_os_end_the_listed_boards() -> None:
    text = (
        "The following device types will be discontinued on March 1st 2026, given no change to circumstances:\n\n"
        "* Acme Board 3\n* Acme Board 400\n\nOther text follows here about the project.\n"
    )
    assert ends(text, "Acme Board 400", "text/markdown") == [D(2026, 3, 1)]
    # a device discontinued is off sale
    sale = "The following devices will be discontinued on March 1st 2026:\n\n* Acme Board 3\n* Acme Board 400\n"
    assert ends(sale, "Acme Board 400", "text/markdown") == []


def test_an_end_named_as_a_noun_and_scheduled_for_a_date() -> None:
    assert ends("The sunset of the Acme Hub is scheduled for December 31, 2025.", "Acme Hub") == [D(2025, 12, 31)]
    text = "Acme announced the discontinuation of Acme Hub services, with full sunset scheduled for December 31, 2025."
    assert ends(text, "Acme Hub") == [D(2025, 12, 31)]
    # a network's shutdown, and an end of sale, scheduled are not the product's end
    assert ends("The Acme Hub 3G shutdown is planned for 1 May 2025.", "Acme Hub") == []
    assert ends("The end of sale of the Acme Hub is scheduled for 1 May 2025.", "Acme Hub") == []


def test_an_app_on_a_platform_named_by_both_and_stopping_there() -> None:
    text = "Netflix will stop working on the PlayStation 3 in March 2026."
    assert ends(text, "Netflix on the PlayStation 3") == [D(2026, 3, 31)]
    # the app on another platform is not the product
    assert not names_product(("Netflix on the PlayStation 3",), "Netflix will stop working on the Wii in March 2026.")
    # working on a thing with no name is labour
    assert ends("The team will stop working on the hub in March 2026.", "Acme Hub") == []


def test_an_app_that_goes_away() -> None:
    text = "Acme Kids is moving: In July 2024, the Acme Kids app icon on your TV will be going away."
    assert ends(text, "Acme Kids app on TV") == [D(2024, 7, 31)]
    # a person going away is no end
    assert ends("In July 2024, our founder will be going away on holiday.", "Acme Kids app on TV") == []


def test_regular_support_gives_way_to_the_long_term_support_after_it() -> None:
    text = (
        "- End of Support Date: Regular support ended August 14, 2024. "
        "Long Term Support (LTS) extends until August 31, 2026.\n"
    )
    assert ends(text, "Acme OS 11", "text/markdown") == [D(2026, 8, 31)]
    # regular support alone is the end
    assert ends("- End of Support Date: Regular support ended August 14, 2024.\n", "Acme OS 11") == [D(2024, 8, 14)]


def test_a_date_that_names_a_version_is_no_date() -> None:
    text = (
        "Preview API version 2021-06-31 for Acme Twins is retiring on May 2nd, 2023\n"
        "Preview API version 2020-03-31 for Acme Twins is retiring on May 2nd, 2023\n"
    )
    assert ends(text, "Preview API version 2021-06-31 for Acme Twins") == [D(2023, 5, 2)]
    assert ends("Call the service with api-version=2020-03-31 until it is retired.", "Acme Twins API") == []


def test_networks_switched_off_by_name_in_the_plural() -> None:
    assert ends("EE and Three expect to switch off their 3G networks in 2024.", "3G network") == [D(2024, 12, 31)]


def test_a_stop_a_sentence_says_is_not_meant() -> None:
    denied = "That absolutely does not mean that in 2017, kit that doesn't have HD will stop working."
    assert ends(denied, "Acme Freeview kit") == []
    meant = "That means that in 2017, kit that doesn't have HD will stop working."
    assert ends(meant, "Acme Freeview kit") == [D(2017, 12, 31)]


def test_a_timeline_of_an_end_and_its_announcement() -> None:
    text = (
        "The Timeline That Matters\n\n- January 31, 2026: Support ends completely\n"
        "- July 10, 2025: Acme announced the shutdown\n- 2011: Acme Plugs first launched\n"
    )
    assert ends(text, "Acme Plugs", "text/markdown") == [D(2026, 1, 31)]


def test_a_device_unable_to_print_after_support_ended_the_day_before() -> None:
    text = (
        "Acme Print will no longer be supported as of December 31, 2020. "
        "Beginning January 1, 2021, devices will no longer be able to print using Acme Print."
    )
    assert ends(text, "Acme Print") == [D(2020, 12, 31)]


def test_a_date_in_a_link_address_is_no_date() -> None:
    text = (
        "Following the release of [Acme SDK](https://developer.acme.com/docs#2023-10-02-acme-sdk) support for "
        "the Acme REST API is now reaching end of life."
    )
    assert ends(text, "Acme REST API", "text/markdown") == []


def test_the_beginning_of_a_year_is_its_first_day() -> None:
    assert ends("The Acme app will stop working at the beginning of 2024.", "Acme app") == [D(2024, 1, 1)]
    assert ends("The Acme app will stop working at the end of 2024.", "Acme app") == [D(2024, 12, 31)]


def test_a_product_stopped_by_its_name() -> None:
    text = "As Acme will be stopping the legacy version on 01.01.2023, when will this node come out of beta?"
    assert ends(text, "the legacy version (of Acme)") == [D(2023, 1, 1)]
    # stopping the sale of it is no end
    assert (
        ends("Acme will be stopping sales of the legacy version on 01.01.2023.", "the legacy version (of Acme)") == []
    )


def test_an_app_eliminated_or_departing_from_a_platform() -> None:
    text = "The page confirms that Acme will eliminate third-party apps and watch faces in June 2024."
    assert ends(text, "third-party apps and watch faces") == [D(2024, 6, 30)]
    leaving = "Acme Flix’s impending departure from the Acme Station 3 in March 2026 isn’t just the end of streaming."
    assert ends(leaving, "Acme Flix on the Acme Station 3") == [D(2026, 3, 31)]
    # a person's departure is no end
    assert ends("The CEO's departure from Acme in March 2026 surprised staff.", "Acme Flix on the Acme Station 3") == []


def test_release_notes_that_refuse_a_platform_or_warn_its_users_off() -> None:
    refused = (
        "{{{ 6.1.0 2022-07-16\n\n- Windows installer: Refuse to install on Acme OS 8 as the toolkit "
        "does not work on Acme OS 8\n"
    )
    assert ends(refused, "Acme OS 8") == [D(2022, 7, 16)]
    warned = (
        "{{{ 0.7.29 2010-11-19\n\n- The build now requires at least Acme OS 10.5. "
        "If you are on a PowerPC machine or an older Acme OS version, do not upgrade\n"
    )
    assert ends(warned, "PowerPC machine / older Acme OS version") == [D(2010, 11, 19)]
    # a warning to read before upgrading drops nothing
    read = "{{{ 0.7.29 2010-11-19\n\n- If you are on a PowerPC machine, read the notes before you upgrade\n"
    assert ends(read, "PowerPC machine") == []


def test_an_app_named_with_the_servers_it_works_with() -> None:
    text = "## 2.15 (June 2020)\n- Login rearchitecture\n- End of support for servers older than 10 version\n"
    assert ends(text, "Acme Android app with servers older than 10 version", "text/markdown") == [D(2020, 6, 30)]


def test_sentences_glued_at_their_ends_or_opening_with_an_elision() -> None:
    text = "Channels go due to a satellite overhaul.The broadcaster is pulling them. ...Some boxes stay."
    assert sentences(text) == [
        "Channels go due to a satellite overhaul.",
        "The broadcaster is pulling them.",
        "...Some boxes stay.",
    ]
    # an address or a name with a dot is no sentence end
    assert sentences("See www.Acme.com or https://acme.com/Some.Thing and Node.js today.") == [
        "See www.Acme.com or https://acme.com/Some.Thing and Node.js today."
    ]


def test_owners_who_must_replace_to_go_on_watching() -> None:
    text = (
        "From October 2024, households with an SD-only satellite box will need to upgrade to an HD "
        "receiver to continue to watch Acme1."
    )
    assert ends(text, "Acme1 on SD-only satellite boxes") == [D(2024, 10, 1)]
    # an upgrade that is only advised keeps the old box going
    advised = "From October 2024, households with an SD-only satellite box may like to upgrade for a sharper picture."
    assert ends(advised, "Acme1 on SD-only satellite boxes") == []


def test_store_access_disabled_is_the_service_ended() -> None:
    text = "On May 20, 2026, Acme will disable Acme Store access on older Acme readers."
    assert ends(text, "older Acme readers") == [D(2026, 5, 20)]
    # a door's access disabled is no service
    assert ends("On May 20, 2026, Acme will disable door access on older Acme readers.", "older Acme readers") == []


def test_stop_verbs_in_their_ing_and_ed_forms() -> None:
    assert ends("Acme is deprecating the Acme companion app on July 6, 2026.", "Acme companion app") == [D(2026, 7, 6)]
    assert ends("Acme is withdrawing the Acme cloud service on July 6, 2026.", "Acme Hub") == [D(2026, 7, 6)]


def test_a_keep_a_changelog_removed_section_under_a_dated_release() -> None:
    text = (
        "## [1.17.0] - 2025-05-05\n\n### Added\n\n- Some sounds\n\n### Removed\n\n- Acme Board 3 support\n\n"
        "### Fixed\n\n- Acme Board 4 display glitch\n"
    )
    assert ends(text, "Acme Board 3", "text/markdown") == [D(2025, 5, 5)]
    # an item under the next section, or a feature of the product removed, is no end
    assert ends(text, "Acme Board 4", "text/markdown") == []
    feature = (
        "## [1.17.0] - 2025-05-05\n\n### Removed\n\n"
        "- The old pairing screen that the Acme Board 3 used to show at start\n"
    )
    assert ends(feature, "Acme Board 3", "text/markdown") == []


def test_a_long_line_of_glued_ends_is_cut_in_bounded_time() -> None:
    line = "word.Another " * 50_000
    assert len(sentences(line)) == 50_001


def test_a_service_that_is_going_to_be_removed() -> None:
    text = "The Acme API version is going to be removed by Acme on 11 November 2021."
    assert ends(text, "Acme API version") == [D(2021, 11, 11)]
    # a page going to be removed is no service
    assert ends("The Acme FAQ page is going to be removed on 11 November 2021.", "Acme Hub") == []


def test_at_which_point_refers_to_the_date_before() -> None:
    text = (
        "We expect Acme Data V2 to stay in deprecated status until Oct 17th 2024. "
        "At which point we will be sunsetting the API and all clients are expected to have moved to V3."
    )
    assert ends(text, "Acme Data V2") == [D(2024, 10, 17)]
    # "at which point" with nothing stopped is no end
    calm = "Acme Data V2 gets a new look on Oct 17th 2024. At which point the colours change."
    assert ends(calm, "Acme Data V2") == []


def test_a_thing_turned_off_after_its_support_was_ended() -> None:
    text = (
        "We will discontinue the support for this type of authentication and only support OAuth 2 in the future. "
        "We plan to turn off the authentication on December 4th 2023."
    )
    assert ends(text, "Acme API with the old authentication method") == [D(2023, 12, 4)]
    # a thing turned off that the sentence before did not end support for
    other = "We will discontinue the support for old passwords. We plan to turn off the lights on December 4th 2023."
    assert ends(other, "Acme API with the old authentication method") == []
