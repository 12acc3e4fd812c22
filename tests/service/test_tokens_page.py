"""The API-token page: list your own tokens, make one with an expiry, revoke one with a
form protected by the session's CSRF token; every change in the audit log, as through the API."""

from __future__ import annotations

import re

from psti.store.models import AuditEvent
from tests.service.conftest import PASSWORD, World


def _sign_in(w: World, who: str) -> str:
    """A browser session for `who` on the test client; returns its CSRF token."""
    w.client.cookies.clear()
    r = w.client.post("/api/v1/session", json={"email": w.emails[who], "password": PASSWORD})
    assert r.status_code == 200, r.text
    return str(r.json()["csrf_token"])


def _actions(w: World) -> list[tuple[str, str, dict]]:
    with w.app.state.psti.factory() as db:
        return [(e.action, e.target, e.details) for e in db.query(AuditEvent).order_by(AuditEvent.id)]


def _works(w: World, token: str) -> bool:
    r = w.client.get("/api/v1/me", headers={"Authorization": f"Bearer {token}"})
    assert r.status_code in (200, 401), r.text
    return r.status_code == 200


def test_create_list_and_revoke_from_the_page(world: World) -> None:
    w = world
    csrf = _sign_in(w, "acme")
    page = w.client.get("/manage/tokens")
    assert page.status_code == 200
    assert 'id="new-token"' in page.text and 'value="90"' in page.text  # the default expiry

    # made on the page: shown once, with the expiry asked for
    r = w.client.post("/manage/tokens", data={"csrf_token": csrf, "name": "nightly export", "days": "7"})
    assert r.status_code == 200, r.text
    token = re.search(r'<code id="token">(psti_[^<]+)</code>', r.text).group(1)  # type: ignore[union-attr]
    assert _works(w, token)
    listed = {t["name"]: t for t in w.get("acme", "/api/v1/tokens").json()}
    made = listed["nightly export"]
    assert made["status"] == "active" and made["last_used_at"] is not None  # used just now
    page = w.client.get("/manage/tokens").text
    row = re.search(rf'<tr id="token-{made["id"]}">(.*?)</tr>', page, re.S).group(1)  # type: ignore[union-attr]
    assert "nightly export" in row and ">active<" in row.replace(" ", "")
    assert made["expires_at"][:10] in row  # the expiry, as a <time datetime=…>
    assert "not yet" not in row  # its last use is shown

    # revoking needs the form's CSRF token
    url = f"/manage/tokens/{made['id']}/revoke"
    assert w.client.post(url, data={"csrf_token": "stale"}, follow_redirects=False).status_code == 403
    assert w.client.post(url, data={}, follow_redirects=False).status_code == 403
    assert _works(w, token)
    r = w.client.post(url, data={"csrf_token": csrf}, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/manage/tokens"
    assert not _works(w, token)
    page = w.client.get("/manage/tokens").text
    row = re.search(rf'<tr id="token-{made["id"]}">(.*?)</tr>', page, re.S).group(1)  # type: ignore[union-attr]
    assert "revoked" in row and "Revoke</button>" not in row

    events = _actions(w)
    creates = [e for e in events if e[0] == "api_token.create" and e[2].get("name") == "nightly export"]
    revokes = [e for e in events if e[0] == "api_token.revoke" and e[2].get("token_id") == made["id"]]
    assert creates and creates[0][2]["days"] == 7
    assert len(revokes) == 1  # and only once: the refused attempts wrote nothing


def test_creating_needs_csrf_and_a_sane_expiry(world: World) -> None:
    w = world
    csrf = _sign_in(w, "shop")
    before = len(w.get("shop", "/api/v1/tokens").json())
    assert w.client.post("/manage/tokens", data={"name": "x", "days": "30"}).status_code == 403
    for days in ("0", "366", "-1"):
        r = w.client.post("/manage/tokens", data={"csrf_token": csrf, "name": "x", "days": days})
        assert r.status_code == 422, (days, r.status_code)
        assert "1-365 days" in r.text
    assert len(w.get("shop", "/api/v1/tokens").json()) == before


def test_each_user_sees_only_their_own_tokens(world: World) -> None:
    w = world
    w.post("acme", "/api/v1/tokens", json={"name": "acme-secret-pipeline", "days": 10})
    tok = next(t for t in w.get("acme", "/api/v1/tokens").json() if t["name"] == "acme-secret-pipeline")
    for who in ("acme2", "globex", "shop", "officer", "researcher", "admin"):
        _sign_in(w, who) if who != "admin" else None
        page = w.get(who, "/manage/tokens") if who == "admin" else w.client.get("/manage/tokens")
        assert page.status_code == 200, who
        assert "acme-secret-pipeline" not in page.text, who
        assert f'id="token-{tok["id"]}"' not in page.text, who
    # a colleague in the same organisation cannot revoke it either (the API's rule: owner or admin)
    csrf = _sign_in(w, "acme2")
    r = w.client.post(f"/manage/tokens/{tok['id']}/revoke", data={"csrf_token": csrf})
    assert r.status_code == 404
    assert next(t for t in w.get("acme", "/api/v1/tokens").json() if t["id"] == tok["id"])["status"] == "active"


def test_anonymous_is_sent_to_sign_in(world: World) -> None:
    w = world
    w.client.cookies.clear()
    r = w.client.get("/manage/tokens", follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/login"
    assert w.client.post("/manage/tokens/1/revoke", data={}).status_code in (401, 403)


def test_names_are_escaped(world: World) -> None:
    w = world
    name = '<img src=x onerror="alert(1)">&'
    w.post("researcher", "/api/v1/tokens", json={"name": name})
    _sign_in(w, "researcher")
    text = w.client.get("/manage/tokens").text
    assert "<img src=x" not in text
    assert "&lt;img src=x onerror=&#34;alert(1)&#34;&gt;&amp;" in text


def test_expired_tokens_show_as_expired(world: World) -> None:
    import datetime as dt

    from psti.store.models import ApiToken

    w = world
    w.post("imp", "/api/v1/tokens", json={"name": "old", "days": 1})
    with w.app.state.psti.factory() as db, db.begin():
        row = db.query(ApiToken).filter(ApiToken.name == "old").one()
        row.expires_at = dt.datetime.now(dt.UTC) - dt.timedelta(hours=1)
        old_id = row.id
    _sign_in(w, "imp")
    page = w.client.get("/manage/tokens").text
    row_html = re.search(rf'<tr id="token-{old_id}">(.*?)</tr>', page, re.S).group(1)  # type: ignore[union-attr]
    assert "expired" in row_html and "Revoke</button>" not in row_html
