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


def _issued(w: World, ref: str) -> str:
    """Investigate, give a compliance intent on 2 March and the notice on 12 March 2026."""
    w.post("officer", f"/api/v1/enforcement/cases/{ref}/transitions", json={"transition": "investigate", "why": "x"})
    base = f"/api/v1/enforcement/cases/{ref}/notices"
    intent = w.post(
        "officer",
        base,
        json={
            "stage": "intent",
            "kind": "compliance",
            "to": "Acme Devices Ltd",
            "breach": "Schedule 1 para 1: universal default password",
            "reasons": "test purchase",
            "sent_at": "2026-03-02T10:00:00Z",
            "method": "hand",
        },
    ).json()
    r = w.post(
        "officer",
        base,
        json={
            "stage": "issue",
            "kind": "compliance",
            "intent": intent["reference"],
            "reasons": "no representations",
            "requirement": "Give every unit a unique password",
            "comply_within_days": 28,
            "sent_at": "2026-03-12T10:00:00Z",
            "method": "hand",
        },
    )
    assert r.status_code == 201, r.text
    return r.json()["reference"]


def test_information_variation_revocation_and_appeal_decision(world_any: World) -> None:
    w = world_any
    ref = _open(w)
    notice = _issued(w, ref)
    api = "/api/v1/enforcement"

    # information request with its due date, then the response
    r = w.post(
        "officer",
        f"{api}/cases/{ref}/information-requests",
        json={
            "to": "Acme Devices Ltd",
            "purpose": "to check the password scheme",
            "information": "the factory password generation procedure",
            "within_days": 21,
            "sent_at": "2026-03-03T09:00:00Z",
            "method": "hand",
        },
    )
    assert r.status_code == 201, r.text
    info = r.json()
    assert info["kind"] == "information" and info["respond_by"] and info["documents"][0]["text"]
    r = w.post("officer", f"{api}/notices/{info['reference']}/response", json={"note": "procedure received"})
    assert r.status_code == 200 and r.json()["responded_at"], r.text
    r = w.post("officer", f"{api}/notices/{info['reference']}/response", json={"note": "again"})
    assert r.status_code == 422 and "already recorded" in r.json()["error"]
    r = w.post("officer", f"{api}/notices/{notice}/response", json={})
    assert r.status_code == 422 and "information notices" in r.json()["error"]

    # a more onerous variation is refused with the library's reason; nothing changes
    before = w.get("officer", f"{api}/notices/{notice}").json()
    r = w.post(
        "officer",
        f"{api}/notices/{notice}/variations",
        json={"changes": "sooner", "compliance_by": "2026-03-20", "sent_at": "2026-03-13T10:00:00Z"},
    )
    assert r.status_code == 409 and "more onerous" in r.json()["error"] and "s.31(2)" in r.json()["error"]
    assert w.get("officer", f"{api}/notices/{notice}").json() == before

    # under appeal: revocation refused; the appeal decided with an outcome the library defines
    appeal = w.post(
        "officer", f"{api}/notices/{notice}/appeals", json={"lodged_on": "2026-03-20", "grounds": ["error-of-fact"]}
    ).json()
    r = w.post("officer", f"{api}/notices/{notice}/revocation", json={"reasons": "mistake"})
    assert r.status_code == 409 and "under appeal" in r.json()["error"]
    assert w.get("officer", f"{api}/notices/{notice}").json()["status"] == before["status"]
    r = w.post(
        "officer", f"{api}/appeals/{appeal['id']}/decision", json={"outcome": "upheld", "decided_on": "2026-06-01"}
    )
    assert r.status_code == 409 and "confirmed, varied, cancelled" in r.json()["error"]
    r = w.post(
        "officer", f"{api}/appeals/{appeal['id']}/decision", json={"outcome": "varied", "decided_on": "2026-06-01"}
    )
    assert r.status_code == 409 and "new terms" in r.json()["error"]
    r = w.post(
        "officer",
        f"{api}/appeals/{appeal['id']}/decision",
        json={"outcome": "varied", "decided_on": "2026-06-01", "compliance_by": "2026-09-01", "note": "more time"},
    )
    assert r.status_code == 200, r.text
    d = r.json()
    assert d["status"] == "determined" and d["outcome"] == "varied" and d["notice_status"] == "varied"
    shown = w.get("officer", f"{api}/notices/{notice}").json()
    assert shown["compliance_by"] == "2026-09-01" and shown["appeals"][0]["outcome"] == "varied"
    r = w.post(
        "officer", f"{api}/appeals/{appeal['id']}/decision", json={"outcome": "confirmed", "decided_on": "2026-06-02"}
    )
    assert r.status_code == 409 and "already determined" in r.json()["error"]

    # a less onerous variation, then revocation
    r = w.post(
        "officer",
        f"{api}/notices/{notice}/variations",
        json={"changes": "more time", "compliance_by": "2026-10-01", "sent_at": "2026-06-02T10:00:00Z"},
    )
    assert r.status_code == 200 and r.json()["compliance_by"] == "2026-10-01", r.text
    assert [doc["kind"] for doc in r.json()["documents"]][-1] == "variation"
    r = w.post("officer", f"{api}/notices/{notice}/revocation", json={"reasons": "complied"})
    assert r.status_code == 200 and r.json()["status"] == "revoked", r.text
    r = w.post("officer", f"{api}/notices/{notice}/revocation", json={"reasons": "again"})
    assert r.status_code == 409 and "already revoked" in r.json()["error"]
    assert (
        w.post(
            "officer", f"{api}/appeals/99999/decision", json={"outcome": "confirmed", "decided_on": "2026-06-01"}
        ).status_code
        == 422
    )

    with w.app.state.psti.factory() as db:
        actions = set(db.scalars(select(AuditEvent.action).where(AuditEvent.target == ref)))
        assert {"enforcement.information-request", "enforcement.notice-varied", "enforcement.notice-revoked"} <= actions
        assert audit.verify_chain(db).ok


FACTORS = {"effects-of-breach": "every unit exposed", "remedy-or-mitigation": "firmware fix offered late"}


def test_penalty_notices_with_the_calculation(world: World) -> None:
    w = world
    api = "/api/v1/enforcement"
    # the calculation on its own: the £10 million floor, 4% of QWR, the daily cap, the s.37 matters
    r = w.post("officer", f"{api}/penalty/calculation", json={"amount_gbp": "20000000", "factors": FACTORS})
    assert r.status_code == 409 and "above the relevant maximum £10,000,000.00" in r.json()["error"]
    r = w.post("officer", f"{api}/penalty/calculation", json={"amount_gbp": "5000"})
    assert r.status_code == 409 and "effects-of-breach" in r.json()["error"] and "s.37" in r.json()["error"]
    period = {"qwr_gbp": "1000000000", "period_start": "2025-01-01", "period_end": "2025-12-31"}
    r = w.post(
        "officer",
        f"{api}/penalty/calculation",
        json={"amount_gbp": "20000000", "daily_gbp": "500", "factors": FACTORS, **period},
    )
    assert r.status_code == 200, r.text
    calc = r.json()
    assert float(calc["cap"]["relevant_maximum_gbp"]) == 40_000_000 and "4% of QWR" in calc["cap"]["basis"]
    r = w.post(
        "officer", f"{api}/penalty/calculation", json={"amount_gbp": "1", "daily_gbp": "30000", "factors": FACTORS}
    )
    assert r.status_code == 409 and "a day" in r.json()["error"]

    ref = _open(w)
    w.post("officer", f"{api}/cases/{ref}/transitions", json={"transition": "investigate", "why": "x"})
    intent = {
        "stage": "intent",
        "kind": "penalty",
        "to": "Acme Devices Ltd",
        "breach": "Schedule 1 para 1: universal default password",
        "reasons": "test purchase",
        "amount_gbp": "20000000",
        "factors": FACTORS,
        "sent_at": "2026-03-02T10:00:00Z",
    }
    r = w.post("officer", f"{api}/cases/{ref}/notices", json=intent)
    assert r.status_code == 409 and "above the relevant maximum" in r.json()["error"]
    assert w.get("officer", f"{api}/cases/{ref}").json()["notices"] == []
    r = w.post("officer", f"{api}/cases/{ref}/notices", json={**intent, **period})
    assert r.status_code == 201, r.text
    pi = r.json()
    assert pi["status"] == "intent" and float(pi["calculation"]["cap"]["relevant_maximum_gbp"]) == 40_000_000
    r = w.post(
        "officer",
        f"{api}/cases/{ref}/notices",
        json={
            "stage": "issue",
            "kind": "penalty",
            "intent": pi["reference"],
            "reasons": "representations considered",
            "how_to_pay": "bank transfer to the account named below",
            "amount_gbp": "20000000",
            "factors": FACTORS,
            **period,
            "sent_at": "2026-05-01T10:00:00Z",
        },
    )
    assert r.status_code == 201, r.text
    pn = r.json()
    assert pn["status"] != "intent" and pn["pay_by"] and pn["amount_gbp"].startswith("20000000")
    assert pn["calculation"]["factors"][0]["id"] == "effects-of-breach"


def test_evidence_upload_and_catalogue_rows(world: World, tmp_path) -> None:  # type: ignore[no-untyped-def]
    import hashlib
    import json

    w = world
    ref = _open(w)
    assessment = json.dumps(
        {
            "schema": "psti.assessment/1",
            "product": {"name": "CamX", "model": "X1", "manufacturer": "Acme Devices Ltd"},
            "overall": "fail",
            "findings": [
                {"effect": "fail", "provisions": ["PSTI-S1-1.2"], "kind": "FW-SHADOW-HASH", "message": "admin/admin"}
            ],
        }
    ).encode()
    r = w.post("officer", f"/api/v1/enforcement/cases/{ref}/evidence", files={"file": ("../../x.json", assessment)})
    assert r.status_code == 201, r.text
    ev = r.json()
    digest = hashlib.sha256(assessment).hexdigest()
    assert ev["sha256"] == digest and ev["kind"] == "assessment" and ev["verdict"] == "fail"
    assert ev["filename"] == "x.json"
    assert w.app.state.psti.blobs.path(digest).read_bytes() == assessment  # stored by hash
    case = w.get("officer", f"/api/v1/enforcement/cases/{ref}").json()
    assert case["evidence"][0]["sha256"] == digest
    assert digest in w.get("officer", f"/enforcement/cases/{ref}").text
    r = w.post("officer", f"/api/v1/enforcement/cases/{ref}/evidence", files={"file": ("notes.txt", b"seen in shop")})
    assert r.status_code == 201 and r.json()["verdict"] == "needs-evidence"
    bad = w.post("officer", f"/api/v1/enforcement/cases/{ref}/evidence", files={"file": ("a.json", b"{}")})
    assert bad.status_code == 201 and bad.json()["verdict"] == "error"  # recorded, with the reason
    assert (
        w.post("officer", "/api/v1/enforcement/cases/PSTI-1999-0001/evidence", files={"file": ("a", b"x")}).status_code
        == 404
    )

    # an assessment the registry already holds
    from psti.store.models import AssessmentRecord

    product = w.product("acme", "X1")
    with w.app.state.psti.factory() as db, db.begin():
        rec = AssessmentRecord(product_id=product["id"], overall="fail", result_json=assessment.decode())
        db.add(rec)
        db.flush()
        rec_id = rec.id
    r = w.post("officer", f"/api/v1/enforcement/cases/{ref}/evidence/assessments", json={"assessment_id": rec_id})
    assert r.status_code == 201, r.text
    assert r.json()["sha256"] == digest and r.json()["filename"] == f"assessment-{rec_id}.json"
    assert r.json()["verdict"] == "fail"
    r = w.post("officer", f"/api/v1/enforcement/cases/{ref}/evidence/assessments", json={"assessment_id": 99999})
    assert r.status_code == 404

    cat = w.post(
        "shop", "/api/v1/catalogues", files={"file": ("c.csv", b"manufacturer,model,statement\nGlobex Corp,G-9,\n")}
    ).json()
    w.wait_job("shop", cat["job"]["id"])
    rows = w.get("shop", f"/api/v1/catalogues/{cat['id']}/rows").json()
    assert rows[0]["id"] and rows[0]["row"]
    r = w.post(
        "officer",
        "/api/v1/enforcement/cases",
        json={"from_catalogue": cat["id"], "catalogue_row_number": rows[0]["row"]},
    )
    assert r.status_code == 201 and r.json()["product"]["model"] == "G-9", r.text
    r = w.post("officer", "/api/v1/enforcement/cases", json={"from_catalogue": cat["id"], "catalogue_row_number": 999})
    assert r.status_code == 404
    assert w.post("officer", "/api/v1/enforcement/cases", json={"from_catalogue": cat["id"]}).status_code == 422
    page = w.get("shop", f"/catalogues/{cat['id']}").text
    assert f'<td class="row-id">{rows[0]["id"]}</td>' in page and f'<span id="catalogue-id">{cat["id"]}</span>' in page
    r = w.post(
        "officer",
        "/enforcement/cases",
        data={"from_catalogue": str(cat["id"]), "catalogue_row_number": str(rows[0]["row"])},
        follow_redirects=False,
    )
    assert r.status_code == 303, r.text


def test_case_page_actions_refuse_with_the_reason(world: World) -> None:
    import hashlib

    w = world
    ref = _open(w)
    notice = _issued(w, ref)
    api = "/api/v1/enforcement"
    appeal = w.post(
        "officer", f"{api}/notices/{notice}/appeals", json={"lodged_on": "2026-03-20", "grounds": ["wrong-in-law"]}
    ).json()
    page = w.get("officer", f"/enforcement/cases/{ref}").text
    assert f"/enforcement/appeals/{appeal['id']}/decision" in page and 'id="information-form"' in page
    assert 'id="evidence-form"' in page and f"/enforcement/notices/{notice}/variations" in page

    r = w.post("officer", f"/enforcement/notices/{notice}/revocation", data={"reasons": "typed reason"})
    assert r.status_code == 409 and "under appeal" in r.text and 'id="refused"' in r.text and "typed reason" in r.text
    r = w.post(
        "officer", f"/enforcement/notices/{notice}/variations", data={"changes": "x", "compliance_by": "2026-03-15"}
    )
    assert r.status_code == 409 and "more onerous" in r.text
    assert w.get("officer", f"{api}/notices/{notice}").json()["status"] == "issued"

    r = w.post(
        "officer",
        f"/enforcement/cases/{ref}/information-requests",
        data={"to": "Acme Devices Ltd", "purpose": "p", "information": "i", "within_days": "21"},
        follow_redirects=False,
    )
    assert r.status_code == 303, r.text
    info = [n for n in w.get("officer", f"{api}/cases/{ref}").json()["notices"] if n["kind"] == "information"][0]
    assert info["respond_by"] and info["respond_by"] in w.get("officer", f"/enforcement/cases/{ref}").text
    r = w.post(
        "officer", f"/enforcement/notices/{info['reference']}/response", data={"note": "ok"}, follow_redirects=False
    )
    assert r.status_code == 303
    assert "Response received" in w.get("officer", f"/enforcement/cases/{ref}").text

    body = b'{"schema": "psti.assessment/1", "overall": "pass", "findings": []}'
    r = w.post(
        "officer", f"/enforcement/cases/{ref}/evidence", files={"file": ("a.json", body)}, follow_redirects=False
    )
    assert r.status_code == 303, r.text
    assert hashlib.sha256(body).hexdigest() in w.get("officer", f"/enforcement/cases/{ref}").text

    r = w.post(
        "officer",
        f"/enforcement/cases/{ref}/notices",
        data={
            "stage": "intent",
            "kind": "penalty",
            "to": "Acme Devices Ltd",
            "breach": "Sch 1 para 1",
            "reasons": "r",
            "amount_gbp": "20000000",
            "factor_effects-of-breach": "all units",
            "factor_remedy-or-mitigation": "none",
        },
    )
    assert r.status_code == 409 and "above the relevant maximum" in r.text and "all units" in r.text
    r = w.post(
        "officer",
        f"/enforcement/cases/{ref}/notices",
        data={
            "stage": "intent",
            "kind": "penalty",
            "to": "Acme Devices Ltd",
            "breach": "Sch 1 para 1",
            "reasons": "r",
            "amount_gbp": "20000000",
            "qwr_gbp": "1000000000",
            "period_start": "2025-01-01",
            "period_end": "2025-12-31",
            "factor_effects-of-breach": "all units",
            "factor_remedy-or-mitigation": "none",
        },
        follow_redirects=False,
    )
    assert r.status_code == 303, r.text
    page = w.get("officer", f"/enforcement/cases/{ref}").text
    assert "relevant maximum £40,000,000" in page or "relevant maximum £40000000" in page
    assert "s.37 matter effects-of-breach: all units" in page
    r = w.post(
        "officer",
        f"/enforcement/appeals/{appeal['id']}/decision",
        data={"outcome": "cancelled", "decided_on": "2026-06-01", "note": "tribunal"},
        follow_redirects=False,
    )
    assert r.status_code == 303, r.text
    assert w.get("officer", f"{api}/notices/{notice}").json()["status"] == "cancelled"
