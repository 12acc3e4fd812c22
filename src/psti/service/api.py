"""The JSON API (`/api/v1`), described by the app's OpenAPI document at /openapi.json."""

from __future__ import annotations

import datetime as dt
from typing import Any

from fastapi import APIRouter, Body, File, Form, Header, Query, Request, Response, UploadFile
from fastapi.responses import JSONResponse, StreamingResponse
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import select

from psti.service import accounts, auth, catalogues, products, reports
from psti.service.app import check_csrf, client_ip, read_session, state, tx
from psti.service.errors import NotFound, TooLarge
from psti.service.statements import verify_statement
from psti.store import audit
from psti.store import db as store_db
from psti.store.models import (
    Batch,
    Catalogue,
    ComplianceAction,
    ComplianceRecord,
    Job,
    Organisation,
    Product,
    ProductFile,
    ProductUrl,
    StatementRecord,
    VulnerabilityReport,
)

router = APIRouter(prefix="/api/v1")


class _In(BaseModel):
    model_config = ConfigDict(extra="forbid")


class LoginIn(_In):
    email: str
    password: str


class UserIn(_In):
    email: str
    password: str
    role: str = "researcher"
    name: str = ""
    organisation_id: int | None = None


class OrganisationIn(_In):
    name: str
    kind: str
    slug: str | None = None
    address: str = ""
    reporting_contact: str = ""
    policy_url: str = ""
    acknowledgement_days: int = 5
    status_update_days: int = 30


class ReportingIn(_In):
    reporting_contact: str | None = None
    policy_url: str | None = None
    address: str | None = None
    acknowledgement_days: int | None = None
    status_update_days: int | None = None


class ProductIn(_In):
    name: str
    model: str
    type: str = ""
    brand: str = ""
    category: str = ""
    support_end: dt.date | None = None
    batches: list[str] = Field(default_factory=list)


class SupportIn(_In):
    end_date: dt.date


class StandardIn(_In):
    id: str
    version: str
    date: dt.date
    provisions: list[str] = Field(default_factory=list)


class StatementIn(_In):
    signatory: str
    function: str
    place: str
    route: str = "schedule-1"
    standards: list[StandardIn] = Field(default_factory=list)


class ReportIn(_In):
    title: str
    description: str
    severity: str = "unknown"
    contact: str = ""
    product_model: str = ""


def _product(p: Product) -> dict[str, Any]:
    return {
        "id": p.id,
        "public_id": p.public_id,
        "name": p.name,
        "model": p.model,
        "type": p.type,
        "brand": p.brand,
        "category": p.category,
        "support_end": p.support_end.isoformat() if p.support_end else None,
        "has_declaration": bool(p.declaration_toml),
    }


def _statement(s: StatementRecord) -> dict[str, Any]:
    return {
        "id": s.public_id,
        "product_id": s.product_id,
        "status": s.status,
        "issued_on": s.issued_on.isoformat(),
        "support_end": s.support_end.isoformat(),
        "retain_until": s.retain_until.isoformat(),
        "sha256": s.sha256,
        "withdrawn_reason": s.withdrawn_reason or None,
        "document_url": f"/api/v1/statements/{s.public_id}",
    }


def _job(j: Job) -> dict[str, Any]:
    return {
        "id": j.id,
        "kind": j.kind,
        "status": j.status,
        "progress": j.progress,
        "total": j.total,
        "message": j.message,
        "attempts": j.attempts,
        "created_at": j.created_at.isoformat() if j.created_at else None,
        "finished_at": j.finished_at.isoformat() if j.finished_at else None,
    }


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
        "job": _job(job) if job else None,
    }


def _report(r: VulnerabilityReport, *, full: bool = True) -> dict[str, Any]:
    what, by = reports.due(r)
    out = {
        "id": r.public_id,
        "manufacturer": r.organisation.slug,
        "title": r.title,
        "severity": r.severity,
        "status": r.status,
        "received_at": r.received_at.isoformat(),
        "acknowledge_by": r.acknowledge_by.isoformat(),
        "acknowledged_at": r.acknowledged_at.isoformat() if r.acknowledged_at else None,
        "next_update_by": r.next_update_by.isoformat() if r.next_update_by else None,
        "resolved_at": r.resolved_at.isoformat() if r.resolved_at else None,
        "due": {"what": what, "by": by.isoformat() if by else None},
        "overdue": reports.is_overdue(r),
        "product_model": r.product.model if r.product else None,
        "advisory_published": r.advisory_published_at is not None,
    }
    if full:
        out["description"] = r.description
        out["contact"] = r.reporter_contact
    return out


def _read_limited(upload: UploadFile, limit: int) -> bytes:
    data = upload.file.read(limit + 1)
    if len(data) > limit:
        raise TooLarge(f"{upload.filename or 'the file'} is larger than the limit of {limit:,} bytes")
    return data


# --- accounts -------------------------------------------------------------------------


@router.post("/session", tags=["accounts"])
def login(request: Request, body: LoginIn, response: Response) -> dict[str, Any]:
    st = state(request)
    st.limiter.hit(f"login-ip:{client_ip(request)}", st.settings.login_limit, "sign-in attempts")
    st.limiter.hit(f"login-user:{body.email.strip().lower()}", st.settings.login_limit, "sign-in attempts")
    with tx(request) as ctx:
        token, user = accounts.login(ctx, body.email, body.password)
    with store_db.reading(), st.factory() as db:
        csrf = auth.resolve(db, token, None).csrf_token
    response.set_cookie(
        auth.SESSION_COOKIE,
        token,
        httponly=True,
        samesite="lax",
        secure=st.settings.secure_cookies,
        max_age=st.settings.session_hours * 3600,
    )
    return {
        "user": {
            "id": user.id,
            "email": user.email,
            "role": user.role,
            "organisation_id": user.organisation_id,
        },
        "csrf_token": csrf,
    }


@router.get("/me", tags=["accounts"])
def me(request: Request) -> dict[str, Any]:
    with tx(request) as ctx:
        ctx.who.require()
        return {
            "id": ctx.who.user_id,
            "email": ctx.who.email,
            "role": ctx.who.role,
            "organisation_id": ctx.who.organisation_id,
        }


@router.post("/tokens", tags=["accounts"], status_code=201)
def create_token(request: Request, name: str = Body("automation", embed=True)) -> dict[str, str]:
    with tx(request) as ctx:
        check_csrf(request, ctx)
        return {"token": accounts.new_api_token(ctx, name)}


@router.post("/researchers", tags=["accounts"], status_code=201)
def register_researcher(request: Request, body: UserIn) -> dict[str, Any]:
    st = state(request)
    st.limiter.hit(f"register:{client_ip(request)}", st.settings.report_limit, "registrations")
    with tx(request) as ctx:
        user = accounts.create_user(ctx, body.model_dump(), self_service=True)
        return {"id": user.id, "email": user.email, "role": user.role}


@router.post("/organisations", tags=["admin"], status_code=201)
def create_organisation(request: Request, body: OrganisationIn) -> dict[str, Any]:
    with tx(request) as ctx:
        check_csrf(request, ctx)
        org = accounts.create_organisation(ctx, body.model_dump())
        return {"id": org.id, "slug": org.slug, "name": org.name, "kind": org.kind}


@router.post("/users", tags=["admin"], status_code=201)
def create_user(request: Request, body: UserIn) -> dict[str, Any]:
    with tx(request) as ctx:
        check_csrf(request, ctx)
        user = accounts.create_user(ctx, body.model_dump())
        return {
            "id": user.id,
            "email": user.email,
            "role": user.role,
            "organisation_id": user.organisation_id,
        }


@router.put("/organisation/reporting", tags=["reports"])
def update_reporting(request: Request, body: ReportingIn) -> dict[str, Any]:
    with tx(request) as ctx:
        check_csrf(request, ctx)
        org = accounts.update_reporting(ctx, body.model_dump(exclude_none=True))
        return {
            "slug": org.slug,
            "reporting_contact": org.reporting_contact,
            "policy_url": org.policy_url,
            "acknowledgement_days": org.acknowledgement_days,
            "status_update_days": org.status_update_days,
        }


# --- products -------------------------------------------------------------------------


@router.get("/products", tags=["products"])
def list_products(request: Request) -> list[dict[str, Any]]:
    with tx(request) as ctx:
        return [_product(p) for p in products.list_products(ctx)]


@router.post("/products", tags=["products"], status_code=201)
def create_product(request: Request, body: ProductIn) -> dict[str, Any]:
    with tx(request) as ctx:
        check_csrf(request, ctx)
        return _product(products.create_product(ctx, body.model_dump()))


@router.post(
    "/products/declaration",
    tags=["products"],
    status_code=201,
    summary="Register a product from a psti.declaration/1 TOML file",
)
def create_from_declaration(request: Request, file: UploadFile = File(...)) -> dict[str, Any]:
    data = _read_limited(file, 1024 * 1024)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        from psti.service.errors import Invalid

        raise Invalid("the declaration is not UTF-8 text", [{"field": "file", "message": "not UTF-8"}]) from None
    with tx(request) as ctx:
        check_csrf(request, ctx)
        return _product(products.create_from_declaration(ctx, text, file.filename or "declaration.toml"))


@router.get("/products/{product_id}", tags=["products"])
def get_product(request: Request, product_id: int) -> dict[str, Any]:
    with tx(request) as ctx:
        p = products.own_product(ctx, product_id)
        out = _product(p)
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
        out["statements"] = [_statement(s) for s in products.product_statements(ctx, p)]
        out["assessments"] = [
            {"id": a.id, "overall": a.overall, "created_at": a.created_at.isoformat()}
            for a in products.assessments(ctx, p)
        ]
        return out


@router.post("/products/{product_id}/batches", tags=["products"], status_code=201)
def add_batch(request: Request, product_id: int, identifier: str = Body(..., embed=True)) -> dict[str, Any]:
    with tx(request) as ctx:
        check_csrf(request, ctx)
        b = products.add_batch(ctx, product_id, identifier)
        return {"id": b.id, "identifier": b.identifier}


@router.post("/products/{product_id}/urls", tags=["products"], status_code=201)
def add_url(request: Request, product_id: int, kind: str = Body(...), url: str = Body(...)) -> dict[str, Any]:
    with tx(request) as ctx:
        check_csrf(request, ctx)
        u = products.add_url(ctx, product_id, kind, url)
        return {"id": u.id, "kind": u.kind, "url": u.url}


@router.post("/products/{product_id}/url-checks", tags=["products"], status_code=202)
def check_urls(request: Request, product_id: int) -> dict[str, Any]:
    from psti.store import jobs

    with tx(request) as ctx:
        check_csrf(request, ctx)
        p = products.own_product(ctx, product_id)
        job = jobs.enqueue(ctx.db, "url-check", {"product_id": p.id}, organisation_id=p.organisation_id)
        ctx.audit("product.url_check.queue", f"product:{p.id}", p.organisation_id, job=job.id)
        return _job(job)


@router.post("/products/{product_id}/files", tags=["products"], status_code=201)
def attach_file(
    request: Request, product_id: int, kind: str = Form(...), file: UploadFile = File(...)
) -> dict[str, Any]:
    st = state(request)
    data = _read_limited(file, st.settings.max_upload_bytes)
    with tx(request) as ctx:
        check_csrf(request, ctx)
        f = products.attach_file(ctx, product_id, kind, file.filename or "upload", data)
        return {"id": f.id, "filename": f.filename, "sha256": f.blob.sha256, "size": f.blob.size}


@router.put("/products/{product_id}/support-period", tags=["products"])
def set_support(request: Request, product_id: int, body: SupportIn) -> dict[str, Any]:
    with tx(request) as ctx:
        check_csrf(request, ctx)
        return _product(products.set_support_end(ctx, product_id, body.end_date))


@router.post("/products/{product_id}/assessments", tags=["products"], status_code=202)
def queue_assessment(request: Request, product_id: int) -> dict[str, Any]:
    with tx(request) as ctx:
        check_csrf(request, ctx)
        job_id = products.queue_assessment(ctx, product_id)
        return _job(ctx.db.get(Job, job_id))  # type: ignore[arg-type]


@router.get("/assessments/{assessment_id}", tags=["products"])
def get_assessment(request: Request, assessment_id: int) -> Response:
    from psti.store.models import AssessmentRecord

    with tx(request) as ctx:
        a = ctx.db.get(AssessmentRecord, assessment_id)
        if a is None:
            raise NotFound(f"no assessment {assessment_id}")
        products.own_product(ctx, a.product_id)
        return Response(a.result_json, media_type="application/json")


@router.post("/products/{product_id}/statements", tags=["statements"], status_code=201)
def publish_statement(request: Request, product_id: int, body: StatementIn) -> dict[str, Any]:
    data = body.model_dump(mode="json")
    with tx(request) as ctx:
        check_csrf(request, ctx)
        return _statement(products.publish_statement(ctx, product_id, data))


@router.post(
    "/products/{product_id}/statements/upload",
    tags=["statements"],
    status_code=201,
    summary="Publish a statement issued with `psti statement` (its signed JSON file)",
)
def upload_statement(request: Request, product_id: int, file: UploadFile = File(...)) -> dict[str, Any]:  # noqa: B008
    from psti.service.statements import MAX_STATEMENT_BYTES

    data = _read_limited(file, MAX_STATEMENT_BYTES)
    with tx(request) as ctx:
        check_csrf(request, ctx)
        return _statement(products.register_statement(ctx, product_id, data))


@router.post("/statements/{public_id}/withdraw", tags=["statements"])
def withdraw_statement(request: Request, public_id: str, reason: str = Body(..., embed=True)) -> dict[str, Any]:
    with tx(request) as ctx:
        check_csrf(request, ctx)
        return _statement(products.withdraw_statement(ctx, public_id, reason))


@router.get("/statements/{public_id}", tags=["public"], summary="The signed statement document")
def get_statement(request: Request, public_id: str) -> Response:
    with read_session(request) as db:
        rec = db.execute(select(StatementRecord).where(StatementRecord.public_id == public_id)).scalar_one_or_none()
        if rec is None:
            raise NotFound(f"no statement {public_id}")
        return Response(rec.document, media_type="application/json", headers={"X-Statement-Status": rec.status})


@router.post("/statements/verify", tags=["public"], summary="Verify a signed statement document")
async def verify(request: Request) -> dict[str, Any]:
    data = await request.body()
    res = verify_statement(data)
    return {"valid": res.valid, "reason": res.reason, "key_id": res.key_id}


# --- compliance records ---------------------------------------------------------------


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


@router.post("/products/{product_id}/compliance", tags=["compliance"], status_code=201)
def open_record(request: Request, product_id: int, body: dict[str, Any] = Body(...)) -> dict[str, Any]:
    with tx(request) as ctx:
        check_csrf(request, ctx)
        return _record(products.open_record(ctx, product_id, body), [])


@router.get("/compliance", tags=["compliance"])
def list_records(request: Request, organisation_id: int | None = None) -> list[dict[str, Any]]:
    with tx(request) as ctx:
        return [_record(r, []) for r in products.list_records(ctx, organisation_id)]


@router.get("/compliance/{record_id}", tags=["compliance"])
def get_record(request: Request, record_id: int) -> dict[str, Any]:
    with tx(request) as ctx:
        return _record(*products.get_record(ctx, record_id))


@router.post("/compliance/{record_id}/actions", tags=["compliance"], status_code=201)
def add_action(request: Request, record_id: int, body: dict[str, Any] = Body(...)) -> dict[str, Any]:
    with tx(request) as ctx:
        check_csrf(request, ctx)
        products.add_action(ctx, record_id, body)
        return _record(*products.get_record(ctx, record_id))


@router.post("/compliance/{record_id}/close", tags=["compliance"])
def close_record(request: Request, record_id: int, outcome: str = Body(..., embed=True)) -> dict[str, Any]:
    with tx(request) as ctx:
        check_csrf(request, ctx)
        products.close_record(ctx, record_id, outcome)
        return _record(*products.get_record(ctx, record_id))


# --- public look-up -------------------------------------------------------------------


@router.get("/lookup", tags=["public"])
def lookup(request: Request, q: str = Query(..., min_length=1, max_length=200)) -> list[dict[str, Any]]:
    with read_session(request) as db:
        return [products.public_view(db, p) for p in products.lookup(db, q)]


@router.get("/public/products/{public_id}", tags=["public"])
def public_product(request: Request, public_id: str) -> dict[str, Any]:
    with read_session(request) as db:
        return products.public_product(db, public_id)


@router.get("/manufacturers/{slug}/reporting", tags=["public"])
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


# --- catalogues -----------------------------------------------------------------------


@router.post("/catalogues", tags=["catalogues"], status_code=202)
def upload_catalogue(
    request: Request, file: UploadFile = File(...), recheck_days: int | None = Form(None)
) -> dict[str, Any]:
    st = state(request)
    data = _read_limited(file, st.settings.max_upload_bytes)
    with tx(request) as ctx:
        check_csrf(request, ctx)
        cat = catalogues.create_catalogue(ctx, file.filename or "catalogue.csv", data, recheck_days)
        return _catalogue(ctx.db, cat)


@router.get("/catalogues", tags=["catalogues"])
def list_catalogues(request: Request) -> list[dict[str, Any]]:
    with tx(request) as ctx:
        org = ctx.who.require_org("importer", "distributor")
        cats = (
            ctx.db.execute(select(Catalogue).where(Catalogue.organisation_id == org).order_by(Catalogue.id.desc()))
            .scalars()
            .all()
        )
        return [_catalogue(ctx.db, c) for c in cats]


@router.get("/catalogues/{catalogue_id}", tags=["catalogues"])
def get_catalogue(request: Request, catalogue_id: int) -> dict[str, Any]:
    with tx(request) as ctx:
        return _catalogue(ctx.db, catalogues.own_catalogue(ctx, catalogue_id))


@router.get("/catalogues/{catalogue_id}/rows", tags=["catalogues"])
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


@router.get("/catalogues/{catalogue_id}/export.{fmt}", tags=["catalogues"])
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
            headers={"Content-Disposition": f'attachment; filename="{name}.xlsx"'},
        )
    if fmt != "csv":
        raise NotFound("export as .csv or .xlsx")

    def stream():  # type: ignore[no-untyped-def]
        with store_db.reading(), st.factory() as db:
            yield from catalogues.export_csv(db, cat)

    return StreamingResponse(
        stream(),
        media_type="text/csv",
        headers={"Content-Disposition": f'attachment; filename="{name}.csv"'},
    )


@router.post("/catalogues/{catalogue_id}/recheck", tags=["catalogues"], status_code=202)
def recheck_catalogue(request: Request, catalogue_id: int) -> dict[str, Any]:
    with tx(request) as ctx:
        check_csrf(request, ctx)
        return _catalogue(ctx.db, catalogues.recheck(ctx, catalogue_id))


@router.get("/notices", tags=["catalogues"])
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


@router.post("/notices/{notice_id}/read", tags=["catalogues"])
def read_notice(request: Request, notice_id: int) -> dict[str, Any]:
    with tx(request) as ctx:
        check_csrf(request, ctx)
        n = accounts.mark_notice_read(ctx, notice_id)
        return {"id": n.id, "read": True}


@router.get("/jobs/{job_id}", tags=["jobs"])
def get_job(request: Request, job_id: int) -> dict[str, Any]:
    with tx(request) as ctx:
        ctx.who.require()
        job = ctx.db.get(Job, job_id)
        if job is None or job.organisation_id is None or job.organisation_id != ctx.who.organisation_id:
            raise NotFound(f"no job {job_id} in your organisation")
        return _job(job)


# --- vulnerability reports ------------------------------------------------------------


@router.post("/manufacturers/{slug}/reports", tags=["reports"], status_code=201)
def submit_report(request: Request, slug: str, body: ReportIn) -> dict[str, Any]:
    st = state(request)
    st.limiter.hit(f"report:{client_ip(request)}", st.settings.report_limit, "reports")
    with tx(request) as ctx:
        check_csrf(request, ctx)
        report, token = reports.submit(ctx, slug, body.model_dump())
        out = _report(report)
    out["follow_up_token"] = token
    out["follow_up_url"] = f"/report/track/{report.public_id}?token={token}"
    return out


def _report_access(ctx: Any, public_id: str, token: str | None) -> tuple[VulnerabilityReport, str]:
    if ctx.who.role == "manufacturer" and not token:
        return reports.for_manufacturer(ctx, public_id), "manufacturer"
    return reports.for_researcher(ctx, public_id, token), "researcher"


@router.get("/reports", tags=["reports"])
def inbox(request: Request, overdue: bool = False) -> list[dict[str, Any]]:
    with tx(request) as ctx:
        return [_report(r, full=False) for r in reports.inbox(ctx, overdue)]


@router.get("/reports/{public_id}", tags=["reports"])
def get_report(request: Request, public_id: str, x_report_token: str | None = Header(None)) -> dict[str, Any]:
    with tx(request) as ctx:
        report, _ = _report_access(ctx, public_id, x_report_token)
        out = _report(report)
        out["messages"] = [
            {"author": m.author, "body": m.body, "at": m.created_at.isoformat()} for m in reports.messages(ctx, report)
        ]
        out["attachments"] = [
            {"id": a.id, "filename": a.filename, "size": a.blob.size, "sha256": a.blob.sha256}
            for a in reports.attachments(ctx, report)
        ]
        return out


@router.post("/reports/{public_id}/messages", tags=["reports"], status_code=201)
def post_message(
    request: Request,
    public_id: str,
    body: str = Body(..., embed=True),
    x_report_token: str | None = Header(None),
) -> dict[str, Any]:
    with tx(request) as ctx:
        check_csrf(request, ctx)
        report, author = _report_access(ctx, public_id, x_report_token)
        m = reports.add_message(ctx, report, author, body)
        return {"author": m.author, "body": m.body}


@router.post("/reports/{public_id}/attachments", tags=["reports"], status_code=201)
def add_attachment(
    request: Request,
    public_id: str,
    file: UploadFile = File(...),
    x_report_token: str | None = Header(None),
) -> dict[str, Any]:
    from psti.service.blobs import safe_filename
    from psti.store.models import ReportAttachment

    st = state(request)
    data = _read_limited(file, st.settings.max_attachment_bytes)
    with tx(request) as ctx:
        check_csrf(request, ctx)
        report, author = _report_access(ctx, public_id, x_report_token)
        if len(reports.attachments(ctx, report)) >= reports.MAX_ATTACHMENTS * 2:
            raise TooLarge("this report has as many attachments as it may have")
        blob = st.blobs.put(ctx.db, data, st.settings.max_attachment_bytes)
        att = ReportAttachment(report_id=report.id, filename=safe_filename(file.filename), blob_id=blob.id)
        ctx.db.add(att)
        ctx.db.flush()
        ctx.audit(
            "report.attachment",
            f"report:{report.public_id}",
            report.organisation_id,
            author=author,
            sha256=blob.sha256,
        )
        return {"id": att.id, "filename": att.filename, "sha256": blob.sha256}


@router.get("/reports/{public_id}/attachments/{attachment_id}", tags=["reports"])
def get_attachment(
    request: Request,
    public_id: str,
    attachment_id: int,
    x_report_token: str | None = Header(None),
    token: str | None = None,
) -> Response:
    st = state(request)
    with tx(request) as ctx:
        report, _ = _report_access(ctx, public_id, x_report_token or token)
        att = next((a for a in reports.attachments(ctx, report) if a.id == attachment_id), None)
        if att is None:
            raise NotFound(f"no attachment {attachment_id}")
        data = st.blobs.read(att.blob)
    # Served as an opaque download, never rendered by the browser.
    return Response(
        data,
        media_type="application/octet-stream",
        headers={
            "Content-Disposition": f'attachment; filename="{att.filename}"',
            "Content-Security-Policy": "sandbox",
        },
    )


@router.post("/reports/{public_id}/acknowledge", tags=["reports"])
def acknowledge(request: Request, public_id: str, message: str = Body("", embed=True)) -> dict[str, Any]:
    with tx(request) as ctx:
        check_csrf(request, ctx)
        return _report(reports.acknowledge(ctx, public_id, message))


@router.post("/reports/{public_id}/status", tags=["reports"])
def set_status(request: Request, public_id: str, status: str = Body(...), message: str = Body(...)) -> dict[str, Any]:
    with tx(request) as ctx:
        check_csrf(request, ctx)
        return _report(reports.set_status(ctx, public_id, status, message))


@router.post("/reports/{public_id}/advisory", tags=["reports"])
def publish_advisory(request: Request, public_id: str, summary: str = Body(...), cve: str = Body("")) -> dict[str, Any]:
    with tx(request) as ctx:
        check_csrf(request, ctx)
        return _report(reports.publish_advisory(ctx, public_id, summary, cve))


@router.get("/reports/{public_id}/csaf", tags=["public"], summary="CSAF 2.0 advisory (once published)")
def csaf(request: Request, public_id: str) -> JSONResponse:
    st = state(request)
    with store_db.reading(), st.factory() as db:
        report = db.execute(
            select(VulnerabilityReport).where(VulnerabilityReport.public_id == public_id)
        ).scalar_one_or_none()
        if report is None:
            raise NotFound(f"no report {public_id}")
        return JSONResponse(
            reports.csaf(report, st.settings.public_url),
            headers={"Content-Disposition": f'inline; filename="{public_id}.csaf.json"'},
        )


# --- audit ----------------------------------------------------------------------------


@router.get("/audit", tags=["audit"])
def audit_log(
    request: Request,
    organisation_id: int | None = None,
    limit: int = Query(200, ge=1, le=1000),
    before: int | None = None,
) -> list[dict[str, Any]]:
    with tx(request) as ctx:
        return [
            {
                "id": e.id,
                "at": e.at.isoformat(),
                "actor": e.actor,
                "organisation_id": e.organisation_id,
                "action": e.action,
                "target": e.target,
                "details": e.details,
                "hash": e.hash,
                "prev_hash": e.prev_hash,
            }
            for e in accounts.audit_events(ctx, organisation_id, limit, before)
        ]


@router.get("/audit/verify", tags=["audit"])
def audit_verify(request: Request) -> dict[str, Any]:
    with tx(request) as ctx:
        ctx.who.require("enforcement", "admin", "manufacturer", "importer", "distributor")
        res = audit.verify_chain(ctx.db)
        return {
            "ok": res.ok,
            "events": res.events,
            "first_bad": res.first_bad,
            "reason": res.reason,
        }


@router.get("/organisations", tags=["admin"])
def organisations(request: Request) -> list[dict[str, Any]]:
    with tx(request) as ctx:
        ctx.who.require("admin", "enforcement")
        return [
            {"id": o.id, "slug": o.slug, "name": o.name, "kind": o.kind}
            for o in ctx.db.execute(select(Organisation).order_by(Organisation.name)).scalars()
        ]
