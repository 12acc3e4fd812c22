"""The safe fetcher against real servers on 127.0.0.1."""

from __future__ import annotations

import hashlib
import socket
import threading

import pytest

from psti.errors import PstiError
from psti.evidence.web.fetch import FetchError, address_refusal, fetch
from tests.evidence.web.conftest import Server

LOCAL = {"127.0.0.1"}


def resolver(mapping: dict[str, list[str]]):  # type: ignore[no-untyped-def]
    calls: list[str] = []

    def resolve(host: str, port: int) -> list[str]:
        calls.append(host)
        if host not in mapping:
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        return mapping[host]

    resolve.calls = calls  # type: ignore[attr-defined]
    return resolve


def test_fetches_with_hash_time_and_honest_user_agent(http_server: Server) -> None:
    url = http_server.route("/a.txt", "hello\n")
    doc = fetch(url, allow_private=True)
    assert doc.status == 200 and doc.content == b"hello\n"
    assert doc.sha256 == hashlib.sha256(b"hello\n").hexdigest()
    assert doc.final_url == url and doc.redirects == ()
    assert doc.media_type == "text/plain" and doc.charset == "utf-8"
    ua = http_server.requests[-1]["user-agent"]
    assert ua.startswith("psti/") and "+https://" in ua


def test_loopback_refused_by_default(http_server: Server) -> None:
    url = http_server.route("/a.txt", "x")
    with pytest.raises(FetchError) as e:
        fetch(url)
    assert e.value.reason == "private-address" and "127.0.0.1" in str(e.value)
    assert isinstance(e.value, PstiError)
    assert http_server.requests == []  # refused before connecting


@pytest.mark.parametrize(
    "addr",
    [
        "10.0.0.5",
        "192.168.1.1",
        "172.16.3.4",
        "169.254.169.254",
        "::1",
        "fe80::1",
        "fd00:ec2::254",
        "100.64.0.1",
        "0.0.0.0",
        "::ffff:127.0.0.1",
        "224.0.0.1",
        "240.0.0.1",
    ],
)
def test_internal_addresses_refused_after_dns(addr: str) -> None:
    res = resolver({"innocent.example": [addr]})
    with pytest.raises(FetchError) as e:
        fetch("https://innocent.example/.well-known/security.txt", resolver=res)
    assert e.value.reason == "private-address"
    assert address_refusal(addr) is not None


def test_any_internal_answer_refuses_the_host() -> None:
    res = resolver({"mixed.example": ["93.184.216.34", "10.1.1.1"]})
    with pytest.raises(FetchError) as e:
        fetch("http://mixed.example/", resolver=res)
    assert e.value.reason == "private-address" and "10.1.1.1" in e.value.detail


def test_public_addresses_pass_the_check() -> None:
    assert address_refusal("93.184.216.34") is None
    assert address_refusal("2606:2800:220:1:248:1893:25c7:1946") is None


def test_connects_to_the_resolved_address_keeping_the_host_header(http_server: Server) -> None:
    http_server.route("/p", "ok")
    res = resolver({"vendor.test": ["127.0.0.1"]})
    doc = fetch(f"http://vendor.test:{http_server.port}/p", resolver=res, allow_addresses=LOCAL)
    assert doc.content == b"ok" and doc.address == "127.0.0.1"
    assert http_server.requests[-1]["host"] == f"vendor.test:{http_server.port}"
    assert res.calls == ["vendor.test"]  # resolved once


def test_redirect_to_metadata_address_refused(http_server: Server) -> None:
    http_server.route("/r", status=302, headers={"Location": "http://169.254.169.254/latest/meta-data/"})
    with pytest.raises(FetchError) as e:
        fetch(http_server.base + "/r", allow_addresses=LOCAL)
    assert e.value.reason == "private-address" and "169.254.169.254" in e.value.detail


def test_redirect_to_name_resolving_private_refused(http_server: Server) -> None:
    http_server.route("/r", status=301, headers={"Location": "http://intranet.test/admin"})
    res = resolver({"intranet.test": ["10.0.0.8"]})
    with pytest.raises(FetchError) as e:
        fetch(http_server.base + "/r", allow_addresses=LOCAL, resolver=res)
    assert e.value.reason == "private-address"


def test_follows_redirects_and_records_them(http_server: Server) -> None:
    http_server.route("/one", status=301, headers={"Location": "/two"})
    http_server.route("/two", status=307, headers={"Location": http_server.base + "/three"})
    http_server.route("/three", "done")
    doc = fetch(http_server.base + "/one", allow_private=True)
    assert doc.content == b"done" and doc.final_url == http_server.base + "/three"
    assert [s for _, s in doc.redirects] == [301, 307]


def test_redirect_loop(http_server: Server) -> None:
    http_server.route("/a", status=302, headers={"Location": "/b"})
    http_server.route("/b", status=302, headers={"Location": "/a"})
    with pytest.raises(FetchError) as e:
        fetch(http_server.base + "/a", allow_private=True)
    assert e.value.reason == "redirect-loop"


def test_too_many_redirects(http_server: Server) -> None:
    for i in range(10):
        http_server.route(f"/{i}", status=302, headers={"Location": f"/{i + 1}"})
    with pytest.raises(FetchError) as e:
        fetch(http_server.base + "/0", allow_private=True, max_redirects=3)
    assert e.value.reason == "too-many-redirects"


def test_redirect_to_other_scheme_refused(http_server: Server) -> None:
    http_server.route("/r", status=302, headers={"Location": "file:///etc/passwd"})
    with pytest.raises(FetchError) as e:
        fetch(http_server.base + "/r", allow_private=True)
    assert e.value.reason == "bad-scheme"


@pytest.mark.parametrize("url", ["ftp://example.com/x", "file:///etc/passwd", "gopher://x/"])
def test_only_http_and_https(url: str) -> None:
    with pytest.raises(FetchError) as e:
        fetch(url)
    assert e.value.reason in ("bad-scheme", "bad-url")


def test_credentials_in_url_refused() -> None:
    with pytest.raises(FetchError) as e:
        fetch("https://user:pw@example.com/")
    assert e.value.reason == "bad-url"


def test_oversized_declared_length(http_server: Server) -> None:
    http_server.route("/big", b"x" * 5000)
    with pytest.raises(FetchError) as e:
        fetch(http_server.base + "/big", allow_private=True, max_bytes=1000)
    assert e.value.reason == "too-large"


def test_oversized_without_length(http_server: Server) -> None:
    hung_up = threading.Event()

    def chunked(h):  # type: ignore[no-untyped-def]
        h.send_response(200)
        h.send_header("Content-Type", "text/plain")
        h.send_header("Connection", "close")
        h.end_headers()
        try:
            # 64 MiB: more than loopback socket buffers hold, so a client that stops at its
            # limit makes these writes fail even when the server outpaces it
            for _ in range(1024):
                h.wfile.write(b"y" * 65536)
                h.wfile.flush()
        except (BrokenPipeError, ConnectionResetError):
            hung_up.set()  # the client stopped reading at its limit and closed the connection

    http_server.route("/stream", handler=chunked)
    with pytest.raises(FetchError) as e:
        fetch(http_server.base + "/stream", allow_private=True, max_bytes=4096)
    assert e.value.reason == "too-large"
    assert hung_up.wait(10), "the client read on past its limit"


def test_slow_server_no_response(http_server: Server) -> None:
    http_server.route("/slow", "late", delay=3.0)
    with pytest.raises(FetchError) as e:
        fetch(http_server.base + "/slow", allow_private=True, timeout=0.5)
    assert e.value.reason == "timeout"


def test_slow_drip_hits_the_overall_deadline(http_server: Server) -> None:
    http_server.route("/drip", b"z" * 200, drip=0.05)
    with pytest.raises(FetchError) as e:
        fetch(http_server.base + "/drip", allow_private=True, timeout=0.3)
    assert e.value.reason == "timeout"


def test_unreachable_port() -> None:
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    with pytest.raises(FetchError) as e:
        fetch(f"http://127.0.0.1:{port}/", allow_private=True, timeout=2)
    assert e.value.reason == "connect-failed"


def test_dns_failure() -> None:
    with pytest.raises(FetchError) as e:
        fetch("https://no-such-host.test/", resolver=resolver({}))
    assert e.value.reason == "dns-failed"


def test_non_2xx_is_returned_not_raised(http_server: Server) -> None:
    doc = fetch(http_server.base + "/missing", allow_private=True)
    assert doc.status == 404 and not doc.ok


def test_https_with_custom_ca_and_sni(https_server: Server, tls_files) -> None:  # type: ignore[no-untyped-def]
    https_server.route("/s", "secure")
    res = resolver({"vendor.test": ["127.0.0.1"]})
    doc = fetch(
        f"https://vendor.test:{https_server.port}/s",
        verify=str(tls_files.ca_path),
        resolver=res,
        allow_addresses=LOCAL,
    )
    assert doc.content == b"secure"
    assert https_server.requests[-1]["host"] == f"vendor.test:{https_server.port}"


def test_https_untrusted_certificate_is_a_tls_error(https_server: Server) -> None:
    https_server.route("/s", "secure")
    with pytest.raises(FetchError) as e:
        fetch(https_server.base + "/s", allow_private=True)
    assert e.value.reason == "tls-error"


def test_https_name_mismatch_is_a_tls_error(https_server: Server, tls_files) -> None:  # type: ignore[no-untyped-def]
    https_server.route("/s", "secure")
    res = resolver({"other.test": ["127.0.0.1"]})
    with pytest.raises(FetchError) as e:
        fetch(
            f"https://other.test:{https_server.port}/s",
            verify=str(tls_files.ca_path),
            resolver=res,
            allow_addresses=LOCAL,
        )
    assert e.value.reason == "tls-error"


def test_international_names_resolve_and_send_punycode(http_server: Server) -> None:
    http_server.route("/p", "ok")
    res = resolver({"xn--mnchen-3ya.test": ["127.0.0.1"]})
    doc = fetch(f"http://münchen.test:{http_server.port}/p", resolver=res, allow_addresses=LOCAL)
    assert doc.content == b"ok"
    assert http_server.requests[-1]["host"] == f"xn--mnchen-3ya.test:{http_server.port}"
