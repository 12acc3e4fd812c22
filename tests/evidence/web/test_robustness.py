"""Untrusted input: arbitrary bytes and pathological text never raise or hang."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from psti.evidence.web.pagetext import NotText, PageText, page_text
from psti.evidence.web.policy import analyse_policy
from psti.evidence.web.securitytxt import parse_security_txt
from psti.evidence.web.support_period import analyse_support_page

NOW = dt.datetime(2026, 6, 1, tzinfo=dt.UTC)
FIELDS = st.sampled_from(
    [
        "Contact",
        "Expires",
        "Canonical",
        "Policy",
        "Encryption",
        "CSAF",
        "Preferred-Languages",
        "Hash",
        "-----BEGIN PGP SIGNED MESSAGE-----",
        "-----BEGIN PGP SIGNATURE-----",
        "# c",
        "",
    ]
)
LINES = st.lists(
    st.tuples(FIELDS, st.text(max_size=40), st.sampled_from([": ", ":", " : ", "\r\n", "\n"])), max_size=20
)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=2000))
def test_security_txt_any_bytes(data: bytes) -> None:
    r = parse_security_txt(
        data, now=NOW, source_url="https://x.example/.well-known/security.txt", content_type="text/plain; charset=utf-8"
    )
    assert isinstance(r.valid, bool)


@settings(max_examples=300, deadline=None)
@given(LINES)
def test_security_txt_field_soup(lines: list[tuple[str, str, str]]) -> None:
    text = "".join(f"{name}{sep}{value}\n" for name, value, sep in lines)
    r = parse_security_txt(text.encode("utf-8", "surrogatepass"), now=NOW)
    for issue in r.issues:
        assert issue.line is None or 1 <= issue.line <= text.count("\n") + 1


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=3000), st.sampled_from(["text/html", "text/plain", "", "application/octet-stream"]))
def test_pages_any_bytes(data: bytes, media: str) -> None:
    try:
        page = page_text(data, media)
    except NotText:
        return
    analyse_policy(page)
    analyse_support_page(page, ("Acme Cam 2",))


@pytest.mark.timeout(60)
@pytest.mark.parametrize(
    "line",
    [
        "Contact: x" + " " * 30000 + "y",
        "a" * 30000,
        "Expires: " + "9" * 30000,
        ":" * 30000,
    ],
)
def test_pathological_security_txt_lines(line: str) -> None:
    parse_security_txt((line + "\n").encode(), now=NOW)


@pytest.mark.timeout(60)
@pytest.mark.parametrize(
    "text",
    [
        "a" * 200_000,
        ("security updates until " * 5_000),
        ("within 5 days " * 8_000),
        "x@" * 50_000,
        "<" * 50_000,
        "<a href='" + "h" * 50_000,
    ],
)
def test_pathological_pages(text: str) -> None:
    page = page_text(text.encode(), "text/html")
    analyse_policy(page)
    analyse_support_page(page, ("Acme",))
    analyse_support_page(PageText(text=text), ())
