"""Disclosure-policy analysis on the real SECURITY.md files and crafted pages."""

from __future__ import annotations

import pytest

from psti.evidence.web.pagetext import NotText, page_text
from psti.evidence.web.policy import analyse_policy
from tests.evidence.web.conftest import data

FULL_POLICY = b"""<!doctype html><html lang="en-GB"><head><title>Vulnerability disclosure policy</title>
<script>document.write("ignored")</script><style>p{}</style></head><body>
<nav>Home | Products</nav>
<h1>Reporting security issues</h1>
<p>If you believe you have found a security vulnerability in any Acme product, app or service,
please report it to <a href="mailto:psirt@acme.example">psirt@acme.example</a> or use our
<a href="https://acme.example/security/report">reporting form</a>. You can encrypt your report
with our PGP key.</p>
<h2>What happens next</h2>
<p>We will acknowledge receipt of your report within 5 working days.
We will then keep you informed of our progress at least every 30 days
until the issue is resolved.</p>
</body></html>"""


def analyse(content: bytes, media: str = "text/html"):  # type: ignore[no-untyped-def]
    return analyse_policy(page_text(content, media))


def test_full_policy() -> None:
    a = analyse(FULL_POLICY)
    assert "mailto:psirt@acme.example" in a.contacts
    assert "https://acme.example/security/report" in a.contacts
    assert a.ack_when is not None and a.ack_when.timescale == "within 5 working days"
    assert a.status_when is not None and a.status_when.timescale == "at least every 30 days"
    assert a.until_resolved
    assert a.english is True and a.sign_in is None and a.paid is None and a.personal_info is None
    assert a.secure_channel is not None


def test_script_text_is_not_read() -> None:
    assert "ignored" not in page_text(FULL_POLICY, "text/html").text


@pytest.mark.parametrize(
    ("sentence", "ack", "status"),
    [
        ("We aim to respond within 48 hours and provide weekly status updates.", "within 48 hours", "weekly"),
        ("You will receive an acknowledgement within three business days.", "within three business days", None),
        (
            "We acknowledge reports within 2 days and update you every 14 days until fixed.",
            "within 2 days",
            "every 14 days",
        ),
        ("Expect an initial response in 1-2 business days.", "in 1-2 business days", None),
        ("We will get back to you as soon as possible.", None, None),
        ("We will keep you updated on the progress of the fix.", None, None),
        # the object is the message; the word naming it says what is promised
        ("You will receive an acknowledgment email within 24 hours.", "within 24 hours", None),
        ("You will get a confirmation e-mail within 3 business days.", "within 3 business days", None),
        (
            "We send a confirmation email within 2 days and a progress report every 30 days.",
            "within 2 days",
            "every 30 days",
        ),
        ("We will send you a security update notice within 90 days.", None, None),
        ("Send us an e-mail and we will fix it within 30 days.", None, None),
    ],
)
def test_timescale_phrasings(sentence: str, ack: str | None, status: str | None) -> None:
    a = analyse(sentence.encode(), "text/plain")
    assert (a.ack_when.timescale if a.ack_when else None) == ack
    assert (a.status_when.timescale if a.status_when else None) == status


def test_promise_without_when_is_kept_as_a_commitment() -> None:
    a = analyse(b"Please email security@acme.example. We will respond to every report.", "text/plain")
    assert a.contacts == ["mailto:security@acme.example"]
    assert a.acknowledgement and a.ack_when is None


def test_sign_in_wall() -> None:
    page = b"""<html lang="en"><body><h1>Sign in</h1><p>Please sign in to view this page.</p>
    <form><input name="user"><input type="password" name="pw"></form></body></html>"""
    assert analyse(page).sign_in is not None


def test_login_form_alone_is_a_wall() -> None:
    page = b"""<html><body><form><input type="email" name="email"><input type="password"></form></body></html>"""
    assert analyse(page).sign_in is not None


def test_paywall_and_personal_details() -> None:
    assert analyse(b"<p>A subscription is required; subscribe to read the full policy.</p>").paid
    assert analyse(b"<p>Enter your email to download our security policy.</p>").personal_info


def test_not_english() -> None:
    page = (
        "<html lang='de'><body><p>Wenn Sie eine Sicherheitslücke in einem unserer Produkte gefunden haben, "
        "melden Sie diese bitte an sicherheit@acme.example. Wir bestätigen den Eingang Ihrer Meldung innerhalb "
        "von fünf Werktagen und informieren Sie regelmäßig über den Fortschritt der Behebung, bis das Problem "
        "gelöst ist.</p></body></html>"
    ).encode()
    a = analyse(page)
    assert a.english is False


def test_binary_is_not_text() -> None:
    with pytest.raises(NotText):
        page_text(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "image/png")
    with pytest.raises(NotText):
        page_text(bytes(range(256)) * 4, "")


def test_real_security_md_files() -> None:
    folder = data("disclosure-policies") / "repo_security_md"
    results = {p.name: analyse(p.read_bytes(), "text/markdown") for p in folder.glob("*.md")}
    octo = results["OctoPrint_OctoPrint_SECURITY.md"]
    assert octo.contacts == ["mailto:security@octoprint.org"]
    assert octo.ack_when is None and octo.status_when is None  # says how, not when
    ha = results["home-assistant_core_SECURITY.md"]
    assert "https://github.com/home-assistant/core/security/advisories/new" in ha.contacts
    tasmota = results["arendst_Tasmota_SECURITY.md"]
    assert not any("wikipedia.org" in c for c in tasmota.contacts)
    for name, a in results.items():
        assert a.english is True, name
        assert a.sign_in is None and a.paid is None, name
