"""Service fixtures: the real app over a real database, and a populated world of organisations."""

from __future__ import annotations

import contextlib
import os
import shutil
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from psti.service import auth
from psti.service.app import create_app
from psti.service.settings import Settings
from psti.store.models import User
from tests.store.conftest import fresh_postgres_database

ADMIN = ("admin@registry.example", "admin-password-123")
KEK = bytes(range(32))  # the key-encryption key the test registries seal their signing keys with
PASSWORD = "correct horse battery"


@pytest.fixture
def sqlite_db(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'service.sqlite3'}"


def make_settings(tmp_path: Path, url: str, **overrides: Any) -> Settings:
    s = Settings(
        data_dir=tmp_path / "data",
        database_url=url,
        worker_poll_seconds=0.05,
        bootstrap_admin=ADMIN,
        public_url="http://testserver",
        key_encryption_key=KEK,
    )
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
        r = self.post(
            who,
            "/api/v1/products",
            json={
                "name": f"Camera {model}",
                "model": model,
                "type": "indoor smart camera",
                "support_end": end,
                **extra,
            },
        )
        assert r.status_code == 201, r.text
        return r.json()

    def statement(self, who: str, product_id: int) -> dict:
        r = self.post(
            who,
            f"/api/v1/products/{product_id}/statements",
            json={"signatory": "A. Person", "function": "Head of Product Security", "place": "Leeds"},
        )
        assert r.status_code == 201, r.text
        return r.json()


def build_world(client: TestClient, app: Any) -> World:
    w = World(client, app)
    r = client.post("/api/v1/session", json={"email": ADMIN[0], "password": ADMIN[1]})
    assert r.status_code == 200, r.text
    csrf = r.json()["csrf_token"]
    admin_headers = {"X-CSRF-Token": csrf}
    for key, name, kind in [
        ("acme", "Acme Devices Ltd", "manufacturer"),
        ("globex", "Globex Corp", "manufacturer"),
        ("shop", "Shop Co", "distributor"),
        ("imp", "Import Co", "importer"),
        ("opss", "Office for Product Safety and Standards", "authority"),
    ]:
        r = client.post(
            "/api/v1/organisations",
            headers=admin_headers,
            json={
                "name": name,
                "kind": kind,
                "slug": key,
                "address": f"1 {name} Street, Leeds LS1 1AA, United Kingdom",
                "reporting_contact": f"security@{key}.example",
                "acknowledgement_days": 5,
                "status_update_days": 14,
            },
        )
        assert r.status_code == 201, r.text
        w.orgs[key] = r.json()
    users = [
        ("acme", "manufacturer", "acme"),
        ("acme2", "manufacturer", "acme"),
        ("globex", "manufacturer", "globex"),
        ("shop", "distributor", "shop"),
        ("imp", "importer", "imp"),
        ("officer", "enforcement", "opss"),
        ("researcher", "researcher", None),
    ]
    for key, role, org in users:
        email = f"{key}@people.example"
        r = client.post(
            "/api/v1/users",
            headers=admin_headers,
            json={
                "email": email,
                "password": PASSWORD,
                "role": role,
                "organisation_id": w.orgs[org]["id"] if org else None,
            },
        )
        assert r.status_code == 201, r.text
        w.emails[key] = email
    client.cookies.clear()
    st = app.state.psti
    with st.factory() as db, db.begin():
        for key, email in [*w.emails.items(), ("admin", ADMIN[0])]:
            user = db.query(User).filter(User.email == email).one()
            w.tokens[key] = auth.create_api_token(db, user, "tests")
    return w


@dataclass
class Template:
    """A database with the world already built, copied for each test (building it costs seconds)."""

    url: str
    tokens: dict[str, str]
    orgs: dict[str, dict[str, Any]]
    emails: dict[str, str]
    log_key: Path  # the copies' logs are sealed with the template's key


def _build_template(tmp: Path, url: str) -> Template:
    app = create_app(make_settings(tmp, url, start_worker=False))
    with TestClient(app) as client:
        w = build_world(client, app)
    app.state.psti.engine.dispose()
    key = tmp / "template-log.key"
    shutil.copyfile(tmp / "data" / "log.key", key)
    return Template(url, w.tokens, w.orgs, w.emails, key)


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Template:
    tmp = tmp_path_factory.mktemp("template")
    return _build_template(tmp, f"sqlite:///{tmp / 'template.sqlite3'}")


@pytest.fixture(scope="session")
def postgres_template() -> Iterator[Template]:
    gen = fresh_postgres_database()
    url = next(gen)
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        yield _build_template(Path(tmp), url)
    with contextlib.suppress(StopIteration):
        next(gen)


def _world_from(template: Template, url: str, tmp_path: Path) -> Iterator[World]:
    app = create_app(make_settings(tmp_path, url, log_key_file=template.log_key))
    with TestClient(app) as client:
        yield World(client, app, dict(template.tokens), dict(template.orgs), dict(template.emails))
    app.state.psti.engine.dispose()


@pytest.fixture
def world(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[World]:
    yield from _sqlite_world(request, tmp_path)


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def world_any(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[World]:
    """The same world on SQLite and on PostgreSQL."""
    if request.param == "sqlite":
        yield from _sqlite_world(request, tmp_path)
        return
    if not os.environ.get("PSTI_TEST_POSTGRES_URL"):
        pytest.skip("PSTI_TEST_POSTGRES_URL is not set (scripts/start-postgres.sh starts a server)")
    template: Template = request.getfixturevalue("postgres_template")
    base = make_url(template.url)
    name = f"psti_w_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{base.database}"'))
    try:
        yield from _world_from(template, base.set(database=name).render_as_string(hide_password=False), tmp_path)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def _sqlite_world(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[World]:
    template: Template = request.getfixturevalue("sqlite_template")
    dst = tmp_path / "service.sqlite3"
    shutil.copyfile(Path(template.url.removeprefix("sqlite:///")), dst)
    yield from _world_from(template, f"sqlite:///{dst}", tmp_path)
