"""Regression tests for the phrasings the twenty-sixth to twenty-eighth held-out sets of real pages
showed psti missing on their first run (bench/data/web-realworld.json, sets "held-out-26" to
"held-out-28"). The snippets have the format of their sources (news reports of services ending,
a lifecycle table in HTML, GitHub threads with their posts' dates, a maker's disclosure page as
plain text); the variants check that each rule is the general one, and the negatives what it must
not read."""

from __future__ import annotations

import datetime as dt

from psti.evidence.web.dates import DATE
from tests.evidence.web.snippets import ends, policy

D = dt.date

OPENWRT = """<h2>Support status</h2>
<p>This lists the currently support or not supported OpenWrt versions.</p>
<table>
<tr><th>Version</th><th>Current status</th><th>Projected EoL</th></tr>
<tr><td>23.05</td><td>Fully supported</td><td>2025, April</td></tr>
<tr><td>22.03</td><td>End of life</td><td>2024, July</td></tr>
<tr><td>19.07</td><td>End of life</td><td>2022, April</td></tr>
</table>"""


def test_a_version_table_with_year_first_months() -> None:
    assert ends(OPENWRT, "OpenWrt 23.05", media="text/html") == [D(2025, 4, 30)]
    assert ends(OPENWRT, "OpenWrt 22.03", media="text/html") == [D(2024, 7, 31)]
    assert ends(OPENWRT, "OpenWrt 19.07", media="text/html") == [D(2022, 4, 30)]
    # a row marked ended with no end column keeps saying no end
    ended = OPENWRT.replace("Projected EoL", "Released")
    assert ends(ended, "OpenWrt 22.03", media="text/html") == []


def test_a_service_named_and_turned_down() -> None:
    text = "Google is turning down the legacy Fitbit Web API in September 2026, so we're not developing this further."
    assert ends(text) == [D(2026, 9, 30)]
    # a company shut down, or an API a plugin relies on deprecated, is not the product's end
    assert ends("Parent company Vorwerk Group shut down Neato in 2023 and is ending cloud support early.") == []
    assert ends("Tado deprecated the authentication API this plugin uses in March 2025.") == []


def test_stops_that_need_a_service() -> None:
    assert ends("Reader Store will be closing March 20, 2014 at 6 p.m. (EST).") == [D(2014, 3, 20)]
    assert ends("Lightify is disabling their servers in 2021.") == [D(2021, 12, 31)]
    assert ends("Sony will remove the app on 30th September 2016.") == [D(2016, 9, 30)]
    assert ends("We will close the office on 3 May 2024.") == []
    assert ends("The feature was removed in 2023 from the app.") == []


def test_no_updates_after_a_date() -> None:
    text = (
        "Those with Skype installed on their existing TV can continue using it, but there will be no updates "
        "after June 2016."
    )
    assert ends(text) == [D(2016, 6, 30)]
    assert ends("There will be updates after June 2016.") == []


def test_not_until_is_a_start() -> None:
    text = "Some products may not have their release firmware pushed until the end of September 2026."
    assert ends(text) == []
    assert ends("Updates will not be released until March 2026.") == []
    # a stop that will not come until the date is an end at the date
    assert ends("The servers will not be shut down until 31 March 2026.") == [D(2026, 3, 31)]


def test_the_end_of_a_date_is_a_time() -> None:
    assert ends("Security updates are provided until the end of 2026.") == [D(2026, 12, 31)]
    assert ends("Samsung will end support at the end of March 2025.") == [D(2025, 3, 31)]


def test_a_model_year_is_not_a_date() -> None:
    text = (
        "Sony has announced that they will remove the YouTube app on Sony internet-enabled 2012 TVs following "
        "changes by YouTube. Sony will remove the app on 30th September 2016."
    )
    assert ends(text) == [D(2016, 9, 30)]
    assert ends("Support for 2019 models ends in 2025.") == [D(2025, 12, 31)]


def test_a_version_is_not_a_year() -> None:
    found = [m.group(0) for m in DATE.finditer("support will end with release 2025.12, after 2025.6")]
    assert found == []
    assert [m.group(0) for m in DATE.finditer("RT-AC1900 and RT-AC1900P")] == []
    assert [m.group(0) for m in DATE.finditer("until 2026. Then")] == ["2026"]


def test_relative_times_placed_by_the_post_date() -> None:
    thread = (
        "MichaIng · description · 2020-10-22\n"
        "Google Cloud Print will be shut down at the end of the year. Let's not offer an install option.\n"
    )
    assert ends(thread) == [D(2020, 12, 31)]
    thread = "dalethomas81 · comment · 2020-06-06\nAre you aware that Lightify is disabling their servers next year?\n"
    assert ends(thread) == [D(2021, 12, 31)]
    # a span of time, not a time, and a sentence that names its own year stay as written
    assert ends("x · comment · 2020-06-06\nOver the next year we will shut down the servers.\n") == []
    text = "x · comment · 2020-06-06\nIn 2019 Acme said the servers would be shut down by the end of the year.\n"
    assert ends(text) == []  # (read with the post's year, it would be the end of 2020)


def test_a_negation_shared_by_a_joined_clause() -> None:
    text = (
        "Wyze warns in the email that it will no longer actively monitor or patch new security vulnerabilities "
        "for the device and that your continued use of the WyzeCam after February 1, 2022 carries increased risk."
    )
    assert ends(text) == [D(2022, 2, 1)]
    assert ends(text.replace("no longer actively", "actively")) == []


def test_a_contact_page_written_without_its_scheme() -> None:
    text = (
        "If you believe you have found a security vulnerability, please submit your report to us using the "
        "following link/email: www.hisense-usa.com/contact"
    )
    assert policy(text).contacts == ["https://www.hisense-usa.com/contact"]
    assert policy("Visit www.example-shop.com for our latest offers.").contacts == []


def test_a_span_counted_from_the_post_date() -> None:
    text = (
        '---\nlayout: post\ntitle: "Deprecating 32-bit systems"\ndate: 2025-05-22 00:00:00\n---\n\n'
        "We are today officially deprecating three legacy CPU architectures.\n\n"
        "In six months, your system will become unsupported and will no longer receive updates.\n"
    )
    assert ends(text, media="text/markdown") == [D(2025, 11, 22)]
    # with no date of the page, a span has no start
    assert ends(text.replace("date: 2025-05-22 00:00:00\n", ""), media="text/markdown") == []


def test_a_post_byline_is_a_line_of_its_own() -> None:
    text = (
        "# mylife Cloud service to be terminated\n\nfeeblee · description · 2026-05-11\n"
        "mylife announced the end of mylife cloud by end of 2026.\n"
    )
    assert ends(text, "mylife Cloud", media="text/markdown") == [D(2026, 12, 31)]
    # announcing something else by a date is an event
    assert ends(text.replace("the end of mylife cloud", "a new app"), media="text/markdown") == []


def test_a_headline_over_a_sentence_is_not_joined_to_it() -> None:
    text = (
        "Samsung is shutting down the v1 SmartThings hub this month\n"
        "The v1 SmartThings Hub from 2013. It dies at the end of the month.\n"
    )
    assert ends(text) == []


def test_the_makers_service_going_on_until_a_date() -> None:
    text = (
        "The current press release from Osram to shut down the cloud server of its LIGHTIFY platform fits this "
        "news. Although the server will continue until 31.8.2021, users will have to search for a new system."
    )
    assert ends(text, "LIGHTIFY platform") == [D(2021, 8, 31)]
    assert ends("The offer will continue until 31.8.2021.") == []


def test_notifying_third_parties_is_no_status_update() -> None:
    text = (
        "Upon receiving the vulnerability report, Respiree will:\n\n"
        "· Acknowledge receipt of your suspected vulnerability report and notify the stakeholders of the suspected "
        "vulnerability within 5 business days from our receipt of your report.\n"
    )
    found = policy(text)
    assert [c.timescale for c in found.acknowledgement if c.timescale] == ["within 5 business days"]
    assert found.status_updates == []
    assert [c.timescale for c in policy("We will notify you of our progress every 14 days.").status_updates] == [
        "every 14 days"
    ]


def test_a_stop_scheduled_in_a_relative_clause() -> None:
    text = (
        "We now know the date and time when Nintendo will disconnect online services for 3DS and Wii U software, "
        "which is scheduled for April 8th, 2024, at 4PM PT / 7PM ET."
    )
    assert ends(text) == [D(2024, 4, 8)]
    assert ends("Acme will shut down its servers, which is scheduled for 1 May 2025.") == [D(2025, 5, 1)]
    assert ends("Acme will release the new app, which is scheduled for 1 May 2025.") == []
    assert ends("Acme will open a new office, which is scheduled for 1 May 2025.") == []


def test_access_to_the_makers_store_terminated() -> None:
    text = (
        "The phase-out process is set to commence in April 2024, with services on affected devices being disabled. "
        "Subsequently, access to the Barnes & Noble bookstore will be terminated in June 2024.\n\n"
        "The devices impacted by this decision include the 2011 Nook Simple Touch and the 2013 Nook GlowLight."
    )
    assert ends(text, "Nook Simple Touch (2011)") == [D(2024, 6, 30)]
    # access to something that is not the maker's service is no end of the product
    assert ends("Access to the Barnes & Noble car park will be terminated in June 2024.") == []


def test_a_service_no_longer_offered() -> None:
    text = "From Tuesday November 30th 2021, Hive will not be offering services in North America."
    assert ends(text) == [D(2021, 11, 30)]
    assert ends("From 1 May 2022, we will no longer provide cloud services for the Acme Hub.") == [D(2022, 5, 1)]
    assert ends("From 1 May 2022, we will not be offering discounts.") == []


def test_an_earlier_promise_replaced() -> None:
    text = (
        "The company had initially committed to maintaining the MyNeato app until 2028 but is now ceasing support "
        "before year's end due to cybersecurity and compliance challenges."
    )
    assert ends(text) == []
    # a promise with nothing replacing it stands, and the replacing clause's own date is read
    assert ends("The company initially committed to maintaining the app until 2028.") == [D(2028, 12, 31)]
    text = "Acme originally planned to support the hub until 2026, but now extends support until 2028."
    assert ends(text) == [D(2028, 12, 31)]


def test_an_end_extended_replaces_the_one_it_was_due_at() -> None:
    text = "Support for these laptops was due to expire on June 2022 but has been extended to June 2025."
    assert ends(text) == [D(2025, 6, 30)]
    assert ends("Support for these laptops was due to expire on June 2022.") == [D(2022, 6, 30)]


def test_a_launch_in_brackets_is_an_event() -> None:
    text = (
        "For example, system updates for the Pixel 6 and Pixel 6 Pro (launched in 2021) end in October – "
        "security updates continue until 2026."
    )
    assert ends(text, "Pixel 6") == [D(2026, 12, 31)]


def test_model_years_and_plural_stores() -> None:
    assert ends("Software updates are not available for 2014 model year and older vehicles.") == []
    text = "The eShops for both Nintendo Wii U and Nintendo 3DS will close permanently on March 27, 2023."
    assert ends(text) == [D(2023, 3, 27)]


def test_a_dated_title_line_is_the_page_date() -> None:
    text = (
        "date 2022-02-25 3G sunset brings end of features, or upgrades\n\n"
        "Honda told customers they must install the upgrade before Feb. 22.\n"
    )
    assert ends(text) == []  # neither the page's date nor a deadline "before" a day is an end
    text = "date 2022-02-25 Acme notice\n\nThe Acme Hub servers will be switched off on 31 March.\n"
    assert ends(text) == [D(2022, 3, 31)]


def test_support_for_more_years_without_a_start() -> None:
    text = (
        "Support for these laptops has been extended to June 2025. However, some older models, like the Samsung "
        "Chromebook 3, have been selling as new for years. In fact, Google's documents show that the Chromebook 3 "
        "will receive support for only two more years."
    )
    assert ends(text, "Samsung Chromebook 3") == []  # its own period has no start; the other models' date is not its
    assert ends(text, "Lenovo 100e Chromebook") == [D(2025, 6, 30)]


def test_a_date_column_is_not_the_page_date() -> None:
    text = (
        "| Date | Milestone |\n| --- | --- |\n"
        "| April 30, 2020 | Last sale of Xenon devices |\n"
        "| June 30, 2020 | End of customer support for mesh |\n"
    )
    assert ends(text, "mesh", media="text/markdown") == [D(2020, 6, 30)]
