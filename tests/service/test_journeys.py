"""The main journeys through the real app, on SQLite and PostgreSQL."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import update

from psti.store.models import VulnerabilityReport
from tests.service.conftest import World

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def test_publish_statement_and_look_it_up(world_any: World) -> None:
    w = world_any
    p = w.product("acme", "CAM-1", "2031-12-31", batches=["B-2026-01"])
    s = w.statement("acme", p["id"])
    assert s["status"] == "published" and s["support_end"] == "2031-12-31"
    assert s["retain_until"] >= str(dt.date.today().year + 10)  # 10 years from issue (REGS reg 8)

    doc = w.client.get(s["document_url"])
    assert doc.status_code == 200
    body = json.loads(doc.content)["statement"]
    assert body["product"]["batches"] == ["B-2026-01"]
    assert body["manufacturers"][0]["name"] == "Acme Devices Ltd"
    assert body["defined_support_period"]["end_date"] == "2031-12-31"
    assert w.client.post("/api/v1/statements/verify", content=doc.content).json()["valid"] is True
    tampered = doc.content.replace(b"2031-12-31", b"2035-12-31")
    res = w.client.post("/api/v1/statements/verify", content=tampered).json()
    assert res["valid"] is False and "signature" in res["reason"]

    hits = w.client.get("/api/v1/lookup", params={"q": "cam-1"}).json()
    assert [h["model"] for h in hits] == ["CAM-1"]
    pub = w.client.get(f"/api/v1/public/products/{p['public_id']}").json()
    assert pub["support_period"]["end_date"] == "2031-12-31" and not pub["support_period"]["ended"]
    assert pub["statement"]["id"] == s["id"]
    assert pub["reporting"]["contact"] == "security@acme.example"
    assert pub["reporting"]["acknowledgement_days"] == 5
    label = w.client.get(pub["label_url"])
    assert label.headers["content-type"].startswith("image/svg+xml")
    assert b"31 December 2031" in label.content
    page = w.client.get(f"/products/{p['public_id']}")
    # one date style on the page and the label
    assert 'Until at least <time datetime="2031-12-31">31 December 2031</time>' in page.text
    assert "security@acme.example" in page.text
    # a product the registry knows without a statement: found, and said to have none
    q = w.product("acme", "CAM-2")
    bare = w.client.get(f"/api/v1/public/products/{q['public_id']}").json()
    assert bare["statement"] is None and bare["statement_on_record"] is False and bare["model"] == "CAM-2"
    hits = w.client.get("/api/v1/lookup", params={"q": "CAM-2"}).json()
    assert [(h["model"], h["statement_on_record"]) for h in hits] == [("CAM-2", False)]
    assert w.client.get("/api/v1/lookup", params={"q": "%"}).json() == []  # `%` is literal here too
    assert w.client.get("/api/v1/lookup", params={"q": "CAM_2"}).json() == []  # and so is `_`
    page = w.client.get(f"/products/{q['public_id']}")
    assert page.status_code == 200 and "No statement of compliance on record" in page.text
    assert "no statement on record" in w.client.get("/lookup", params={"q": "CAM-2"}).text
    assert w.client.get(f"/products/{q['public_id']}/label.svg").status_code == 404  # no label without one
    assert w.client.get("/products/no-such-product").status_code == 404


def test_support_period_extends_but_never_shortens(world_any: World) -> None:
    w = world_any
    p = w.product("acme", "CAM-1", "2030-06-30")
    r = w.put("acme", f"/api/v1/products/{p['id']}/support-period", json={"end_date": "2029-01-01"})
    assert r.status_code == 422
    assert "may not be shortened" in r.json()["error"] and "3(6)" in r.json()["error"]
    assert (
        w.put("acme", f"/api/v1/products/{p['id']}/support-period", json={"end_date": "2032-06-30"}).status_code == 200
    )
    detail = w.get("acme", f"/api/v1/products/{p['id']}").json()
    assert detail["support_end"] == "2032-06-30"
    assert [h["end_date"] for h in detail["support_history"]] == ["2030-06-30", "2032-06-30"]


def _csv(rows: list[list[str]]) -> bytes:
    buf = io.StringIO()
    csv.writer(buf).writerows(rows)
    return buf.getvalue().encode()


def test_catalogue_check_export_and_withdrawal_notice(world_any: World) -> None:
    w = world_any
    today = dt.date.today()
    good = w.product("acme", "CAM-1", "2031-12-31")
    soon = w.product("acme", "CAM-SOON", (today + dt.timedelta(days=30)).isoformat())
    s_good = w.statement("acme", good["id"])
    w.statement("acme", soon["id"])
    ended = w.product("globex", "GX-OLD", (today - dt.timedelta(days=1)).isoformat())
    s_ended = w.statement("globex", ended["id"])
    data = _csv(
        [
            ["Manufacturer", "Model", "Statement URL"],
            ["Acme Devices Ltd", "CAM-1", f"http://testserver/api/v1/statements/{s_good['id']}"],
            ["Acme Devices Ltd", "CAM-SOON", ""],
            ["Acme Devices Ltd", "CAM-404", ""],
            ["Globex Corp", "GX-OLD", s_ended["id"]],
            ["Globex Corp", "GX-OTHER", s_ended["id"]],
            ["Nobody", "N-1", "http://127.0.0.1:9/soc.json"],  # a private address: refused, not fetched
        ]
    )
    r = w.post(
        "shop", "/api/v1/catalogues", files={"file": ("stock.csv", data, "text/csv")}, data={"recheck_days": "7"}
    )
    assert r.status_code == 202, r.text
    cat = r.json()
    job = w.wait_job("shop", cat["job"]["id"])
    assert job["status"] == "done", job
    rows = {row["model"]: row for row in w.get("shop", f"/api/v1/catalogues/{cat['id']}/rows").json()}
    assert rows["CAM-1"]["result"] == "ok"
    assert rows["CAM-SOON"]["result"] == "ends-soon" and "30 days" in rows["CAM-SOON"]["message"]
    assert rows["CAM-404"]["result"] == "no-statement" and "s.22" in rows["CAM-404"]["action"]
    assert rows["GX-OLD"]["result"] == "support-ended" and "ended on" in rows["GX-OLD"]["message"]
    assert rows["GX-OTHER"]["result"] == "mismatch"
    assert rows["N-1"]["result"] == "not-found" and "private address" in rows["N-1"]["message"]
    summary = w.get("shop", f"/api/v1/catalogues/{cat['id']}").json()
    assert summary["status"] == "checked" and summary["summary"]["ok"] == 1 and summary["next_check_at"]

    exported = w.get("shop", f"/api/v1/catalogues/{cat['id']}/export.csv")
    lines = list(csv.reader(io.StringIO(exported.text)))
    assert lines[0][:5] == ["row", "manufacturer", "model", "statement", "result"] and len(lines) == 7
    xlsx = w.get("shop", f"/api/v1/catalogues/{cat['id']}/export.xlsx")
    ws = load_workbook(io.BytesIO(xlsx.content)).active
    assert ws.max_row == 7 and ws.cell(2, 5).value == "ok" and ws.cell(5, 5).value == "support-ended"

    # the manufacturer withdraws a statement the distributor relies on: a notice, and the re-check shows it
    assert (
        w.post(
            "acme",
            f"/api/v1/statements/{s_good['id']}/withdraw",
            json={"reason": "default password found in firmware 1.2"},
        ).status_code
        == 200
    )
    notices = w.get("shop", "/api/v1/notices").json()
    assert len(notices) == 1 and "withdrawn" in notices[0]["message"] and "CAM-1" in notices[0]["message"]
    assert w.get("imp", "/api/v1/notices").json() == []
    r = w.post("shop", f"/api/v1/catalogues/{cat['id']}/recheck")
    assert w.wait_job("shop", r.json()["job"]["id"])["status"] == "done"
    rows = {row["model"]: row for row in w.get("shop", f"/api/v1/catalogues/{cat['id']}/rows").json()}
    assert rows["CAM-1"]["result"] == "withdrawn" and "default password" in rows["CAM-1"]["message"]
    pub = w.client.get(f"/api/v1/public/products/{good['public_id']}").json()
    assert pub["statement"]["status"] == "withdrawn"


def test_vulnerability_report_acknowledged_updated_resolved_and_exported(world_any: World) -> None:
    w = world_any
    w.product("acme", "CAM-1")
    r = w.post(
        "anonymous",
        "/api/v1/manufacturers/acme/reports",
        json={
            "title": "Telnet open with root:root",
            "description": "Port 23 accepts root/root on CAM-1.",
            "severity": "high",
            "product_model": "CAM-1",
        },
    )
    assert r.status_code == 201, r.text
    rep = r.json()
    token = rep["follow_up_token"]
    assert rep["status"] == "received" and rep["due"]["what"] == "acknowledge"
    ack_by = dt.datetime.fromisoformat(rep["acknowledge_by"])
    received = dt.datetime.fromisoformat(rep["received_at"])
    assert (ack_by - received).days == 5  # the time the manufacturer published
    mine = w.client.get(f"/api/v1/reports/{rep['id']}", headers={"X-Report-Token": token})
    assert mine.status_code == 200 and mine.json()["status"] == "received"
    assert w.client.get(f"/api/v1/reports/{rep['id']}", headers={"X-Report-Token": "wrong"}).status_code == 404

    inbox = w.get("acme", "/api/v1/reports").json()
    assert [x["id"] for x in inbox] == [rep["id"]] and "description" not in inbox[0]
    assert w.get("acme", "/api/v1/reports?overdue=true").json() == []
    with w.app.state.psti.factory() as db, db.begin():  # the deadline passes unanswered
        db.execute(update(VulnerabilityReport).values(acknowledge_by=dt.datetime.now(dt.UTC) - dt.timedelta(hours=1)))
    overdue = w.get("acme", "/api/v1/reports?overdue=true").json()
    assert [x["id"] for x in overdue] == [rep["id"]] and overdue[0]["overdue"]

    r = w.post("acme", f"/api/v1/reports/{rep['id']}/acknowledge", json={"message": "Thanks, looking at it."})
    assert r.status_code == 200 and r.json()["status"] == "acknowledged" and r.json()["next_update_by"]
    assert w.get("acme", "/api/v1/reports?overdue=true").json() == []
    assert w.post("acme", f"/api/v1/reports/{rep['id']}/acknowledge").status_code == 409
    assert (
        w.client.post(
            f"/api/v1/reports/{rep['id']}/messages",
            headers={"X-Report-Token": token},
            json={"body": "Also affects firmware 1.1."},
        ).status_code
        == 201
    )
    assert (
        w.post(
            "acme", f"/api/v1/reports/{rep['id']}/status", json={"status": "fixing", "message": "Fix in 1.3"}
        ).status_code
        == 200
    )
    assert (
        w.post("acme", f"/api/v1/reports/{rep['id']}/advisory", json={"summary": "x"}).status_code == 409
    )  # not resolved yet
    assert (
        w.post(
            "acme", f"/api/v1/reports/{rep['id']}/status", json={"status": "resolved", "message": "Fixed in 1.3"}
        ).status_code
        == 200
    )
    assert w.client.get(f"/api/v1/reports/{rep['id']}/csaf").status_code == 404  # nothing published yet
    r = w.post(
        "acme",
        f"/api/v1/reports/{rep['id']}/advisory",
        json={"summary": "Telnet disabled in firmware 1.3.", "cve": "CVE-2026-10001"},
    )
    assert r.status_code == 200
    mine = w.client.get(f"/api/v1/reports/{rep['id']}", headers={"X-Report-Token": token}).json()
    assert mine["status"] == "resolved"
    assert [m["author"] for m in mine["messages"]] == ["manufacturer", "researcher", "manufacturer", "manufacturer"]
    csaf = w.client.get(f"/api/v1/reports/{rep['id']}/csaf").json()
    assert csaf["document"]["csaf_version"] == "2.0"
    assert csaf["document"]["category"] == "csaf_security_advisory"
    assert csaf["document"]["publisher"]["category"] == "vendor"
    assert csaf["vulnerabilities"][0]["cve"] == "CVE-2026-10001"
    pid = csaf["product_tree"]["branches"][0]["branches"][0]["product"]["product_id"]
    assert csaf["vulnerabilities"][0]["product_status"]["known_affected"] == [pid]


def test_compliance_failure_needs_the_required_actions_before_closing(world_any: World) -> None:
    w = world_any
    p = w.product("acme", "CAM-1")
    r = w.post(
        "acme",
        f"/api/v1/products/{p['id']}/compliance",
        json={"kind": "failure", "details": "Universal password in batch B1", "risks": "Takeover"},
    )
    assert r.status_code == 201
    rec = r.json()
    assert rec["retain_until"] >= str(dt.date.today().year + 10)
    r = w.post("acme", f"/api/v1/compliance/{rec['id']}/close", json={"outcome": "fixed"})
    assert r.status_code == 422 and len(r.json()["problems"]) == 3
    for action in ("remedy", "notify-enforcement-authority", "notify-importers-distributors"):
        assert (
            w.post(
                "acme",
                f"/api/v1/compliance/{rec['id']}/actions",
                json={"action": action, "note": "done", "succeeded": True},
            ).status_code
            == 201
        )
    r = w.post("acme", f"/api/v1/compliance/{rec['id']}/close", json={"outcome": "Firmware 1.3 shipped"})
    assert r.status_code == 200 and r.json()["status"] == "closed"
    # the enforcement officer can read it; another manufacturer cannot
    assert w.get("officer", f"/api/v1/compliance/{rec['id']}").status_code == 200
    assert w.get("globex", f"/api/v1/compliance/{rec['id']}").status_code == 404


def test_audit_log_records_every_change_and_verifies(world_any: World) -> None:
    w = world_any
    p = w.product("acme", "CAM-1")
    w.statement("acme", p["id"])
    events = w.get("acme", "/api/v1/audit").json()
    actions = [e["action"] for e in events]
    assert {"product.create", "statement.publish", "signing_key.register"} <= set(actions)
    assert all(e["organisation_id"] == w.orgs["acme"]["id"] for e in events)
    assert any(e["actor"].endswith("acme@people.example") for e in events)
    officer = w.get("officer", f"/api/v1/audit?organisation_id={w.orgs['acme']['id']}").json()
    assert [e["id"] for e in officer] == [e["id"] for e in events]
    assert w.get("globex", f"/api/v1/audit?organisation_id={w.orgs['acme']['id']}").status_code == 404
    assert all(e["organisation_id"] != w.orgs["acme"]["id"] for e in w.get("globex", "/api/v1/audit").json())
    check = w.get("officer", "/api/v1/audit/verify").json()
    assert check["ok"] and check["events"] > 10


def test_openapi_document_describes_the_api(world: World) -> None:
    spec = world.client.get("/openapi.json").json()
    assert spec["openapi"].startswith("3.")
    for path in (
        "/api/v1/lookup",
        "/api/v1/catalogues",
        "/api/v1/manufacturers/{slug}/reports",
        "/api/v1/products/{product_id}/statements",
        "/api/v1/reports/{public_id}/csaf",
    ):
        assert path in spec["paths"]


@dataclass(frozen=True)
class CliStatement:
    document: bytes
    public_pem: str


@pytest.fixture(scope="module")
def cli_statement(tmp_path_factory: pytest.TempPathFactory) -> CliStatement:
    """A statement issued from the smart-camera example (made by Acme Devices Ltd here) by the
    same library calls as `psti statement`, and the public key it was signed with."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from psti.assess import assess
    from psti.declaration import load_declaration
    from psti.documents.statement import build_statement, sign_statement

    work = tmp_path_factory.mktemp("acme-camera") / "smart-camera"
    shutil.copytree(EXAMPLES / "smart-camera", work)
    decl = work / "product.toml"
    decl.write_text(decl.read_text().replace('name = "Acme Home Ltd"', 'name = "Acme Devices Ltd"'))
    loaded = load_declaration(decl)
    key = Ed25519PrivateKey.generate()
    signed = sign_statement(build_statement(loaded, assess(loaded, offline=True)), key)
    pem = key.public_key().public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
    return CliStatement(signed.to_json().encode(), pem.decode())


def test_publish_a_statement_issued_by_psti_statement(world: World, cli_statement: CliStatement) -> None:
    w = world
    document = cli_statement.document
    # a good signature by a key nobody registered is not valid in the registry
    unknown = w.client.post("/api/v1/statements/verify", content=document).json()
    assert unknown["valid"] is False and unknown["signature_valid"] is True
    assert unknown["key_status"] == "unknown" and unknown["signed_by"] is None
    p = w.product("acme", "CAM-200", "2030-01-01")
    r = w.post("acme", f"/api/v1/products/{p['id']}/statements/upload", files={"file": ("s.json", document)})
    assert r.status_code == 422 and "not registered" in r.json()["error"]
    # acme registers the key it has signed with since before the statement's date of issue
    r = w.post("acme", "/api/v1/keys", json={"public_key": cli_statement.public_pem, "valid_from": "2026-01-01"})
    assert r.status_code == 201, r.text
    known = w.client.post("/api/v1/statements/verify", content=document).json()
    assert known["valid"] is True and known["signed_by"]["organisation"] == "Acme Devices Ltd"
    r = w.post(
        "acme",
        f"/api/v1/products/{p['id']}/statements/upload",
        files={"file": ("statement.json", document, "application/json")},
    )
    assert r.status_code == 201, r.text
    s = r.json()
    assert s["support_end"] == "2031-12-31"  # the statement's period extends the published one
    assert w.client.get(s["document_url"]).content == document  # kept byte for byte
    other = w.product("acme", "CAM-999")
    r = w.post("acme", f"/api/v1/products/{other['id']}/statements/upload", files={"file": ("s.json", document)})
    assert r.status_code == 422 and "CAM-200" in r.json()["error"]
    tampered = document.replace(b"2031-12-31", b"2039-12-31")
    r = w.post("acme", f"/api/v1/products/{p['id']}/statements/upload", files={"file": ("s.json", tampered)})
    assert r.status_code == 422 and "does not verify" in r.json()["error"]
    later = w.product("acme", "CAM-201", "2035-01-01")
    body = json.loads(document)
    assert body["statement"]["support_period_end"] < "2035-01-01"
    # a catalogue row pointing at it is checked by the documents verifier
    cat = w.post(
        "shop",
        "/api/v1/catalogues",
        files={"file": ("c.csv", f"manufacturer,model,statement\nAcme Devices Ltd,CAM-200,{s['id']}\n".encode())},
    ).json()
    w.wait_job("shop", cat["job"]["id"])
    (row,) = w.get("shop", f"/api/v1/catalogues/{cat['id']}/rows").json()
    assert row["result"] == "ok", row
    assert later["support_end"] == "2035-01-01"
