"""Sessions with CSRF protection, argon2 password hashes, rate limits, safe attachments."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

from psti.store.models import User
from tests.service.conftest import PASSWORD, World


def _session(w: World, who: str) -> tuple[TestClient, str]:
    c = TestClient(w.app)
    r = c.post("/api/v1/session", json={"email": w.emails[who], "password": PASSWORD})
    assert r.status_code == 200, r.text
    return c, r.json()["csrf_token"]


def test_session_cookie_requests_need_the_csrf_token(world: World) -> None:
    c, csrf = _session(world, "acme")
    body = {"name": "Cam", "model": "CSRF-1"}
    r = c.post("/api/v1/products", json=body)
    assert r.status_code == 403 and "security token" in r.json()["error"]
    assert c.post("/api/v1/products", json=body, headers={"X-CSRF-Token": "wrong"}).status_code == 403
    assert c.post("/api/v1/products", json=body, headers={"X-CSRF-Token": csrf}).status_code == 201
    assert c.get("/api/v1/me").json()["email"] == world.emails["acme"]


def test_html_forms_carry_the_token(world: World) -> None:
    c, _ = _session(world, "acme")
    page = c.get("/dashboard").text
    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    r = c.post("/manage/products", data={"name": "Cam", "model": "FORM-1", "csrf_token": token}, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"].startswith("/manage/products/")
    r = c.post("/manage/products", data={"name": "Cam", "model": "FORM-2", "csrf_token": "forged"})
    assert r.status_code == 403 and "reload the page" in r.text


def test_anonymous_forms_use_a_double_submit_cookie(world: World) -> None:
    c = TestClient(world.app)
    form = c.get("/report/acme").text
    token = re.search(r'name="csrf_token" value="([^"]+)"', form).group(1)
    data = {"title": "Open port", "description": "Telnet is open on 23.", "csrf_token": token}
    assert c.post("/report/acme", data=data).status_code == 201
    other = TestClient(world.app)  # a cross-site post has no matching cookie
    assert other.post("/report/acme", data=data).status_code == 403


def test_passwords_are_hashed_with_argon2(world: World) -> None:
    with world.app.state.psti.factory() as db:
        user = db.query(User).filter(User.email == world.emails["acme"]).one()
    assert user.password_hash.startswith("$argon2id$") and PASSWORD not in user.password_hash


def test_wrong_password_and_login_rate_limit(world: World) -> None:
    c = TestClient(world.app)
    for _ in range(10):
        r = c.post("/api/v1/session", json={"email": world.emails["acme"], "password": "wrong password!"})
        assert r.status_code == 401 and r.json()["error"] == "wrong e-mail or password"
    r = c.post("/api/v1/session", json={"email": world.emails["acme"], "password": PASSWORD})
    assert r.status_code == 429 and int(r.headers["Retry-After"]) > 0


def test_report_submission_rate_limit(world: World) -> None:
    body = {"title": "t", "description": "a long enough description"}
    codes = [world.post("anonymous", "/api/v1/manufacturers/acme/reports", json=body).status_code for _ in range(7)]
    assert codes[:5] == [201] * 5 and codes[5:] == [429, 429]


def test_bad_and_revoked_tokens(world: World) -> None:
    assert world.client.get("/api/v1/me", headers={"Authorization": "Bearer nope"}).status_code == 401
    assert world.client.get("/api/v1/me", headers={"Authorization": "Basic abc"}).status_code == 401
    assert world.client.get("/api/v1/me").status_code == 401


def test_attachments_are_downloads_never_rendered(world: World) -> None:
    rep = world.post(
        "anonymous",
        "/api/v1/manufacturers/acme/reports",
        json={"title": "t", "description": "a long enough description"},
    ).json()
    att = world.client.post(
        f"/api/v1/reports/{rep['id']}/attachments",
        headers={"X-Report-Token": rep["follow_up_token"]},
        files={"file": ("../../etc/passwd.html", b"<script>alert(1)</script>")},
    ).json()
    assert att["filename"] == "passwd.html"
    r = world.get("acme", f"/api/v1/reports/{rep['id']}/attachments/{att['id']}")
    assert r.headers["content-type"] == "application/octet-stream"
    assert r.headers["content-disposition"].startswith("attachment;")
    assert r.headers["content-security-policy"] == "sandbox"
    assert r.content == b"<script>alert(1)</script>"


def test_pages_escape_user_input_and_send_security_headers(world: World) -> None:
    p = world.product("acme", "<b>X</b>")
    world.statement("acme", p["id"])
    page = world.client.get(f"/products/{p['public_id']}")
    assert "&lt;b&gt;X&lt;/b&gt;" in page.text and "<b>X</b>" not in page.text
    assert "frame-ancestors 'none'" in page.headers["content-security-policy"]
    assert page.headers["x-content-type-options"] == "nosniff"


def test_error_pages_keep_the_signed_in_navigation_and_logout_ends_the_session(world: World) -> None:
    c, csrf = _session(world, "acme")
    page = c.get("/manage/products/999999")
    assert page.status_code == 404 and "Sign out" in page.text
    r = c.post("/logout", data={"csrf_token": csrf}, follow_redirects=False)
    assert r.status_code == 303
    assert c.get("/api/v1/me").status_code == 401


def test_researcher_registers_and_creates_an_api_token(world: World) -> None:
    c = TestClient(world.app)
    token = re.search(r'name="csrf_token" value="([^"]+)"', c.get("/register").text).group(1)
    r = c.post("/register", data={"email": "new@research.example", "password": "short", "csrf_token": token})
    assert r.status_code == 422 and "12 characters" in r.text
    r = c.post(
        "/register",
        data={"email": "new@research.example", "password": "long enough pass", "csrf_token": token},
        follow_redirects=False,
    )
    assert r.status_code == 303
    assert (
        c.post(
            "/api/v1/researchers", json={"email": "x@research.example", "password": "long enough pass", "role": "admin"}
        ).status_code
        == 403
    )
    r = c.post("/api/v1/session", json={"email": "new@research.example", "password": "long enough pass"})
    csrf = r.json()["csrf_token"]
    page = c.post("/dashboard/tokens", data={"csrf_token": csrf, "name": "ci"})
    api_token = re.search(r'<code id="token">(psti_[^<]+)</code>', page.text).group(1)
    me = TestClient(world.app).get("/api/v1/me", headers={"Authorization": f"Bearer {api_token}"}).json()
    assert me["email"] == "new@research.example" and me["role"] == "researcher"
