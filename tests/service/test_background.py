"""Background work: scheduled catalogue re-checks, URL checks, job status, private-address refusal."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import update

from psti.registry.catalogues import schedule_due
from psti.service.app import create_app
from psti.service.worker import url_is_allowed
from psti.store.models import Catalogue, Job
from tests.service.conftest import World, build_world, make_settings


def test_scheduled_recheck_runs_when_due(world: World) -> None:
    r = world.post(
        "shop",
        "/api/v1/catalogues",
        files={"file": ("c.csv", b"manufacturer,model\nAcme,A1\n")},
        data={"recheck_days": "30"},
    )
    cat = r.json()
    world.wait_job("shop", cat["job"]["id"])
    factory = world.app.state.psti.factory
    assert schedule_due(factory) == 0  # not due yet
    with factory() as db, db.begin():
        db.execute(update(Catalogue).values(next_check_at=dt.datetime.now(dt.UTC) - dt.timedelta(minutes=1)))
    assert schedule_due(factory) == 1
    after = world.get("shop", f"/api/v1/catalogues/{cat['id']}").json()
    assert after["run"] == 2 and after["job"]["id"] != cat["job"]["id"]
    assert world.wait_job("shop", after["job"]["id"])["status"] == "done"
    assert world.get("shop", f"/api/v1/catalogues/{cat['id']}").json()["status"] == "checked"


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802
        self.send_response(200 if self.path == "/support" else 404)
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def site() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def test_url_checks_run_in_the_background(tmp_path: Path, sqlite_db: str, site: str) -> None:
    app = create_app(make_settings(tmp_path, sqlite_db, allow_private_urls=True))
    with TestClient(app) as client:
        w = build_world(client, app)
        p = w.product("acme", "CAM-1")
        for kind, path in (("support-page", "/support"), ("disclosure-policy", "/gone")):
            assert (
                w.post("acme", f"/api/v1/products/{p['id']}/urls", json={"kind": kind, "url": site + path}).status_code
                == 201
            )
        job = w.post("acme", f"/api/v1/products/{p['id']}/url-checks").json()
        assert w.wait_job("acme", job["id"])["status"] == "done"
        urls = {u["kind"]: u["last_status"] for u in w.get("acme", f"/api/v1/products/{p['id']}").json()["urls"]}
        assert urls == {"support-page": "HTTP 200", "disclosure-policy": "HTTP 404"}


def test_private_addresses_are_refused_by_default() -> None:
    ok, why = url_is_allowed("http://127.0.0.1:9/x", allow_private=False)
    assert not ok and "private address" in why
    assert url_is_allowed("ftp://example.org/", allow_private=True) == (False, "not an http(s) URL")


def test_failed_assessment_job_reports_why(world: World) -> None:
    r = world.post("acme", "/api/v1/products", json={"name": "N", "model": "NO-DECL"})
    r = world.post("acme", f"/api/v1/products/{r.json()['id']}/assessments")
    assert r.status_code == 422 and "declaration" in r.json()["error"]
    with world.app.state.psti.factory() as db:
        assert db.query(Job).filter(Job.kind == "assess").count() == 0


def test_statements_on_the_manufacturers_own_site_are_fetched_and_verified(tmp_path: Path, sqlite_db: str) -> None:
    app = create_app(make_settings(tmp_path, sqlite_db, allow_private_urls=True))
    with TestClient(app) as client:
        w = build_world(client, app)
        p = w.product("acme", "CAM-1", "2031-12-31")
        s = w.statement("acme", p["id"])
        document = w.client.get(s["document_url"]).content
        pages = {
            "/soc.json": document,
            "/tampered.json": document.replace(b"2031-12-31", b"2039-12-31"),
            "/not-json": b"<html>hello</html>",
        }

        class Site(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802
                body = pages.get(self.path)
                self.send_response(200 if body is not None else 404)
                self.end_headers()
                self.wfile.write(body or b"")

            def log_message(self, *args: object) -> None:
                pass

        server = ThreadingHTTPServer(("127.0.0.1", 0), Site)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{server.server_address[1]}"
        try:
            csv = (
                "manufacturer,model,statement\n"
                f"Acme Devices Ltd,CAM-1,{base}/soc.json\n"
                f"Acme Devices Ltd,CAM-2,{base}/soc.json\n"
                f"Acme Devices Ltd,CAM-3,{base}/tampered.json\n"
                f"Acme Devices Ltd,CAM-4,{base}/not-json\n"
                f"Acme Devices Ltd,CAM-5,{base}/missing.json\n"
            )
            cat = w.post("shop", "/api/v1/catalogues", files={"file": ("c.csv", csv.encode())}).json()
            assert w.wait_job("shop", cat["job"]["id"])["status"] == "done"
        finally:
            server.shutdown()
        rows = {r["model"]: r for r in w.get("shop", f"/api/v1/catalogues/{cat['id']}/rows").json()}
        assert rows["CAM-1"]["result"] == "ok" and "manufacturer's site" in rows["CAM-1"]["message"]
        assert rows["CAM-1"]["support_end"] == "2031-12-31"
        assert rows["CAM-2"]["result"] == "mismatch"
        assert rows["CAM-3"]["result"] == "invalid" and "signature" in rows["CAM-3"]["message"]
        assert rows["CAM-4"]["result"] == "invalid" and "not JSON" in rows["CAM-4"]["message"]
        assert rows["CAM-5"]["result"] == "not-found" and "HTTP 404" in rows["CAM-5"]["message"]
