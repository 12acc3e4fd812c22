"""Public look-up: a product's support period and its statement, the label, where to report.

JSON routes under `/api/v1` (in the OpenAPI document) and the HTML pages over the same calls.

The look-ups are the registry's busiest routes, so for visitors who are not signed in each
answer is one SQL statement on a pooled connection and one step on a worker thread: the
query, then the JSON or the page, built straight into the response body (no ORM session, no
sign-in check, no form token: the anonymous pages have no form that posts). A few threads
per process answer them (PUBLIC_READS), so a burst of look-ups neither opens connections
beyond the pool nor crowds the threads every other route runs on.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import json
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from fastapi import APIRouter, Query, Request, Response
from fastapi.responses import HTMLResponse
from sqlalchemy import Connection
from starlette.concurrency import run_in_threadpool

from psti.registry import label, reports
from psti.registry.errors import NotFound
from psti.service import auth
from psti.service.deps import read_session, render, state, tx
from psti.store import db as store_db
from psti.store import lookup as public_lookup

api = APIRouter(prefix="/api/v1")
pages = APIRouter(include_in_schema=False)

PUBLIC_READS = 4  # threads per process answering anonymous look-ups at once
_readers = ThreadPoolExecutor(PUBLIC_READS, thread_name_prefix="psti-lookup")


async def _answer(request: Request, build: Callable[[Connection], Response]) -> Response:
    """`build(conn)` on a public-read thread, over a pooled connection used for single reads."""
    engine = state(request).engine

    def run() -> Response:
        with store_db.single_reads(engine) as conn:
            return build(conn)

    return await asyncio.get_running_loop().run_in_executor(_readers, run)


def _json(value: Any) -> Response:
    """The body FastAPI would send for `value`, encoded once."""
    body = json.dumps(value, ensure_ascii=False, allow_nan=False, separators=(",", ":")).encode()
    return Response(body, media_type="application/json")


def _found(view: dict[str, Any] | None, public_id: str) -> dict[str, Any]:
    if view is None:
        raise NotFound(f"no published product {public_id}")
    return view


@api.get("/lookup", tags=["public"], response_model=list[dict[str, Any]])
async def lookup(request: Request, q: str = Query(..., min_length=1, max_length=200)) -> Response:
    """Products with a statement, then products the registry knows without one
    (`statement: null`, `statement_on_record: false`)."""
    return await _answer(request, lambda conn: _json(public_lookup.search(conn, q)))


@api.get("/public/products/{public_id}", tags=["public"], response_model=dict[str, Any])
async def public_product(request: Request, public_id: str) -> Response:
    return await _answer(request, lambda conn: _json(_found(public_lookup.product(conn, public_id), public_id)))


@api.get("/manufacturers/{slug}/reporting", tags=["public"])
def reporting_contact(request: Request, slug: str) -> dict[str, Any]:
    with read_session(request) as db:
        org = reports.manufacturer_by_slug(db, slug)
        return {
            "manufacturer": org.name,
            "contact": org.reporting_contact,
            "policy_url": org.policy_url,
            "acknowledgement_days": org.acknowledgement_days,
            "status_update_days": org.status_update_days,
            "report_api": f"/api/v1/manufacturers/{org.slug}/reports",
            "report_form": f"/report/{org.slug}",
        }


@pages.get("/", response_class=HTMLResponse)
def home(request: Request) -> HTMLResponse:
    with tx(request) as ctx:
        return render(request, "home.html", ctx)


def _signed_in(request: Request) -> bool:
    """Whether the page must show who is signed in (else it is the same for everyone)."""
    return bool(request.cookies.get(auth.SESSION_COOKIE) or request.headers.get("authorization"))


def _anonymous_page(request: Request, template: str, **values: Any) -> HTMLResponse:
    """A page as every visitor who is not signed in sees it: no session, no form token."""
    page = state(request).templates.get_template(template)
    return HTMLResponse(page.render(who=auth.ANONYMOUS, csrf="", today=dt.date.today(), **values))


@pages.get("/lookup", response_class=HTMLResponse)
async def lookup_page(request: Request, q: str = Query("", max_length=200)) -> Response:
    if _signed_in(request):
        return await run_in_threadpool(_lookup_page_signed_in, request, q)
    if not q:
        return _anonymous_page(request, "lookup.html", q=q, results=[])
    return await _answer(
        request, lambda conn: _anonymous_page(request, "lookup.html", q=q, results=public_lookup.search(conn, q))
    )


def _lookup_page_signed_in(request: Request, q: str) -> HTMLResponse:
    with tx(request) as ctx:
        results = public_lookup.search(ctx.db.connection(), q) if q else []
        return render(request, "lookup.html", ctx, q=q, results=results)


@pages.get("/products/{public_id}", response_class=HTMLResponse)
async def product_page(request: Request, public_id: str) -> Response:
    if _signed_in(request):
        return await run_in_threadpool(_product_page_signed_in, request, public_id)

    def build(conn: Connection) -> Response:
        p = _found(public_lookup.product(conn, public_id), public_id)
        return _anonymous_page(request, _product_template(p), p=p)

    return await _answer(request, build)


def _product_page_signed_in(request: Request, public_id: str) -> HTMLResponse:
    with tx(request) as ctx:
        p = _found(public_lookup.product(ctx.db.connection(), public_id), public_id)
        return render(request, _product_template(p), ctx, p=p)


def _product_template(p: dict[str, Any]) -> str:
    return "product_public.html" if p["statement_on_record"] else "product_no_statement.html"


@pages.get("/products/{public_id}/label.svg")
def product_label(request: Request, public_id: str) -> Response:
    st = state(request)
    with store_db.reading(), st.factory() as db:
        svg = label.product_label(db, public_id, st.settings.public_url)
    return Response(svg, media_type="image/svg+xml")
