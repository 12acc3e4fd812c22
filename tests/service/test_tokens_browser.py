"""The API-token page in headless Chromium against a real `psti serve`: made, listed with a
hostile name shown as text, revoked with its button; readable at 390 px."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.chromium import playwright_chromium
from tests.service.live import LiveServer, seeded_server

pytestmark = pytest.mark.browser
ARTEFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "service"
PASSWORD = "a-long-test-password"
HOSTILE = "<img src=x onerror=\"document.title='pwned'\">ci"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[LiveServer, dict[str, str]]]:
    with seeded_server(tmp_path_factory.mktemp("live-tokens"), PASSWORD) as started:
        yield started


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with playwright_chromium(ARTEFACTS) as b:
        yield b


def test_tokens_page_at_phone_width(browser: Any, server: tuple[LiveServer, dict[str, str]]) -> None:
    srv, emails = server
    context = browser.new_context(base_url=srv.url, viewport={"width": 390, "height": 844}, device_scale_factor=1)
    context.set_default_timeout(20_000)
    page = context.new_page()
    page.goto("/login")
    page.fill("#email", emails["shop"])
    page.fill("#password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url("**/dashboard")
    page.click("a[href='/manage/tokens']")
    page.wait_for_url("**/manage/tokens")

    # make two: one to keep, one with a hostile name to revoke
    for name, days in (("nightly catalogue check", "30"), (HOSTILE, "7")):
        page.fill("#token-name", name)
        page.fill("#token-days", days)
        page.click("#new-token button[type=submit]")
        page.wait_for_selector("#token")
        secret = page.inner_text("#token")
        assert secret.startswith("psti_")
        assert httpx.get(srv.url + "/api/v1/me", headers={"Authorization": f"Bearer {secret}"}).status_code == 200
        page.goto("/manage/tokens")
    kept = secret  # the hostile-named one, used above: its last use is shown
    assert page.title() != "pwned" and page.locator("#tokens img").count() == 0
    assert HOSTILE in page.inner_text("#tokens")  # shown as text
    page.screenshot(path=str(ARTEFACTS / "15-api-tokens-at-390px.png"), full_page=True)
    layout = page.evaluate(
        """() => {
        const box = e => e.getBoundingClientRect();
        const lines = e => Math.round(box(e).height / parseFloat(getComputedStyle(e).lineHeight));
        const fonts = [...document.querySelectorAll('main label, main td, main p')].map(
            e => parseFloat(getComputedStyle(e).fontSize));
        const dates = [...document.querySelectorAll('main time')];
        return {
            rows: document.querySelectorAll('#tokens tbody tr').length,
            wrappedDates: dates.filter(d => d.getClientRects().length > 1 || lines(d) > 1).map(d => d.textContent),
            smallest: Math.min(...fonts),
            overflow: document.documentElement.scrollWidth - window.innerWidth,
        };
    }"""
    )
    assert layout["rows"] == 2, layout
    assert layout["wrappedDates"] == [], layout
    assert layout["smallest"] >= 14, layout
    assert layout["overflow"] <= 0, layout  # the table scrolls in its box, never the page

    row = page.locator("#tokens tbody tr", has_text="onerror")
    assert "not yet" not in row.inner_text()  # used once above
    row.locator("button", has_text="Revoke").click()
    page.wait_for_url("**/manage/tokens")
    row = page.locator("#tokens tbody tr", has_text="onerror")
    assert "revoked" in row.inner_text() and row.locator("button").count() == 0
    assert httpx.get(srv.url + "/api/v1/me", headers={"Authorization": f"Bearer {kept}"}).status_code == 401
    other = page.locator("#tokens tbody tr", has_text="nightly catalogue check")
    assert "active" in other.inner_text()
    context.close()
