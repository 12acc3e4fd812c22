"""/docs works offline and under the service's Content-Security-Policy: every asset is same-origin."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx
import pytest

from tests.chromium import CHROMIUM
from tests.chromium import FLAGS as ARGS
from tests.service.live import LiveServer


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    tmp = tmp_path_factory.mktemp("apidocs")
    (tmp / "data").mkdir()
    srv = LiveServer(tmp / "data").start()
    try:
        yield srv
    finally:
        srv.stop()


def test_docs_page_references_only_same_origin_assets(server: LiveServer) -> None:
    r = httpx.get(server.url + "/docs", timeout=10)
    assert r.status_code == 200
    refs = re.findall(r'(?:src|href)="([^"]+)"', r.text)
    assert any(ref.endswith("swagger-ui-bundle.js") for ref in refs), refs
    assert "<script>" not in r.text  # no inline script: the CSP allows 'self' only
    for ref in refs:
        parts = urlsplit(ref)
        assert not parts.scheme and not parts.netloc and ref.startswith("/"), ref
        asset = httpx.get(server.url + ref, timeout=10)
        assert asset.status_code == 200 and asset.content, ref
    init = httpx.get(server.url + "/docs/init.js", timeout=10).text
    assert '"/openapi.json"' in init
    assert httpx.get(server.url + "/redoc", timeout=10).status_code == 404  # it would need a CDN


@pytest.mark.browser
def test_docs_render_in_a_browser_with_no_other_origin(server: LiveServer) -> None:
    if not Path(CHROMIUM).exists() and not shutil.which("chromium"):
        pytest.skip("Debian chromium is not installed (scripts/install-system.sh)")
    from playwright.sync_api import sync_playwright

    origin = server.url
    elsewhere: list[str] = []
    errors: list[str] = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        try:
            page: Any = browser.new_page()
            page.on("request", lambda req: None if req.url.startswith(origin) else elsewhere.append(req.url))
            page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
            page.goto(origin + "/docs")
            page.wait_for_selector(".opblock", timeout=30_000)  # operations drawn from /openapi.json
            assert "psti registry" in page.inner_text(".info")
        finally:
            browser.close()
    assert elsewhere == []
    assert not [e for e in errors if "Content Security Policy" in e], errors
