"""Statements of compliance: publishing, withdrawing, the signed document and its check.

JSON routes under `/api/v1` (in the OpenAPI document) and the HTML pages over the same calls.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from fastapi import APIRouter, Body, File, Form, Request, Response, UploadFile
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse
from pydantic import Field
from sqlalchemy import select

from psti.registry import products
from psti.registry.keys import bind
from psti.registry.statements import MAX_STATEMENT_BYTES, provenance, verify_statement
from psti.service.deps import check_csrf, read_limited, read_session, redirect, tx
from psti.service.errors import NotFound
from psti.service.routes.shapes import StrictModel, statement_json
from psti.store.models import StatementRecord

api = APIRouter(prefix="/api/v1")
pages = APIRouter(include_in_schema=False)


class StandardIn(StrictModel):
    id: str
    version: str
    date: dt.date
    provisions: list[str] = Field(default_factory=list)


class StatementIn(StrictModel):
    signatory: str
    function: str
    place: str
    assessment_id: int | None = Field(
        default=None, description="the registry assessment to publish from (default: the latest)"
    )
    route: str = "schedule-1"
    standards: list[StandardIn] = Field(default_factory=list)


@api.post(
    "/products/{product_id}/statements",
    tags=["statements"],
    status_code=201,
    summary="Have the registry sign and publish a statement, from its assessment of the declaration",
)
def publish_statement(request: Request, product_id: int, body: StatementIn) -> dict[str, Any]:
    """Only for a product with a declaration, from a registry assessment of that declaration whose
    verdicts support a statement (422 with the reasons otherwise). A product registered by form,
    with no declaration, is refused with 409 and the two ways on: attach its declaration
    (`PUT …/declaration`), upload its artefacts and have it assessed; or upload a statement
    signed with a key registered to the manufacturer (`POST …/statements/upload`)."""
    data = body.model_dump(mode="json")
    with tx(request) as ctx:
        check_csrf(request, ctx)
        return statement_json(products.publish_statement(ctx, product_id, data))


@api.post(
    "/products/{product_id}/statements/upload",
    tags=["statements"],
    status_code=201,
    summary="Publish a statement issued with `psti statement` (its signed JSON file)",
)
def upload_statement(request: Request, product_id: int, file: UploadFile = File(...)) -> dict[str, Any]:  # noqa: B008
    data = read_limited(file, MAX_STATEMENT_BYTES)
    with tx(request) as ctx:
        check_csrf(request, ctx)
        return statement_json(products.register_statement(ctx, product_id, data))


@api.post("/statements/{public_id}/withdraw", tags=["statements"])
def withdraw_statement(request: Request, public_id: str, reason: str = Body(..., embed=True)) -> dict[str, Any]:
    with tx(request) as ctx:
        check_csrf(request, ctx)
        return statement_json(products.withdraw_statement(ctx, public_id, reason))


@api.get("/statements/{public_id}", tags=["public"], summary="The signed statement document")
def get_statement(request: Request, public_id: str) -> Response:
    with read_session(request) as db:
        rec = db.execute(select(StatementRecord).where(StatementRecord.public_id == public_id)).scalar_one_or_none()
        if rec is None:
            raise NotFound(f"no statement {public_id}")
        return Response(rec.document, media_type="application/json", headers={"X-Statement-Status": rec.status})


@api.post("/statements/verify", tags=["public"], summary="Verify a signed statement document")
async def verify(request: Request) -> dict[str, Any]:
    """`valid` only when the signature holds and the key is registered by an organisation the
    statement names as manufacturer, in force on its date of issue; `signed_by` says whose key it is,
    and `provenance` whether the registry signed it and from which of its assessments (statements
    it signed for products registered by form, before it required an assessment, say so)."""
    data = await request.body()
    return await run_in_threadpool(_verify, request, data)


def _verify(request: Request, data: bytes) -> dict[str, Any]:
    res = verify_statement(data)
    with read_session(request) as db:
        binding = bind(db, res)
        return {
            "valid": binding.valid,
            "reason": binding.reason,
            "signature_valid": res.valid,
            "key_id": res.key_id,
            "key_status": binding.key_status,
            "signed_by": binding.signer_json(),
            "provenance": provenance(res, binding.key.held_by_registry).to_json() if binding.key else None,
        }


@pages.post("/manage/products/{product_id}/statements")
def publish(
    request: Request,
    product_id: int,
    csrf_token: str = Form(""),
    signatory: str = Form(""),
    function: str = Form(""),
    place: str = Form(""),
) -> Response:
    with tx(request) as ctx:
        check_csrf(request, ctx, csrf_token, page=True)
        products.publish_statement(ctx, product_id, {"signatory": signatory, "function": function, "place": place})
    return redirect(f"/manage/products/{product_id}")


@pages.post("/manage/products/{product_id}/statements/upload")
def upload_statement_page(
    request: Request,
    product_id: int,
    csrf_token: str = Form(""),
    file: UploadFile = File(...),  # noqa: B008
) -> Response:
    data = read_limited(file, MAX_STATEMENT_BYTES)
    with tx(request) as ctx:
        check_csrf(request, ctx, csrf_token, page=True)
        products.register_statement(ctx, product_id, data)
    return redirect(f"/manage/products/{product_id}")


@pages.post("/manage/statements/{public_id}/withdraw")
def withdraw(request: Request, public_id: str, csrf_token: str = Form(""), reason: str = Form("")) -> Response:
    with tx(request) as ctx:
        check_csrf(request, ctx, csrf_token, page=True)
        rec = products.withdraw_statement(ctx, public_id, reason)
    return redirect(f"/manage/products/{rec.product_id}")


@pages.get("/statements/{public_id}", response_class=HTMLResponse)
def statement_page(request: Request, public_id: str) -> Response:
    with tx(request) as ctx:
        rec = ctx.db.execute(select(StatementRecord).where(StatementRecord.public_id == public_id)).scalar_one_or_none()
        if rec is None:
            raise NotFound(f"no statement {public_id}")
        return redirect(f"/products/{rec.product.public_id}")
