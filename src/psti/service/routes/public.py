"""Public look-up: a product's support period and its statement, the label, where to report.

JSON routes under `/api/v1` (in the OpenAPI document) and the HTML pages over the same calls.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from fastapi import APIRouter, Query, Request, Response
from fastapi.responses import HTMLResponse
from sqlalchemy import Connection

from psti.registry import label, reports
from psti.registry.errors import NotFound
from psti.service import auth
from psti.service.deps import read_session, render, state, tx
from psti.store import db as store_db
from psti.store import lookup as public_lookup

api = APIRouter(prefix="/api/v1")
pages = APIRouter(include_in_schema=False)


@contextmanager
def _reading(request: Request) -> Iterator[Connection]:
    """A read-only connection for public look-ups (no ORM session: one query per answer)."""
    with store_db.single_reads(state(request).engine) as conn:
        yield conn


def _found(view: dict[str, Any] | None, public_id: str) -> dict[str, Any]:
    if view is None:
        raise NotFound(f"no published product {public_id}")
    return view


@api.get("/lookup", tags=["public"])
def lookup(request: Request, q: str = Query(..., min_length=1, max_length=200)) -> list[dict[str, Any]]:
    """Products with a statement, then products the registry knows without one
    (`statement: null`, `statement_on_record: false`)."""
    with _reading(request) as conn:
        return public_lookup.search(conn, q)


@api.get("/public/products/{public_id}", tags=["public"])
def public_product(request: Request, public_id: str) -> dict[str, Any]:
    with _reading(request) as conn:
        return _found(public_lookup.product(conn, public_id), public_id)


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


@pages.get("/lookup", response_class=HTMLResponse)
def lookup_page(request: Request, q: str = Query("", max_length=200)) -> HTMLResponse:
    if not _signed_in(request):  # most visitors: one query, no session
        with _reading(request) as conn:
            results = public_lookup.search(conn, q) if q else []
        return render(request, "lookup.html", None, q=q, results=results)
    with tx(request) as ctx:
        results = public_lookup.search(ctx.db.connection(), q) if q else []
        return render(request, "lookup.html", ctx, q=q, results=results)


@pages.get("/products/{public_id}", response_class=HTMLResponse)
def product_page(request: Request, public_id: str) -> HTMLResponse:
    if not _signed_in(request):
        with _reading(request) as conn:
            p = _found(public_lookup.product(conn, public_id), public_id)
        return render(request, _product_template(p), None, p=p)
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
