"""Guessing one account's password from many addresses, against a real `psti serve` with two
worker processes: once the account has failed from many addresses, further guesses from
addresses that have been failing get 429 and Retry-After (before the password is checked),
while the real user still signs in from an address they used before or from a clean one.

Every address in 127.0.0.0/8 reaches the loopback interface, so each client binds its own
source address and the server sees a different peer, as it would from a botnet.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

import httpx
import pytest

from psti.service.settings import Settings
from tests.service.live import LiveServer, seed
from tests.store.conftest import fresh_postgres_database

PASSWORD = "a-long-test-password"
GUARD = Settings().login_guard[0]  # failures from all addresses before the account is guarded


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def server(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[LiveServer, dict[str, str]]]:
    tmp = tmp_path_factory.mktemp("live-guessing")
    (tmp / "data").mkdir()
    databases = fresh_postgres_database() if request.param == "postgresql" else None
    url = next(databases) if databases else None
    srv = LiveServer(tmp / "data", database=url, workers=2).start()
    try:
        yield srv, seed(srv.url, PASSWORD)
    finally:
        srv.stop()
        if databases:
            with contextlib.suppress(StopIteration):
                next(databases)


def _sign_in(srv: LiveServer, address: str, email: str, password: str) -> httpx.Response:
    transport = httpx.HTTPTransport(local_address=address)
    with httpx.Client(base_url=srv.url, transport=transport, timeout=30) as c:
        return c.post("/api/v1/session", json={"email": email, "password": password})


def test_many_address_guessing_is_refused_and_the_user_still_signs_in(
    server: tuple[LiveServer, dict[str, str]],
) -> None:
    srv, emails = server
    user = emails["shop"]
    home = "127.0.0.200"  # where the user signs in from every day
    assert _sign_in(srv, home, user, PASSWORD).status_code == 200

    # a first guess from each of many addresses: each address is clean, so each is tried
    attackers = [f"127.0.1.{i}" for i in range(1, GUARD + 6)]
    first = [_sign_in(srv, a, user, f"guess-{a}").status_code for a in attackers]
    assert first == [401] * len(attackers), first

    # the account is now guarded: a second guess from any of them is refused unchecked,
    # even with the right password (so a refusal tells the guesser nothing)
    for a in attackers[:8]:
        r = _sign_in(srv, a, user, f"again-{a}")
        assert r.status_code == 429, (a, r.status_code, r.text)
        assert 1 <= int(r.headers["Retry-After"]) <= 2 * Settings().login_guard[1] + 1
        assert "signed in from before" in r.json()["error"]
    r = _sign_in(srv, attackers[-1], user, PASSWORD)
    assert r.status_code == 429 and "Retry-After" in r.headers

    # another account is not affected
    assert _sign_in(srv, "127.0.3.1", emails["acme"], PASSWORD).status_code == 200

    # the real user: from home, even after a typo there
    assert _sign_in(srv, home, user, "typo-password").status_code == 401
    assert _sign_in(srv, home, user, PASSWORD).status_code == 200
    # and from an address with a clean record (a new network)
    assert _sign_in(srv, "127.0.2.1", user, PASSWORD).status_code == 200

    # every refused guess that was checked is in the audit log, with its address
    officer = httpx.Client(base_url=srv.url, timeout=30)
    admin_login = officer.post("/api/v1/session", json={"email": emails["officer"], "password": PASSWORD})
    assert admin_login.status_code == 200
    events = officer.get("/api/v1/audit", params={"limit": 1000}).json()
    fails = {e["details"]["address"] for e in events if e["action"] == "login.fail" and user in e["actor"]}
    assert set(attackers) <= fails and home in fails
