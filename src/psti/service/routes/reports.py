"""Vulnerability reports: the researcher's form and follow-up, the manufacturer's inbox,
advisories (CSAF).

JSON routes under `/api/v1` (in the OpenAPI document) and the HTML pages over the same calls.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Body, File, Form, Header, Request, Response, UploadFile
from fastapi.responses import HTMLResponse
from sqlalchemy import select

from psti.documents import csaf as csaf_document
from psti.registry import advisories, reports
from psti.registry.blobs import safe_filename
from psti.service.deps import check_csrf, client_ip, read_limited, redirect, render, state, tx
from psti.service.downloads import content_disposition
from psti.service.errors import Invalid, NotFound
from psti.service.routes.shapes import StrictModel
from psti.store import db as store_db
from psti.store.models import ReportAttachment, VulnerabilityReport

api = APIRouter(prefix="/api/v1")
pages = APIRouter(include_in_schema=False)


class ReportIn(StrictModel):
    title: str
    description: str
    severity: str = "unknown"
    contact: str = ""
    product_model: str = ""


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


@api.post("/manufacturers/{slug}/reports", tags=["reports"], status_code=201)
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


@api.get("/reports", tags=["reports"])
def inbox(request: Request, overdue: bool = False) -> list[dict[str, Any]]:
    with tx(request) as ctx:
        return [_report(r, full=False) for r in reports.inbox(ctx, overdue)]


@api.get("/reports/{public_id}", tags=["reports"])
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


@api.post("/reports/{public_id}/messages", tags=["reports"], status_code=201)
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


@api.post("/reports/{public_id}/attachments", tags=["reports"], status_code=201)
def add_attachment(
    request: Request,
    public_id: str,
    file: UploadFile = File(...),
    x_report_token: str | None = Header(None),
) -> dict[str, Any]:
    st = state(request)
    data = read_limited(file, st.settings.max_attachment_bytes)
    with tx(request) as ctx:
        check_csrf(request, ctx)
        report, author = _report_access(ctx, public_id, x_report_token)
        if len(reports.attachments(ctx, report)) >= reports.MAX_ATTACHMENTS:
            raise Invalid(
                f"a report may have at most {reports.MAX_ATTACHMENTS} attachments; this one has them all",
                [{"field": "file", "message": f"at most {reports.MAX_ATTACHMENTS} files per report"}],
            )
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


@api.get("/reports/{public_id}/attachments/{attachment_id}", tags=["reports"])
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
            "Content-Disposition": content_disposition(att.filename),
            "Content-Security-Policy": "sandbox",
        },
    )


@api.post("/reports/{public_id}/acknowledge", tags=["reports"])
def acknowledge(request: Request, public_id: str, message: str = Body("", embed=True)) -> dict[str, Any]:
    with tx(request) as ctx:
        check_csrf(request, ctx)
        return _report(reports.acknowledge(ctx, public_id, message))


@api.post("/reports/{public_id}/status", tags=["reports"])
def set_status(request: Request, public_id: str, status: str = Body(...), message: str = Body(...)) -> dict[str, Any]:
    with tx(request) as ctx:
        check_csrf(request, ctx)
        return _report(reports.set_status(ctx, public_id, status, message))


@api.post("/reports/{public_id}/advisory", tags=["reports"])
def publish_advisory(
    request: Request,
    public_id: str,
    summary: str = Body(...),
    cve: str = Body(""),
    cvss_vector: str = Body("", description="CVSS v3.1 base vector, e.g. CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"),
    affected_versions: list[str] = Body([], description="Product versions the vulnerability affects"),
    fixed_versions: list[str] = Body([], description="Versions that fix it"),
    remediation: str = Body("", description="What users should do (distinct from the summary)"),
) -> dict[str, Any]:
    with tx(request) as ctx:
        check_csrf(request, ctx)
        details = advisories.check(cvss_vector, affected_versions, fixed_versions, remediation)
        report = reports.publish_advisory(ctx, public_id, summary, cve)
        advisories.record(ctx, report, details)
        return _report(report)


@api.get("/reports/{public_id}/csaf", tags=["public"], summary="CSAF 2.0 advisory (once published)")
def csaf(request: Request, public_id: str) -> Response:
    st = state(request)
    with store_db.reading(), st.factory() as db:
        report = db.execute(
            select(VulnerabilityReport).where(VulnerabilityReport.public_id == public_id)
        ).scalar_one_or_none()
        if report is None:
            raise NotFound(f"no report {public_id}")
        if report.advisory_published_at is None:
            raise NotFound("no advisory has been published for this report")
        return _csaf_response(db, report, st.settings.public_url)


def _csaf_response(db: Any, report: VulnerabilityReport, base_url: str) -> Response:
    advisory = csaf_document.from_report(report, advisories.details_of(db, report))
    return Response(
        csaf_document.dumps(csaf_document.build(advisory, base_url)),
        media_type="application/json",
        headers={"Content-Disposition": content_disposition(advisory.filename, "inline")},
    )


@pages.get("/advisories/{filename}", summary="CSAF 2.0 advisory at its canonical URL")
def csaf_canonical(request: Request, filename: str) -> Response:
    st = state(request)
    with store_db.reading(), st.factory() as db:
        report = advisories.by_tracking_file(db, filename)
        if report is None:
            raise NotFound(f"no published advisory {filename}")
        return _csaf_response(db, report, st.settings.public_url)


@pages.get("/manufacturers/{slug}", response_class=HTMLResponse)
def manufacturer_page(request: Request, slug: str) -> HTMLResponse:
    """The manufacturer's page: where to report, and its published advisories (the CSAF
    publisher namespace)."""
    with tx(request) as ctx:
        org = reports.manufacturer_by_slug(ctx.db, slug)
        published = [
            (r, csaf_document.canonical_url("", csaf_document.from_report(r)))
            for r in advisories.published_for(ctx.db, org)
        ]
        return render(request, "manufacturer.html", ctx, org=org, published=published)


@pages.get("/report/{slug}", response_class=HTMLResponse)
def report_form(request: Request, slug: str) -> HTMLResponse:
    with tx(request) as ctx:
        org = reports.manufacturer_by_slug(ctx.db, slug)
        return render(request, "report_form.html", ctx, org=org, severities=reports.SEVERITIES)


@pages.post("/report/{slug}", response_class=HTMLResponse)
def submit_report_page(
    request: Request,
    slug: str,
    csrf_token: str = Form(""),
    title: str = Form(""),
    description: str = Form(""),
    severity: str = Form("unknown"),
    contact: str = Form(""),
    product_model: str = Form(""),
    files: list[UploadFile] = File(default=[]),
) -> HTMLResponse:
    st = state(request)
    st.limiter.hit(f"report:{client_ip(request)}", st.settings.report_limit, "reports")
    uploads = [
        (f.filename or "attachment", read_limited(f, st.settings.max_attachment_bytes)) for f in files if f.filename
    ]
    with tx(request) as ctx:
        check_csrf(request, ctx, csrf_token, page=True)
        report, token = reports.submit(
            ctx,
            slug,
            {
                "title": title,
                "description": description,
                "severity": severity,
                "contact": contact,
                "product_model": product_model,
            },
            uploads,
        )
        return render(request, "report_submitted.html", ctx, report=report, token=token, status=201)


@pages.get("/report/track/{public_id}", response_class=HTMLResponse)
def track_report(request: Request, public_id: str, token: str = "") -> HTMLResponse:
    with tx(request) as ctx:
        report = reports.for_researcher(ctx, public_id, token or None)
        return render(
            request,
            "report_track.html",
            ctx,
            r=report,
            token=token,
            messages=reports.messages(ctx, report),
            attachments=reports.attachments(ctx, report),
            due=reports.due(report),
        )


@pages.post("/report/track/{public_id}/messages")
def researcher_message(
    request: Request,
    public_id: str,
    csrf_token: str = Form(""),
    token: str = Form(""),
    body: str = Form(""),
) -> Response:
    with tx(request) as ctx:
        check_csrf(request, ctx, csrf_token, page=True)
        report = reports.for_researcher(ctx, public_id, token or None)
        reports.add_message(ctx, report, "researcher", body)
    return redirect(f"/report/track/{public_id}?token={token}")


@pages.get("/manage/reports", response_class=HTMLResponse)
def reports_inbox(request: Request, overdue: bool = False) -> HTMLResponse:
    with tx(request) as ctx:
        rows = reports.inbox(ctx, overdue)
        return render(
            request,
            "reports_inbox.html",
            ctx,
            rows=rows,
            overdue=overdue,
            is_overdue=reports.is_overdue,
            due=reports.due,
        )


@pages.get("/manage/reports/{public_id}", response_class=HTMLResponse)
def manage_report(request: Request, public_id: str) -> HTMLResponse:
    with tx(request) as ctx:
        r = reports.for_manufacturer(ctx, public_id)
        return render(
            request,
            "report_manage.html",
            ctx,
            r=r,
            messages=reports.messages(ctx, r),
            attachments=reports.attachments(ctx, r),
            due=reports.due(r),
            overdue=reports.is_overdue(r),
            statuses=[s for s in ("triaged", "fixing", "resolved", "rejected")],
        )


@pages.post("/manage/reports/{public_id}/acknowledge")
def ack(request: Request, public_id: str, csrf_token: str = Form(""), message: str = Form("")) -> Response:
    with tx(request) as ctx:
        check_csrf(request, ctx, csrf_token, page=True)
        reports.acknowledge(ctx, public_id, message)
    return redirect(f"/manage/reports/{public_id}")


@pages.post("/manage/reports/{public_id}/status")
def status(
    request: Request,
    public_id: str,
    csrf_token: str = Form(""),
    status: str = Form(...),
    message: str = Form(""),
) -> Response:
    with tx(request) as ctx:
        check_csrf(request, ctx, csrf_token, page=True)
        reports.set_status(ctx, public_id, status, message)
    return redirect(f"/manage/reports/{public_id}")


@pages.post("/manage/reports/{public_id}/messages")
def manufacturer_message(
    request: Request, public_id: str, csrf_token: str = Form(""), body: str = Form("")
) -> Response:
    with tx(request) as ctx:
        check_csrf(request, ctx, csrf_token, page=True)
        reports.add_message(ctx, reports.for_manufacturer(ctx, public_id), "manufacturer", body)
    return redirect(f"/manage/reports/{public_id}")


@pages.post("/manage/reports/{public_id}/advisory")
def advisory(
    request: Request,
    public_id: str,
    csrf_token: str = Form(""),
    summary: str = Form(""),
    cve: str = Form(""),
    cvss_vector: str = Form(""),
    affected_versions: str = Form(""),
    fixed_versions: str = Form(""),
    remediation: str = Form(""),
) -> Response:
    with tx(request) as ctx:
        check_csrf(request, ctx, csrf_token, page=True)
        details = advisories.check(cvss_vector, affected_versions, fixed_versions, remediation)
        report = reports.publish_advisory(ctx, public_id, summary, cve)
        advisories.record(ctx, report, details)
    return redirect(f"/manage/reports/{public_id}")
