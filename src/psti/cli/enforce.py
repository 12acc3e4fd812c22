"""`psti case|notice|penalty|appeal`: the enforcement authority's commands.

A thin layer over `psti.enforcement`: every command opens the case database
(`--database URL`, default SQLite in the psti data dir), calls one library function,
and prints the result as text or JSON.
"""

from __future__ import annotations

import datetime as dt
import getpass
import json
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import Any

import typer

from psti.cli.output import LazyConsole, new_console, new_table, parse_date
from psti.errors import UsageError

DB_HELP = "Database URL (default: SQLite in $PSTI_DATA_DIR or ~/.local/share/psti; or $PSTI_DATABASE_URL)."


class Fmt(StrEnum):
    terminal = "terminal"
    json = "json"


class ExportFmt(StrEnum):
    json = "json"
    csv = "csv"


DbOpt = typer.Option(None, "--database", help=DB_HELP)
FmtOpt = typer.Option(Fmt.terminal, "--format", help="Output format.")
WhoOpt = typer.Option(None, "--who", help="Who is acting (default: $PSTI_USER or the login name).")
SentOpt = typer.Option(None, "--sent-at", help="When sent, ISO date-time (default: now).")
MethodOpt = typer.Option("electronic", "--method", help="How served: hand, leave, post or electronic (Act s.50).")

case_app = typer.Typer(
    help="Enforcement cases: open, move through the workflow, attach evidence, export.",
    no_args_is_help=True,
)
notice_app = typer.Typer(
    help="Notices: intent, compliance/stop/recall/penalty, information, vary, revoke.",
    no_args_is_help=True,
)
penalty_app = typer.Typer(help="Monetary penalties (Act ss.36-38).", no_args_is_help=True)
appeal_app = typer.Typer(help="Appeals to the First-tier Tribunal (Act ss.33, 41).", no_args_is_help=True)


def register(app: typer.Typer) -> None:
    app.add_typer(case_app, name="case")
    app.add_typer(notice_app, name="notice")
    app.add_typer(penalty_app, name="penalty")
    app.add_typer(appeal_app, name="appeal")


# ---- helpers -----------------------------------------------------------------------------


def _who(who: str | None) -> str:
    if who:
        return who
    env = os.environ.get("PSTI_USER")
    if env:
        return env
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        raise UsageError("--who: say who is acting") from None


@contextmanager
def _service(database: str | None) -> Iterator[Any]:
    from psti.enforcement.cases import CaseService
    from psti.enforcement.store import open_session

    with open_session(database) as session:
        yield CaseService(session)


def _when(value: str | None) -> dt.datetime:
    if value is None:
        return dt.datetime.now(dt.UTC)
    try:
        t = dt.datetime.fromisoformat(value)
    except ValueError:
        raise UsageError(f"--sent-at: {value!r} is not an ISO date-time (e.g. 2026-03-02T15:30)") from None
    if t.tzinfo is None:
        from psti.enforcement.calendar import LONDON

        t = t.replace(tzinfo=LONDON)  # a bare time is UK local time
    return t


def _serve(sent_at: str | None, method: str) -> Any:
    from psti.enforcement.proceedings import Serve

    if method not in ("hand", "leave", "post", "electronic"):
        raise UsageError(f"--method {method!r}: use hand, leave, post or electronic")
    return Serve(sent_at=_when(sent_at), method=method)  # type: ignore[arg-type]


def _pairs(values: list[str] | None, what: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for v in values or []:
        k, sep, text = v.partition("=")
        if not sep or not k.strip():
            raise UsageError(f"{what} {v!r}: write NAME=TEXT")
        out[k.strip()] = text.strip()
    return out


def _emit(data: Any, fmt: Fmt, render: Any = None) -> None:
    if fmt is Fmt.json or render is None:
        sys.stdout.write(json.dumps(data, indent=2, default=str) + "\n")
    else:
        render(data)


def _today(value: str | None) -> dt.date:
    return parse_date(value, "--today") or dt.date.today()


def _period(qwr: str | None, start: str | None, end: str | None, estimated: bool) -> Any:
    from psti.enforcement.penalty import AccountingPeriod, money

    if qwr is None:
        if start or end:
            raise UsageError("--period-start/--period-end need --qwr")
        return None
    s, e = parse_date(start, "--period-start"), parse_date(end, "--period-end")
    if s is None or e is None:
        raise UsageError("--qwr needs the accounting period: --period-start and --period-end")
    return AccountingPeriod(start=s, end=e, qwr_gbp=money(qwr, "--qwr"), estimated=estimated)


console = LazyConsole()


# ---- case ---------------------------------------------------------------------------------


@case_app.command("open")
def case_open(
    product: str = typer.Option(..., "--product", help="Product name."),
    allegation: str = typer.Option(..., "--allegation", help="What is alleged."),
    source: str = typer.Option(
        "public",
        "--source",
        help="public, researcher, distributor, surveillance, authority or other.",
    ),
    model: str = typer.Option("", "--model"),
    party: list[str] = typer.Option([], "--party", help="ROLE:NAME[:ADDRESS], repeatable."),
    provision: list[str] = typer.Option([], "--provision", help="Provision id alleged to be breached."),
    draft: bool = typer.Option(False, "--draft", help="Open in the draft state (surveillance)."),
    who: str | None = WhoOpt,
    database: str | None = DbOpt,
    fmt: Fmt = FmtOpt,
) -> None:
    """Open a case on an allegation."""
    from psti.enforcement.cases import parse_party

    parties = [parse_party(p) for p in party]
    with _service(database) as svc:
        c = svc.open(
            product_name=product,
            product_model=model,
            allegation=allegation,
            source=source,
            who=_who(who),
            parties=parties,
            provisions=provision,
            draft=draft,
        )
        _emit(
            {"reference": c.reference, "state": c.state},
            fmt,
            lambda d: console.print(f"opened {d['reference']} ({d['state']})"),
        )


def _show_case(d: dict[str, Any]) -> None:
    console.print(
        f"[bold]{d['reference']}[/] {d['product']['name']} {d['product']['model']}  state: [bold]{d['state']}[/]"
    )
    console.print(f"source: {d['source']}; opened {d['opened_at']} by {d['opened_by']}")
    console.print(f"allegation: {d['allegation']}")
    for p in d["parties"]:
        console.print(f"  party: {p['name']} ({p['role']})")
    for e in d["evidence"]:
        console.print(f"  evidence #{e['id']}: {e['kind']} {e['source']} sha256 {e['sha256']} {e['verdict']}")
    for n in d["notices"]:
        extra = " [suspended: appeal pending]" if n["suspended_by_appeal"] else ""
        console.print(f"  notice {n['reference']}: {n['kind']} to {n['to']}, {n['status']}{extra}")
    for a in d["appeals"]:
        console.print(f"  appeal #{a['id']} against {a['notice']}: {a['status']} {a['outcome']}")
    if d["deadlines"]:
        t = new_table("due", "what", "notice", "status", title="deadlines")
        for x in d["deadlines"]:
            t.add_row(x["due"], x["what"], x["notice"], x["status"])
        console.print(t)
    if d.get("available"):
        console.print(
            "next: "
            + ", ".join(f"{a['id']}" + (f" (refused: {a['refused']})" if a["refused"] else "") for a in d["available"])
        )
    t = new_table("at", "who", "action", "from", "to", "why", title="log")
    for e in d["log"]:
        t.add_row(e["at"][:19], e["who"], e["action"], e["from"], e["to"], e["why"])
    console.print(t)


@case_app.command("show")
def case_show(
    reference: str,
    today: str | None = typer.Option(None, "--today", help="Date for deadlines."),
    database: str | None = DbOpt,
    fmt: Fmt = FmtOpt,
) -> None:
    """Show a case: parties, evidence, notices, deadlines, what can happen next, and its log."""
    from psti.enforcement import machine
    from psti.enforcement.cases import case_dict

    with _service(database) as svc:
        c = svc.get(reference)
        d = case_dict(svc, c, _today(today))
        d["available"] = [
            {"id": t.id, "to": t.to, "refused": why} for t, why in machine.available(svc.wf, svc.facts(c))
        ]
        _emit(d, fmt, _show_case)


@case_app.command("list")
def case_list(
    state: str | None = typer.Option(None, "--state"),
    actor: str | None = typer.Option(None, "--actor", help="Only cases naming this economic operator."),
    overdue: bool = typer.Option(False, "--overdue", help="Only cases with overdue items."),
    today: str | None = typer.Option(None, "--today", help="Date for deadlines (default today)."),
    database: str | None = DbOpt,
    fmt: Fmt = FmtOpt,
) -> None:
    """List cases with their next deadline and overdue items."""
    day = _today(today)
    from psti.enforcement.cases import case_rows

    with _service(database) as svc:
        rows = case_rows(svc, day, state=state, actor=actor, overdue=overdue)

        def show(rs: list[dict[str, Any]]) -> None:
            t = new_table("case", "state", "product", "parties", "next deadline", "overdue")
            for r in rs:
                nd = r["next_deadline"]
                t.add_row(
                    r["reference"],
                    r["state"],
                    r["product"],
                    "; ".join(f"{p['name']} ({p['role']})" for p in r["party_roles"]),
                    f"{nd['due']} {nd['what']}" if nd else "",
                    str(r["overdue"] or ""),
                )
            console.print(t)

        _emit(rows, fmt, show)


@case_app.command("transition")
def case_transition(
    reference: str,
    transition: str,
    why: str = typer.Option(..., "--why", help="Why (recorded in the log)."),
    evidence: list[int] = typer.Option([], "--evidence", help="Evidence id relied on."),
    who: str | None = WhoOpt,
    database: str | None = DbOpt,
    fmt: Fmt = FmtOpt,
) -> None:
    """Move a case through the workflow; refused with the reason if the Act does not allow it."""
    with _service(database) as svc:
        e = svc.transition(reference, transition, who=_who(who), why=why, evidence=evidence)
        _emit(
            {"reference": reference, "from": e.from_state, "to": e.to_state, "event": e.hash},
            fmt,
            lambda d: console.print(f"{reference}: {d['from']} -> {d['to']}"),
        )


@case_app.command("attach")
def case_attach(
    reference: str,
    path: Path,
    no_assess: bool = typer.Option(False, "--no-assess", help="Record the hash only."),
    who: str | None = WhoOpt,
    database: str | None = DbOpt,
    fmt: Fmt = FmtOpt,
) -> None:
    """Attach evidence (assessing declarations and firmware first) with its sha256."""
    with _service(database) as svc:
        item = svc.attach(reference, path, who=_who(who), assess=not no_assess)
        _emit(
            {
                "id": item.id,
                "kind": item.kind,
                "sha256": item.sha256,
                "verdict": item.verdict,
                "summary": item.summary,
            },
            fmt,
            lambda d: console.print(f"evidence #{d['id']} {d['kind']} sha256 {d['sha256']} {d['verdict']}"),
        )


@case_app.command("add-party")
def case_add_party(
    reference: str,
    party: str = typer.Argument(..., help="ROLE:NAME[:ADDRESS]"),
    who: str | None = WhoOpt,
    database: str | None = DbOpt,
) -> None:
    """Add an economic operator to a case."""
    from psti.enforcement.cases import parse_party
    from psti.enforcement.proceedings import add_party

    with _service(database) as svc:
        add_party(svc, reference, parse_party(party), who=_who(who))
        console.print(f"{reference}: added {party}")


@case_app.command("history")
def case_history(actor: str, database: str | None = DbOpt, fmt: Fmt = FmtOpt) -> None:
    """Every case and notice concerning one economic operator."""
    with _service(database) as svc:
        h = svc.actor_history(actor)

        def show(d: dict[str, Any]) -> None:
            console.print(f"[bold]{d['actor']}[/] {d['address']}")
            for c in d["cases"]:
                ns = "; ".join(f"{n['reference']} {n['kind']} {n['status']}" for n in c["notices"])
                console.print(f"  {c['case']} ({c['role']}) {c['state']}: {c['product']}  {ns}")

        _emit(h, fmt, show)


@case_app.command("export")
def case_export(
    fmt: ExportFmt = typer.Option(ExportFmt.json, "--format"),
    output: Path | None = typer.Option(None, "--output", "-o"),
    today: str | None = typer.Option(None, "--today"),
    database: str | None = DbOpt,
) -> None:
    """Export case data for reporting (JSON: everything; CSV: one row per case)."""
    from psti.cli.output import write_atomically

    with _service(database) as svc:
        data = svc.export(today=_today(today))
    if fmt is ExportFmt.json:
        text = json.dumps(data, indent=2, default=str) + "\n"
    else:
        from psti.enforcement.cases import export_csv

        text = export_csv(data)
    if output:
        write_atomically(output, text)
        new_console(stderr=True).print(f"wrote {output}")
    else:
        sys.stdout.write(text)


@case_app.command("verify-log")
def case_verify_log(
    database: str | None = DbOpt,
    log_key: Path | None = typer.Option(
        None,
        "--log-key",
        help="The log key file the log is sealed with (default: $PSTI_LOG_KEY_FILE, else DATA_DIR/log.key).",
    ),
    log_anchor: Path | None = typer.Option(
        None,
        "--log-anchor",
        help="The anchor file the log heads are appended to (default: $PSTI_LOG_ANCHOR_FILE, else beside the key).",
    ),
) -> None:
    """Check every link, seal and the sealed head of the case log, and the heads anchored
    outside the database; exit 1 naming the first bad entry or the rollback."""
    from psti.store import anchor, caselog, logkey

    key = logkey.resolve(log_key, create_default=False, anchor=log_anchor)
    upto = anchor.extent(key)  # before the database is read: a live server keeps appending
    with _service(database) as svc:
        problems = svc.verify_log(key)
        if not problems:
            problems = caselog.check_anchor(svc.session, key, upto=upto).problems
    for p in problems:
        console.print(f"[red]{p}[/]")
    if problems:
        raise typer.Exit(1)
    console.print("case log intact")


@case_app.command("workflow")
def case_workflow(fmt: Fmt = FmtOpt) -> None:
    """Show the case workflow (states and transitions) from the regime data."""
    from psti.enforcement.workflow import load_workflow

    wf = load_workflow()

    def show(_: Any) -> None:
        console.print(f"[bold]{wf.workflow.title}[/] v{wf.workflow.version} ({wf.workflow.citation})")
        t = new_table("transition", "from", "to", "guards", "citation")
        for x in wf.transitions:
            t.add_row(x.id, ", ".join(x.from_), x.to, ", ".join(x.guards), x.citation)
        console.print(t)

    _emit(wf.model_dump(mode="json", by_alias=True), fmt, show)


# ---- notices --------------------------------------------------------------------------------


def _terms(
    requirement: str,
    comply_within: int | None,
    comply_by: str | None,
    consequences: str,
    steps: list[str],
    amount: str | None,
    daily: str | None,
    factor: list[str],
    qwr: str | None,
    period_start: str | None,
    period_end: str | None,
    estimated: bool,
    pay_within: int | None,
    how_to_pay: str,
    condition: list[str],
    inform_customers: str,
    signatory: str,
) -> Any:
    from psti.enforcement.proceedings import NoticeTerms

    return NoticeTerms(
        requirement=requirement,
        comply_within_days=comply_within,
        compliance_by=parse_date(comply_by, "--comply-by"),
        consequences=consequences,
        steps=steps,
        amount_gbp=amount or "",
        daily_gbp=daily or "0",
        factors=_pairs(factor, "--factor"),
        accounting_period=_period(qwr, period_start, period_end, estimated),
        pay_within_days=pay_within,
        how_to_pay=how_to_pay,
        conditions=_pairs(condition, "--condition"),
        inform_customers=inform_customers,
        signatory=signatory,
    )


AmountOpt = typer.Option(None, "--amount", help="Fixed penalty in pounds.")
DailyOpt = typer.Option(None, "--daily", help="Daily penalty in pounds (at most £20,000).")
FactorOpt = typer.Option(
    [],
    "--factor",
    help="s.37 matter considered, NAME=TEXT (effects-of-breach, remedy-or-mitigation, ...).",
)
QwrOpt = typer.Option(None, "--qwr", help="Qualifying worldwide revenue for the accounting period, pounds.")
PStartOpt = typer.Option(None, "--period-start", help="Accounting period start (YYYY-MM-DD).")
PEndOpt = typer.Option(None, "--period-end", help="Accounting period end, inclusive.")
EstOpt = typer.Option(False, "--estimated", help="QWR estimated: first accounting period not ended (s.38(2)).")


def _notice_out(n: Any, fmt: Fmt) -> None:
    from psti.enforcement.cases import notice_dict

    d = notice_dict(n)
    _emit(
        d,
        fmt,
        lambda x: console.print(
            f"{x['reference']}: {x['kind']} {x['status']}"
            + (f", may be given from {x['not_before']}" if x["status"] == "intent" and x["not_before"] else "")
            + (f", given {x['given_at']}" if x["given_at"] else "")
            + (f", comply by {x['compliance_by']}" if x["compliance_by"] else "")
            + (f", pay by {x['pay_by']}" if x["pay_by"] else "")
            + (f", respond by {x['respond_by']}" if x["respond_by"] else "")
            + (f", appeal by {x['appeal_by']}" if x["appeal_by"] else "")
        ),
    )


@notice_app.command("intent")
def notice_intent(
    reference: str,
    kind: str = typer.Option(..., "--kind", help="compliance, stop, recall or penalty."),
    to: str = typer.Option(..., "--to", help="The party the notice would be given to."),
    breach: str = typer.Option(..., "--breach", help="The relevant duty and how it is breached."),
    reasons: str = typer.Option(..., "--reasons"),
    contact: str = typer.Option("", "--contact", help="Where to send representations."),
    amount: str | None = AmountOpt,
    daily: str | None = DailyOpt,
    factor: list[str] = FactorOpt,
    qwr: str | None = QwrOpt,
    period_start: str | None = PStartOpt,
    period_end: str | None = PEndOpt,
    estimated: bool = EstOpt,
    signatory: str = typer.Option("", "--signatory"),
    sent_at: str | None = SentOpt,
    method: str = MethodOpt,
    who: str | None = WhoOpt,
    database: str | None = DbOpt,
    fmt: Fmt = FmtOpt,
) -> None:
    """Notify the intention to give a notice; starts the representations period."""
    from psti.enforcement.proceedings import give_intent

    terms = _terms(
        "",
        None,
        None,
        "",
        [],
        amount,
        daily,
        factor,
        qwr,
        period_start,
        period_end,
        estimated,
        None,
        "",
        [],
        "",
        signatory,
    )
    with _service(database) as svc:
        n = give_intent(
            svc,
            reference,
            kind=kind,
            to=to,
            breach=breach,
            reasons=reasons,
            who=_who(who),
            serve=_serve(sent_at, method),
            contact=contact,
            terms=terms,
        )
        _notice_out(n, fmt)


@notice_app.command("issue")
def notice_issue(
    reference: str,
    kind: str = typer.Option(..., "--kind", help="compliance, stop, recall or penalty."),
    reasons: str = typer.Option(..., "--reasons"),
    intent: str | None = typer.Option(None, "--intent", help="The notice of intent this follows."),
    urgent: bool = typer.Option(False, "--urgent", help="No notice of intent: urgent need (stop, recall)."),
    urgency_reason: str = typer.Option("", "--urgency-reason"),
    to: str | None = typer.Option(None, "--to"),
    breach: str | None = typer.Option(None, "--breach"),
    requirement: str = typer.Option("", "--requirement", help="What the person must do (or stop, or return)."),
    comply_within: int | None = typer.Option(None, "--comply-within", help="Days, beginning with the day given."),
    comply_by: str | None = typer.Option(None, "--comply-by", help="Date to comply by."),
    consequences: str = typer.Option(
        "",
        "--consequences",
        help="What may happen on non-compliance (default: the Act's consequences).",
    ),
    step: list[str] = typer.Option([], "--step", help="A specified step, repeatable."),
    condition: list[str] = typer.Option(
        [],
        "--condition",
        help="Recall s.30(1) condition, FIELD=TEXT: "
        "supplied_to_customers, action_inadequate, other_powers_insufficient.",
    ),
    inform_customers: str = typer.Option("", "--inform-customers"),
    amount: str | None = AmountOpt,
    daily: str | None = DailyOpt,
    factor: list[str] = FactorOpt,
    qwr: str | None = QwrOpt,
    period_start: str | None = PStartOpt,
    period_end: str | None = PEndOpt,
    estimated: bool = EstOpt,
    pay_within: int | None = typer.Option(None, "--pay-within", help="Days to pay (at least 28)."),
    how_to_pay: str = typer.Option("", "--how-to-pay"),
    signatory: str = typer.Option("", "--signatory"),
    sent_at: str | None = SentOpt,
    method: str = MethodOpt,
    who: str | None = WhoOpt,
    database: str | None = DbOpt,
    fmt: Fmt = FmtOpt,
) -> None:
    """Give a compliance, stop, recall or penalty notice."""
    from psti.enforcement.proceedings import issue

    terms = _terms(
        requirement,
        comply_within,
        comply_by,
        consequences,
        step,
        amount,
        daily,
        factor,
        qwr,
        period_start,
        period_end,
        estimated,
        pay_within,
        how_to_pay,
        condition,
        inform_customers,
        signatory,
    )
    with _service(database) as svc:
        n = issue(
            svc,
            reference,
            kind=kind,
            who=_who(who),
            serve=_serve(sent_at, method),
            reasons=reasons,
            terms=terms,
            intent=intent,
            to=to,
            breach=breach,
            urgent=urgent,
            urgency_reason=urgency_reason,
        )
        _notice_out(n, fmt)


@notice_app.command("info")
def notice_info(
    reference: str,
    to: str = typer.Option(..., "--to"),
    purpose: str = typer.Option(..., "--purpose"),
    information: str = typer.Option(..., "--information", help="What must be provided."),
    within: int | None = typer.Option(None, "--within", help="Days to respond (default from the workflow)."),
    contact: str = typer.Option("", "--contact"),
    sent_at: str | None = SentOpt,
    method: str = MethodOpt,
    who: str | None = WhoOpt,
    database: str | None = DbOpt,
    fmt: Fmt = FmtOpt,
) -> None:
    """Request information (CRA 2015 Sch 5 para 14 via Act s.26(4)) with a due date."""
    from psti.enforcement.proceedings import request_information

    with _service(database) as svc:
        n = request_information(
            svc,
            reference,
            to=to,
            purpose=purpose,
            information=information,
            who=_who(who),
            serve=_serve(sent_at, method),
            within_days=within,
            contact=contact,
        )
        _notice_out(n, fmt)


@notice_app.command("respond")
def notice_respond(
    notice: str,
    note: str = typer.Option("", "--note"),
    who: str | None = WhoOpt,
    database: str | None = DbOpt,
    fmt: Fmt = FmtOpt,
) -> None:
    """Record that the information requested was provided."""
    from psti.enforcement.proceedings import record_response

    with _service(database) as svc:
        _notice_out(record_response(svc, notice, who=_who(who), note=note), fmt)


@notice_app.command("vary")
def notice_vary(
    notice: str,
    changes: str = typer.Option(..., "--changes", help="The variation, in words."),
    comply_by: str | None = typer.Option(None, "--comply-by"),
    pay_by: str | None = typer.Option(None, "--pay-by"),
    amount: str | None = AmountOpt,
    daily: str | None = DailyOpt,
    sent_at: str | None = SentOpt,
    method: str = MethodOpt,
    who: str | None = WhoOpt,
    database: str | None = DbOpt,
    fmt: Fmt = FmtOpt,
) -> None:
    """Vary a notice; refused if it would be made more onerous (Act s.31(2), s.39(5))."""
    from psti.enforcement.proceedings import vary

    with _service(database) as svc:
        n = vary(
            svc,
            notice,
            who=_who(who),
            changes=changes,
            serve=_serve(sent_at, method),
            compliance_by=parse_date(comply_by, "--comply-by"),
            pay_by=parse_date(pay_by, "--pay-by"),
            amount_gbp=amount,
            daily_gbp=daily,
        )
        _notice_out(n, fmt)


@notice_app.command("revoke")
def notice_revoke(
    notice: str,
    reasons: str = typer.Option(..., "--reasons"),
    sent_at: str | None = SentOpt,
    method: str = MethodOpt,
    who: str | None = WhoOpt,
    database: str | None = DbOpt,
    fmt: Fmt = FmtOpt,
) -> None:
    """Revoke a notice, or withdraw a notice of intent."""
    from psti.enforcement.proceedings import revoke

    with _service(database) as svc:
        _notice_out(revoke(svc, notice, who=_who(who), reasons=reasons, serve=_serve(sent_at, method)), fmt)


@notice_app.command("show")
def notice_show(
    notice: str,
    document: str = typer.Option("notice", "--document", help="intent, notice, variation or revocation (the latest)."),
    output: Path | None = typer.Option(None, "--output", "-o"),
    database: str | None = DbOpt,
) -> None:
    """Print a notice's rendered document."""
    from sqlalchemy import select

    from psti.cli.output import write_atomically
    from psti.store.enforcement import Notice

    with _service(database) as svc:
        n = svc.session.scalars(select(Notice).where(Notice.reference == notice)).first()
        if n is None:
            raise UsageError(f"no notice {notice!r} in this database")
        docs = [d for d in n.documents if d.doc_kind == document]
        if not docs:
            have = ", ".join(sorted({d.doc_kind for d in n.documents})) or "none"
            raise UsageError(f"{notice} has no {document} document (it has: {have})")
        text = docs[-1].text
    if output:
        write_atomically(output, text)
        new_console(stderr=True).print(f"wrote {output}")
    else:
        sys.stdout.write(text)


# ---- penalty --------------------------------------------------------------------------------


@penalty_app.command("calc")
def penalty_calc(
    amount: str = typer.Option(..., "--amount", help="Proposed fixed penalty in pounds."),
    daily: str | None = DailyOpt,
    factor: list[str] = FactorOpt,
    qwr: str | None = QwrOpt,
    period_start: str | None = PStartOpt,
    period_end: str | None = PEndOpt,
    estimated: bool = EstOpt,
    fmt: Fmt = FmtOpt,
) -> None:
    """Check a penalty against the relevant maximum (s.38) and the daily cap; exit 2 if refused."""
    from psti.enforcement.penalty import calculate

    calc = calculate(
        amount,
        period=_period(qwr, period_start, period_end, estimated),
        factors=_pairs(factor, "--factor"),
        daily_gbp=daily or "0",
    )

    def show(d: dict[str, Any]) -> None:
        cap = d["cap"]
        console.print(f"relevant maximum: £{float(cap['relevant_maximum_gbp']):,.2f} ({cap['basis']})")
        console.print(f"fixed penalty: £{float(d['fixed_gbp']):,.2f} (within the maximum)")
        if float(d["daily_gbp"]):
            console.print(f"daily penalty: £{float(d['daily_gbp']):,.2f} (at most £{float(cap['daily_max_gbp']):,.0f})")
        for f in d["factors"]:
            console.print(f"  considered {f['id']}: {f['text']}")

    _emit(calc.to_dict(), fmt, show)


# ---- appeal ---------------------------------------------------------------------------------


@appeal_app.command("lodge")
def appeal_lodge(
    notice: str,
    lodged_on: str = typer.Option(..., "--lodged-on", help="Date the appeal was brought (YYYY-MM-DD)."),
    ground: list[str] = typer.Option(
        ..., "--ground", help="error-of-fact, wrong-in-law or unfair-or-unreasonable; repeatable."
    ),
    against_variation: bool = typer.Option(False, "--against-variation"),
    note: str = typer.Option("", "--note"),
    who: str | None = WhoOpt,
    database: str | None = DbOpt,
    fmt: Fmt = FmtOpt,
) -> None:
    """Record an appeal; refused if out of time. The notice has no effect while it is pending."""
    from psti.enforcement.proceedings import lodge_appeal

    day = parse_date(lodged_on, "--lodged-on")
    assert day is not None
    with _service(database) as svc:
        a = lodge_appeal(
            svc,
            notice,
            lodged_on=day,
            grounds=ground,
            who=_who(who),
            against_variation=against_variation,
            note=note,
        )
        _emit(
            {"appeal": a.id, "notice": notice, "status": a.status, "case_state": a.case.state},
            fmt,
            lambda d: console.print(
                f"appeal #{d['appeal']} against {notice} pending; {notice} has no effect "
                f"until it is determined or withdrawn; case is {d['case_state']}"
            ),
        )


@appeal_app.command("decide")
def appeal_decide(
    appeal: int,
    outcome: str = typer.Option(..., "--outcome", help="confirmed, varied, cancelled, cancelled-in-part, withdrawn."),
    decided_on: str = typer.Option(..., "--decided-on"),
    note: str = typer.Option("", "--note"),
    comply_by: str | None = typer.Option(None, "--comply-by"),
    pay_by: str | None = typer.Option(None, "--pay-by"),
    amount: str | None = AmountOpt,
    who: str | None = WhoOpt,
    database: str | None = DbOpt,
    fmt: Fmt = FmtOpt,
) -> None:
    """Record the Tribunal's decision or a withdrawal, and its effect on the notice."""
    from psti.enforcement.proceedings import decide_appeal

    day = parse_date(decided_on, "--decided-on")
    assert day is not None
    with _service(database) as svc:
        a = decide_appeal(
            svc,
            appeal,
            outcome=outcome,
            decided_on=day,
            who=_who(who),
            note=note,
            compliance_by=parse_date(comply_by, "--comply-by"),
            pay_by=parse_date(pay_by, "--pay-by"),
            amount_gbp=amount,
        )
        _emit(
            {
                "appeal": a.id,
                "status": a.status,
                "outcome": a.outcome,
                "notice_status": a.notice.status,
                "case_state": a.case.state,
            },
            fmt,
            lambda d: console.print(
                f"appeal #{d['appeal']} {d['status']} ({d['outcome']}); notice "
                f"{d['notice_status']}; case is {d['case_state']}"
            ),
        )


@appeal_app.command("list")
def appeal_list(database: str | None = DbOpt, fmt: Fmt = FmtOpt) -> None:
    """Pending appeals."""
    from psti.enforcement.proceedings import pending_appeals

    with _service(database) as svc:
        rows = [
            {
                "appeal": a.id,
                "case": a.case.reference,
                "notice": a.notice.reference,
                "lodged_on": a.lodged_on.isoformat(),
                "grounds": a.grounds,
            }
            for a in pending_appeals(svc)
        ]

    def show(rs: list[dict[str, Any]]) -> None:
        t = new_table("appeal", "case", "notice", "lodged", "grounds")
        for r in rs:
            t.add_row(str(r["appeal"]), r["case"], r["notice"], r["lodged_on"], ", ".join(r["grounds"]))
        console.print(t)

    _emit(rows, fmt, show)
