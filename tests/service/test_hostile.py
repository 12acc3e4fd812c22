"""Hostile clients against a real `psti serve` process, on SQLite and on PostgreSQL.

Each test replays one attack on the registry and asserts the refusal: artefact paths
that escape the product's uploads, bodies that are too large or come before sign-in,
rate limits bypassed with X-Forwarded-For or split across processes, lock-outs used to
deny a user, fetches of internal addresses (shared address space, DNS rebinding,
redirects), and attachment names and counts.
"""

from __future__ import annotations

import hashlib
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.parse
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.service.live import ADMIN, Api, free_port
from tests.store.conftest import fresh_postgres_database

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
PASSWORD = "a-long-test-password"

# Runs `psti serve` with one name whose DNS answers alternate: the first lookup gives
# 127.0.0.2 (an address the operator allows), the next 127.0.0.1 (loopback). A client
# that resolves once to check and again to connect would reach 127.0.0.1.
SERVE = """
import socket
_real = socket.getaddrinfo
_count = [0]
def _answers(host, *args, **kwargs):
    if host == "rebind.test":
        _count[0] += 1
        host = "127.0.0.2" if _count[0] % 2 else "127.0.0.1"
    return _real(host, *args, **kwargs)
socket.getaddrinfo = _answers
from psti.cli import main
main()
"""


class Server:
    """One `psti serve` process (its own port) over a data folder and database."""

    def __init__(self, data_dir: Path, database: str | None, *args: str) -> None:
        self.data_dir, self.database, self.args = data_dir, database, args
        self.port = free_port()
        self.proc: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> Server:
        env = {**os.environ, "PSTI_ADMIN_PASSWORD": ADMIN[1], "PSTI_FETCH_ALLOW_ADDRESSES": "127.0.0.2"}
        cmd = [sys.executable, "-c", SERVE, "serve", "--port", str(self.port), "--data-dir", str(self.data_dir)]
        cmd += ["--admin-email", ADMIN[0], *self.args]
        if self.database:
            cmd += ["--database", self.database]
        log = open(self.data_dir.parent / f"server-{self.port}.log", "ab")  # noqa: SIM115
        self.proc = subprocess.Popen(cmd, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            assert self.proc.poll() is None, f"server exited; see {log.name}"
            try:
                if httpx.get(self.url + "/", timeout=1).status_code == 200:
                    return self
            except httpx.HTTPError:
                time.sleep(0.1)
        raise RuntimeError("server did not start")

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            self.proc.wait(15)

    def memory(self) -> tuple[int, int]:
        """(current, peak) resident memory of the server process, in bytes."""
        assert self.proc is not None
        fields = dict(
            line.split(":", 1) for line in Path(f"/proc/{self.proc.pid}/status").read_text().splitlines() if ":" in line
        )
        return int(fields["VmRSS"].split()[0]) * 1024, int(fields["VmHWM"].split()[0]) * 1024


@pytest.fixture(scope="module", params=["sqlite", "postgres"])
def database(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str | None]:
    if request.param == "sqlite":
        yield None  # the default: SQLite in the data folder
    else:
        yield from fresh_postgres_database()


@pytest.fixture(scope="module")
def world(database: str | None, tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    """A server with two manufacturers, each with an API token."""
    root = tmp_path_factory.mktemp("hostile")
    server = Server(root / "data", database).start()
    try:
        admin = Api(server.url, *ADMIN)
        tokens = {}
        for slug in ("acme", "rival"):
            org = admin.post(
                "/api/v1/organisations",
                json={
                    "name": f"{slug} Ltd",
                    "kind": "manufacturer",
                    "slug": slug,
                    "reporting_contact": f"security@{slug}.example",
                },
            )
            email = f"maker@{slug}.example"
            admin.post(
                "/api/v1/users",
                json={"email": email, "password": PASSWORD, "role": "manufacturer", "organisation_id": org["id"]},
            )
            tokens[slug] = Api(server.url, email, PASSWORD).post("/api/v1/tokens", json={"name": "t"})["token"]
        client = httpx.Client(base_url=server.url, timeout=60)
        yield {"server": server, "client": client, "tokens": tokens, "database": database, "root": root}
        client.close()
    finally:
        server.stop()


def _h(world: dict[str, Any], who: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {world['tokens'][who]}"}


def _declaration(model: str, path: str) -> bytes:
    text = (EXAMPLES / "smart-plug" / "product.toml").read_text()
    text = text.replace('model = "BW-P1"', f'model = "{model}"')
    return (text + f'\n[[artefacts]]\nkind = "password-batch"\npath = "{path}"\n').encode()


def _wait_job(world: dict[str, Any], who: str, job_id: int) -> dict[str, Any]:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        job = world["client"].get(f"/api/v1/jobs/{job_id}", headers=_h(world, who)).json()
        if job["status"] in ("done", "failed"):
            return job
        time.sleep(0.1)
    raise AssertionError(f"job {job_id} did not finish")


def _product(world: dict[str, Any], who: str, model: str) -> dict[str, Any]:
    r = world["client"].post("/api/v1/products", headers=_h(world, who), json={"name": "Plug", "model": model})
    assert r.status_code == 201, r.text
    return r.json()  # type: ignore[no-any-return]


# --- artefacts -------------------------------------------------------------------------


@pytest.mark.parametrize("path", ["/etc/passwd", "../../psti.sqlite3", "files/../../../etc/shadow", "C:/x.csv"])
def test_artefact_paths_outside_the_uploads_are_refused_at_upload(world: dict[str, Any], path: str) -> None:
    c = world["client"]
    model = "ESC-" + hashlib.sha256(path.encode()).hexdigest()[:8]
    r = c.post(
        "/api/v1/products/declaration",
        headers=_h(world, "acme"),
        files={"file": ("product.toml", _declaration(model, path))},
    )
    assert r.status_code == 422, r.text
    assert r.json()["problems"][0]["field"] == "artefacts[0].path"
    assert c.get("/api/v1/products", headers=_h(world, "acme")).text.find(model) == -1


def test_another_organisations_upload_cannot_be_named_by_hash(world: dict[str, Any]) -> None:
    c = world["client"]
    secret = b"serial,password\nR-1,rival-secret-Xk9#mQ2!pL\n"
    theirs = _product(world, "rival", "RIVAL-1")
    r = c.post(
        f"/api/v1/products/{theirs['id']}/files",
        headers=_h(world, "rival"),
        data={"kind": "password-batch"},
        files={"file": ("batch.csv", secret)},
    )
    assert r.status_code in (200, 201), r.text
    digest = hashlib.sha256(secret).hexdigest()
    tag = "PG" if world["database"] else "SL"
    for model, ref in ((f"STEAL-H-{tag}", f"sha256:{digest}"), (f"STEAL-I-{tag}", f"file:{r.json()['id']}")):
        r = c.post(
            "/api/v1/products/declaration",
            headers=_h(world, "acme"),
            files={"file": ("product.toml", _declaration(model, ref))},
        )
        assert r.status_code == 201, r.text  # a hash or id is a fine reference, if it is the product's own
        pid = r.json()["id"]
        r = c.post(f"/api/v1/products/{pid}/assessments", headers=_h(world, "acme"))
        assert r.status_code == 422 and "not files uploaded for this product" in r.json()["error"], r.text
        assert "not among this product's uploaded files" in r.json()["problems"][0]["message"]
        assert b"rival-secret" not in c.get(f"/api/v1/products/{pid}", headers=_h(world, "acme")).content


def test_own_uploads_are_found_by_name_or_hash_and_assessed(world: dict[str, Any]) -> None:
    c = world["client"]
    batch = b"serial,password\nA-1,Xk9#mQ2!pLw7\nA-2,Rt5$zN8@qVc3\n"
    for model, ref in (("OWN-1", "factory/batch.csv"), ("OWN-2", "sha256:" + hashlib.sha256(batch).hexdigest())):
        r = c.post(
            "/api/v1/products/declaration",
            headers=_h(world, "acme"),
            files={"file": ("product.toml", _declaration(model, ref))},
        )
        assert r.status_code == 201, r.text
        pid = r.json()["id"]
        if ref.startswith("sha256:"):  # a hash names content this product does not have yet: refused
            r = c.post(f"/api/v1/products/{pid}/assessments", headers=_h(world, "acme"))
            assert r.status_code == 422, r.text
        r = c.post(
            f"/api/v1/products/{pid}/files",
            headers=_h(world, "acme"),
            data={"kind": "password-batch"},
            files={"file": ("batch.csv", batch)},
        )
        assert r.status_code in (200, 201), r.text
        r = c.post(f"/api/v1/products/{pid}/assessments", headers=_h(world, "acme"))
        assert r.status_code == 202, r.text
        job = _wait_job(world, "acme", r.json()["id"])
        assert job["status"] == "done", job


# --- bodies ----------------------------------------------------------------------------


def _raw(server: Server, head: str, body: bytes = b"") -> tuple[bytes, float]:
    """Send a request head (and maybe the start of a body); the answer's first bytes and how long it took."""
    start = time.monotonic()
    with socket.create_connection(("127.0.0.1", server.port), timeout=10) as s:
        s.sendall(head.replace("\n", "\r\n").encode() + b"\r\n" + body)
        answer = b""
        while chunk := s.recv(4096):  # the server answers and closes the connection
            answer += chunk
    return answer, time.monotonic() - start


def test_large_unauthenticated_uploads_are_refused_before_the_body(world: dict[str, Any]) -> None:
    server = world["server"]
    for length in ("Content-Length: 2147483648", "Transfer-Encoding: chunked"):
        answer, took = _raw(
            server,
            f"POST /api/v1/catalogues HTTP/1.1\nHost: x\nContent-Type: multipart/form-data; boundary=b\n{length}\n",
        )
        assert answer.startswith(b"HTTP/1.1 401"), answer[:200]
        assert took < 5
    answer, _ = _raw(
        server,
        "POST /api/v1/catalogues HTTP/1.1\nHost: x\nAuthorization: Bearer psti_forged\n"
        "Content-Type: multipart/form-data; boundary=b\nContent-Length: 2147483648\n",
    )
    assert answer.startswith(b"HTTP/1.1 401") and b"unknown or revoked" in answer
    token = world["tokens"]["acme"]
    answer, _ = _raw(
        server,
        f"POST /api/v1/catalogues HTTP/1.1\nHost: x\nAuthorization: Bearer {token}\n"
        "Content-Type: multipart/form-data; boundary=b\nContent-Length: 2147483648\n",
    )
    assert answer.startswith(b"HTTP/1.1 413"), answer[:200]


def test_a_chunked_gigabyte_to_an_anonymous_route_is_cut_off(world: dict[str, Any]) -> None:
    server = world["server"]
    _, peak_before = server.memory()
    block = b" " * (1 << 20)
    chunk = b"%x\r\n" % len(block) + block + b"\r\n"
    sent = 0
    answer = b""
    with socket.create_connection(("127.0.0.1", server.port), timeout=10) as s:
        s.sendall(
            b"POST /api/v1/manufacturers/acme/reports HTTP/1.1\r\nHost: x\r\n"
            b"Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
        )
        try:
            while sent < (1 << 30):
                s.sendall(chunk)
                sent += len(block)
            s.sendall(b"0\r\n\r\n")
        except OSError:  # the server answered and closed the connection
            pass
        try:
            answer = s.recv(4096)
        except OSError:
            answer = b""  # reset before the answer could be read: the cut-off itself is what counts
    _, peak_after = server.memory()
    assert sent < 256 * (1 << 20), f"the server kept reading: {sent:,} bytes"
    assert peak_after - peak_before < 100 * (1 << 20), (peak_before, peak_after)
    assert answer == b"" or answer.startswith(b"HTTP/1.1 413"), answer[:200]
    assert httpx.get(server.url + "/", timeout=10).status_code == 200


# --- attachments -----------------------------------------------------------------------


def test_attachment_names_in_any_script_and_at_most_five(world: dict[str, Any]) -> None:
    c = world["client"]
    rep = c.post("/api/v1/manufacturers/acme/reports", json={"title": "t", "description": "a long enough text"})
    assert rep.status_code == 201, rep.text
    rid, follow = rep.json()["id"], {"X-Report-Token": rep.json()["follow_up_token"]}
    name = "отчёт 漏洞 Ünïcode.txt"  # letters of any script are kept in stored names
    ids = []
    for i in range(5):
        r = c.post(
            f"/api/v1/reports/{rid}/attachments",
            headers=follow,
            files={"file": (name if i == 0 else f"f{i}.txt", b"proof %d" % i)},
        )
        assert r.status_code == 201, r.text
        ids.append(r.json()["id"])
    r = c.post(f"/api/v1/reports/{rid}/attachments", headers=follow, files={"file": ("f6.txt", b"six")})
    assert r.status_code == 422 and "at most 5" in r.json()["error"]
    r = c.get(f"/api/v1/reports/{rid}/attachments/{ids[0]}", headers=_h(world, "acme"))
    assert r.status_code == 200 and r.content == b"proof 0"
    disposition = r.headers["content-disposition"]
    assert disposition.startswith('attachment; filename="') and "filename*=UTF-8''" in disposition
    assert urllib.parse.unquote(disposition.split("filename*=UTF-8''", 1)[1]) == name


# --- rate limits -----------------------------------------------------------------------


def _sign_in(url: str, email: str, password: str, forwarded: str | None = None) -> int:
    headers = {"X-Forwarded-For": forwarded} if forwarded else {}
    r = httpx.post(url + "/api/v1/session", json={"email": email, "password": password}, headers=headers, timeout=30)
    return r.status_code


def test_x_forwarded_for_does_not_reset_the_limit(world: dict[str, Any]) -> None:
    url = world["server"].url
    codes = [_sign_in(url, "maker@rival.example", "wrong password!", f"198.51.100.{i}") for i in range(11)]
    # ten attempts per account from one address (the fixture's own sign-in was one of them)
    assert codes[:9] == [401] * 9 and codes[9:] == [429, 429], codes
    assert _sign_in(url, "maker@rival.example", PASSWORD, "198.51.100.200") == 429


def test_limits_are_shared_by_processes_and_lockout_cannot_deny_a_user(world: dict[str, Any]) -> None:
    """Two processes over one database behind a proxy: counts add up, and failing as the
    victim from one address does not lock the victim out at another."""
    first = world["server"]
    second = Server(first.data_dir, world["database"], "--no-worker", "--trusted-proxy", "127.0.0.1").start()
    third = Server(first.data_dir, world["database"], "--no-worker", "--trusted-proxy", "127.0.0.0/8").start()
    try:
        victim = "maker@acme.example"
        attacker = "203.0.113.66"
        codes = [_sign_in(s.url, victim, "wrong password!", attacker) for s in (second, third) * 5]
        assert codes == [401] * 10, codes
        assert _sign_in(second.url, victim, "wrong password!", attacker) == 429
        assert _sign_in(third.url, victim, PASSWORD, attacker) == 429  # shared: the third process knows
        assert _sign_in(third.url, victim, PASSWORD, "192.0.2.10") == 200  # the victim, elsewhere
        assert _sign_in(second.url, victim, PASSWORD, "192.0.2.10") == 200
        # the trusted proxy's header names the client; from anyone else it is ignored (first has no proxy)
        body = {"title": "t", "description": "a long enough description"}
        reports = [
            httpx.post(
                s.url + "/api/v1/manufacturers/acme/reports",
                json=body,
                headers={"X-Forwarded-For": "192.0.2.99"},
                timeout=30,
            ).status_code
            for s in (second, third, second, third, second, third)
        ]
        assert reports == [201] * 5 + [429], reports
    finally:
        second.stop()
        third.stop()


# --- outgoing requests -----------------------------------------------------------------


class _Site(ThreadingHTTPServer):
    hits: list[str]


def _site(address: str, port: int, redirect: str | None = None) -> _Site:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802
            self.server.hits.append(self.path)  # type: ignore[attr-defined]
            if redirect:
                self.send_response(302)
                self.send_header("Location", redirect)
                self.end_headers()
                return
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            self.wfile.write(b"<html>ok</html>")

        def log_message(self, *args: Any) -> None:
            pass

    site = _Site((address, port), Handler)
    site.hits = []
    threading.Thread(target=site.serve_forever, daemon=True).start()
    return site


def _url_status(world: dict[str, Any], model: str, url: str) -> str:
    c = world["client"]
    p = _product(world, "acme", model)
    r = c.post(f"/api/v1/products/{p['id']}/urls", headers=_h(world, "acme"), json={"kind": "support-page", "url": url})
    assert r.status_code == 201, r.text
    r = c.post(f"/api/v1/products/{p['id']}/url-checks", headers=_h(world, "acme"))
    assert _wait_job(world, "acme", r.json()["id"])["status"] == "done"
    (u,) = c.get(f"/api/v1/products/{p['id']}", headers=_h(world, "acme")).json()["urls"]
    return str(u["last_status"])


def test_internal_addresses_rebinding_and_redirects_are_refused(world: dict[str, Any]) -> None:
    port = free_port()
    canary = _site("127.0.0.1", port)  # what an attacker wants the registry to reach
    allowed = _site("127.0.0.2", port)  # the operator lets the registry fetch this one
    bouncer = _site("127.0.0.2", free_port(), redirect=f"http://127.0.0.1:{port}/admin")
    try:
        tag = world["database"] and "PG" or "SL"
        status = _url_status(world, f"CGN-{tag}", "http://100.64.12.34/")
        assert status.startswith("refused") and "shared (carrier-grade NAT)" in status, status
        status = _url_status(world, f"META-{tag}", "http://169.254.169.254/latest/meta-data/")
        assert status.startswith("refused") and "metadata" in status, status
        assert _url_status(world, f"OK-{tag}", f"http://127.0.0.2:{port}/page") == "HTTP 200"
        status = _url_status(world, f"BOUNCE-{tag}", f"http://127.0.0.2:{bouncer.server_address[1]}/r")
        assert status.startswith("refused") and "loopback" in status, status
        status = _url_status(world, f"REBIND-{tag}", f"http://rebind.test:{port}/rebind")
        assert status == "HTTP 200", status  # connected to the address that was checked
        assert allowed.hits.count("/rebind") == 1
        assert canary.hits == [], canary.hits
    finally:
        for s in (canary, allowed, bouncer):
            s.shutdown()
            s.server_close()
