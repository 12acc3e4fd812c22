"""Enforcement case work through the real app, on SQLite and PostgreSQL, as an officer."""

from __future__ import annotations

import csv
import io

from sqlalchemy import select

from psti.store import audit
from psti.store.models import AuditEvent, CatalogueRow
from tests.service.conftest import World

ALLEGATION = {
    "product_name": "CamX indoor camera",
    "product_model": "X1",
    "allegation": "every unit accepts admin/admin",
    "source": "researcher",
    "parties": [{"name": "Acme Devices Ltd", "role": "manufacturer", "address": "1 High St, London"}],
    "provisions": ["PSTI-S1-1.2"],
}


def _open(w: World) -> str:
    r = w.post("officer", "/api/v1/enforcement/cases", json=ALLEGATION)
    assert r.status_code == 201, r.text
    return r.json()["reference"]


def test_case_journey_through_the_api(world_any: World) -> None:
    w = world_any
    ref = _open(w)
    case = w.get("officer", f"/api/v1/enforcement/cases/{ref}").json()
    assert case["state"] == "triage" and [t["id"] for t in case["transitions"]][:1]

    # a refused transition says why and changes nothing
    r = w.post("officer", f"/api/v1/enforcement/cases/{ref}/transitions", json={"transition": "complied", "why": "x"})
    assert r.status_code == 409 and "not allowed from state 'triage'" in r.json()["error"]
    assert w.get("officer", f"/api/v1/enforcement/cases/{ref}").json()["log"] == case["log"]

    r = w.post(
        "officer", f"/api/v1/enforcement/cases/{ref}/transitions", json={"transition": "investigate", "why": "credible"}
    )
    assert r.status_code == 200 and r.json()["to"] == "investigation", r.text
    r = w.post(
        "officer",
        f"/api/v1/enforcement/cases/{ref}/notices",
        json={
            "stage": "intent",
            "kind": "compliance",
            "to": "Acme Devices Ltd",
            "breach": "Schedule 1 para 1: universal default password (Act s.8)",
            "reasons": "test purchase on 2026-03-02",
            "contact": "enforcement@opss.example",
            "sent_at": "2026-03-02T10:00:00Z",
            "method": "hand",
        },
    )
    assert r.status_code == 201, r.text
    intent = r.json()
    assert intent["status"] == "intent" and intent["not_before"] == "2026-03-12"
    assert "Schedule 1 para 1" in intent["documents"][0]["text"]  # the library's rendered document

    r = w.post(
        "officer",
        f"/api/v1/enforcement/cases/{ref}/notices",
        json={
            "stage": "issue",
            "kind": "compliance",
            "intent": intent["reference"],
            "reasons": "no representations received",
            "requirement": "Give every unit a unique password",
            "comply_within_days": 28,
            "sent_at": "2026-03-12T10:00:00Z",
            "method": "hand",
        },
    )
    assert r.status_code == 201, r.text
    notice = r.json()
    assert notice["compliance_by"] == "2026-04-08" and notice["appeal_by"]
    detail = w.get("officer", f"/api/v1/enforcement/cases/{ref}?today=2026-05-01").json()
    assert detail["state"] == "notice-issued"
    assert any(d["what"] == "comply by" and d["status"] == "overdue" for d in detail["deadlines"])

    # filters: by state, by actor, overdue on a given day
    assert [c["reference"] for c in w.get("officer", "/api/v1/enforcement/cases?state=notice-issued").json()] == [ref]
    assert w.get("officer", "/api/v1/enforcement/cases?state=closed").json() == []
    assert len(w.get("officer", "/api/v1/enforcement/cases?actor=Acme Devices Ltd").json()) == 1
    assert w.get("officer", "/api/v1/enforcement/cases?actor=Nobody").json() == []
    assert len(w.get("officer", "/api/v1/enforcement/cases?overdue=true&today=2026-05-01").json()) == 1
    assert w.get("officer", "/api/v1/enforcement/cases?overdue=true&today=2026-03-20").json() == []
    assert w.get("officer", "/api/v1/enforcement/cases?state=nonsense").status_code == 422

    # an appeal out of time is refused; in time it is recorded and suspends the notice
    r = w.post(
        "officer",
        f"/api/v1/enforcement/notices/{notice['reference']}/appeals",
        json={"lodged_on": "2027-01-01", "grounds": ["error-of-fact"]},
    )
    assert r.status_code == 409 and "refused" in r.json()["error"]
    r = w.post(
        "officer",
        f"/api/v1/enforcement/notices/{notice['reference']}/appeals",
        json={"lodged_on": "2026-03-20", "grounds": ["error-of-fact"]},
    )
    assert r.status_code == 201, r.text
    assert w.get("officer", f"/api/v1/enforcement/cases/{ref}").json()["state"] == "appeal"

    hist = w.get("officer", "/api/v1/enforcement/actors/Acme Devices Ltd").json()
    assert hist["cases"][0]["case"] == ref and hist["cases"][0]["notices"][0]["reference"] == intent["reference"]
    assert w.get("officer", "/api/v1/enforcement/actors/Nobody").status_code == 404

    data = w.get("officer", "/api/v1/enforcement/export.json").json()
    assert data["log_intact"] is True and data["cases"][0]["reference"] == ref
    rows = list(csv.DictReader(io.StringIO(w.get("officer", "/api/v1/enforcement/export.csv").text)))
    assert rows[0]["reference"] == ref and rows[0]["appeals_pending"] == "1"

    # every case event is in the shared, hash-chained audit log
    with w.app.state.psti.factory() as db:
        actions = db.scalars(select(AuditEvent.action).where(AuditEvent.target == ref).order_by(AuditEvent.id)).all()
        assert actions[:2] == ["enforcement.open", "enforcement.transition:investigate"]
        assert "enforcement.appeal" in " ".join(actions)
        assert audit.verify_chain(db).ok


def test_open_from_a_vulnerability_report_and_a_catalogue_row(world: World) -> None:
    w = world
    rep = w.post(
        "anonymous",
        "/api/v1/manufacturers/acme/reports",
        json={"title": "Telnet open", "description": "Port 23 accepts root with no password."},
    ).json()
    r = w.post("officer", "/api/v1/enforcement/cases", json={"from_report": rep["id"]})
    assert r.status_code == 201, r.text
    c = r.json()
    assert c["source"] == "researcher" and c["parties"] == [{"name": "Acme Devices Ltd", "role": "manufacturer"}]
    assert rep["id"] in c["allegation"]
    assert w.post("officer", "/api/v1/enforcement/cases", json={"from_report": "nope"}).status_code == 404

    cat = w.post(
        "shop", "/api/v1/catalogues", files={"file": ("c.csv", b"manufacturer,model,statement\nGlobex Corp,G-9,\n")}
    ).json()
    w.wait_job("shop", cat["job"]["id"])
    with w.app.state.psti.factory() as db:
        row_id = db.scalars(select(CatalogueRow.id).where(CatalogueRow.catalogue_id == cat["id"])).one()
    r = w.post("officer", "/api/v1/enforcement/cases", json={"from_catalogue_row": row_id})
    assert r.status_code == 201, r.text
    c = r.json()
    assert c["product"]["model"] == "G-9" and {"name": "Shop Co", "role": "distributor"} in c["parties"]


def test_bad_input_is_refused_without_a_trace(world: World) -> None:
    w = world
    r = w.post("officer", "/api/v1/enforcement/cases", json={**ALLEGATION, "source": "rumour"})
    assert r.status_code == 422 and "source 'rumour'" in r.json()["error"]
    assert w.get("officer", "/api/v1/enforcement/cases").json() == []
    assert w.get("officer", "/api/v1/enforcement/cases/PSTI-1999-0001").status_code == 404
    ref = _open(w)
    r = w.post("officer", f"/api/v1/enforcement/cases/{ref}/transitions", json={"transition": "investigate"})
    assert r.status_code == 422 and "why" in r.json()["error"]
    r = w.post(
        "officer", f"/api/v1/enforcement/cases/{ref}/notices", json={"kind": "compliance", "to": "Acme Devices Ltd"}
    )
    assert r.status_code == 422  # no breach named
    assert w.get("officer", f"/api/v1/enforcement/cases/{ref}").json()["state"] == "triage"


def test_pages_show_refusals_and_change_nothing(world_any: World) -> None:
    w = world_any
    ref = _open(w)
    page = w.get("officer", "/enforcement?state=triage")
    assert page.status_code == 200 and ref in page.text and "CamX indoor camera" in page.text
    assert ref not in w.get("officer", "/enforcement?state=closed").text
    # a notice before the investigation: the case page again, with the library's reason
    r = w.post(
        "officer",
        f"/enforcement/cases/{ref}/notices",
        data={"stage": "intent", "kind": "compliance", "to": "Acme Devices Ltd", "breach": "b", "reasons": "r"},
    )
    assert r.status_code == 422 and "open an investigation before giving notices" in r.text
    assert '<textarea id="breach" name="breach">b</textarea>' in r.text  # what was typed is kept
    r = w.post("officer", f"/enforcement/cases/{ref}/transition", data={"transition": "remedied", "why": "x"})
    assert r.status_code == 409 and "not allowed from state" in r.text and 'id="refused"' in r.text
    assert w.get("officer", f"/api/v1/enforcement/cases/{ref}").json()["notices"] == []
    r = w.post(
        "officer",
        f"/enforcement/cases/{ref}/transition",
        data={"transition": "investigate", "why": "credible"},
        follow_redirects=False,
    )
    assert r.status_code == 303 and r.headers["location"] == f"/enforcement/cases/{ref}"
    r = w.post(
        "officer",
        "/enforcement/cases",
        data={"product_name": "P", "allegation": "a", "source": "public", "parties": "seller:Nobody"},
    )
    assert r.status_code == 422 and "ROLE:NAME" in r.text
    detail = w.get("officer", f"/enforcement/cases/{ref}").text
    assert "investigation" in detail and "credible" in detail
    assert "Acme Devices Ltd" in w.get("officer", "/enforcement/actors/Acme Devices Ltd").text
