"""`psti check disclosure|support-period` end to end, against servers on 127.0.0.1."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.evidence.web.conftest import TLS, Server, data

PSTI = shutil.which("psti", path=str(Path(sys.executable).parent)) or "psti"
FUTURE = (dt.datetime.now(dt.UTC) + dt.timedelta(days=180)).strftime("%Y-%m-%dT%H:%M:%SZ")

POLICY_HTML = """<html lang="en"><head><title>Security</title></head><body>
<h1>Vulnerability disclosure policy</h1>
<p>Report security issues in our products to <a href="mailto:psirt@vendor.example">psirt@vendor.example</a>.</p>
<p>We acknowledge every report within 3 working days and send status updates at least every 14 days
until the issue is resolved.</p></body></html>"""


def security_txt(server: Server, expires: str = FUTURE, extra: str = "") -> str:
    return (
        "Contact: mailto:psirt@vendor.example\n"
        f"Expires: {expires}\n"
        f"Policy: {server.base}/security/policy\n"
        f"Canonical: {server.base}/.well-known/security.txt\n" + extra
    )


def psti(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [PSTI, *args],
        capture_output=True,
        text=True,
        env={**os.environ, "COLUMNS": "120", **(env or {})},
        stdin=subprocess.DEVNULL,
        timeout=120,
    )


def report(r: subprocess.CompletedProcess[str]) -> dict[str, Any]:
    assert "Traceback" not in r.stdout + r.stderr, r.stderr
    return json.loads(r.stdout)


def kinds(rep: dict[str, Any]) -> dict[str, str]:
    out: dict[str, str] = {}
    for f in rep["findings"]:
        out.setdefault(f["kind"], f["effect"])
    return out


def https_args(tls: TLS) -> list[str]:
    return ["--allow-private", "--ca-bundle", str(tls.ca_path), "--format", "json"]


def test_disclosure_pass_over_https(https_server: Server, tls_files: TLS, tmp_path: Path) -> None:
    https_server.route("/.well-known/security.txt", security_txt(https_server))
    https_server.route("/security/policy", POLICY_HTML, headers={"Content-Type": "text/html; charset=utf-8"})
    save = tmp_path / "saved"
    r = psti(
        "check",
        "disclosure",
        https_server.base + "/.well-known/security.txt",
        *https_args(tls_files),
        "--save",
        str(save),
    )
    rep = report(r)
    k = kinds(rep)
    assert r.returncode == 0, (k, rep["overall"])
    assert k["SECTXT-VALID"] == "pass" and k["DISC-ACK-TIMESCALE"] == "pass" and k["DISC-STATUS-TIMESCALE"] == "pass"
    assert rep["overall"] == "pass"
    # each fetched document is evidence with URL, time and hash, and a saved copy
    ev = rep["evidence"]
    assert {e["kind"] for e in ev} == {"security-txt", "disclosure-policy"}
    for e in ev:
        assert len(e["sha256"]) == 64 and e["captured_at"] and e["source"].startswith("https://")
        assert Path(e["attributes"]["saved_as"]).is_file()

    # re-run offline from the saved copies
    saved_txt = next(Path(e["attributes"]["saved_as"]) for e in ev if e["kind"] == "security-txt")
    saved_policy = next(Path(e["attributes"]["saved_as"]) for e in ev if e["kind"] == "disclosure-policy")
    r2 = psti(
        "check",
        "disclosure",
        str(saved_txt),
        "--url",
        https_server.base + "/.well-known/security.txt",
        "--policy",
        str(saved_policy),
        "--no-follow",
        "--offline",
        "--format",
        "json",
    )
    rep2 = report(r2)
    assert r2.returncode == 0, kinds(rep2)
    assert {e["sha256"] for e in rep2["evidence"]} == {e["sha256"] for e in ev}


def test_domain_form(https_server: Server, tls_files: TLS) -> None:
    https_server.route("/.well-known/security.txt", security_txt(https_server))
    https_server.route("/security/policy", POLICY_HTML, headers={"Content-Type": "text/html"})
    r = psti("check", "disclosure", f"localhost:{https_server.port}", *https_args(tls_files))
    # "localhost:port" is not a domain name: a usage error, not a traceback
    assert r.returncode == 2 and "Traceback" not in r.stderr
    # a domain argument fetches https://DOMAIN/.well-known/security.txt (refused: loopback)
    r = psti("check", "disclosure", "localhost", "--format", "json")
    k = kinds(report(r))
    assert r.returncode == 3 and k["WEB-FETCH-FAILED"] == "needs-evidence"


def test_valid_security_txt_without_policy_needs_evidence(https_server: Server, tls_files: TLS) -> None:
    https_server.route("/.well-known/security.txt", security_txt(https_server))  # policy URL 404s
    r = psti("check", "disclosure", https_server.base + "/.well-known/security.txt", *https_args(tls_files))
    k = kinds(report(r))
    assert r.returncode == 3
    assert k["SECTXT-VALID"] == "pass" and k["WEB-HTTP-STATUS"] == "needs-evidence"


@pytest.mark.parametrize(
    ("mutate", "kind"),
    [
        (lambda s, srv: s.replace(FUTURE, "2020-01-01T00:00:00Z"), "SECTXT-EXPIRED"),
        (lambda s, srv: s.replace("Contact: mailto:psirt@vendor.example\n", ""), "SECTXT-NO-CONTACT"),
        (
            lambda s, srv: s.replace(f"Canonical: {srv.base}", "Canonical: https://elsewhere.example"),
            "SECTXT-CANONICAL-MISMATCH",
        ),
    ],
)
def test_bad_security_txt_fails(https_server: Server, tls_files: TLS, mutate, kind: str) -> None:  # type: ignore[no-untyped-def]
    https_server.route("/.well-known/security.txt", mutate(security_txt(https_server), https_server))
    https_server.route("/security/policy", POLICY_HTML, headers={"Content-Type": "text/html"})
    r = psti("check", "disclosure", https_server.base + "/.well-known/security.txt", *https_args(tls_files))
    k = kinds(report(r))
    assert r.returncode == 1 and k[kind] == "fail"


def test_plain_http_is_a_fail(http_server: Server) -> None:
    http_server.route("/.well-known/security.txt", security_txt(http_server))
    r = psti(
        "check",
        "disclosure",
        http_server.base + "/.well-known/security.txt",
        "--allow-private",
        "--no-follow",
        "--format",
        "json",
    )
    assert r.returncode == 1 and kinds(report(r))["SECTXT-NOT-HTTPS"] == "fail"


def test_bad_signature_fails(https_server: Server, tls_files: TLS, tmp_path: Path) -> None:
    if shutil.which("gpg") is None:
        pytest.skip("gpg (Debian gnupg) is not installed")
    from tests.evidence.web.test_pgp import _make_signer

    signer = _make_signer(tmp_path, "psirt")
    try:
        body = security_txt(https_server)
        signed = signer.clearsign(body).replace(b"psirt@vendor", b"evil1@vendor")
    finally:
        subprocess.run(
            ["gpgconf", "--kill", "all"],
            env={**os.environ, "GNUPGHOME": str(signer.home)},
            capture_output=True,
            check=False,
        )
    https_server.route("/.well-known/security.txt", signed)
    r = psti(
        "check",
        "disclosure",
        https_server.base + "/.well-known/security.txt",
        *https_args(tls_files),
        "--key",
        str(signer.public_key),
        "--no-follow",
    )
    k = kinds(report(r))
    assert r.returncode == 1 and k["SECTXT-SIGNATURE-BAD"] == "fail"


@pytest.mark.parametrize(
    ("setup", "reason"),
    [
        (
            lambda s: s.route(
                "/.well-known/security.txt", status=302, headers={"Location": "/.well-known/security.txt"}
            ),
            "redirect-loop",
        ),
        (
            lambda s: s.route(
                "/.well-known/security.txt",
                status=302,
                headers={"Location": "https://169.254.169.254/latest/meta-data/"},
            ),
            "private-address",
        ),
        (lambda s: s.route("/.well-known/security.txt", b"x" * 300_000), "too-large"),
        (lambda s: s.route("/.well-known/security.txt", "late", delay=4.0), "timeout"),
    ],
)
def test_fetch_problems_need_evidence(http_server: Server, setup, reason: str) -> None:  # type: ignore[no-untyped-def]
    setup(http_server)
    r = psti(
        "check",
        "disclosure",
        http_server.base + "/.well-known/security.txt",
        "--allow-private",
        "--max-bytes",
        "100000",
        "--timeout",
        "1",
        "--format",
        "json",
    )
    rep = report(r)
    assert r.returncode == 3, kinds(rep)
    (f,) = [f for f in rep["findings"] if f["kind"] == "WEB-FETCH-FAILED"]
    if reason == "private-address":
        # the loopback start is allowed; the metadata address after the redirect is not
        assert f["details"]["reason"] in ("private-address", "connect-failed", "tls-error", "timeout")
    else:
        assert f["details"]["reason"] == reason


def test_redirect_to_metadata_refused_without_allow_private(http_server: Server) -> None:
    http_server.route("/r", status=302, headers={"Location": "http://169.254.169.254/"})
    r = psti("check", "disclosure", http_server.base + "/r", "--format", "json")
    rep = report(r)
    (f,) = [f for f in rep["findings"] if f["kind"] == "WEB-FETCH-FAILED"]
    assert f["details"]["reason"] == "private-address" and r.returncode == 3


def test_tls_error_needs_evidence(https_server: Server) -> None:
    https_server.route("/.well-known/security.txt", "x")
    r = psti(
        "check", "disclosure", https_server.base + "/.well-known/security.txt", "--allow-private", "--format", "json"
    )
    rep = report(r)
    assert r.returncode == 3
    assert rep["findings"][0]["details"]["reason"] == "tls-error"


def test_binary_policy_page_needs_evidence(https_server: Server, tls_files: TLS) -> None:
    https_server.route("/.well-known/security.txt", security_txt(https_server))
    https_server.route("/security/policy", bytes(range(256)) * 16, headers={"Content-Type": "application/octet-stream"})
    r = psti("check", "disclosure", https_server.base + "/.well-known/security.txt", *https_args(tls_files))
    k = kinds(report(r))
    assert r.returncode == 3 and k["WEB-UNREADABLE"] == "needs-evidence"


def test_real_corpus_files_offline() -> None:
    folder = data("security-txt")
    expired = psti(
        "check",
        "disclosure",
        str(folder / "hibp_adobe.com_security.txt"),
        "--no-follow",
        "--now",
        "2026-11-22T00:00:00Z",
        "--format",
        "json",
    )
    assert expired.returncode == 1 and kinds(report(expired))["SECTXT-EXPIRED"] == "fail"
    good = psti(
        "check",
        "disclosure",
        str(folder / "GrapheneOS_grapheneos.org_security.txt"),
        "--no-follow",
        "--now",
        "2026-11-22T00:00:00Z",
        "--format",
        "json",
    )
    k = kinds(report(good))
    assert good.returncode == 3 and k["SECTXT-VALID"] == "pass" and k["DISC-NEEDS-POLICY"] == "needs-evidence"
    pol = data("disclosure-policies") / "repo_security_md" / "OctoPrint_OctoPrint_SECURITY.md"
    with_policy = psti(
        "check",
        "disclosure",
        str(folder / "GrapheneOS_grapheneos.org_security.txt"),
        "--policy",
        str(pol),
        "--now",
        "2026-11-22T00:00:00Z",
        "--format",
        "json",
    )
    k = kinds(report(with_policy))
    assert with_policy.returncode == 1 and k["DISC-NO-ACK-TIMESCALE"] == "fail"


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    for args in (
        ["check", "disclosure", "ftp://x.example/"],
        ["check", "disclosure", "not a target"],
        ["check", "disclosure", str(tmp_path)],
        ["check", "disclosure", "example.com", "--offline"],
        ["check", "disclosure", "example.com", "--now", "yesterday"],
        ["check", "support-period", "example.com"],
    ):
        r = psti(*args)
        assert r.returncode == 2, (args, r.stdout, r.stderr)
        assert "Traceback" not in r.stderr


PRODUCT = """<html lang="en"><head><title>Acme Cam 2</title></head><body><h1>Acme Cam 2</h1>
<p>£59.99</p><button>Add to basket</button>
<p>Security updates for Acme Cam 2 until {end}.</p></body></html>"""


def test_support_period_over_http_with_history(http_server: Server, tmp_path: Path) -> None:
    env = {"PSTI_DATA_DIR": str(tmp_path / "data")}
    base = [
        "--model",
        "Acme Cam 2",
        "--manufacturer",
        "Acme",
        "--allow-private",
        "--format",
        "json",
        "--history",
        "record",
    ]
    http_server.route("/cam2", PRODUCT.format(end="31 December 2030"), headers={"Content-Type": "text/html"})
    r = psti("check", "support-period", http_server.base + "/cam2", *base, env=env)
    k = kinds(report(r))
    assert k["SP-FOUND"] == "pass" and k["SP-ALONGSIDE-PURCHASE"] == "pass"
    assert (tmp_path / "data" / "support-periods.json").is_file()
    http_server.route("/cam2", PRODUCT.format(end="2029-12-31"), headers={"Content-Type": "text/html"})
    r = psti("check", "support-period", http_server.base + "/cam2", *base, env=env)
    k = kinds(report(r))
    assert r.returncode == 1 and k["SP-SHORTENED"] == "fail"


def test_support_period_saved_file_vague(tmp_path: Path) -> None:
    page = tmp_path / "p.html"
    page.write_text("<p>The Acme Cam 2 receives updates for as long as needed.</p>")
    r = psti("check", "support-period", str(page), "--model", "Acme Cam 2", "--history", "off", "--format", "json")
    assert r.returncode == 1 and kinds(report(r))["SP-VAGUE"] == "fail"


def test_support_period_unreachable(tmp_path: Path) -> None:
    import socket

    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    r = psti("check", "support-period", f"http://127.0.0.1:{port}/p", "--allow-private", "--format", "json")
    rep = report(r)
    assert r.returncode == 3 and rep["findings"][0]["details"]["reason"] == "connect-failed"


def test_soft_404_html_page_needs_evidence(https_server: Server, tls_files: TLS) -> None:
    https_server.route(
        "/.well-known/security.txt",
        "<!DOCTYPE html><html><body><h1>Page not found</h1></body></html>",
        headers={"Content-Type": "text/html; charset=utf-8"},
    )
    r = psti("check", "disclosure", https_server.base + "/.well-known/security.txt", *https_args(tls_files))
    k = kinds(report(r))
    assert r.returncode == 3 and k["SECTXT-NOT-FOUND"] == "needs-evidence"
    assert "SECTXT-SYNTAX" not in k


def test_binary_security_txt_needs_evidence(https_server: Server, tls_files: TLS) -> None:
    https_server.route(
        "/.well-known/security.txt", b"\x89PNG\r\n\x1a\n\x00\x00" * 50, headers={"Content-Type": "image/png"}
    )
    r = psti("check", "disclosure", https_server.base + "/.well-known/security.txt", *https_args(tls_files))
    k = kinds(report(r))
    assert r.returncode == 3 and k["SECTXT-NOT-TEXT"] == "needs-evidence"


CAM_PAGE = """<!doctype html><html><head><title>Acme Cam 2 | Acme</title></head><body><h1>Acme Cam 2</h1>
<p>Security updates for the Acme Cam 2 until 31 December 2030.</p></body></html>"""


def test_support_period_report_names_the_page_product(tmp_path: Path) -> None:
    page = tmp_path / "cam.html"
    page.write_text(CAM_PAGE)
    r = psti("check", "support-period", str(page), "--history", "off", "--format", "json")
    rep = report(r)
    assert rep["product"]["name"] == "Acme Cam 2" and rep["product"]["model"] == "Acme Cam 2"
    assert rep["product"]["manufacturer"] == "Acme"
    assert "note: the product is Acme Cam 2, made by Acme, as the page's title names it" in r.stderr
    assert "SP-OTHER-PRODUCT" not in kinds(rep)
    # the terminal report heads with the page's product, not the file name
    r = psti("check", "support-period", str(page), "--history", "off")
    assert r.stdout.splitlines()[0] == "Acme Cam 2 — Acme"


def test_support_period_report_shows_both_products_when_they_differ(tmp_path: Path) -> None:
    page = tmp_path / "cam.html"
    page.write_text(CAM_PAGE)
    r = psti("check", "support-period", str(page), "--model", "Acme Doorbell 5", "--history", "off", "--format", "json")
    rep = report(r)
    assert rep["product"]["name"] == "Acme Doorbell 5, but the page's title names Acme Cam 2"
    assert rep["product"]["model"] == "Acme Doorbell 5"
    other = next(f for f in rep["findings"] if f["kind"] == "SP-OTHER-PRODUCT")
    assert other["effect"] == "info" and "is about Acme Cam 2 (read from its title)" in other["message"]
    assert "warning: the page names Acme Cam 2 (its title), not Acme Doorbell 5" in r.stderr
    # the same product, named shorter or with other spacing and case: one product, no warning
    for asked in ("Cam 2", "ACME cam-2"):
        r = psti("check", "support-period", str(page), "--model", asked, "--history", "off", "--format", "json")
        rep = report(r)
        assert rep["product"]["name"] == asked and "SP-OTHER-PRODUCT" not in kinds(rep), asked
        assert "warning" not in r.stderr


def test_support_period_year_written_in_is_reported(tmp_path: Path) -> None:
    page = tmp_path / "notice.html"
    page.write_text(
        '<html><head><meta property="article:published_time" content="2023-10-05T09:00:00Z">'
        "<title>Acme Hub notice</title></head><body>"
        "<p>Security updates for the Acme Hub will end on 31 March.</p></body></html>"
    )
    r = psti("check", "support-period", str(page), "--model", "Acme Hub", "--history", "off", "--format", "json")
    rep = report(r)
    found = next(f for f in rep["findings"] if f["kind"] == "SP-FOUND")
    assert found["details"]["end_date"] == "2024-03-31"
    supplied = next(f for f in rep["findings"] if f["kind"] == "SP-YEAR-SUPPLIED")
    assert supplied["effect"] == "info" and "2023-10-05" in supplied["message"] and "'31 March'" in supplied["message"]
