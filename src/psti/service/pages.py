"""Server-rendered HTML pages over the same operations as the API."""

from __future__ import annotations

import datetime as dt
import secrets
from typing import Any

from fastapi import APIRouter, File, Form, Query, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy import select

from psti.service import accounts, auth, catalogues, products, reports
from psti.service.api import _read_limited
from psti.service.app import check_csrf, client_ip, state, tx
from psti.service.context import Ctx
from psti.service.errors import NotFound
from psti.service.label import label_svg
from psti.store import db as store_db
from psti.store.models import (
    Batch,
    Catalogue,
    Job,
    Organisation,
    ProductFile,
    ProductUrl,
    StatementRecord,
)

router = APIRouter(include_in_schema=False)


def render(request: Request, template: str, ctx: Ctx | None, status: int = 200, **values: Any) -> HTMLResponse:
    st = state(request)
    who = ctx.who if ctx else auth.ANONYMOUS
    anon_csrf = request.cookies.get(auth.ANON_CSRF_COOKIE) or secrets.token_urlsafe(24)
    csrf = who.csrf_token if who.via == "session" else anon_csrf
    response = st.templates.TemplateResponse(
        request,
        template,
        {"who": who, "csrf": csrf, "today": dt.date.today(), **values},
        status_code=status,
    )
    if who.via != "session" and not request.cookies.get(auth.ANON_CSRF_COOKIE):
        response.set_cookie(
            auth.ANON_CSRF_COOKIE,
            anon_csrf,
            httponly=True,
            samesite="strict",
            secure=st.settings.secure_cookies,
        )
    return response


def redirect(url: str) -> RedirectResponse:
    return RedirectResponse(url, status_code=303)


# --- public ---------------------------------------------------------------------------


@router.get("/", response_class=HTMLResponse)
def home(request: Request) -> HTMLResponse:
    with tx(request) as ctx:
        return render(request, "home.html", ctx)


@router.get("/lookup", response_class=HTMLResponse)
def lookup(request: Request, q: str = Query("", max_length=200)) -> HTMLResponse:
    with tx(request) as ctx:
        results = [products.public_view(ctx.db, p) for p in products.lookup(ctx.db, q)] if q else []
        return render(request, "lookup.html", ctx, q=q, results=results)


@router.get("/products/{public_id}", response_class=HTMLResponse)
def product_page(request: Request, public_id: str) -> HTMLResponse:
    with tx(request) as ctx:
        return render(request, "product_public.html", ctx, p=products.public_product(ctx.db, public_id))


@router.get("/products/{public_id}/label.svg")
def product_label(request: Request, public_id: str) -> Response:
    st = state(request)
    with store_db.reading(), st.factory() as db:
        p = products.public_product(db, public_id)
    svg = label_svg(
        product_name=p["name"],
        model=p["model"],
        manufacturer=p["manufacturer"]["name"],
        support_end=dt.date.fromisoformat(p["support_period"]["end_date"]),
        lookup_url=f"{st.settings.public_url}/products/{public_id}",
    )
    return Response(svg, media_type="image/svg+xml")


@router.get("/login", response_class=HTMLResponse)
def login_form(request: Request) -> HTMLResponse:
    with tx(request) as ctx:
        return render(request, "login.html", ctx)


@router.post("/login")
def login(request: Request, email: str = Form(...), password: str = Form(...), csrf_token: str = Form("")) -> Response:
    st = state(request)
    st.limiter.hit(f"login-ip:{client_ip(request)}", st.settings.login_limit, "sign-in attempts")
    st.limiter.hit(f"login-user:{email.strip().lower()}", st.settings.login_limit, "sign-in attempts")
    with tx(request) as ctx:
        check_csrf(request, ctx, csrf_token, page=True)
        token, _ = accounts.login(ctx, email, password)
    response = redirect("/dashboard")
    response.set_cookie(
        auth.SESSION_COOKIE,
        token,
        httponly=True,
        samesite="lax",
        secure=st.settings.secure_cookies,
        max_age=st.settings.session_hours * 3600,
    )
    return response


@router.get("/register", response_class=HTMLResponse)
def register_form(request: Request) -> HTMLResponse:
    with tx(request) as ctx:
        return render(request, "register.html", ctx)


@router.post("/register")
def register(
    request: Request,
    csrf_token: str = Form(""),
    email: str = Form(...),
    password: str = Form(...),
    name: str = Form(""),
) -> Response:
    st = state(request)
    st.limiter.hit(f"register:{client_ip(request)}", st.settings.report_limit, "registrations")
    with tx(request) as ctx:
        check_csrf(request, ctx, csrf_token, page=True)
        accounts.create_user(ctx, {"email": email, "password": password, "name": name}, self_service=True)
    return redirect("/login")


@router.post("/dashboard/tokens", response_class=HTMLResponse)
def new_token(request: Request, csrf_token: str = Form(""), name: str = Form("automation")) -> HTMLResponse:
    with tx(request) as ctx:
        check_csrf(request, ctx, csrf_token, page=True)
        token = accounts.new_api_token(ctx, name)
        return render(request, "token.html", ctx, token=token, name=name)


@router.post("/logout")
def logout(request: Request, csrf_token: str = Form("")) -> Response:
    from psti.store.models import LoginSession

    with tx(request) as ctx:
        check_csrf(request, ctx, csrf_token, page=True)
        cookie = request.cookies.get(auth.SESSION_COOKIE)
        if cookie:
            row = ctx.db.execute(
                select(LoginSession).where(LoginSession.token_hash == auth.token_digest(cookie))
            ).scalar_one_or_none()
            if row is not None:
                ctx.db.delete(row)
    response = redirect("/")
    response.delete_cookie(auth.SESSION_COOKIE)
    return response


# --- dashboard ------------------------------------------------------------------------


@router.get("/dashboard", response_class=HTMLResponse)
def dashboard(request: Request) -> Response:
    with tx(request) as ctx:
        if ctx.who.anonymous:
            return redirect("/login")
        values: dict[str, Any] = {}
        role = ctx.who.role
        if role == "manufacturer":
            values["products"] = products.list_products(ctx)
            values["open_reports"] = [r for r in reports.inbox(ctx) if r.status in reports.OPEN]
            values["overdue"] = reports.inbox(ctx, overdue_only=True)
            values["org"] = ctx.db.get(Organisation, ctx.who.organisation_id)
        elif role in ("importer", "distributor"):
            values["catalogues"] = (
                ctx.db.execute(
                    select(Catalogue)
                    .where(Catalogue.organisation_id == ctx.who.organisation_id)
                    .order_by(Catalogue.id.desc())
                )
                .scalars()
                .all()
            )
            values["notices"] = accounts.notices(ctx)
        elif role in ("enforcement", "admin"):
            values["organisations"] = ctx.db.execute(select(Organisation).order_by(Organisation.name)).scalars().all()
        return render(request, "dashboard.html", ctx, **values)


@router.post("/dashboard/reporting")
def update_reporting(
    request: Request,
    csrf_token: str = Form(""),
    reporting_contact: str = Form(""),
    policy_url: str = Form(""),
    acknowledgement_days: int = Form(5),
    status_update_days: int = Form(30),
) -> Response:
    with tx(request) as ctx:
        check_csrf(request, ctx, csrf_token, page=True)
        accounts.update_reporting(
            ctx,
            {
                "reporting_contact": reporting_contact,
                "policy_url": policy_url,
                "acknowledgement_days": acknowledgement_days,
                "status_update_days": status_update_days,
            },
        )
    return redirect("/dashboard")


@router.post("/admin/organisations")
def admin_org(
    request: Request,
    csrf_token: str = Form(""),
    name: str = Form(...),
    kind: str = Form(...),
    address: str = Form(""),
) -> Response:
    with tx(request) as ctx:
        check_csrf(request, ctx, csrf_token, page=True)
        accounts.create_organisation(ctx, {"name": name, "kind": kind, "address": address})
    return redirect("/dashboard")


@router.post("/admin/users")
def admin_user(
    request: Request,
    csrf_token: str = Form(""),
    email: str = Form(...),
    password: str = Form(...),
    role: str = Form(...),
    organisation_id: str = Form(""),
) -> Response:
    with tx(request) as ctx:
        check_csrf(request, ctx, csrf_token, page=True)
        accounts.create_user(
            ctx,
            {
                "email": email,
                "password": password,
                "role": role,
                "organisation_id": organisation_id or None,
            },
        )
    return redirect("/dashboard")


# --- manufacturer: products -----------------------------------------------------------


@router.post("/manage/products")
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


@router.post("/manage/products/declaration")
def new_product_from_declaration(
    request: Request, csrf_token: str = Form(""), file: UploadFile = File(...)
) -> Response:
    data = _read_limited(file, 1024 * 1024)
    with tx(request) as ctx:
        check_csrf(request, ctx, csrf_token, page=True)
        p = products.create_from_declaration(
            ctx, data.decode("utf-8", errors="replace"), file.filename or "declaration.toml"
        )
    return redirect(f"/manage/products/{p.id}")


@router.get("/manage/products/{product_id}", response_class=HTMLResponse)
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


@router.post("/manage/products/{product_id}/support-period")
def extend_support(
    request: Request, product_id: int, csrf_token: str = Form(""), end_date: str = Form(...)
) -> Response:
    with tx(request) as ctx:
        check_csrf(request, ctx, csrf_token, page=True)
        products.set_support_end(ctx, product_id, end_date)
    return redirect(f"/manage/products/{product_id}")


@router.post("/manage/products/{product_id}/batches")
def add_batch(request: Request, product_id: int, csrf_token: str = Form(""), identifier: str = Form(...)) -> Response:
    with tx(request) as ctx:
        check_csrf(request, ctx, csrf_token, page=True)
        products.add_batch(ctx, product_id, identifier)
    return redirect(f"/manage/products/{product_id}")


@router.post("/manage/products/{product_id}/urls")
def add_url(
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


@router.post("/manage/products/{product_id}/files")
def add_file(
    request: Request,
    product_id: int,
    csrf_token: str = Form(""),
    kind: str = Form(...),
    file: UploadFile = File(...),
) -> Response:
    data = _read_limited(file, state(request).settings.max_upload_bytes)
    with tx(request) as ctx:
        check_csrf(request, ctx, csrf_token, page=True)
        products.attach_file(ctx, product_id, kind, file.filename or "upload", data)
    return redirect(f"/manage/products/{product_id}")


@router.post("/manage/products/{product_id}/assess")
def assess(request: Request, product_id: int, csrf_token: str = Form("")) -> Response:
    with tx(request) as ctx:
        check_csrf(request, ctx, csrf_token, page=True)
        products.queue_assessment(ctx, product_id)
    return redirect(f"/manage/products/{product_id}")


@router.post("/manage/products/{product_id}/statements")
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


@router.post("/manage/products/{product_id}/statements/upload")
def upload_statement(
    request: Request,
    product_id: int,
    csrf_token: str = Form(""),
    file: UploadFile = File(...),  # noqa: B008
) -> Response:
    from psti.service.statements import MAX_STATEMENT_BYTES

    data = _read_limited(file, MAX_STATEMENT_BYTES)
    with tx(request) as ctx:
        check_csrf(request, ctx, csrf_token, page=True)
        products.register_statement(ctx, product_id, data)
    return redirect(f"/manage/products/{product_id}")


@router.post("/manage/statements/{public_id}/withdraw")
def withdraw(request: Request, public_id: str, csrf_token: str = Form(""), reason: str = Form("")) -> Response:
    with tx(request) as ctx:
        check_csrf(request, ctx, csrf_token, page=True)
        rec = products.withdraw_statement(ctx, public_id, reason)
    return redirect(f"/manage/products/{rec.product_id}")


@router.post("/manage/products/{product_id}/compliance")
def open_record(
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


@router.get("/manage/compliance/{record_id}", response_class=HTMLResponse)
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


@router.post("/manage/compliance/{record_id}/actions")
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


@router.post("/manage/compliance/{record_id}/close")
def compliance_close(request: Request, record_id: int, csrf_token: str = Form(""), outcome: str = Form("")) -> Response:
    with tx(request) as ctx:
        check_csrf(request, ctx, csrf_token, page=True)
        products.close_record(ctx, record_id, outcome)
    return redirect(f"/manage/compliance/{record_id}")


# --- importers and distributors: catalogues -------------------------------------------


@router.post("/catalogues")
def upload_catalogue(
    request: Request,
    csrf_token: str = Form(""),
    file: UploadFile = File(...),
    recheck_days: str = Form(""),
) -> Response:
    data = _read_limited(file, state(request).settings.max_upload_bytes)
    with tx(request) as ctx:
        check_csrf(request, ctx, csrf_token, page=True)
        days = int(recheck_days) if recheck_days.strip().isdigit() else None
        cat = catalogues.create_catalogue(ctx, file.filename or "catalogue.csv", data, days)
    return redirect(f"/catalogues/{cat.id}")


@router.get("/catalogues/{catalogue_id}", response_class=HTMLResponse)
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


@router.post("/catalogues/{catalogue_id}/recheck")
def recheck(request: Request, catalogue_id: int, csrf_token: str = Form("")) -> Response:
    with tx(request) as ctx:
        check_csrf(request, ctx, csrf_token, page=True)
        catalogues.recheck(ctx, catalogue_id)
    return redirect(f"/catalogues/{catalogue_id}")


# --- vulnerability reports ------------------------------------------------------------


@router.get("/report/{slug}", response_class=HTMLResponse)
def report_form(request: Request, slug: str) -> HTMLResponse:
    with tx(request) as ctx:
        org = reports.manufacturer_by_slug(ctx.db, slug)
        return render(request, "report_form.html", ctx, org=org, severities=reports.SEVERITIES)


@router.post("/report/{slug}", response_class=HTMLResponse)
def submit_report(
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
        (f.filename or "attachment", _read_limited(f, st.settings.max_attachment_bytes)) for f in files if f.filename
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


@router.get("/report/track/{public_id}", response_class=HTMLResponse)
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


@router.post("/report/track/{public_id}/messages")
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


@router.get("/manage/reports", response_class=HTMLResponse)
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


@router.get("/manage/reports/{public_id}", response_class=HTMLResponse)
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


@router.post("/manage/reports/{public_id}/acknowledge")
def ack(request: Request, public_id: str, csrf_token: str = Form(""), message: str = Form("")) -> Response:
    with tx(request) as ctx:
        check_csrf(request, ctx, csrf_token, page=True)
        reports.acknowledge(ctx, public_id, message)
    return redirect(f"/manage/reports/{public_id}")


@router.post("/manage/reports/{public_id}/status")
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


@router.post("/manage/reports/{public_id}/messages")
def manufacturer_message(
    request: Request, public_id: str, csrf_token: str = Form(""), body: str = Form("")
) -> Response:
    with tx(request) as ctx:
        check_csrf(request, ctx, csrf_token, page=True)
        reports.add_message(ctx, reports.for_manufacturer(ctx, public_id), "manufacturer", body)
    return redirect(f"/manage/reports/{public_id}")


@router.post("/manage/reports/{public_id}/advisory")
def advisory(
    request: Request,
    public_id: str,
    csrf_token: str = Form(""),
    summary: str = Form(""),
    cve: str = Form(""),
) -> Response:
    with tx(request) as ctx:
        check_csrf(request, ctx, csrf_token, page=True)
        reports.publish_advisory(ctx, public_id, summary, cve)
    return redirect(f"/manage/reports/{public_id}")


# --- audit ----------------------------------------------------------------------------


@router.get("/audit", response_class=HTMLResponse)
def audit_page(request: Request, organisation_id: int | None = None) -> HTMLResponse:
    from psti.store import audit

    with tx(request) as ctx:
        events = accounts.audit_events(ctx, organisation_id)
        chain = audit.verify_chain(ctx.db) if ctx.who.role == "enforcement" else None
        orgs = (
            ctx.db.execute(select(Organisation).order_by(Organisation.name)).scalars().all()
            if ctx.who.role == "enforcement"
            else []
        )
        return render(
            request,
            "audit.html",
            ctx,
            events=events,
            chain=chain,
            orgs=orgs,
            organisation_id=organisation_id,
        )


@router.get("/statements/{public_id}", response_class=HTMLResponse)
def statement_page(request: Request, public_id: str) -> Response:
    with tx(request) as ctx:
        rec = ctx.db.execute(select(StatementRecord).where(StatementRecord.public_id == public_id)).scalar_one_or_none()
        if rec is None:
            raise NotFound(f"no statement {public_id}")
        return redirect(f"/products/{rec.product.public_id}")
