"""Bad input: clear messages per row or field, the fitting HTTP status, and no partial writes."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from openpyxl import Workbook

from psti.service.app import create_app
from psti.store.models import AuditEvent, Catalogue, CatalogueRow, Product, VulnerabilityReport
from tests.service.conftest import World, build_world, example_declaration, make_settings

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def _counts(w: World) -> tuple[int, int, int]:
    with w.app.state.psti.factory() as db:
        return db.query(Catalogue).count(), db.query(CatalogueRow).count(), db.query(AuditEvent).count()


def _upload(w: World, name: str, data: bytes, who: str = "shop"):  # type: ignore[no-untyped-def]
    return w.post(who, "/api/v1/catalogues", files={"file": (name, data, "application/octet-stream")})


@pytest.mark.parametrize(
    ("name", "data", "status", "needle"),
    [
        ("c.csv", b"manufacturer,model,statement\nAcme,A1,\nAcme,,\n,B2,\n", 422, "row(s)"),
        ("c.csv", b"manufacturer,model,colour\nAcme,A1,red\n", 422, "unknown column(s): colour"),
        ("c.csv", b"maker,model,statement\n", 422, "header"),
        ("c.csv", b"name,sku\nA,1\n", 422, "missing the required column 'manufacturer'"),
        ("c.csv", b"manufacturer,model\nAcme,A1\nacme,a1\n", 422, "row(s)"),
        ("c.csv", b"\xff\xfe\x00m\x00a\x00", 422, "not UTF-8"),
        ("c.csv", b"", 422, "empty"),
        ("c.csv", b"manufacturer,model\n", 422, "no products"),
        ("c.xlsx", b"PK\x03\x04 this is not really a zip", 422, "XLSX"),
        ("c.pdf", b"%PDF-1.7", 400, "unsupported file type"),
    ],
)
def test_malformed_catalogues_are_refused_with_nothing_stored(
    world: World, name: str, data: bytes, status: int, needle: str
) -> None:
    before = _counts(world)
    r = _upload(world, name, data)
    assert r.status_code == status, r.text
    body = r.json()
    assert needle in body["error"] + " ".join(p["message"] for p in body.get("problems", []))
    assert _counts(world) == before


def test_row_problems_name_each_row(world: World) -> None:
    r = _upload(world, "c.csv", b"manufacturer,model\nAcme,A1\nAcme,\nAcme,A1\n")
    problems = r.json()["problems"]
    assert {"row": 3, "message": "model is empty"} in problems
    assert {"row": 4, "message": "duplicate product: same manufacturer and model as row 2"} in problems


def test_xlsx_catalogue_is_accepted(world: World) -> None:
    wb = Workbook()
    ws = wb.active
    ws.append(["Manufacturer", "Model number", "SoC URL", "SKU"])
    ws.append(["Acme Devices Ltd", "CAM-1", None, 1234])
    buf = io.BytesIO()
    wb.save(buf)
    r = _upload(world, "stock.xlsx", buf.getvalue())
    assert r.status_code == 202, r.text
    assert world.wait_job("shop", r.json()["job"]["id"])["status"] == "done"
    rows = world.get("shop", f"/api/v1/catalogues/{r.json()['id']}/rows").json()
    assert rows[0]["row"] == 2 and rows[0]["result"] == "no-statement"


def test_oversized_upload_is_413(tmp_path: Path, sqlite_db: str) -> None:
    app = create_app(make_settings(tmp_path, sqlite_db, max_upload_bytes=1000, max_attachment_bytes=500))
    with TestClient(app) as client:
        w = build_world(client, app)
        before = _counts(w)
        r = _upload(w, "big.csv", b"manufacturer,model\n" + b"Acme,A%d\n" * 0 + b"x" * 2000)
        assert r.status_code == 413 and "limit" in r.json()["error"]
        assert _counts(w) == before
        r = w.client.post(
            "/report/acme",
            data={"title": "t", "description": "long enough text"},
            files={"files": ("poc.bin", b"\0" * 600)},
        )
        assert r.status_code in (403, 413)  # no CSRF cookie yet on this path; the API path below is exact
        rep = w.post(
            "anonymous", "/api/v1/manufacturers/acme/reports", json={"title": "t", "description": "long enough text"}
        ).json()
        r = w.client.post(
            f"/api/v1/reports/{rep['id']}/attachments",
            headers={"X-Report-Token": rep["follow_up_token"]},
            files={"file": ("poc.bin", b"\0" * 600)},
        )
        assert r.status_code == 413


def test_catalogue_row_limit(tmp_path: Path, sqlite_db: str) -> None:
    app = create_app(make_settings(tmp_path, sqlite_db, max_catalogue_rows=3))
    with TestClient(app) as client:
        w = build_world(client, app)
        data = b"manufacturer,model\n" + b"".join(b"Acme,M%d\n" % i for i in range(5))
        r = _upload(w, "c.csv", data)
        assert r.status_code == 413 and "more than 3 rows" in r.json()["error"]


def test_duplicate_product_is_409_and_invalid_fields_422(world: World) -> None:
    world.product("acme", "CAM-1")
    before = _products(world)
    r = world.post("acme", "/api/v1/products", json={"name": "Again", "model": "CAM-1"})
    assert r.status_code == 409 and "CAM-1" in r.json()["error"]
    r = world.post("acme", "/api/v1/products", json={"name": "", "model": "X"})
    assert r.status_code == 422 and r.json()["problems"][0]["field"] == "name"
    r = world.post("acme", "/api/v1/products", json={"name": "N", "model": "X", "colour": "red"})
    assert r.status_code == 422 and r.json()["problems"][0]["field"] == "colour"
    r = world.post("acme", "/api/v1/products", json={"name": "N", "model": "X", "support_end": "soon"})
    assert r.status_code == 422 and r.json()["problems"][0]["field"] == "support_end"
    assert _products(world) == before
    # the same model may exist at another manufacturer
    assert world.post("globex", "/api/v1/products", json={"name": "N", "model": "CAM-1"}).status_code == 201


def _products(w: World) -> int:
    with w.app.state.psti.factory() as db:
        return db.query(Product).count()


def test_statement_without_support_period_or_signatory_is_refused(world: World) -> None:
    maker = (world.orgs["acme"]["name"], world.orgs["acme"]["address"])
    undated = example_declaration(maker, model="NO-DSP").replace(b"end_date = 2031-12-31\n", b"")
    r = world.post("acme", "/api/v1/products/declaration", files={"file": ("p.toml", undated)})
    assert r.status_code == 201 and r.json()["support_end"] is None, r.text
    pid = r.json()["id"]
    r = world.post("acme", f"/api/v1/products/{pid}/statements", json={"signatory": "A", "function": "B", "place": "C"})
    assert r.status_code == 422 and "support period" in r.json()["error"]
    declared = world.post(
        "acme", "/api/v1/products/declaration", files={"file": ("p.toml", example_declaration(maker, model="CAM-9"))}
    )
    r = world.post(
        "acme",
        f"/api/v1/products/{declared.json()['id']}/statements",
        json={"signatory": " ", "function": "B", "place": "C", "route": "schedule-2"},
    )
    fields = {x["field"] for x in r.json()["problems"]}
    assert r.status_code == 422 and fields == {"signatory", "standards"}
    # a product registered by form is refused before any of that: the registry has nothing to sign from
    form = world.product("acme", "CAM-10")
    r = world.post(
        "acme", f"/api/v1/products/{form['id']}/statements", json={"signatory": " ", "function": "B", "place": "C"}
    )
    assert r.status_code == 409 and "no declaration" in r.json()["error"]


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        (b"not json", "not JSON"),
        (b'{"schema": "other"}', "not a psti.statement/1"),
        (b'{"schema": "psti.registry-statement/1", "statement": {}, "signature": {}}', "Schedule 4"),
        (b'{"statement": {"schema": "psti.statement/1"}}', "structure"),
        (b"[" * 100, "not JSON"),
    ],
)
def test_invalid_statements_are_explained(world: World, body: bytes, reason: str) -> None:
    r = world.client.post("/api/v1/statements/verify", content=body)
    assert r.status_code == 200 and r.json()["valid"] is False and reason in r.json()["reason"]


def test_declaration_upload_registers_and_assesses(world: World) -> None:
    decl = (EXAMPLES / "smart-plug" / "product.toml").read_bytes()
    r = world.post("acme", "/api/v1/products/declaration", files={"file": ("product.toml", decl)})
    assert r.status_code == 201, r.text
    p = r.json()
    assert p["model"] == "BW-P1" and p["has_declaration"]
    r = world.post("acme", f"/api/v1/products/{p['id']}/assessments")
    assert r.status_code == 202
    job = world.wait_job("acme", r.json()["id"], timeout=120)
    assert job["status"] == "done", job
    detail = world.get("acme", f"/api/v1/products/{p['id']}").json()
    (a,) = detail["assessments"]
    assert a["overall"] in ("fail", "needs-evidence")  # its support period has no end date
    full = world.get("acme", f"/api/v1/assessments/{a['id']}").json()
    assert full["product"]["model"] == "BW-P1"
    assert world.get("globex", f"/api/v1/assessments/{a['id']}").status_code == 404


def test_bad_declaration_lists_fields_and_lines(world: World) -> None:
    bad = b'schema = "psti.declaration/1"\n[product]\nname = "X"\nmodle = "Y"\n'
    r = world.post("acme", "/api/v1/products/declaration", files={"file": ("bad.toml", bad)})
    assert r.status_code == 422
    problems = r.json()["problems"]
    assert any(p["field"] == "product.modle" and p["line"] == 4 for p in problems)
    r = world.post("acme", "/api/v1/products/declaration", files={"file": ("bad.toml", b"[product\n")})
    assert r.status_code == 422 and "TOML" in r.json()["problems"][0]["message"]


def test_report_fields_are_checked_and_nothing_stored(world: World) -> None:
    with world.app.state.psti.factory() as db:
        before = db.query(VulnerabilityReport).count()
    r = world.post(
        "anonymous",
        "/api/v1/manufacturers/acme/reports",
        json={"title": "", "description": "short", "severity": "apocalyptic", "product_model": "NOPE"},
    )
    assert r.status_code == 422
    assert {p["field"] for p in r.json()["problems"]} == {"title", "description", "severity", "product_model"}
    assert (
        world.post(
            "anonymous", "/api/v1/manufacturers/nobody/reports", json={"title": "t", "description": "long enough"}
        ).status_code
        == 404
    )
    assert (
        world.post(
            "anonymous",
            "/api/v1/manufacturers/shop/reports",  # a distributor takes no reports here
            json={"title": "t", "description": "long enough"},
        ).status_code
        == 404
    )
    with world.app.state.psti.factory() as db:
        assert db.query(VulnerabilityReport).count() == before


def test_zip_bomb_workbook_is_refused_before_inflating(world: World, monkeypatch: pytest.MonkeyPatch) -> None:
    import zipfile

    from psti.registry import catalogues

    monkeypatch.setattr(catalogues, "MAX_XLSX_INFLATED", 4 * 1024 * 1024)  # the real limit is 400 MB
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as z:
        z.writestr("xl/worksheets/sheet1.xml", b"\0" * (5 * 1024 * 1024))
    assert len(buf.getvalue()) < 64 * 1024
    before = _counts(world)
    r = _upload(world, "bomb.xlsx", buf.getvalue())
    assert r.status_code == 413 and "expands to" in r.json()["error"]
    assert _counts(world) == before


def test_announced_oversized_body_is_refused_up_front(tmp_path: Path, sqlite_db: str) -> None:
    app = create_app(make_settings(tmp_path, sqlite_db, max_upload_bytes=1000, start_worker=False))
    with TestClient(app) as client:
        r = client.post(
            "/api/v1/catalogues",
            content=b"x" * (1100 * 1024),
            headers={"content-type": "multipart/form-data; boundary=x"},
        )
        assert r.status_code == 401  # who is asking is settled before the size
        r = client.post(
            "/api/v1/manufacturers/acme/reports",
            content=b"x" * (1100 * 1024),
            headers={"content-type": "multipart/form-data; boundary=x"},
        )
        assert r.status_code == 413 and "limit" in r.json()["error"]
