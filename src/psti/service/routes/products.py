"""A manufacturer's products: declarations, batches, URLs, files, support periods,
assessments, and the records of compliance investigations and the action taken.

JSON routes under `/api/v1` (in the OpenAPI document) and the HTML pages over the same calls.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from fastapi import APIRouter, Body, File, Form, Request, Response, UploadFile
from fastapi.responses import HTMLResponse
from pydantic import Field
from sqlalchemy import select

from psti.registry import products
from psti.service import artefacts
from psti.service.deps import check_csrf, read_limited, redirect, render, state, tx
from psti.service.errors import Invalid, NotFound
from psti.service.routes.shapes import StrictModel, job_json, product_json, statement_json
from psti.store import jobs
from psti.store.models import AssessmentRecord, Batch, ComplianceAction, ComplianceRecord, Job, ProductFile, ProductUrl

api = APIRouter(prefix="/api/v1")
pages = APIRouter(include_in_schema=False)


class ProductIn(StrictModel):
    name: str
    model: str
    type: str = ""
    brand: str = ""
    category: str = ""
    support_end: dt.date | None = None
    batches: list[str] = Field(default_factory=list)


class SupportIn(StrictModel):
    end_date: dt.date


@api.get("/products", tags=["products"])
def list_products(request: Request) -> list[dict[str, Any]]:
    with tx(request) as ctx:
        return [product_json(p) for p in products.list_products(ctx)]


@api.post("/products", tags=["products"], status_code=201)
def create_product(request: Request, body: ProductIn) -> dict[str, Any]:
    with tx(request) as ctx:
        check_csrf(request, ctx)
        return product_json(products.create_product(ctx, body.model_dump()))


@api.post(
    "/products/declaration",
    tags=["products"],
    status_code=201,
    summary="Register a product from a psti.declaration/1 TOML file",
)
def create_from_declaration(request: Request, file: UploadFile = File(...)) -> dict[str, Any]:
    data = read_limited(file, 1024 * 1024)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise Invalid("the declaration is not UTF-8 text", [{"field": "file", "message": "not UTF-8"}]) from None
    with tx(request) as ctx:
        check_csrf(request, ctx)
        artefacts.refuse_unsafe_paths(text)
        return product_json(products.create_from_declaration(ctx, text, file.filename or "declaration.toml"))


def _declaration_text(file: UploadFile) -> str:
    data = read_limited(file, 1024 * 1024)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise Invalid("the declaration is not UTF-8 text", [{"field": "file", "message": "not UTF-8"}]) from None


@api.put(
    "/products/{product_id}/declaration",
    tags=["products"],
    summary="Attach (or replace) the psti.declaration/1 file of a product, so the registry can assess it",
)
def attach_declaration(request: Request, product_id: int, file: UploadFile = File(...)) -> dict[str, Any]:
    """The declaration must be for the product's model; its name, type, brand, batches, URLs and
    support period end date (never earlier than the published one) become the product's. Then
    upload the files its artefacts name, queue an assessment, and publish once it supports a statement."""
    text = _declaration_text(file)
    with tx(request) as ctx:
        check_csrf(request, ctx)
        artefacts.refuse_unsafe_paths(text)
        return product_json(products.attach_declaration(ctx, product_id, text, file.filename or "declaration.toml"))


@api.get("/products/{product_id}", tags=["products"])
def get_product(request: Request, product_id: int) -> dict[str, Any]:
    with tx(request) as ctx:
        p = products.own_product(ctx, product_id)
        out = product_json(p)
        out["batches"] = [b.identifier for b in ctx.db.execute(select(Batch).where(Batch.product_id == p.id)).scalars()]
        out["urls"] = [
            {"id": u.id, "kind": u.kind, "url": u.url, "last_status": u.last_status}
            for u in ctx.db.execute(select(ProductUrl).where(ProductUrl.product_id == p.id)).scalars()
        ]
        out["files"] = [
            {
                "id": f.id,
                "kind": f.kind,
                "filename": f.filename,
                "sha256": f.blob.sha256,
                "size": f.blob.size,
            }
            for f in ctx.db.execute(select(ProductFile).where(ProductFile.product_id == p.id)).scalars()
        ]
        out["support_history"] = [
            {"end_date": h.end_date.isoformat(), "published_at": h.published_at.isoformat()}
            for h in products.support_history(ctx, p)
        ]
        out["statements"] = [statement_json(s) for s in products.product_statements(ctx, p)]
        out["assessments"] = [
            {"id": a.id, "overall": a.overall, "created_at": a.created_at.isoformat()}
            for a in products.assessments(ctx, p)
        ]
        return out


@api.post("/products/{product_id}/batches", tags=["products"], status_code=201)
def add_batch(request: Request, product_id: int, identifier: str = Body(..., embed=True)) -> dict[str, Any]:
    with tx(request) as ctx:
        check_csrf(request, ctx)
        b = products.add_batch(ctx, product_id, identifier)
        return {"id": b.id, "identifier": b.identifier}


@api.post("/products/{product_id}/urls", tags=["products"], status_code=201)
def add_url(request: Request, product_id: int, kind: str = Body(...), url: str = Body(...)) -> dict[str, Any]:
    with tx(request) as ctx:
        check_csrf(request, ctx)
        u = products.add_url(ctx, product_id, kind, url)
        return {"id": u.id, "kind": u.kind, "url": u.url}


@api.post("/products/{product_id}/url-checks", tags=["products"], status_code=202)
def check_urls(request: Request, product_id: int) -> dict[str, Any]:
    with tx(request) as ctx:
        check_csrf(request, ctx)
        p = products.own_product(ctx, product_id)
        job = jobs.enqueue(ctx.db, "url-check", {"product_id": p.id}, organisation_id=p.organisation_id)
        ctx.audit("product.url_check.queue", f"product:{p.id}", p.organisation_id, job=job.id)
        return job_json(job)


@api.post("/products/{product_id}/files", tags=["products"], status_code=201)
def attach_file(
    request: Request, product_id: int, kind: str = Form(...), file: UploadFile = File(...)
) -> dict[str, Any]:
    st = state(request)
    data = read_limited(file, st.settings.max_upload_bytes)
    with tx(request) as ctx:
        check_csrf(request, ctx)
        f = products.attach_file(ctx, product_id, kind, file.filename or "upload", data)
        return {"id": f.id, "filename": f.filename, "sha256": f.blob.sha256, "size": f.blob.size}


@api.put("/products/{product_id}/support-period", tags=["products"])
def set_support(request: Request, product_id: int, body: SupportIn) -> dict[str, Any]:
    with tx(request) as ctx:
        check_csrf(request, ctx)
        return product_json(products.set_support_end(ctx, product_id, body.end_date))


@api.post("/products/{product_id}/assessments", tags=["products"], status_code=202)
def queue_assessment(request: Request, product_id: int) -> dict[str, Any]:
    with tx(request) as ctx:
        check_csrf(request, ctx)
        job_id = products.queue_assessment(ctx, product_id)
        artefacts.refuse_uncontained(ctx.db, product_id)  # rolls the queued job back
        return job_json(ctx.db.get(Job, job_id))  # type: ignore[arg-type]


@api.get("/assessments/{assessment_id}", tags=["products"])
def get_assessment(request: Request, assessment_id: int) -> Response:
    with tx(request) as ctx:
        a = ctx.db.get(AssessmentRecord, assessment_id)
        if a is None:
            raise NotFound(f"no assessment {assessment_id}")
        products.own_product(ctx, a.product_id)
        return Response(a.result_json, media_type="application/json")


def _record(rec: ComplianceRecord, actions: list[ComplianceAction]) -> dict[str, Any]:
    return {
        "id": rec.id,
        "product_id": rec.product_id,
        "kind": rec.kind,
        "details": rec.details,
        "risks": rec.risks,
        "outcome": rec.outcome,
        "status": rec.status,
        "opened_at": rec.opened_at.isoformat(),
        "retain_until": rec.retain_until.isoformat(),
        "actions": [
            {
                "action": a.action,
                "note": a.note,
                "succeeded": a.succeeded,
                "done_at": a.done_at.isoformat(),
            }
            for a in actions
        ],
        "required_actions": list(products.REQUIRED_FOR_FAILURE) if rec.kind == "failure" else ["investigate"],
    }


@api.post("/products/{product_id}/compliance", tags=["compliance"], status_code=201)
def open_record(request: Request, product_id: int, body: dict[str, Any] = Body(...)) -> dict[str, Any]:
    with tx(request) as ctx:
        check_csrf(request, ctx)
        return _record(products.open_record(ctx, product_id, body), [])


@api.get("/compliance", tags=["compliance"])
def list_records(request: Request, organisation_id: int | None = None) -> list[dict[str, Any]]:
    with tx(request) as ctx:
        return [_record(r, []) for r in products.list_records(ctx, organisation_id)]


@api.get("/compliance/{record_id}", tags=["compliance"])
def get_record(request: Request, record_id: int) -> dict[str, Any]:
    with tx(request) as ctx:
        return _record(*products.get_record(ctx, record_id))


@api.post("/compliance/{record_id}/actions", tags=["compliance"], status_code=201)
def add_action(request: Request, record_id: int, body: dict[str, Any] = Body(...)) -> dict[str, Any]:
    with tx(request) as ctx:
        check_csrf(request, ctx)
        products.add_action(ctx, record_id, body)
        return _record(*products.get_record(ctx, record_id))


@api.post("/compliance/{record_id}/close", tags=["compliance"])
def close_record(request: Request, record_id: int, outcome: str = Body(..., embed=True)) -> dict[str, Any]:
    with tx(request) as ctx:
        check_csrf(request, ctx)
        products.close_record(ctx, record_id, outcome)
        return _record(*products.get_record(ctx, record_id))


@pages.post("/manage/products")
def new_product(
    request: Request,
    csrf_token: str = Form(""),
    name: str = Form(...),
    model: str = Form(...),
    type: str = Form(""),
    support_end: str = Form(""),
) -> Response:
    with tx(request) as ctx:
        check_csrf(request, ctx, csrf_token, page=True)
        p = products.create_product(ctx, {"name": name, "model": model, "type": type, "support_end": support_end})
    return redirect(f"/manage/products/{p.id}")


@pages.post("/manage/products/declaration")
def new_product_from_declaration(
    request: Request, csrf_token: str = Form(""), file: UploadFile = File(...)
) -> Response:
    data = read_limited(file, 1024 * 1024)
    with tx(request) as ctx:
        check_csrf(request, ctx, csrf_token, page=True)
        artefacts.refuse_unsafe_paths(data.decode("utf-8", errors="replace"))
        p = products.create_from_declaration(
            ctx, data.decode("utf-8", errors="replace"), file.filename or "declaration.toml"
        )
    return redirect(f"/manage/products/{p.id}")


@pages.post("/manage/products/{product_id}/declaration")
def attach_declaration_page(
    request: Request, product_id: int, csrf_token: str = Form(""), file: UploadFile = File(...)
) -> Response:
    text = _declaration_text(file)
    with tx(request) as ctx:
        check_csrf(request, ctx, csrf_token, page=True)
        artefacts.refuse_unsafe_paths(text)
        products.attach_declaration(ctx, product_id, text, file.filename or "declaration.toml")
    return redirect(f"/manage/products/{product_id}")


@pages.get("/manage/products/{product_id}", response_class=HTMLResponse)
def manage_product(request: Request, product_id: int) -> HTMLResponse:
    with tx(request) as ctx:
        p = products.own_product(ctx, product_id)
        return render(
            request,
            "product_manage.html",
            ctx,
            p=p,
            batches=ctx.db.execute(select(Batch).where(Batch.product_id == p.id)).scalars().all(),
            urls=ctx.db.execute(select(ProductUrl).where(ProductUrl.product_id == p.id)).scalars().all(),
            files=ctx.db.execute(select(ProductFile).where(ProductFile.product_id == p.id)).scalars().all(),
            history=products.support_history(ctx, p),
            statements=products.product_statements(ctx, p),
            assessments=products.assessments(ctx, p),
            records=[r for r in products.list_records(ctx) if r.product_id == p.id],
            actions=products.ACTIONS,
            url_kinds=products.URL_KINDS,
            file_kinds=products.FILE_KINDS,
        )


@pages.post("/manage/products/{product_id}/support-period")
def extend_support(
    request: Request, product_id: int, csrf_token: str = Form(""), end_date: str = Form(...)
) -> Response:
    with tx(request) as ctx:
        check_csrf(request, ctx, csrf_token, page=True)
        products.set_support_end(ctx, product_id, end_date)
    return redirect(f"/manage/products/{product_id}")


@pages.post("/manage/products/{product_id}/batches")
def add_batch_page(
    request: Request, product_id: int, csrf_token: str = Form(""), identifier: str = Form(...)
) -> Response:
    with tx(request) as ctx:
        check_csrf(request, ctx, csrf_token, page=True)
        products.add_batch(ctx, product_id, identifier)
    return redirect(f"/manage/products/{product_id}")


@pages.post("/manage/products/{product_id}/urls")
def add_url_page(
    request: Request,
    product_id: int,
    csrf_token: str = Form(""),
    kind: str = Form(...),
    url: str = Form(...),
) -> Response:
    with tx(request) as ctx:
        check_csrf(request, ctx, csrf_token, page=True)
        products.add_url(ctx, product_id, kind, url)
    return redirect(f"/manage/products/{product_id}")


@pages.post("/manage/products/{product_id}/files")
def add_file(
    request: Request,
    product_id: int,
    csrf_token: str = Form(""),
    kind: str = Form(...),
    file: UploadFile = File(...),
) -> Response:
    data = read_limited(file, state(request).settings.max_upload_bytes)
    with tx(request) as ctx:
        check_csrf(request, ctx, csrf_token, page=True)
        products.attach_file(ctx, product_id, kind, file.filename or "upload", data)
    return redirect(f"/manage/products/{product_id}")


@pages.post("/manage/products/{product_id}/assess")
def assess(request: Request, product_id: int, csrf_token: str = Form("")) -> Response:
    with tx(request) as ctx:
        check_csrf(request, ctx, csrf_token, page=True)
        products.queue_assessment(ctx, product_id)
        artefacts.refuse_uncontained(ctx.db, product_id)  # rolls the queued job back
    return redirect(f"/manage/products/{product_id}")


@pages.post("/manage/products/{product_id}/compliance")
def open_record_page(
    request: Request,
    product_id: int,
    csrf_token: str = Form(""),
    kind: str = Form(...),
    details: str = Form(""),
    risks: str = Form(""),
) -> Response:
    with tx(request) as ctx:
        check_csrf(request, ctx, csrf_token, page=True)
        rec = products.open_record(ctx, product_id, {"kind": kind, "details": details, "risks": risks})
    return redirect(f"/manage/compliance/{rec.id}")


@pages.get("/manage/compliance/{record_id}", response_class=HTMLResponse)
def compliance_record(request: Request, record_id: int) -> HTMLResponse:
    with tx(request) as ctx:
        rec, acts = products.get_record(ctx, record_id)
        return render(
            request,
            "compliance.html",
            ctx,
            rec=rec,
            acts=acts,
            actions=products.ACTIONS,
            required=products.REQUIRED_FOR_FAILURE,
        )


@pages.post("/manage/compliance/{record_id}/actions")
def compliance_action(
    request: Request,
    record_id: int,
    csrf_token: str = Form(""),
    action: str = Form(...),
    note: str = Form(""),
    succeeded: str = Form(""),
) -> Response:
    with tx(request) as ctx:
        check_csrf(request, ctx, csrf_token, page=True)
        products.add_action(ctx, record_id, {"action": action, "note": note, "succeeded": succeeded or None})
    return redirect(f"/manage/compliance/{record_id}")


@pages.post("/manage/compliance/{record_id}/close")
def compliance_close(request: Request, record_id: int, csrf_token: str = Form(""), outcome: str = Form("")) -> Response:
    with tx(request) as ctx:
        check_csrf(request, ctx, csrf_token, page=True)
        products.close_record(ctx, record_id, outcome)
    return redirect(f"/manage/compliance/{record_id}")
