"""Service fixtures: the real app over a real database, and a populated world of organisations."""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from psti.service import auth
from psti.service.app import create_app
from psti.service.settings import Settings
from psti.store.models import User
from tests.store.conftest import fresh_postgres_database

ADMIN = ("admin@registry.example", "admin-password-123")
PASSWORD = "correct horse battery"


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def service_db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'service.sqlite3'}"
    else:
        yield from fresh_postgres_database()


@pytest.fixture
def sqlite_db(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'service.sqlite3'}"


def make_settings(tmp_path: Path, url: str, **overrides: Any) -> Settings:
    s = Settings(data_dir=tmp_path / "data", database_url=url, worker_poll_seconds=0.05,
                 bootstrap_admin=ADMIN, public_url="http://testserver")
    for k, v in overrides.items():
        setattr(s, k, v)
    return s


@dataclass
class World:
    client: TestClient
    app: Any
    tokens: dict[str, str] = field(default_factory=dict)
    orgs: dict[str, dict[str, Any]] = field(default_factory=dict)
    emails: dict[str, str] = field(default_factory=dict)

    def h(self, who: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.tokens[who]}"} if who != "anonymous" else {}

    def get(self, who: str, url: str, **kw: Any):  # type: ignore[no-untyped-def]
        return self.client.get(url, headers=self.h(who), **kw)

    def post(self, who: str, url: str, **kw: Any):  # type: ignore[no-untyped-def]
        return self.client.post(url, headers={**self.h(who), **kw.pop("headers", {})}, **kw)

    def put(self, who: str, url: str, **kw: Any):  # type: ignore[no-untyped-def]
        return self.client.put(url, headers=self.h(who), **kw)

    def wait_job(self, who: str, job_id: int, timeout: float = 60) -> dict[str, Any]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            job = self.get(who, f"/api/v1/jobs/{job_id}").json()
            if job["status"] in ("done", "failed"):
                return job
            time.sleep(0.05)
        raise AssertionError(f"job {job_id} did not finish: {job}")

    def product(self, who: str = "acme", model: str = "CAM-1", end: str = "2031-12-31", **extra: Any) -> dict:
        r = self.post(who, "/api/v1/products", json={"name": f"Camera {model}", "model": model,
                                                     "type": "indoor smart camera", "support_end": end, **extra})
        assert r.status_code == 201, r.text
        return r.json()

    def statement(self, who: str, product_id: int) -> dict:
        r = self.post(who, f"/api/v1/products/{product_id}/statements",
                      json={"signatory": "A. Person", "function": "Head of Product Security", "place": "Leeds"})
        assert r.status_code == 201, r.text
        return r.json()


def build_world(client: TestClient, app: Any) -> World:
    w = World(client, app)
    r = client.post("/api/v1/session", json={"email": ADMIN[0], "password": ADMIN[1]})
    assert r.status_code == 200, r.text
    csrf = r.json()["csrf_token"]
    admin_headers = {"X-CSRF-Token": csrf}
    for key, name, kind in [("acme", "Acme Devices Ltd", "manufacturer"), ("globex", "Globex Corp", "manufacturer"),
                            ("shop", "Shop Co", "distributor"), ("imp", "Import Co", "importer"),
                            ("opss", "Office for Product Safety and Standards", "authority")]:
        r = client.post("/api/v1/organisations", headers=admin_headers,
                        json={"name": name, "kind": kind, "slug": key, "reporting_contact": f"security@{key}.example",
                              "acknowledgement_days": 5, "status_update_days": 14})
        assert r.status_code == 201, r.text
        w.orgs[key] = r.json()
    users = [("acme", "manufacturer", "acme"), ("acme2", "manufacturer", "acme"), ("globex", "manufacturer", "globex"),
             ("shop", "distributor", "shop"), ("imp", "importer", "imp"), ("officer", "enforcement", "opss"),
             ("researcher", "researcher", None)]
    for key, role, org in users:
        email = f"{key}@people.example"
        r = client.post("/api/v1/users", headers=admin_headers,
                        json={"email": email, "password": PASSWORD, "role": role,
                              "organisation_id": w.orgs[org]["id"] if org else None})
        assert r.status_code == 201, r.text
        w.emails[key] = email
    client.cookies.clear()
    st = app.state.psti
    with st.factory() as db, db.begin():
        for key, email in [*w.emails.items(), ("admin", ADMIN[0])]:
            user = db.query(User).filter(User.email == email).one()
            w.tokens[key] = auth.create_api_token(db, user, "tests")
    return w


@pytest.fixture
def world(tmp_path: Path, sqlite_db: str) -> Iterator[World]:
    app = create_app(make_settings(tmp_path, sqlite_db))
    with TestClient(app) as client:
        yield build_world(client, app)


@pytest.fixture
def world_any(tmp_path: Path, service_db: str) -> Iterator[World]:
    """The same world on SQLite and on PostgreSQL."""
    app = create_app(make_settings(tmp_path, service_db))
    with TestClient(app) as client:
        yield build_world(client, app)
    app.state.psti.engine.dispose()
