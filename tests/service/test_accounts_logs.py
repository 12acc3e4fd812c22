"""Tokens that expire and can be listed and revoked, deactivated users, registration that
reveals nothing, strong passwords, security events in the sealed audit log, formula-safe
CSV, private database files, and the log key's checks at start-up."""

from __future__ import annotations

import csv
import datetime as dt
import io
import stat
import sys
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from openpyxl import load_workbook
from sqlalchemy import update

from psti.cli import app as cli_app
from psti.cli.output import run_guarded
from psti.service.app import create_app
from psti.store import anchor, logkey
from psti.store.models import ApiToken

from .conftest import PASSWORD, World, make_settings


def _actions(w: World) -> list[str]:
    return [e["action"] for e in w.get("officer", "/api/v1/audit", params={"limit": 1000}).json()]


def test_tokens_expire_list_and_revoke(world: World) -> None:
    w = world
    r = w.post("acme", "/api/v1/tokens", json={"name": "ci", "days": 7})
    assert r.status_code == 201, r.text
    token = r.json()["token"]
    mine = w.get("acme", "/api/v1/tokens").json()
    ci = next(t for t in mine if t["name"] == "ci")
    expires = dt.datetime.fromisoformat(ci["expires_at"])
    assert dt.timedelta(days=6) < expires - dt.datetime.now(dt.UTC) <= dt.timedelta(days=7)
    assert "token" not in ci and not ci["revoked"]
    assert w.post("acme", "/api/v1/tokens", json={"name": "x", "days": 400}).status_code == 422
    auth = {"Authorization": f"Bearer {token}"}
    assert w.client.get("/api/v1/me", headers=auth).status_code == 200
    # another organisation cannot see or revoke it
    assert ci["id"] not in [t["id"] for t in w.get("globex", "/api/v1/tokens").json()]
    assert w.client.delete(f"/api/v1/tokens/{ci['id']}", headers=w.h("globex")).status_code == 404
    r = w.client.delete(f"/api/v1/tokens/{ci['id']}", headers=w.h("acme"))
    assert r.status_code == 200 and r.json()["revoked"] and r.json()["revoked_at"]
    assert w.client.get("/api/v1/me", headers=auth).status_code == 401
    # an expired token is refused
    token2 = w.post("acme", "/api/v1/tokens", json={"name": "short"}).json()["token"]
    with w.app.state.psti.factory() as db, db.begin():
        db.execute(update(ApiToken).where(ApiToken.name == "short").values(expires_at=dt.datetime.now(dt.UTC)))
    r = w.client.get("/api/v1/me", headers={"Authorization": f"Bearer {token2}"})
    assert r.status_code == 401 and "expired" in r.text
    assert {"api_token.create", "api_token.revoke"} <= set(_actions(w))


def test_deactivated_user_loses_sessions_and_tokens(world: World) -> None:
    w = world
    c = TestClient(w.app)
    assert c.post("/api/v1/session", json={"email": w.emails["globex"], "password": PASSWORD}).status_code == 200
    assert c.get("/api/v1/me").status_code == 200
    me = w.get("globex", "/api/v1/me").json()
    assert w.post("acme", f"/api/v1/users/{me['id']}/deactivate").status_code == 403
    r = w.post("admin", f"/api/v1/users/{me['id']}/deactivate")
    assert r.status_code == 200 and r.json()["active"] is False
    assert c.get("/api/v1/me").status_code == 401  # the session ended
    assert w.get("globex", "/api/v1/me").status_code == 401  # the token stopped working
    assert c.post("/api/v1/session", json={"email": w.emails["globex"], "password": PASSWORD}).status_code == 401
    assert w.post("admin", f"/api/v1/users/{me['id']}/activate").json()["active"] is True
    assert w.get("globex", "/api/v1/me").status_code == 200
    assert {"user.deactivate", "user.activate"} <= set(_actions(w))


def test_registration_reveals_nothing_and_refuses_weak_passwords(world: World) -> None:
    c = TestClient(world.app)
    weak = c.post("/api/v1/researchers", json={"email": "new@research.example", "password": "aaaaaaaaaaaa"})
    assert weak.status_code == 422 and "guess" in weak.text
    own = c.post("/api/v1/researchers", json={"email": "pat@research.example", "password": "pat research example"})
    assert own.status_code == 422  # built from the address
    new = c.post("/api/v1/researchers", json={"email": "new@research.example", "password": "violet tram oboe lantern"})
    taken = c.post("/api/v1/researchers", json={"email": world.emails["acme"], "password": "violet tram oboe lantern"})
    assert new.status_code == taken.status_code == 202
    assert new.json() == taken.json()
    # the existing account is untouched: its password still works, the new one does not
    assert c.post("/api/v1/session", json={"email": world.emails["acme"], "password": PASSWORD}).status_code == 200
    assert (
        c.post(
            "/api/v1/session", json={"email": "new@research.example", "password": "violet tram oboe lantern"}
        ).status_code
        == 200
    )
    assert "user.register.existing" in _actions(world)


def test_failed_sign_in_and_logout_are_logged_and_the_chain_holds(world: World) -> None:
    w = world
    c = TestClient(w.app)
    r = c.post("/api/v1/session", json={"email": w.emails["acme"], "password": "wrong password here"})
    assert r.status_code == 401
    events = w.get("officer", "/api/v1/audit", params={"limit": 5}).json()
    assert events[0]["action"] == "login.fail" and events[0]["actor"] == f"anonymous:{w.emails['acme']}"
    csrf = c.post("/api/v1/session", json={"email": w.emails["acme"], "password": PASSWORD}).json()["csrf_token"]
    assert c.post("/logout", data={"csrf_token": csrf}, follow_redirects=False).status_code == 303
    assert _actions(w)[0] == "logout"
    check = w.get("officer", "/api/v1/audit/verify").json()
    assert check["ok"] is True, check


def test_audit_verify_reports_a_log_behind_its_anchor(world: World) -> None:
    """The service's own check (API and the officer's page) compares the log with the heads
    anchored outside the database: a database put back behind its anchor is reported."""
    w = world
    check = w.get("officer", "/api/v1/audit/verify").json()
    assert check["ok"] is True and check["anchor"]["problems"] == [], check
    assert check["anchor"]["anchored_events"] <= check["events"]
    with w.app.state.psti.factory() as s:
        key = logkey.for_session(s)
    # the heads as they would stand had the database held 10 more events before a restore
    anchor.append(key, [anchor.Head("audit", check["events"] + 10, "0" * 64)])
    check = w.get("officer", "/api/v1/audit/verify").json()
    assert check["ok"] is False, check
    assert any("rolled back or events removed" in p for p in check["anchor"]["problems"]), check
    page = w.get("officer", "/audit").text
    assert "anchor-problem" in page and "rolled back or events removed" in page


def test_csv_export_does_not_carry_formulas(world: World) -> None:
    w = world
    data = 'manufacturer,model,statement\n=HYPERLINK("http://evil.example"),@SUM(A1),\n-2+3,+cmd,\n'
    r = w.post("shop", "/api/v1/catalogues", files={"file": ("stock.csv", data.encode(), "text/csv")})
    assert r.status_code == 202, r.text
    cat = r.json()
    assert w.wait_job("shop", cat["job"]["id"])["status"] == "done"
    exported = list(csv.reader(io.StringIO(w.get("shop", f"/api/v1/catalogues/{cat['id']}/export.csv").text)))
    cells = [c for row in exported[1:] for c in row[1:3]]
    assert cells == ['\'=HYPERLINK("http://evil.example")', "'@SUM(A1)", "'-2+3", "'+cmd"]
    xlsx = w.get("shop", f"/api/v1/catalogues/{cat['id']}/export.xlsx")
    ws = load_workbook(io.BytesIO(xlsx.content)).active
    assert ws.cell(2, 2).value == '\'=HYPERLINK("http://evil.example")' and ws.cell(2, 2).data_type == "s"
    assert "job.done" in _actions(w)


def test_sqlite_files_and_log_key_are_private(tmp_path: Path) -> None:
    app = create_app(make_settings(tmp_path, f"sqlite:///{tmp_path / 'db.sqlite3'}", start_worker=False))
    app.state.psti.engine.dispose()
    for f in [tmp_path / "db.sqlite3", tmp_path / "data" / "log.key"]:
        assert stat.S_IMODE(f.stat().st_mode) == 0o600, f


def test_log_key_missing_or_swapped_stops_the_service(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'db.sqlite3'}"
    with pytest.raises(logkey.LogKeyError, match="does not exist.*psti audit new-key"):
        create_app(make_settings(tmp_path, url, start_worker=False, log_key_file=tmp_path / "missing.key"))
    first = logkey.create(tmp_path / "first.key")
    create_app(make_settings(tmp_path, url, start_worker=False, log_key_file=first.path)).state.psti.engine.dispose()
    other = logkey.create(tmp_path / "other.key")
    with pytest.raises(logkey.LogKeyError, match=f"sealed with log key {first.key_id}"):
        create_app(make_settings(tmp_path, url, start_worker=False, log_key_file=other.path))


def test_audit_verify_command_names_the_first_bad_event(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from sqlalchemy import text

    url = f"sqlite:///{tmp_path / 'db.sqlite3'}"
    key = logkey.create(tmp_path / "log.key")
    app = create_app(make_settings(tmp_path, url, start_worker=False, log_key_file=key.path))
    engine = app.state.psti.engine

    def verify() -> tuple[int, str]:
        monkeypatch.setattr(sys, "argv", ["psti", "audit", "verify", "--database", url, "--log-key", str(key.path)])
        code = run_guarded(cli_app)
        out, err = capsys.readouterr()
        return code, out + err

    code, out = verify()
    assert code == 0 and "audit log intact: 1 events, sealed from event 1" in out  # the first administrator
    with engine.begin() as conn:
        conn.execute(text("DROP TRIGGER audit_event_no_update"))
        conn.execute(text("UPDATE audit_event SET actor = 'mallory' WHERE id = 1"))
    engine.dispose()
    code, out = verify()
    assert code == 1 and "broken at event 1" in out
