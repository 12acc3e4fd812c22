"""A real `psti serve` process on 127.0.0.1 for browser, restart and load tests."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx

ADMIN = ("admin@live.example", "live-admin-password")
KEK_B64 = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="  # 32 bytes 0..31: seals the server's signing keys


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class LiveServer:
    data_dir: Path
    database: str | None = None
    port: int = 0
    proc: subprocess.Popen[bytes] | None = None
    stale_seconds: float = 2.0
    workers: int = 1

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, timeout: float = 60) -> LiveServer:
        self.port = self.port or free_port()
        env = {
            **os.environ,
            "PSTI_ADMIN_PASSWORD": ADMIN[1],
            "PSTI_JOB_STALE_SECONDS": str(self.stale_seconds),
            "PSTI_KEY_ENCRYPTION_KEY": KEK_B64,
        }
        cmd = [
            sys.executable,
            "-c",
            "from psti.cli import main; main()",
            "serve",
            "--port",
            str(self.port),
            "--data-dir",
            str(self.data_dir),
            "--admin-email",
            ADMIN[0],
        ]
        if self.database:
            cmd += ["--database", self.database]
        if self.workers > 1:
            cmd += ["--workers", str(self.workers)]
        log = open(self.data_dir.parent / f"server-{self.port}.log", "ab")  # noqa: SIM115
        self.proc = subprocess.Popen(cmd, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"server exited with {self.proc.returncode}; see {log.name}")
            try:
                if httpx.get(self.url + "/", timeout=1).status_code == 200:
                    return self
            except httpx.HTTPError:
                pass
            time.sleep(0.1)
        raise RuntimeError("server did not start")

    def kill(self) -> None:
        """SIGKILL: no clean shutdown, as in a crash or power cut."""
        if self.proc and self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait(10)

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.kill()


class Api:
    """A signed-in API client (session cookie plus CSRF header)."""

    def __init__(self, base: str, email: str, password: str) -> None:
        self.client = httpx.Client(base_url=base, timeout=60)
        r = self.client.post("/api/v1/session", json={"email": email, "password": password})
        r.raise_for_status()
        self.client.headers["X-CSRF-Token"] = r.json()["csrf_token"]

    def post(self, url: str, **kw):  # type: ignore[no-untyped-def]
        r = self.client.post(url, **kw)
        assert r.status_code < 400, r.text
        return r.json()

    def get(self, url: str, **kw):  # type: ignore[no-untyped-def]
        r = self.client.get(url, **kw)
        assert r.status_code < 400, r.text
        return r.json()


def seed(base: str, password: str = "a-long-test-password") -> dict[str, str]:
    """Organisations and one user per role; returns e-mails by role key."""
    admin = Api(base, *ADMIN)
    orgs = {}
    for slug, name, kind in [
        ("acme", "Acme Devices Ltd", "manufacturer"),
        ("shop", "Shop Co", "distributor"),
        ("opss", "Office for Product Safety and Standards", "authority"),
    ]:
        orgs[slug] = admin.post(
            "/api/v1/organisations",
            json={
                "name": name,
                "kind": kind,
                "slug": slug,
                "address": f"1 {name} Street, Leeds LS1 1AA",
                "reporting_contact": f"security@{slug}.example",
            },
        )
    emails = {"acme": "maker@acme.example", "shop": "buyer@shop.example", "officer": "officer@opss.example"}
    admin.post(
        "/api/v1/users",
        json={
            "email": emails["acme"],
            "password": password,
            "role": "manufacturer",
            "organisation_id": orgs["acme"]["id"],
        },
    )
    admin.post(
        "/api/v1/users",
        json={
            "email": emails["shop"],
            "password": password,
            "role": "distributor",
            "organisation_id": orgs["shop"]["id"],
        },
    )
    admin.post(
        "/api/v1/users",
        json={
            "email": emails["officer"],
            "password": password,
            "role": "enforcement",
            "organisation_id": orgs["opss"]["id"],
        },
    )
    emails["acme_org_id"] = str(orgs["acme"]["id"])
    return emails


@contextmanager
def seeded_server(tmp: Path, password: str = "a-long-test-password") -> Iterator[tuple[LiveServer, dict[str, str]]]:
    """A `psti serve` process on a fresh data directory under `tmp`, seeded by `seed`."""
    (tmp / "data").mkdir()
    srv = LiveServer(tmp / "data").start()
    try:
        yield srv, seed(srv.url, password)
    finally:
        srv.stop()
