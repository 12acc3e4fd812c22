"""The registry cannot be made to lie: each attack on signatures, publication and stored
input is replayed against a real `psti serve` process (SQLite and PostgreSQL) and refused.

- a statement signed with a freshly generated key, naming another organisation, is not valid;
- one organisation cannot upload or publish a statement signed with another's key;
- a catalogue row naming an unrelated manufacturer fails, by id and by statement URL;
- failing and needs-evidence declarations cannot be published; a supporting assessment can,
  and the statement names the declaration's manufacturer with its address;
- a product registered by form, with no declaration, is not signed by the registry: the refusal
  names the two ways on (a declaration the registry assesses, or a statement signed with a key
  registered to the manufacturer), and both work;
- a `psti.registry-statement/1` upload is accepted; look-ups treat `%` and `_` literally;
  a `javascript:` policy URL is refused.
"""

from __future__ import annotations

import base64
import contextlib
import datetime as dt
import hashlib
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
from tests.service.conftest import EXAMPLES, World, example_declaration, example_files
from tests.service.live import ADMIN, LiveServer

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

    declared: dict[str, Any] | None = None

    def publish(self, who: Client, product_id: int) -> httpx.Response:
        """Ask the registry to sign and publish a statement with the key it holds."""
        return who.post(
            f"/api/v1/products/{product_id}/statements",
            json={"signatory": "A. Person", "function": "Head of Product Security", "place": "Leeds"},
        )

    def assess(self, who: Client, product_id: int) -> None:
        """Upload the smart-camera example's artefact files and have the registry assess the product."""
        for kind, name, data in example_files():
            who.ok("POST", f"/api/v1/products/{product_id}/files", data={"kind": kind}, files={"file": (name, data)})
        job = who.ok("POST", f"/api/v1/products/{product_id}/assessments")
        assert who.wait_job(job["id"])["status"] == "done"

    def acme_declared(self) -> dict[str, Any]:
        """Acme's smart camera, registered from its declaration and assessed by the registry
        (`pass`): a product the registry signs statements for. Made once per registry."""
        if self.declared is None:
            declaration = example_declaration(ACME)
            self.declared = self.acme.ok(
                "POST", "/api/v1/products/declaration", files={"file": ("product.toml", declaration)}
            )
            self.assess(self.acme, self.declared["id"])
        return self.declared

    def upload_own(self, who: Client, maker: tuple[str, str], product: dict[str, Any]) -> dict[str, Any]:
        """A statement `maker` signs with a key it has just registered, uploaded for `product`."""
        key = Ed25519PrivateKey.generate()
        who.ok("POST", "/api/v1/keys", json={"public_key": _pem(key)})
        document = _statement(key, maker, product["model"])
        return who.ok(  # type: ignore[no-any-return]
            "POST", f"/api/v1/products/{product['id']}/statements/upload", files={"file": ("s.json", document)}
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
    # …and a statement the registry issued for Acme, from its assessment, says whose key signed it
    p = r.acme_declared()
    s = r.publish(r.acme, p["id"])
    assert s.status_code == 201, s.text
    document = r.anonymous.get(s.json()["document_url"]).content
    genuine = r.verify(document)
    assert genuine["valid"] is True and genuine["signed_by"]["organisation"] == ACME[0]
    assert genuine["signed_by"]["held_by_registry"] is True
    assert genuine["provenance"]["issued_by"] == "registry"
    assert genuine["provenance"]["registry_assessment"] == s.json()["assessment_id"] is not None
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
    s = r.publish(r.acme, r.acme_declared()["id"]).json()
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
    p = r.acme_declared()
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
    s = r.upload_own(r.acme, ACME, p)
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


@pytest.mark.parametrize(
    ("example", "drop", "verdict"), [("router", False, "fail"), ("smart-camera", True, "needs-evidence")]
)
def test_unsupported_declarations_cannot_be_published(
    registry: Registry, example: str, drop: bool, verdict: str
) -> None:
    r = registry
    model = "CAM-200-NE" if drop else None  # CAM-200 itself is the supported control (`acme_declared`)
    p = r.acme.post(
        "/api/v1/products/declaration",
        files={"file": ("product.toml", example_declaration(ACME, example, model=model, drop_artefacts=drop))},
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


def test_a_form_product_is_not_signed_until_the_registry_assesses_its_declaration(registry: Registry) -> None:
    r = registry
    p = r.product(r.acme, "CAM-300")
    refused = r.publish(r.acme, p["id"])
    assert refused.status_code == 409, refused.text
    error = refused.json()
    # it says exactly what to do: a declaration the registry assesses, or a statement signed with a key
    # registered to the manufacturer
    for step in (
        f"PUT /api/v1/products/{p['id']}/declaration",
        f"POST /api/v1/products/{p['id']}/files",
        f"POST /api/v1/products/{p['id']}/assessments",
        "POST /api/v1/keys",
        f"POST /api/v1/products/{p['id']}/statements/upload",
        f"key registered to {ACME[0]}",
    ):
        assert step in error["error"], (step, error["error"])
    assert [x["field"] for x in error["problems"]] == ["declaration", "statement"]
    (hit,) = r.anonymous.get("/api/v1/lookup", params={"q": "CAM-300"}).json()
    assert hit["statement_on_record"] is False  # nothing was published
    # the declaration must be this product's model
    other = example_declaration(ACME, model="CAM-301")
    wrong = r.acme.put(f"/api/v1/products/{p['id']}/declaration", files={"file": ("product.toml", other)})
    assert wrong.status_code == 422 and "CAM-301" in wrong.json()["error"], wrong.text
    attached = r.acme.put(
        f"/api/v1/products/{p['id']}/declaration",
        files={"file": ("product.toml", example_declaration(ACME, model="CAM-300"))},
    )
    assert attached.status_code == 200, attached.text
    assert attached.json()["has_declaration"] is True and attached.json()["name"].startswith("Acme CAM-200")
    not_yet = r.publish(r.acme, p["id"])
    assert not_yet.status_code == 422 and "no registry assessment" in not_yet.json()["error"]
    r.assess(r.acme, p["id"])
    published = r.publish(r.acme, p["id"])
    assert published.status_code == 201, published.text
    assessment = published.json()["assessment_id"]
    assert assessment is not None
    (shown,) = r.anonymous.get("/api/v1/lookup", params={"q": "CAM-300"}).json()
    assert shown["statement"]["from_registry_assessment"] is True
    document = r.anonymous.get(published.json()["document_url"]).content
    assert json.loads(document)["statement"]["registry_assessment"] == assessment
    assert r.verify(document)["provenance"]["registry_assessment"] == assessment
    # another organisation cannot attach a declaration to Acme's product
    theirs = r.globex.put(
        f"/api/v1/products/{p['id']}/declaration", files={"file": ("product.toml", example_declaration(GLOBEX))}
    )
    assert theirs.status_code == 404


def test_a_form_product_publishes_a_statement_signed_with_the_manufacturers_key(registry: Registry) -> None:
    """The other way on: no declaration, a statement Acme signed with a key registered to it."""
    r = registry
    p = r.product(r.acme, "CAM-310")
    assert r.publish(r.acme, p["id"]).status_code == 409
    s = r.upload_own(r.acme, ACME, p)
    assert s["status"] == "published" and s["assessment_id"] is None
    document = r.anonymous.get(s["document_url"]).content
    result = r.verify(document)
    assert result["valid"] is True and result["signed_by"]["held_by_registry"] is False
    assert result["provenance"] == {
        "issued_by": "manufacturer",
        "from_registry_assessment": False,
        "registry_assessment": None,
        "note": result["provenance"]["note"],
    }
    (shown,) = r.anonymous.get("/api/v1/lookup", params={"q": "CAM-310"}).json()
    assert shown["statement"]["id"] == s["id"] and shown["statement"]["from_registry_assessment"] is False


# --- stored input ---------------------------------------------------------------------


def test_lookup_treats_percent_and_underscore_literally(registry: Registry) -> None:
    r = registry
    for model in ("LIKE_1", "LIKEX1"):
        assert r.upload_own(r.acme, ACME, r.product(r.acme, model))["status"] == "published"

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
    assert r.upload_own(r.acme, ACME, p)["status"] == "published"
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
    declaration = example_declaration(maker)
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
    elsewhere = example_declaration(("Somebody Else Ltd", "Far Away"), model="CAM-201")
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
    p = w.assessed_product("acme")
    w.registry_statement("acme", p["id"])
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


def _signed_in(w: World, who: str) -> str:
    r = w.client.post("/api/v1/session", json={"email": w.emails[who], "password": "correct horse battery"})
    assert r.status_code == 200, r.text
    return str(r.json()["csrf_token"])


def test_the_product_page_attaches_a_declaration_and_says_why_it_cannot_sign_without_one(world: World) -> None:
    w = world
    p = w.product("acme", "CAM-200", "2031-06-30")
    page = f"/manage/products/{p['id']}"
    csrf = _signed_in(w, "acme")
    try:
        shown = w.client.get(page).text
        assert 'id="publish-statement-needs"' in shown and f'action="{page}/statements"' not in shown
        assert f'action="{page}/declaration"' in shown and ">Attach</button>" in shown
        # the form posted anyway: refused, saying what to do
        r = w.client.post(f"{page}/statements", data={"csrf_token": csrf, **SIGNED_BY}, follow_redirects=False)
        assert r.status_code == 409, r.text
        assert "has no declaration" in r.text and "key registered to Acme Devices Ltd" in r.text
        assert f"/api/v1/products/{p['id']}/statements/upload" in r.text
        # another model's declaration is refused; this product's own is attached
        maker = (w.orgs["acme"]["name"], w.orgs["acme"]["address"])
        r = w.client.post(
            f"{page}/declaration",
            data={"csrf_token": csrf},
            files={"file": ("product.toml", example_declaration(maker, model="CAM-999"))},
        )
        assert r.status_code == 422 and "CAM-999" in r.text
        r = w.client.post(f"{page}/declaration", files={"file": ("product.toml", example_declaration(maker))})
        assert r.status_code == 403  # no form token
        r = w.client.post(
            f"{page}/declaration",
            data={"csrf_token": csrf},
            files={"file": ("product.toml", example_declaration(maker))},
            follow_redirects=False,
        )
        assert r.status_code == 303, r.text
        shown = w.client.get(page).text
        assert f'action="{page}/statements"' in shown and ">Replace</button>" in shown and "Run assessment" in shown
    finally:
        w.client.cookies.clear()
    detail = w.get("acme", f"/api/v1/products/{p['id']}").json()
    assert detail["has_declaration"] and detail["name"] == "Acme CAM-200 indoor security camera"
    assert detail["support_end"] == "2031-12-31"  # the declaration's later end date is published
    assert [h["end_date"] for h in detail["support_history"]] == ["2031-06-30", "2031-12-31"]
    assert detail["batches"] == ["2026-W10"]
    assert {u["kind"] for u in detail["urls"]} == {"disclosure-policy", "security-txt", "support-page"}
    # a declaration may not shorten the published support period
    longer = w.product("acme", "CAM-201", "2035-01-01")
    r = w.put(
        "acme",
        f"/api/v1/products/{longer['id']}/declaration",
        files={"file": ("p.toml", example_declaration(maker, model="CAM-201"))},
    )
    assert r.status_code == 422 and "may not be shortened" in r.json()["error"], r.text
    # the statement needs the manufacturer's address, checked before any assessment
    blank = w.product("acme", "CAM-202")
    r = w.put(
        "acme",
        f"/api/v1/products/{blank['id']}/declaration",
        files={"file": ("p.toml", example_declaration((maker[0], " "), model="CAM-202"))},
    )
    assert r.status_code == 200, r.text
    r = w.post("acme", f"/api/v1/products/{blank['id']}/statements", json=SIGNED_BY)
    assert r.status_code == 422 and "address" in r.json()["error"], r.text


def test_a_replaced_declaration_needs_a_new_assessment(world: World) -> None:
    w = world
    p = w.assessed_product("acme")
    first = w.registry_statement("acme", p["id"])
    maker = (w.orgs["acme"]["name"], w.orgs["acme"]["address"])
    changed = example_declaration(maker) + b"# second version: the same product, re-declared\n"
    r = w.put("acme", f"/api/v1/products/{p['id']}/declaration", files={"file": ("product.toml", changed)})
    assert r.status_code == 200, r.text
    for body in (SIGNED_BY, {**SIGNED_BY, "assessment_id": first["assessment_id"]}):
        r = w.post("acme", f"/api/v1/products/{p['id']}/statements", json=body)
        assert r.status_code == 422 and "another version of this product's declaration" in r.json()["error"], r.text
    job = w.post("acme", f"/api/v1/products/{p['id']}/assessments").json()
    assert w.wait_job("acme", job["id"], timeout=120)["status"] == "done"
    second = w.registry_statement("acme", p["id"])
    assert second["assessment_id"] > first["assessment_id"]
    events = [e["action"] for e in w.get("acme", "/api/v1/audit").json()]
    assert "product.declaration.replace" in events


def _statement_signed_for_a_form_product(w: World, product_id: int) -> str:
    """What earlier versions published for a product registered by form: a registry statement
    signed with the key the registry holds for the organisation, from no assessment."""
    from psti.registry import keys
    from psti.registry import statements as st
    from psti.registry.context import Ctx
    from psti.service.auth import Principal
    from psti.store.models import Product, StatementRecord, User

    state = w.app.state.psti
    with state.factory() as db, db.begin():
        product = db.get(Product, product_id)
        user = db.query(User).filter(User.email == w.emails["acme"]).one()
        who = Principal(user.id, user.email, "manufacturer", product.organisation_id)
        ctx = Ctx(db, who, state.settings, state.blobs)
        private, registered = keys.held_key(ctx, product.organisation_id, state.settings.key_encryption_key)
        org = w.orgs["acme"]
        body = st.build_statement(
            product={"name": product.name, "type": product.type, "model": product.model, "brand": "", "batches": []},
            manufacturers=[{"name": org["name"], "address": org["address"]}],
            support_end=product.support_end,
            signatory="A. Person",
            function="Director",
            place="Leeds",
            issued_on=dt.date.today(),
        )
        document = st.sign_statement(body, private)
        record = StatementRecord(
            product_id=product.id,
            organisation_id=product.organisation_id,
            document=document,
            sha256=hashlib.sha256(document).hexdigest(),
            support_end=product.support_end,
            issued_on=dt.date.today(),
            retain_until=dt.date.today() + dt.timedelta(days=3660),
            key_id=registered.id,
        )
        db.add(record)
        db.flush()
        return str(record.public_id)


def test_statements_signed_for_form_products_before_stay_on_record_and_say_so(world_any: World) -> None:
    w = world_any
    p = w.product("acme", "OLD-FORM-1")
    public_id = _statement_signed_for_a_form_product(w, p["id"])
    # still served, and the public record says it did not come from a registry assessment
    document = w.client.get(f"/api/v1/statements/{public_id}")
    assert document.status_code == 200 and document.headers["x-statement-status"] == "published"
    shown = w.client.get(f"/api/v1/public/products/{p['public_id']}").json()
    assert shown["statement"]["id"] == public_id and shown["statement"]["from_registry_assessment"] is False
    # verify: valid (the organisation's key, in force) and honest about where it came from
    result = w.client.post("/api/v1/statements/verify", content=document.content).json()
    assert result["valid"] is True and result["signed_by"]["held_by_registry"] is True
    assert result["provenance"]["issued_by"] == "registry"
    assert result["provenance"]["from_registry_assessment"] is False
    assert "without an assessment" in result["provenance"]["note"]
    # the registry signs nothing more for the product; what it holds stays
    r = w.post("acme", f"/api/v1/products/{p['id']}/statements", json=SIGNED_BY)
    assert r.status_code == 409, r.text
    assert [s["id"] for s in w.get("acme", f"/api/v1/products/{p['id']}").json()["statements"]] == [public_id]
