"""Fixtures for the web-evidence tests: real HTTP(S) servers on 127.0.0.1 and the shared data."""

from __future__ import annotations

import datetime as dt
import ipaddress
import ssl
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from tests.conftest import shared_data_dir

# A fixed judgement time: the corpus labels (INDEX.csv) are as of 2026-11-22.
CORPUS_NOW = dt.datetime(2026, 11, 22, 12, 0, tzinfo=dt.UTC)


def data(sub: str) -> Path:
    """A folder of ../shared/data (the real corpus); skips the test when it is absent."""
    base = shared_data_dir()
    if base is None or not (base / sub).is_dir():
        pytest.skip(f"shared data folder {sub!r} is absent (clone the repository beside shared/)")
    return base / sub


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PSTI_DATA_DIR", str(tmp_path / "psti-data"))


@dataclass
class Route:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # before the response
    drip: float = 0.0  # seconds between body bytes
    handler: Callable[[BaseHTTPRequestHandler], None] | None = None


@dataclass
class Server:
    base: str  # http(s)://host:port
    port: int
    routes: dict[str, Route]
    requests: list[dict[str, str]]

    def route(self, path: str, body: bytes | str = b"", status: int = 200, **kw: object) -> str:
        data = body.encode() if isinstance(body, str) else body
        self.routes[path] = Route(status=status, body=data, **kw)  # type: ignore[arg-type]
        return self.base + path


def _handler(routes: dict[str, Route], requests: list[dict[str, str]]) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: object) -> None:
            pass

        def do_GET(self) -> None:
            requests.append({"path": self.path, **{k.lower(): v for k, v in self.headers.items()}})
            route = routes.get(self.path.split("?", 1)[0])
            if route is None:
                self._send(404, b"not found", {"Content-Type": "text/plain"})
                return
            if route.handler is not None:
                route.handler(self)
                return
            if route.delay:
                time.sleep(route.delay)
            headers = {"Content-Type": "text/plain; charset=utf-8", **route.headers}
            if route.drip:
                self.send_response(route.status)
                for k, v in headers.items():
                    self.send_header(k, v)
                self.send_header("Content-Length", str(len(route.body)))
                self.end_headers()
                try:
                    for b in route.body:
                        self.wfile.write(bytes([b]))
                        self.wfile.flush()
                        time.sleep(route.drip)
                except (BrokenPipeError, ConnectionResetError):
                    pass
                return
            self._send(route.status, route.body, headers)

        def _send(self, status: int, body: bytes, headers: dict[str, str]) -> None:
            try:
                self.send_response(status)
                for k, v in headers.items():
                    self.send_header(k, v)
                if "Content-Length" not in headers:
                    self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass

    return Handler


@pytest.fixture
def http_server() -> Iterator[Server]:
    routes: dict[str, Route] = {}
    requests: list[dict[str, str]] = []
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler(routes, requests))
    httpd.daemon_threads = True
    port = httpd.server_address[1]
    t = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    t.start()
    try:
        yield Server(f"http://127.0.0.1:{port}", port, routes, requests)
    finally:
        httpd.shutdown()
        httpd.server_close()


@dataclass
class TLS:
    ca_path: Path
    cert_path: Path
    key_path: Path


@pytest.fixture(scope="session")
def tls_files(tmp_path_factory: pytest.TempPathFactory) -> TLS:
    """A throw-away CA and a server certificate for localhost, 127.0.0.1 and *.test names."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    d = tmp_path_factory.mktemp("tls")
    now = dt.datetime.now(dt.UTC)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "psti test CA")])
    ca = (
        x509.CertificateBuilder()
        .subject_name(ca_name)
        .issuer_name(ca_name)
        .public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=30))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=False,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=True,
                crl_sign=True,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()), critical=False)
        .sign(ca_key, hashes.SHA256())
    )
    key = ec.generate_private_key(ec.SECP256R1())
    cert = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")]))
        .issuer_name(ca_name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=30))
        .add_extension(
            x509.SubjectAlternativeName(
                [
                    x509.DNSName("localhost"),
                    x509.DNSName("vendor.test"),
                    x509.IPAddress(ipaddress.ip_address("127.0.0.1")),
                ]
            ),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), critical=False)
        .add_extension(x509.ExtendedKeyUsage([x509.oid.ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
        .sign(ca_key, hashes.SHA256())
    )
    tls = TLS(d / "ca.pem", d / "server.pem", d / "server.key")
    tls.ca_path.write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    tls.cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    tls.key_path.write_bytes(
        key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )
    return tls


@pytest.fixture
def https_server(tls_files: TLS) -> Iterator[Server]:
    routes: dict[str, Route] = {}
    requests: list[dict[str, str]] = []
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler(routes, requests))
    httpd.daemon_threads = True
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.load_cert_chain(tls_files.cert_path, tls_files.key_path)
    httpd.socket = ctx.wrap_socket(httpd.socket, server_side=True)
    port = httpd.server_address[1]
    t = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    t.start()
    try:
        yield Server(f"https://localhost:{port}", port, routes, requests)
    finally:
        httpd.shutdown()
        httpd.server_close()
