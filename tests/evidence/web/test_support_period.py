"""Finding the defined support period in real-world phrasings; history and placement."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from psti.evidence.web.documents import DocumentLoader, WebOptions
from psti.evidence.web.history import SupportHistory
from psti.evidence.web.pagetext import PageText, page_text
from psti.evidence.web.support_check import SupportInputs, check_support_period
from psti.evidence.web.support_period import analyse_support_page
from psti.model import Effect
from tests.evidence.web.conftest import data

D = dt.date


@pytest.mark.parametrize(
    ("text", "end", "precision"),
    [
        ("Acme Cam 2 receives security updates until 31 December 2029.", D(2029, 12, 31), "day"),
        ("Security updates: until 2029-12-31", D(2029, 12, 31), "day"),
        ("End of support: March 2030", D(2030, 3, 31), "month"),
        ("Guaranteed security updates until at least October 2031.", D(2031, 10, 31), "month"),
        ("Defined support period: ends on 30/06/2031.", D(2031, 6, 30), "day"),
        ("The support period for this product ends on 30.06.2029.", D(2029, 6, 30), "day"),
        ("Updates end: 12/31/2029", D(2029, 12, 31), "day"),  # month first only when the day can't be
        ("Security support ends 31 Mar 2029.", D(2029, 3, 31), "day"),
        ("We will provide security updates up to and including 31 December 2029.", D(2029, 12, 31), "day"),
        ("Security support ends December 31, 2028.", D(2028, 12, 31), "day"),
        ("Released 2024-01-15. Security updates until 2031-01-15.", D(2031, 1, 15), "day"),
        ("This device will be supported until the end of 2028.", D(2028, 12, 31), "year"),
        ("Minimum security update period: 5 years from 1 March 2024", D(2029, 3, 1), "day"),
        ("We will provide software updates for at least three years from 2025-09-01.", D(2028, 9, 1), "day"),
        ("Security updates end: 1st April 2030", D(2030, 4, 1), "day"),
        ("Firmware updates through Sept 2027", D(2027, 9, 30), "month"),
    ],
)
def test_end_dates(text: str, end: dt.date, precision: str) -> None:
    a = analyse_support_page(PageText(text=text))
    assert a.end_dates() == [end]
    assert a.dated[0].precision == precision


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("This product will receive security updates for the lifetime of the product.", "vague"),
        ("Security updates are provided for as long as needed.", "vague"),
        ("We provide regular security updates.", "vague"),
        ("Minimum security update period: 3 years after launch.", "period-without-start"),
        ("Software updates for 5 years from the date of purchase.", "period-without-start"),
    ],
)
def test_not_a_date(text: str, kind: str) -> None:
    a = analyse_support_page(PageText(text=text))
    assert a.end_dates() == []
    assert [s.kind for s in a.statements] == [kind]


def test_table_row_for_the_product() -> None:
    html = b"""<html lang="en"><body><h1>Security update support</h1>
    <table><tr><th>Model</th><th>Security updates until</th></tr>
    <tr><td>Acme Cam 1</td><td>31 March 2027</td></tr>
    <tr><td>Acme Cam 2</td><td>30 June 2030</td></tr></table></body></html>"""
    a = analyse_support_page(page_text(html, "text/html"), ("Acme Cam 2",))
    assert a.end_dates() == [D(2030, 6, 30)]
    assert a.product_mentioned


def test_real_device_families_from_endoflife_data() -> None:
    """Product pages written from endoflife.date rows, in the phrasings vendors use."""
    flat = data("support-periods") / "endoflife_date_devices_flat.csv"
    phrasings = [
        "{label} will receive security updates until {long}.",
        "{label}: guaranteed security updates until at least {long}.",
        "End of security support for {label}: {iso}",
        "{label} — Security updates through {mdy}.",
    ]
    checked = 0
    with flat.open(newline="", encoding="utf-8") as f:
        for i, row in enumerate(csv.DictReader(f)):
            if row["eol"] in ("", "true", "false") or len(row["eol"]) != 10:
                continue
            end = D.fromisoformat(row["eol"])
            label = row["releaseLabel"] or f"{row['title']} {row['releaseCycle']}"
            text = phrasings[i % len(phrasings)].format(
                label=label,
                long=f"{end.day} {end:%B %Y}",
                iso=end.isoformat(),
                mdy=f"{end:%B} {end.day}, {end.year}",
            )
            a = analyse_support_page(PageText(text=f"<p>{text}</p>"), (label,))
            assert a.end_dates() == [end], text
            checked += 1
    assert checked > 500


def _check(tmp_path: Path, html: str, today: dt.date = D(2026, 6, 1), **kw):  # type: ignore[no-untyped-def]
    page = tmp_path / "page.html"
    page.write_text(html, encoding="utf-8")
    inputs = SupportInputs(pages=[("https://acme.example/cam2", page)], **kw)
    loader = DocumentLoader("support-period", WebOptions(offline=True), "support")
    return check_support_period(inputs, loader, today)


PRODUCT_PAGE = """<html lang="en"><head><title>Acme Cam 2 indoor camera</title></head><body>
<h1>Acme Cam 2</h1><p>Full HD indoor security camera with night vision.</p>
<p class="price">£49.99</p><button>Add to basket</button>
<p>Security updates: we will provide security updates for this product until {end}.</p></body></html>"""


def kinds(result) -> dict[str, Effect]:  # type: ignore[no-untyped-def]
    return {f.kind: f.effect for f in result.findings}


def test_product_page_with_period_and_purchase(tmp_path: Path) -> None:
    r = _check(tmp_path, PRODUCT_PAGE.format(end="31 December 2030"), product_terms=("Acme Cam 2",))
    k = kinds(r)
    assert k["SP-FOUND"] is Effect.PASS
    assert k["SP-ALONGSIDE-PURCHASE"] is Effect.PASS
    assert k["SP-ACCESSIBLE"] is Effect.PASS
    assert r.evidence[0].sha256 and r.evidence[0].attributes["url"] == "https://acme.example/cam2"
    found = next(f for f in r.findings if f.kind == "SP-FOUND")
    assert found.details["end_date"] == "2030-12-31"
    # the finding names the words that decided, not only the sentence
    assert (
        found.details["decided_by"]
        == "31 December 2030: 'until 31 December 2030' bounds 'provide', about support or updates"
    )


def test_purchase_page_without_period(tmp_path: Path) -> None:
    html = PRODUCT_PAGE.replace(
        "<p>Security updates: we will provide security updates for this product until {end}.</p>", ""
    )
    k = kinds(_check(tmp_path, html, product_terms=("Acme Cam 2",)))
    assert k["SP-NOT-FOUND"] is Effect.FAIL
    assert k["SP-NOT-ALONGSIDE-PURCHASE"] is Effect.FAIL


def test_lifetime_wording_fails(tmp_path: Path) -> None:
    html = "<p>Acme Cam 2 gets security updates for the lifetime of the product.</p>"
    assert kinds(_check(tmp_path, html, product_terms=("Acme Cam 2",)))["SP-VAGUE"] is Effect.FAIL


def test_other_product_page(tmp_path: Path) -> None:
    html = "<p>Acme Doorbell receives security updates until 31 December 2030.</p>"
    k = kinds(_check(tmp_path, html, product_terms=("Acme Cam 2",)))
    assert k["SP-PRODUCT-NOT-IDENTIFIED"] is Effect.NEEDS_EVIDENCE


def test_conflicting_dates(tmp_path: Path) -> None:
    html = (
        "<p>Acme Cam 2 receives security updates until 31 December 2030.</p>"
        "<p>Acme Cam 2: end of support 2029-06-30.</p>"
    )
    assert kinds(_check(tmp_path, html, product_terms=("Acme Cam 2",)))["SP-CONFLICTING"] is Effect.FAIL


def test_ended_period_is_reported(tmp_path: Path) -> None:
    k = kinds(_check(tmp_path, PRODUCT_PAGE.format(end="2025-01-31"), product_terms=("Acme Cam 2",)))
    assert k["SP-FOUND"] is Effect.PASS and k["SP-ENDED"] is Effect.INFO


def test_history_detects_shortening_and_extension(tmp_path: Path) -> None:
    hist = SupportHistory(tmp_path / "h.json")
    common: dict[str, Any] = dict(
        product_terms=("Acme Cam 2",), manufacturer="Acme Ltd", model="Acme Cam 2", history=hist
    )
    k = kinds(_check(tmp_path, PRODUCT_PAGE.format(end="31 December 2030"), **common))
    assert "SP-NOT-SHORTENED" not in k and "SP-SHORTENED" not in k  # first record: nothing to compare
    assert k["SP-HISTORY-STARTS"] is Effect.PASS and k["SP-NOT-EXTENDED"] is Effect.NOT_APPLICABLE
    assert "SP-NO-HISTORY" not in k
    k = kinds(_check(tmp_path, PRODUCT_PAGE.format(end="31 December 2031"), **common))
    assert k["SP-NOT-SHORTENED"] is Effect.PASS and k["SP-EXTENDED"] is Effect.PASS
    k = kinds(_check(tmp_path, PRODUCT_PAGE.format(end="30 June 2029"), **common))
    assert k["SP-SHORTENED"] is Effect.FAIL
    assert [r.end_date for r in hist.records("acme ltd|acme cam 2")] == [
        D(2030, 12, 31),
        D(2031, 12, 31),
        D(2029, 6, 30),
    ]


def test_history_keyed_on_the_product_given_when_the_page_names_no_model(tmp_path: Path) -> None:
    hist = SupportHistory(tmp_path / "h.json")
    # a maker's list as data: no title or heading names a model, so the product asked for is the key
    listed = "<html><body><pre>name: Acme Pad 20 | security minimum: {end}</pre></body></html>"
    k, findings = _kinds_and(
        _check(tmp_path, listed.format(end="2031-08"), product_terms=("Acme Pad 20",), history=hist)
    )
    assert k["SP-HISTORY-STARTS"] is Effect.PASS
    assert "Acme Pad 20 (the product given)" in findings["SP-HISTORY-STARTS"]
    k, _ = _kinds_and(_check(tmp_path, listed.format(end="2030-08"), product_terms=("Acme Pad 20",), history=hist))
    assert k["SP-SHORTENED"] is Effect.FAIL


def _kinds_and(result):  # type: ignore[no-untyped-def]
    return kinds(result), {f.kind: f.message for f in result.findings}


def test_declared_previous_end_date(tmp_path: Path) -> None:
    k = kinds(
        _check(
            tmp_path,
            PRODUCT_PAGE.format(end="31 December 2029"),
            product_terms=("Acme Cam 2",),
            previous_end_dates=(D(2030, 12, 31),),
        )
    )
    assert k["SP-SHORTENED"] is Effect.FAIL


def test_history_file_corrupt(tmp_path: Path) -> None:
    from psti.errors import PstiError

    bad = tmp_path / "h.json"
    bad.write_text("{not json")
    with pytest.raises(PstiError, match="h.json"):
        SupportHistory(bad).records("x")


def test_history_default_location(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PSTI_DATA_DIR", str(tmp_path / "dd"))
    assert SupportHistory().path == tmp_path / "dd" / "support-periods.json"
    monkeypatch.delenv("PSTI_DATA_DIR")
    monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    assert SupportHistory().path == Path.home() / ".local" / "share" / "psti" / "support-periods.json"


def test_binary_page_needs_evidence(tmp_path: Path) -> None:
    page = tmp_path / "page.pdf"
    page.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 8)
    loader = DocumentLoader("support-period", WebOptions(offline=True), "support")
    r = check_support_period(SupportInputs(pages=[(None, page)]), loader, D(2026, 1, 1))
    assert kinds(r) == {"WEB-UNREADABLE": Effect.NEEDS_EVIDENCE}


def test_reported_product() -> None:
    from psti.evidence.web.page_identity import PageIdentity
    from psti.evidence.web.support_check import ReportedProduct, reported_product, same_product

    page = PageIdentity("Acme", "Acme Cam 2", ("Acme Cam 2",), "structured data")
    assert same_product(("CAM 2",), page) and same_product(("acme-cam-2",), page)
    assert not same_product(("Acme Doorbell 5",), page)
    assert reported_product(None, None, None, page, "p.html") == ReportedProduct("Acme Cam 2", "Acme Cam 2", "Acme")
    assert reported_product(None, None, "Acme Ltd", page, "p.html").manufacturer == "Acme Ltd"
    assert reported_product(None, None, None, None, "p.html").name == "p.html"
    differs = reported_product("Doorbell", "AD-5", None, page, "p.html")
    assert differs.differs and differs.name == "Doorbell, but the page's structured data names Acme Cam 2"
    assert not reported_product("Acme Cam 2", None, None, page, "p.html").differs


_MULTI = [
    (
        "text/markdown",
        "Minimum security update periods:\n\n- Acme Cam 2: until March 2030\n- Acme Doorbell Pro: until 31/12/2029\n",
    ),
    (
        "text/plain",
        "Products and their end of security support:\n"
        "Acme Cam 2 (AC-200, AC-201) - 31.03.2030\nAcme Cam 3 (AC-300) - 30.06.2031\n",
    ),
    (
        "text/plain",
        "The Acme Cam 2 and Acme Cam 3 receive security updates until 31 March 2030 and 30 June 2031 respectively.",
    ),
    (
        "text/plain",
        "We will provide security updates for the Acme Cam 2 until 31 March 2030, "
        "and for the Acme Cam 3 until 30 June 2031.",
    ),
]


@pytest.mark.parametrize(
    ("case", "product", "want"),
    [
        (0, "Acme Cam 2", [D(2030, 3, 31)]),
        (0, "Acme Doorbell Pro", [D(2029, 12, 31)]),
        (0, "Acme Doorbell", []),  # the Pro is another model
        (1, "AC-201", [D(2030, 3, 31)]),  # a plain-text list: its rows are not joined as a wrapped paragraph
        (1, "Acme Cam 3", [D(2031, 6, 30)]),
        (2, "Acme Cam 2", [D(2030, 3, 31)]),
        (2, "Acme Cam 3", [D(2031, 6, 30)]),  # "respectively": the product's place in the list
        (3, "Acme Cam 2", [D(2030, 3, 31)]),
        (3, "Acme Cam 3", [D(2031, 6, 30)]),  # the date the product's name stands right before
    ],
)
def test_each_product_of_a_page_of_several_gets_its_own_date(case: int, product: str, want: list[dt.date]) -> None:
    media, text = _MULTI[case]
    assert analyse_support_page(page_text(text.encode(), media), (product,)).end_dates() == want
