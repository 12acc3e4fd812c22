"""Service fixtures: the real app over a real database, and a populated world of organisations."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import shutil
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from psti.registry.statements import build_statement, sign_statement
from psti.service import auth
from psti.service.app import create_app
from psti.service.settings import Settings
from psti.store.models import User
from tests.store.conftest import fresh_postgres_database

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
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


def public_pem(key: Ed25519PrivateKey) -> str:
    return (
        key.public_key()
        .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
        .decode()
    )


def example_declaration(
    maker: tuple[str, str], example: str = "smart-camera", *, model: str | None = None, drop_artefacts: bool = False
) -> bytes:
    """An example's declaration naming `maker` (name, address) as manufacturer, optionally for
    another model or without its artefacts."""
    text = (EXAMPLES / example / "product.toml").read_text()
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.strip() == "[[manufacturer]]")
    lines[start + 1] = f'name = "{maker[0]}"'
    lines[start + 2] = f'address = "{maker[1]}"'
    text = "\n".join(lines) + "\n"
    if model is not None:
        declared = next(line for line in lines if line.startswith("model = "))
        text = text.replace(declared, f'model = "{model}"', 1)
    if drop_artefacts:
        text = text.split("[[artefacts]]")[0]
    return text.encode()


def example_files(example: str = "smart-camera") -> list[tuple[str, str, bytes]]:
    """(kind, file name, bytes) of every artefact file an example ships, for a product's uploads."""
    kinds = {"firmware": "firmware", "factory": "password-batch"}
    return [
        (kinds.get(f.parent.name, "other"), f.name, f.read_bytes())
        for f in sorted((EXAMPLES / example).rglob("*"))
        if f.is_file() and f.name != "product.toml"
    ]


# which organisation each signed-in test user belongs to
USER_ORG = {"acme": "acme", "acme2": "acme", "globex": "globex"}
SIGNED_BY = {"signatory": "A. Person", "function": "Head of Product Security", "place": "Leeds"}


@dataclass
class World:
    client: TestClient
    app: Any
    tokens: dict[str, str] = field(default_factory=dict)
    orgs: dict[str, dict[str, Any]] = field(default_factory=dict)
    emails: dict[str, str] = field(default_factory=dict)
    signers: dict[str, Ed25519PrivateKey] = field(default_factory=dict)  # per organisation, registered on first use

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

    def signing_key(self, who: str) -> Ed25519PrivateKey:
        """The key `who`'s organisation signs its own statements with, registered on first use."""
        org = USER_ORG[who]
        if org not in self.signers:
            key = Ed25519PrivateKey.generate()
            r = self.post(who, "/api/v1/keys", json={"public_key": public_pem(key), "label": "tests"})
            assert r.status_code == 201, r.text
            self.signers[org] = key
        return self.signers[org]

    def signed_statement(self, who: str, product_id: int, **changes: Any) -> bytes:
        """A `psti.registry-statement/1` for the product as registered, naming `who`'s organisation
        with its address, signed with the organisation's registered key (`changes` override fields)."""
        p = self.get(who, f"/api/v1/products/{product_id}").json()
        org = self.orgs[USER_ORG[who]]
        fields: dict[str, Any] = {
            "product": {
                "name": p["name"],
                "type": p["type"] or p["name"],
                "model": p["model"],
                "brand": p["brand"],
                "batches": p["batches"],
            },
            "manufacturers": [{"name": org["name"], "address": org["address"]}],
            "support_end": dt.date.fromisoformat(p["support_end"]),
            "signatory": SIGNED_BY["signatory"],
            "function": SIGNED_BY["function"],
            "place": SIGNED_BY["place"],
            "issued_on": dt.date.today(),
            "registry_url": f"http://testserver/products/{p['public_id']}",
        }
        return sign_statement(build_statement(**{**fields, **changes}), self.signing_key(who))

    def statement(self, who: str, product_id: int) -> dict:
        """Publish a statement for a product registered by form: signed by the manufacturer with its
        own registered key and uploaded, a path the registry accepts without assessing the product."""
        r = self.post(
            who,
            f"/api/v1/products/{product_id}/statements/upload",
            files={"file": ("statement.json", self.signed_statement(who, product_id), "application/json")},
        )
        assert r.status_code == 201, r.text
        return r.json()

    def assessed_product(self, who: str, model: str = "CAM-200") -> dict:
        """The smart-camera example registered from its declaration (naming `who`'s organisation),
        its artefacts uploaded, and assessed by the registry's worker: a product the registry signs for."""
        org = self.orgs[USER_ORG[who]]
        declaration = example_declaration((org["name"], org["address"]), model=model)
        r = self.post(who, "/api/v1/products/declaration", files={"file": ("product.toml", declaration)})
        assert r.status_code == 201, r.text
        product = r.json()
        self.upload_example_files(who, product["id"])
        job = self.post(who, f"/api/v1/products/{product['id']}/assessments")
        assert job.status_code == 202, job.text
        assert self.wait_job(who, job.json()["id"], timeout=120)["status"] == "done"
        return product

    def upload_example_files(self, who: str, product_id: int) -> None:
        for kind, name, data in example_files():
            url = f"/api/v1/products/{product_id}/files"
            r = self.post(who, url, data={"kind": kind}, files={"file": (name, data)})
            assert r.status_code == 201, r.text

    def registry_statement(self, who: str, product_id: int) -> dict:
        """A statement the registry signs with the key it holds, from its assessment."""
        r = self.post(who, f"/api/v1/products/{product_id}/statements", json=SIGNED_BY)
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
        w.orgs[key] = {"address": f"1 {name} Street, Leeds LS1 1AA, United Kingdom", **r.json()}
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
    # each world its own anchor: the copies share the template's key, not its history
    settings = make_settings(tmp_path, url, log_key_file=template.log_key, log_anchor_file=tmp_path / "log.anchor")
    app = create_app(settings)
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
