"""Cases: open, move through the workflow, attach evidence, and read the log.

`CaseService` works over one SQLAlchemy session. Every public method either completes
and commits, or raises and rolls back: a refused action changes nothing. Every change
appends an entry to the hash-chained case log (`enf_events`).
"""

from __future__ import annotations

import datetime as dt
import io
import json
import re
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from sqlalchemy import func, inspect, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from psti import csvsafe
from psti.enforcement import machine, survey
from psti.enforcement.calendar import LONDON
from psti.enforcement.workflow import Workflow, load_workflow
from psti.errors import PstiError, UsageError
from psti.store import audit, logkey
from psti.store.caselog import EVENT_LABEL, event_body, hash_event, head_seal, seal_case_log, verify_case_log
from psti.store.enforcement import Actor, Case, CaseParty, Event, EvidenceItem, Notice, utcnow
from psti.store.logkey import LogKey

SOURCES = ("public", "researcher", "distributor", "surveillance", "authority", "other")
ROLES = ("manufacturer", "importer", "distributor", "authorised-representative")


class CaseNotFound(UsageError):
    pass


def aware(t: dt.datetime) -> dt.datetime:
    """SQLite hands back naive datetimes; everything is stored in UTC."""
    return t if t.tzinfo else t.replace(tzinfo=dt.UTC)


def local_day(t: dt.datetime) -> dt.date:
    """The UK date of a stored instant (the Act's days are UK days)."""
    return aware(t).astimezone(LONDON).date()


@dataclass(frozen=True)
class PartyIn:
    name: str
    role: str
    address: str = ""
    email: str = ""


def parse_party(text: str) -> PartyIn:
    """`role:Name[:address]` as typed on the command line."""
    role, _, rest = text.partition(":")
    name, _, address = rest.partition(":")
    if role not in ROLES or not name.strip():
        raise UsageError(f"party {text!r}: write ROLE:NAME[:ADDRESS] with ROLE one of {', '.join(ROLES)}")
    return PartyIn(name=name.strip(), role=role, address=address.strip())


class CaseService:
    def __init__(
        self,
        session: Session,
        wf: Workflow | None = None,
        now: Callable[[], dt.datetime] = utcnow,
        *,
        commit: bool = True,
    ) -> None:
        self.session = session
        self.wf = wf or load_workflow()
        self.now = now
        # commit=False: the caller owns the transaction (the registry service commits once per
        # request); each operation then runs in a savepoint, so a refusal undoes only itself.
        self.commit = commit
        self._has_audit: bool | None = None  # whether this database has the shared audit log

    # ---- plumbing ----------------------------------------------------------------

    @contextmanager
    def atomic(self) -> Iterator[None]:
        """Commit on success; roll back everything on any error."""
        if not self.commit:
            try:
                with self.session.begin_nested():
                    yield
            except IntegrityError as e:
                raise PstiError(f"the case database changed while writing ({e.orig}); try again") from None
            return
        try:
            yield
            self.session.commit()
        except IntegrityError as e:  # a concurrent writer took the same reference or log entry
            self.session.rollback()
            raise PstiError(f"the case database changed while writing ({e.orig}); try again") from None
        except BaseException:
            self.session.rollback()
            raise

    def log(
        self,
        case: Case,
        who: str,
        action: str,
        *,
        why: str = "",
        from_state: str = "",
        to_state: str = "",
        evidence: Iterable[int] = (),
        details: dict[str, Any] | None = None,
        at: dt.datetime | None = None,
    ) -> Event:
        if not who.strip():
            raise UsageError("who: every change to a case must name who made it")
        self.session.flush()
        key = logkey.for_session(self.session)
        head = seal_case_log(self.session, key)
        prev = head.last_hash
        e = Event(
            id=head.last_id + 1,  # numbered from the head, so the seal can cover it before the insert
            case_id=case.id,
            at=at or self.now(),
            who=who.strip(),
            action=action,
            why=why.strip(),
            from_state=from_state,
            to_state=to_state,
            evidence=list(evidence),
            details=json.loads(json.dumps(details or {}, default=str)),
            prev_hash=prev,
            hash="",
        )
        e.hash = hash_event(prev, event_body(e))
        e.mac = key.mac(EVENT_LABEL, e.id, e.hash)
        self.session.add(e)
        case.updated_at = e.at
        head.last_id, head.last_hash = e.id, e.hash
        head.mac = head_seal(key, head)
        try:
            self.session.flush()
        except IntegrityError as exc:  # another writer chained from the same entry
            raise PstiError("the case log changed while writing; try again") from exc
        self._mirror_to_audit(case, e)
        return e

    def _mirror_to_audit(self, case: Case, e: Event) -> None:
        """Also append to the shared audit log (psti.store.audit) when this database has it."""
        if self._has_audit is None:
            self._has_audit = inspect(self.session.connection()).has_table("audit_event")
        if self._has_audit:
            audit.record(
                self.session,
                actor=e.who,
                action=f"enforcement.{e.action}",
                target=case.reference,
                details={
                    "from": e.from_state,
                    "to": e.to_state,
                    "why": e.why,
                    "evidence": e.evidence,
                    "case_log_hash": e.hash,
                    **(e.details or {}),
                },
            )

    def verify_log(self, key: LogKey | None = None) -> list[str]:
        """Problems in the case log, first bad entry first (empty when intact).

        Every link and hash, every entry's seal from where the log is sealed, and the sealed
        head: an entry changed without the log key, or a deleted tail, is reported.
        """
        return verify_case_log(self.session, key or logkey.for_session(self.session))

    # ---- cases -------------------------------------------------------------------

    def _actor(self, p: PartyIn) -> Actor:
        actor = self.session.scalars(select(Actor).where(Actor.name == p.name)).first()
        if actor is None:
            actor = Actor(name=p.name, address=p.address, email=p.email)
            self.session.add(actor)
            self.session.flush()
        elif p.address and not actor.address:
            actor.address = p.address
        return actor

    def _next_reference(self, year: int) -> str:
        prefix = f"PSTI-{year}-"
        count = self.session.scalar(select(func.count()).select_from(Case).where(Case.reference.like(prefix + "%")))
        return f"{prefix}{(count or 0) + 1:04d}"

    def open(
        self,
        *,
        product_name: str,
        allegation: str,
        source: str,
        who: str,
        product_model: str = "",
        parties: Iterable[PartyIn] = (),
        provisions: Iterable[str] = (),
        draft: bool = False,
        results: Iterable[dict[str, Any]] = (),
    ) -> Case:
        """Open a case in the workflow's initial state (or its draft state, for surveillance)."""
        if source not in SOURCES:
            raise UsageError(f"source {source!r}: use one of {', '.join(SOURCES)}")
        if not product_name.strip():
            raise UsageError("product: a case needs the product's name")
        if not allegation.strip():
            raise UsageError("allegation: say what is alleged")
        parties = list(parties)
        with self.atomic():
            now = self.now()
            state = self.wf.workflow.draft if draft else self.wf.workflow.initial
            case = Case(
                reference=self._next_reference(now.year),
                state=state,
                workflow=self.wf.workflow.id,
                product_name=product_name.strip(),
                product_model=product_model.strip(),
                source=source,
                allegation=allegation.strip(),
                provisions=sorted(set(provisions)),
                opened_at=now,
                opened_by=who,
                updated_at=now,
            )
            self.session.add(case)
            self.session.flush()
            for p in parties:
                if p.role not in ROLES:
                    raise UsageError(f"party {p.name!r}: role {p.role!r} is not one of {', '.join(ROLES)}")
                self.session.add(CaseParty(case=case, actor=self._actor(p), role=p.role))
            self.log(
                case,
                who,
                "open",
                to_state=state,
                why=allegation,
                details={"source": source, "parties": [p.__dict__ for p in parties]},
            )
            for r in results:
                self.attach_result(case, r, who=who)
        return case

    def get(self, reference: str) -> Case:
        case = self.session.scalars(select(Case).where(Case.reference == reference)).first()
        if case is None:
            raise CaseNotFound(f"no case {reference!r} in this database (see: psti case list)")
        return case

    def facts(self, case: Case) -> machine.CaseFacts:
        pending = [a for a in case.appeals if a.status == "pending"]
        return machine.CaseFacts(
            state=case.state,
            notices=tuple(
                machine.NoticeFacts(n.id, n.kind, n.status, any(a.notice_id == n.id for a in pending))
                for n in case.notices
            ),
            pending_appeals=len(pending),
        )

    def transition(
        self,
        reference: str,
        transition_id: str,
        *,
        who: str,
        why: str,
        evidence: Iterable[int] = (),
    ) -> Event:
        """Apply a transition by hand; refused (nothing changed) if the workflow does not allow it."""
        if not why.strip():
            raise UsageError("why: a transition needs a reason")
        case = self.get(reference)
        ev = list(evidence)
        known = {e.id for e in case.evidence}
        unknown = [i for i in ev if i not in known]
        if unknown:
            raise UsageError(f"evidence {unknown} is not attached to case {reference}")
        with self.atomic():
            t = machine.check_transition(self.wf, self.facts(case), transition_id)
            return self._apply(case, t.id, t.to, who=who, why=why, evidence=ev)

    def _apply(self, case: Case, tid: str, to: str, *, who: str, why: str, evidence: Iterable[int] = ()) -> Event:
        before = case.state
        case.state = to
        return self.log(
            case,
            who,
            f"transition:{tid}",
            from_state=before,
            to_state=to,
            why=why,
            evidence=evidence,
        )

    def on_event(self, case: Case, event: str, *, who: str, why: str) -> Event | None:
        """Apply the first transition the workflow ties to `event` that is allowed now."""
        self.session.flush()
        self.session.refresh(case)
        facts = self.facts(case)
        for t in self.wf.transitions_from(case.state):
            if event in t.on and all(machine.GUARDS[g](facts) is None for g in t.guards):
                return self._apply(case, t.id, t.to, who=who, why=why)
        return None

    # ---- evidence ----------------------------------------------------------------

    def attach(self, reference: str, path: Path, *, who: str, assess: bool = True) -> EvidenceItem:
        """Attach a file with its hash; declarations and firmware are assessed first."""
        case = self.get(reference)
        if not path.is_file():
            raise UsageError(f"{path}: evidence file does not exist")
        result = survey.run_item(survey.item_for(path)) if assess else None
        sha = result["sha256"] if result and result.get("sha256") else survey.sha256_path(path)
        with self.atomic():
            item = EvidenceItem(
                case=case,
                kind=(result or {}).get("kind", "file"),
                source=str(path),
                sha256=sha,
                size=path.stat().st_size,
                verdict=(result or {}).get("verdict", ""),
                summary=(result or {}).get("summary", ""),
                data=result or {},
                attached_at=self.now(),
                attached_by=who,
            )
            self.session.add(item)
            self.session.flush()
            self.log(
                case,
                who,
                "attach-evidence",
                evidence=[item.id],
                details={"source": str(path), "sha256": sha, "verdict": item.verdict},
            )
        return item

    def attach_result(self, case: Case, result: dict[str, Any], *, who: str) -> EvidenceItem:
        item = EvidenceItem(
            case=case,
            kind=result.get("kind", "file"),
            source=result.get("item", ""),
            sha256=result.get("sha256") or "",
            size=result.get("size"),
            verdict=result.get("verdict", ""),
            summary=result.get("summary", ""),
            data=result,
            attached_at=self.now(),
            attached_by=who,
        )
        self.session.add(item)
        self.session.flush()
        self.log(
            case,
            who,
            "attach-evidence",
            evidence=[item.id],
            details={"source": item.source, "sha256": item.sha256, "verdict": item.verdict},
        )
        return item

    # ---- surveillance feed -------------------------------------------------------

    def open_drafts(self, results: Iterable[dict[str, Any]], *, who: str) -> list[Case]:
        """A draft case per failing survey result, unless an open case already holds that artefact."""
        opened: list[Case] = []
        for r in results:
            if r.get("verdict") != "fail":
                continue
            sha = r.get("sha256") or ""
            held = self.session.scalars(
                select(EvidenceItem).join(Case).where(EvidenceItem.sha256 == sha, Case.state != "closed")
            ).first()
            if held is not None:
                continue
            product = r.get("product") or {}
            provisions = sorted({p for f in r.get("failures", []) for p in f.get("provisions", [])})
            maker = product.get("manufacturer")
            parties = [PartyIn(name=maker, role="manufacturer")] if maker else []
            case = self.open(
                product_name=product.get("name") or Path(r.get("item", "unknown")).name,
                product_model=product.get("model") or "",
                allegation=f"Market surveillance: {r.get('summary') or 'assessment failed'}",
                source="surveillance",
                who=who,
                parties=parties,
                provisions=provisions,
                draft=True,
                results=[r],
            )
            opened.append(case)
        return opened

    # ---- views -------------------------------------------------------------------

    def cases(self, *, state: str | None = None, actor: str | None = None) -> list[Case]:
        q = select(Case).order_by(Case.id)
        if state:
            self.wf.state(state)
            q = q.where(Case.state == state)
        if actor:
            q = q.join(CaseParty).join(Actor).where(Actor.name == actor)
        return list(self.session.scalars(q).unique())

    def events(self, case: Case) -> list[Event]:
        return list(self.session.scalars(select(Event).where(Event.case_id == case.id).order_by(Event.id)))

    def deadlines(self, case: Case, today: dt.date) -> list[Deadline]:
        out: list[Deadline] = []
        closed = self.wf.state(case.state).terminal
        for n in case.notices:
            suspended = any(a.status == "pending" for a in n.appeals)
            live = n.status in machine.LIVE
            if n.status == "intent" and n.not_before:
                out.append(
                    Deadline(
                        case.reference,
                        n.reference,
                        f"{n.kind} notice may be given from",
                        n.not_before,
                        "info",
                        _cite(self.wf, n.kind, "intent"),
                    )
                )
            for what, due in (("comply by", n.compliance_by), ("pay by", n.pay_by)):
                if due and live:
                    status: DeadlineStatus = "open"
                    if suspended:
                        status = "suspended"
                    elif today > due and not closed:
                        status = "overdue"
                    elif closed:
                        status = "closed"
                    out.append(Deadline(case.reference, n.reference, what, due, status, n.kind))
            if n.respond_by and live:
                st: DeadlineStatus = "met" if n.responded_at else ("overdue" if today > n.respond_by else "open")
                out.append(Deadline(case.reference, n.reference, "information due", n.respond_by, st, n.kind))
            if n.appeal_by and live:
                st = "open" if today <= n.appeal_by else "passed"
                out.append(Deadline(case.reference, n.reference, "appeal period ends", n.appeal_by, st, n.kind))
        return sorted(out, key=lambda d: d.due)

    def actor_history(self, name: str) -> dict[str, Any]:
        actor = self.session.scalars(select(Actor).where(Actor.name == name)).first()
        if actor is None:
            raise UsageError(f"no economic operator named {name!r} in this database")
        rows = []
        for party in self.session.scalars(select(CaseParty).where(CaseParty.actor_id == actor.id)):
            c = party.case
            rows.append(
                {
                    "case": c.reference,
                    "role": party.role,
                    "state": c.state,
                    "product": c.product_name,
                    "opened_at": aware(c.opened_at).isoformat(),
                    "notices": [
                        {"reference": n.reference, "kind": n.kind, "status": n.status}
                        for n in c.notices
                        if n.actor_id == actor.id
                    ],
                }
            )
        return {"actor": actor.name, "address": actor.address, "cases": rows}

    def export(self, *, today: dt.date) -> dict[str, Any]:
        return {
            "schema": "psti.enforcement-export/1",
            "workflow": {"id": self.wf.workflow.id, "version": self.wf.workflow.version},
            "exported_at": self.now().isoformat(),
            "log_intact": not self.verify_log(),
            "cases": [case_dict(self, c, today) for c in self.cases()],
        }


def case_rows(
    svc: CaseService, today: dt.date, *, state: str | None = None, actor: str | None = None, overdue: bool = False
) -> list[dict[str, Any]]:
    """The case list: each case with its parties, next deadline and count of overdue items."""
    rows = []
    for c in svc.cases(state=state, actor=actor):
        dls = svc.deadlines(c, today)
        n_over = sum(1 for x in dls if x.status == "overdue")
        if overdue and not n_over:
            continue
        nxt = next((x for x in dls if x.status in ("open", "overdue")), None)
        rows.append(
            {
                "reference": c.reference,
                "state": c.state,
                "product": c.product_name,
                "parties": [p.actor.name for p in c.parties],
                "party_roles": [{"name": p.actor.name, "role": p.role} for p in c.parties],
                "overdue": n_over,
                "next_deadline": nxt.to_dict() if nxt else None,
            }
        )
    return rows


EXPORT_CSV_COLUMNS = (
    "reference",
    "state",
    "product",
    "model",
    "source",
    "opened_at",
    "parties",
    "provisions",
    "notices",
    "penalties_gbp",
    "appeals_pending",
    "overdue",
    "next_deadline",
)


def export_csv(data: dict[str, Any]) -> str:
    """One row per case of an `export()` document, for spreadsheets and returns."""
    buf = io.StringIO()
    w = csvsafe.writer(buf)
    w.writerow(EXPORT_CSV_COLUMNS)
    for c in data["cases"]:
        nxt = next((x for x in c["deadlines"] if x["status"] in ("open", "overdue")), None)
        w.writerow(
            [
                c["reference"],
                c["state"],
                c["product"]["name"],
                c["product"]["model"],
                c["source"],
                c["opened_at"],
                "; ".join(f"{p['name']} ({p['role']})" for p in c["parties"]),
                " ".join(c["provisions"]),
                "; ".join(f"{n['reference']} {n['kind']} {n['status']}" for n in c["notices"]),
                " ".join(n["amount_gbp"] for n in c["notices"] if n["kind"] == "penalty" and n["amount_gbp"]),
                sum(1 for a in c["appeals"] if a["status"] == "pending"),
                c["overdue"],
                f"{nxt['due']} {nxt['what']}" if nxt else "",
            ]
        )
    return buf.getvalue()


DeadlineStatus = Literal["open", "overdue", "suspended", "met", "passed", "closed", "info"]


@dataclass(frozen=True)
class Deadline:
    case: str
    notice: str
    what: str
    due: dt.date
    status: DeadlineStatus
    basis: str

    def to_dict(self) -> dict[str, Any]:
        return {**self.__dict__, "due": self.due.isoformat()}


def _cite(wf: Workflow, kind: str, which: str) -> str:
    try:
        nk = wf.notice_kind(kind)
    except UsageError:
        return ""
    lid = nk.intent_limit if which == "intent" else nk.appeal_limit
    return wf.limit(lid).citation if lid else nk.citation


_SAFE = re.compile(r"[^A-Za-z0-9._-]+")


def case_dict(svc: CaseService, c: Case, today: dt.date, *, with_text: bool = False) -> dict[str, Any]:
    return {
        "reference": c.reference,
        "state": c.state,
        "product": {"name": c.product_name, "model": c.product_model},
        "source": c.source,
        "allegation": c.allegation,
        "provisions": c.provisions,
        "opened_at": aware(c.opened_at).isoformat(),
        "opened_by": c.opened_by,
        "parties": [{"name": p.actor.name, "role": p.role} for p in c.parties],
        "evidence": [
            {
                "id": e.id,
                "kind": e.kind,
                "source": e.source,
                "sha256": e.sha256,
                "verdict": e.verdict,
                "summary": e.summary,
            }
            for e in c.evidence
        ],
        "notices": [notice_dict(n, with_text=with_text) for n in c.notices],
        "appeals": [
            {
                "id": a.id,
                "notice": a.notice.reference,
                "lodged_on": a.lodged_on.isoformat(),
                "grounds": a.grounds,
                "status": a.status,
                "outcome": a.outcome,
                "decided_on": a.decided_on.isoformat() if a.decided_on else None,
            }
            for a in c.appeals
        ],
        "deadlines": [d.to_dict() for d in svc.deadlines(c, today)],
        "overdue": sum(1 for d in svc.deadlines(c, today) if d.status == "overdue"),
        "log": [
            {
                "at": aware(e.at).isoformat(),
                "who": e.who,
                "action": e.action,
                "from": e.from_state,
                "to": e.to_state,
                "why": e.why,
                "evidence": e.evidence,
                "hash": e.hash,
            }
            for e in svc.events(c)
        ],
    }


def notice_dict(n: Notice, *, with_text: bool = False) -> dict[str, Any]:
    def d(x: dt.date | None) -> str | None:
        return x.isoformat() if x else None

    return {
        "reference": n.reference,
        "kind": n.kind,
        "status": n.status,
        "to": n.actor.name,
        "breach": n.breach,
        "urgent": n.urgent,
        "intent_given_at": aware(n.intent_given_at).isoformat() if n.intent_given_at else None,
        "not_before": d(n.not_before),
        "given_at": aware(n.given_at).isoformat() if n.given_at else None,
        "service": n.service_method,
        "compliance_by": d(n.compliance_by),
        "pay_by": d(n.pay_by),
        "respond_by": d(n.respond_by),
        "appeal_by": d(n.appeal_by),
        "amount_gbp": n.amount_gbp or None,
        "daily_gbp": n.daily_gbp or None,
        "suspended_by_appeal": any(a.status == "pending" for a in n.appeals),
        "documents": [
            {
                "kind": doc.doc_kind,
                "sha256": doc.sha256,
                "given_at": aware(doc.given_at).isoformat() if doc.given_at else None,
                **({"text": doc.text} if with_text else {}),
            }
            for doc in n.documents
        ],
    }
