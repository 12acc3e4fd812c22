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

from psti.service.app import create_app
from psti.service.catalogues import schedule_due
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
