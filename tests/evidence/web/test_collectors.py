"""The disclosure and support-period collectors inside `psti assess`."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from psti.assess import assess
from psti.declaration import load_declaration
from psti.evidence.interface import CollectorContext
from psti.evidence.registry import collectors
from psti.evidence.web.collectors import DisclosureCollector, SupportPeriodCollector
from psti.model import Effect, Verdict
from tests.evidence.web.conftest import TLS, Server, data
from tests.evidence.web.test_check_cli import FUTURE, POLICY_HTML, PRODUCT

HEAD = """schema = "psti.declaration/1"
[product]
name = "Acme Cam 2 indoor camera"
type = "indoor smart camera"
model = "Acme Cam 2"
category = "smart-camera"
consumer = true
[[manufacturer]]
name = "Acme Ltd"
address = "1 High Street, Leeds"
[connectivity]
internet = true
"""


def declaration(tmp_path: Path, body: str) -> Path:
    p = tmp_path / "product.toml"
    p.write_text(HEAD + body, encoding="utf-8")
    return p


def effects(result) -> dict[str, Effect]:  # type: ignore[no-untyped-def]
    out: dict[str, Effect] = {}
    for f in result.findings:
        out.setdefault(f.kind, f.effect)
    return out


def ctx_for(path: Path, **kw) -> CollectorContext:  # type: ignore[no-untyped-def]
    return CollectorContext(
        declaration=load_declaration(path), assessed_on=kw.pop("on", dt.date(2026, 6, 1)), work_dir=path.parent, **kw
    )


def test_registered_as_entry_points() -> None:
    found = collectors()
    assert found["disclosure"] is DisclosureCollector
    assert found["support-period"] is SupportPeriodCollector


def test_saved_copies_offline(tmp_path: Path) -> None:
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "security.txt").write_text(
        "Contact: mailto:psirt@acme.example\nExpires: 2026-12-31T23:59:59Z\n"
        "Policy: https://acme.example/security\nCanonical: https://acme.example/.well-known/security.txt\n"
    )
    (tmp_path / "pages" / "policy.html").write_text(POLICY_HTML)
    (tmp_path / "pages" / "cam2.html").write_text(PRODUCT.format(end="31 December 2030"))
    path = declaration(
        tmp_path,
        """
[reporting]
security_txt_url = "https://acme.example/.well-known/security.txt"
[support_period]
end_date = 2030-12-31
published_url = "https://acme.example/cam2"
[[artefacts]]
kind = "security-txt"
path = "pages/security.txt"
url = "https://acme.example/.well-known/security.txt"
[[artefacts]]
kind = "web-page"
path = "pages/policy.html"
url = "https://acme.example/security"
[[artefacts]]
kind = "support-page"
path = "pages/cam2.html"
url = "https://acme.example/cam2"
""",
    )
    ctx = ctx_for(path, offline=True)
    d = DisclosureCollector()
    assert d.applies(ctx)
    e = effects(d.collect(ctx))
    # the Policy link of security.txt is read from the saved web-page copy, not fetched
    assert e["SECTXT-VALID"] is Effect.PASS and e["DISC-ACK-TIMESCALE"] is Effect.PASS
    assert "WEB-OFFLINE" not in e
    s = SupportPeriodCollector()
    result = s.collect(ctx)
    e = effects(result)
    assert e["SP-FOUND"] is Effect.PASS and e["SP-NOT-SHORTENED"] is Effect.PASS  # vs the declared end date
    assert all(ev.sha256 for ev in result.evidence)

    a = assess(
        load_declaration(path), on=dt.date(2026, 6, 1), collectors=["disclosure", "support-period"], offline=True
    )
    reqs = {r.requirement: r.verdict for r in a.requirements}
    assert reqs["PSTI-S1-2"] is Verdict.PASS


def test_expired_saved_security_txt_fails_the_requirement(tmp_path: Path) -> None:
    folder = data("security-txt")
    path = declaration(
        tmp_path,
        f"""
[[artefacts]]
kind = "security-txt"
path = "{folder / "hibp_adobe.com_security.txt"}"
url = "https://www.adobe.com/.well-known/security.txt"
""",
    )
    a = assess(load_declaration(path), on=dt.date(2026, 11, 22), collectors=["disclosure"], offline=True)
    kinds = {f.kind: f.effect for f in a.findings}
    assert kinds["SECTXT-EXPIRED"] is Effect.FAIL
    assert {r.requirement: r.verdict for r in a.requirements}["PSTI-S1-2"] is Verdict.FAIL


def test_offline_without_saved_copy_needs_evidence(tmp_path: Path) -> None:
    path = declaration(
        tmp_path,
        """
[reporting]
policy_url = "https://acme.example/security"
[support_period]
published_url = "https://acme.example/cam2"
""",
    )
    ctx = ctx_for(path, offline=True)
    assert effects(DisclosureCollector().collect(ctx)) == {"WEB-OFFLINE": Effect.NEEDS_EVIDENCE}
    assert effects(SupportPeriodCollector().collect(ctx)) == {"WEB-OFFLINE": Effect.NEEDS_EVIDENCE}


def test_fetches_declared_urls(https_server: Server, tls_files: TLS, tmp_path: Path) -> None:
    https_server.route(
        "/.well-known/security.txt",
        f"Contact: mailto:psirt@acme.example\nExpires: {FUTURE}\nPolicy: {https_server.base}/security\n",
    )
    https_server.route("/security", POLICY_HTML, headers={"Content-Type": "text/html"})
    https_server.route("/cam2", PRODUCT.format(end="31 December 2030"), headers={"Content-Type": "text/html"})
    path = declaration(
        tmp_path,
        f"""
[reporting]
security_txt_url = "{https_server.base}/.well-known/security.txt"
[support_period]
published_url = "{https_server.base}/cam2"
""",
    )
    ctx = ctx_for(path, on=dt.date.today(), allow_private=True, options={"web_verify": str(tls_files.ca_path)})
    res = DisclosureCollector().collect(ctx)
    e = effects(res)
    assert e["SECTXT-VALID"] is Effect.PASS and e["DISC-STATUS-TIMESCALE"] is Effect.PASS
    assert [ev.kind for ev in res.evidence] == ["security-txt", "disclosure-policy"]
    assert all(ev.source.startswith("https://localhost:") for ev in res.evidence)
    e = effects(SupportPeriodCollector().collect(ctx))
    assert e["SP-FOUND"] is Effect.PASS


def test_private_address_refused_unless_allowed(http_server: Server, tmp_path: Path) -> None:
    http_server.route("/cam2", PRODUCT.format(end="2030-12-31"), headers={"Content-Type": "text/html"})
    path = declaration(
        tmp_path,
        f"""
[support_period]
published_url = "{http_server.base}/cam2"
""",
    )
    res = SupportPeriodCollector().collect(ctx_for(path))
    (f,) = res.findings
    assert f.effect is Effect.NEEDS_EVIDENCE and f.details["reason"] == "private-address"
    assert http_server.requests == []


@pytest.mark.parametrize("mode", ["off", "read"])
def test_history_modes_do_not_write(tmp_path: Path, mode: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PSTI_DATA_DIR", str(tmp_path / "d"))
    (tmp_path / "cam2.html").write_text(PRODUCT.format(end="31 December 2030"))
    path = declaration(
        tmp_path,
        """
[[artefacts]]
kind = "support-page"
path = "cam2.html"
""",
    )
    SupportPeriodCollector().collect(ctx_for(path, options={"support_history": mode}))
    assert not (tmp_path / "d" / "support-periods.json").exists()


def test_real_corpus_served_over_https(https_server: Server, tls_files: TLS) -> None:
    """The real files from ../shared/data served by a local server, judged at the INDEX.csv date."""
    import csv

    from psti.evidence.web.disclosure import DisclosureInputs, Source, check_disclosure
    from psti.evidence.web.documents import DocumentLoader, WebOptions

    folder = data("security-txt")
    policies = data("disclosure-policies") / "repo_security_md"
    with (folder / "INDEX.csv").open(newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    opts = WebOptions(allow_private=True, verify=str(tls_files.ca_path))
    now = dt.datetime(2026, 11, 22, 12, tzinfo=dt.UTC)
    https_server.route(
        "/policy.md",
        (policies / "OctoPrint_OctoPrint_SECURITY.md").read_bytes(),
        headers={"Content-Type": "text/markdown; charset=utf-8"},
    )
    for i, row in enumerate(rows):
        url = https_server.route(f"/{i}/.well-known/security.txt", (folder / row["file"]).read_bytes())
        inputs = DisclosureInputs(
            security_txt=[Source(url=url)],
            policies=[Source(url=https_server.base + "/policy.md")],
            follow_policy_links=False,
        )
        res = check_disclosure(inputs, DocumentLoader("disclosure", opts, "d"), now)
        e = effects(res)
        status = row["expires_status_at_2026-11-22"]
        if status == "expired":
            assert e["SECTXT-EXPIRED"] is Effect.FAIL, row["file"]
        elif status == "missing":
            assert e["SECTXT-NO-EXPIRES"] is Effect.FAIL, row["file"]
        elif status == "valid":
            assert "SECTXT-EXPIRED" not in e, row["file"]
        # served from the wrong host, a file with Canonical cannot match
        if "Canonical:" in (folder / row["file"]).read_text("utf-8", "replace"):
            assert e["SECTXT-CANONICAL-MISMATCH"] is Effect.FAIL, row["file"]
        # the OctoPrint policy gives a contact but no timescales
        assert e["DISC-CONTACT"] is Effect.PASS and e["DISC-NO-ACK-TIMESCALE"] is Effect.FAIL
        assert res.evidence[0].attributes["final_url"] == url
