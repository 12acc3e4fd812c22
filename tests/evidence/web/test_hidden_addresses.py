"""Addresses hidden by a site's e-mail protection: Cloudflare serves "[email protected]" with the
address XORed into a `data-cfemail` attribute (and into the link's fragment) for a script to
decode; psti decodes it, so a policy page behind such a site still names its contact."""

from __future__ import annotations

from psti.evidence.web.pagetext import page_text
from tests.evidence.web.snippets import policy


def _hidden(address: str, key: int = 0x5A) -> str:
    return format(key, "02x") + "".join(format(ord(c) ^ key, "02x") for c in address)


def test_an_address_hidden_by_cloudflare_is_read_as_served() -> None:
    h = _hidden("security@acme.co.uk")
    html = (
        "<html><body><main><h1>Vulnerability disclosure</h1><p>To report a vulnerability, email "
        f'<a href="/cdn-cgi/l/email-protection" class="__cf_email__" data-cfemail="{h}">[email&#160;protected]</a>.'
        "</p></main></body></html>"
    )
    page = page_text(html.encode(), "text/html")
    assert "security@acme.co.uk" in page.text and "[email protected]" not in page.text
    assert ("mailto:security@acme.co.uk", "security@acme.co.uk") in page.links
    assert policy(html, "text/html").contacts == ["mailto:security@acme.co.uk"]


def test_the_link_fragment_form_and_a_wrong_key_or_broken_hex() -> None:
    h = _hidden("psirt@acme.example.org", key=0x13)
    html = f'<p>Report issues to <a href="/cdn-cgi/l/email-protection#{h}">[email&#160;protected]</a></p>'
    assert ("mailto:psirt@acme.example.org", "psirt@acme.example.org") in page_text(html.encode(), "text/html").links
    # hex that decodes to no address, or is cut short, leaves the page as served
    for bad in ("5a00", h[:-1], "zz" + h[2:]):
        html = f'<p>Email <span class="__cf_email__" data-cfemail="{bad}">[email&#160;protected]</span></p>'
        assert "[email protected]" in page_text(html.encode(), "text/html").text


def test_a_copy_that_lost_the_address_says_so() -> None:
    text = "Reporting a vulnerability\n\nVulnerability reports should be sent to [email protected] with details.\n"
    a = policy(text)
    assert a.contacts == [] and a.hidden_address is not None and "[email protected]" in a.hidden_address
    assert policy("Reports go to security@acme.co.uk.").hidden_address is None
