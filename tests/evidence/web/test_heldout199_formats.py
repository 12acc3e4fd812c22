"""Formats met on held-out sets 197 onwards: a launch's date, a rough span after it, a product cut
from its app or bricked, support pulled, a day parsed apart from its month, dotted dates, a file
quoted as a patch, GitHub's reporting feature, a link whose address is the place to report."""

from __future__ import annotations

import datetime as dt

from tests.evidence.web.snippets import ends, policy

D = dt.date


def test_a_launch_date_is_no_end() -> None:
    launched = "Years after the hub's launch in 2019, Acme has discontinued support for the Acme Hub."
    assert ends(launched, "Acme Hub") == []
    # the end's own date still counts beside it
    both = "After its launch in 2019, Acme discontinued support for the Acme Hub in March 2024."
    assert ends(both, "Acme Hub") == [D(2024, 3, 31)]


def test_a_rough_span_after_a_launch_counts_to_no_day() -> None:
    rough = "Almost ten years after the stick's launch in 2013, Acme has discontinued support for the Acme Stick."
    assert ends(rough, "Acme Stick") == []
    exact = "The Acme Stick gets security updates for five years from its launch on 1 March 2024."
    assert ends(exact, "Acme Stick") == [D(2029, 3, 1)]


def test_a_product_unpaired_or_removed_from_its_app() -> None:
    unpaired = "Starting October 25, 2025, your device will be unpaired and removed from your Acme app."
    assert ends(unpaired, "Acme Thermostat") == [D(2025, 10, 25)]
    removed = "On 1 May 2026 your Acme cameras will be removed from the Acme app."
    assert ends(removed, "Acme Camera") == [D(2026, 5, 1)]
    # a feature removed from the app leaves the product supported
    feature = "On 1 May 2026 the scheduling feature will be removed from the Acme app."
    assert ends(feature, "Acme Camera") == []


def test_a_product_bricked_or_its_support_pulled() -> None:
    bricked = "Acme will be deliberately bricking every unit of the Acme Link, a universal hub, on 16 March 2018."
    assert ends(bricked, "Acme Link") == [D(2018, 3, 16)]
    pulled = "We reported on Acme's decision to pull all support for its Acme Link system in March 2018."
    assert ends(pulled, "Acme Link") == [D(2018, 3, 31)]
    # pulling a product from the shelves is an end of sale
    shelves = "Acme pulled the Acme Link from the shelves in March 2018."
    assert ends(shelves, "Acme Link") == []


def test_a_day_cut_off_from_its_month_keeps_its_clause() -> None:
    when = (
        "Acme's products will no longer be controllable through the Acme app as of today, 31 January 2026, "
        "when support will also end."
    )
    assert ends(when, "Acme Plug") == [D(2026, 1, 31)]


def test_a_dotted_year_month_day() -> None:
    assert ends("Acme FMU126\n\nThis product is EOL. End of Support 2024.05.01\n", "FMU126") == [D(2024, 5, 1)]
    # a version is not a date, nor is a heading's date compared to
    assert ends("Acme Hub support ends with firmware 2024.5.1.", "Acme Hub") == []
    compared = "# support servers older than 2017.06.04\n\nThe Acme Cam has been discontinued.\n"
    assert ends(compared, "Acme Cam", "text/markdown") == []


def test_a_file_quoted_as_the_patch_that_adds_it() -> None:
    patch = (
        '+title: "Acme integration will stop working January 23rd, 2024"\n+created: 2024-01-19 00:00:01\n+---\n+\n'
        "+## Summary\n+\n+Acme is migrating to a new API on January 23rd, 2024.\n"
    )
    assert ends(patch, "Acme integration", "text/markdown") == [D(2024, 1, 23)]
    # a list of "+ item" bullets is kept as a list
    bullets = "+ The Acme Hub gets updates until 2027.\n+ The Acme Cam until 2028.\n+ The Acme Bell until 2029.\n"
    assert ends(bullets, "Acme Cam", "text/markdown") == [D(2028, 12, 31)]


def test_githubs_report_a_vulnerability_feature_is_a_channel() -> None:
    feature = "Please report security-sensitive issues privately through GitHub's Report a vulnerability feature."
    assert len(policy(feature, "text/markdown").contacts) == 1
    # a maker's form named by its title, its address lost, is not
    form = "Please submit your report via the Report a vulnerability form."
    assert policy(form, "text/markdown").contacts == []


def test_a_link_whose_address_names_the_place_to_report() -> None:
    st = (
        "If you wish to report potential security vulnerabilities, please do not report them through public "
        "issues. Instead, report them to our PSIRT following the process described at: "
        "https://www.acme.com/security/report-vulnerabilities.html\n"
    )
    assert policy(st, "text/markdown").contacts == ["https://www.acme.com/security/report-vulnerabilities.html"]
    guide = (
        "Report them following the process described at: https://www.acme.com/security/how-to-report-vulnerabilities\n"
    )
    assert policy(guide, "text/markdown").contacts == []


def test_protected_until_a_month() -> None:
    protected = "If you buy an Acme Phone 7, for example, will be protected until at least October 2027."
    assert ends(protected, "Acme Phone 7") == [D(2027, 10, 31)]


def test_a_move_the_user_must_make_to_keep_using_the_product() -> None:
    move = "If you want to keep using the Acme Band, you must move to an Acme Account by 2 February 2026."
    assert ends(move, "Acme Band") == [D(2026, 2, 2)]
    # a move that is no condition of use sets no end
    optional = "You can move to an Acme Account by 2 February 2026 to get a free month."
    assert ends(optional, "Acme Band") == []


def test_a_last_functional_day_and_support_come_to_a_halt() -> None:
    facts = "Acme Car Box\nAvailable for purchase until February 2023\nLast functional day: December 9, 2024\n"
    assert ends(facts, "Acme Car Box") == [D(2024, 12, 9)]
    halt = "Acme unveiled the Acme Band in 2020. Support for all of these devices will come to a halt on July 31, 2023."
    assert ends(halt, "Acme Band") == [D(2023, 7, 31)]


def test_a_response_timeline_by_severity() -> None:
    timeline = (
        "Report vulnerabilities to security@acme.com.\n\n### ⏱️ Response Timeline:\n"
        "- **Critical vulnerabilities**: 24-48 hours\n- **High severity**: 3-5 business days\n"
        "- **Medium/Low severity**: 1-2 weeks\n"
    )
    found = policy(timeline, "text/markdown").ack_when
    assert found is not None and found.timescale == "24-48 hours"
    # times by severity under another heading (fixes) promise no response
    fixes = "Report vulnerabilities to security@acme.com.\n\n### Fix targets\n- Critical: 7 days\n- High: 30 days\n"
    assert policy(fixes, "text/markdown").ack_when is None


def test_come_a_month_ends_from_its_first_day() -> None:
    come = "Acme has announced that come May 2020, a number of its older products will no longer receive updates."
    assert ends(come) == [D(2020, 5, 1)]


def test_web_platforms_shut_down_and_out_of_support() -> None:
    platforms = "The Acme and Yacht web platforms will be shut down on the 31st of December 2024."
    assert ends(platforms, "Acme and Yacht web platforms") == [D(2024, 12, 31)]
    out = "I ordered a Hue Hub 2 in the deal Acme are offering as the v1 goes out of support in July 2020."
    assert ends(out, "Hue Hub v1") == [D(2020, 7, 31)]
    assert ends("The Acme Hub went out of stock in 2021.", "Acme Hub") == []


def test_a_short_german_sentence() -> None:
    switched_off = "Die Acme Cloud wurde am 6. Mai 2026 abgeschaltet. Dieses Plugin ersetzt die Cloud."
    assert ends(switched_off, "Acme Cloud") == [D(2026, 5, 6)]
    ack = "Report: security@acme.de\n\n1. **Bestätigung**: Wir bestätigen den Erhalt innerhalb von **7 Tagen**\n"
    found = policy(ack, "text/markdown").ack_when
    assert found is not None and "7 Tagen" in found.timescale


def test_github_issues_and_a_repository_advisories_page_gone_to() -> None:
    issues = "As we don't think there are any critical vulnerabilities, use Github Issues to report them."
    assert len(policy(issues, "text/markdown").contacts) == 1
    gehe = "### Wie melde ich eine Sicherheitslücke?\n\n- Gehe zu https://github.com/acme/cam/security/advisories\n"
    assert policy(gehe, "text/markdown").contacts == ["https://github.com/acme/cam/security/advisories"]
    # an advisories page named as where advisories are published is no channel
    published = "We publish security advisories at https://github.com/acme/cam/security/advisories\n"
    assert policy(published, "text/markdown").contacts == []


def test_products_listed_after_a_sentence_that_leaves_them_out() -> None:
    page = (
        "As of January 31, 2026, many Acme devices will lose their functionality. However, four Acme devices will "
        "remain unaffected. These include the Acme Switch, the Acme Plug with Thread and the Acme Doorbell."
    )
    assert ends(page, "Acme Plug with Thread") == []
    # a list after a sentence that names the end is the end's
    listed = "As of January 31, 2026, four Acme devices will lose their functionality. These include the Acme Plug."
    assert ends(listed, "Acme Plug") == [D(2026, 1, 31)]


def test_a_rough_time_and_months_counted_from_a_year() -> None:
    assert ends("A flagship Acme phone bought today can be supported until roughly 2033.", "Acme phone") == []
    assert ends("The Acme phone can be supported until 2033.", "Acme phone") == [D(2033, 12, 31)]
    months = "However, the Acme Phone 10 stopped being updated just 28 months after its release in 2017."
    assert ends(months, "Acme Phone 10") == []
    years = "However, the Acme Phone 10 stopped being updated just 3 years after its release in 2017."
    assert ends(years, "Acme Phone 10") == [D(2020, 12, 31)]


def test_a_product_bricked_by_name_by_a_day() -> None:
    decision = (
        "The second was Acme's July 2024 decision to discontinue and brick its Acme Astro robots by "
        "September 25, 2024 — rendering units nonfunctional."
    )
    assert ends(decision, "Acme Astro robots") == [D(2024, 9, 25)]


def test_the_last_update_a_stop_comes_after() -> None:
    last = (
        "Acme decided to stop updating the Acme 6 after the AcmeOS 11.1 update that was released to these "
        "devices in November 2021."
    )
    assert ends(last, "Acme 6") == [D(2021, 11, 30)]
    # a release alone dates no end
    assert ends("The AcmeOS 11.1 update that was released in November 2021 fixed the Acme 6.", "Acme 6") == []


def test_a_decision_to_discontinue_a_named_app_effective_a_day() -> None:
    decision = "Acme has made the decision to discontinue Workrooms as a standalone app, effective February 16, 2026."
    assert ends(decision, "Workrooms") == [D(2026, 2, 16)]
    # a product discontinued with no word of a service is taken off sale
    sale = "Acme has made the decision to discontinue the Acme Cam, effective February 16, 2026."
    assert ends(sale, "Acme Cam") == []


def test_a_reporting_site_named_on_the_web() -> None:
    site = "If you find a vulnerability, please report it directly to us on the web at Acme Security Research."
    assert len(policy(site, "text/html").contacts) == 1
    assert policy("Read more about us on the web at Acme News.", "text/html").contacts == []


def test_software_not_updated_past_a_day_and_a_product_no_longer_controlled() -> None:
    past = "The first Acme TV is an obsolete product that will not have its software updated past May 25, 2018."
    assert ends(past, "first Acme TV") == [D(2018, 5, 25)]
    controlled = (
        "alice · description · 2025-10-23\n"
        "Acme announced that Gen 1/2 thermostats can no longer be remotely controlled at the end of this month."
    )
    assert ends(controlled, "Acme Thermostat Gen 1/2", "text/markdown") == [D(2025, 10, 31)]
    # what can still be controlled is no end
    still = "The Gen 1/2 thermostats can still be controlled at the thermostat after October 2025."
    assert ends(still, "Acme Thermostat Gen 1/2") == []


def test_a_product_that_can_be_bricked_is_at_risk() -> None:
    risk = "Acme abandoned the Acme buttons in early 2019. Since 2020 your buttons can be bricked in an update."
    assert ends(risk, "Acme buttons") == []
    assert ends("Your Acme buttons will be bricked on 15 May 2024.", "Acme buttons") == [D(2024, 5, 15)]
