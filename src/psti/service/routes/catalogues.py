"""Catalogue checks for importers and distributors, their notices, and background jobs.

JSON routes under `/api/v1` (in the OpenAPI document) and the HTML pages over the same calls.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, File, Form, Query, Request, Response, UploadFile
from fastapi.responses import HTMLResponse, StreamingResponse
from sqlalchemy import select

from psti.registry import catalogues
from psti.service import accounts
from psti.service.deps import check_csrf, read_limited, redirect, render, state, tx
from psti.service.downloads import content_disposition
from psti.service.errors import NotFound
from psti.service.routes.shapes import job_json
from psti.store import db as store_db
from psti.store.models import Catalogue, Job

api = APIRouter(prefix="/api/v1")
pages = APIRouter(include_in_schema=False)


def _catalogue(db: Any, c: Catalogue) -> dict[str, Any]:
    job = db.get(Job, c.job_id) if c.job_id else None
    return {
        "id": c.id,
        "filename": c.filename,
        "rows": c.row_count,
        "status": c.status,
        "run": c.run,
        "recheck_days": c.recheck_days,
        "next_check_at": c.next_check_at.isoformat() if c.next_check_at else None,
        "last_checked_at": c.last_checked_at.isoformat() if c.last_checked_at else None,
        "summary": catalogues.summary(db, c),
        "job": job_json(job) if job else None,
    }


@api.post("/catalogues", tags=["catalogues"], status_code=202)
def upload_catalogue(
    request: Request, file: UploadFile = File(...), recheck_days: int | None = Form(None)
) -> dict[str, Any]:
    st = state(request)
    data = read_limited(file, st.settings.max_upload_bytes)
    with tx(request) as ctx:
        check_csrf(request, ctx)
        cat = catalogues.create_catalogue(ctx, file.filename or "catalogue.csv", data, recheck_days)
        return _catalogue(ctx.db, cat)


@api.get("/catalogues", tags=["catalogues"])
def list_catalogues(request: Request) -> list[dict[str, Any]]:
    with tx(request) as ctx:
        org = ctx.who.require_org("importer", "distributor")
        cats = (
            ctx.db.execute(select(Catalogue).where(Catalogue.organisation_id == org).order_by(Catalogue.id.desc()))
            .scalars()
            .all()
        )
        return [_catalogue(ctx.db, c) for c in cats]


@api.get("/catalogues/{catalogue_id}", tags=["catalogues"])
def get_catalogue(request: Request, catalogue_id: int) -> dict[str, Any]:
    with tx(request) as ctx:
        return _catalogue(ctx.db, catalogues.own_catalogue(ctx, catalogue_id))


@api.get("/catalogues/{catalogue_id}/rows", tags=["catalogues"])
def catalogue_rows(
    request: Request,
    catalogue_id: int,
    offset: int = Query(0, ge=0),
    limit: int = Query(100, ge=1, le=1000),
    result: str | None = None,
) -> list[dict[str, Any]]:
    with tx(request) as ctx:
        cat = catalogues.own_catalogue(ctx, catalogue_id)
        return [
            {
                "id": r.id,  # what an enforcement officer opens a case from (from_catalogue_row)
                "row": r.row_number,
                "manufacturer": r.manufacturer,
                "model": r.model,
                "statement": r.statement_ref,
                "result": r.result or "pending",
                "message": r.message,
                "action": r.action,
                "support_end": r.support_end.isoformat() if r.support_end else None,
            }
            for r in catalogues.rows_page(ctx.db, cat, offset, limit, result)
        ]


@api.get("/catalogues/{catalogue_id}/export.{fmt}", tags=["catalogues"])
def export_catalogue(request: Request, catalogue_id: int, fmt: str) -> Response:
    st = state(request)
    with tx(request) as ctx:
        cat = catalogues.own_catalogue(ctx, catalogue_id)
    name = f"catalogue-{cat.id}-check"
    if fmt == "xlsx":
        with store_db.reading(), st.factory() as db:
            data = catalogues.export_xlsx(db, cat)
        return Response(
            data,
            media_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            headers={"Content-Disposition": content_disposition(f"{name}.xlsx")},
        )
    if fmt != "csv":
        raise NotFound("export as .csv or .xlsx")

    def stream():  # type: ignore[no-untyped-def]
        with store_db.reading(), st.factory() as db:
            yield from catalogues.export_csv(db, cat)

    return StreamingResponse(
        stream(),
        media_type="text/csv",
        headers={"Content-Disposition": content_disposition(f"{name}.csv")},
    )


@api.post("/catalogues/{catalogue_id}/recheck", tags=["catalogues"], status_code=202)
def recheck_catalogue(request: Request, catalogue_id: int) -> dict[str, Any]:
    with tx(request) as ctx:
        check_csrf(request, ctx)
        return _catalogue(ctx.db, catalogues.recheck(ctx, catalogue_id))


@api.get("/notices", tags=["catalogues"])
def list_notices(request: Request) -> list[dict[str, Any]]:
    with tx(request) as ctx:
        return [
            {
                "id": n.id,
                "kind": n.kind,
                "message": n.message,
                "created_at": n.created_at.isoformat(),
                "read": n.read_at is not None,
                "catalogue_id": n.catalogue_id,
            }
            for n in accounts.notices(ctx)
        ]


@api.post("/notices/{notice_id}/read", tags=["catalogues"])
def read_notice(request: Request, notice_id: int) -> dict[str, Any]:
    with tx(request) as ctx:
        check_csrf(request, ctx)
        n = accounts.mark_notice_read(ctx, notice_id)
        return {"id": n.id, "read": True}


@api.get("/jobs/{job_id}", tags=["jobs"])
def get_job(request: Request, job_id: int) -> dict[str, Any]:
    with tx(request) as ctx:
        ctx.who.require()
        job = ctx.db.get(Job, job_id)
        if job is None or job.organisation_id is None or job.organisation_id != ctx.who.organisation_id:
            raise NotFound(f"no job {job_id} in your organisation")
        return job_json(job)


@pages.post("/catalogues")
def upload_catalogue_page(
    request: Request,
    csrf_token: str = Form(""),
    file: UploadFile = File(...),
    recheck_days: str = Form(""),
) -> Response:
    data = read_limited(file, state(request).settings.max_upload_bytes)
    with tx(request) as ctx:
        check_csrf(request, ctx, csrf_token, page=True)
        days = int(recheck_days) if recheck_days.strip().isdigit() else None
        cat = catalogues.create_catalogue(ctx, file.filename or "catalogue.csv", data, days)
    return redirect(f"/catalogues/{cat.id}")


@pages.get("/catalogues/{catalogue_id}", response_class=HTMLResponse)
def catalogue_page(
    request: Request, catalogue_id: int, result: str | None = None, offset: int = Query(0, ge=0)
) -> HTMLResponse:
    with tx(request) as ctx:
        cat = catalogues.own_catalogue(ctx, catalogue_id)
        job = ctx.db.get(Job, cat.job_id) if cat.job_id else None
        return render(
            request,
            "catalogue.html",
            ctx,
            cat=cat,
            job=job,
            summary=catalogues.summary(ctx.db, cat),
            rows=catalogues.rows_page(ctx.db, cat, offset, 200, result),
            result=result,
            offset=offset,
        )


@pages.post("/catalogues/{catalogue_id}/recheck")
def recheck(request: Request, catalogue_id: int, csrf_token: str = Form("")) -> Response:
    with tx(request) as ctx:
        check_csrf(request, ctx, csrf_token, page=True)
        catalogues.recheck(ctx, catalogue_id)
    return redirect(f"/catalogues/{catalogue_id}")
