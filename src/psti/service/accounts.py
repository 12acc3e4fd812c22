"""Organisations and users (administrators), sign-in, API tokens, the audit log view."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session, sessionmaker

from psti.registry.urls import stored_url
from psti.service import auth, passwords
from psti.service.context import Ctx
from psti.service.errors import Conflict, Forbidden, Invalid, NotFound, Unauthorised
from psti.store import audit
from psti.store.models import (
    ORG_KINDS,
    ROLES,
    ApiToken,
    AuditEvent,
    LoginSession,
    Notice,
    Organisation,
    User,
    utcnow,
)

ROLE_ORG_KIND = {
    "manufacturer": "manufacturer",
    "importer": "importer",
    "distributor": "distributor",
    "enforcement": "authority",
}
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def create_organisation(ctx: Ctx, data: dict[str, Any]) -> Organisation:
    ctx.who.require("admin")
    problems = []
    name = str(data.get("name") or "").strip()
    kind = str(data.get("kind") or "")
    slug = str(data.get("slug") or re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-"))
    if not name:
        problems.append({"field": "name", "message": "required"})
    if kind not in ORG_KINDS:
        problems.append({"field": "kind", "message": f"one of {', '.join(ORG_KINDS)}"})
    if not re.fullmatch(r"[a-z0-9][a-z0-9-]{0,79}", slug or "-"):
        problems.append({"field": "slug", "message": "lower-case letters, digits and hyphens"})
    for f in ("acknowledgement_days", "status_update_days"):
        if f in data and data[f] not in (None, ""):
            try:
                if not 0 <= int(data[f]) <= 365:
                    raise ValueError
            except (TypeError, ValueError):
                problems.append({"field": f, "message": "a whole number of days, 0-365"})
    if problems:
        raise Invalid("the organisation cannot be created", problems)
    if ctx.db.execute(select(Organisation.id).where(Organisation.slug == slug)).first():
        raise Conflict(f"an organisation with slug {slug!r} exists", [{"field": "slug", "message": "taken"}])
    org = Organisation(
        name=name[:200],
        kind=kind,
        slug=slug,
        address=str(data.get("address") or ""),
        reporting_contact=str(data.get("reporting_contact") or "")[:300],
        policy_url=stored_url(data.get("policy_url"), "policy_url", 500),
        acknowledgement_days=int(data.get("acknowledgement_days") or 5),
        status_update_days=int(data.get("status_update_days") or 30),
    )
    ctx.db.add(org)
    ctx.db.flush()
    ctx.audit("organisation.create", f"organisation:{org.id}", org.id, name=org.name, kind=kind)
    return org


def update_reporting(ctx: Ctx, data: dict[str, Any]) -> Organisation:
    """A manufacturer publishes its reporting contact and response times (Sch 1 para 2)."""
    org_id = ctx.who.require_org("manufacturer")
    org = ctx.db.get(Organisation, org_id)
    assert org is not None
    problems = []
    for f in ("acknowledgement_days", "status_update_days"):
        if f in data:
            try:
                value = int(data[f])
                if not 0 <= value <= 365:
                    raise ValueError
                setattr(org, f, value)
            except (TypeError, ValueError):
                problems.append({"field": f, "message": "a whole number of days, 0-365"})
    if problems:
        raise Invalid("the reporting details cannot be saved", problems)
    for f, limit in (("reporting_contact", 300), ("policy_url", 500), ("address", 2000)):
        if f in data:
            text = stored_url(data[f], f, limit) if f == "policy_url" else str(data[f] or "").strip()[:limit]
            setattr(org, f, text)
    ctx.audit(
        "organisation.reporting.update",
        f"organisation:{org.id}",
        org.id,
        **{
            k: data[k]
            for k in data
            if k in ("reporting_contact", "policy_url", "acknowledgement_days", "status_update_days")
        },
    )
    return org


def create_user(ctx: Ctx, data: dict[str, Any], *, self_service: bool = False) -> User:
    if not self_service:
        ctx.who.require("admin")
    email = str(data.get("email") or "").strip().lower()
    password = str(data.get("password") or "")
    role = str(data.get("role") or ("researcher" if self_service else ""))
    problems = []
    if not _EMAIL.match(email):
        problems.append({"field": "email", "message": "not an e-mail address"})
    weak = passwords.problem(password, email, str(data.get("name") or ""))
    if weak:
        problems.append({"field": "password", "message": weak})
    if role not in ROLES:
        problems.append({"field": "role", "message": f"one of {', '.join(ROLES)}"})
    if self_service and role != "researcher":
        raise Forbidden("only researcher accounts can be created without an administrator")
    org_id = data.get("organisation_id")
    org = None
    if role in ROLE_ORG_KIND:
        try:
            org = ctx.db.get(Organisation, int(org_id)) if org_id not in (None, "") else None
        except (TypeError, ValueError):
            org = None
        if org is None:
            problems.append({"field": "organisation_id", "message": f"a {role} belongs to an organisation"})
        elif org.kind != ROLE_ORG_KIND[role]:
            problems.append(
                {
                    "field": "organisation_id",
                    "message": f"a {role} needs a {ROLE_ORG_KIND[role]} organisation, not {org.kind}",
                }
            )
    if problems:
        raise Invalid("the account cannot be created", problems)
    if ctx.db.execute(select(User.id).where(User.email == email)).first():
        raise Conflict("an account with that e-mail exists", [{"field": "email", "message": "taken"}])
    user = User(
        email=email,
        name=str(data.get("name") or "")[:200],
        password_hash=auth.hash_password(password),
        role=role,
        organisation_id=org.id if org else None,
    )
    ctx.db.add(user)
    ctx.db.flush()
    ctx.audit("user.create", f"user:{user.id}", user.organisation_id, email=email, role=role)
    return user


class LoginFailed(Unauthorised):
    """Wrong e-mail or password; `log_failed_login` records it after the request rolls back."""


REGISTERED = (
    "if this address has no account yet, a researcher account was created for it: sign in with it; "
    "if it already has one, sign in with that (or ask an administrator to reset it)"
)


def register(ctx: Ctx, data: dict[str, Any]) -> str:
    """Self-service researcher sign-up that does not reveal which addresses have accounts:
    a new and a taken address get the same answer in about the same time (the password is
    hashed either way), and the taken one is only noted in the audit log."""
    try:
        create_user(ctx, data, self_service=True)
    except Conflict:
        auth.hash_password(str(data.get("password") or ""))  # the same work as creating one
        ctx.audit("user.register.existing", "user", None, email=str(data.get("email") or "").strip().lower())
    return REGISTERED


def login(ctx: Ctx, email: str, password: str) -> tuple[str, User]:
    email = (email or "").strip().lower()
    user = ctx.db.execute(select(User).where(User.email == email)).scalar_one_or_none()
    if not auth.check_password(user.password_hash if user else None, password or "") or user is None or not user.active:
        raise LoginFailed("wrong e-mail or password")
    token, _ = auth.create_session(ctx.db, user, ctx.settings.session_hours)
    audit.record(
        ctx.db,
        actor=f"user:{user.id}:{user.email}",
        action="login",
        target=f"user:{user.id}",
        organisation_id=user.organisation_id,
    )
    return token, user


def log_failed_login(factory: sessionmaker[Session], email: str, address: str) -> None:
    """A refused sign-in, in a transaction of its own (the request's rolled back)."""
    audit.record_apart(
        factory,
        actor=f"anonymous:{(email or '').strip().lower()[:100]}",
        action="login.fail",
        target="session",
        details={"address": address},
    )


def logout(ctx: Ctx, cookie: str | None) -> None:
    if not cookie:
        return
    row = ctx.db.execute(
        select(LoginSession).where(LoginSession.token_hash == auth.token_digest(cookie))
    ).scalar_one_or_none()
    if row is not None:
        ctx.db.delete(row)
        if not ctx.who.anonymous:
            ctx.audit("logout", f"user:{ctx.who.user_id}", ctx.who.organisation_id)


MAX_TOKEN_DAYS = 365


def new_api_token(ctx: Ctx, name: str, days: int | None = None) -> str:
    ctx.who.require()
    days = ctx.settings.token_days if days is None else days
    if not 1 <= days <= MAX_TOKEN_DAYS:
        raise Invalid("the token cannot be created", [{"field": "days", "message": f"1-{MAX_TOKEN_DAYS} days"}])
    user = ctx.db.get(User, ctx.who.user_id)
    assert user is not None
    token = auth.create_api_token(ctx.db, user, name, days)
    ctx.audit("api_token.create", f"user:{user.id}", user.organisation_id, name=name, days=days)
    return token


def api_tokens(ctx: Ctx) -> list[ApiToken]:
    """The caller's own tokens, newest first (never the secrets: only their hashes are stored)."""
    ctx.who.require()
    return list(
        ctx.db.execute(
            select(ApiToken).where(ApiToken.user_id == ctx.who.user_id).order_by(ApiToken.id.desc())
        ).scalars()
    )


def token_status(t: ApiToken, now: dt.datetime | None = None) -> str:
    """`revoked`, `expired` or `active`."""
    if t.revoked:
        return "revoked"
    expires = t.expires_at
    if expires is not None and (expires if expires.tzinfo else expires.replace(tzinfo=dt.UTC)) <= (now or utcnow()):
        return "expired"
    return "active"


def revoke_api_token(ctx: Ctx, token_id: int) -> ApiToken:
    """Revoke one of the caller's tokens (an administrator may revoke anyone's)."""
    ctx.who.require()
    row = ctx.db.get(ApiToken, token_id)
    if row is None or (row.user_id != ctx.who.user_id and ctx.who.role != "admin"):
        raise NotFound(f"no API token {token_id}")
    if not row.revoked:
        row.revoked = True
        row.revoked_at = utcnow()
        owner = ctx.db.get(User, row.user_id)
        ctx.audit(
            "api_token.revoke",
            f"user:{row.user_id}",
            owner.organisation_id if owner else None,
            token_id=row.id,
            name=row.name,
        )
    return row


def set_user_active(ctx: Ctx, user_id: int, active: bool) -> User:
    """An administrator deactivates (or reactivates) an account: its sessions end at once,
    its tokens stop working, and it cannot sign in; its records stay."""
    ctx.who.require("admin")
    user = ctx.db.get(User, user_id)
    if user is None:
        raise NotFound(f"no user {user_id}")
    if user.id == ctx.who.user_id and not active:
        raise Conflict("you cannot deactivate your own account")
    if user.active != active:
        user.active = active
        if not active:
            ctx.db.execute(delete(LoginSession).where(LoginSession.user_id == user.id))
        ctx.audit("user.activate" if active else "user.deactivate", f"user:{user.id}", user.organisation_id)
    return user


def audit_events(
    ctx: Ctx, organisation_id: int | None = None, limit: int = 200, before: int | None = None
) -> list[AuditEvent]:
    """The organisation's own events; enforcement officers may read any organisation's."""
    ctx.who.require()
    if ctx.who.role == "enforcement":
        org = organisation_id
    else:
        if ctx.who.organisation_id is None:
            raise Forbidden("the audit log is shown to organisations and enforcement officers")
        if organisation_id not in (None, ctx.who.organisation_id):
            raise NotFound("no such organisation log")
        org = ctx.who.organisation_id
    q = select(AuditEvent)
    if org is not None:
        q = q.where(AuditEvent.organisation_id == org)
    if before:
        q = q.where(AuditEvent.id < before)
    return list(ctx.db.execute(q.order_by(AuditEvent.id.desc()).limit(min(limit, 1000))).scalars())


def notices(ctx: Ctx) -> list[Notice]:
    org = ctx.who.require_org()
    return list(
        ctx.db.execute(
            select(Notice).where(Notice.organisation_id == org).order_by(Notice.id.desc()).limit(200)
        ).scalars()
    )


def mark_notice_read(ctx: Ctx, notice_id: int) -> Notice:
    org = ctx.who.require_org()
    n = ctx.db.get(Notice, notice_id)
    if n is None or n.organisation_id != org:
        raise NotFound(f"no notice {notice_id}")
    if n.read_at is None:
        n.read_at = utcnow()
        ctx.audit("notice.read", f"notice:{n.id}", org, kind=n.kind)
    return n


def ensure_admin(ctx: Ctx, email: str, password: str) -> None:
    if ctx.db.execute(select(User.id).where(User.role == "admin")).first():
        return
    user = User(
        email=email.strip().lower(),
        password_hash=auth.hash_password(password),
        role="admin",
        name="Administrator",
    )
    ctx.db.add(user)
    ctx.db.flush()
    audit.record(
        ctx.db,
        actor="system",
        action="user.create",
        target=f"user:{user.id}",
        details={"email": user.email, "role": "admin"},
    )
