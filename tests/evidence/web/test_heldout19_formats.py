"""Regression tests for the phrasing the nineteenth held-out set of real pages showed psti
missing on its first run (bench/data/web-realworld.json, set "held-out-19"): a SECURITY.md that
names its channel as the words of a Markdown link."""

from __future__ import annotations

from tests.evidence.web.snippets import policy


def test_a_channel_named_as_a_markdown_link() -> None:
    text = (
        "If you discover a security vulnerability in Linky, please report it **privately**.\n\n"
        "Instead, please:\n\n"
        "- Open a GitHub [Security Advisory](https://github.com/oorrwullie/homebridge-linky/security/advisories)\n"
    )
    assert policy(text, "text/markdown").contacts
    assert not policy("- Read our [Security Advisories](https://acme.example/advisories) for fixes.\n").contacts
