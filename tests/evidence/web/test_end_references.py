"""Regression tests for ends stated by reference rather than by an end word beside the date: a
range in a lifecycle column, a month placed by "last year" and the page's date, "that milestone"
standing for an end named before it, and a refused guarantee of updates after a date. Each
comes from a real page in bench/data/web-realworld.json; the variants check that the rule is the
general one, and the negatives what it must not read."""

from __future__ import annotations

import datetime as dt

from tests.evidence.web.snippets import ends

D = dt.date

LIFECYCLE = (
    "The published Long Term Support (LTS) versions of Link IoT Edge are as follows:\n\n"
    "| Version | Feature overview | Lifecycle |\n| --- | --- | --- |\n"
    "| v2.4.x series | See the release notes. | 2019.12 – 2021.12 |\n"
    "| v2.1.x series | See the release notes. | 2019.08 – 2021.08 |\n"
)


def test_a_lifecycle_range_ends_at_its_second_date() -> None:
    assert ends(LIFECYCLE, media="text/markdown") == [D(2021, 8, 31), D(2021, 12, 31)]
    assert ends(LIFECYCLE.replace("2019.12 – 2021.12", "2019 – 2022"), media="text/markdown")[-1] == D(2022, 12, 31)


def test_a_row_named_by_the_end_of_the_product_name() -> None:
    # the row's cell is "v2.4.x series", the product "Link IoT Edge v2.4.x series"
    assert ends(LIFECYCLE, "Link IoT Edge v2.4.x series", "text/markdown") == [D(2021, 12, 31)]
    assert ends(LIFECYCLE, "Link IoT Edge v2.1.x series", "text/markdown") == [D(2021, 8, 31)]


def test_last_year_in_a_month_is_placed_by_the_page_date() -> None:
    text = (
        "December 28, 2022\n\nThe first generation Surface Laptop reached its end of support last year in "
        "November, which is exactly four years from its official release date."
    )
    assert ends(text, "first generation Surface Laptop") == [D(2021, 11, 30)]
    assert ends(text.replace("last year in", "next year in"), "first generation Surface Laptop") == [D(2023, 11, 30)]
    # "in November" alone is the page's year
    assert ends(text.replace("last year in", "in"), "first generation Surface Laptop") == [D(2022, 11, 30)]


def test_that_milestone_stands_for_the_end_named_before() -> None:
    text = (
        "The Surface Laptop 3 is next in line for the end of support, scheduled to hit that milestone later "
        "next year on October 22, 2023."
    )
    assert ends(text, "Surface Laptop 3") == [D(2023, 10, 22)]
    # a milestone that is no end: a launch
    assert (
        ends("The Surface Laptop 3 gets security updates. It is set to hit that milestone on October 22, 2023.") == []
    )
    assert ends("The Surface Laptop 3, our first with USB-C, hit that milestone on October 22, 2023.") == []


def test_a_refused_guarantee_after_a_date_is_an_end() -> None:
    text = (
        "Google specifies that it won't guarantee regular updates will be provided for current Pixel devices "
        "after October 2019."
    )
    assert ends(text, "Pixel") == [D(2019, 10, 31)]
    assert ends("We cannot guarantee security updates for the Acme Cam after 2027.", "Acme Cam") == [D(2027, 12, 31)]
    assert ends(text.replace("guarantee", "guarentee"), "Pixel") == [D(2019, 10, 31)]  # as the page spelt it
    # a date that says which devices, not when updates stop
    assert ends("We cannot guarantee security updates for Acme Cams bought after 2020.", "Acme Cam") == []
    # a guarantee given, not refused
    assert ends("We guarantee that Acme Cam will work after 2027.", "Acme Cam") == []


def test_a_product_that_stops_working_at_a_network_shutdown_said_before() -> None:
    text = (
        "Beginning Feb. 22, 2022, AT&T, VW's Car-Net wireless network provider will discontinue 3G service. "
        "Thus, VW's Car-Net telematic system on most 2014-2019 model year VWs won't function."
    )
    assert ends(text, "VW's Car-Net telematic system") == [D(2022, 2, 22)]
    ford = (
        "The North America 3G cellular service was decommissioned in February 2022.\n"
        "Vehicles on the road equipped with a 3G embedded modem have lost mobile app functionality and connectivity."
    )
    assert ends(ford, "vehicles equipped with a 3G embedded modem") == [D(2022, 2, 28)]
    # a stop of buying before is no cut-off of what the product needs to work
    store = (
        "On 29th July 2024, Xbox 360 users will no longer be able to purchase new games from the console store.\n"
        "In addition, the Microsoft Movies & TV app on the Xbox 360 will no longer function."
    )
    assert ends(store, "Xbox 360") == []


def test_losing_the_ability_to_work_after_a_date() -> None:
    text = (
        "BlackBerry reminded users with devices with BlackBerry 10 software that after Jan. 4, 2022, these "
        "products will lose the ability to carry out key functions."
    )
    assert ends(text, "BlackBerry 10 software") == [D(2022, 1, 4)]
    assert ends("The Acme Cam will lose the lens cap in 2022.", "Acme Cam") == []


def test_the_release_of_the_last_update_ends_updates() -> None:
    text = (
        "The company has announced that the security update that was released on the third of February 2020 "
        "was the last update that the handset will receive."
    )
    assert ends(text, "handset") == [D(2020, 2, 3)]
    assert ends("The final security update for the Acme Cam was released on 3 March 2021.", "Acme Cam") == [
        D(2021, 3, 3)
    ]
    # a release that is not the last one
    assert ends("The latest security update for the Acme Cam was released on 3 March 2021.", "Acme Cam") == []
    assert ends("The Acme Cam was released on 3 March 2021 and gets security updates.", "Acme Cam") == []


def test_a_product_said_to_be_still_supported_has_no_end() -> None:
    text = (
        "Google is no longer supporting or updating older smart displays as of April 2023.\n\n"
        "The Lenovo Smart Clock 2 (opens in new tab) and the original Smart Clock are still supported since "
        "they run a different OS."
    )
    assert ends(text, "Lenovo Smart Clock 2") == []
    assert ends(text) == [D(2023, 4, 1)]  # the end begins with April


def test_a_year_named_series_is_a_version_not_a_date() -> None:
    table = (
        "| Firmware series | Security support |\n| --- | --- |\n| `2026.x` | Supported |\n| `2025.x` | Supported |\n"
        "| `4.5.x` | Supported |\n"
    )
    assert ends(table, media="text/markdown") == []


def test_a_decision_to_stop_made_from_a_date() -> None:
    text = (
        "As of April 30, 2023, HBO made the challenging decision to discontinue support for HBO GO and HBO NOW "
        "on the second and third generation Apple TVs."
    )
    assert ends(text) == [D(2023, 4, 30)]
    # the date of an announcement, or of the decision itself, is no end
    assert ends("In May 2023, Acme announced its plan to end support for the Acme Cam.") == []
    assert ends("On 3 May 2023 Acme made the decision to end support for the Acme Cam.") == []


def test_a_row_stored_a_cell_per_line() -> None:
    rows = (
        "Google Support Expiration, I.e. End-Of-Life\n"
        "HP Chromebook 14 Jun 1, 2019 Expected Final Year: 2018/19\n"
        "Samsung Chromebook 2 11 - XE500C12\n"
        "Oct 1, 2019 Possibly OK for: 2019/20\n"
        "Dell Chromebook 11 (3120) Jun 1, 2020 Expected Final Year: 2019/20\n"
    )
    assert ends(rows, "Samsung Chromebook 2 11 - XE500C12") == [D(2019, 10, 1)]
    assert ends(rows, "HP Chromebook 14") == [D(2019, 6, 1)]
    # a sentence cut at a full stop is not a name's line
    cut = "End-Of-Life\nThe Samsung Chromebook 2 11 reached its end on the 30.\nOct 1, 2019 was a Tuesday.\n"
    assert ends(cut, "Samsung Chromebook 2 11") != [D(2019, 10, 1)]


def test_a_table_stored_a_cell_per_line() -> None:
    text = (
        "Supported Releases\n\nRelease\n\nRelease date\n\nEOL\n\nZephyr 2.7.6\n\n2024-03-01\n\n2025-01-26\n\n"
        "Zephyr 3.7.0\n\n2024-07-26\n\n2027-01-26\n\nZephyr 4.0.0\n\n2024-11-15\n\n2025-07-18\n\n"
        "As of 2022-01-01, LTS1 (1.14.x) is not supported and has reached end of life (EOL).\n"
    )
    assert ends(text, "Zephyr 3.7.0") == [D(2027, 1, 26)]
    assert ends(text, "Zephyr 4.0.0") == [D(2025, 7, 18)]
    # with no column naming an end, the dates are not ends
    assert ends(text.replace("EOL\n", "Last release\n").split("As of")[0], "Zephyr 3.7.0") == []


def test_a_year_in_the_products_name_is_no_date() -> None:
    text = (
        "eolColumn: Security Updates\n"
        '  - releaseCycle: motorola-edge-2024\n    releaseLabel: "Motorola edge 2024"\n'
        "    releaseDate: 2024-05-01\n    eol: 2027-05-31\n"
    )
    assert ends(text, "Motorola edge 2024", "text/markdown") == [D(2027, 5, 31)]


def test_a_product_no_longer_available_or_working_since_a_date() -> None:
    assert ends(
        "# The Acme portal is shutting down\n\nIt will no longer be available from July 2024 !", "Acme portal"
    ) == [D(2024, 7, 1)]
    text = "There is a message that smart cloud web will not be available anymore since 8.05.2025."
    assert ends(text, "smart cloud web") == [D(2025, 5, 8)]
    assert ends("The Tahoma does not work anymore since the 3rd of December 2019.", "Tahoma") == [D(2019, 12, 3)]
    # no longer on sale is not an end of the product
    assert ends("The Acme Cam will no longer be available for purchase from July 2024.", "Acme Cam") == []


def test_which_model_a_year_names_and_an_end_of_sign_ups() -> None:
    text = "My Enyaq is supported by the MySkoda App while the Kodiaq from 2019 is not."
    assert ends(text, "MySkoda App") == []
    sign_ups = (
        "# Acme no longer accepting API applications\n\nStarting Jan 1st, 2022, no new requests will be accepted."
    )
    assert ends(sign_ups, "Acme API") == []
    assert ends("Starting Jan 1st, 2022, no security updates will be provided for the Acme API.", "Acme API") == [
        D(2022, 1, 1)
    ]


def test_a_table_whose_cells_ran_together() -> None:
    text = (
        "Check the lifecycle of our BSP Layers for Yocto in the table below:\n\n"
        "VersionStateInitial Release DateProjected EOLRelease Periodicity\n"
        "BSP 6ActiveOctober 20222026Quarterly\n"
        "BSP 5MaintenanceOctober 20202024As needed\n"
        "BSP 3EOLJune 20192023No Releases\n\n"
        "During a 3-state lifecycle we deliver a series of releases.\n"
    )
    assert ends(text, "BSP 6") == [D(2026, 12, 31)]
    assert ends(text, "BSP 5") == [D(2024, 12, 31)]
    assert ends(text, "BSP 3") == [D(2023, 12, 31)]
    # the release date in the row before the end is not taken for it
    assert D(2020, 10, 31) not in ends(text, "BSP 5")


def test_a_row_whose_name_ran_into_its_cells() -> None:
    text = (
        "What is AUE?\n\nAuto Update Expiration is the date when the Chrome OS will no longer support auto "
        "updates on your Chromebook model.\n\nBelow is a list of Chromebooks with an AUE in 2023.\n\n"
        "AcerChromebook Tab 10 D651NAugust 2023\nAcerChromebook 11 (C771, C771T)June 2023\n"
        "DellChromebook 13 (3380)June 2023\n"
    )
    assert ends(text, "Acer Chromebook Tab 10 D651N") == [D(2023, 8, 31)]
    assert ends(text, "Acer Chromebook 11 (C771, C771T)") == [D(2023, 6, 30)]
    assert ends(text, "Dell Chromebook 13 (3380)") == [D(2023, 6, 30)]
    # a longer name that only begins with the product's is another model
    assert ends(text.replace("(3380)June", "(3380) ProJune"), "Dell Chromebook 13 (3380)") == []


def test_a_new_date_under_a_row_replaces_its_date() -> None:
    text = (
        "Device                Release DateEnd of Servicing Date\n"
        "Surface Pro XNovember 5, 2019October 13, 2024\nNEW DATE: August 10, 2025\n"
        "Surface Book 3May 26, 2020May 26, 2024\n"
    )
    assert ends(text, "Surface Pro X") == [D(2025, 8, 10)]
    assert ends(text, "Surface Book 3") == [D(2024, 5, 26)]


def test_the_maker_closing_ends_its_products() -> None:
    assert ends(
        "# Automatic is closing shop\n\nAutomatic is going out of business by the end of May 2020.", "Automatic"
    ) == [D(2020, 5, 31)]
    text = "Since Aerogarden stated they will close as of January 1, 2025, retailers will wait."
    assert ends(text, "AeroGarden") == [D(2025, 1, 1)]
    spectrum = "Spectrum Home Security: the cable company said it will discontinue the business on Feb. 5, 2020."
    assert ends(spectrum, "Spectrum Home Security") == [D(2020, 2, 5)]
    # an office closing, or a closure for the holidays, is no end
    assert ends("Acme Cam: our office will close on December 24, 2025.", "Acme Cam") == []
    assert ends("Acme will close for the holidays on December 24, 2025.", "Acme") == []


def test_the_date_of_a_shutdown_named_in_the_sentence_before() -> None:
    text = (
        "Sangean Electronics is one of the manufacturers left stranded by the Reciva shutdown.\n\n"
        "“The official date was April 30, 2021,” Sangean Marketing Director Andrew Wu said."
    )
    assert ends(text, "Reciva-enabled internet radios") == [D(2021, 4, 30)]
    assert ends("The shutdown date is April 30, 2021.") == [D(2021, 4, 30)]
    # with no shutdown before, "the official date" is of something else
    assert ends("Sangean makes internet radios. The official date was April 30, 2021.") == []


def test_cut_off_from_the_service_in_a_month_placed_by_the_sentence_tense() -> None:
    text = (
        "sqerk · comment · 2022-03-26\n"
        "Google plans to abandon Onhubs, cut them off from cloud management access, in December."
    )
    assert ends(text, "OnHub") == [D(2022, 12, 31)]  # the coming December, as "plans" says
    past = "sqerk · comment · 2022-03-26\nGoogle abandoned Onhubs, cut them off from cloud access, in December."
    assert ends(past, "OnHub") == [D(2021, 12, 31)]
    # cutting something that is not the product off, or from something that is no service
    assert ends("Acme will cut prices from the store on 1 May 2025.", "Acme Cam") == []


def test_a_table_of_month_first_dates_and_its_end_of_support_column() -> None:
    table = (
        "| Product | FRS Date | End of Engineering | End of Life/ End of Support |\n|---|---|---|---|\n"
        "| UAC 5.2 | 03/31/2015 | 09/30/2016 | 09/30/2017 |\n"
        "| UAC 5.0 | 12/02/2013 | 06/02/2015 | 06/02/2016 |\n"
    )
    # the end of support, not of engineering; "06/02/2016" read month first, as the page writes "03/31/2015"
    assert ends(table, "UAC 5.2", "text/markdown") == [D(2017, 9, 30)]
    assert ends(table, "UAC 5.0", "text/markdown") == [D(2016, 6, 2)]
    # with no date that only month-first order allows, slashed dates stay day first
    uk = (
        table.replace("03/31/2015", "03/03/2015")
        .replace("09/30/2016", "09/09/2016")
        .replace("09/30/2017", "09/09/2017")
    )
    assert ends(uk, "UAC 5.0", "text/markdown") == [D(2016, 2, 6)]


def test_a_bulleted_list_of_last_dates_of_support() -> None:
    text = (
        "The Cisco IOS Software 11.x Family has now been retired and is no longer supported.\n"
        "○ IOS 11.0 - Last Date of Support: 31-December-2001 | |\n"
        "○ IOS 11.2 - Last Date of Support: 02-August-2002 | |\n"
    )
    assert ends(text, "IOS 11.2") == [D(2002, 8, 2)]
    assert ends(text, "IOS 11.0") == [D(2001, 12, 31)]


def test_the_end_of_sale_is_no_end_of_support() -> None:
    assert ends("The Acme Router reached end of sale in 2021.", "Acme Router") == []
    assert ends("The Acme Router reached end of life in 2023.", "Acme Router") == [D(2023, 12, 31)]


def test_a_run_of_labelled_dates_is_read_by_the_end_label() -> None:
    text = (
        "Keenetic Sprinter (KN-3711) support timeline ... Standard Updates until at least: October 2027 "
        "Limited Updates until at least: October 2028 End of Support date: October 2029"
    )
    assert ends(text, "Keenetic Sprinter (KN-3711)") == [D(2029, 10, 31)]


def test_the_same_end_given_twice_the_finer_one_wins() -> None:
    text = (
        "Microsoft Offers Support For Surface Pro Tablet Until 2017 Recently, it was announced that Microsoft "
        "would be supporting the Surface Pro tablet until July 2017."
    )
    assert ends(text, "Surface Pro tablet") == [D(2017, 7, 31)]


def test_an_announcements_date_is_no_end() -> None:
    text = (
        "Purism has always promised lifetime software updates since the original crowdfunding announcement in "
        "August 2017, and it won't cost Purism much to continue."
    )
    assert ends(text, "Librem 5") == []


def test_a_data_files_support_end_field() -> None:
    text = (
        '{ "version": "0.4.4", "generated": "2026-11-11", "devices": [ { "vendor": "Amazon", "model": "Alexa '
        'Photo Frame", "support_end": "2030-12-31", "end_is_minimum": true, "retrieved": "2026-11-11" } ] }'
    )
    assert ends(text, "Alexa Photo Frame") == [D(2030, 12, 31)]
    assert ends(text.replace("support_end", "first_seen"), "Alexa Photo Frame") == []


def test_an_end_named_as_the_subject_of_a_copula() -> None:
    # "The end of life for the Pixel 5, was yesterday, October 14, 2023"
    assert ends("The end of life for the Pixel 5, was yesterday, October 14, 2023.", "Pixel 5") == [D(2023, 10, 14)]
    assert ends("The shutdown date for the Acme Hub is 1 May 2025.", "Acme Hub") == [D(2025, 5, 1)]
    text = "Cloud services would be kept running with no end date. But as we now know, that end date is 15 March, 2015."
    assert ends(text) == [D(2015, 3, 15)]
    # not an end of support: a promotion's end, an end of sale
    assert ends("The end of the promotion for the Acme Hub is 5 January 2027.", "Acme Hub") == []
    assert ends("The end of sale for the Acme Hub was 1 June 2024.", "Acme Hub") == []


def test_a_named_thing_that_is_no_more() -> None:
    assert ends("As of June 17th, 2020, Lockitron is no more.", "Lockitron") == [D(2020, 6, 17)]
    assert ends("From 1 March 2024 the Acme Cloud is no more.", "Acme Cloud") == [D(2024, 3, 1)]


def test_a_joined_stop_with_no_date_of_its_own_shares_the_date() -> None:
    text = "And then in 2012, the Boxee guys quit on the userbase and ceased supporting the device."
    assert ends(text, "Boxee Box") == [D(2012, 12, 31)]
    # a joined verb with its own tense has its own time: 2023 dates the closing, not the end of support
    text = "Parent company Vorwerk shut down Neato in 2023 and is ending cloud support earlier than promised."
    assert ends(text, "Neato robot vacuums") == []


def test_a_shuttered_catalog_ends_the_service_beside_the_support_it_names() -> None:
    text = (
        "HP says that it will end webOS cloud services support for devices running the OS and will shutter "
        "its app catalog on Jan. 15, 2015."
    )
    assert ends(text, "webOS devices") == [D(2015, 1, 15)]


def test_rows_named_by_a_version_when_the_page_never_names_the_product() -> None:
    table = (
        "| Version | Supported | Notes |\n| ------- | --------- | ----- |\n| 3.7.x | yes | |\n"
        "| 3.6.x | yes | Support Ends September 8 2024 |\n| 3.5.x | yes | Support Ends April 4 2024 |\n"
    )
    assert ends(table, "cryptoauthlib 3.6.x", "text/markdown") == [D(2024, 9, 8)]
    assert ends(table, "cryptoauthlib 3.5.x", "text/markdown") == [D(2024, 4, 4)]
    lines = "A51 : EOL 2024-06-05\nA42 : EOL 2024-12-05 (announce) or 2024-06-20 (last patch)\n"
    assert ends(lines, "Galaxy A51") == [D(2024, 6, 5)]


def test_a_subject_naming_the_product_among_others_keeps_the_end() -> None:
    text = "The eShops for both Nintendo Wii U and Nintendo 3DS will close permanently on March 27, 2023."
    assert ends(text, "Nintendo Wii U eShop") == [D(2023, 3, 27)]
    # a subject naming only the other model is that model's
    assert ends("The eShop for the Nintendo 3DS will close on March 27, 2023.", "Nintendo Wii U eShop") == []


def test_a_maintainers_own_use_that_stops_is_no_end() -> None:
    text = (
        "As of January 2025, I have migrated my home automation from SmartThings to Home Assistant, so I no "
        "longer actively use this software."
    )
    assert ends(text, "smartapp-sdk") == []
    text = "As of January 2025, we have moved to a new platform, so this software no longer receives security updates."
    assert ends(text, "smartapp-sdk") == [D(2025, 1, 1)]  # the end begins with the month


ESP_TABLE = (
    "| SoC | EOL Year | Currently supported |\n| --- | --- | --- |\n| ESP32-S3 | 2033 | Yes |\n"
    "| ESP32 | 2031 | Yes |\n| ESP32-C61 | TBA | Yes |\n"
)


def test_a_page_that_says_its_years_end_on_their_first_day() -> None:
    note = "\n> Support for each device ends on **January 1st** of the year specified in the table.\n"
    assert ends(ESP_TABLE + note, "RadonOS ESP32-S3", "text/markdown") == [D(2033, 1, 1)]
    assert ends(ESP_TABLE, "RadonOS ESP32-S3", "text/markdown") == [D(2033, 12, 31)]  # without the note: its last day


def test_a_yaml_list_of_releases_is_read_as_rows() -> None:
    text = (
        '---\ntitle: Apple tvOS\nreleases:\n  - releaseCycle: "18"\n    releaseDate: 2024-09-16\n'
        "    eol: 2025-09-15\n\n"
        '  - releaseCycle: "17"\n    releaseDate: 2023-09-18\n    eol: 2024-09-16\n---\n\nMajor versions of tvOS are '
        "released annually.\n"
    )
    assert ends(text, "tvOS 17", "text/markdown") == [D(2024, 9, 16)]
    assert ends(text, "tvOS 18", "text/markdown") == [D(2025, 9, 15)]


def test_a_two_digit_year_is_read_as_a_four_digit_one() -> None:
    text = "You may lose connection to professional monitoring as of 12/31/22 if your module is not upgraded."
    assert ends(text, "Base Station") == [D(2022, 12, 31)]
    # 3 April or 4 March: day first, as "3/4/2022" is read
    assert ends("Security updates end on 3/4/22.", "Acme Hub") == ends("Security updates end on 3/4/2022.", "Acme Hub")
    assert ends("Security updates end on 3/4/22.", "Acme Hub") == [D(2022, 4, 3)]


def test_an_end_of_production_that_comes_with_no_further_updates() -> None:
    assert ends("AiSEG2 production ends in September 2026 with no further firmware updates.", "AiSEG2") == [
        D(2026, 9, 30)
    ]
    assert ends("AiSEG2 production ends in September 2026 with no further colours.", "AiSEG2") == []


def test_a_product_that_follows_an_end_and_a_gapped_clause() -> None:
    text = (
        "Following the Pixel 4a, the Pixel 5 will be the next Google smartphone to reach the end of its software "
        "support cycle in October 2023. Subsequently, the Pixel 4a 5G will follow in November 2023, and the "
        "Pixel 5a 5G in August 2024."
    )
    assert ends(text, "Pixel 5a 5G") == [D(2024, 8, 31)]
    assert ends(text, "Pixel 4a 5G") == [D(2023, 11, 30)]
    # "follow" after no end is no end
    assert ends("The Pixel 5 launched in 2020. The Pixel 5a 5G will follow in August 2021.", "Pixel 5a 5G") == []


def test_a_period_from_a_release_dated_elsewhere() -> None:
    text = "The Acme Cam 2 receives security updates for 3 years after launch. Launch date: 1 March 2024."
    assert ends(text, "Acme Cam 2") == [D(2027, 3, 1)]
    text = "The Acme Cam 2 was released on 1 March 2024 and will receive security updates for five years."
    assert ends(text, "Acme Cam 2") == [D(2029, 3, 1)]
    # a release that picks devices is no start: "launched in 2021 or later"
    assert ends("Acme provides five years of security updates to phones launched in 2021 or later.", "Acme") == []
    assert ends("The Acme Cam 2 gets updates for 5 years from the release of the Acme app.", "Acme Cam 2") == []


def test_a_half_year_is_no_end_date() -> None:
    assert ends("Security updates for the Acme Cam 2 end in H2 2027.", "Acme Cam 2") == []
    assert ends("Security updates for the Acme Cam 2 end in the second half of 2027.", "Acme Cam 2") == []


def test_when_the_final_update_is_to_come_and_a_bricking() -> None:
    assert ends("The Acme Cam 2 is being retired: its final update will arrive in December 2025.", "Acme Cam 2") == [
        D(2025, 12, 31)
    ]
    # a past last update is no stated end
    assert ends("Notably, the last software update for the Acme Cam 2 came in November 2022.", "Acme Cam 2") == []
    assert ends("The Acme Cam 2 will be bricked on 15 May 2024, Acme confirmed.", "Acme Cam 2") == [D(2024, 5, 15)]


def test_time_left_before_the_service_stops() -> None:
    text = "Acme Cam 2 owners have until 30 June 2025 before the cloud service goes offline."
    assert ends(text, "Acme Cam 2") == [D(2025, 6, 30)]
    assert ends("Acme Cam 2 owners have until 30 June 2025 before the offer expires.", "Acme Cam 2") == []


def test_a_day_month_year_date_with_hyphens() -> None:
    assert ends("Acme Cam 2\nDefined support period end date: 31-12-2027", "Acme Cam 2") == [D(2027, 12, 31)]
    assert ends("Acme Cam 2\nSecurity updates until 01-06-2030", "Acme Cam 2") == [D(2030, 6, 1)]
    assert ends("Acme Cam 2\nModel AC-12-2027, security updates until 2030", "Acme Cam 2") == [D(2030, 12, 31)]


def test_an_end_that_begins_with_a_month_or_year_is_its_first_day() -> None:
    # "Beginning May 2020, the following products will stop …": the words before the date start
    # the end, whatever the parser makes of "Beginning"
    text = (
        "Beginning May 2020, the following products will stop receiving software updates and security "
        "patches:\n\n- Zone Players\n- Bridge\n"
    )
    assert ends(text, "Bridge") == [D(2020, 5, 1)]
    assert ends("The hub has been End of Support since 2023.", "hub") == [D(2023, 1, 1)]
    # an end in a month, or up to it, keeps the month's last day; so does the late part of a month
    assert ends("Security updates for the hub will end in May 2020.", "hub") == [D(2020, 5, 31)]
    assert ends("The hub will receive security updates until May 2020.", "hub") == [D(2020, 5, 31)]
    assert ends("As of late March 2023, it will no longer be possible to download updates for the hub.", "hub") == [
        D(2023, 3, 31)
    ]


def test_a_foreign_end_from_a_month_on_is_its_first_day() -> None:
    text = "Algunos productos de Sonos dejarán de recibir actualizaciones y funciones nuevas a partir de mayo de 2020."
    assert ends(text) == [D(2020, 5, 1)]
    assert ends("Software-Updates für die Bridge sind bis Mai 2020 garantiert.") == [D(2020, 5, 31)]  # up to it


def test_a_service_stopped_by_its_supply_or_terminated_as_a_clause_on_its_noun() -> None:
    text = (
        "As of April 30, 2018, Nike stopped providing the promised services for legacy wearable devices, "
        "such as the Nike+ SportWatch GPS."
    )
    assert ends(text, "Nike+ SportWatch GPS") == [D(2018, 4, 30)]
    assert ends("Acme TVii has already had its service terminated on August 11th, 2015.", "Acme TVii") == [
        D(2015, 8, 11)
    ]
    # what is supplied decides: a discount or a customer service is not the product's service
    assert ends("On April 30, 2018, Acme stopped offering discounts on the SportWatch.", "SportWatch") == []
    assert ends("On April 30, 2018, Acme stopped providing customer service for the watch.", "watch") == []


def test_an_end_date_named_as_a_noun_with_its_date() -> None:
    assert ends(
        "The end of life announcement gave the OS a year to live, with an official end-of-life date in July 2026.",
        "OS",
    ) == [D(2026, 7, 31)]
    text = (
        "Acme has announced the discontinuation of its support for second-generation hubs. With the cut-off "
        "date looming on July 31, 2024, it's time to explore the alternatives."
    )
    assert ends(text, "second-generation hubs") == [D(2024, 7, 31)]
    # a cut-off for doing something else is no end
    assert ends("The cutoff date for adding funds to the eShop is May 23, 2022.") == []


def test_this_date_may_skip_a_sentence_with_no_date() -> None:
    text = (
        "Acme Edge Version 1 entered the extended life phase on June 30, 2023. For more information, see the "
        "maintenance policy. After this date, Acme Edge V1 won't release updates that provide features, bug "
        "fixes, or security patches."
    )
    assert ends(text, "Acme Edge Version 1") == [D(2023, 6, 30)]
    # two sentences with no date between: the reference is too far to follow
    far = text.replace("maintenance policy.", "maintenance policy. Devices keep working.")
    assert ends(far, "Acme Edge Version 1") == []


def test_a_sentence_about_another_release_of_a_product_named_by_its_number() -> None:
    text = (
        "# 1.6.0 LTS\n\nThe 1.6 version is the latest LTS release. It will be serviced with fixes for critical "
        "security issues through November 14, 2028.\n\n- Remove support for Debian 11 (support continues in 1.5 "
        "through August 2026)\n"
    )
    assert ends(text, "1.6.0 LTS", "text/markdown") == [D(2028, 11, 14)]


def test_a_reported_shutdown_of_a_service_and_an_interface() -> None:
    text = "When I signed on recently, I received a message that the portal was being shut down in May 2026."
    assert ends(text, "portal") == [D(2026, 5, 31)]
    assert ends("We plan to discontinue certain cloud interfaces at 2024-01-01 Pacific Time.") == [D(2024, 1, 1)]
    # an interface that is not the maker's service
    assert ends("We will discontinue the user interface theme in January 2024.") == []


def test_an_answered_question_with_its_source_in_brackets() -> None:
    text = (
        "What's the Product's Name?\nAcme Connect\n\nWhen was the product discontinued? Provide a specific date, if "
        "possible.\n\nOctober 13, 2022 (source: https://news.example/acme-connect-shut/)\n"
    )
    assert ends(text, "Acme Connect") == [D(2022, 10, 13)]
    assert ends(text.replace("(source:", "(launch date; source:"), "Acme Connect") == []


def test_a_timeline_line_of_a_date_and_an_end_label() -> None:
    text = "Timeline\n\nMarch 1, 2024: End of sale\n\nJune 30, 2025: End of support\n"
    assert ends(text) == [D(2025, 6, 30)]
    assert ends(text.replace(": End of support", " - Service shutdown")) == [D(2025, 6, 30)]
    notice = (
        "[Acme Portal/Classic] Service Discontinuation Notice\n\nDear User, the new platform is now live.\n\n"
        "Aug 30, 2026 [Acme Portal/Classic] Close Time\n"
    )
    assert ends(notice, "Acme Portal/Classic") == [D(2026, 8, 30)]
    # a dated line that opens a longer sentence, or names a sale's end, is not such a line
    assert ends("March 1, 2024: End of sale for the hub\n") == []
    assert ends("June 30, 2025: Closing the loop on our community survey, with thanks to all who took part\n") == []


def test_a_glued_row_whose_cells_did_not_come_apart_ends_under_the_last_label() -> None:
    text = (
        "PSTI initial support periods\n\nThe support period is the time the product receives security updates. "
        "... No.ModelsRemarksInitial Support PeriodInitial Support Period End Date\n"
        "1NDA-aabbb, NDB-aabbb (with WIFI) 5 years 30.08.2030\n2NXA-aabbb (mains) 3 years 01.09.2028\n"
    )
    assert ends(text, "NDA-aabbb") == [D(2030, 8, 30)]
    assert ends(text, "NXA-aabbb") == [D(2028, 9, 1)]
    # a headline with an end word in it heads no table: a byline's date under it is no end
    headline = "[Not an issue] Acme/MonPilotage End of service\n\nSawn · description · 2025-12-01\n"
    assert ends(headline, "Acme") == []


def test_support_removed_a_date_that_marks_the_end_and_a_when_clause_on_the_date() -> None:
    text = "Microsoft has officially removed the Windows Phone 8.1 support starting from July 11th, 2017."
    assert ends(text, "Windows Phone 8.1") == [D(2017, 7, 11)]
    assert ends("Acme has removed the old logo from the hub box on July 11th, 2017.", "hub") == []  # not support
    text = "The lifecycle site shows April 2014 will mark the end of support for Acme Tablet OS 2.0.x."
    assert ends(text, "Acme Tablet OS 2.0.x") == [D(2014, 4, 30)]
    assert ends("The site shows April 2014 will mark the start of sales for Acme Tablet OS 2.0.x.") == []
    text = (
        "The big shutdown, however, will take place on December 31st, 2019, when the Acme World app store will "
        "be taken offline."
    )
    assert ends(text, "Acme World app store") == [D(2019, 12, 31)]
    assert ends("The launch will take place on December 31st, 2019, when the Acme World app store opens.") == []


def test_a_model_introduced_and_discontinued_left_the_market() -> None:
    text = (
        "D-Link said that because these products are at End of Life (EOL) support, the vendor will not provide "
        "fixes. Unfortunately, one of the models, the DIR-866L, was introduced in 2014 and discontinued only in 2018."
    )
    assert ends(text, "DIR-866L") == []
    # support discontinued after a launch is an end of support
    assert ends("The DIR-866L was launched in 2014 and support was discontinued in 2018.", "DIR-866L") == [
        D(2018, 12, 31)
    ]


def test_a_sentence_pointing_back_at_a_list_is_about_its_items() -> None:
    text = (
        "Acme is going to stop updates for certain products. These legacy products include\n\n"
        "• Zone Players\n• first-generation Play:5 (launched 2009)\n• Bridge (launched 2007)\n\n"
        "Starting in May 2020 those ACME devices will no longer be supported with future updates.\n"
    )
    assert ends(text, "first-generation Play:5") == [D(2020, 5, 1)]
    # a subject that names another model is that model's
    assert ends(text.replace("those ACME devices", "the ACME ZP80"), "first-generation Play:5") == []


CHANGELOG = (
    "## v5.32 (2017-07-20)\n\n* new boards\n\n## v5.31 (2017-06-15)\n\n* bugfix release\n\n"
    "**End of support notice**\n\nFollowing boards are no longer receiving support and updates since this version:\n\n"
    "* Cubieboard (Allwinner A10) - not enough hardware samples\n* Olimex Lime A10\n\n"
    "## v5.30 (2017-06-14)\n\nFollowing boards are no longer receiving support and updates since this version:\n\n"
    "* Orange Pi (Allwinner A20)\n"
)


def test_a_changelogs_end_of_support_since_this_version_is_the_releases_date() -> None:
    assert ends(CHANGELOG, "Cubieboard (Allwinner A10)", "text/markdown") == [D(2017, 6, 15)]
    assert ends(CHANGELOG, "Orange Pi (Allwinner A20)", "text/markdown") == [D(2017, 6, 14)]
    # a release's notes that stop nothing give no end
    assert ends(CHANGELOG.replace("are no longer receiving support and updates", "are new"), "Olimex Lime A10",
                "text/markdown") == []  # fmt: skip


def test_respectively_pairs_names_with_dates_in_order() -> None:
    text = (
        "The 6a/7a/8a are excellent values on sale and will receive support from Google until July 2027, "
        "May 2028, and May 2031 respectively."
    )
    assert ends(text, "Pixel 7a") == [D(2028, 5, 31)]
    assert ends(text, "Pixel 8a") == [D(2031, 5, 31)]
    listed = "Google says the Pixel 6, Pixel 7 and Pixel 8 get updates until October 2026, October 2027 and October 2028 respectively."  # noqa: E501
    assert ends(listed, "Pixel 7") == [D(2027, 10, 31)]
    assert ends(listed, "Pixel 8") == [D(2028, 10, 31)]
    # as many names as dates, or no pairing
    assert ends(listed.replace("Pixel 6, ", ""), "Pixel 7") != [D(2028, 10, 31)]

    # the dates paired with another list, nearer "respectively", are not the names'
    kinds = "The Acme 5X and Acme 6P have until September 2017 and September 2018 for OS and security updates, respectively."  # noqa: E501
    assert ends(kinds, "Acme 5X") != [D(2017, 9, 30)]


def test_a_markdown_pages_html_table_gives_each_row_its_end() -> None:
    text = (
        "#### Modern devices\n<table>\n<tr><th> Device(s) </th><th> OS upgrades </th><th> Security updates </th></tr>\n"
        "<tr><td> Fairphone 5 </td><td> Android 16* </td><td> September 2031* </td></tr>\n"
        "<tr><td> Motorola moto g84 5G </td><td> Android 16* </td><td> December 2026* </td></tr>\n</table>\n"
    )
    assert ends(text, "Fairphone 5", "text/markdown") == [D(2031, 9, 30)]
    assert ends(text, "Motorola moto g84 5G", "text/markdown") == [D(2026, 12, 31)]


def test_an_endoflife_pages_eol_column_renamed_to_an_end_of_production() -> None:
    page = (
        "---\ntitle: Acme Board\ncategory: device\neolColumn: Discontinued\n\nreleases:\n"
        '-   releaseCycle: "5"\n    releaseDate: 2023-10-23\n    eol: 2036-01-01\n---\n\n'
        "> Acme Board is a series of single-board computers. Some come with an obsolescence statement "
        "guaranteeing production until a date.\n"
    )
    assert ends(page, "Acme Board 5", "text/markdown") == []
    # a column named for support keeps its dates as ends
    supported = page.replace("eolColumn: Discontinued", "eolColumn: Security Support")
    assert ends(supported, "Acme Board 5", "text/markdown") == [D(2036, 1, 1)]


def test_an_end_beginning_with_a_scheduled_update_and_online_access_disabled() -> None:
    text = "API 1.x will no longer be supported beginning with the Acme Controller update scheduled for May 2021"
    assert ends(text, "API 1.x") == [D(2021, 5, 1)]
    assert ends(text.replace("will no longer be supported", "will be supported"), "API 1.x") == []
    text = "On December 31, 2024, Acme disabled the online access and the app for the Acme EQ."
    assert ends(text, "Acme EQ") == [D(2024, 12, 31)]


def test_a_deadline_to_move_off_what_a_sunset_ends() -> None:
    text = "## 1.1.x Integration Sunset (v1)\n\nUsers MUST upgrade by the end of 2026 to avoid disruption.\n"
    assert ends(text, "1.1.x Integration (v1)", "text/markdown") == [D(2026, 12, 31)]
    # a deadline with no sunset named is no end
    assert (
        ends(
            "## Release notes\n\nUsers should upgrade by the end of 2026 for the new features.\n", None, "text/markdown"
        )
        == []
    )  # noqa: E501


def test_a_repository_archived_and_a_product_withdrawn_from_one_market() -> None:
    assert ends("This repository is deprecated and will be archived on 2026-03-31.", "acme-bridge") == [D(2026, 3, 31)]
    assert ends("The old photos will be archived on 2026-03-31.", "Acme Frame") == []  # photos, not the code
    text = "As of December 2023, they are no longer available in the US but are obtainable in other countries for now."
    assert ends(text, "Acme pods") == []
    assert ends("As of December 2023, the Acme cloud is no longer available.", "Acme pods") == [D(2023, 12, 1)]


def test_a_shutdown_that_will_occur_after_a_sentence_that_names_it() -> None:
    text = "Acme is shutting down the cloud service for the hub. The complete shutdown will occur February 28, 2022."
    assert ends(text, "hub") == [D(2022, 2, 28)]
    # a shutdown of something else, named before, is not the service's
    other = "Acme is shutting down its office in Leeds. The complete shutdown will occur February 28, 2022."
    assert ends(other, "hub") == []


def test_the_shutdown_of_an_api_named_before_that_will_occur_at_a_date() -> None:
    text = (
        "Acme is shutting down their v5 api which the current integration is based on. The complete shutdown "
        "will occur February 28, 2022."
    )
    assert ends(text, "Acme API v5") == [D(2022, 2, 28)]
    # (an API a plugin relies on, deprecated, is still not the plugin's end: test_heldout26_formats)


def test_the_latest_dated_update_of_a_notice_holds() -> None:
    text = (
        "Acme is shutting down its cloud service.\n\n**Update** June 7, 2021: Support for the Acme API service for "
        "existing customers will continue until the end of 2022.\n\n**Update** June 6, 2022: Support for the Acme "
        "API service for existing customers will continue until March 31st, 2023.\n"
    )
    assert ends(text, "Acme API", "text/markdown") == [D(2023, 3, 31)]
    # ends that no dated update leads stay as they are
    plain = text.replace("**Update** June 7, 2021: ", "").replace("**Update** June 6, 2022: ", "")
    assert ends(plain, "Acme API", "text/markdown") == [D(2022, 12, 31), D(2023, 3, 31)]


def test_the_final_update_received_now_but_not_one_received_before() -> None:
    # (the present tells a schedule: "receives", "is receiving"; the past tells an update that came)
    for verb in ("is receiving", "receives", "will receive"):
        assert ends(f"The Acme Cam 2 {verb} its final update in October 2025.", "Acme Cam 2") == [D(2025, 10, 31)]
    for verb in ("got", "has received"):
        assert ends(f"The Acme Cam 2 {verb} its final update in October 2025.", "Acme Cam 2") == []
