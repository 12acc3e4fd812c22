"""A site's menus, banners, footers and cookie notices are kept apart from the page's own text."""

from __future__ import annotations

import datetime as dt

from psti.evidence.web.pagetext import page_text
from psti.evidence.web.policy import analyse_policy
from psti.evidence.web.support_period import analyse_support_page

PRODUCT_PAGE = b"""<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8">
<title>Acme SmartCam 2 - Security updates | Acme UK</title><script>var x = "until 2019";</script></head>
<body>
<div id="onetrust-banner" class="cookie-notice">We use cookies. Cookie policy updated 1 March 2023.
<button>Accept all</button></div>
<header class="top"><a href="/">Acme</a> <p>Guaranteed security updates for the Acme SmartCam 2 until 2029.</p>
<nav><ul><li><a href="/support">Support</a></li><li>Black Friday deals end 30 November 2026</li></ul></nav>
<h1>Acme SmartCam 2</h1></header>
<main>
<p>Published 12 February 2024</p>
<h2>Product security</h2>
<p>We provide security updates for the Acme SmartCam 2 until at least 31 March 2029. After that date
the camera keeps working but no longer receives security fixes.</p>
<article><header><p>Last reviewed on 2 May 2024 by the product security team</p></header></article>
</main>
<aside><h2>You may also like</h2><p>Acme Doorbell: security updates until 2030</p></aside>
<footer>&copy; 2015-2026 Acme Ltd. Offer valid until 31 January 2027.
<a href="mailto:help@acme.example">Customer care</a></footer>
</body></html>"""


def test_menus_banners_and_footers_are_not_the_page_text() -> None:
    page = page_text(PRODUCT_PAGE, "text/html")
    assert "Black Friday" not in page.text and "cookies" not in page.text and "Offer valid" not in page.text
    assert "Acme Doorbell" not in page.text  # a sidebar beside the content
    assert "Black Friday deals end 30 November 2026" in page.chrome and "Offer valid" in page.chrome
    # a banner's <h1> names the page; a header inside the content is the content's own
    assert "Acme SmartCam 2" in page.text.splitlines() and "Last reviewed on 2 May 2024" in page.text
    assert page.headings == ["Acme SmartCam 2", "Product security"]
    assert "Guaranteed security updates for the Acme SmartCam 2 until 2029." in page.text  # a hero in the header
    assert ("mailto:help@acme.example", "Customer care") in page.chrome_links
    assert all(href != "mailto:help@acme.example" for href, _ in page.links)


def test_only_the_content_gives_the_support_end() -> None:
    a = analyse_support_page(page_text(PRODUCT_PAGE, "text/html"), ("Acme SmartCam 2",))
    assert a.end_dates() == [dt.date(2029, 3, 31)]


def test_an_unclosed_banner_does_not_hide_the_page() -> None:
    page = page_text(
        b"<html><body><div class='cookie-consent'>We use cookies.<p>Acme Plug 3 gets security updates"
        b" until 30 June 2031, as our support policy promises for every plug sold in the United Kingdom"
        b" and Ireland.</p></body></html>",
        "text/html",
    )
    assert "until 30 June 2031" in page.text and page.chrome == ""


def test_a_reporting_channel_only_in_the_footer_is_a_contact() -> None:
    html = b"""<html><body><main><h1>Responsible disclosure</h1><p>We value the work of security
    researchers. We will acknowledge your report within 3 business days and keep you informed of progress
    every 14 days.</p></main><footer><p>Report a vulnerability:
    <a href="mailto:security@acme.example">security@acme.example</a></p>
    <p>Sales: <a href="mailto:sales@acme.example">sales@acme.example</a></p></footer></body></html>"""
    a = analyse_policy(page_text(html, "text/html"))
    assert a.contacts == ["mailto:security@acme.example"]


def test_a_footers_general_address_is_no_reporting_channel() -> None:
    html = b"""<html><body><main><h1>Our security commitment</h1><p>We take the security of our
    products seriously and fix vulnerabilities promptly in regular firmware releases for all our customers.</p>
    </main><footer><p>Questions? <a href="mailto:info@acme.example">info@acme.example</a></p></footer>
    </body></html>"""
    assert analyse_policy(page_text(html, "text/html")).contacts == []


def test_a_shops_offer_that_ends_is_no_support_end() -> None:
    text = b"Support\nBlack Friday deals end 30 November 2026. The promotion ends on 5 January 2027.\n"
    text += b"Security support for the Acme Hub ends 31 March 2029.\n"
    a = analyse_support_page(page_text(text, "text/plain"), ("Acme Hub",))
    assert a.end_dates() == [dt.date(2029, 3, 31)]


def test_a_document_served_as_html_with_no_markup_keeps_its_lines() -> None:
    text = "Legacy products:\n\n  • Zone Players\n  • Connect\n  • Bridge (launched 2007)\n\nNo updates from May 2020."
    page = page_text(text.encode(), "text/html")
    assert not page.is_html and "• Bridge (launched 2007)" in page.text.splitlines()
    assert page_text(b"<p>one</p>", "text/html").is_html


def test_a_release_in_brackets_in_a_list_is_no_end() -> None:
    text = (
        "Acme is going to stop updates for certain products. These legacy products include\n\n"
        "  • Acme Hub (launched 2009)\n  • Acme Cam (released in 2011)\n"
    )
    assert analyse_support_page(page_text(text.encode(), "text/plain"), ("Acme Hub",)).end_dates() == []
    listed = text.replace("(launched 2009)", "(until 2019)")
    assert analyse_support_page(page_text(listed.encode(), "text/plain"), ("Acme Hub",)).end_dates() == [
        dt.date(2019, 12, 31)
    ]


def test_a_guaranteed_price_is_no_support_end() -> None:
    text = b"Acme Cam 2 price guaranteed until 31 January 2027.\n"
    text += b"Security updates for the Acme Cam 2 are guaranteed until 31 March 2029.\n"
    a = analyse_support_page(page_text(text, "text/plain"), ("Acme Cam 2",))
    assert a.end_dates() == [dt.date(2029, 3, 31)]
