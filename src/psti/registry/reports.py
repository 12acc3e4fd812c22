"""Vulnerability reports: the means a manufacturer gives to report security issues (Sch 1 para 2;
EN 303 645 5.2-1; ISO/IEC 29147).

A researcher (signed in, or anonymous with a follow-up token given once) submits a report
to a manufacturer; the manufacturer must acknowledge it within the days it published
and send status updates until resolution. Overdue views follow from those due dates.
"""

from __future__ import annotations

import datetime as dt
import secrets
from typing import Any

from sqlalchemy import and_, or_, select

from psti.registry.blobs import safe_filename
from psti.registry.context import Ctx
from psti.registry.errors import Conflict, Invalid, NotFound
from psti.registry.tokens import token_digest
from psti.store.models import (
    REPORT_STATUSES,
    Organisation,
    Product,
    ReportAttachment,
    ReportMessage,
    VulnerabilityReport,
    utcnow,
)

SEVERITIES = ("unknown", "low", "medium", "high", "critical")
OPEN = ("received", "acknowledged", "triaged", "fixing")
MAX_ATTACHMENTS = 5


def manufacturer_by_slug(db: Any, slug: str) -> Organisation:
    org = db.execute(select(Organisation).where(Organisation.slug == slug)).scalar_one_or_none()
    if org is None or org.kind != "manufacturer":
        raise NotFound(f"no manufacturer {slug!r}")
    return org


def submit(
    ctx: Ctx, slug: str, data: dict[str, Any], attachments: list[tuple[str, bytes]] | None = None
) -> tuple[VulnerabilityReport, str]:
    """Store a report; returns it and the follow-up token (shown to the reporter once)."""
    org = manufacturer_by_slug(ctx.db, slug)
    problems = []
    title = str(data.get("title") or "").strip()
    description = str(data.get("description") or "").strip()
    if not title:
        problems.append({"field": "title", "message": "required"})
    elif len(title) > 300:
        problems.append({"field": "title", "message": "at most 300 characters"})
    if len(description) < 10:
        problems.append({"field": "description", "message": "describe the issue (at least 10 characters)"})
    elif len(description) > 50000:
        problems.append({"field": "description", "message": "at most 50,000 characters"})
    severity = str(data.get("severity") or "unknown")
    if severity not in SEVERITIES:
        problems.append({"field": "severity", "message": f"one of {', '.join(SEVERITIES)}"})
    contact = str(data.get("contact") or "").strip()
    if len(contact) > 254:
        problems.append({"field": "contact", "message": "at most 254 characters"})
    attachments = [a for a in (attachments or []) if a[1] or a[0]]
    if len(attachments) > MAX_ATTACHMENTS:
        problems.append({"field": "attachments", "message": f"at most {MAX_ATTACHMENTS} files"})
    for name, blob in attachments:
        if len(blob) > ctx.settings.max_attachment_bytes:
            problems.append(
                {
                    "field": "attachments",
                    "message": f"{safe_filename(name)} is larger than "
                    f"{ctx.settings.max_attachment_bytes // (1024 * 1024)} MiB",
                }
            )
    product_id = None
    model = str(data.get("product_model") or "").strip()
    if model:
        product = ctx.db.execute(
            select(Product).where(Product.organisation_id == org.id, Product.model == model)
        ).scalar_one_or_none()
        if product is None:
            problems.append(
                {
                    "field": "product_model",
                    "message": f"{org.name} has no product with model {model!r}",
                }
            )
        else:
            product_id = product.id
    if problems:
        status = 413 if any("larger than" in p["message"] for p in problems) else 422
        err = Invalid("the report cannot be accepted: fix the fields listed", problems)
        err.status = status
        raise err
    token = secrets.token_urlsafe(24)
    now = utcnow()
    report = VulnerabilityReport(
        organisation_id=org.id,
        product_id=product_id,
        reporter_user_id=ctx.who.user_id if ctx.who.role == "researcher" else None,
        reporter_contact=contact,
        access_hash=token_digest(token),
        title=title,
        description=description,
        severity=severity,
        status="received",
        received_at=now,
        acknowledge_by=now + dt.timedelta(days=org.acknowledgement_days),
    )
    ctx.db.add(report)
    ctx.db.flush()
    for name, blob_data in attachments:
        stored = ctx.blobs.put(ctx.db, blob_data, ctx.settings.max_attachment_bytes)
        ctx.db.add(ReportAttachment(report_id=report.id, filename=safe_filename(name), blob_id=stored.id))
    ctx.audit(
        "report.receive",
        f"report:{report.public_id}",
        org.id,
        severity=severity,
        attachments=len(attachments),
    )
    return report, token


def for_researcher(ctx: Ctx, public_id: str, token: str | None) -> VulnerabilityReport:
    report = ctx.db.execute(
        select(VulnerabilityReport).where(VulnerabilityReport.public_id == public_id)
    ).scalar_one_or_none()
    ok = report is not None and (
        (token and secrets.compare_digest(report.access_hash, token_digest(token)))
        or (ctx.who.role == "researcher" and ctx.who.user_id is not None and report.reporter_user_id == ctx.who.user_id)
    )
    if not ok or report is None:
        raise NotFound("no such report, or the follow-up token is wrong")
    return report


def for_manufacturer(ctx: Ctx, public_id: str) -> VulnerabilityReport:
    org = ctx.who.require_org("manufacturer")
    report = ctx.db.execute(
        select(VulnerabilityReport).where(VulnerabilityReport.public_id == public_id)
    ).scalar_one_or_none()
    if report is None or report.organisation_id != org:
        raise NotFound(f"no report {public_id} in your organisation")
    return report


def _aware(t: dt.datetime | None) -> dt.datetime | None:
    return t.replace(tzinfo=dt.UTC) if t is not None and t.tzinfo is None else t


def due(report: VulnerabilityReport) -> tuple[str, dt.datetime | None]:
    """What the manufacturer owes next and by when."""
    if report.status == "received":
        return "acknowledge", _aware(report.acknowledge_by)
    if report.status in OPEN:
        return "status update", _aware(report.next_update_by)
    return "", None


def is_overdue(report: VulnerabilityReport, now: dt.datetime | None = None) -> bool:
    _, by = due(report)
    return by is not None and by < (now or utcnow())


def inbox(ctx: Ctx, overdue_only: bool = False) -> list[VulnerabilityReport]:
    org = ctx.who.require_org("manufacturer")
    q = select(VulnerabilityReport).where(VulnerabilityReport.organisation_id == org)
    if overdue_only:
        now = utcnow()
        q = q.where(
            or_(
                and_(
                    VulnerabilityReport.status == "received",
                    VulnerabilityReport.acknowledge_by < now,
                ),
                and_(
                    VulnerabilityReport.status.in_(OPEN[1:]),
                    VulnerabilityReport.next_update_by < now,
                ),
            )
        )
    return list(ctx.db.execute(q.order_by(VulnerabilityReport.received_at.desc())).scalars())


def _next_update(report: VulnerabilityReport) -> dt.datetime:
    return utcnow() + dt.timedelta(days=report.organisation.status_update_days)


def acknowledge(ctx: Ctx, public_id: str, message: str = "") -> VulnerabilityReport:
    report = for_manufacturer(ctx, public_id)
    if report.status != "received":
        raise Conflict(f"the report is already {report.status}")
    report.status = "acknowledged"
    report.acknowledged_at = utcnow()
    report.next_update_by = _next_update(report)
    body = message.strip() or (
        f"{report.organisation.name} acknowledges your report and will send a status "
        f"update within {report.organisation.status_update_days} days."
    )
    ctx.db.add(ReportMessage(report_id=report.id, author="manufacturer", user_id=ctx.who.user_id, body=body))
    ctx.audit("report.acknowledge", f"report:{report.public_id}", report.organisation_id)
    return report


def set_status(ctx: Ctx, public_id: str, status: str, message: str) -> VulnerabilityReport:
    report = for_manufacturer(ctx, public_id)
    if status not in REPORT_STATUSES or status == "received":
        raise Invalid(
            f"unknown status {status!r}",
            [{"field": "status", "message": f"one of {', '.join(REPORT_STATUSES[1:])}"}],
        )
    if not message.strip():
        raise Invalid(
            "a status update needs a message for the reporter",
            [{"field": "message", "message": "required"}],
        )
    old = report.status
    report.status = status
    if report.acknowledged_at is None:
        report.acknowledged_at = utcnow()
    if status in ("resolved", "rejected"):
        report.resolved_at = utcnow()
        report.next_update_by = None
    else:
        report.next_update_by = _next_update(report)
    ctx.db.add(
        ReportMessage(
            report_id=report.id,
            author="manufacturer",
            user_id=ctx.who.user_id,
            body=f"Status: {status}. {message.strip()}",
        )
    )
    ctx.audit("report.status", f"report:{report.public_id}", report.organisation_id, old=old, new=status)
    return report


def add_message(ctx: Ctx, report: VulnerabilityReport, author: str, body: str) -> ReportMessage:
    body = body.strip()
    if not body:
        raise Invalid("the message is empty", [{"field": "body", "message": "required"}])
    if len(body) > 20000:
        raise Invalid("the message is too long", [{"field": "body", "message": "at most 20,000 characters"}])
    msg = ReportMessage(report_id=report.id, author=author, user_id=ctx.who.user_id, body=body)
    ctx.db.add(msg)
    ctx.db.flush()
    ctx.audit("report.message", f"report:{report.public_id}", report.organisation_id, author=author)
    return msg


def messages(ctx: Ctx, report: VulnerabilityReport) -> list[ReportMessage]:
    return list(
        ctx.db.execute(
            select(ReportMessage).where(ReportMessage.report_id == report.id).order_by(ReportMessage.id)
        ).scalars()
    )


def attachments(ctx: Ctx, report: VulnerabilityReport) -> list[ReportAttachment]:
    return list(
        ctx.db.execute(
            select(ReportAttachment).where(ReportAttachment.report_id == report.id).order_by(ReportAttachment.id)
        ).scalars()
    )


def publish_advisory(ctx: Ctx, public_id: str, summary: str, cve: str = "") -> VulnerabilityReport:
    report = for_manufacturer(ctx, public_id)
    if report.status != "resolved":
        raise Conflict("publish an advisory only for a resolved report")
    summary = summary.strip()
    if not summary:
        raise Invalid("the advisory needs a summary", [{"field": "summary", "message": "required"}])
    cve = cve.strip().upper()
    if cve and not (cve.startswith("CVE-") and len(cve.split("-")) == 3):
        raise Invalid("not a CVE id", [{"field": "cve", "message": "like CVE-2026-12345"}])
    report.advisory_summary = summary
    report.cve = cve
    report.advisory_published_at = utcnow()
    ctx.audit("report.advisory.publish", f"report:{report.public_id}", report.organisation_id, cve=cve)
    return report
