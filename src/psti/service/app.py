"""The FastAPI application: `create_app(settings)` assembles the store, the routes of
`psti.service.routes`, error pages and response headers.
"""

from __future__ import annotations

import logging
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from sqlalchemy import Engine

from psti import __version__
from psti.registry import keys
from psti.registry.blobs import BlobStore
from psti.service import apidocs, auth
from psti.service.accounts import ensure_admin
from psti.service.context import Ctx
from psti.service.deps import State
from psti.service.errors import ServiceError, TooManyRequests
from psti.service.headers import SecurityHeaders
from psti.service.intake import Intake
from psti.service.routes import (
    accounts,
    audit,
    bundles,
    catalogues,
    enforcement,
    products,
    public,
    reports,
    signing_keys,
    statements,
)
from psti.service.settings import Settings
from psti.service.worker import make_worker
from psti.store import db as store_db
from psti.store import logkey
from psti.store.seal import seal_logs

HERE = Path(__file__).parent
log = logging.getLogger("psti.service")

# The order routes are matched in: every JSON route, then every page.
AREAS = (accounts, products, statements, signing_keys, public, catalogues, reports, audit, enforcement, bundles)


def create_app(settings: Settings | None = None, engine: Engine | None = None) -> FastAPI:
    settings = settings or Settings()
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    url = settings.database_url or store_db.default_url(settings.data_dir)
    engine = engine or store_db.open_database(url)
    store_db.upgrade(engine)
    factory = store_db.session_factory(engine)
    if settings.key_encryption_key is None:
        settings.key_encryption_key = keys.load_kek(None)  # PSTI_KEY_ENCRYPTION_KEY, if set
    if settings.key_encryption_key is not None:
        with factory() as db, db.begin():
            keys.seal_plaintext_keys(db, settings.key_encryption_key)
    seal_logs(
        engine, factory, logkey.resolve(settings.log_key_file, settings.data_dir, anchor=settings.log_anchor_file)
    )
    blobs = BlobStore(settings.data_dir / "files")
    templates = Jinja2Templates(directory=str(HERE / "templates"))
    templates.env.auto_reload = False  # packaged templates: compiled once, not checked on disk per page
    st = State(settings, engine, factory, blobs, auth.RateLimiter(factory), templates)

    if settings.bootstrap_admin:
        with factory() as db, db.begin():
            ensure_admin(Ctx(db, auth.ANONYMOUS, settings, blobs), *settings.bootstrap_admin)

    @asynccontextmanager
    async def lifespan(app: FastAPI):  # type: ignore[no-untyped-def]
        if settings.start_worker:
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

    # The public look-ups, the busiest routes, are matched first (in the fewest steps); no
    # other route shares their paths (tests/service/test_lookup.py checks), so the order
    # changes nothing else.
    app.include_router(public.api)
    app.include_router(public.pages)
    for area in AREAS:
        if area is not public:
            app.include_router(area.api)
    for area in AREAS:
        if area is not public:
            app.include_router(area.pages)
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    app.add_middleware(SecurityHeaders)
    # Outermost: who is asking and how much they send are settled before any route runs.
    app.add_middleware(Intake, settings=settings, factory=factory)
    return app
