"""The FastAPI application: `create_app(settings)`.

Every request that changes data runs in one database transaction (`tx`), so a failure
anywhere leaves nothing half-written; the audit event commits or rolls back with it.
"""

from __future__ import annotations

import logging
import secrets
from collections.abc import Iterator
from contextlib import asynccontextmanager, contextmanager, nullcontext
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from psti import __version__
from psti.service import apidocs, auth
from psti.service.blobs import BlobStore
from psti.service.context import Ctx
from psti.service.errors import Forbidden, ServiceError, TooManyRequests
from psti.service.settings import Settings
from psti.store import db as store_db
from psti.store.jobs import Worker

HERE = Path(__file__).parent
log = logging.getLogger("psti.service")


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


@contextmanager
def read_session(request: Request) -> Iterator[Session]:
    """A read-only session for public look-ups."""
    with store_db.reading(), state(request).factory() as db:
        yield db


def client_ip(request: Request) -> str:
    return request.client.host if request.client else "unknown"


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


def create_app(settings: Settings | None = None, engine: Engine | None = None) -> FastAPI:
    settings = settings or Settings()
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    url = settings.database_url or store_db.default_url(settings.data_dir)
    engine = engine or store_db.open_database(url)
    store_db.upgrade(engine)
    factory = store_db.session_factory(engine)
    blobs = BlobStore(settings.data_dir / "files")
    templates = Jinja2Templates(directory=str(HERE / "templates"))
    st = State(settings, engine, factory, blobs, auth.RateLimiter(), templates)

    if settings.bootstrap_admin:
        from psti.service.accounts import ensure_admin

        with factory() as db, db.begin():
            ensure_admin(Ctx(db, auth.ANONYMOUS, settings, blobs), *settings.bootstrap_admin)

    @asynccontextmanager
    async def lifespan(app: FastAPI):  # type: ignore[no-untyped-def]
        if settings.start_worker:
            from psti.service.worker import make_worker

            st.worker = make_worker(factory, settings, blobs)
            st.worker.start()
        yield
        if st.worker is not None:
            st.worker.stop()

    app = FastAPI(
        title="psti registry",
        version=__version__,
        description="Statements of compliance, catalogue checks, public product look-up and vulnerability "
        "reports for the UK PSTI regime. Authenticate with `Authorization: Bearer psti_…`.",
        lifespan=lifespan,
    )
    app.state.psti = st
    apidocs.install(app)  # /docs from packaged, same-origin assets

    @app.exception_handler(ServiceError)
    async def _service_error(request: Request, exc: ServiceError):  # type: ignore[no-untyped-def]
        headers = {"Retry-After": str(exc.retry_after)} if isinstance(exc, TooManyRequests) else None
        if request.url.path.startswith("/api/"):
            return JSONResponse(exc.to_json(), status_code=exc.status, headers=headers)
        return templates.TemplateResponse(
            request,
            "error.html",
            {"error": exc, "who": (who := _who_for_error(request)), "csrf": who.csrf_token or ""},
            status_code=exc.status,
            headers=headers,
        )

    def _who_for_error(request: Request) -> auth.Principal:
        """Who is signed in, so the error page keeps its navigation (never fails itself)."""
        try:
            with store_db.reading(), factory() as db:
                return auth.resolve(db, request.cookies.get(auth.SESSION_COOKIE), None)
        except Exception:
            return auth.ANONYMOUS

    @app.exception_handler(RequestValidationError)
    async def _validation_error(request: Request, exc: RequestValidationError):  # type: ignore[no-untyped-def]
        problems = [
            {
                "field": ".".join(str(p) for p in e["loc"][1:]) or str(e["loc"][0]),
                "message": e["msg"],
            }
            for e in exc.errors()
        ]
        err = ServiceError("the request is not valid", problems)
        if request.url.path.startswith("/api/"):
            return JSONResponse(err.to_json(), status_code=422)
        return templates.TemplateResponse(request, "error.html", {"error": err, "who": auth.ANONYMOUS}, status_code=422)

    @app.middleware("http")
    async def _headers(request: Request, call_next):  # type: ignore[no-untyped-def]
        # Refuse an announced oversized body before it is received and spooled to disk.
        length = request.headers.get("content-length", "")
        limit = settings.max_upload_bytes + 1024 * 1024  # room for the multipart envelope
        if length.isdigit() and int(length) > limit:
            err = ServiceError(f"the request is {int(length):,} bytes; the limit is {settings.max_upload_bytes:,}")
            return JSONResponse(err.to_json(), status_code=413)
        response = await call_next(request)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "same-origin")
        if isinstance(response, HTMLResponse) or response.headers.get("content-type", "").startswith("text/html"):
            response.headers.setdefault("X-Frame-Options", "DENY")
            response.headers.setdefault(
                "Content-Security-Policy",
                "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'",
            )
        return response

    from psti.service import api, enforcement_web, pages

    app.include_router(api.router)
    app.include_router(enforcement_web.api)
    app.include_router(pages.router)
    app.include_router(enforcement_web.pages)
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    return app


def json_problem(message: str, status: int, **extra: Any) -> JSONResponse:
    return JSONResponse({"error": message, **extra}, status_code=status)
