"""Accounts: signing in and out, API tokens, organisations and users, the dashboard.

JSON routes under `/api/v1` (in the OpenAPI document) and the HTML pages over the same calls.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from fastapi import APIRouter, Body, Form, Request, Response
from fastapi.responses import HTMLResponse
from sqlalchemy import select

from psti.registry import products, reports
from psti.service import accounts, auth
from psti.service.deps import (
    check_csrf,
    client_ip,
    limit_sign_in,
    redirect,
    render,
    sign_in_failed,
    sign_in_succeeded,
    state,
    tx,
)
from psti.service.routes.shapes import StrictModel
from psti.store import db as store_db
from psti.store.models import ApiToken, Catalogue, Organisation

api = APIRouter(prefix="/api/v1")
pages = APIRouter(include_in_schema=False)


class LoginIn(StrictModel):
    email: str
    password: str


class UserIn(StrictModel):
    email: str
    password: str
    role: str = "researcher"
    name: str = ""
    organisation_id: int | None = None


class OrganisationIn(StrictModel):
    name: str
    kind: str
    slug: str | None = None
    address: str = ""
    reporting_contact: str = ""
    policy_url: str = ""
    acknowledgement_days: int = 5
    status_update_days: int = 30


class ReportingIn(StrictModel):
    reporting_contact: str | None = None
    policy_url: str | None = None
    address: str | None = None
    acknowledgement_days: int | None = None
    status_update_days: int | None = None


@api.post("/session", tags=["accounts"])
def login(request: Request, body: LoginIn, response: Response) -> dict[str, Any]:
    st = state(request)
    limit_sign_in(request, body.email)
    try:
        with tx(request) as ctx:
            token, user = accounts.login(ctx, body.email, body.password)
    except accounts.LoginFailed:
        sign_in_failed(request, body.email)
        raise
    sign_in_succeeded(request, body.email)
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


@api.get("/me", tags=["accounts"])
def me(request: Request) -> dict[str, Any]:
    with tx(request) as ctx:
        ctx.who.require()
        return {
            "id": ctx.who.user_id,
            "email": ctx.who.email,
            "role": ctx.who.role,
            "organisation_id": ctx.who.organisation_id,
        }


@api.post("/tokens", tags=["accounts"], status_code=201)
def create_token(
    request: Request,
    name: str = Body("automation", embed=True),
    days: int | None = Body(None, embed=True, description="Days until it expires (default 90, at most 365)."),
) -> dict[str, str]:
    with tx(request) as ctx:
        check_csrf(request, ctx)
        return {"token": accounts.new_api_token(ctx, name, days)}


def _iso(t: dt.datetime | None) -> str | None:
    """UTC with its offset (SQLite hands back naive datetimes, stored in UTC)."""
    return None if t is None else (t if t.tzinfo else t.replace(tzinfo=dt.UTC)).isoformat()


def _token_json(t: ApiToken) -> dict[str, Any]:
    return {
        "id": t.id,
        "name": t.name,
        "created_at": _iso(t.created_at),
        "expires_at": _iso(t.expires_at),
        "revoked": t.revoked,
        "revoked_at": _iso(t.revoked_at),
        "last_used_at": _iso(t.last_used_at),
        "status": accounts.token_status(t),
    }


@api.get("/tokens", tags=["accounts"])
def list_tokens(request: Request) -> list[dict[str, Any]]:
    """Your API tokens (names and dates; the secrets are not stored)."""
    with tx(request) as ctx:
        return [_token_json(t) for t in accounts.api_tokens(ctx)]


@api.delete("/tokens/{token_id}", tags=["accounts"])
def revoke_token(request: Request, token_id: int) -> dict[str, Any]:
    with tx(request) as ctx:
        check_csrf(request, ctx)
        return _token_json(accounts.revoke_api_token(ctx, token_id))


@api.post("/users/{user_id}/deactivate", tags=["admin"])
def deactivate_user(request: Request, user_id: int) -> dict[str, Any]:
    with tx(request) as ctx:
        check_csrf(request, ctx)
        user = accounts.set_user_active(ctx, user_id, False)
        return {"id": user.id, "email": user.email, "active": user.active}


@api.post("/users/{user_id}/activate", tags=["admin"])
def activate_user(request: Request, user_id: int) -> dict[str, Any]:
    with tx(request) as ctx:
        check_csrf(request, ctx)
        user = accounts.set_user_active(ctx, user_id, True)
        return {"id": user.id, "email": user.email, "active": user.active}


@api.post("/researchers", tags=["accounts"], status_code=202)
def register_researcher(request: Request, body: UserIn) -> dict[str, Any]:
    """Sign up as a researcher. The answer is the same whether or not the address has an account."""
    st = state(request)
    st.limiter.hit(f"register:{client_ip(request)}", st.settings.report_limit, "registrations")
    with tx(request) as ctx:
        return {"message": accounts.register(ctx, body.model_dump())}


@api.post("/organisations", tags=["admin"], status_code=201)
def create_organisation(request: Request, body: OrganisationIn) -> dict[str, Any]:
    with tx(request) as ctx:
        check_csrf(request, ctx)
        org = accounts.create_organisation(ctx, body.model_dump())
        return {"id": org.id, "slug": org.slug, "name": org.name, "kind": org.kind}


@api.post("/users", tags=["admin"], status_code=201)
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


@api.put("/organisation/reporting", tags=["reports"])
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


@api.get("/organisations", tags=["admin"])
def organisations(request: Request) -> list[dict[str, Any]]:
    with tx(request) as ctx:
        ctx.who.require("admin", "enforcement")
        return [
            {"id": o.id, "slug": o.slug, "name": o.name, "kind": o.kind}
            for o in ctx.db.execute(select(Organisation).order_by(Organisation.name)).scalars()
        ]


@pages.get("/login", response_class=HTMLResponse)
def login_form(request: Request) -> HTMLResponse:
    with tx(request) as ctx:
        return render(request, "login.html", ctx)


@pages.post("/login")
def login_page(
    request: Request, email: str = Form(...), password: str = Form(...), csrf_token: str = Form("")
) -> Response:
    st = state(request)
    limit_sign_in(request, email)
    try:
        with tx(request) as ctx:
            check_csrf(request, ctx, csrf_token, page=True)
            token, _ = accounts.login(ctx, email, password)
    except accounts.LoginFailed:
        sign_in_failed(request, email)
        raise
    sign_in_succeeded(request, email)
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


@pages.get("/register", response_class=HTMLResponse)
def register_form(request: Request) -> HTMLResponse:
    with tx(request) as ctx:
        return render(request, "register.html", ctx)


@pages.post("/register")
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
        accounts.register(ctx, {"email": email, "password": password, "name": name})
    return redirect("/login")


@pages.post("/dashboard/tokens", response_class=HTMLResponse)
def new_token(request: Request, csrf_token: str = Form(""), name: str = Form("automation")) -> HTMLResponse:
    with tx(request) as ctx:
        check_csrf(request, ctx, csrf_token, page=True)
        token = accounts.new_api_token(ctx, name)
        return render(request, "token.html", ctx, token=token, name=name)


@pages.get("/manage/tokens", response_class=HTMLResponse)
def tokens_page(request: Request) -> Response:
    """Your API tokens: when made, when they expire, when last used; create and revoke."""
    with tx(request) as ctx:
        if ctx.who.anonymous:
            return redirect("/login")
        rows = [(t, accounts.token_status(t)) for t in accounts.api_tokens(ctx)]
        return render(
            request,
            "tokens.html",
            ctx,
            tokens=rows,
            default_days=ctx.settings.token_days,
            max_days=accounts.MAX_TOKEN_DAYS,
        )


@pages.post("/manage/tokens", response_class=HTMLResponse)
def create_token_page(
    request: Request, csrf_token: str = Form(""), name: str = Form("automation"), days: int = Form(...)
) -> HTMLResponse:
    with tx(request) as ctx:
        check_csrf(request, ctx, csrf_token, page=True)
        token = accounts.new_api_token(ctx, name, days)
        return render(request, "token.html", ctx, token=token, name=name)


@pages.post("/manage/tokens/{token_id}/revoke")
def revoke_token_page(request: Request, token_id: int, csrf_token: str = Form("")) -> Response:
    with tx(request) as ctx:
        check_csrf(request, ctx, csrf_token, page=True)
        accounts.revoke_api_token(ctx, token_id)
    return redirect("/manage/tokens")


@pages.post("/logout")
def logout(request: Request, csrf_token: str = Form("")) -> Response:
    with tx(request) as ctx:
        check_csrf(request, ctx, csrf_token, page=True)
        accounts.logout(ctx, request.cookies.get(auth.SESSION_COOKIE))
    response = redirect("/")
    response.delete_cookie(auth.SESSION_COOKIE)
    return response


@pages.get("/dashboard", response_class=HTMLResponse)
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


@pages.post("/dashboard/reporting")
def update_reporting_page(
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


@pages.post("/admin/organisations")
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


@pages.post("/admin/users")
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
