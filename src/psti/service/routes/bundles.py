"""Evidence bundles: a manufacturer files one with its statement; an officer re-verifies one
for a case (a background job whose result is attached to the case as evidence).

JSON routes under `/api/v1` (in the OpenAPI document) and the case page's form.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, File, Form, Request, Response, UploadFile

from psti.registry import bundles
from psti.registry.blobs import safe_filename
from psti.registry.statements import MAX_STATEMENT_BYTES
from psti.service import reverify
from psti.service.deps import check_csrf, read_limited, redirect, state, tx
from psti.service.routes.shapes import StrictModel

api = APIRouter(prefix="/api/v1")
pages = APIRouter(include_in_schema=False)


class ReverifyIn(StrictModel):
    bundle_sha256: str


@api.post(
    "/products/{product_id}/bundles",
    tags=["statements"],
    status_code=201,
    summary="File an evidence bundle (`psti bundle`) with the signed statement that names it",
)
def file_bundle(
    request: Request,
    product_id: int,
    statement: UploadFile = File(...),  # noqa: B008
    bundle: UploadFile = File(...),  # noqa: B008
) -> dict[str, Any]:
    doc = read_limited(statement, MAX_STATEMENT_BYTES)
    data = read_limited(bundle, state(request).settings.max_upload_bytes)
    with tx(request) as ctx:
        check_csrf(request, ctx)
        return bundles.accept_bundle(ctx, product_id, doc, data, safe_filename(bundle.filename or "bundle.pstib"))


@api.get("/products/{product_id}/bundles", tags=["statements"], summary="The evidence bundles kept for a product")
def product_bundles(request: Request, product_id: int) -> list[dict[str, Any]]:
    with tx(request) as ctx:
        return bundles.list_bundles(ctx, product_id)


@api.post(
    "/enforcement/cases/{reference}/reverify",
    tags=["enforcement"],
    status_code=202,
    summary="Re-verify a held evidence bundle in the background; the result is attached to the case",
)
def reverify_for_case(request: Request, reference: str, body: ReverifyIn) -> dict[str, Any]:
    with tx(request) as ctx:
        check_csrf(request, ctx)
        return reverify.request(ctx, reference, body.bundle_sha256)


@pages.post("/enforcement/cases/{reference}/reverify", response_model=None)
def reverify_page(request: Request, reference: str, csrf_token: str = Form(""),
                  bundle_sha256: str = Form("", max_length=80)) -> Response:
    from psti.service.routes.enforcement import _case_form

    return _case_form(request, csrf_token, lambda ctx: reference,
                      lambda ctx: reverify.request(ctx, reference, bundle_sha256), {"bundle_sha256": bundle_sha256},
                      anchor="#evidence")


@pages.post("/manage/products/{product_id}/bundles")
def file_bundle_page(
    request: Request,
    product_id: int,
    csrf_token: str = Form(""),
    statement: UploadFile = File(...),  # noqa: B008
    bundle: UploadFile = File(...),  # noqa: B008
) -> Response:
    doc = read_limited(statement, MAX_STATEMENT_BYTES)
    data = read_limited(bundle, state(request).settings.max_upload_bytes)
    with tx(request) as ctx:
        check_csrf(request, ctx, csrf_token, page=True)
        bundles.accept_bundle(ctx, product_id, doc, data, safe_filename(bundle.filename or "bundle.pstib"))
    return redirect(f"/manage/products/{product_id}")
