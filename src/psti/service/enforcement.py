"""The enforcement authority's case work inside the registry, for enforcement officers only.

Every operation is a call into `psti.enforcement` (the same calls the `psti case`,
`psti notice` and `psti appeal` commands make), over the request's own session: the
library runs each change in a savepoint (`CaseService(commit=False)`) and the request
commits once, with the case event mirrored into the shared audit log in the same
transaction. Library refusals become 409 (refused: nothing changed), unknown cases 404
and bad input 422.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, Field
from sqlalchemy import select

from psti.enforcement import cases as lib
from psti.enforcement import machine, penalty, survey
from psti.enforcement import proceedings as pr
from psti.enforcement.notices import NoticeRefused
from psti.errors import PstiError, UsageError
from psti.service.context import Ctx
from psti.service.errors import Conflict, Invalid, NotFound
from psti.store.enforcement import Appeal, Case, Notice
from psti.store.models import AssessmentRecord, Catalogue, CatalogueRow, Organisation, Product, VulnerabilityReport

ROLE = "enforcement"
Method = Literal["hand", "leave", "post", "electronic"]


class PartyBody(BaseModel):
    name: str = Field(min_length=1, max_length=300)
    role: str = Field(default="manufacturer", max_length=40)
    address: str = Field(default="", max_length=2000)


class OpenBody(BaseModel):
    """A new case: from an allegation, or from a vulnerability report or a catalogue-check row."""

    product_name: str = Field(default="", max_length=300)
    product_model: str = Field(default="", max_length=300)
    allegation: str = Field(default="", max_length=20000)
    source: str = Field(default="public", max_length=40)
    parties: list[PartyBody] = Field(default_factory=list, max_length=50)
    provisions: list[str] = Field(default_factory=list, max_length=100)
    from_report: str | None = Field(default=None, max_length=64, description="a vulnerability report's public id")
    from_catalogue_row: int | None = Field(default=None, description="a catalogue-check row id")
    from_catalogue: int | None = Field(default=None, description="a catalogue check id, with catalogue_row_number")
    catalogue_row_number: int | None = Field(default=None, ge=1, description="the row number within that check")


class TransitionBody(BaseModel):
    transition: str = Field(min_length=1, max_length=80)
    why: str = Field(default="", max_length=20000)
    evidence: list[int] = Field(default_factory=list, max_length=100)


class NoticeBody(BaseModel):
    """A notice of intent (`stage=intent`) or the notice itself (`stage=issue`)."""

    stage: Literal["intent", "issue"] = "intent"
    kind: str = Field(min_length=1, max_length=40)
    to: str | None = Field(default=None, max_length=300)
    breach: str | None = Field(default=None, max_length=20000)
    reasons: str = Field(default="", max_length=20000)
    contact: str = Field(default="", max_length=2000)
    intent: str | None = Field(default=None, max_length=80, description="the notice of intent this notice follows")
    urgent: bool = False
    urgency_reason: str = Field(default="", max_length=20000)
    requirement: str = Field(default="", max_length=20000)
    comply_within_days: int | None = Field(default=None, ge=1, le=3650)
    consequences: str = Field(default="", max_length=20000)
    steps: list[str] = Field(default_factory=list, max_length=50)
    amount_gbp: str = Field(default="", max_length=30)
    daily_gbp: str = Field(default="0", max_length=30)
    factors: dict[str, str] = Field(default_factory=dict)
    pay_within_days: int | None = Field(default=None, ge=1, le=3650)
    how_to_pay: str = Field(default="", max_length=2000)
    signatory: str = Field(default="", max_length=300)
    sent_at: dt.datetime | None = None
    method: Method = "electronic"
    # penalties: the accounting period that sets the relevant maximum (s.38)
    qwr_gbp: str | None = Field(default=None, max_length=30, description="qualifying worldwide revenue")
    period_start: dt.date | None = None
    period_end: dt.date | None = None
    period_estimated: bool = False


class PenaltyCalcBody(BaseModel):
    amount_gbp: str = Field(min_length=1, max_length=30)
    daily_gbp: str = Field(default="0", max_length=30)
    factors: dict[str, str] = Field(default_factory=dict)
    qwr_gbp: str | None = Field(default=None, max_length=30)
    period_start: dt.date | None = None
    period_end: dt.date | None = None
    period_estimated: bool = False


class ServeBody(BaseModel):
    sent_at: dt.datetime | None = None
    method: Method = "electronic"
    signatory: str = Field(default="", max_length=300)


class InformationBody(ServeBody):
    to: str = Field(min_length=1, max_length=300)
    purpose: str = Field(min_length=1, max_length=20000)
    information: str = Field(min_length=1, max_length=20000)
    within_days: int | None = Field(default=None, ge=1, le=3650)
    form: str = Field(default="", max_length=2000)
    contact: str = Field(default="", max_length=2000)


class ResponseBody(BaseModel):
    at: dt.datetime | None = None
    note: str = Field(default="", max_length=20000)


class VaryBody(ServeBody):
    changes: str = Field(min_length=1, max_length=20000)
    compliance_by: dt.date | None = None
    pay_by: dt.date | None = None
    amount_gbp: str | None = Field(default=None, max_length=30)
    daily_gbp: str | None = Field(default=None, max_length=30)


class RevokeBody(ServeBody):
    reasons: str = Field(min_length=1, max_length=20000)


class DecisionBody(BaseModel):
    outcome: str = Field(min_length=1, max_length=40)
    decided_on: dt.date
    note: str = Field(default="", max_length=20000)
    compliance_by: dt.date | None = None
    amount_gbp: str | None = Field(default=None, max_length=30)
    pay_by: dt.date | None = None


class AssessmentEvidenceBody(BaseModel):
    assessment_id: int


class AppealBody(BaseModel):
    lodged_on: dt.date
    grounds: list[str] = Field(min_length=1, max_length=10)
    note: str = Field(default="", max_length=20000)
    against_variation: bool = False


@contextmanager
def library_errors() -> Iterator[None]:
    """Map the library's refusals onto HTTP errors; the savepoint has already undone the change."""
    try:
        yield
    except lib.CaseNotFound as e:
        raise NotFound(str(e)) from None
    except (machine.TransitionRefused, NoticeRefused, pr.AppealRefused, penalty.PenaltyRefused) as e:
        raise Conflict(f"refused, nothing changed: {e}") from None
    except UsageError as e:
        raise Invalid(str(e)) from None
    except PstiError as e:
        raise Conflict(str(e)) from None


def service(ctx: Ctx) -> lib.CaseService:
    ctx.who.require(ROLE)
    return lib.CaseService(ctx.db, commit=False)


def today() -> dt.date:
    return dt.datetime.now(dt.UTC).date()


def list_cases(
    ctx: Ctx, *, state: str | None = None, actor: str | None = None, overdue: bool = False, day: dt.date | None = None
) -> list[dict[str, Any]]:
    svc = service(ctx)
    if state and state not in {s.id for s in svc.wf.states}:
        raise Invalid(f"state {state!r}: use one of {', '.join(s.id for s in svc.wf.states)}")
    with library_errors():
        return lib.case_rows(svc, day or today(), state=state or None, actor=actor or None, overdue=overdue)


def open_case(ctx: Ctx, body: OpenBody) -> Case:
    svc = service(ctx)
    fields: dict[str, Any] = {
        "product_name": body.product_name,
        "product_model": body.product_model,
        "allegation": body.allegation,
        "source": body.source,
        "parties": [lib.PartyIn(name=p.name.strip(), role=p.role, address=p.address) for p in body.parties],
        "provisions": body.provisions,
    }
    if body.from_report:
        fields.update(_from_report(ctx, body.from_report, fields))
    elif body.from_catalogue_row is not None:
        fields.update(_from_catalogue_row(ctx, body.from_catalogue_row, fields))
    elif body.from_catalogue is not None:
        if body.catalogue_row_number is None:
            raise Invalid(f"catalogue_row_number: give the row number within catalogue check {body.from_catalogue}")
        row_id = ctx.db.scalars(
            select(CatalogueRow.id).where(
                CatalogueRow.catalogue_id == body.from_catalogue, CatalogueRow.row_number == body.catalogue_row_number
            )
        ).first()
        if row_id is None:
            raise NotFound(f"no row {body.catalogue_row_number} in catalogue check {body.from_catalogue}")
        fields.update(_from_catalogue_row(ctx, row_id, fields))
    with library_errors():
        return svc.open(who=ctx.who.actor, **fields)


def _from_report(ctx: Ctx, public_id: str, given: dict[str, Any]) -> dict[str, Any]:
    rep = ctx.db.scalars(select(VulnerabilityReport).where(VulnerabilityReport.public_id == public_id)).first()
    if rep is None:
        raise NotFound(f"no vulnerability report {public_id!r}")
    org = ctx.db.get(Organisation, rep.organisation_id)
    product = ctx.db.get(Product, rep.product_id) if rep.product_id else None
    maker = org.name if org else ""
    late = rep.acknowledged_at is None and lib.aware(rep.acknowledge_by) < dt.datetime.now(dt.UTC)
    allegation = given["allegation"] or (
        f"Vulnerability report {rep.public_id} ({rep.title!r}) received {lib.aware(rep.received_at):%Y-%m-%d}, "
        f"status {rep.status}" + ("; not acknowledged by the published deadline" if late else "")
    )
    return {
        "product_name": given["product_name"] or (product.name if product else f"Products of {maker}"),
        "product_model": given["product_model"] or (product.model if product else ""),
        "allegation": allegation,
        "source": "researcher",
        "parties": given["parties"] or ([lib.PartyIn(name=maker, role="manufacturer")] if maker else []),
        "provisions": given["provisions"] or (["PSTI-S1-2.2.b"] if late else []),
    }


def _from_catalogue_row(ctx: Ctx, row_id: int, given: dict[str, Any]) -> dict[str, Any]:
    row = ctx.db.get(CatalogueRow, row_id)
    if row is None:
        raise NotFound(f"no catalogue row {row_id}")
    cat = ctx.db.get(Catalogue, row.catalogue_id)
    seller = ctx.db.get(Organisation, cat.organisation_id) if cat else None
    parties = [lib.PartyIn(name=row.manufacturer, role="manufacturer")] if row.manufacturer.strip() else []
    if seller is not None and seller.kind in ("importer", "distributor"):
        parties.append(lib.PartyIn(name=seller.name, role=seller.kind))
    allegation = given["allegation"] or (
        f"Catalogue check of {seller.name if seller else 'a catalogue'} row {row.row_number}: "
        f"{row.result or 'not checked'}{' - ' + row.message if row.message else ''}"
    )
    return {
        "product_name": given["product_name"] or f"{row.manufacturer} {row.model}".strip(),
        "product_model": given["product_model"] or row.model,
        "allegation": allegation,
        "source": "distributor",
        "parties": given["parties"] or parties,
    }


def case_detail(ctx: Ctx, reference: str, day: dt.date | None = None) -> dict[str, Any]:
    svc = service(ctx)
    with library_errors():
        c = svc.get(reference)
        data = lib.case_dict(svc, c, day or today(), with_text=True)
        data["transitions"] = [
            {"id": t.id, "title": t.title, "to": t.to, "refused": why}
            for t, why in machine.available(svc.wf, svc.facts(c))
        ]
        calcs = {n.reference: n for n in c.notices}
        for nd in data["notices"]:
            n = calcs[nd["reference"]]
            nd["calculation"] = n.calculation or None
            nd["responded_at"] = lib.aware(n.responded_at).isoformat() if n.responded_at else None
    return data


def transition(ctx: Ctx, reference: str, body: TransitionBody) -> dict[str, Any]:
    svc = service(ctx)
    with library_errors():
        e = svc.transition(reference, body.transition, who=ctx.who.actor, why=body.why, evidence=body.evidence)
    return {"case": reference, "from": e.from_state, "to": e.to_state, "at": lib.aware(e.at).isoformat()}


def give_notice(ctx: Ctx, reference: str, body: NoticeBody) -> Notice:
    svc = service(ctx)
    terms = pr.NoticeTerms(
        requirement=body.requirement,
        comply_within_days=body.comply_within_days,
        consequences=body.consequences,
        steps=[s for s in body.steps if s.strip()],
        amount_gbp=body.amount_gbp,
        daily_gbp=body.daily_gbp or "0",
        factors=body.factors,
        pay_within_days=body.pay_within_days,
        how_to_pay=body.how_to_pay,
        signatory=body.signatory,
    )
    serve = _serve(body.sent_at, body.method)
    with library_errors():
        terms.accounting_period = _period(body.qwr_gbp, body.period_start, body.period_end, body.period_estimated)
        if body.stage == "intent":
            if not body.to or not body.breach:
                raise UsageError("to, breach: a notice of intent names the party and the breach")
            return pr.give_intent(
                svc,
                reference,
                kind=body.kind,
                to=body.to,
                breach=body.breach,
                reasons=body.reasons,
                who=ctx.who.actor,
                serve=serve,
                contact=body.contact,
                terms=terms,
            )
        return pr.issue(
            svc,
            reference,
            kind=body.kind,
            who=ctx.who.actor,
            serve=serve,
            reasons=body.reasons,
            terms=terms,
            intent=body.intent or None,
            to=body.to or None,
            breach=body.breach or None,
            urgent=body.urgent,
            urgency_reason=body.urgency_reason,
        )


def notice(ctx: Ctx, reference: str) -> dict[str, Any]:
    svc = service(ctx)
    n = svc.session.scalars(select(Notice).where(Notice.reference == reference)).first()
    if n is None:
        raise NotFound(f"no notice {reference!r}")
    out = {"case": n.case.reference, **lib.notice_dict(n, with_text=True)}
    if n.calculation:
        out["calculation"] = n.calculation
    out["appeals"] = [
        {"id": a.id, "lodged_on": a.lodged_on.isoformat(), "status": a.status, "outcome": a.outcome} for a in n.appeals
    ]
    return out


def _serve(sent_at: dt.datetime | None, method: Method) -> pr.Serve:
    sent = sent_at or dt.datetime.now(dt.UTC)
    if sent.tzinfo is None:
        sent = sent.replace(tzinfo=dt.UTC)
    return pr.Serve(sent_at=sent, method=method)


def _period(
    qwr: str | None, start: dt.date | None, end: dt.date | None, estimated: bool
) -> penalty.AccountingPeriod | None:
    """The accounting period behind the relevant maximum, as `psti penalty calc --qwr` takes it."""
    if not qwr:
        if start or end:
            raise UsageError("period_start/period_end need qwr_gbp (qualifying worldwide revenue)")
        return None
    if start is None or end is None:
        raise UsageError("qwr_gbp needs the accounting period: period_start and period_end")
    return penalty.AccountingPeriod(start=start, end=end, qwr_gbp=penalty.money(qwr, "qwr_gbp"), estimated=estimated)


def penalty_calculation(ctx: Ctx, body: PenaltyCalcBody) -> dict[str, Any]:
    """`psti penalty calc`: the relevant maximum, the daily cap and the s.37 matters; refused above the cap."""
    svc = service(ctx)
    with library_errors():
        calc = penalty.calculate(
            body.amount_gbp,
            period=_period(body.qwr_gbp, body.period_start, body.period_end, body.period_estimated),
            factors=body.factors,
            daily_gbp=body.daily_gbp or "0",
            wf=svc.wf,
        )
    return calc.to_dict()


def request_information(ctx: Ctx, reference: str, body: InformationBody) -> Notice:
    svc = service(ctx)
    with library_errors():
        return pr.request_information(
            svc,
            reference,
            to=body.to,
            purpose=body.purpose,
            information=body.information,
            who=ctx.who.actor,
            serve=_serve(body.sent_at, body.method),
            within_days=body.within_days,
            form=body.form,
            contact=body.contact,
            signatory=body.signatory,
        )


def record_response(ctx: Ctx, notice_ref: str, body: ResponseBody) -> Notice:
    svc = service(ctx)
    at = body.at
    if at is not None and at.tzinfo is None:
        at = at.replace(tzinfo=dt.UTC)
    with library_errors():
        return pr.record_response(svc, notice_ref, who=ctx.who.actor, at=at, note=body.note)


def vary_notice(ctx: Ctx, notice_ref: str, body: VaryBody) -> Notice:
    svc = service(ctx)
    with library_errors():
        return pr.vary(
            svc,
            notice_ref,
            who=ctx.who.actor,
            changes=body.changes,
            serve=_serve(body.sent_at, body.method),
            compliance_by=body.compliance_by,
            pay_by=body.pay_by,
            amount_gbp=body.amount_gbp or None,
            daily_gbp=body.daily_gbp or None,
            signatory=body.signatory,
        )


def revoke_notice(ctx: Ctx, notice_ref: str, body: RevokeBody) -> Notice:
    svc = service(ctx)
    with library_errors():
        return pr.revoke(
            svc,
            notice_ref,
            who=ctx.who.actor,
            reasons=body.reasons,
            serve=_serve(body.sent_at, body.method),
            signatory=body.signatory,
        )


def decide_appeal(ctx: Ctx, appeal_id: int, body: DecisionBody) -> dict[str, Any]:
    svc = service(ctx)
    with library_errors():
        a = pr.decide_appeal(
            svc,
            appeal_id,
            outcome=body.outcome,
            decided_on=body.decided_on,
            who=ctx.who.actor,
            note=body.note,
            compliance_by=body.compliance_by,
            amount_gbp=body.amount_gbp or None,
            pay_by=body.pay_by,
        )
        n = a.notice
        return {
            "id": a.id,
            "notice": n.reference,
            "status": a.status,
            "outcome": a.outcome,
            "decided_on": a.decided_on.isoformat() if a.decided_on else None,
            "notice_status": n.status,
            "case_state": n.case.state,
        }


def appeal_case(ctx: Ctx, appeal_id: int) -> str:
    """The case an appeal belongs to (for the page to return to)."""
    service(ctx)
    a = ctx.db.get(Appeal, appeal_id)
    if a is None:
        raise NotFound(f"no appeal #{appeal_id}")
    return a.case.reference


def assessment_json(ctx: Ctx, assessment_id: int) -> bytes:
    """The stored result of a registry assessment, as the bytes `psti assess --format json` wrote."""
    service(ctx)
    rec = ctx.db.get(AssessmentRecord, assessment_id)
    if rec is None:
        raise NotFound(f"no assessment {assessment_id}")
    return rec.result_json.encode("utf-8")


def attach_evidence(ctx: Ctx, reference: str, filename: str, blob_path: Path) -> dict[str, Any]:
    """Attach an uploaded file (already stored by hash) to a case, assessed as `psti case attach` does.

    The survey picks the kind from the uploaded name; it reads the content-addressed copy
    through a link carrying that name in a private temporary directory, so nothing the
    uploader chose decides where anything is written.
    """
    svc = service(ctx)
    with library_errors():
        case = svc.get(reference)
        with tempfile.TemporaryDirectory(prefix="psti-evidence-") as tmp:
            link = Path(tmp) / filename
            link.symlink_to(blob_path)
            result = survey.run_item(survey.item_for(link))
        result["item"] = filename
        with svc.atomic():
            item = svc.attach_result(case, result, who=ctx.who.actor)
    return {
        "id": item.id,
        "case": reference,
        "filename": filename,
        "kind": item.kind,
        "sha256": item.sha256,
        "size": item.size,
        "verdict": item.verdict,
        "summary": item.summary,
    }


def lodge_appeal(ctx: Ctx, notice_ref: str, body: AppealBody) -> dict[str, Any]:
    svc = service(ctx)
    with library_errors():
        a = pr.lodge_appeal(
            svc,
            notice_ref,
            lodged_on=body.lodged_on,
            grounds=body.grounds,
            who=ctx.who.actor,
            against_variation=body.against_variation,
            note=body.note,
        )
    return {"id": a.id, "notice": notice_ref, "lodged_on": a.lodged_on.isoformat(), "status": a.status}


def actor_history(ctx: Ctx, name: str) -> dict[str, Any]:
    svc = service(ctx)
    try:
        return svc.actor_history(name)
    except UsageError as e:
        raise NotFound(str(e)) from None


def export(ctx: Ctx, day: dt.date | None = None) -> dict[str, Any]:
    svc = service(ctx)
    return svc.export(today=day or today())


def export_csv(ctx: Ctx, day: dt.date | None = None) -> str:
    return lib.export_csv(export(ctx, day))


def workflow_choices(ctx: Ctx) -> dict[str, Any]:
    """What the forms offer: sources, party roles, notice kinds, appeal grounds, states."""
    svc = service(ctx)
    wf = svc.wf
    return {
        "states": [s.id for s in wf.states],
        "sources": lib.SOURCES,
        "roles": lib.ROLES,
        "notice_kinds": [(n.kind, n.title) for n in wf.notices if n.kind in (*pr.ENFORCEMENT, "penalty")],
        "grounds": wf.appeals.grounds,
        "outcomes": wf.appeals.outcomes,
        "factors": wf.penalty.required_factors,
        "methods": ("electronic", "hand", "post", "leave"),
    }
