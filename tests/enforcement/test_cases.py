"""Cases over a real SQLite database: workflow, notices, penalties, appeals, views, log."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.exc import DBAPIError

from psti.enforcement import proceedings as pr
from psti.enforcement.machine import TransitionRefused
from psti.enforcement.notices import NoticeRefused
from psti.enforcement.penalty import PenaltyRefused
from psti.errors import UsageError
from psti.store.enforcement import Event, Notice, NoticeDocument

from .conftest import ACME, BREACH, compliance_terms, declaration, new_case, penalty_terms, serve

D = dt.date.fromisoformat


def snapshot(svc):
    s = svc.session
    return (
        s.scalar(select(func.count()).select_from(Event)),
        s.scalar(select(func.count()).select_from(Notice)),
        s.scalar(select(func.count()).select_from(NoticeDocument)),
        [c.state for c in svc.cases()],
        [(n.reference, n.status, n.compliance_by, n.amount_gbp) for n in s.scalars(select(Notice))],
    )


def test_migration_creates_tables_on_the_enforcement_branch(svc) -> None:
    version = svc.session.execute(text("select version_num from alembic_version")).scalars().all()
    assert "enf0002" in version  # with the shared store migrations, `core` is there too


def test_open_and_log_chain(svc) -> None:
    ref = new_case(svc)
    case = svc.get(ref)
    assert case.state == "triage" and ref.startswith("PSTI-")
    assert {p.actor.name for p in case.parties} == {"Acme Devices Ltd", "Gadget Shop Ltd"}
    svc.transition(ref, "investigate", who="officer", why="credible report")
    ev = svc.events(case)
    assert [e.action for e in ev] == ["open", "transition:investigate"]
    assert ev[1].prev_hash == ev[0].hash and ev[1].who == "officer" and ev[1].why == "credible report"
    assert svc.verify_log() == []


def test_wrong_state_transition_refused_and_nothing_changed(svc) -> None:
    ref = new_case(svc)
    before = snapshot(svc)
    with pytest.raises(TransitionRefused, match="not allowed from state 'triage'"):
        svc.transition(ref, "complied", who="officer", why="premature")
    assert snapshot(svc) == before


def test_guarded_transition_refused_with_reason(svc) -> None:
    ref = new_case(svc, state="investigation")
    with pytest.raises(TransitionRefused, match="no compliance, stop or recall notice has been given"):
        svc.transition(ref, "give-enforcement-notice", who="officer", why="skip the notice")
    assert svc.get(ref).state == "investigation"


def test_transition_needs_who_why_and_known_evidence(svc) -> None:
    ref = new_case(svc)
    with pytest.raises(UsageError):
        svc.transition(ref, "investigate", who="officer", why=" ")
    with pytest.raises(UsageError, match="who"):
        svc.transition(ref, "investigate", who="", why="x")
    with pytest.raises(UsageError, match="evidence"):
        svc.transition(ref, "investigate", who="o", why="x", evidence=[99])
    assert svc.get(ref).state == "triage"


def _compliance_notice(svc, ref):
    intent = pr.give_intent(
        svc,
        ref,
        kind="compliance",
        to=ACME.name,
        breach=BREACH,
        reasons="admin/admin",
        who="officer",
        serve=serve("2026-03-02"),
    )
    assert intent.not_before == D("2026-03-12")  # 10 days beginning with 2 March end on the 11th
    return intent


def test_compliance_notice_flow_with_pre_notice_period(svc) -> None:
    ref = new_case(svc, state="investigation")
    intent = _compliance_notice(svc, ref)
    before = snapshot(svc)
    with pytest.raises(NoticeRefused, match=r"earliest day is 2026-03-12.*|s.28\(5\)-\(6\)"):
        pr.issue(
            svc,
            ref,
            kind="compliance",
            intent=intent.reference,
            who="officer",
            reasons="admin/admin",
            terms=compliance_terms(),
            serve=serve("2026-03-11"),
        )
    assert snapshot(svc) == before
    n = pr.issue(
        svc,
        ref,
        kind="compliance",
        intent=intent.reference,
        who="officer",
        reasons="admin/admin",
        terms=compliance_terms(),
        serve=serve("2026-03-12"),
    )
    assert n.status == "issued" and n.appeal_by == D("2026-04-08") and n.compliance_by == D("2026-04-08")
    assert svc.get(ref).state == "notice-issued"  # applied by the workflow's `on` event
    doc = [d for d in n.documents if d.doc_kind == "notice"][0]
    assert "## How to appeal" in doc.text and "2026-04-08" in doc.text and ACME.name in doc.text
    # one compliance notice per act or omission (s.28(7))
    with pytest.raises(NoticeRefused, match=r"s.28\(7\)"):
        pr.give_intent(
            svc,
            ref,
            kind="compliance",
            to=ACME.name,
            breach=" " + BREACH.upper(),
            reasons="x",
            who="officer",
            serve=serve("2026-04-01"),
        )


def test_electronic_service_moves_the_dates(svc) -> None:
    ref = new_case(svc, state="investigation")
    # sent Thursday 2 April 2026 evening: given 09:00 Tuesday 7 April (Easter)
    intent = pr.give_intent(
        svc,
        ref,
        kind="compliance",
        to=ACME.name,
        breach=BREACH,
        reasons="r",
        who="officer",
        serve=serve("2026-04-02", "electronic", hour=18),
    )
    assert intent.not_before == D("2026-04-17")


def test_urgent_compliance_notice_refused_but_urgent_stop_notice_allowed(svc) -> None:
    ref = new_case(svc, state="investigation")
    with pytest.raises(NoticeRefused, match="no urgency exception"):
        pr.issue(
            svc,
            ref,
            kind="compliance",
            urgent=True,
            urgency_reason="now",
            to=ACME.name,
            breach=BREACH,
            who="officer",
            reasons="r",
            terms=compliance_terms(),
            serve=serve("2026-03-02"),
        )
    with pytest.raises(NoticeRefused, match="urgent"):
        pr.issue(
            svc,
            ref,
            kind="stop",
            urgent=True,
            to=ACME.name,
            breach=BREACH,
            who="officer",
            reasons="r",
            terms=compliance_terms(requirement="Stop selling"),
            serve=serve("2026-03-02"),
        )
    n = pr.issue(
        svc,
        ref,
        kind="stop",
        urgent=True,
        urgency_reason="botnet exploiting it now",
        to=ACME.name,
        breach=BREACH,
        who="officer",
        reasons="r",
        terms=compliance_terms(requirement="Stop selling"),
        serve=serve("2026-03-02"),
    )
    assert n.urgent and "urgent need" in n.documents[-1].text and svc.get(ref).state == "notice-issued"


def test_appeal_in_time_suspends_and_out_of_time_refused(svc) -> None:
    ref = new_case(svc, state="investigation")
    intent = _compliance_notice(svc, ref)
    n = pr.issue(
        svc,
        ref,
        kind="compliance",
        intent=intent.reference,
        who="officer",
        reasons="r",
        terms=compliance_terms(),
        serve=serve("2026-03-12"),
    )
    before = snapshot(svc)
    with pytest.raises(pr.AppealRefused, match=r"out of time.*by 2026-04-08 \(Act s.33\(2\)\)"):
        pr.lodge_appeal(svc, n.reference, lodged_on=D("2026-04-09"), grounds=["error-of-fact"], who="clerk")
    with pytest.raises(pr.AppealRefused, match="grounds"):
        pr.lodge_appeal(svc, n.reference, lodged_on=D("2026-04-08"), grounds=["dislike"], who="clerk")
    assert snapshot(svc) == before
    a = pr.lodge_appeal(svc, n.reference, lodged_on=D("2026-04-08"), grounds=["error-of-fact"], who="clerk")
    case = svc.get(ref)
    assert case.state == "appeal"
    dl = {d.what: d.status for d in svc.deadlines(case, D("2026-06-01"))}
    assert dl["comply by"] == "suspended"  # no effect while the appeal is pending (s.33(8))
    with pytest.raises(NoticeRefused, match="under appeal"):
        pr.revoke(svc, n.reference, who="officer", reasons="x", serve=serve("2026-04-10"))
    with pytest.raises(TransitionRefused, match="still pending"):
        svc.transition(ref, "appeal-allowed", who="officer", why="premature")
    pr.decide_appeal(
        svc, a.id, outcome="varied", decided_on=D("2026-06-01"), who="clerk", compliance_by=D("2026-07-01")
    )
    case = svc.get(ref)
    assert case.state == "notice-issued" and n.status == "varied" and n.compliance_by == D("2026-07-01")
    with pytest.raises(pr.AppealRefused, match="already determined"):
        pr.decide_appeal(svc, a.id, outcome="confirmed", decided_on=D("2026-06-02"), who="clerk")


def test_appeal_against_variation_runs_from_variation_date(svc) -> None:
    ref = new_case(svc, state="investigation")
    intent = _compliance_notice(svc, ref)
    n = pr.issue(
        svc,
        ref,
        kind="compliance",
        intent=intent.reference,
        who="officer",
        reasons="r",
        terms=compliance_terms(),
        serve=serve("2026-03-12"),
    )
    with pytest.raises(NoticeRefused, match=r"more onerous \(Act s.31\(2\)\)"):
        pr.vary(
            svc, n.reference, who="officer", changes="sooner", serve=serve("2026-04-01"), compliance_by=D("2026-04-01")
        )
    pr.vary(
        svc, n.reference, who="officer", changes="more time", serve=serve("2026-05-01"), compliance_by=D("2026-06-30")
    )
    with pytest.raises(pr.AppealRefused, match="out of time"):
        pr.lodge_appeal(svc, n.reference, lodged_on=D("2026-05-20"), grounds=["wrong-in-law"], who="c")
    a = pr.lodge_appeal(
        svc, n.reference, lodged_on=D("2026-05-20"), grounds=["wrong-in-law"], who="c", against_variation=True
    )
    assert a.status == "pending"


def test_penalty_flow_cap_and_payment_period(svc) -> None:
    ref = new_case(svc, state="investigation")
    before = snapshot(svc)
    with pytest.raises(PenaltyRefused, match="above the relevant maximum"):
        pr.give_intent(
            svc,
            ref,
            kind="penalty",
            to=ACME.name,
            breach=BREACH,
            reasons="r",
            who="officer",
            serve=serve("2026-03-02"),
            terms=penalty_terms(amount_gbp="10000000.01"),
        )
    assert snapshot(svc) == before
    intent = pr.give_intent(
        svc,
        ref,
        kind="penalty",
        to=ACME.name,
        breach=BREACH,
        reasons="r",
        who="officer",
        serve=serve("2026-03-02"),
        terms=penalty_terms(),
    )
    assert intent.not_before == D("2026-03-30") and svc.get(ref).state == "penalty"
    assert "## Proposed penalty" in intent.documents[0].text
    with pytest.raises(NoticeRefused, match=r"s.39\(1\)-\(2\)"):
        pr.issue(
            svc,
            ref,
            kind="penalty",
            intent=intent.reference,
            who="officer",
            reasons="r",
            terms=penalty_terms(),
            serve=serve("2026-03-29"),
        )
    with pytest.raises(PenaltyRefused, match=r"s.36\(7\)"):
        pr.issue(
            svc,
            ref,
            kind="penalty",
            intent=intent.reference,
            who="officer",
            reasons="r",
            terms=penalty_terms(pay_within_days=14),
            serve=serve("2026-03-30"),
        )
    with pytest.raises(NoticeRefused, match=r"How to pay.*s.39\(3\)\(c\)"):
        pr.issue(
            svc,
            ref,
            kind="penalty",
            intent=intent.reference,
            who="officer",
            reasons="r",
            terms=penalty_terms(how_to_pay=""),
            serve=serve("2026-03-30"),
        )
    n = pr.issue(
        svc,
        ref,
        kind="penalty",
        intent=intent.reference,
        who="officer",
        reasons="r",
        terms=penalty_terms(daily_gbp="5000"),
        serve=serve("2026-03-30"),
    )
    assert n.pay_by == D("2026-04-26") and n.amount_gbp == "250000.00" and n.daily_gbp == "5000.00"
    text_ = n.documents[-1].text
    assert "£250,000.00" in text_ and "Daily penalty: £5,000.00" in text_ and "120,000 units exposed" in text_
    # only one penalty notice per breach (s.36(3))
    with pytest.raises(NoticeRefused, match=r"s.36\(3\)"):
        pr.give_intent(
            svc,
            ref,
            kind="penalty",
            to=ACME.name,
            breach=BREACH,
            reasons="r",
            who="officer",
            serve=serve("2026-05-02"),
            terms=penalty_terms(),
        )
    with pytest.raises(NoticeRefused, match="more onerous"):
        pr.vary(svc, n.reference, who="officer", changes="more", serve=serve("2026-04-01"), amount_gbp="300000")
    a = pr.lodge_appeal(svc, n.reference, lodged_on=D("2026-04-20"), grounds=["unfair-or-unreasonable"], who="clerk")
    assert svc.get(ref).state == "appeal"
    pr.decide_appeal(svc, a.id, outcome="cancelled", decided_on=D("2026-09-01"), who="clerk")
    assert svc.get(ref).state == "closed" and n.status == "cancelled"


def test_withdrawn_penalty_intent_lets_the_case_close(svc) -> None:
    ref = new_case(svc, state="investigation")
    intent = pr.give_intent(
        svc,
        ref,
        kind="penalty",
        to=ACME.name,
        breach=BREACH,
        reasons="r",
        who="officer",
        serve=serve("2026-03-02"),
        terms=penalty_terms(),
    )
    with pytest.raises(TransitionRefused, match="neither followed by a penalty notice nor withdrawn"):
        svc.transition(ref, "penalty-concluded", who="officer", why="representations accepted")
    pr.revoke(svc, intent.reference, who="officer", reasons="representations accepted", serve=serve("2026-03-20"))
    svc.transition(ref, "penalty-concluded", who="officer", why="representations accepted")
    assert svc.get(ref).state == "closed"


def test_information_request_deadline_and_overdue_view(svc) -> None:
    ref = new_case(svc, state="investigation")
    n = pr.request_information(
        svc,
        ref,
        to=ACME.name,
        purpose="establish how passwords are set",
        information="the password generation procedure",
        who="officer",
        serve=serve("2026-03-02"),
        within_days=14,
    )
    assert n.respond_by == D("2026-03-15")
    case = svc.get(ref)
    assert [d.status for d in svc.deadlines(case, D("2026-03-16")) if d.what == "information due"] == ["overdue"]
    pr.record_response(svc, n.reference, who="officer")
    assert [d.status for d in svc.deadlines(case, D("2026-03-16")) if d.what == "information due"] == ["met"]


def test_recall_notice_needs_s30_conditions(svc) -> None:
    ref = new_case(svc, state="investigation")
    terms = compliance_terms(requirement="Arrange return of all units sold")
    with pytest.raises(NoticeRefused, match=r"s.30\(1\)\(a\)"):
        pr.issue(
            svc,
            ref,
            kind="recall",
            urgent=True,
            urgency_reason="exploited",
            to=ACME.name,
            breach=BREACH,
            who="officer",
            reasons="r",
            terms=terms,
            serve=serve("2026-03-02"),
        )
    terms.conditions = {
        "supplied_to_customers": "12,000 sold",
        "action_inadequate": "none",
        "other_powers_insufficient": "units already in homes",
    }
    n = pr.issue(
        svc,
        ref,
        kind="recall",
        urgent=True,
        urgency_reason="exploited",
        to=ACME.name,
        breach=BREACH,
        who="officer",
        reasons="r",
        terms=terms,
        serve=serve("2026-03-02"),
    )
    assert "## Arrangements for return" in n.documents[-1].text


def test_tampered_log_is_detected(svc) -> None:
    ref = new_case(svc)
    svc.transition(ref, "investigate", who="officer", why="credible")
    assert svc.verify_log() == []
    with pytest.raises(DBAPIError, match="append-only"):  # the database refuses it
        svc.session.execute(text("update enf_events set why = 'edited' where action = 'open'"))
    svc.session.rollback()
    drop_case_log_guards(svc.session)  # someone with database access removes the triggers
    svc.session.execute(text("update enf_events set why = 'edited' where action = 'open'"))
    svc.session.commit()
    problems = svc.verify_log()
    assert problems and "event 1:" in problems[0] and "altered" in problems[0]


def drop_case_log_guards(session) -> None:  # type: ignore[no-untyped-def]
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("DROP TRIGGER enf_events_append_only ON enf_events"))
    else:
        session.execute(text("DROP TRIGGER enf_events_no_update"))
        session.execute(text("DROP TRIGGER enf_events_no_delete"))
    session.commit()


def test_deleting_the_last_case_log_entry_is_detected(svc) -> None:
    ref = new_case(svc)
    svc.transition(ref, "investigate", who="officer", why="credible")
    last = svc.session.scalar(select(func.max(Event.id)))
    drop_case_log_guards(svc.session)
    svc.session.execute(text("delete from enf_events where id = :id"), {"id": last})
    svc.session.commit()
    problems = svc.verify_log()
    assert problems and problems[0].startswith(f"event {last}: missing")


def test_rewriting_the_case_log_and_its_head_without_the_key_is_detected(svc) -> None:
    from psti.store.caselog import event_body, hash_event
    from psti.store.enforcement import LogHead

    ref = new_case(svc)
    svc.transition(ref, "investigate", who="officer", why="credible")
    drop_case_log_guards(svc.session)
    events = svc.session.scalars(select(Event).order_by(Event.id)).all()
    prev = events[0].prev_hash
    for e in events:  # an insider edits the first entry and recomputes every hash and the head
        if e is events[0]:
            e.why = "edited"
        e.prev_hash = prev
        e.hash = prev = hash_event(prev, event_body(e))
    head = svc.session.get(LogHead, 1)
    assert head is not None
    head.last_hash = prev
    svc.session.commit()
    problems = svc.verify_log()
    assert problems and problems[0].startswith(f"event {events[0].id}: its seal does not match")


def test_views_export_and_actor_history(svc) -> None:
    ref = new_case(svc, state="investigation")
    _compliance_notice(svc, ref)
    new_case(svc)
    assert [c.reference for c in svc.cases(state="investigation")] == [ref]
    assert len(svc.cases(actor=ACME.name)) == 2
    h = svc.actor_history(ACME.name)
    assert h["cases"][0]["notices"][0]["status"] == "intent"
    data = svc.export(today=D("2026-03-05"))
    assert data["log_intact"] and len(data["cases"]) == 2
    assert data["cases"][0]["notices"][0]["not_before"] == "2026-03-12"
    with pytest.raises(UsageError):
        svc.actor_history("Nobody Ltd")


def test_attach_declaration_is_assessed_with_its_hash(svc, tmp_path) -> None:
    import hashlib

    ref = new_case(svc)
    p = tmp_path / "camx.toml"
    p.write_text(declaration("CamX", scheme="universal"))
    item = svc.attach(ref, p, who="officer")
    assert item.sha256 == hashlib.sha256(p.read_bytes()).hexdigest()
    assert item.kind == "declaration" and item.verdict == "fail"
    assert svc.events(svc.get(ref))[-1].evidence == [item.id]


def test_failing_survey_results_open_draft_cases_once(svc, tmp_path) -> None:
    from psti.enforcement.survey import discover, run_survey

    (tmp_path / "bad.toml").write_text(declaration("Bad cam", scheme="universal"))
    (tmp_path / "ok.toml").write_text(declaration("Good cam"))
    report = run_survey(discover(tmp_path), workers=1)
    opened = svc.open_drafts(report.results, who="surveillance-bot")
    assert len(opened) == 1 and opened[0].state == "draft" and opened[0].source == "surveillance"
    assert opened[0].provisions == ["EN303645-5.1-1", "PSTI-S1-1.2"]
    assert svc.open_drafts(report.results, who="surveillance-bot") == []  # already held by an open case
    svc.transition(opened[0].reference, "accept", who="officer", why="confirmed by test purchase")
    assert svc.get(opened[0].reference).state == "triage"


def test_migration_matches_the_table_definitions(db_url) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext
    from sqlalchemy import create_engine

    import psti.store.enforcement  # noqa: F401
    from psti.store.base import Base

    engine = create_engine(db_url)
    with engine.connect() as conn:
        ctx = MigrationContext.configure(conn)
        diff = [d for d in compare_metadata(ctx, Base.metadata) if "enf_" in str(d)]
    engine.dispose()
    assert diff == []


def test_log_fork_is_refused(svc) -> None:
    ref = new_case(svc)
    first = svc.events(svc.get(ref))[0]
    svc.session.add(
        Event(
            case_id=first.case_id,
            at=first.at,
            who="x",
            action="forged",
            prev_hash=first.prev_hash,
            hash="f" * 64,
            evidence=[],
            details={},
        )
    )
    with pytest.raises(Exception, match="UNIQUE|unique"):
        svc.session.commit()
    svc.session.rollback()


def test_notice_missing_required_content_changes_nothing(svc) -> None:
    ref = new_case(svc, state="investigation")
    intent = _compliance_notice(svc, ref)
    before = snapshot(svc)
    with pytest.raises(NoticeRefused, match=r"s.28\(3\)\(a\)"):
        pr.issue(
            svc,
            ref,
            kind="compliance",
            intent=intent.reference,
            who="officer",
            reasons="  ",
            terms=compliance_terms(),
            serve=serve("2026-03-12"),
        )
    with pytest.raises(NoticeRefused, match=r"Period for compliance.*s.28\(2\)"):
        pr.issue(
            svc,
            ref,
            kind="compliance",
            intent=intent.reference,
            who="officer",
            reasons="r",
            terms=compliance_terms(comply_within_days=None),
            serve=serve("2026-03-12"),
        )
    assert snapshot(svc) == before and svc.get(ref).state == "investigation"


def test_days_are_uk_days_in_summer_time(svc) -> None:
    import datetime as _dt

    ref = new_case(svc, state="investigation")
    # handed over at 00:30 BST on 2 June 2026, which is 23:30 UTC on 1 June
    sent = pr.Serve(sent_at=_dt.datetime(2026, 6, 1, 23, 30, tzinfo=_dt.UTC), method="hand")
    n = pr.issue(
        svc,
        ref,
        kind="stop",
        urgent=True,
        urgency_reason="active exploitation",
        to=ACME.name,
        breach=BREACH,
        who="officer",
        reasons="r",
        terms=compliance_terms(requirement="Stop"),
        serve=sent,
    )
    assert n.appeal_by == D("2026-06-29")  # 28 days beginning with 2 June
    with pytest.raises(pr.AppealRefused, match="beginning with 2026-06-02, i.e. by 2026-06-29"):
        pr.lodge_appeal(svc, n.reference, lodged_on=D("2026-06-30"), grounds=["error-of-fact"], who="c")
    svc.session.expire_all()  # read back from the database
    assert pr.lodge_appeal(svc, n.reference, lodged_on=D("2026-06-02"), grounds=["error-of-fact"], who="c")


def test_a_limit_the_data_counts_in_working_days(svc, tmp_path) -> None:
    from psti.enforcement.cases import CaseService
    from psti.enforcement.workflow import default_path, load_workflow

    text_ = (
        default_path()
        .read_text()
        .replace(
            'key = "information_response_days"\ndays = 14\n',
            'key = "information_response_days"\ndays = 5\nunit = "working-days"\n',
        )
    )
    assert 'unit = "working-days"' in text_
    p = tmp_path / "wf.toml"
    p.write_text(text_)
    wsvc = CaseService(svc.session, load_workflow(p))
    ref = new_case(wsvc, state="investigation")
    # handed over on Thursday 2 April 2026: Good Friday, the weekend and Easter Monday do not count
    n = pr.request_information(
        wsvc, ref, to=ACME.name, purpose="p", information="i", who="o", serve=serve("2026-04-02")
    )
    assert n.respond_by == D("2026-04-10")
    # the last day of February in a leap year, counted in working days
    n = pr.request_information(
        wsvc, ref, to=ACME.name, purpose="p2", information="i", who="o", serve=serve("2028-02-28")
    )
    assert n.respond_by == D("2028-03-03")  # Mon 28, Tue 29 Feb, Wed 1, Thu 2, Fri 3 March


def test_case_events_also_go_to_the_shared_audit_log(svc) -> None:
    from psti.store import audit

    ref = new_case(svc)
    svc.transition(ref, "investigate", who="officer", why="credible")
    from psti.store.models import AuditEvent

    rows = svc.session.scalars(select(AuditEvent).where(AuditEvent.target == ref)).all()
    assert [r.action for r in rows] == ["enforcement.open", "enforcement.transition:investigate"]
    assert rows[1].actor == "officer" and rows[1].details["to"] == "investigation"
    assert audit.verify_chain(svc.session).ok
