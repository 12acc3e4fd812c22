"""The main journeys in headless Chromium against a real `psti serve`; screenshots in test-artifacts/."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.chromium import playwright_chromium
from tests.service.conftest import example_declaration, example_files
from tests.service.live import LiveServer, seeded_server

pytestmark = pytest.mark.browser
ARTEFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "service"
PASSWORD = "a-long-test-password"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[LiveServer, dict[str, str]]]:
    with seeded_server(tmp_path_factory.mktemp("live"), PASSWORD) as started:
        yield started


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with playwright_chromium(ARTEFACTS) as b:
        yield b


def _page(browser: Any, base: str) -> Any:
    context = browser.new_context(base_url=base, viewport={"width": 1200, "height": 900})
    context.set_default_timeout(20_000)
    return context.new_page()


def _login(page: Any, email: str) -> None:
    page.goto("/login")
    page.fill("#email", email)
    page.fill("#password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url("**/dashboard")


def _shot(page: Any, name: str) -> None:
    page.screenshot(path=str(ARTEFACTS / f"{name}.png"), full_page=True)


def test_publish_a_statement(browser: Any, server: tuple[LiveServer, dict[str, str]], tmp_path: Path) -> None:
    srv, emails = server
    page = _page(browser, srv.url)
    _login(page, emails["acme"])
    page.fill("#name", "Acme CAM-200 indoor security camera")
    page.fill("#model", "AC-CAM-2")
    page.fill("#type", "indoor smart security camera")
    page.fill("#support_end", "2031-12-31")
    page.click("#new-product button[type=submit]")
    page.wait_for_url("**/manage/products/*")
    # registered by form: the registry explains it signs only from its assessment of a declaration
    assert "has none" in page.inner_text("#publish-statement-needs")
    assert page.locator("#publish-statement").count() == 0
    _shot(page, "01a-no-declaration-yet")
    declaration = tmp_path / "product.toml"
    declaration.write_bytes(
        example_declaration(("Acme Devices Ltd", "1 Acme Devices Ltd Street, Leeds LS1 1AA"), model="AC-CAM-2")
    )
    page.set_input_files("#declaration-file", str(declaration))
    page.click("#declaration button[type=submit]")
    page.wait_for_selector("#publish-statement")
    files = page.locator("form[action$='/files']")
    for kind, name, data in example_files():
        files.locator("select[name=kind]").select_option(kind)
        files.locator("input[type=file]").set_input_files(
            {"name": name, "mimeType": "application/octet-stream", "buffer": data}
        )
        files.locator("button[type=submit]").click()
        page.wait_for_selector(f"text={name}")
    page.click("#assessments button[type=submit]")
    for _ in range(240):  # the worker assesses in the background; the page shows it when done
        if ": pass" in page.inner_text("#assessments"):
            break
        page.wait_for_timeout(250)
        page.reload()
    assert ": pass" in page.inner_text("#assessments")
    page.fill("#signatory", "Ada Lovelace")
    page.fill("#function", "Head of Product Security")
    page.fill("#place", "Leeds")
    page.click("#publish-statement button[type=submit]")
    page.wait_for_selector(".statement.published")
    assert "issued" in page.inner_text("#statements") and "2031-12-31" in page.inner_text("#statements")
    _shot(page, "01-statement-published")
    # a shortened support period is refused with the reason
    page.fill("#end_date", "2029-01-01")
    page.click("#support-period button[type=submit]")
    assert "may not be shortened" in page.inner_text(".error-box")
    _shot(page, "02-support-period-shortening-refused")


def test_look_up_a_product(browser: Any, server: tuple[LiveServer, dict[str, str]]) -> None:
    srv, _ = server
    page = _page(browser, srv.url)
    page.goto("/")
    page.fill("#q", "AC-CAM-2")
    page.click("form.search button")
    page.click("text=Acme CAM-200 indoor security camera (AC-CAM-2)")
    page.wait_for_selector("#support")
    assert "Until at least 31 December 2031" in page.inner_text("#support")
    assert "published" in page.inner_text("#statement")
    assert "security@acme.example" in page.inner_text("#reporting")
    # the label renders: wait until the browser has finished with the image (loaded or failed), then look.
    # Polled from here: wait_for_function polls with eval inside the page, which the service's CSP forbids
    label = page.locator("img.label")
    label.wait_for(state="attached")
    deadline = time.monotonic() + 15
    while not label.evaluate("img => img.complete"):
        assert time.monotonic() < deadline, "the label image never finished loading"
        page.wait_for_timeout(50)
    assert label.evaluate("img => img.naturalWidth") > 0
    _shot(page, "03-public-look-up")


def test_check_a_catalogue(browser: Any, server: tuple[LiveServer, dict[str, str]], tmp_path: Path) -> None:
    srv, emails = server
    csv_file = tmp_path / "stock.csv"
    csv_file.write_text(
        "manufacturer,model,statement\nAcme Devices Ltd,AC-CAM-2,\nAcme Devices Ltd,AC-UNKNOWN,\nOther Ltd,OT-1,\n"
    )
    page = _page(browser, srv.url)
    _login(page, emails["shop"])
    page.set_input_files("#catalogue", str(csv_file))
    page.click("#upload-catalogue button[type=submit]")
    page.wait_for_url("**/catalogues/*")
    page.wait_for_selector("#status[data-status=checked]")  # the page polls the job and reloads
    text = page.inner_text("#rows")
    assert "ok" in text and "no-statement" in text and "valid signed statement" in text
    _shot(page, "04-catalogue-checked")
    bad = tmp_path / "bad.csv"
    bad.write_text("manufacturer,model,colour\nAcme,A1,red\n")
    page.goto("/dashboard")
    page.set_input_files("#catalogue", str(bad))
    page.click("#upload-catalogue button[type=submit]")
    assert "unknown column(s): colour" in page.inner_text(".error-box")
    _shot(page, "05-catalogue-unknown-column")


def test_report_a_vulnerability_and_see_it_acknowledged(
    browser: Any, server: tuple[LiveServer, dict[str, str]]
) -> None:
    srv, emails = server
    researcher = _page(browser, srv.url)
    researcher.goto("/report/acme")
    researcher.fill("#title", "Telnet enabled with a default password")
    researcher.fill("#product_model", "AC-CAM-2")
    researcher.fill("#description", "Port 23 is open and accepts root/12345 on firmware 2.0.1.")
    researcher.select_option("#severity", "high")
    researcher.click("#report-form button[type=submit]")
    researcher.wait_for_selector("#track-link")
    _shot(researcher, "06-report-received")
    track_url = researcher.get_attribute("#track-link", "href")
    researcher.goto(track_url)
    assert researcher.inner_text("#report-status") == "received"

    maker = _page(browser, srv.url)
    _login(maker, emails["acme"])
    maker.goto("/manage/reports")
    maker.click("text=Telnet enabled with a default password")
    maker.fill("#ack-message", "Thank you: we have reproduced it and will update you within 30 days.")
    maker.click("#ack-form button[type=submit]")
    maker.wait_for_selector("#report-status")
    assert maker.inner_text("#report-status") == "acknowledged"
    _shot(maker, "07-manufacturer-acknowledged")

    researcher.goto(track_url)
    assert researcher.inner_text("#report-status") == "acknowledged"
    assert "we have reproduced it" in researcher.inner_text("#messages")
    _shot(researcher, "08-researcher-sees-acknowledgement")


def test_enforcement_officer_reads_an_audit_log(browser: Any, server: tuple[LiveServer, dict[str, str]]) -> None:
    srv, emails = server
    page = _page(browser, srv.url)
    _login(page, emails["officer"])
    page.goto(f"/audit?organisation_id={emails['acme_org_id']}")
    assert "intact" in page.inner_text("#chain")
    text = page.inner_text("#audit")
    assert "statement.publish" in text and "maker@acme.example" in text
    _shot(page, "09-enforcement-audit-log")


def test_enforcement_officer_opens_a_case_and_gives_notice_of_intent(
    browser: Any, server: tuple[LiveServer, dict[str, str]]
) -> None:
    srv, emails = server
    page = _page(browser, srv.url)
    _login(page, emails["officer"])
    page.click("text=Cases")
    page.wait_for_url("**/enforcement")
    page.fill("#product_name", "CamX indoor camera")
    page.fill("#product_model", "X1")
    page.select_option("#source", "researcher")
    page.fill("#allegation", "Every unit accepts admin/admin over the web interface")
    page.fill("#parties", "manufacturer:Acme Devices Ltd:1 High St, London")
    page.fill("#provisions", "PSTI-S1-1.2")
    page.click("form[action='/enforcement/cases'] button[type=submit]")
    page.wait_for_url("**/enforcement/cases/PSTI-*")
    case_url = page.url
    assert page.inner_text("#case-state") == "triage"
    # a notice before an investigation is opened: refused with the reason, nothing changed
    page.select_option("#kind", "compliance")
    page.fill("#breach", "Schedule 1 para 1")
    page.fill("#reasons", "too early")
    page.click("#notice-form button[type=submit]")
    assert "open an investigation before giving notices" in page.inner_text("#refused")
    assert page.inner_text("#case-state") == "triage" and "No notices yet" in page.inner_text("main")
    assert page.input_value("#breach") == "Schedule 1 para 1"  # what was typed is still there
    _shot(page, "10-enforcement-notice-refused-before-investigation")
    page.goto(case_url)
    page.select_option("#transition", "investigate")
    page.fill("#why", "Test purchase confirms the allegation")
    page.click("form[action$='/transition'] button[type=submit]")
    page.wait_for_selector("#case-state:text('investigation')")
    page.select_option("#stage", "intent")
    page.select_option("#kind", "compliance")
    page.fill("#breach", "Schedule 1 para 1: universal default password (Act s.8)")
    page.fill("#reasons", "Test purchase of 2 units; both accept admin/admin")
    page.fill("#contact", "enforcement@opss.example")
    page.click("#notice-form button[type=submit]")
    page.wait_for_selector(".notice-record")
    deadlines = page.inner_text("#deadlines")
    assert "compliance notice may be given from" in deadlines
    assert "Notice of intent" in page.inner_text(".notice-record") or "intent" in page.inner_text(".notice-record")
    history = page.inner_text("#history")
    assert "transition:investigate" in history and "Test purchase confirms" in history
    page.click(".notice-record summary")
    _shot(page, "11-enforcement-case-notice-of-intent")
    page.click("text=All cases")
    assert "investigation" in page.inner_text("#cases")
    _shot(page, "12-enforcement-case-list")


def test_case_page_reads_at_phone_width(browser: Any, server: tuple[LiveServer, dict[str, str]]) -> None:
    """At 390 px: the penalty fieldset stacks its labels like the rest of the form, no
    text is shrunk, no date breaks across lines, and dates are written one way."""
    srv, emails = server
    context = browser.new_context(base_url=srv.url, viewport={"width": 390, "height": 844}, device_scale_factor=1)
    context.set_default_timeout(20_000)
    page = context.new_page()
    _login(page, emails["officer"])
    page.goto("/enforcement")
    page.fill("#product_name", "CamP phone-width camera")
    page.fill("#product_model", "P1")
    page.select_option("#source", "researcher")
    page.fill("#allegation", "Every unit accepts admin/admin")
    page.fill("#parties", "manufacturer:Acme Devices Ltd:1 High St, London")
    page.click("form[action='/enforcement/cases'] button[type=submit]")
    page.wait_for_url("**/enforcement/cases/PSTI-*")
    page.select_option("#transition", "investigate")
    page.fill("#why", "Test purchase")
    page.click("form[action$='/transition'] button[type=submit]")
    page.wait_for_selector("#case-state:text('investigation')")
    page.select_option("#stage", "intent")
    page.select_option("#kind", "compliance")
    page.fill("#breach", "Schedule 1 para 1")
    page.fill("#reasons", "Both units accept admin/admin")
    page.click("#notice-form button[type=submit]")
    page.wait_for_selector(".notice-record")
    _shot(page, "13-enforcement-case-at-390px")
    layout = page.evaluate(
        """() => {
        const box = e => e.getBoundingClientRect();
        const labels = [...document.querySelectorAll('#notice-form fieldset label')];
        // stacked: each field starts under its label, at the label's left edge
        const inline = labels.filter(l => { const i = document.getElementById(l.htmlFor);
            return !i || Math.abs(box(i).left - box(l).left) > 2 || box(i).top < box(l).bottom - 2; }).length;
        const lines = e => Math.round(box(e).height / parseFloat(getComputedStyle(e).lineHeight));
        const fonts = [...document.querySelectorAll('main label, main td, main p')].map(
            e => parseFloat(getComputedStyle(e).fontSize));
        const dates = [...document.querySelectorAll('main time')];
        return {
            inline, labels: labels.length,
            wrappedLabels: labels.filter(l => lines(l) > 1 && l.textContent.length < 30).map(l => l.textContent),
            wrappedDates: dates.filter(d => d.getClientRects().length > 1 || lines(d) > 1).map(d => d.textContent),
            dates: dates.map(d => d.textContent),
            smallest: Math.min(...fonts),
            overflow: document.documentElement.scrollWidth - window.innerWidth,
        };
    }"""
    )
    assert layout["labels"] >= 5 and layout["inline"] == 0, layout
    assert layout["wrappedLabels"] == [] and layout["wrappedDates"] == [], layout
    assert layout["smallest"] >= 14, layout  # readable: nothing shrunk below 14 px
    assert layout["overflow"] <= 0, layout  # nothing wider than the phone
    # one date style: every date on the page is written out, as on the notices themselves
    assert layout["dates"] and all(re.fullmatch(r"\d{1,2} [A-Z][a-z]+ \d{4}( \d\d:\d\d)?", d) for d in layout["dates"])
    assert not re.search(r"\b\d{4}-\d\d-\d\d\b", page.inner_text("main").split("History")[0].split("document")[0])
    context.close()


def test_product_page_and_label_read_at_phone_width(browser: Any, server: tuple[LiveServer, dict[str, str]]) -> None:
    """At 390 px the label keeps its own size (scrolling in its box, never the page), so
    its smallest text stays 11 px; its date is written as the page writes it."""
    srv, _ = server
    context = browser.new_context(base_url=srv.url, viewport={"width": 390, "height": 844}, device_scale_factor=1)
    page = context.new_page()
    page.goto("/lookup?q=AC-CAM-2")
    page.click("text=Acme CAM-200 indoor security camera (AC-CAM-2)")
    page.wait_for_selector("#support")
    # a property check, not a page-side expression: the page's CSP (script-src 'self') forbids eval
    from playwright.sync_api import expect

    expect(page.locator("img.label")).to_have_js_property("complete", True)
    _shot(page, "14-public-product-at-390px")
    label = page.evaluate(
        """() => { const img = document.querySelector('img.label');
            return {src: img.currentSrc, shown: img.getBoundingClientRect().width, natural: img.naturalWidth,
                    overflow: document.documentElement.scrollWidth - window.innerWidth}; }"""
    )
    assert label["shown"] >= label["natural"] > 0, label  # drawn at its own size: no text shrunk
    assert label["overflow"] <= 0, label  # the box scrolls, not the page
    svg = page.request.get(label["src"]).text()
    assert min(int(x) for x in re.findall(r'font-size="(\d+)"', svg)) >= 11
    assert "31 December 2031" in svg and "31 December 2031" in page.inner_text("#support")
    context.close()
