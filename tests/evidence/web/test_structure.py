"""Pages read by their structure, promises read by the parser, inputs told apart by content."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from psti.evidence.web.documents import DocumentLoader, WebOptions
from psti.evidence.web.history import SupportHistory
from psti.evidence.web.page_identity import page_identity
from psti.evidence.web.pagetext import page_text
from psti.evidence.web.policy import analyse_policy
from psti.evidence.web.sniff import sniff_disclosure_document
from psti.evidence.web.support_check import SupportInputs, check_support_period
from psti.evidence.web.support_period import analyse_support_page
from psti.model import Effect
from tests.evidence.web.conftest import Server, data
from tests.evidence.web.test_check_cli import kinds as cli_kinds
from tests.evidence.web.test_check_cli import psti, report

D = dt.date

PRODUCT_TABLE = b"""<!doctype html><html lang="en"><head><title>Security update periods | Acme</title></head>
<body><h1>How long our devices get security updates</h1>
<table><thead><tr><th>Product</th><th>Model</th><th>Launched</th><th>End of security updates</th></tr></thead>
<tbody>
<tr><td>Acme Cam 1</td><td>AC-1</td><td>2021-02-01</td><td>2026</td></tr>
<tr><td>Acme Cam 2</td><td>AC-2</td><td>2024-03-01</td><td>31 March 2030</td></tr>
<tr><td>Acme Plug</td><td>AP-1</td><td>1 May 2025</td><td>5 years</td></tr>
</tbody></table></body></html>"""


def test_end_year_in_a_header_labelled_column() -> None:
    a = analyse_support_page(page_text(PRODUCT_TABLE, "text/html"), ("AC-2",))
    assert a.end_dates() == [D(2030, 3, 31)]
    chosen = a.chosen()[0]
    assert chosen.phrase == "End of security updates: 31 March 2030" and "Launched: 2024-03-01" in chosen.sentence


def test_duration_column_with_a_launch_column_gives_an_end() -> None:
    a = analyse_support_page(page_text(PRODUCT_TABLE, "text/html"), ("AP-1",))
    assert a.end_dates() == [D(2030, 5, 1)]
    assert a.chosen()[0].kind == "period-with-start"


def test_a_start_column_is_never_the_end() -> None:
    a = analyse_support_page(page_text(PRODUCT_TABLE, "text/html"), ("AC-1",))
    assert a.end_dates() == [D(2026, 12, 31)]  # not 2021-02-01, the launch


def test_markdown_table_and_definition_list() -> None:
    md = b"| Device | Supported until |\n|---|---|\n| Hub 3 | 2031-06-30 |\n"
    assert analyse_support_page(page_text(md, "text/markdown"), ("Hub 3",)).end_dates() == [D(2031, 6, 30)]
    html = b"<html><body><dl><dt>Hub 3 security updates</dt><dd>until 30 June 2031</dd></dl></body></html>"
    page = page_text(html, "text/html")
    assert "Hub 3 security updates: until 30 June 2031" in page.text
    assert analyse_support_page(page).end_dates() == [D(2031, 6, 30)]


def test_launch_without_date_says_the_start_is_missing(tmp_path: Path) -> None:
    page = tmp_path / "p.html"
    page.write_text("<html><body><p>This camera is supported for at least 5 years after launch.</p></body></html>")
    loader = DocumentLoader("support-period", WebOptions(offline=True), "support")
    r = check_support_period(SupportInputs(pages=[(None, page)]), loader, D(2026, 12, 1))
    k = {f.kind: f for f in r.findings}
    assert "SP-NOT-FOUND" not in k
    assert k["SP-NO-START"].effect is Effect.FAIL and "without a stated start" in k["SP-NO-START"].message


def test_structured_data_names_the_product() -> None:
    html = b"""<html><head><title>Buy now</title><script type="application/ld+json">
    {"@context": "https://schema.org", "@graph": [{"@type": "Product", "name": "Acme Cam 2", "model": "AC-2",
     "brand": {"@type": "Brand", "name": "Acme"}}]}</script></head><body>
    <div itemscope itemtype="https://schema.org/Product"><span itemprop="name">Acme Plug</span>
    <div itemprop="brand" itemscope itemtype="https://schema.org/Brand"><span itemprop="name">Acme Ltd</span></div>
    <meta itemprop="model" content="AP-1"></div><script type="application/ld+json">{broken</script></body></html>"""
    page = page_text(html, "text/html")
    assert page.products == [
        {"name": "Acme Cam 2", "model": "AC-2", "brand": "Acme"},
        {"name": "Acme Plug", "brand": "Acme Ltd", "model": "AP-1"},
    ]
    ident = page_identity(page)
    assert (ident.manufacturer, ident.model, ident.source) == ("Acme", "AC-2", "structured data")


def test_title_names_the_product() -> None:
    page = page_text(b"<html><head><title>Acme Cam 2 | Acme</title></head><body><p>x</p></body></html>")
    ident = page_identity(page)
    assert (ident.manufacturer, ident.model, ident.source) == ("Acme", "Acme Cam 2", "title")


def test_a_statement_of_compliance_title_names_the_product_after_its_kind() -> None:
    title = b"<title>Statement of Compliance - Acme Cam 3</title>"
    page = page_text(b"<html><head>" + title + b"</head><body><p>x</p></body></html>")
    ident = page_identity(page, "https://acme.example/psti/cam3")
    assert (ident.manufacturer, ident.model, ident.source) == ("acme.example", "Acme Cam 3", "title")
    # a site's name after a generic part stays the site
    page = page_text(b"<html><head><title>Product security | Acme</title></head><body><p>x</p></body></html>")
    assert page_identity(page).model is None


def test_a_labelled_product_line_names_the_product() -> None:
    text = "Statement of Compliance\nProduct: Acme Plug Mini, model PM-1\nManufacturer: Acme Ltd\n"
    ident = page_identity(page_text(text.encode(), "text/plain"))
    assert (ident.model, ident.terms, ident.source) == ("Acme Plug Mini", ("Acme Plug Mini", "PM-1"), "labelled line")
    # lines naming two products pick neither
    two = text + "Product: Acme Plug Max\n"
    assert page_identity(page_text(two.encode(), "text/plain")).source == ""


def test_a_period_after_the_end_of_sale_the_page_dates() -> None:
    text = (
        "This product will receive security updates for a minimum of 3 years after the end of sale. "
        "The end of sale date is 01.09.2025."
    )
    page = page_text(text.encode(), "text/plain")
    assert analyse_support_page(page, ("Acme Plug Mini",)).end_dates() == [D(2028, 9, 1)]
    alone = page_text(text.split(" The ")[0].encode(), "text/plain")
    assert analyse_support_page(alone, ("Acme Plug Mini",)).end_dates() == []


COMPLIANT = """<!doctype html><html lang="en"><head><title>Acme Cam 2 | Acme</title></head><body>
<h1>Acme Cam 2</h1><p>Acme Cam 2 gets security updates until at least {end}.</p></body></html>"""


def test_first_observation_passes_and_the_second_detects_shortening(http_server: Server, tmp_path: Path) -> None:
    url = http_server.route("/cam2", COMPLIANT.format(end="3 December 2030"), headers={"Content-Type": "text/html"})
    env = {"PSTI_DATA_DIR": str(tmp_path / "dd"), "PSTI_SUPPORT_HISTORY": "record"}
    args = ("check", "support-period", url, "--allow-private", "--format", "json", "--on", "2026-12-03")
    r = psti(*args, env=env)
    assert r.returncode == 0, r.stdout + r.stderr
    k = cli_kinds(report(r))
    assert k["SP-HISTORY-STARTS"] == "pass" and "SP-NO-HISTORY" not in k
    msg = next(f["message"] for f in report(r)["findings"] if f["kind"] == "SP-HISTORY-STARTS")
    assert "history starts now" in msg and "read from the page's title" in msg
    assert [
        x.end_date for x in SupportHistory(tmp_path / "dd" / "support-periods.json").records("acme|acme cam 2")
    ] == [D(2030, 12, 3)]
    r = psti(*args, env=env)  # the second observation, unchanged
    assert r.returncode == 0 and cli_kinds(report(r))["SP-NOT-SHORTENED"] == "pass"
    http_server.route("/cam2", COMPLIANT.format(end="3 December 2029"), headers={"Content-Type": "text/html"})
    r = psti(*args, env=env)
    assert r.returncode == 1 and cli_kinds(report(r))["SP-SHORTENED"] == "fail"


# --- the parser attaches each timescale to its promise -----------------------------------


def analyse(text: str, media: str = "text/markdown"):  # type: ignore[no-untyped-def]
    return analyse_policy(page_text(text.encode(), media))


@pytest.mark.parametrize(
    ("text", "ack", "status"),
    [
        # a status-update promise without a time does not borrow the acknowledgement's
        ("We will acknowledge reports within 5 days and keep you informed of progress.", "within 5 days", None),
        # a reply timescale is not a status-update timescale
        ("We will keep you updated on progress and reply to your questions within 2 business days.", "within 2 business days", None),  # noqa: E501
        # a time to fix is nobody's acknowledgement or status time
        ("We keep you informed throughout. We aim to fix critical issues within 30 days.", None, None),
        ("- Acknowledge within 7 days\n- Provide a remediation plan or status update within 30 days", "within 7 days", "within 30 days"),  # noqa: E501
        ("Acknowledgement: within 2 working days. Status updates: every 14 days.", "within 2 working days", "every 14 days"),  # noqa: E501
        ("We will then keep you informed of our progress at least every 30 days until the issue is resolved.", None, "at least every 30 days"),  # noqa: E501
    ],
)  # fmt: skip
def test_timescale_attached_to_its_promise(text: str, ack: str | None, status: str | None) -> None:
    a = analyse(text)
    assert (a.ack_when.timescale if a.ack_when else None) == ack
    assert (a.status_when.timescale if a.status_when else None) == status


def test_hard_wrapped_sentence_keeps_its_timescale() -> None:
    a = analyse(
        "We will acknowledge your\nreport within five working days, and we will send\nyou a status update every 14 days.\n"  # noqa: E501
    )
    assert a.ack_when is not None and a.ack_when.timescale == "within five working days"
    assert a.ack_when.decided_by == "'within five working days' modifies 'acknowledge'"
    assert a.status_when is not None and a.status_when.timescale == "every 14 days"


@pytest.mark.parametrize(
    "text",
    [
        "Please use GitHub's private vulnerability reporting to report a vulnerability.",
        "Report security issues via the repository's Security tab.",
        "To report a vulnerability, open a draft security advisory on this repository.",
    ],
)
def test_channels_without_a_url(text: str) -> None:
    assert any(c.startswith("channel: ") for c in analyse(text).contacts)


def test_advisories_published_are_not_a_channel() -> None:
    assert analyse("We publish security advisories for every fixed issue. Read them online.").contacts == []


# --- inputs told apart by content ---------------------------------------------------------


def test_sniffing() -> None:
    sec = b"Contact: mailto:security@acme.example\nExpires: 2030-01-01T00:00:00Z\n"
    assert sniff_disclosure_document(sec).taken_as == "security-txt"
    assert sniff_disclosure_document(b"<!doctype html><html><body><p>Report</p></body></html>").taken_as == "policy"
    md = b"# Security\n\nContact: security@acme.example\n\nWe will acknowledge your report within two days of receipt.\nWe send status updates every two weeks until it is fixed.\n"  # noqa: E501
    assert sniff_disclosure_document(md).taken_as == "policy"
    for p in sorted(data("security-txt").glob("*.txt")):
        assert sniff_disclosure_document(p.read_bytes()).taken_as == "security-txt", p.name


def test_saved_policy_page_is_read_as_a_policy(tmp_path: Path) -> None:
    page = tmp_path / "SECURITY.md"
    page.write_text(
        "# Security policy\n\nPlease report vulnerabilities through GitHub's private vulnerability reporting\n"
        "(the Security tab of this repository). We will acknowledge your report within\n"
        "3 business days and send you a status update every 14 days until it is resolved.\n"
    )
    r = psti("check", "disclosure", str(page), "--offline", "--format", "json")
    assert r.returncode == 0, r.stdout + r.stderr
    assert "read as a disclosure policy page" in r.stderr
    k = cli_kinds(report(r))
    assert k["WEB-TAKEN-AS"] == "info" and k["DISC-CONTACT"] == "pass"
    assert k["DISC-ACK-TIMESCALE"] == "pass" and k["DISC-STATUS-TIMESCALE"] == "pass"
    assert not any(kind.startswith("SECTXT-") for kind in k)


def test_policy_url_is_read_as_a_policy(http_server: Server) -> None:
    url = http_server.route(
        "/security",
        "<html lang='en'><body><p>Email security@acme.example. We acknowledge reports within 2 days "
        "and update you every 7 days.</p></body></html>",
        headers={"Content-Type": "text/html"},
    )
    r = psti("check", "disclosure", url, "--allow-private", "--format", "json")
    k = cli_kinds(report(r))
    assert k["WEB-TAKEN-AS"] == "info" and "SECTXT-NOT-FOUND" not in k
    assert k["DISC-ACK-TIMESCALE"] == "pass"
    assert json.loads(r.stdout)["findings"]


# --- phrasings met in real policies and statements (bench/data/web-realworld.json) --------


@pytest.mark.parametrize(
    ("text", "ack"),
    [
        ("- **Acknowledgment:** Within 3 business days\n- **Assessment:** Within 1 week of acknowledgment\n", "Within 3 business days"),  # noqa: E501
        ("We will endeavour to contact you within a week in response to your email.", "within a week"),
        ("We commit to confirming the report within 72 hours of submission.", "within 72 hours"),
        ("Reporters can expect a confirmation of their report within 10 business days.", "within 10 business days"),
    ],
)  # fmt: skip
def test_acknowledgement_phrasings(text: str, ack: str) -> None:
    a = analyse(text)
    assert a.ack_when is not None and a.ack_when.timescale == ack


def test_template_address_is_not_a_contact() -> None:
    assert analyse("Please send an email to [your-email@example.com] to report a vulnerability.").contacts == []
    assert analyse("Please send an email to support@philipgerke.com.").contacts == ["mailto:support@philipgerke.com"]
    assert analyse("1. **Email**: nebysma@gmail.com\n").contacts == ["mailto:nebysma@gmail.com"]


def test_issue_tracker_is_a_channel() -> None:
    a = analyse("Please report it by opening an issue labeled `security` in this repository.")
    assert any(c.startswith("channel: ") for c in a.contacts)
    a = analyse("Visit the [Issues](https://github.com/acme/cam-fw/issues) section of this repository.")
    assert a.contacts == ["https://github.com/acme/cam-fw/issues"]
    assert analyse("Do not open an issue in this repository for security problems.").contacts == []


@pytest.mark.parametrize(
    ("text", "product", "end"),
    [
        ("Security updates for the phones are not guaranteed after October 2019.", "", D(2019, 10, 31)),
        ("Pixel 2 will stop getting security updates after October 2020, Pixel 3 after October 2021.", "Pixel 2", D(2020, 10, 31)),  # noqa: E501
        ("- **End of Sale Date**: November 7, 2023\n- **End of Software Maintenance**: August 31, 2025\n"
         "- **End of Security Support**: November 30, 2028\n", "", D(2028, 11, 30)),
    ],
)  # fmt: skip
def test_end_date_phrasings(text: str, product: str, end: dt.date) -> None:
    a = analyse_support_page(page_text(text.encode(), "text/markdown"), (product,) if product else ())
    assert a.end_dates() == [end]


def test_a_product_row_without_a_date_borrows_no_other_row() -> None:
    html = (
        b"<table><tr><th>Tablet</th><th>Availability</th><th>Security updates at least through</th></tr>"
        b"<tr><td>Fire HD 10 Gen 11</td><td>2021 - present</td><td>2025</td></tr>"
        b"<tr><td>Fire HD 8 Gen 5</td><td>2015 - 2016</td><td>No longer guaranteed</td></tr></table>"
    )
    page = page_text(html, "text/html")
    assert analyse_support_page(page, ("Fire HD 10 Gen 11",)).end_dates() == [D(2025, 12, 31)]
    assert analyse_support_page(page, ("Fire HD 8 Gen 5",)).end_dates() == []


def test_parse_is_bounded_on_a_huge_page() -> None:
    text = " ".join(f"We will acknowledge report {i} within {i % 9 + 1} days." for i in range(20000))
    a = analyse(text, "text/plain")
    assert a.parse_cut and a.ack_when is not None


@pytest.mark.parametrize(
    "html",
    [
        b"<html><body>" + b"<div itemscope itemtype='https://schema.org/Product'><span itemprop='name'>x" * 30000,
        b"<html><body>" + b"<table><tr><td>a" * 30000,
        b"<html><head><script type='application/ld+json'>" + b"[" * 100000 + b"</script></head><body><p>x</p>",
        b"<html><body>" + b"<article><nav><main>x " * 30000,
        b"<html><body><div id='app'></div><script id='__NEXT_DATA__' type='application/json'>"
        + b'{"a":' * 50000
        + b'"words of some prose here"'
        + b"}" * 50000
        + b"</script><p>x</p>",
    ],
    ids=["unclosed-items", "nested-tables", "deep-json-ld", "nested-landmarks", "deep-embedded-data"],
)
def test_hostile_structure_is_read_in_bounded_time(html: bytes) -> None:
    import time

    start = time.perf_counter()
    page = page_text(html, "text/html")
    assert time.perf_counter() - start < 20  # linear: about a second on a loaded 2-core machine
    assert page.text


def test_unclosed_table_is_still_read() -> None:
    html = b"<html><body><table><tr><th>Model</th><th>End of support</th></tr><tr><td>Cam 2</td><td>2030</td>"
    assert "Model: Cam 2 | End of support: 2030" in page_text(html, "text/html").text


def test_the_pinned_english_pipeline_is_loaded() -> None:
    from psti.evidence.web import language

    nlp = language.pipeline()
    assert (nlp.meta["lang"], nlp.meta["version"], nlp.meta["license"]) == ("en", "3.8.0", "MIT")
    assert "parser" in nlp.pipe_names and "ner" not in nlp.pipe_names
    assert language.load_seconds is not None


def test_a_missing_pipeline_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    from psti.errors import PstiError
    from psti.evidence.web import language

    monkeypatch.setattr(language, "_nlp", None)
    monkeypatch.setenv("PSTI_SPACY_MODEL", "no_such_pipeline_installed")
    with pytest.raises(PstiError, match="no_such_pipeline_installed"):
        language.pipeline()


def test_a_links_note_for_screen_readers_is_dropped() -> None:
    html = (
        b'<html><body><p>The <a href="/clock">Lenovo Smart Clock 2</a><span class="sr-only"> (opens in new tab)'
        b"</span> and the original Smart Clock are still supported.</p></body></html>"
    )
    assert page_text(html, "text/html").text == (
        "The Lenovo Smart Clock 2 and the original Smart Clock are still supported."
    )
    plain = page_text(b"See the Acme Cam (opens in a new window) page.", "text/plain").text
    assert plain == "See the Acme Cam page."
    # brackets that are not a link's note stay
    assert page_text(b"The Acme Cam (sold in 2020) page.", "text/plain").text == "The Acme Cam (sold in 2020) page."


def test_a_huge_yaml_record_is_read_in_bounded_time() -> None:
    import time

    text = '---\nreleases:\n  - releaseCycle: "1"\n' + "    eol: 2024-09-16\n" * 200_000 + "---\nbody\n"
    start = time.perf_counter()
    page = page_text(text.encode(), "text/markdown")
    assert time.perf_counter() - start < 20  # linear: well under a second
    assert page.text.startswith("---\nreleases:\nreleaseCycle: 1 | eol: 2024-09-16")


def test_a_saved_policy_whose_address_was_hidden_says_why_no_contact(tmp_path: Path) -> None:
    page = tmp_path / "policy.md"
    page.write_text(
        "# Vulnerability Disclosure Policy\n\nAcme is committed to the security of its connected products and "
        "welcomes reports from security researchers.\n\n## Reporting a vulnerability\n\nIf you believe you have "
        "found a security vulnerability in one of our products, please report it to [email protected] and we "
        "will acknowledge it within 3 business days.\n\n## What we ask\n\nPlease give us reasonable time to fix "
        "the issue before you disclose it publicly.\n"
    )
    r = psti("check", "disclosure", str(page), "--offline", "--format", "json")
    found = {f["kind"]: f for f in report(r)["findings"]}
    assert found["DISC-NO-CONTACT"]["effect"] == "fail"
    assert "e-mail protection" in found["DISC-NO-CONTACT"]["message"]


def test_markdown_with_an_html_table_reads_the_table_by_its_header() -> None:
    text = (
        '### Support length\n\n#### Modern devices\n<table class="table">\n'
        "<tr><th> Device(s) </th><th> OS upgrades </th><th> Security updates </th></tr>\n"
        "<tr><td> Fairphone 5 </td><td> Android 16* </td><td> September 2031* </td></tr>\n"
        "<tr><td> Pixel 9a </td><td> April 2032 </td><td> April 2032 </td></tr>\n</table>\n"
    )
    page = page_text(text.encode(), "text/markdown")
    assert "\nDevice(s): Fairphone 5 | OS upgrades: Android 16* | Security updates: September 2031*\n" in page.text
    assert "<table" not in page.text


def test_a_markdown_page_of_unclosed_or_many_html_tables_is_read_in_one_pass() -> None:
    # an unclosed table is left as written; past fifty tables the rest stay as written
    unclosed = page_text(("<table>" * 5000 + "\n\nSecurity updates until May 2030.").encode(), "text/markdown")
    assert "Security updates until May 2030." in unclosed.text
    many = ("<table><tr><th>Device</th><th>End</th></tr><tr><td>Acme</td><td>May 2030</td></tr></table>\n\n") * 60
    text = page_text(many.encode(), "text/markdown").text
    assert text.count("Device: Acme | End: May 2030") == 50 and text.count("<table>") == 10
