"""Pages drawn by scripts: with no text of their own, their text is read from the data the scripts
draw from (Next.js's __NEXT_DATA__, a window.__INITIAL_STATE__ assignment), and the check says so."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from psti.evidence.web.pagetext import page_text
from psti.evidence.web.policy import analyse_policy
from psti.evidence.web.support_period import analyse_support_page
from tests.evidence.web.test_check_cli import kinds, psti, report

NEXT_DATA = {
    "props": {
        "pageProps": {
            "page": {
                "title": "Acme Cam 3",
                "blocks": [
                    {
                        "type": "rich-text",
                        "html": "<h2>Security updates</h2><p>The Acme Cam 3 receives security updates until "
                        "<strong>30 June 2030</strong>.</p>",
                    },
                    {"type": "cta", "label": "Buy now"},
                ],
            }
        }
    },
    "buildId": "k3j4h5",
}
STATE = {"faq": [{"a": "Please email security@acmecam.io and we will acknowledge within 2 business days."}]}
SCRIPTED = (
    "<!DOCTYPE html><html><head><title>Acme Cam 3 support</title></head><body><div id='__next'></div>"
    "<noscript>You need to enable JavaScript to run this app.</noscript>"
    f"<script id='__NEXT_DATA__' type='application/json'>{json.dumps(NEXT_DATA)}</script>"
    f"<script>window.__INITIAL_STATE__ = {json.dumps(STATE)};</script>"
    "<script>function f() { return 'support ends in 2019 for this code'; }</script>"
    "</body></html>"
).encode()


def test_a_page_drawn_by_scripts_is_read_from_its_data() -> None:
    page = page_text(SCRIPTED, "text/html")
    assert page.scripted
    assert "The Acme Cam 3 receives security updates until 30 June 2030." in page.text.splitlines()
    assert "2019" not in page.text and "Buy now" not in page.text  # code and labels are not prose
    assert analyse_support_page(page, ("Acme Cam 3",)).end_dates() == [dt.date(2030, 6, 30)]
    a = analyse_policy(page)
    assert a.contacts == ["mailto:security@acmecam.io"] and a.ack_when is not None


def test_a_page_with_text_of_its_own_is_not_read_from_its_data() -> None:
    html = SCRIPTED.replace(
        b"<div id='__next'></div>",
        b"<main><p>The Acme Cam 3 gets security updates until 31 December 2031, as this page has always said"
        b" to everyone who bought one in the United Kingdom.</p></main>",
    )
    page = page_text(html, "text/html")
    assert not page.scripted and "30 June 2030" not in page.text


def test_the_check_says_the_page_was_read_from_its_scripts_data(tmp_path: Path) -> None:
    saved = tmp_path / "cam3.html"
    saved.write_bytes(SCRIPTED)
    out = psti("check", "support-period", str(saved), "--history", "off", "--format", "json")
    assert kinds(report(out))["WEB-SCRIPTED"] == "info"
