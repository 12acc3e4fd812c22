"""The public look-up: one query per answer, the same view on the API and the pages, and
LIKE wildcards in a search matching only themselves."""

from __future__ import annotations

import re
import tempfile
import threading
from typing import Any

import psycopg
import pytest
from fastapi.routing import APIRoute
from sqlalchemy import create_engine, event, text
from sqlalchemy.pool import NullPool

from psti.registry import products
from psti.service.app import AREAS
from psti.service.routes import public

from .conftest import World


def test_lookup_by_model_text_and_id(world_any: World) -> None:
    w = world_any
    p = w.product("acme", "CAM_100%", "2031-12-31")
    w.statement("acme", p["id"])
    other = w.product("acme", "CAMX1000", "2031-12-31")
    w.statement("acme", other["id"])
    hidden = w.product("acme", "CAM-NOSTATEMENT", "2031-12-31")  # no statement: shown as such, after the others

    exact = w.get("anonymous", "/api/v1/lookup", params={"q": "cam_100%"}).json()
    assert [r["model"] for r in exact] == ["CAM_100%"]
    view = exact[0]
    assert view["manufacturer"]["slug"] == "acme" and view["statement"]["status"] == "published"
    assert view["reporting"]["report_form"] == "/report/acme" and view["support_period"]["end_date"] == "2031-12-31"
    assert w.get("anonymous", f"/api/v1/public/products/{view['id']}").json() == view

    # `_` and `%` are literal: "m_1" matches no "CAMX1000"-like model through a wildcard
    assert w.get("anonymous", "/api/v1/lookup", params={"q": "m_1"}).json() == [view]
    assert [r["model"] for r in w.get("anonymous", "/api/v1/lookup", params={"q": "%"}).json()] == ["CAM_100%"]
    models = [r["model"] for r in w.get("anonymous", "/api/v1/lookup", params={"q": "cam"}).json()]
    assert set(models[:2]) == {"CAM_100%", "CAMX1000"} and models[2:] == ["CAM-NOSTATEMENT"]
    # known without a statement: found, and says exactly that
    bare = w.get("anonymous", "/api/v1/lookup", params={"q": "nostatement"}).json()
    assert [(b["model"], b["statement"], b["statement_on_record"]) for b in bare] == [("CAM-NOSTATEMENT", None, False)]
    assert w.get("anonymous", f"/api/v1/public/products/{hidden['public_id']}").json() == bare[0]
    r = w.get("anonymous", "/api/v1/public/products/P-NO-SUCH-ID")
    assert r.status_code == 404 and "no published product" in r.text
    with w.app.state.psti.factory() as db:  # the registry library's view of the same product
        assert products.public_product(db, view["id"]) == view
    page = w.get("anonymous", f"/products/{view['id']}")
    assert page.status_code == 200 and "CAM_100%" in page.text
    assert w.get("anonymous", f"/products/{view['id']}/label.svg").headers["content-type"].startswith("image/svg")


def test_each_public_answer_is_one_sql_statement(world_any: World) -> None:
    """By id (with or without a statement) and by exact model, anonymous look-ups on the API
    and the pages cost the database exactly one statement, as the database sees it: SQLite's
    own trace of what it runs, PostgreSQL's wire protocol (one exchange, ending outside any
    transaction). No BEGIN/ROLLBACK, no session, no second query for products without a
    statement."""
    w = world_any
    p = w.product("acme", "ONEQ-1", "2031-12-31")
    w.statement("acme", p["id"])
    bare = w.product("acme", "ONEQ-2", "2031-12-31")
    engine = w.app.state.psti.engine
    worker = w.app.state.psti.worker  # its polling for jobs is not the request's
    seen: list[str] = []
    traces: dict[int, Any] = {}

    def checkout(dbapi_conn: Any, record: Any, proxy: Any) -> None:
        if worker is not None and threading.current_thread().name == worker.name:
            return
        if engine.dialect.name == "sqlite":
            dbapi_conn.set_trace_callback(seen.append)
        else:
            traces[id(dbapi_conn)] = f = tempfile.TemporaryFile("w+")  # noqa: SIM115 (closed at check-in)
            dbapi_conn.pgconn.trace(f.fileno())
            dbapi_conn.pgconn.set_trace_flags(psycopg.pq.Trace.SUPPRESS_TIMESTAMPS)

    def checkin(dbapi_conn: Any, record: Any) -> None:
        if engine.dialect.name == "sqlite":
            dbapi_conn.set_trace_callback(None)
        elif (f := traces.pop(id(dbapi_conn), None)) is not None:
            dbapi_conn.pgconn.untrace()
            f.seek(0)
            seen.extend(line for line in f.read().splitlines() if "ReadyForQuery" in line)
            f.close()

    urls = [
        f"/api/v1/public/products/{p['public_id']}",
        f"/api/v1/public/products/{bare['public_id']}",
        "/api/v1/lookup?q=oneq-1",
        "/api/v1/lookup?q=ONEQ-2",
        f"/products/{p['public_id']}",
        f"/products/{bare['public_id']}",
        "/lookup?q=oneq-1",
    ]
    event.listen(engine, "checkout", checkout)
    event.listen(engine, "checkin", checkin)
    try:
        for url in urls:
            seen.clear()
            r = w.get("anonymous", url)
            assert r.status_code == 200, (url, r.text)
            assert len(seen) == 1, (url, seen)
            if engine.dialect.name == "sqlite":
                assert seen[0].lstrip().upper().startswith("SELECT"), seen
            else:
                assert seen[0].rstrip().endswith("ReadyForQuery\t I"), seen  # I: idle, no transaction open
    finally:
        event.remove(engine, "checkout", checkout)
        event.remove(engine, "checkin", checkin)
    found = w.get("anonymous", "/api/v1/lookup?q=ONEQ-2").json()
    assert [(f["model"], f["statement_on_record"]) for f in found] == [("ONEQ-2", False)]


def test_anonymous_pages_set_no_cookie_and_signed_in_pages_keep_navigation(world_any: World) -> None:
    w = world_any
    p = w.product("acme", "NAV-1", "2031-12-31")
    w.statement("acme", p["id"])
    for url in (f"/products/{p['public_id']}", "/lookup?q=nav-1", "/lookup"):
        r = w.client.get(url, headers={"cookie": ""})
        assert r.status_code == 200 and "set-cookie" not in r.headers, url
        assert r.headers["x-frame-options"] == "DENY" and "script-src 'self'" in r.headers["content-security-policy"]
        assert r.headers["x-content-type-options"] == "nosniff" and ">Sign in<" in r.text and "Dashboard" not in r.text
        signed_in = w.get("acme", url)
        assert signed_in.status_code == 200 and "Dashboard" in signed_in.text and ">Sign in<" not in signed_in.text
    api = w.get("anonymous", f"/api/v1/public/products/{p['public_id']}")
    assert api.headers["content-type"] == "application/json" and api.headers["x-content-type-options"] == "nosniff"
    assert "x-frame-options" not in api.headers
    missing = w.get("anonymous", "/products/P-NO-SUCH-ID")
    assert missing.status_code == 404 and "No published product P-NO-SUCH-ID" in missing.text


def test_public_routes_matched_first_shadow_no_other_route() -> None:
    """The public routes are matched before every other area's; none of them may match a
    path another route serves with the same method (else that route could not be reached)."""
    first = [r for r in (*public.api.routes, *public.pages.routes) if isinstance(r, APIRoute)]
    checked = 0
    for area in AREAS:
        if area is public:
            continue
        for route in (*area.api.routes, *area.pages.routes):
            if not isinstance(route, APIRoute):
                continue
            path = re.sub(r"\{[^}]+\}", "x1", route.path)
            checked += 1
            for p in first:
                assert not (p.methods & route.methods and p.path_regex.match(path)), (p.path, route.path)
    assert checked > 50


def test_lookups_recover_after_the_database_drops_their_connections(world_any: World) -> None:
    """Look-ups run on the driver's cursor, so their own code notices a lost connection:
    after PostgreSQL ends every connection, at most one look-up fails, then all succeed."""
    w = world_any
    engine = w.app.state.psti.engine
    if engine.dialect.name != "postgresql":
        pytest.skip("SQLite has no server to drop connections")
    p = w.product("acme", "DROP-1", "2031-12-31")
    w.statement("acme", p["id"])
    url = f"/api/v1/public/products/{p['public_id']}"
    for _ in range(8):  # several pooled connections have served look-ups
        assert w.get("anonymous", url).status_code == 200
    admin = create_engine(engine.url, poolclass=NullPool)
    with admin.connect() as c:
        ended = c.execute(
            text(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                "WHERE datname = current_database() AND pid <> pg_backend_pid()"
            )
        ).scalar()
    admin.dispose()
    assert ended
    outcomes = []
    for _ in range(6):
        try:
            outcomes.append(w.get("anonymous", url).status_code)
        except psycopg.OperationalError:  # the test client re-raises what the server met
            outcomes.append(500)
    assert outcomes.count(500) <= 1 and outcomes[-5:] == [200] * 5, outcomes
