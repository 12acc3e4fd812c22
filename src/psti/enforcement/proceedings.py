"""Notices and appeals on a case: intent, issue, information, variation, revocation, appeal.

Each function checks everything the Act requires first (pre-notice periods, one
notice per breach, required content, the penalty maximum, appeal time limits), then
records the notice and its rendered document, appends to the case log and applies the
transition the workflow ties to the event. A refusal raises and changes nothing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from sqlalchemy import select

from psti.enforcement import calendar, machine, notices, penalty
from psti.enforcement.calendar import Service as ServiceRecord
from psti.enforcement.cases import CaseService, PartyIn, local_day
from psti.enforcement.workflow import ResolvedLimit, limit_date, resolve_limit
from psti.errors import PstiError, UsageError
from psti.store.enforcement import Actor, Appeal, Case, CaseParty, Notice, NoticeDocument

DEFAULT_CONSEQUENCES = {
    "enforcement": (
        "Failing to comply with this notice is an offence under section 32 of the Act, punishable "
        "on summary conviction by a fine (in Scotland and Northern Ireland, a fine not exceeding "
        "level 5 on the standard scale). The Secretary of State may also give a penalty notice "
        "under section 36 (up to the greater of £10 million and 4% of qualifying worldwide "
        "revenue), and may publish details of this notice (section 46)."
    ),
    "penalty": (
        "An unpaid penalty is recoverable as if payable under an order of the High Court in "
        "England and Wales and in Northern Ireland, and in Scotland may be enforced as an extract "
        "registered decree arbitral (section 40). Any daily penalty continues to accrue while the "
        "breach continues."
    ),
}


class AppealRefused(PstiError):
    """An appeal that cannot be recorded: out of time, against nothing appealable, ..."""


@dataclass
class Serve:
    """How and when a document is sent; `given` is when the Act treats it as given."""

    sent_at: dt.datetime
    method: calendar.ServiceMethod = "electronic"
    calendar: str = "uk-any"

    @property
    def given(self) -> ServiceRecord:
        return calendar.deemed_given(self.sent_at, self.method, self.calendar)


@dataclass
class NoticeTerms:
    """What the authority specifies in an enforcement or penalty notice."""

    requirement: str = ""
    comply_within_days: int | None = None
    compliance_by: dt.date | None = None
    consequences: str = ""
    steps: list[str] = field(default_factory=list)
    evidence_required: str = ""
    inform_customers: str = ""
    revocation_condition: str = ""
    conditions: dict[str, str] = field(default_factory=dict)  # recall s.30(1) conditions
    # penalties
    amount_gbp: str = ""
    daily_gbp: str = "0"
    factors: dict[str, str] = field(default_factory=dict)
    accounting_period: penalty.AccountingPeriod | None = None
    pay_within_days: int | None = None
    how_to_pay: str = ""
    signatory: str = ""


def _day(t: dt.datetime | None) -> str:
    return local_day(t).isoformat() if t else ""


def _norm(text: str) -> str:
    return " ".join(text.lower().split())


def _party(svc: CaseService, case: Any, name: str) -> Actor:
    actor = svc.session.scalars(
        select(Actor)
        .join(CaseParty, CaseParty.actor_id == Actor.id)
        .where(CaseParty.case_id == case.id, Actor.name == name)
    ).first()
    if actor is None:
        reference = case.reference
        raise UsageError(
            f"{name!r} is not a party to case {reference}; add them first: "
            f'psti case add-party {reference} "ROLE:{name}[:ADDRESS]" (ROLE: manufacturer, importer, '
            "distributor or authorised-representative)"
        )
    return actor


def steps_to_notices(svc: CaseService, state: str) -> list[str]:
    """The fewest workflow transitions from `state` to a state in which notices may be given."""
    wf = svc.wf

    def can_give(s: str) -> bool:
        return not wf.state(s).terminal and s not in (wf.workflow.draft, wf.workflow.initial)

    paths: dict[str, list[str]] = {state: []}
    queue = [state]
    while queue:
        here = queue.pop(0)
        if can_give(here):
            return paths[here]
        for t in wf.transitions_from(here):
            if t.to not in paths:
                paths[t.to] = [*paths[here], t.id]
                queue.append(t.to)
    return []


def _not_ready(svc: CaseService, reference: str, state: str) -> UsageError:
    steps = steps_to_notices(svc, state)
    todo = "; then ".join(f"psti case transition {reference} {t} --why '…'" for t in steps)
    return UsageError(
        f"case {reference} is in state {state!r}: open an investigation before giving notices"
        + (f" (run: {todo})" if todo else "")
    )


def add_party(svc: CaseService, reference: str, party: PartyIn, *, who: str) -> None:
    case = svc.get(reference)
    with svc.atomic():
        actor = svc._actor(party)
        if any(p.actor_id == actor.id and p.role == party.role for p in case.parties):
            raise UsageError(f"{party.name!r} is already a {party.role} in case {reference}")
        svc.session.add(CaseParty(case=case, actor=actor, role=party.role))
        svc.log(case, who, "add-party", details=party.__dict__)


def _reference(svc: CaseService, case_ref: str, kind: str) -> str:
    count = svc.session.scalar(select(Notice.id).order_by(Notice.id.desc()).limit(1)) or 0
    short = {
        "compliance": "CN",
        "stop": "SN",
        "recall": "RN",
        "penalty": "PN",
        "information": "IN",
    }[kind]
    return f"{case_ref}-{short}{count + 1:03d}"


def _base_context(
    case_ref: str,
    notice_ref: str,
    actor: Actor,
    role: str,
    product: str,
    given: calendar.Service | None,
    signatory: str,
) -> dict[str, Any]:
    return {
        "reference": notice_ref,
        "case_reference": case_ref,
        "recipient": {"name": actor.name, "role": role, "address": actor.address},
        "product": product,
        "dated": (given.given_at.date() if given else dt.date.today()).isoformat(),
        "given_at": given.given_at.isoformat(timespec="minutes") if given else "",
        "service_basis": given.basis if given else "",
        "signatory": signatory or "Authorised officer",
    }


def _document(
    svc: CaseService,
    n: Notice,
    doc_kind: str,
    rendered: notices.RenderedNotice,
    given: calendar.Service | None,
    appeal_by: dt.date | None = None,
) -> NoticeDocument:
    doc = NoticeDocument(
        notice=n,
        doc_kind=doc_kind,
        text=rendered.text,
        sha256=rendered.sha256,
        given_at=given.given_at.astimezone(dt.UTC) if given else None,
        appeal_by=appeal_by,
        created_at=svc.now(),
    )
    svc.session.add(doc)
    svc.session.flush()
    return doc


ENFORCEMENT = machine.ENFORCEMENT_KINDS


def give_intent(
    svc: CaseService,
    reference: str,
    *,
    kind: str,
    to: str,
    breach: str,
    reasons: str,
    who: str,
    serve: Serve,
    contact: str = "",
    terms: NoticeTerms | None = None,
) -> Notice:
    """Notify the intention to give a compliance, stop, recall or penalty notice (ss.28-30, 39)."""
    if kind not in (*ENFORCEMENT, "penalty"):
        raise UsageError(f"kind {kind!r}: a notice of intent precedes a compliance, stop, recall or penalty notice")
    terms = terms or NoticeTerms()
    case = svc.get(reference)
    if svc.wf.state(case.state).terminal or case.state in (
        svc.wf.workflow.draft,
        svc.wf.workflow.initial,
    ):
        raise _not_ready(svc, reference, case.state)
    actor = _party(svc, case, to)
    role = next(p.role for p in case.parties if p.actor_id == actor.id)
    nk = svc.wf.notice_kind(kind)
    _check_one_per_breach(svc, case.id, actor.id, kind, breach, nk)
    given = serve.given
    lim = resolve_limit(svc.wf, nk.intent_limit, given.given_at.date()) if nk.intent_limit else None
    not_before = limit_date(lim, given.given_at.date(), svc.wf.workflow.working_day_calendar) if lim else None
    calc = None
    if kind == "penalty":
        calc = penalty.calculate(
            terms.amount_gbp or "0",
            period=terms.accounting_period,
            factors=terms.factors,
            daily_gbp=terms.daily_gbp or "0",
            wf=svc.wf,
        )
    with svc.atomic():
        n = Notice(
            case=case,
            actor=actor,
            kind=kind,
            reference=_reference(svc, reference, kind),
            breach=breach.strip(),
            status="intent",
            intent_given_at=given.given_at.astimezone(dt.UTC),
            not_before=not_before,
            created_at=svc.now(),
            amount_gbp=str(calc.fixed_gbp) if calc else "",
            daily_gbp=str(calc.daily_gbp) if calc and calc.daily_gbp else "",
            calculation=calc.to_dict() if calc else {},
        )
        svc.session.add(n)
        svc.session.flush()
        ctx = _base_context(reference, n.reference, actor, role, case.product_name, given, terms.signatory)
        ctx.update(
            breach=breach,
            reasons=reasons,
            proposed_title=nk.title,
            proposed_citation=nk.citation,
            representations_by=not_before.isoformat() if not_before else "",
            intent_days=lim.days if lim else "",
            contact=contact or "the case officer named above",
        )
        if calc:
            ctx.update(
                amount=f"{calc.fixed_gbp:,}",
                daily_amount=f"{calc.daily_gbp:,}" if calc.daily_gbp else "",
                factors=[f.__dict__ for f in calc.factors],
            )
        rendered = notices.render("penalty-intent" if kind == "penalty" else "intent", ctx, wf=svc.wf)
        _document(svc, n, "intent", rendered, given)
        svc.log(
            case,
            who,
            f"notice-intent:{kind}",
            why=reasons,
            details={
                "notice": n.reference,
                "to": actor.name,
                "given_at": given.given_at.isoformat(),
                "not_before": not_before.isoformat() if not_before else None,
                "limit_source": lim.source if lim else None,
                "sha256": rendered.sha256,
            },
        )
        if kind == "penalty":
            svc.on_event(case, "penalty-intent-given", who=who, why=f"notice of intent {n.reference} given")
    return n


def _check_one_per_breach(
    svc: CaseService,
    case_id: int,
    actor_id: int,
    kind: str,
    breach: str,
    nk: Any,
    exclude: int | None = None,
) -> None:
    if not nk.one_per_breach:
        return
    for other in svc.session.scalars(select(Notice).where(Notice.actor_id == actor_id, Notice.kind == kind)):
        if other.id != exclude and other.status != "intent" and _norm(other.breach) == _norm(breach):
            raise notices.NoticeRefused(
                f"{nk.title} refused: {other.reference} was already given to this person for the same "
                f"breach ({nk.one_per_breach_citation})"
            )


def issue(
    svc: CaseService,
    reference: str,
    *,
    kind: str,
    who: str,
    serve: Serve,
    reasons: str,
    terms: NoticeTerms,
    intent: str | None = None,
    to: str | None = None,
    breach: str | None = None,
    urgent: bool = False,
    urgency_reason: str = "",
) -> Notice:
    """Give a compliance, stop, recall or penalty notice, after its notice of intent (or urgently)."""
    if kind not in (*ENFORCEMENT, "penalty"):
        raise UsageError(f"kind {kind!r}: use compliance, stop, recall or penalty (information: psti notice info)")
    case = svc.get(reference)
    nk = svc.wf.notice_kind(kind)
    given = serve.given
    lim = resolve_limit(svc.wf, nk.intent_limit, given.given_at.date()) if nk.intent_limit else None
    n: Notice | None = None
    if intent:
        n = _intent_now_due(svc, case, intent, kind, nk, lim, given, urgent)
        actor, breach = n.actor, n.breach
    else:
        actor = _party(svc, case, _without_intent(nk, lim, urgent, urgency_reason, to, breach))
    assert breach is not None  # from the intent, or required without one
    _check_one_per_breach(svc, case.id, actor.id, kind, breach, nk, exclude=n.id if n else None)
    day = given.given_at.date()
    assert nk.appeal_limit is not None  # every enforcement and penalty notice is appealable
    appeal = resolve_limit(svc.wf, nk.appeal_limit, day)
    appeal_by = limit_date(appeal, day, svc.wf.workflow.working_day_calendar)
    ctx = _base_context(reference, n.reference if n else "", actor, _role(case, actor), case.product_name, given,
                        terms.signatory)
    ctx.update(
        breach=breach,
        reasons=reasons,
        appeal_by=appeal_by.isoformat(),
        appeal_days=appeal.days,
        urgent=urgent,
        urgency_reason=urgency_reason,
        **_specified(terms),
    )
    calc = None
    compliance_by = pay_by = None
    if kind == "penalty":
        calc, pay_by = _penalty_terms(svc, terms, day, ctx)
    else:
        compliance_by = _compliance_terms(nk, terms, day, ctx)
    # Render before writing anything: a notice lacking required content is refused here.
    rendered = notices.render(kind, {**ctx, "reference": ctx["reference"] or "(assigned on issue)"}, wf=svc.wf)
    with svc.atomic():
        if n is None:
            n = _new_notice(svc, case, actor, kind, breach, urgent)
            rendered = notices.render(kind, {**ctx, "reference": n.reference}, wf=svc.wf)
        n.status = "issued"
        n.given_at = given.given_at.astimezone(dt.UTC)
        n.service_method = given.method
        n.service_basis = given.basis
        n.appeal_by = appeal_by
        n.compliance_by = compliance_by
        n.pay_by = pay_by
        n.context = {k: v for k, v in ctx.items() if isinstance(v, str | int | list | bool)}
        if calc:
            n.amount_gbp = str(calc.fixed_gbp)
            n.daily_gbp = str(calc.daily_gbp) if calc.daily_gbp else ""
            n.calculation = calc.to_dict()
        _document(svc, n, "notice", rendered, given, appeal_by)
        svc.log(
            case,
            who,
            f"notice-issued:{kind}",
            why=reasons,
            details={
                "notice": n.reference,
                "to": actor.name,
                "given_at": given.given_at.isoformat(),
                "appeal_by": appeal_by.isoformat(),
                "appeal_limit_source": appeal.source,
                "urgent": urgent,
                "sha256": rendered.sha256,
                "amount_gbp": n.amount_gbp or None,
            },
        )
        event = "penalty-intent-given" if kind == "penalty" else "enforcement-notice-given"
        svc.on_event(case, event, who=who, why=f"{nk.title} {n.reference} given")
    return n


def _role(case: Case, actor: Actor) -> str:
    return next(p.role for p in case.parties if p.actor_id == actor.id)


def _specified(terms: NoticeTerms) -> dict[str, Any]:
    """What the notice specifies beyond its requirement: steps, evidence, recall conditions."""
    return {
        "steps": terms.steps,
        "evidence_required": terms.evidence_required,
        "inform_customers": terms.inform_customers,
        "revocation_condition": terms.revocation_condition,
        **terms.conditions,
    }


def _intent_now_due(
    svc: CaseService,
    case: Case,
    intent: str,
    kind: str,
    nk: Any,
    lim: ResolvedLimit | None,
    given: ServiceRecord,
    urgent: bool,
) -> Notice:
    """The case's notice of intent `intent`, once the period for representations is over."""
    n = svc.session.scalars(select(Notice).where(Notice.reference == intent)).first()
    if n is None or n.case_id != case.id:
        raise UsageError(f"no notice of intent {intent!r} in case {case.reference}")
    if n.kind != kind or n.status != "intent":
        raise notices.NoticeRefused(f"{intent} is a {n.kind} notice in status {n.status!r}, not a {kind} intent")
    if urgent:
        raise UsageError("--urgent is for notices given without a notice of intent; drop --intent or --urgent")
    assert n.not_before is not None and lim is not None
    if given.given_at.date() < n.not_before:
        start = local_day(n.intent_given_at) if n.intent_given_at else None
        raise notices.NoticeRefused(
            f"{nk.title} refused: it may not be given until the end of the period of {lim.days} days "
            f"beginning with {start} when the intent was notified ({lim.limit.citation}); it would be "
            f"given on {given.given_at.date()}, the earliest day is {n.not_before}"
        )
    return n


def _without_intent(
    nk: Any, lim: ResolvedLimit | None, urgent: bool, urgency_reason: str, to: str | None, breach: str | None
) -> str:
    """Check a notice may be given with no notice of intent (none needed, or urgent where the
    Act allows it); the name of the party it goes to."""
    if lim is not None and not (urgent and lim.limit.urgent_bypass):
        why = (
            "the Act allows no urgency exception for this notice"
            if urgent
            else "give a notice of intent first (psti notice intent)"
        )
        raise notices.NoticeRefused(
            f"{nk.title} refused: notice of intent and representations required ({lim.limit.citation}); {why}"
        )
    if urgent and not urgency_reason.strip():
        raise notices.NoticeRefused(
            f"{nk.title} refused: record why the need is urgent ({lim.limit.citation if lim else nk.citation})"
        )
    if not to or not breach:
        raise UsageError("--to and --breach are required for a notice given without a notice of intent")
    return to


def _penalty_terms(
    svc: CaseService, terms: NoticeTerms, day: dt.date, ctx: dict[str, Any]
) -> tuple[penalty.PenaltyCalculation, dt.date]:
    """The penalty within the maximum, and the day to pay by (at least the statutory period)."""
    calc = penalty.calculate(
        terms.amount_gbp or "0",
        period=terms.accounting_period,
        factors=terms.factors,
        daily_gbp=terms.daily_gbp or "0",
        wf=svc.wf,
        on=day,
    )
    pay_lim = resolve_limit(svc.wf, "penalty-payment-period", day)
    pay_days = terms.pay_within_days or pay_lim.days
    if pay_days < pay_lim.days:
        raise penalty.PenaltyRefused(
            f"payment period of {pay_days} days is shorter than {pay_lim.days} days beginning with the day "
            f"the notice is given ({pay_lim.limit.citation})"
        )
    pay_by = limit_date(pay_lim, day, svc.wf.workflow.working_day_calendar, days=pay_days)
    ctx.update(
        amount=f"{calc.fixed_gbp:,}",
        daily_amount=f"{calc.daily_gbp:,}" if calc.daily_gbp else "",
        relevant_maximum=f"{calc.cap.relevant_maximum_gbp:,}",
        cap_basis=calc.cap.basis,
        factors=[f.__dict__ for f in calc.factors],
        how_to_pay=terms.how_to_pay,
        pay_by=pay_by.isoformat(),
        pay_days=pay_days,
        consequences=terms.consequences or DEFAULT_CONSEQUENCES["penalty"],
    )
    return calc, pay_by


def _compliance_terms(nk: Any, terms: NoticeTerms, day: dt.date, ctx: dict[str, Any]) -> dt.date | None:
    """What a compliance, stop or recall notice requires, and by when (never before it is given)."""
    if terms.compliance_by and terms.comply_within_days:
        raise UsageError("give either a compliance date or a number of days, not both")
    compliance_by = None
    if terms.compliance_by:
        compliance_by = terms.compliance_by
    elif terms.comply_within_days:
        compliance_by = calendar.period_last_day(day, terms.comply_within_days)
    if compliance_by is not None and compliance_by < day:
        raise notices.NoticeRefused(
            f"{nk.title} refused: the compliance date {compliance_by} is before the notice is given ({day})"
        )
    ctx.update(
        requirement=terms.requirement,
        compliance_by=compliance_by.isoformat() if compliance_by else "",
        consequences=terms.consequences or DEFAULT_CONSEQUENCES["enforcement"],
    )
    return compliance_by


def _new_notice(svc: CaseService, case: Case, actor: Actor, kind: str, breach: str, urgent: bool) -> Notice:
    """A notice given without a notice of intent: its row, with its reference, before issue."""
    n = Notice(
        case=case,
        actor=actor,
        kind=kind,
        reference=_reference(svc, case.reference, kind),
        breach=breach.strip(),
        status="intent",
        created_at=svc.now(),
        urgent=urgent,
    )
    svc.session.add(n)
    svc.session.flush()
    return n


def request_information(
    svc: CaseService,
    reference: str,
    *,
    to: str,
    purpose: str,
    information: str,
    who: str,
    serve: Serve,
    within_days: int | None = None,
    form: str = "",
    contact: str = "",
    signatory: str = "",
) -> Notice:
    """An information notice (CRA 2015 Sch 5 para 14, via Act s.26(4)) with its due date."""
    case = svc.get(reference)
    if svc.wf.state(case.state).terminal:
        raise UsageError(f"case {reference} is closed; resume it before requesting information")
    actor = _party(svc, case, to)
    role = next(p.role for p in case.parties if p.actor_id == actor.id)
    nk = svc.wf.notice_kind("information")
    given = serve.given
    day = given.given_at.date()
    lim = resolve_limit(svc.wf, nk.response_limit, day) if nk.response_limit else None
    if lim is not None:
        respond_by = limit_date(lim, day, svc.wf.workflow.working_day_calendar, days=within_days)
    else:
        respond_by = calendar.period_last_day(day, within_days or 14)
    ctx = _base_context(reference, "", actor, role, case.product_name, given, signatory)
    ctx.update(
        purpose=purpose,
        information_required=information,
        respond_by=respond_by.isoformat(),
        form=form or "in writing, to the contact below",
        contact=contact or "the case officer named above",
    )
    notices.render("information", {**ctx, "reference": "(assigned on issue)"}, wf=svc.wf)
    with svc.atomic():
        n = Notice(
            case=case,
            actor=actor,
            kind="information",
            reference=_reference(svc, reference, "information"),
            breach=purpose.strip(),
            status="issued",
            given_at=given.given_at.astimezone(dt.UTC),
            service_method=given.method,
            service_basis=given.basis,
            respond_by=respond_by,
            created_at=svc.now(),
            context={"purpose": purpose},
        )
        svc.session.add(n)
        svc.session.flush()
        rendered = notices.render("information", {**ctx, "reference": n.reference}, wf=svc.wf)
        _document(svc, n, "notice", rendered, given)
        svc.log(
            case,
            who,
            "information-request",
            why=purpose,
            details={"notice": n.reference, "to": actor.name, "respond_by": respond_by.isoformat()},
        )
    return n


def _notice(svc: CaseService, reference: str) -> Notice:
    n = svc.session.scalars(select(Notice).where(Notice.reference == reference)).first()
    if n is None:
        raise UsageError(f"no notice {reference!r} in this database")
    return n


def record_response(
    svc: CaseService, notice_ref: str, *, who: str, at: dt.datetime | None = None, note: str = ""
) -> Notice:
    n = _notice(svc, notice_ref)
    if n.kind != "information":
        raise UsageError(f"{notice_ref} is a {n.kind} notice; responses are recorded on information notices")
    if n.responded_at is not None:
        raise UsageError(f"{notice_ref}: a response was already recorded")
    with svc.atomic():
        n.responded_at = at or svc.now()
        svc.log(n.case, who, "information-received", why=note, details={"notice": n.reference})
    return n


def vary(
    svc: CaseService,
    notice_ref: str,
    *,
    who: str,
    changes: str,
    serve: Serve,
    compliance_by: dt.date | None = None,
    pay_by: dt.date | None = None,
    amount_gbp: str | None = None,
    daily_gbp: str | None = None,
    signatory: str = "",
) -> Notice:
    """Vary a notice (s.31, s.39(4)); refused if the variation would make it more onerous."""
    n = _notice(svc, notice_ref)
    if n.status not in machine.LIVE:
        raise notices.NoticeRefused(f"{notice_ref} is {n.status}; only a notice in force can be varied")
    cite = "Act s.39(5)" if n.kind == "penalty" else "Act s.31(2)"
    onerous: list[str] = []
    if compliance_by and n.compliance_by and compliance_by < n.compliance_by:
        onerous.append(f"compliance date {compliance_by} is earlier than {n.compliance_by}")
    if pay_by and n.pay_by and pay_by < n.pay_by:
        onerous.append(f"payment date {pay_by} is earlier than {n.pay_by}")
    if amount_gbp is not None and n.amount_gbp and penalty.money(amount_gbp) > Decimal(n.amount_gbp):
        onerous.append(f"amount £{penalty.money(amount_gbp):,} is more than £{Decimal(n.amount_gbp):,}")
    if daily_gbp is not None and penalty.money(daily_gbp) > Decimal(n.daily_gbp or "0"):
        onerous.append(f"daily amount £{penalty.money(daily_gbp):,} is more than £{Decimal(n.daily_gbp or '0'):,}")
    if onerous:
        raise notices.NoticeRefused(
            f"variation refused: it would make {notice_ref} more onerous ({cite}): " + "; ".join(onerous)
        )
    given = serve.given
    day = given.given_at.date()
    nk = svc.wf.notice_kind(n.kind)
    appeal = resolve_limit(svc.wf, nk.appeal_limit, day) if nk.appeal_limit else None
    appeal_by = limit_date(appeal, day, svc.wf.workflow.working_day_calendar) if appeal else None
    role = next(p.role for p in n.case.parties if p.actor_id == n.actor_id)
    ctx = _base_context(n.case.reference, f"{n.reference}/V", n.actor, role, n.case.product_name, given, signatory)
    ctx.update(
        original_title=nk.title,
        original_reference=n.reference,
        original_given=_day(n.given_at),
        variation_citation=cite,
        changes=changes,
        appeal_by=appeal_by.isoformat() if appeal_by else "n/a (not appealable)",
        appeal_days=appeal.days if appeal else "",
    )
    rendered = notices.render("variation", ctx, wf=svc.wf)
    with svc.atomic():
        n.status = "varied"
        if compliance_by:
            n.compliance_by = compliance_by
        if pay_by:
            n.pay_by = pay_by
        if amount_gbp is not None:
            n.amount_gbp = str(penalty.money(amount_gbp))
        if daily_gbp is not None:
            n.daily_gbp = str(penalty.money(daily_gbp))
        _document(svc, n, "variation", rendered, given, appeal_by)
        svc.log(
            n.case,
            who,
            "notice-varied",
            why=changes,
            details={
                "notice": n.reference,
                "appeal_by": appeal_by.isoformat() if appeal_by else None,
            },
        )
    return n


def revoke(svc: CaseService, notice_ref: str, *, who: str, reasons: str, serve: Serve, signatory: str = "") -> Notice:
    """Revoke a notice, or withdraw a notice of intent (s.31(1), s.39(4))."""
    n = _notice(svc, notice_ref)
    if n.status in ("revoked", "cancelled"):
        raise notices.NoticeRefused(f"{notice_ref} is already {n.status}")
    if any(a.status == "pending" for a in n.appeals):
        raise notices.NoticeRefused(f"{notice_ref} is under appeal; record the appeal's outcome or withdrawal first")
    given = serve.given
    nk = svc.wf.notice_kind(n.kind)
    role = next(p.role for p in n.case.parties if p.actor_id == n.actor_id)
    ctx = _base_context(n.case.reference, f"{n.reference}/R", n.actor, role, n.case.product_name, given, signatory)
    ctx.update(
        original_title=nk.title if n.status != "intent" else f"notice of intent for {nk.title}",
        original_reference=n.reference,
        original_given=_day(n.given_at or n.intent_given_at),
        revocation_citation="Act s.39(4)" if n.kind == "penalty" else "Act s.31(1)",
        reasons=reasons,
    )
    rendered = notices.render("revocation", ctx, wf=svc.wf)
    with svc.atomic():
        before = n.status
        n.status = "revoked"
        _document(svc, n, "revocation", rendered, given)
        svc.log(
            n.case,
            who,
            "notice-revoked",
            why=reasons,
            details={"notice": n.reference, "was": before},
        )
    return n


# ---- appeals ---------------------------------------------------------------------------


def lodge_appeal(
    svc: CaseService,
    notice_ref: str,
    *,
    lodged_on: dt.date,
    grounds: list[str],
    who: str,
    against_variation: bool = False,
    note: str = "",
) -> Appeal:
    """Record an appeal to the First-tier Tribunal; the notice has no effect while it is pending."""
    n = _notice(svc, notice_ref)
    rules = svc.wf.appeals
    nk = svc.wf.notice_kind(n.kind)
    if not nk.appeal_limit:
        raise AppealRefused(f"{notice_ref} is a {nk.title.lower()}, which the Act gives no appeal against")
    if n.status not in machine.LIVE:
        raise AppealRefused(f"{notice_ref} is {n.status}; only a notice that has been given can be appealed")
    bad = [g for g in grounds if g not in rules.grounds]
    if not grounds or bad:
        raise AppealRefused(
            f"grounds {bad or grounds}: use one or more of {', '.join(rules.grounds)} ({rules.grounds_citation})"
        )
    if any(a.status == "pending" for a in n.appeals):
        raise AppealRefused(f"{notice_ref} already has a pending appeal")
    if against_variation:
        doc = next((d for d in reversed(n.documents) if d.doc_kind == "variation"), None)
        if doc is None:
            raise AppealRefused(f"{notice_ref} has not been varied")
    else:
        doc = next(d for d in n.documents if d.doc_kind == "notice")
    assert doc.given_at is not None and doc.appeal_by is not None
    start = local_day(doc.given_at)
    limit = svc.wf.limit(nk.appeal_limit)
    if lodged_on < start:
        raise AppealRefused(f"appeal dated {lodged_on} is before the {doc.doc_kind} was given ({start})")
    if lodged_on > doc.appeal_by:
        raise AppealRefused(
            f"appeal out of time: it had to be brought before the end of the period of "
            f"{(doc.appeal_by - start).days + 1} days beginning with {start}, i.e. by {doc.appeal_by} "
            f"({limit.citation}); lodged {lodged_on}"
        )
    with svc.atomic():
        a = Appeal(
            case=n.case,
            notice=n,
            document_id=doc.id,
            lodged_on=lodged_on,
            grounds=grounds,
            status="pending",
            note=note,
        )
        svc.session.add(a)
        svc.session.flush()
        svc.log(
            n.case,
            who,
            "appeal-lodged",
            why=note or ", ".join(grounds),
            details={
                "notice": n.reference,
                "appeal": a.id,
                "against": doc.doc_kind,
                "effect": f"{n.reference} has no effect until the appeal is determined or withdrawn "
                f"({rules.suspensive_citation})",
            },
        )
        svc.on_event(n.case, "appeal-lodged", who=who, why=f"appeal against {n.reference} lodged {lodged_on}")
    return a


def decide_appeal(
    svc: CaseService,
    appeal_id: int,
    *,
    outcome: str,
    decided_on: dt.date,
    who: str,
    note: str = "",
    compliance_by: dt.date | None = None,
    amount_gbp: str | None = None,
    pay_by: dt.date | None = None,
) -> Appeal:
    """Record the Tribunal's decision (or a withdrawal) and its effect on the notice."""
    a = svc.session.get(Appeal, appeal_id)
    if a is None:
        raise UsageError(f"no appeal #{appeal_id} in this database")
    rules = svc.wf.appeals
    if outcome not in rules.outcomes:
        raise AppealRefused(f"outcome {outcome!r}: use one of {', '.join(rules.outcomes)} ({rules.outcomes_citation})")
    if a.status != "pending":
        raise AppealRefused(f"appeal #{appeal_id} was already {a.status} ({a.outcome})")
    if decided_on < a.lodged_on:
        raise AppealRefused(f"decision date {decided_on} is before the appeal was lodged ({a.lodged_on})")
    n = a.notice
    if outcome == "varied" and not (compliance_by or amount_gbp or pay_by or note):
        raise AppealRefused("a varied outcome needs the new terms (compliance date, amount, payment date) or a note")
    with svc.atomic():
        a.status = "withdrawn" if outcome == "withdrawn" else "determined"
        a.outcome = outcome
        a.decided_on = decided_on
        a.note = note or a.note
        if outcome == "cancelled":
            n.status = "cancelled"
        elif outcome == "varied":
            n.status = "varied"
            if compliance_by:
                n.compliance_by = compliance_by
            if pay_by:
                n.pay_by = pay_by
            if amount_gbp is not None:
                n.amount_gbp = str(penalty.money(amount_gbp))
        svc.log(
            n.case,
            who,
            f"appeal-{a.status}",
            why=note or outcome,
            details={
                "notice": n.reference,
                "appeal": a.id,
                "outcome": outcome,
                "notice_status": n.status,
            },
        )
        svc.on_event(n.case, "appeal-decided", who=who, why=f"appeal #{a.id} {outcome}")
    return a


def pending_appeals(svc: CaseService) -> list[Appeal]:
    return list(svc.session.scalars(select(Appeal).where(Appeal.status == "pending").order_by(Appeal.id)))
