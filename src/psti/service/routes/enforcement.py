"""JSON API (`/api/v1/enforcement/…`) and HTML pages (`/enforcement/…`) for case work.

Both are thin: each route resolves the caller, calls `psti.service.enforcement` (which
calls the library) and renders the result. Only enforcement officers get past `service()`.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from typing import Any

from fastapi import APIRouter, File, Form, Query, Request, UploadFile
from fastapi.responses import HTMLResponse, JSONResponse, Response

from psti.enforcement.cases import parse_party
from psti.errors import UsageError
from psti.registry.blobs import safe_filename
from psti.service import enforcement as enf
from psti.service.context import Ctx
from psti.service.deps import check_csrf, read_limited, redirect, render, state, tx
from psti.service.downloads import content_disposition
from psti.service.errors import Invalid, ServiceError

api = APIRouter(prefix="/api/v1/enforcement", tags=["enforcement"])
pages = APIRouter(prefix="/enforcement", include_in_schema=False)


def _day(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise Invalid(f"today: {value!r} is not a date (YYYY-MM-DD)") from None


# --- JSON API ---------------------------------------------------------------------------


@api.get("/cases")
def api_cases(
    request: Request,
    state: str | None = Query(None, max_length=40),
    actor: str | None = Query(None, max_length=300),
    overdue: bool = False,
    today: str | None = Query(None, max_length=10),
) -> list[dict[str, Any]]:
    with tx(request) as ctx:
        return enf.list_cases(ctx, state=state, actor=actor, overdue=overdue, day=_day(today))


@api.post("/cases", status_code=201)
def api_open(request: Request, body: enf.OpenBody) -> dict[str, Any]:
    with tx(request) as ctx:
        check_csrf(request, ctx)
        c = enf.open_case(ctx, body)
        return enf.case_detail(ctx, c.reference)


@api.get("/cases/{reference}")
def api_case(request: Request, reference: str, today: str | None = Query(None, max_length=10)) -> dict[str, Any]:
    with tx(request) as ctx:
        return enf.case_detail(ctx, reference, _day(today))


@api.post("/cases/{reference}/transitions")
def api_transition(request: Request, reference: str, body: enf.TransitionBody) -> dict[str, Any]:
    with tx(request) as ctx:
        check_csrf(request, ctx)
        return enf.transition(ctx, reference, body)


@api.post("/cases/{reference}/notices", status_code=201)
def api_notice(request: Request, reference: str, body: enf.NoticeBody) -> dict[str, Any]:
    with tx(request) as ctx:
        check_csrf(request, ctx)
        n = enf.give_notice(ctx, reference, body)
        return enf.notice(ctx, n.reference)


@api.get("/notices/{reference}")
def api_notice_show(request: Request, reference: str) -> dict[str, Any]:
    with tx(request) as ctx:
        return enf.notice(ctx, reference)


@api.post("/notices/{reference}/appeals", status_code=201)
def api_appeal(request: Request, reference: str, body: enf.AppealBody) -> dict[str, Any]:
    with tx(request) as ctx:
        check_csrf(request, ctx)
        return enf.lodge_appeal(ctx, reference, body)


@api.post("/appeals/{appeal_id}/decision")
def api_decide_appeal(request: Request, appeal_id: int, body: enf.DecisionBody) -> dict[str, Any]:
    with tx(request) as ctx:
        check_csrf(request, ctx)
        return enf.decide_appeal(ctx, appeal_id, body)


@api.post("/cases/{reference}/information-requests", status_code=201)
def api_information(request: Request, reference: str, body: enf.InformationBody) -> dict[str, Any]:
    with tx(request) as ctx:
        check_csrf(request, ctx)
        n = enf.request_information(ctx, reference, body)
        return enf.notice(ctx, n.reference)


@api.post("/notices/{reference}/response")
def api_response(request: Request, reference: str, body: enf.ResponseBody) -> dict[str, Any]:
    with tx(request) as ctx:
        check_csrf(request, ctx)
        n = enf.record_response(ctx, reference, body)
        return {**enf.notice(ctx, n.reference), "responded_at": n.responded_at.isoformat() if n.responded_at else None}


@api.post("/notices/{reference}/variations")
def api_vary(request: Request, reference: str, body: enf.VaryBody) -> dict[str, Any]:
    with tx(request) as ctx:
        check_csrf(request, ctx)
        n = enf.vary_notice(ctx, reference, body)
        return enf.notice(ctx, n.reference)


@api.post("/notices/{reference}/revocation")
def api_revoke(request: Request, reference: str, body: enf.RevokeBody) -> dict[str, Any]:
    with tx(request) as ctx:
        check_csrf(request, ctx)
        n = enf.revoke_notice(ctx, reference, body)
        return enf.notice(ctx, n.reference)


@api.post("/penalty/calculation")
def api_penalty_calc(request: Request, body: enf.PenaltyCalcBody) -> dict[str, Any]:
    with tx(request) as ctx:
        return enf.penalty_calculation(ctx, body)


@api.post("/cases/{reference}/evidence", status_code=201)
def api_evidence(request: Request, reference: str, file: UploadFile = File(...)) -> dict[str, Any]:  # noqa: B008
    with tx(request) as ctx:
        check_csrf(request, ctx)
        return _attach(request, ctx, reference, file)


def _attach(request: Request, ctx: Ctx, reference: str, file: UploadFile) -> dict[str, Any]:
    """Store the upload by hash (as report attachments are), then attach it through the library."""
    enf.service(ctx)  # officers only, before reading the body
    data = read_limited(file, state(request).settings.max_attachment_bytes)
    return _attach_bytes(request, ctx, reference, safe_filename(file.filename), data)


def _attach_bytes(request: Request, ctx: Ctx, reference: str, filename: str, data: bytes) -> dict[str, Any]:
    st = state(request)
    blob = st.blobs.put(ctx.db, data, st.settings.max_attachment_bytes)
    out = enf.attach_evidence(ctx, reference, filename, st.blobs.path(blob.sha256))
    ctx.audit("enforcement.evidence-upload", reference, None, sha256=blob.sha256)
    return out


@api.post("/cases/{reference}/evidence/assessments", status_code=201)
def api_evidence_assessment(request: Request, reference: str, body: enf.AssessmentEvidenceBody) -> dict[str, Any]:
    """Attach an assessment the registry already holds (a product's assessment job result)."""
    with tx(request) as ctx:
        check_csrf(request, ctx)
        data = enf.assessment_json(ctx, body.assessment_id)
        return _attach_bytes(request, ctx, reference, f"assessment-{body.assessment_id}.json", data)


@api.get("/actors/{name}")
def api_actor(request: Request, name: str) -> dict[str, Any]:
    with tx(request) as ctx:
        return enf.actor_history(ctx, name)


@api.get("/export.json")
def api_export_json(request: Request, today: str | None = Query(None, max_length=10)) -> JSONResponse:
    with tx(request) as ctx:
        data = enf.export(ctx, _day(today))
    return JSONResponse(
        json.loads(json.dumps(data, default=str)),
        headers={"Content-Disposition": content_disposition("psti-cases.json")},
    )


@api.get("/export.csv")
def api_export_csv(request: Request, today: str | None = Query(None, max_length=10)) -> Response:
    with tx(request) as ctx:
        text = enf.export_csv(ctx, _day(today))
    return Response(
        text,
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": content_disposition("psti-cases.csv")},
    )


# --- HTML pages ---------------------------------------------------------------------------


def _case_page(
    request: Request, ctx: Ctx, reference: str, error: ServiceError | None = None, form: dict[str, str] | None = None
) -> HTMLResponse:
    """The case page; after a refusal, with the reason and what was typed, so nothing is lost."""
    data = enf.case_detail(ctx, reference)
    return render(
        request,
        "enforcement_case.html",
        ctx,
        status=error.status if error else 200,
        c=data,
        choices=enf.workflow_choices(ctx),
        error=error,
        form=form or {},
    )


@pages.get("", response_class=HTMLResponse)
def cases_page(
    request: Request,
    state: str = Query("", max_length=40),
    actor: str = Query("", max_length=300),
    overdue: str = Query("", max_length=5),
) -> HTMLResponse:
    with tx(request) as ctx:
        rows = enf.list_cases(ctx, state=state, actor=actor, overdue=bool(overdue))
        return render(
            request,
            "enforcement_cases.html",
            ctx,
            rows=rows,
            choices=enf.workflow_choices(ctx),
            f={"state": state, "actor": actor, "overdue": bool(overdue)},
        )


@pages.post("/cases")
def open_page(
    request: Request,
    csrf_token: str = Form(""),
    product_name: str = Form("", max_length=300),
    product_model: str = Form("", max_length=300),
    allegation: str = Form("", max_length=20000),
    source: str = Form("public", max_length=40),
    parties: str = Form("", max_length=20000),
    provisions: str = Form("", max_length=4000),
    from_report: str = Form("", max_length=64),
    from_catalogue_row: str = Form("", max_length=12),
    from_catalogue: str = Form("", max_length=12),
    catalogue_row_number: str = Form("", max_length=12),
) -> Response:
    with tx(request) as ctx:
        check_csrf(request, ctx, csrf_token, page=True)
        enf.service(ctx)
        try:
            party_list = [parse_party(line.strip()) for line in parties.splitlines() if line.strip()]
        except UsageError as e:
            raise Invalid(str(e)) from None
        for name, value in (
            ("from_catalogue_row", from_catalogue_row),
            ("from_catalogue", from_catalogue),
            ("catalogue_row_number", catalogue_row_number),
        ):
            if value.strip() and not value.strip().isdigit():
                raise Invalid(f"{name}: give a number")
        body = enf.OpenBody(
            product_name=product_name,
            product_model=product_model,
            allegation=allegation,
            source=source,
            parties=[enf.PartyBody(name=p.name, role=p.role, address=p.address) for p in party_list],
            provisions=provisions.split(),
            from_report=from_report.strip() or None,
            from_catalogue_row=int(from_catalogue_row) if from_catalogue_row.strip() else None,
            from_catalogue=int(from_catalogue) if from_catalogue.strip() else None,
            catalogue_row_number=int(catalogue_row_number) if catalogue_row_number.strip() else None,
        )
        c = enf.open_case(ctx, body)
    return redirect(f"/enforcement/cases/{c.reference}")


@pages.get("/cases/{reference}", response_class=HTMLResponse)
def case_page(request: Request, reference: str) -> HTMLResponse:
    with tx(request) as ctx:
        return _case_page(request, ctx, reference)


@pages.post("/cases/{reference}/transition", response_model=None)
def transition_page(
    request: Request,
    reference: str,
    csrf_token: str = Form(""),
    transition: str = Form(..., max_length=80),
    why: str = Form("", max_length=20000),
) -> Response:
    with tx(request) as ctx:
        check_csrf(request, ctx, csrf_token, page=True)
        try:
            enf.transition(ctx, reference, enf.TransitionBody(transition=transition, why=why))
        except (ServiceError, ValueError) as e:
            return _case_page(request, ctx, reference, _as_error(e), {"transition": transition, "why": why})
    return redirect(f"/enforcement/cases/{reference}")


@pages.post("/cases/{reference}/notices", response_model=None)
def notice_page(
    request: Request,
    reference: str,
    csrf_token: str = Form(""),
    stage: str = Form("intent", max_length=10),
    kind: str = Form(..., max_length=40),
    to: str = Form("", max_length=300),
    breach: str = Form("", max_length=20000),
    reasons: str = Form("", max_length=20000),
    contact: str = Form("", max_length=2000),
    intent: str = Form("", max_length=80),
    requirement: str = Form("", max_length=20000),
    comply_within_days: str = Form("", max_length=5),
    amount_gbp: str = Form("", max_length=30),
    how_to_pay: str = Form("", max_length=2000),
    daily_gbp: str = Form("", max_length=30),
    qwr_gbp: str = Form("", max_length=30),
    period_start: str = Form("", max_length=10),
    period_end: str = Form("", max_length=10),
    factor_effects: str = Form("", alias="factor_effects-of-breach", max_length=20000),
    factor_remedy: str = Form("", alias="factor_remedy-or-mitigation", max_length=20000),
    method: str = Form("electronic", max_length=20),
) -> Response:
    factors = {"effects-of-breach": factor_effects, "remedy-or-mitigation": factor_remedy}
    with tx(request) as ctx:
        check_csrf(request, ctx, csrf_token, page=True)
        try:
            body = enf.NoticeBody(
                daily_gbp=daily_gbp.strip() or "0",
                qwr_gbp=qwr_gbp.strip() or None,
                period_start=_opt_date(period_start, "period_start"),
                period_end=_opt_date(period_end, "period_end"),
                factors={k: v for k, v in factors.items() if v.strip()},
                stage=stage,  # type: ignore[arg-type]
                kind=kind,
                to=to or None,
                breach=breach or None,
                reasons=reasons,
                contact=contact,
                intent=intent or None,
                requirement=requirement,
                comply_within_days=int(comply_within_days) if comply_within_days.strip() else None,
                amount_gbp=amount_gbp,
                how_to_pay=how_to_pay,
                method=method,  # type: ignore[arg-type]
            )
            enf.give_notice(ctx, reference, body)
        except (ServiceError, ValueError) as e:
            typed = {
                "stage": stage,
                "kind": kind,
                "to": to,
                "breach": breach,
                "reasons": reasons,
                "contact": contact,
                "intent": intent,
                "requirement": requirement,
                "comply_within_days": comply_within_days,
                "amount_gbp": amount_gbp,
                "daily_gbp": daily_gbp,
                "how_to_pay": how_to_pay,
                "qwr_gbp": qwr_gbp,
                "period_start": period_start,
                "period_end": period_end,
                **{f"factor_{k}": v for k, v in factors.items()},
                "method": method,
            }
            return _case_page(request, ctx, reference, _as_error(e), typed)
    return redirect(f"/enforcement/cases/{reference}")


@pages.post("/notices/{notice_ref}/appeals", response_model=None)
def appeal_page(
    request: Request,
    notice_ref: str,
    csrf_token: str = Form(""),
    lodged_on: str = Form(..., max_length=10),
    grounds: list[str] = Form([]),
    note: str = Form("", max_length=20000),
) -> Response:
    with tx(request) as ctx:
        check_csrf(request, ctx, csrf_token, page=True)
        case_ref = enf.notice(ctx, notice_ref)["case"]
        try:
            day = _day(lodged_on) or dt.date.today()
            enf.lodge_appeal(ctx, notice_ref, enf.AppealBody(lodged_on=day, grounds=grounds, note=note))
        except (ServiceError, ValueError) as e:
            return _case_page(request, ctx, case_ref, _as_error(e))
    return redirect(f"/enforcement/cases/{case_ref}")


def _opt_date(value: str, what: str) -> dt.date | None:
    if not value.strip():
        return None
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise Invalid(f"{what}: {value!r} is not a date (YYYY-MM-DD)") from None


def _case_of_notice(notice_ref: str) -> Callable[[Ctx], str]:
    return lambda ctx: str(enf.notice(ctx, notice_ref)["case"])


def _case_form(
    request: Request,
    csrf_token: str,
    case_of: Callable[[Ctx], str],
    act: Callable[[Ctx], object],
    typed: dict[str, str],
    anchor: str = "",
) -> Response:
    """A case-page form: check CSRF, run one library action, and go back to the case page.

    On refusal the case page is shown again with the reason and what was typed; the
    request's transaction keeps anything half-done from being stored.
    """
    with tx(request) as ctx:
        check_csrf(request, ctx, csrf_token, page=True)
        case_ref = case_of(ctx)
        try:
            act(ctx)
        except (ServiceError, ValueError) as e:
            return _case_page(request, ctx, case_ref, _as_error(e), typed)
    return redirect(f"/enforcement/cases/{case_ref}{anchor}")


@pages.post("/cases/{reference}/evidence", response_model=None)
def evidence_page(
    request: Request,
    reference: str,
    csrf_token: str = Form(""),
    file: UploadFile = File(...),  # noqa: B008
) -> Response:
    return _case_form(
        request,
        csrf_token,
        lambda ctx: reference,
        lambda ctx: _attach(request, ctx, reference, file),
        {},
        anchor="#evidence",
    )


@pages.post("/cases/{reference}/information-requests", response_model=None)
def information_page(
    request: Request,
    reference: str,
    csrf_token: str = Form(""),
    to: str = Form("", max_length=300),
    purpose: str = Form("", max_length=20000),
    information: str = Form("", max_length=20000),
    within_days: str = Form("", max_length=5),
    method: str = Form("electronic", max_length=20),
) -> Response:
    typed = {"info_to": to, "purpose": purpose, "information": information, "within_days": within_days}

    def act(ctx: Ctx) -> None:
        days = within_days.strip()
        if days and not days.isdigit():
            raise Invalid("within_days: give a number of days")
        body = enf.InformationBody(
            to=to,
            purpose=purpose,
            information=information,
            within_days=int(days) if days else None,
            method=method,  # type: ignore[arg-type]
        )
        enf.request_information(ctx, reference, body)

    return _case_form(request, csrf_token, lambda ctx: reference, act, typed)


@pages.post("/notices/{notice_ref}/response", response_model=None)
def response_page(
    request: Request, notice_ref: str, csrf_token: str = Form(""), note: str = Form("", max_length=20000)
) -> Response:
    def act(ctx: Ctx) -> None:
        enf.record_response(ctx, notice_ref, enf.ResponseBody(note=note))

    return _case_form(request, csrf_token, _case_of_notice(notice_ref), act, {})


@pages.post("/notices/{notice_ref}/variations", response_model=None)
def vary_page(
    request: Request,
    notice_ref: str,
    csrf_token: str = Form(""),
    changes: str = Form("", max_length=20000),
    compliance_by: str = Form("", max_length=10),
    pay_by: str = Form("", max_length=10),
    amount_gbp: str = Form("", max_length=30),
    daily_gbp: str = Form("", max_length=30),
    method: str = Form("electronic", max_length=20),
) -> Response:
    def act(ctx: Ctx) -> None:
        body = enf.VaryBody(
            changes=changes,
            compliance_by=_opt_date(compliance_by, "compliance_by"),
            pay_by=_opt_date(pay_by, "pay_by"),
            amount_gbp=amount_gbp.strip() or None,
            daily_gbp=daily_gbp.strip() or None,
            method=method,  # type: ignore[arg-type]
        )
        enf.vary_notice(ctx, notice_ref, body)

    return _case_form(request, csrf_token, _case_of_notice(notice_ref), act, {"changes": changes})


@pages.post("/notices/{notice_ref}/revocation", response_model=None)
def revoke_page(
    request: Request,
    notice_ref: str,
    csrf_token: str = Form(""),
    reasons: str = Form("", max_length=20000),
    method: str = Form("electronic", max_length=20),
) -> Response:
    def act(ctx: Ctx) -> None:
        enf.revoke_notice(ctx, notice_ref, enf.RevokeBody(reasons=reasons, method=method))  # type: ignore[arg-type]

    return _case_form(request, csrf_token, _case_of_notice(notice_ref), act, {"revoke_reasons": reasons})


@pages.post("/appeals/{appeal_id}/decision", response_model=None)
def decision_page(
    request: Request,
    appeal_id: int,
    csrf_token: str = Form(""),
    outcome: str = Form("", max_length=40),
    decided_on: str = Form("", max_length=10),
    note: str = Form("", max_length=20000),
    compliance_by: str = Form("", max_length=10),
    amount_gbp: str = Form("", max_length=30),
    pay_by: str = Form("", max_length=10),
) -> Response:
    def act(ctx: Ctx) -> None:
        body = enf.DecisionBody(
            outcome=outcome,
            decided_on=_opt_date(decided_on, "decided_on") or dt.date.today(),
            note=note,
            compliance_by=_opt_date(compliance_by, "compliance_by"),
            amount_gbp=amount_gbp.strip() or None,
            pay_by=_opt_date(pay_by, "pay_by"),
        )
        enf.decide_appeal(ctx, appeal_id, body)

    return _case_form(request, csrf_token, lambda ctx: enf.appeal_case(ctx, appeal_id), act, {"decision_note": note})


@pages.get("/actors/{name}", response_class=HTMLResponse)
def actor_page(request: Request, name: str) -> HTMLResponse:
    with tx(request) as ctx:
        return render(request, "enforcement_actor.html", ctx, h=enf.actor_history(ctx, name))


def _as_error(e: Exception) -> ServiceError:
    if isinstance(e, ServiceError):
        return e
    # pydantic's ValidationError is a ValueError: name the fields, never a traceback
    errors = getattr(e, "errors", None)
    if callable(errors):
        problems = [{"field": ".".join(str(p) for p in x["loc"]), "message": x["msg"]} for x in errors()]
        return Invalid("the form is not valid: " + "; ".join(f"{p['field']}: {p['message']}" for p in problems))
    return Invalid(f"the form is not valid: {e}")
