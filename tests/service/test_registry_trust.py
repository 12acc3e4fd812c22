"""The registry cannot be made to lie: each attack on signatures, publication and stored
input is replayed against a real `psti serve` process (SQLite and PostgreSQL) and refused.

- a statement signed with a freshly generated key, naming another organisation, is not valid;
- one organisation cannot upload or publish a statement signed with another's key;
- a catalogue row naming an unrelated manufacturer fails, by id and by statement URL;
- failing and needs-evidence declarations cannot be published; a supporting assessment can,
  and the statement names the declaration's manufacturer with its address;
- a `psti.registry-statement/1` upload is accepted; look-ups treat `%` and `_` literally;
  a `javascript:` policy URL is refused.
"""

from __future__ import annotations

import base64
import contextlib
import datetime as dt
import http.server
import json
import shutil
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from psti.registry.statements import build_statement, sign_statement
from tests.service.conftest import World
from tests.service.live import ADMIN, LiveServer

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
PASSWORD = "a-long-test-password"
ACME = ("Acme Devices Ltd", "1 Acme Way, Leeds LS1 1AA, United Kingdom")
GLOBEX = ("Globex Corp", "2 Globex Road, Bristol BS1 1AA, United Kingdom")
SIGNED_BY = {"signatory": "A. Person", "function": "Director", "place": "Leeds"}


class Client:
    """A signed-in API client on the live server that returns every response, refusals included."""

    def __init__(self, base: str, email: str, password: str) -> None:
        self.http = httpx.Client(base_url=base, timeout=60)
        r = self.http.post("/api/v1/session", json={"email": email, "password": password})
        assert r.status_code == 200, r.text
        self.http.headers["X-CSRF-Token"] = r.json()["csrf_token"]

    def post(self, url: str, **kw: Any) -> httpx.Response:
        return self.http.post(url, **kw)

    def get(self, url: str, **kw: Any) -> httpx.Response:
        return self.http.get(url, **kw)

    def put(self, url: str, **kw: Any) -> httpx.Response:
        return self.http.put(url, **kw)

    def ok(self, method: str, url: str, **kw: Any) -> Any:
        r = self.http.request(method, url, **kw)
        assert r.status_code < 400, f"{method} {url}: {r.status_code} {r.text}"
        return r.json()

    def wait_job(self, job_id: int, timeout: float = 120) -> dict[str, Any]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            job = self.ok("GET", f"/api/v1/jobs/{job_id}")
            if job["status"] in ("done", "failed"):
                return job
            time.sleep(0.1)
        raise AssertionError(f"job {job_id} did not finish")


@dataclass
class Registry:
    url: str
    acme: Client
    globex: Client
    shop: Client
    admin: Client
    anonymous: httpx.Client

    def product(self, who: Client, model: str, end: str = "2031-12-31") -> dict[str, Any]:
        return who.ok(  # type: ignore[no-any-return]
            "POST", "/api/v1/products", json={"name": f"Camera {model}", "model": model, "support_end": end}
        )

    def publish(self, who: Client, product_id: int) -> httpx.Response:
        return who.post(
            f"/api/v1/products/{product_id}/statements",
            json={"signatory": "A. Person", "function": "Head of Product Security", "place": "Leeds"},
        )

    def verify(self, document: bytes) -> dict[str, Any]:
        r = self.anonymous.post("/api/v1/statements/verify", content=document)
        assert r.status_code == 200, r.text
        return r.json()  # type: ignore[no-any-return]


def _seed(base: str) -> Registry:
    admin = Client(base, *ADMIN)
    orgs = {}
    for slug, (name, address), kind in [
        ("acme", ACME, "manufacturer"),
        ("globex", GLOBEX, "manufacturer"),
        ("shop", ("Shop Co", "3 High Street, York"), "distributor"),
    ]:
        orgs[slug] = admin.ok(
            "POST",
            "/api/v1/organisations",
            json={"name": name, "kind": kind, "slug": slug, "address": address, "reporting_contact": "sec@x.example"},
        )
    for slug, role in [("acme", "manufacturer"), ("globex", "manufacturer"), ("shop", "distributor")]:
        admin.ok(
            "POST",
            "/api/v1/users",
            json={
                "email": f"{slug}@people.example",
                "password": PASSWORD,
                "role": role,
                "organisation_id": orgs[slug]["id"],
            },
        )
    return Registry(
        base,
        Client(base, "acme@people.example", PASSWORD),
        Client(base, "globex@people.example", PASSWORD),
        Client(base, "shop@people.example", PASSWORD),
        admin,
        httpx.Client(base_url=base, timeout=60),
    )


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def registry(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Registry]:
    tmp = tmp_path_factory.mktemp(f"trust-{request.param}")
    database = None
    pg: Iterator[str] | None = None
    if request.param == "postgresql":
        from tests.store.conftest import fresh_postgres_database

        pg = fresh_postgres_database()
        database = next(pg)
    (tmp / "data").mkdir()
    server = LiveServer(tmp / "data", database=database).start()
    try:
        yield _seed(server.url)
    finally:
        server.stop()
        if pg is not None:
            with contextlib.suppress(StopIteration):
                next(pg)


def _statement(key: Ed25519PrivateKey, maker: tuple[str, str], model: str, issued: dt.date | None = None) -> bytes:
    """A `psti.registry-statement/1` document, signed with `key`, naming `maker`."""
    body = build_statement(
        product={"name": f"Camera {model}", "type": "camera", "model": model, "brand": "", "batches": []},
        manufacturers=[{"name": maker[0], "address": maker[1]}],
        support_end=dt.date(2031, 12, 31),
        signatory="Someone",
        function="Director",
        place="Leeds",
        issued_on=issued or dt.date.today(),
    )
    return sign_statement(body, key)


def _pem(key: Ed25519PrivateKey) -> str:
    return (
        key.public_key()
        .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
        .decode()
    )


# --- keys bound to organisations ------------------------------------------------------


def test_a_fresh_key_naming_another_organisation_is_not_valid(registry: Registry) -> None:
    r = registry
    forged = _statement(Ed25519PrivateKey.generate(), ACME, "FORGE-1")
    result = r.verify(forged)
    assert result["signature_valid"] is True  # the signature itself is fine…
    assert result["valid"] is False and result["key_status"] == "unknown" and result["signed_by"] is None
    assert "not registered" in result["reason"]
    # …and a statement the registry issued for Acme says whose key signed it
    p = r.product(r.acme, "TRUST-1")
    s = r.publish(r.acme, p["id"])
    assert s.status_code == 201, s.text
    document = r.anonymous.get(s.json()["document_url"]).content
    genuine = r.verify(document)
    assert genuine["valid"] is True and genuine["signed_by"]["organisation"] == ACME[0]
    assert genuine["signed_by"]["held_by_registry"] is True
    body = json.loads(document)["statement"]
    assert body["manufacturers"] == [{"name": ACME[0], "address": ACME[1]}]  # with its address
    # anyone can fetch the keys Acme registered and when each was in force
    published = r.anonymous.get("/api/v1/manufacturers/acme/keys").json()
    assert genuine["signed_by"]["fingerprint"] in [k["fingerprint"] for k in published]
    assert r.anonymous.get("/api/v1/manufacturers/shop/keys").status_code == 404


def test_another_organisations_key_cannot_speak_for_acme(registry: Registry) -> None:
    r = registry
    key = Ed25519PrivateKey.generate()
    assert r.globex.post("/api/v1/keys", json={"public_key": _pem(key)}).status_code == 201
    forged = _statement(key, ACME, "TRUST-2")
    result = r.verify(forged)
    assert result["valid"] is False and result["key_status"] == "wrong-organisation"
    assert result["signed_by"]["organisation"] == GLOBEX[0]  # says whose key it really is
    # neither Globex nor Acme can publish it
    mine = r.product(r.globex, "TRUST-2")
    refused = r.globex.post(f"/api/v1/products/{mine['id']}/statements/upload", files={"file": ("s.json", forged)})
    assert refused.status_code == 422 and "not valid in this registry" in refused.json()["error"]
    theirs = r.product(r.acme, "TRUST-2")
    refused = r.acme.post(f"/api/v1/products/{theirs['id']}/statements/upload", files={"file": ("s.json", forged)})
    assert refused.status_code == 422
    # Acme's genuine registry statement uploaded by Globex to its own product: refused
    s = r.publish(r.acme, theirs["id"]).json()
    genuine = r.anonymous.get(s["document_url"]).content
    refused = r.globex.post(f"/api/v1/products/{mine['id']}/statements/upload", files={"file": ("s.json", genuine)})
    assert refused.status_code == 422 and "another organisation" in refused.json()["error"]
    # and a key already registered by Acme cannot be claimed by Globex
    acme_key = Ed25519PrivateKey.generate()
    assert r.acme.post("/api/v1/keys", json={"public_key": _pem(acme_key)}).status_code == 201
    again = r.globex.post("/api/v1/keys", json={"public_key": _pem(acme_key)})
    assert again.status_code == 409 and "Acme" not in again.text
    assert r.globex.post("/api/v1/keys", json={"public_key": "-----BEGIN PRIVATE KEY-----x"}).status_code == 422


def test_a_registry_statement_upload_is_accepted_and_revocation_ends_it(registry: Registry) -> None:
    r = registry
    key = Ed25519PrivateKey.generate()
    registered = r.acme.post("/api/v1/keys", json={"public_key": _pem(key), "label": "product security"})
    assert registered.status_code == 201, registered.text
    p = r.product(r.acme, "TRUST-3", "2030-01-01")
    document = _statement(key, ACME, "TRUST-3")
    up = r.acme.post(f"/api/v1/products/{p['id']}/statements/upload", files={"file": ("s.json", document)})
    assert up.status_code == 201, up.text
    assert up.json()["support_end"] == "2031-12-31"
    assert r.verify(document)["signed_by"]["organisation"] == ACME[0]
    # a statement dated before the key was in force is not valid
    early = _statement(key, ACME, "TRUST-3", dt.date.today() - dt.timedelta(days=30))
    assert r.verify(early)["key_status"] == "not-yet-valid"
    # revoked from today: what it signs from today is no longer valid
    k = registered.json()
    revoked = r.acme.post(f"/api/v1/keys/{k['id']}/revoke", json={"reason": "laptop stolen"})
    assert revoked.status_code == 200 and revoked.json()["revoked_at"] == dt.date.today().isoformat()
    after = r.verify(document)
    assert after["valid"] is False and after["key_status"] == "revoked"
    assert r.globex.post(f"/api/v1/keys/{k['id']}/revoke", json={"reason": "x"}).status_code == 404


def test_rotating_the_held_key_keeps_earlier_statements_valid(registry: Registry) -> None:
    r = registry
    p = r.product(r.acme, "TRUST-4")
    first = r.anonymous.get(r.publish(r.acme, p["id"]).json()["document_url"]).content
    old = r.verify(first)["signed_by"]["fingerprint"]
    rotated = r.acme.post("/api/v1/keys/rotate")
    assert rotated.status_code == 200, rotated.text
    assert rotated.json()["fingerprint"] != old
    second = r.anonymous.get(r.publish(r.acme, p["id"]).json()["document_url"]).content
    assert r.verify(second)["signed_by"]["fingerprint"] == rotated.json()["fingerprint"]
    assert r.verify(first)["valid"] is True  # signed while the old key was in force
    keys = {k["fingerprint"]: k for k in r.acme.ok("GET", "/api/v1/keys")}
    assert keys[old]["retired_at"] == dt.date.today().isoformat()


# --- catalogue checks -----------------------------------------------------------------


def test_a_catalogue_row_naming_an_unrelated_manufacturer_fails(registry: Registry) -> None:
    r = registry
    p = r.product(r.acme, "TRUST-5")
    s = r.publish(r.acme, p["id"]).json()
    csv = (
        "manufacturer,model,statement\n"
        f"{ACME[0]},TRUST-5,{s['id']}\n"
        f"{GLOBEX[0]},TRUST-5,{r.url}/api/v1/statements/{s['id']}\n"
    )
    cat = r.shop.ok("POST", "/api/v1/catalogues", files={"file": ("c.csv", csv.encode())})
    r.shop.wait_job(cat["job"]["id"])
    rows = r.shop.ok("GET", f"/api/v1/catalogues/{cat['id']}/rows")
    assert [row["result"] for row in rows] == ["ok", "mismatch"], rows
    assert "Acme Devices Ltd" in rows[1]["message"]


# --- publish only what the assessment supports ----------------------------------------


def _declaration(example: str, maker: tuple[str, str], *, drop_artefacts: bool = False) -> bytes:
    text = (EXAMPLES / example / "product.toml").read_text()
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.strip() == "[[manufacturer]]")
    lines[start + 1] = f'name = "{maker[0]}"'
    lines[start + 2] = f'address = "{maker[1]}"'
    text = "\n".join(lines) + "\n"
    if drop_artefacts:
        text = text.split("[[artefacts]]")[0]
    return text.encode()


@pytest.mark.parametrize(
    ("example", "drop", "verdict"), [("router", False, "fail"), ("smart-camera", True, "needs-evidence")]
)
def test_unsupported_declarations_cannot_be_published(
    registry: Registry, example: str, drop: bool, verdict: str
) -> None:
    r = registry
    p = r.acme.post(
        "/api/v1/products/declaration",
        files={"file": ("product.toml", _declaration(example, ACME, drop_artefacts=drop))},
    )
    assert p.status_code == 201, p.text
    product = p.json()
    refused = r.publish(r.acme, product["id"])
    assert refused.status_code == 422 and "no registry assessment" in refused.json()["error"]
    job = r.acme.ok("POST", f"/api/v1/products/{product['id']}/assessments")
    assert r.acme.wait_job(job["id"])["status"] == "done"
    detail = r.acme.ok("GET", f"/api/v1/products/{product['id']}")
    assert verdict in json.dumps(detail)
    refused = r.publish(r.acme, product["id"])
    assert refused.status_code == 422, refused.text
    assert "does not support it" in refused.json()["error"] and verdict in refused.json()["error"]
    # found only as a product with no statement on record
    hits = r.anonymous.get("/api/v1/lookup", params={"q": product["model"]}).json()
    assert [(h["model"], h["statement"], h["statement_on_record"]) for h in hits] == [(product["model"], None, False)]


# --- stored input ---------------------------------------------------------------------


def test_lookup_treats_percent_and_underscore_literally(registry: Registry) -> None:
    r = registry
    for model in ("LIKE_1", "LIKEX1"):
        assert r.publish(r.acme, r.product(r.acme, model)["id"]).status_code == 201

    def models(q: str) -> list[str]:
        return sorted(p["model"] for p in r.anonymous.get("/api/v1/lookup", params={"q": q}).json())

    assert models("IKE_") == ["LIKE_1"]  # `_` is an underscore, not "any one character"
    assert models("IKE") == ["LIKEX1", "LIKE_1"]  # the control: both match a plain search
    assert models("%") == [] and models("LIKE%") == []  # `%` is a percent sign, not "anything"


def test_a_javascript_policy_url_is_refused(registry: Registry) -> None:
    r = registry
    for url in ("javascript:alert(document.cookie)", "data:text/html,<script>x</script>", "//evil.example"):
        refused = r.acme.put("/api/v1/organisation/reporting", json={"policy_url": url})
        assert refused.status_code == 422 and "policy_url" in refused.text, (url, refused.text)
        refused = r.admin.post(
            "/api/v1/organisations", json={"name": f"Evil {url[:4]}", "kind": "manufacturer", "policy_url": url}
        )
        assert refused.status_code == 422, refused.text
    assert r.acme.put("/api/v1/organisation/reporting", json={"policy_url": "https://acme.example/vdp"}).is_success
    p = r.product(r.acme, "TRUST-6")
    assert r.publish(r.acme, p["id"]).status_code == 201
    (shown,) = r.anonymous.get("/api/v1/lookup", params={"q": "TRUST-6"}).json()
    assert shown["reporting"]["policy_url"] == "https://acme.example/vdp"
    link = r.acme.post(f"/api/v1/products/{p['id']}/urls", json={"kind": "other", "url": "javascript:alert(1)"})
    assert link.status_code == 422 and "url" in link.json()["problems"][0]["field"]


# --- in process: statements fetched by URL, a supporting assessment, sealed keys -----


class _Files(http.server.BaseHTTPRequestHandler):
    documents: dict[str, bytes] = {}

    def do_GET(self) -> None:  # noqa: N802 (the http.server name)
        body = self.documents.get(self.path)
        self.send_response(200 if body is not None else 404)
        self.end_headers()
        self.wfile.write(body or b"")

    def log_message(self, *args: Any) -> None:
        pass


@pytest.fixture
def site() -> Iterator[str]:
    """A manufacturer's own web site on 127.0.0.1 serving statement files."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Files)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def test_statements_fetched_by_url_are_bound_the_same_way(world: World, site: str) -> None:
    from psti.registry.catalogues import Checker

    w = world
    acme_key, stranger = Ed25519PrivateKey.generate(), Ed25519PrivateKey.generate()
    assert w.post("acme", "/api/v1/keys", json={"public_key": _pem(acme_key)}).status_code == 201
    acme_name = w.orgs["acme"]["name"]
    address = "1 Acme Devices Ltd Street, Leeds LS1 1AA, United Kingdom"
    # Globex signs with its own registered key, naming itself Acme's authorised representative
    globex_key = Ed25519PrivateKey.generate()
    assert w.post("globex", "/api/v1/keys", json={"public_key": _pem(globex_key)}).status_code == 201
    as_representative = sign_statement(
        build_statement(
            product={"name": "Camera", "type": "camera", "model": "SITE-1", "brand": "", "batches": []},
            manufacturers=[{"name": acme_name, "address": address}],
            representatives=[{"name": "Globex Corp", "address": "2 Globex Road"}],
            support_end=dt.date(2031, 12, 31),
            signatory="G",
            function="Director",
            place="Bristol",
            issued_on=dt.date.today(),
        ),
        globex_key,
    )
    _Files.documents = {
        "/good.json": _statement(acme_key, (acme_name, address), "SITE-1"),
        "/forged.json": _statement(stranger, (acme_name, address), "SITE-1"),
        "/representative.json": as_representative,
    }
    with w.app.state.psti.factory() as db:
        checker = Checker(db, 180, fetch=lambda url: httpx.get(url, timeout=10).content)
        good = checker.check(acme_name, "SITE-1", f"{site}/good.json")
        forged = checker.check(acme_name, "SITE-1", f"{site}/forged.json")
        unrelated = checker.check("Globex Corp", "SITE-1", f"{site}/good.json")
        claimed = checker.check(acme_name, "SITE-1", f"{site}/representative.json")
    assert claimed.result == "mismatch" and "Globex Corp's key" in claimed.message, claimed
    assert good.result == "ok" and acme_name in good.message, good
    assert forged.result == "invalid" and "not registered" in forged.message, forged
    assert unrelated.result == "mismatch" and acme_name in unrelated.message, unrelated


def test_a_supporting_assessment_publishes_the_declarations_manufacturer(world: World) -> None:
    """The positive control of the refusals above: the smart-camera example with its artefacts
    assesses as `pass` (assessed here with the same call the worker makes)."""
    from psti.assess import assess
    from psti.declaration import load_declaration
    from psti.store.models import AssessmentRecord

    w = world
    name = w.orgs["acme"]["name"]
    maker = (name, "12 Example Street, Manchester M1 1AA, United Kingdom")
    declaration = _declaration("smart-camera", maker)
    p = w.post("acme", "/api/v1/products/declaration", files={"file": ("product.toml", declaration)})
    assert p.status_code == 201, p.text
    product = p.json()
    tmp = Path(w.app.state.psti.settings.data_dir) / "camera"
    shutil.copytree(EXAMPLES / "smart-camera", tmp)
    (tmp / "product.toml").write_bytes(declaration)
    result = assess(load_declaration(tmp / "product.toml"), offline=True)
    assert result.overall.value == "pass"
    with w.app.state.psti.factory() as db, db.begin():
        rec = AssessmentRecord(product_id=product["id"], overall="pass", result_json=result.to_json())
        db.add(rec)
        db.flush()
        assessment_id = rec.id
    r = w.post(
        "acme",
        f"/api/v1/products/{product['id']}/statements",
        json={"signatory": "Priya Shah", "function": "Head of Product Security", "place": "Manchester"},
    )
    assert r.status_code == 201, r.text
    assert r.json()["assessment_id"] == assessment_id
    shown = w.client.get(f"/api/v1/public/products/{product['public_id']}").json()
    assert shown["statement"]["from_registry_assessment"] is True
    body = json.loads(w.client.get(r.json()["document_url"]).content)["statement"]
    assert body["manufacturers"] == [{"name": maker[0], "address": maker[1]}]
    assert body["registry_assessment"] == assessment_id
    # a declaration naming someone else is not published by Acme
    elsewhere = _declaration("smart-camera", ("Somebody Else Ltd", "Far Away")).replace(b"CAM-200", b"CAM-201")
    other = w.post("acme", "/api/v1/products/declaration", files={"file": ("p.toml", elsewhere)}).json()
    with w.app.state.psti.factory() as db, db.begin():
        db.add(AssessmentRecord(product_id=other["id"], overall="pass", result_json=result.to_json()))
    r = w.post("acme", f"/api/v1/products/{other['id']}/statements", json=SIGNED_BY)
    assert r.status_code == 422 and "Somebody Else Ltd" in r.json()["error"]


def test_private_keys_are_sealed_and_need_the_key_encryption_key(world: World) -> None:
    from psti.registry.keys import unseal
    from psti.store.models import SigningKey
    from tests.service.conftest import KEK

    w = world
    p = w.product("acme", "SEAL-1")
    w.statement("acme", p["id"])
    with w.app.state.psti.factory() as db:
        (held,) = db.query(SigningKey).filter(SigningKey.organisation_id == w.orgs["acme"]["id"]).all()
        stored, fingerprint, public = bytes(held.private_key), held.key_id, bytes(held.public_key)
        assert held.sealed
    raw = unseal(KEK, stored, fingerprint)
    assert raw not in stored and base64.b64encode(raw) not in stored
    assert (
        Ed25519PrivateKey.from_private_bytes(raw)
        .public_key()
        .public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
        == public
    )
    # without the key-encryption key the registry verifies but cannot sign, and says why
    w.app.state.psti.settings.key_encryption_key = None
    r = w.post("acme", f"/api/v1/products/{p['id']}/statements", json=SIGNED_BY)
    assert r.status_code == 503 and "--key-encryption-key-file" in r.json()["error"]
    # with another key it cannot unseal what it holds, and says so
    w.app.state.psti.settings.key_encryption_key = bytes(32)
    r = w.post("acme", f"/api/v1/products/{p['id']}/statements", json=SIGNED_BY)
    assert r.status_code == 503 and "different key-encryption key" in r.json()["error"]


def test_the_keys_page_registers_rotates_and_revokes(world: World) -> None:
    w = world
    r = w.client.post("/api/v1/session", json={"email": w.emails["acme"], "password": "correct horse battery"})
    csrf = r.json()["csrf_token"]
    try:
        key = Ed25519PrivateKey.generate()
        page = w.client.get("/manage/keys")
        assert page.status_code == 200 and "No keys yet" in page.text
        r = w.client.post(
            "/manage/keys",
            data={"csrf_token": csrf, "public_key": _pem(key), "label": "laptop"},
            follow_redirects=False,
        )
        assert r.status_code == 303, r.text
        r = w.client.post("/manage/keys", data={"public_key": _pem(Ed25519PrivateKey.generate())})
        assert r.status_code == 403  # no CSRF token: refused
        r = w.client.post("/manage/keys/rotate", data={"csrf_token": csrf}, follow_redirects=False)
        assert r.status_code == 303, r.text
        listed = w.client.get("/api/v1/keys").json()
        assert [k["label"] for k in listed] == ["laptop", "held by the registry"]
        r = w.client.post(
            f"/manage/keys/{listed[0]['id']}/revoke",
            data={"csrf_token": csrf, "reason": "stolen"},
            follow_redirects=False,
        )
        assert r.status_code == 303, r.text
        page = w.client.get("/manage/keys").text
        assert "stolen" in page and "laptop" in page
    finally:
        w.client.cookies.clear()


def test_a_statement_needs_the_manufacturers_address(world: World) -> None:
    w = world
    p = w.product("acme", "ADDR-1")
    assert w.put("acme", "/api/v1/organisation/reporting", json={"address": ""}).status_code == 200
    r = w.post("acme", f"/api/v1/products/{p['id']}/statements", json=SIGNED_BY)
    assert r.status_code == 422 and "address" in r.json()["error"], r.text
    assert w.put("acme", "/api/v1/organisation/reporting", json={"address": "5 New Road, Leeds"}).status_code == 200
    r = w.post("acme", f"/api/v1/products/{p['id']}/statements", json=SIGNED_BY)
    assert r.status_code == 201, r.text
    body = json.loads(w.client.get(r.json()["document_url"]).content)["statement"]
    assert body["manufacturers"] == [{"name": "Acme Devices Ltd", "address": "5 New Road, Leeds"}]
