"""Every role tries every other organisation's private data: refused, and nothing changes.

Owners (and, where the Act gives them a view, enforcement officers) are the positive
control, so a route that refused everyone would fail here too.
"""

from __future__ import annotations

from typing import Any

import pytest

from psti.store.models import AuditEvent
from tests.service.conftest import World, example_declaration

ROLES = ["acme", "acme2", "globex", "shop", "imp", "officer", "researcher", "admin", "anonymous"]


@pytest.fixture
def owned(world: World) -> dict[str, Any]:
    """Private data of acme (a manufacturer) and of shop (a distributor)."""
    w = world
    p = w.product("acme", "CAM-1")
    s = w.statement("acme", p["id"])
    rec = w.post(
        "acme",
        f"/api/v1/products/{p['id']}/compliance",
        json={"kind": "investigation", "details": "Suspected universal password"},
    ).json()
    rep = w.post(
        "anonymous",
        "/api/v1/manufacturers/acme/reports",
        json={"title": "XSS in admin page", "description": "The admin page reflects input."},
    ).json()
    att = w.client.post(
        f"/api/v1/reports/{rep['id']}/attachments",
        headers={"X-Report-Token": rep["follow_up_token"]},
        files={"file": ("poc.html", b"<script>alert(1)</script>")},
    ).json()
    cat = w.post(
        "shop",
        "/api/v1/catalogues",
        files={"file": ("c.csv", f"manufacturer,model,statement\nAcme Devices Ltd,CAM-1,{s['id']}\n".encode())},
    ).json()
    w.wait_job("shop", cat["job"]["id"])
    w.post("acme", f"/api/v1/statements/{s['id']}/withdraw", json={"reason": "test"})
    notice = w.get("shop", "/api/v1/notices").json()[0]
    case = w.post("officer", "/api/v1/enforcement/cases", json=CASE).json()["reference"]
    w.post("officer", f"/api/v1/enforcement/cases/{case}/transitions", json={"transition": "investigate", "why": "x"})
    enf_notice = w.post("officer", f"/api/v1/enforcement/cases/{case}/notices", json=INTENT).json()["reference"]
    # a compliance notice under appeal, and an information request, for the routes that act on them
    base = f"/api/v1/enforcement/cases/{case}/notices"
    intent = w.post("officer", base, json={**INTENT, "kind": "compliance", "sent_at": "2026-03-02T10:00:00Z"}).json()
    issued = w.post(
        "officer",
        base,
        json={
            "stage": "issue",
            "kind": "compliance",
            "intent": intent["reference"],
            "reasons": "r",
            "requirement": "fix it",
            "comply_within_days": 28,
            "sent_at": "2026-03-12T10:00:00Z",
        },
    ).json()
    appeal = w.post(
        "officer",
        f"/api/v1/enforcement/notices/{issued['reference']}/appeals",
        json={"lodged_on": "2026-03-20", "grounds": ["error-of-fact"]},
    ).json()
    info = w.post("officer", f"/api/v1/enforcement/cases/{case}/information-requests", json=INFO).json()["reference"]
    from psti.store.models import AssessmentRecord

    with w.app.state.psti.factory() as db, db.begin():
        arec = AssessmentRecord(product_id=p["id"], overall="pass", result_json='{"schema": "psti.assessment/1"}')
        db.add(arec)
        db.flush()
        asm = arec.id
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    pem = (
        Ed25519PrivateKey.generate()
        .public_key()
        .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
    )
    key = w.post("acme", "/api/v1/keys", json={"public_key": pem.decode()}).json()
    w.post("acme", "/api/v1/tokens", json={"name": "acme-ci", "days": 30})
    tok = next(t for t in w.get("acme", "/api/v1/tokens").json() if t["name"] == "acme-ci")
    return {
        "tok": tok["id"],
        "k": key["id"],
        "asm": asm,
        "appeal": appeal["id"],
        "issued": issued["reference"],
        "info": info,
        "case": case,
        "enf_notice": enf_notice,
        "p": p["id"],
        "s": s["id"],
        "rec": rec["id"],
        "rep": rep["id"],
        "att": att["id"],
        "cat": cat["id"],
        "job": cat["job"]["id"],
        "notice": notice["id"],
    }


CASE = {
    "product_name": "Camera CAM-1",
    "product_model": "CAM-1",
    "allegation": "universal password",
    "parties": [{"name": "Acme Devices Ltd", "role": "manufacturer"}],
}
INTENT = {"stage": "intent", "kind": "stop", "to": "Acme Devices Ltd", "breach": "Sch 1 para 1", "reasons": "r"}
INFO = {"to": "Acme Devices Ltd", "purpose": "p", "information": "test reports"}
OFFICER = {"officer"}
DECLARATION = example_declaration(("Acme Devices Ltd", "1 Acme Devices Ltd Street, Leeds"), model="CAM-1")

# (method, url, json body or None, roles allowed)
ENDPOINTS: list[tuple[str, str, dict[str, Any] | None, set[str]]] = [
    ("GET", "/api/v1/products/{p}", None, {"acme", "acme2"}),
    ("POST", "/api/v1/products/{p}/batches", {"identifier": "B-X"}, {"acme", "acme2"}),
    ("POST", "/api/v1/products/{p}/urls", {"kind": "support-page", "url": "https://x.example/"}, {"acme", "acme2"}),
    ("PUT", "/api/v1/products/{p}/support-period", {"end_date": "2040-01-01"}, {"acme", "acme2"}),
    # 409 for the owners: a product registered by form, which the registry does not sign for
    ("POST", "/api/v1/products/{p}/statements", {"signatory": "X", "function": "Y", "place": "Z"}, {"acme", "acme2"}),
    ("PUT", "/api/v1/products/{p}/declaration", {"__files__": {"file": ("p.toml", DECLARATION)}}, {"acme", "acme2"}),
    ("POST", "/manage/products/{p}/declaration", {"__files__": {"file": ("p.toml", DECLARATION)}}, {"acme", "acme2"}),
    ("POST", "/api/v1/products/{p}/compliance", {"kind": "failure", "details": "x"}, {"acme", "acme2"}),
    ("POST", "/api/v1/products/{p}/url-checks", None, {"acme", "acme2"}),
    ("POST", "/api/v1/statements/{s}/withdraw", {"reason": "x"}, {"acme", "acme2"}),  # 409: already withdrawn
    ("POST", "/api/v1/keys/{k}/retire", None, {"acme", "acme2"}),  # 409: already retired
    ("POST", "/api/v1/keys/{k}/revoke", {"reason": "lost"}, {"acme", "acme2"}),  # 409: already revoked
    ("GET", "/api/v1/compliance/{rec}", None, {"acme", "acme2", "officer"}),
    ("POST", "/api/v1/compliance/{rec}/actions", {"action": "investigate"}, {"acme", "acme2"}),
    ("POST", "/api/v1/compliance/{rec}/close", {"outcome": "nothing found"}, {"acme", "acme2"}),
    ("GET", "/api/v1/reports/{rep}", None, {"acme", "acme2"}),
    ("GET", "/api/v1/reports/{rep}/attachments/{att}", None, {"acme", "acme2"}),
    ("POST", "/api/v1/reports/{rep}/messages", {"body": "hello"}, {"acme", "acme2"}),
    ("POST", "/api/v1/reports/{rep}/acknowledge", {}, {"acme", "acme2"}),  # the second call: 409
    ("POST", "/api/v1/reports/{rep}/status", {"status": "triaged", "message": "x"}, {"acme", "acme2"}),
    ("GET", "/api/v1/catalogues/{cat}", None, {"shop"}),
    ("GET", "/api/v1/catalogues/{cat}/rows", None, {"shop"}),
    ("GET", "/api/v1/catalogues/{cat}/export.csv", None, {"shop"}),
    ("POST", "/api/v1/catalogues/{cat}/recheck", None, {"shop"}),
    ("GET", "/api/v1/jobs/{job}", None, {"shop"}),
    ("POST", "/api/v1/notices/{notice}/read", None, {"shop"}),
    ("GET", "/manage/products/{p}", None, {"acme", "acme2"}),
    ("GET", "/manage/compliance/{rec}", None, {"acme", "acme2", "officer"}),
    ("GET", "/manage/reports/{rep}", None, {"acme", "acme2"}),
    ("GET", "/catalogues/{cat}", None, {"shop"}),
    # enforcement case work: enforcement officers only (not even admins)
    ("GET", "/api/v1/enforcement/cases", None, OFFICER),
    ("POST", "/api/v1/enforcement/cases", CASE, OFFICER),
    ("GET", "/api/v1/enforcement/cases/{case}", None, OFFICER),
    ("POST", "/api/v1/enforcement/cases/{case}/transitions", {"transition": "no-further-action", "why": "x"}, OFFICER),
    ("POST", "/api/v1/enforcement/cases/{case}/notices", {**INTENT, "kind": "compliance"}, OFFICER),
    ("GET", "/api/v1/enforcement/notices/{enf_notice}", None, OFFICER),
    (
        "POST",
        "/api/v1/enforcement/notices/{enf_notice}/appeals",
        {"lodged_on": "2026-01-01", "grounds": ["x"]},
        OFFICER,
    ),
    (
        "POST",
        "/api/v1/enforcement/appeals/{appeal}/decision",
        {"outcome": "confirmed", "decided_on": "2026-06-01"},
        OFFICER,
    ),
    ("POST", "/api/v1/enforcement/cases/{case}/information-requests", INFO, OFFICER),
    ("POST", "/api/v1/enforcement/notices/{info}/response", {"note": "received"}, OFFICER),
    (
        "POST",
        "/api/v1/enforcement/notices/{issued}/variations",
        {"changes": "later", "compliance_by": "2026-12-01"},
        OFFICER,
    ),  # 409: under appeal is fine too
    ("POST", "/api/v1/enforcement/notices/{enf_notice}/revocation", {"reasons": "withdrawn"}, OFFICER),
    ("POST", "/api/v1/enforcement/penalty/calculation", {"amount_gbp": "1000"}, OFFICER),  # 409: no s.37 matters
    ("POST", "/api/v1/enforcement/cases/{case}/evidence", {"__files__": {"file": ("a.txt", b"CAM-1 photo")}}, OFFICER),
    ("POST", "/api/v1/enforcement/cases/{case}/evidence/assessments#{asm}", {"__asm__": True}, OFFICER),
    ("GET", "/api/v1/enforcement/actors/Acme Devices Ltd", None, OFFICER),
    ("GET", "/api/v1/enforcement/export.json", None, OFFICER),
    ("GET", "/api/v1/enforcement/export.csv", None, OFFICER),
    # the case page's forms (form posts; refusals come back as the page with the reason)
    ("POST", "/enforcement/appeals/{appeal}/decision", {"__form__": {"outcome": "confirmed"}}, OFFICER),
    ("POST", "/enforcement/cases/{case}/information-requests", {"__form__": INFO}, OFFICER),
    ("POST", "/enforcement/notices/{info}/response", {"__form__": {"note": "received"}}, OFFICER),
    ("POST", "/enforcement/notices/{issued}/variations", {"__form__": {"changes": "x"}}, OFFICER),
    ("POST", "/enforcement/notices/{enf_notice}/revocation", {"__form__": {"reasons": "withdrawn"}}, OFFICER),
    ("POST", "/enforcement/cases/{case}/evidence", {"__files__": {"file": ("a.txt", b"CAM-1")}}, OFFICER),
    ("GET", "/enforcement", None, OFFICER),
    ("GET", "/enforcement/cases/{case}", None, OFFICER),
    ("GET", "/enforcement/actors/Acme Devices Ltd", None, OFFICER),
    # an API token: its owner revokes it, and an administrator may revoke anyone's (the API's rule)
    ("DELETE", "/api/v1/tokens/{tok}", None, {"acme", "admin"}),
    ("POST", "/manage/tokens/{tok}/revoke", {"__form__": {}}, {"acme", "admin"}),
]


def _call(w: World, who: str, method: str, url: str, body: dict[str, Any] | None):  # type: ignore[no-untyped-def]
    if body and "__asm__" in body:  # the id is only known once the fixture has run
        body = {"assessment_id": int(url.rsplit("#", 1)[1])}
        url = url.rsplit("#", 1)[0]
    if body and "__form__" in body:
        return w.client.request(method, url, headers=w.h(who), data=body["__form__"], follow_redirects=False)
    if body and "__files__" in body:
        return w.client.request(method, url, headers=w.h(who), files=body["__files__"], follow_redirects=False)
    return w.client.request(method, url, headers=w.h(who), json=body if method != "GET" else None)


@pytest.mark.parametrize(
    ("method", "template", "body", "allowed"), ENDPOINTS, ids=[f"{m} {t}" for m, t, _, _ in ENDPOINTS]
)
def test_every_role_against_private_data(
    world: World, owned: dict[str, Any], method: str, template: str, body: dict[str, Any] | None, allowed: set[str]
) -> None:
    url = template.format(**owned)
    with world.app.state.psti.factory() as db:
        events_before = db.query(AuditEvent).count()
    refused_changes = 0
    for who in ROLES:
        r = _call(world, who, method, url, body)
        if who in allowed:
            assert r.status_code < 400 or r.status_code == 409, f"{who} {method} {url}: {r.status_code} {r.text}"
        else:
            assert r.status_code in (401, 403, 404), f"{who} {method} {url} was allowed: {r.status_code}"
            assert "CAM-1" not in r.text and "XSS" not in r.text and "Acme" not in r.text, f"{who} saw data"
            refused_changes += 1
    assert refused_changes == len(ROLES) - len(allowed)
    with world.app.state.psti.factory() as db:  # only the allowed calls wrote audit events
        written = db.query(AuditEvent).count() - events_before
    if method == "GET" or not allowed:
        assert written == 0


def test_lists_only_show_own_organisation(world: World, owned: dict[str, Any]) -> None:
    w = world
    assert [p["model"] for p in w.get("acme2", "/api/v1/products").json()] == ["CAM-1"]
    assert w.get("globex", "/api/v1/products").json() == []
    assert len(w.get("acme2", "/api/v1/keys").json()) == 2  # the one registered, the one the statement is signed with
    assert w.get("globex", "/api/v1/keys").json() == []
    assert w.get("globex", "/api/v1/reports").json() == []
    assert w.get("imp", "/api/v1/catalogues").json() == []
    assert w.get("imp", "/api/v1/notices").json() == []
    for who in ("researcher", "officer", "anonymous", "shop"):
        assert w.get(who, "/api/v1/products").status_code in (401, 403)
        assert w.get(who, "/api/v1/reports").status_code in (401, 403)
    for who in ("acme", "researcher", "anonymous"):
        assert w.get(who, "/api/v1/catalogues").status_code in (401, 403)
    assert w.get("globex", "/api/v1/compliance").json() == []
    assert len(w.get("officer", "/api/v1/compliance").json()) == 1  # the enforcement authority sees records
    assert w.get("researcher", "/api/v1/audit").status_code == 403
    assert w.get("anonymous", "/api/v1/audit").status_code == 401


def test_only_admin_creates_organisations_and_users(world: World) -> None:
    for who in ROLES:
        r = world.post(who, "/api/v1/organisations", json={"name": f"New {who}", "kind": "manufacturer"})
        assert (r.status_code == 201) == (who == "admin"), (who, r.status_code)
        r = world.post(
            who,
            "/api/v1/users",
            json={"email": f"n-{who}@x.example", "password": "long enough password", "role": "admin"},
        )
        assert (r.status_code == 201) == (who == "admin"), (who, r.status_code)


def test_researcher_sees_own_reports_only(world: World) -> None:
    r = world.post(
        "researcher",
        "/api/v1/manufacturers/acme/reports",
        json={"title": "mine", "description": "signed-in researcher report"},
    )
    mine = r.json()["id"]
    other = world.post(
        "anonymous",
        "/api/v1/manufacturers/acme/reports",
        json={"title": "theirs", "description": "somebody else's report"},
    ).json()["id"]
    assert world.get("researcher", f"/api/v1/reports/{mine}").status_code == 200
    assert world.get("researcher", f"/api/v1/reports/{other}").status_code == 404
