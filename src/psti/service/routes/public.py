"""Public look-up: a product's support period and its statement, the label, where to report.

JSON routes under `/api/v1` (in the OpenAPI document) and the HTML pages over the same calls.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Query, Request, Response
from fastapi.responses import HTMLResponse

from psti.registry import label, no_statement, products, reports
from psti.service.deps import read_session, render, state, tx
from psti.store import db as store_db

api = APIRouter(prefix="/api/v1")
pages = APIRouter(include_in_schema=False)


@api.get("/lookup", tags=["public"])
def lookup(request: Request, q: str = Query(..., min_length=1, max_length=200)) -> list[dict[str, Any]]:
    """Products with a statement, then products the registry knows without one
    (`statement: null`, `statement_on_record: false`)."""
    with read_session(request) as db:
        return _lookup(db, q)


def _lookup(db: Any, q: str) -> list[dict[str, Any]]:
    found = [{**products.public_view(db, p), "statement_on_record": True} for p in products.lookup(db, q)]
    return found + [no_statement.view(p) for p in no_statement.lookup(db, q)]


@api.get("/public/products/{public_id}", tags=["public"])
def public_product(request: Request, public_id: str) -> dict[str, Any]:
    with read_session(request) as db:
        bare = no_statement.product(db, public_id)
        return no_statement.view(bare) if bare is not None else products.public_product(db, public_id)


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


@pages.get("/lookup", response_class=HTMLResponse)
def lookup_page(request: Request, q: str = Query("", max_length=200)) -> HTMLResponse:
    with tx(request) as ctx:
        results = _lookup(ctx.db, q) if q else []
        return render(request, "lookup.html", ctx, q=q, results=results)


@pages.get("/products/{public_id}", response_class=HTMLResponse)
def product_page(request: Request, public_id: str) -> HTMLResponse:
    with tx(request) as ctx:
        bare = no_statement.product(ctx.db, public_id)
        if bare is not None:
            return render(request, "product_no_statement.html", ctx, p=no_statement.view(bare))
        return render(request, "product_public.html", ctx, p=products.public_product(ctx.db, public_id))


@pages.get("/products/{public_id}/label.svg")
def product_label(request: Request, public_id: str) -> Response:
    st = state(request)
    with store_db.reading(), st.factory() as db:
        svg = label.product_label(db, public_id, st.settings.public_url)
    return Response(svg, media_type="image/svg+xml")
