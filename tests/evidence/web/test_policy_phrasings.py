"""Regression tests for policy phrasings real pages use (bench/data/web-realworld.json): an
acknowledgement said as confirming the report arrived or as informing of its acceptance, a
reply said as answering the reporter's mail, and hours written "hs"."""

from __future__ import annotations

from psti.evidence.web.policy import _hours
from tests.evidence.web.snippets import policy


def _ack(text: str) -> str | None:
    a = policy(text)
    return a.ack_when.timescale if a.ack_when else None


def test_confirming_the_report_arrived_is_an_acknowledgement() -> None:
    text = (
        "Within 5 business days: We'll confirm we got your report and give you a tracking reference number.\n\n"
        "Within 10 business days: We'll finish our initial assessment and let you know if it is a real vulnerability."
    )
    assert _ack(text) == "Within 5 business days"
    a = policy(text)
    assert a.ack_when is not None and a.ack_when.promise == "acknowledgement"


def test_informing_of_acceptance_is_an_acknowledgement_not_a_status_update() -> None:
    a = policy(
        "After receiving vulnerability information, we will inform reporter of its acceptance within three "
        "business days, except during specific holidays."
    )
    assert a.ack_when is not None and a.ack_when.timescale == "within three business days"
    assert a.status_when is None


def test_answering_the_mail_is_a_reply() -> None:
    assert _ack("Usually we will answer your mail within 2-3 business days.") == "within 2-3 business days"
    # answering for something else is no reply to the reporter
    assert _ack("Our products answer voice commands within 2 seconds.") is None


def test_hours_written_hs() -> None:
    assert _ack("You'll receive a response in 24 to 48 hs.") == "in 24 to 48 hs"
    assert _ack("You'll receive a response in 24 hrs.") == "in 24 hrs"


def test_an_address_spelt_out_in_capitals_and_a_bugzilla() -> None:
    a = policy("If the issue is urgent, please send a message to security AT yoctoproject DOT org with the details.")
    assert "mailto:security@yoctoproject.org" in a.contacts
    assert policy("Please report it using the Security Bugzilla.").contacts
    # prose with "at" and "dot" is no address
    assert not policy("We look at every report and dot the i's at our own pace.").contacts


def test_a_programme_page_on_a_reporting_platform_is_the_channel() -> None:
    text = (
        "This is a responsible disclosure program without bounties.\n"
        "By participating in this program, you agree:\n- To follow the Intigriti Community Code of Conduct."
    )
    contacts = policy(text).contacts
    assert len(contacts) == 1 and "intigriti" in contacts[0].lower()
    # a programme that is paused, or one with no platform, names no channel
    assert not policy("Our bug bounty program is paused. We thank the HackerOne community.").contacts
    assert not policy("We have no bug bounty program, unlike those on HackerOne.").contacts
    assert not policy("This is a responsible disclosure program without bounties.").contacts
    # held-out-381: "our program" on a page that names the platform it is run on
    telenet = (
        "Should you discover a security problem, we have a system in place for you to report it to us.\n"
        "For obvious reasons we can only allow submissions or applications for our program with a valid "
        "Intigriti account."
    )
    assert "Intigriti" in policy(telenet).contacts[0]
    assert not policy(telenet.replace("Intigriti ", "")).contacts


def test_a_named_form_on_the_makers_site_is_a_channel() -> None:
    text = "Please submit your report to us using the Contact us form on Lavazza website."
    assert policy(text).contacts
    # a form not named, behind a link the text does not hold, is no channel
    assert not policy("Please use the report form on our website at the link below to report it.").contacts


def test_a_time_that_describes_a_noun_is_no_promise() -> None:
    a = policy("This is the date on which we respond with a case number and a 90-day disclosure date.")
    assert a.ack_when is None
    assert _ack("We offer a 48-hour response window for every report.") == "48-hour"


def test_a_count_of_business_days_joined_by_hyphens_times_the_promise() -> None:
    assert _ack("Acme commits to a two-business-day acknowledgement.") == "two-business-day"
    assert _ack("Acme commits to a 2-business-day acknowledgement.") == "2-business-day"
    assert _hours("two-business-day") == _hours("within 2 business days")


def test_a_reply_that_comes_with_timed_work() -> None:
    text = (
        "Once we receive your vulnerability report, we will complete the verification process within 30 working "
        "days and reply to your vulnerability email with the results."
    )
    assert _ack(text) == "within 30 working days"
    # work timed on its own, with nothing promised to the reporter, gives no reply time
    assert _ack("We will complete the verification process within 30 working days and publish an advisory.") is None


def test_the_reporters_wait_is_no_promise() -> None:
    text = "If you have not heard back after 90 days, feel free to follow up or proceed with disclosure."
    assert _ack(text) is None
    assert _ack("You will hear back from us within 3 days.") == "within 3 days"


def test_a_form_named_by_its_title_is_a_channel() -> None:
    assert policy("You should report this via our PSTI Emergency Response Form which is linked below.").contacts
    assert policy("Submit a report via the VULNERABILITY REPORTING FORM : we thank you.").contacts
    assert not policy("You should report this via the form which is linked below.").contacts


def test_githubs_private_security_advisory_feature_is_a_channel() -> None:
    assert policy(
        "Please do not open a public issue. Instead:\n- Use GitHub’s private security advisory feature, or"
    ).contacts
    assert not policy("We publish GitHub security advisories for every fixed issue.").contacts


def test_a_programme_page_headed_by_its_name() -> None:
    text = (
        "# Dyson Bug Bounty Program\n\nPlease make sure you review and understand the program policy before "
        "submitting a report.\n"
    )
    assert policy(text).contacts
    # a programme named in passing, on a page that takes no reports, is no channel
    assert not policy("# About us\n\nWe once ran a bug bounty program.\n").contacts


def test_a_named_desk_and_contacting_the_reporter() -> None:
    text = (
        "To report any vulnerabilities of our product, please contact us through the Vulnerability Reporting Desk "
        "via our website at the link below.\nAfter receiving the vulnerability report, we will contact the "
        "reporter within 5 business days from the date of receipt to confirm the receipt."
    )
    a = policy(text)
    assert a.contacts
    assert a.ack_when is not None and a.ack_when.timescale.startswith("within 5 business days")


def test_a_standards_link_is_no_channel() -> None:
    text = "For details of the CVSSv3.1 standard, please refer to https://www.first.org/cvss/specification-document"
    assert not policy(text).contacts


def test_being_in_touch_is_a_reply() -> None:
    assert _ack("Email security@acme.io. The Acme Security Team will be in touch, usually within 24 hours.") == (
        "within 24 hours"
    )
    assert _ack("Email security@acme.io. We will get in touch with you within 3 business days.") == (
        "within 3 business days"
    )
    assert _ack("Email security@acme.io. We will not be in touch within 2 days of your report.") is None
    assert _ack("Email security@acme.io. We will get in contact within 2 working days.") == "within 2 working days"


def test_an_approximate_time_in_a_stage_table() -> None:
    text = (
        "Email security@acme.io.\n\n| Stage | Timeframe |\n|---|---|\n"
        "| First reply | Within ~2 days |\n| Figure out fix | Few weeks |\n"
    )
    assert _ack(text) == "Within ~2 days"
    assert _ack("First response: within about a week") == "within about a week"


def test_confirming_the_report_is_held_is_an_acknowledgement() -> None:
    assert _ack("Report to security@acme.io. What happens next: - We confirm we have it within 7 days.") == (
        "within 7 days"
    )
    assert _ack("Report to security@acme.io. We will confirm we have received your report within 7 days.") == (
        "within 7 days"
    )
    # having something else is no receipt of the report
    assert _ack("Report to security@acme.io. We confirm we have a fix within 7 days.") is None


def test_a_message_sent_with_the_first_answer() -> None:
    text = "Report to security@acme.io. We will send an email with initial feedback within five business days."
    assert _ack(text) == "within five business days"
    assert _ack("Report to security@acme.io. We will send an email with the fix within five business days.") is None


def test_a_chat_or_the_repository_s_disclosure_named_as_the_channel() -> None:
    head = "## Reporting a Vulnerability\n"
    toit = (
        "Please reach out to one of the [Acme members](https://github.com/orgs/acme/people) directly via our "
        "Discord server."
    )
    assert policy(head + toit).contacts[0].startswith("channel: reach out to one of the acme members directly via")
    chat = "If any security issues are discovered, please use our chat support system on our website."
    assert policy(head + chat).contacts[0].startswith("channel: use our chat support")
    assert (
        policy(head + "Report your vulnerability via Github Security Disclosure.")
        .contacts[0]
        .startswith("channel: github security disclosure")
    )
    # a chat to talk about features is no channel for reports
    assert policy("Questions about the app? Chat with us on Discord.").contacts == []


def test_a_stage_table_cell_led_by_its_time() -> None:
    text = (
        "Send your report to security@acme.io.\n\n| Stage | SLA |\n|---|---|\n"
        "| Initial acknowledgement | within 2 business days |\n| Status update cadence | weekly until resolved |\n"
    )
    a = policy(text)
    assert a.ack_when is not None and a.ack_when.timescale == "within 2 business days"
    assert a.status_when is not None and a.status_when.timescale == "weekly"
    described = (
        "Email security@acme.io.\n\n| Stage | Timeline | Description |\n|---|---|---|\n"
        "| Acknowledgment | 24 hours | We confirm receipt of your report |\n"
        "| Status Update | 7 days | We provide a detailed response plan |\n| Resolution | 30-90 days | We fix it |\n"
    )
    b = policy(described)
    assert b.ack_when is not None and b.ack_when.timescale == "24 hours"
    assert b.status_when is not None and b.status_when.timescale == "7 days"
    # a cell that only mentions a time after other words leads with no time
    assert policy("Email security@acme.io.\n\n| Status updates | see the timeline below |\n").status_when is None


def test_addresses_written_against_harvesters() -> None:
    for written in ("bounty -at- ledger.fr", "bounty [at] ledger [dot] fr", "bounty AT ledger DOT fr"):
        assert policy(f"Please report it at {written} with the details.").contacts == ["mailto:bounty@ledger.fr"]
    # prose's "at" before a site is no address: only capitals, brackets or hyphens mark one
    assert policy("To report a vulnerability, contact us at acme.co.uk/security.").contacts == []


def test_a_form_on_the_page_is_the_channel() -> None:
    a = policy("If you believe you have discovered a vulnerability, please complete the form below.")
    assert len(a.contacts) == 1 and a.contacts[0].startswith("channel: complete the form below")
    # work "completed within" a tracker is no form
    assert policy("Discussions and patches are completed within the tracker.").contacts == []


def _channel(text: str) -> str | None:
    contacts = policy(text).contacts
    return contacts[0] if contacts else None


def test_the_projects_own_tracker_for_a_security_report_is_a_channel() -> None:
    assert _channel("If you discover a security vulnerability, please report it by opening an issue.") is not None
    assert _channel(
        "## Reporting a Vulnerability\n\nIf the vulnerability is low, please open a request on our issues page."
    )
    assert _channel("To report a vulnerability, please raise a bug with a label of vulnerability") is not None
    # not a channel: refused, for other bugs, or a bug report with no tracker named
    assert _channel("Please do not open an issue for security vulnerabilities.") is None
    assert _channel("For bugs that are not security issues, open an issue.") is None
    assert _channel("Found a security problem? Please submit a bug report.") is None
    assert _channel("Email security@acme.io instead of opening an issue about a vulnerability.") == (
        "mailto:security@acme.io"
    )


def test_slashed_words_do_not_hide_the_promise() -> None:
    a = policy("We are committed to acknowledging and responding to all emails/reports within 3-5 working days.")
    assert a.ack_when is not None and a.ack_when.timescale == "within 3-5 working days"
    assert "emails/reports" in a.ack_when.sentence  # quoted as written


def test_a_refusal_in_another_clause_leaves_the_form() -> None:
    text = "You do not need to log in to submit a vulnerability; simply use the form below to share details."
    assert (_channel(text) or "").startswith("channel: use the form below")
    assert _channel("Please do not use the form below for vulnerabilities.") is None


def test_forms_named_on_a_portal_or_by_their_button() -> None:
    text = (
        "Please send your vulnerability reports to our security team filling the form available on our "
        "web-portal by clicking the button “report a cybersecurity vulnerability” at the bottom of this page."
    )
    assert _channel(text) is not None
    assert _channel("Please submit reports using the official Vulnerability Reporting Form.") is not None


def test_updates_that_are_released_are_fixes_not_status_updates() -> None:
    for text in (
        'Security updates for "critical security issues" will be released within 7 business days.',
        "Updates for critical issues will be released within 7 business days.",
    ):
        assert policy(text).status_when is None
    a = policy("We will send you updates within 7 business days.")
    assert a.status_when is not None and a.status_when.timescale == "within 7 business days"


def test_hearing_from_us_is_a_reply() -> None:
    assert _ack("Email security@acme.io. You can expect to hear from us within 2 business days.") == (
        "within 2 business days"
    )
    # the reporter's wait, not a promise
    assert _ack("Email security@acme.io. If you do not hear from us within 2 business days, please resend.") is None


def test_a_telephone_line_or_a_postal_address_for_reports() -> None:
    assert policy("To report a vulnerability, call our security hotline on +44 20 1234 5678.").contacts == [
        "tel:+442012345678"
    ]
    post = policy("To report a vulnerability, write to: Product Security, Acme Ltd, 1 High Street, London SW1A 1AA.")
    assert len(post.contacts) == 1 and post.contacts[0].startswith("post: write to: Product Security")
    # numbers and addresses that are not for reports
    assert policy("For sales call 0800 123 4567.").contacts == []
    assert policy("Our office: 1 High Street, London SW1A 1AA.").contacts == []


def test_an_address_in_a_reporting_sentence_in_another_language() -> None:
    text = (
        "2. 脆弱性の報告:\n\n- レポートには、製品モデル、ソフトウェアバージョン、および電子メールによる連絡先情報を"
        "含める必要があります。service@acme.example\n"
    )
    assert policy(text, "text/markdown").contacts == ["mailto:service@acme.example"]
    german = "Sie können eine Schwachstelle an info@acme.example melden."
    assert policy(german).contacts == ["mailto:info@acme.example"]
    # an address on a page that says nothing about reports is not a reporting channel
    assert policy("会社概要: info@acme.example").contacts == []


def test_first_responses_graded_by_severity_are_bounded_by_the_longest() -> None:
    lines = (
        "To report a vulnerability, email security@acme.example.\n\nOur response times vary by severity:\n\n"
        "- High Risk: Response within 3 business days.\n- Medium Risk: Response within 5 business days.\n"
        "- Low Risk: Response within 7 business days.\n"
    )
    a = policy(lines, "text/markdown")
    assert a.ack_when is not None and a.ack_when.timescale == "within 7 business days"
    assert "graded by severity" in a.ack_when.decided_by
    run_together = (
        "Please send an email to security@acme.example.\n\nResponse and Fix Timelines:\nCritical issues: Initial "
        "response within 48 hours High-severity issues: Initial response within 3 business days Other issues: "
        "Response and action plan within 7 business days\n"
    )
    a = policy(run_together)
    assert a.ack_when is not None and a.ack_when.timescale == "within 7 business days"
    # one time for every report stays as it is; graded fix times do not move the first response
    single = (
        "Email security@acme.example. We will respond within 2 business days.\n\n- High: fixed within 30 days\n"
        "- Low: fixed within 90 days\n"
    )
    a = policy(single, "text/markdown")
    assert a.ack_when is not None and a.ack_when.timescale == "within 2 business days"


def test_a_programme_page_on_a_platform_that_calls_itself_this_program() -> None:
    text = (
        "Program stats\n\nVulnerabilities rewarded 33\n\nAbout Acme\n\nAcme makes e-scooters.\n\n"
        "Program rules\n\nThis program follows Bugcrowd's standard disclosure terms.\n"
    )
    assert policy(text).contacts and "Bugcrowd" in policy(text).contacts[0]
    assert policy(text.replace("Bugcrowd's standard", "our standard")).contacts == []
    assert policy(text.replace("This program follows", "This program is paused; it followed")).contacts == []


def test_a_line_that_ends_on_an_article_goes_on_into_a_title_cased_line() -> None:
    text = (
        "Individuals who believe they have identified a security vulnerability must submit their report through the\n"
        "Vulnerability Report Form\navailable on the Acme Vulnerability Management page.\n"
    )
    assert policy(text).contacts


def test_an_interval_on_a_monthly_basis_is_not_a_month() -> None:
    a = policy(
        "Email security@acme.example. We will keep the reporter informed with an initial acknowledgment within 5 "
        "business days of receipt and with an aim to provide subsequent status updates on a monthly basis."
    )
    assert a.status_when is not None and a.status_when.timescale == "on a monthly basis"
    assert a.ack_when is not None and a.ack_when.timescale == "within 5 business days"


def test_a_short_wrapped_line_ending_on_a_preposition_goes_on_into_the_address() -> None:
    text = (
        "Please report any vulnerability or any bug that could potentially affect the\nsecurity of users' funds "
        "by mail to\n[`maintainer@acmefw.dev`](mailto:maintainer@acmefw.dev).\n"
    )
    assert policy(text, "text/markdown").contacts == ["mailto:maintainer@acmefw.dev"]


def test_a_security_issue_on_the_projects_tracker_with_a_word_before_issue() -> None:
    text = (
        "If you think you found a bug or a security issue in AcmeOS, we'd love to hear from you. Before you create "
        "a relevant GitHub issue please check the latest release."
    )
    assert policy(text).contacts
    assert policy(text.replace("or a security issue ", "")).contacts == []


def test_a_link_whose_address_is_a_bounty_programme_in_a_disclosure_sentence() -> None:
    text = (
        "Acme has a [bounty program](https://bugbounty.acme.co.uk/) for the safe\ndisclosure of security bugs. In "
        "those cases, please go through the process outlined on that page.\n"
    )
    assert policy(text, "text/markdown").contacts == ["https://bugbounty.acme.co.uk/"]
    assert policy(text.replace("bugbounty.acme.co.uk/", "www.acme.co.uk/about"), "text/markdown").contacts == []


def test_a_places_business_days_and_a_few_days() -> None:
    a = policy("Email security@acme.co.uk. We will acknowledge your report within five German business days.")
    assert a.ack_when is not None and a.ack_when.timescale == "within five German business days"
    a = policy("Email security@acme.co.uk. We will usually respond within a few days.")
    assert a.ack_when is not None and a.ack_when.timescale == "within a few days"


def test_a_link_to_reporting_guidelines_is_no_channel_and_a_maintainers_chat_is_one() -> None:
    text = (
        "## Reporting a Vulnerability\n\nPlease refer to [Acme Security Incident Response Process]"
        "(https://www.acme.co.uk/files/Acme%20Security%20Incident%20Response%20Process.pdf) on the guidelines to "
        "report a security vulnerability. Please do **NOT** create a public GitHub issue.\n"
    )
    assert policy(text, "text/markdown").contacts == []
    chat = "## Reporting a Vulnerability\n\nIf you discover a vulnerability, please contact me privately via Discord.\n"
    assert policy(chat, "text/markdown").contacts
    assert policy("Questions about the app? Contact us via Discord.").contacts == []


def test_a_platform_channel_to_use_in_german_and_french_and_one_used_to_publish() -> None:
    german = (
        "## Schwachstellen melden\n\nSicherheitsprobleme bitte **NICHT** öffentlich als Issue melden!\n\n"
        "Stattdessen:\n- E-Mail an Repository-Maintainer\n- Oder GitHub Security Advisory nutzen\n"
    )
    assert policy(german, "text/markdown").contacts
    assert policy("Utilisez les GitHub Security Advisories pour signaler une faille.").contacts
    for published in (
        "We use GitHub Security Advisories to publish vulnerabilities.",
        "Wir nutzen GitHub Security Advisories, um Sicherheitslücken zu veröffentlichen.",
    ):
        assert policy(published).contacts == []
