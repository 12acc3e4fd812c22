"""What every route needs: the app's state, a transaction per request, CSRF checks,
bounded uploads, and the page renderer.

Every request that changes data runs in one database transaction (`tx`), so a failure
anywhere leaves nothing half-written; the audit event commits or rolls back with it.
"""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass
from typing import Any

from fastapi import Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse
from fastapi.templating import Jinja2Templates
from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from psti.registry.blobs import BlobStore
from psti.service import accounts, auth, guessing
from psti.service.context import Ctx
from psti.service.errors import Forbidden, TooLarge
from psti.service.settings import Settings
from psti.store import db as store_db
from psti.store.jobs import Worker


@dataclass
class State:
    settings: Settings
    engine: Engine
    factory: sessionmaker[Session]
    blobs: BlobStore
    limiter: auth.RateLimiter
    templates: Jinja2Templates
    worker: Worker | None = None


def state(request: Request) -> State:
    return request.app.state.psti  # type: ignore[no-any-return]


@contextmanager
def tx(request: Request) -> Iterator[Ctx]:
    """One transaction for the request, with the caller resolved from cookie or token."""
    st = state(request)
    # GET pages only read: a deferred BEGIN on SQLite, so they never queue behind writers.
    mode = store_db.reading() if request.method in ("GET", "HEAD") else nullcontext()
    with mode, st.factory() as db, db.begin():
        who = auth.resolve(db, request.cookies.get(auth.SESSION_COOKIE), request.headers.get("authorization"))
        yield Ctx(db, who, st.settings, st.blobs)
    auth.note_token_use(st.factory, who)


@contextmanager
def read_session(request: Request) -> Iterator[Session]:
    """A read-only session for public look-ups."""
    with store_db.reading(), state(request).factory() as db:
        yield db


def client_ip(request: Request) -> str:
    """The peer's address. Behind `psti serve --trusted-proxy ADDR` the server takes it from
    that proxy's X-Forwarded-For; from anyone else the header is ignored."""
    return request.client.host if request.client else "unknown"


def limit_sign_in(request: Request, email: str) -> None:
    """Sign-in attempts: per address, per account from that address, and, for an account
    failing from many addresses, only from known or clean addresses (`psti.service.guessing`).

    The account limit is keyed on account and address together, so nobody can lock a
    user out by failing to sign in as them from elsewhere; guessing one password from
    many addresses meets the account's guard.
    """
    st = state(request)
    ip = client_ip(request)
    st.limiter.hit(f"login-ip:{ip}", st.settings.login_ip_limit, "sign-in attempts")
    st.limiter.hit(f"login-account:{email.strip().lower()}|{ip}", st.settings.login_limit, "sign-in attempts")
    guessing.check(st.limiter, email, ip, st.settings.login_guard)


def sign_in_failed(request: Request, email: str) -> None:
    """A refused sign-in: logged in its own transaction, and counted for the account's guard."""
    st = state(request)
    ip = client_ip(request)
    accounts.log_failed_login(st.factory, email, ip)
    guessing.failed(st.limiter, email, ip, st.settings.login_guard)


def sign_in_succeeded(request: Request, email: str) -> None:
    st = state(request)
    guessing.succeeded(st.limiter, email, client_ip(request), st.settings.known_address_days)


def check_csrf(request: Request, ctx: Ctx, form_token: str | None = None, *, page: bool = False) -> None:
    """Unsafe requests riding on a session cookie must echo its CSRF token.

    Pages also protect anonymous forms (sign-in, reports) with a double-submit cookie.
    Requests with a bearer token carry no ambient authority and need none.
    """
    sent = form_token or request.headers.get("x-csrf-token") or ""
    if ctx.who.via == "session":
        expected = ctx.who.csrf_token or ""
    elif ctx.who.via == "none" and page:
        expected = request.cookies.get(auth.ANON_CSRF_COOKIE, "")
    else:
        return
    if not expected or not secrets.compare_digest(sent, expected):
        raise Forbidden("the form's security token is missing or stale: reload the page and try again")


def read_limited(upload: UploadFile, limit: int) -> bytes:
    """The upload's bytes, or TooLarge once more than `limit` have arrived."""
    data = upload.file.read(limit + 1)
    if len(data) > limit:
        raise TooLarge(f"{upload.filename or 'the file'} is larger than the limit of {limit:,} bytes")
    return data


def render(request: Request, template: str, ctx: Ctx | None, status: int = 200, **values: Any) -> HTMLResponse:
    """A page from the service's templates, with who is signed in and the form token."""
    st = state(request)
    who = ctx.who if ctx else auth.ANONYMOUS
    anon_csrf = request.cookies.get(auth.ANON_CSRF_COOKIE) or secrets.token_urlsafe(24)
    csrf = who.csrf_token if who.via == "session" else anon_csrf
    response = st.templates.TemplateResponse(
        request,
        template,
        {"who": who, "csrf": csrf, "today": dt.date.today(), **values},
        status_code=status,
    )
    if who.via != "session" and not request.cookies.get(auth.ANON_CSRF_COOKIE):
        response.set_cookie(
            auth.ANON_CSRF_COOKIE,
            anon_csrf,
            httponly=True,
            samesite="strict",
            secure=st.settings.secure_cookies,
        )
    return response


def redirect(url: str) -> RedirectResponse:
    """After a form: see the result with a GET (303)."""
    return RedirectResponse(url, status_code=303)
