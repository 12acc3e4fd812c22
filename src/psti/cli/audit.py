"""`psti audit`: check the registry's sealed audit log, and make a log key."""

from __future__ import annotations

from pathlib import Path

import typer

from psti.cli.output import new_console

audit_app = typer.Typer(help="The registry's audit log: verify its chain and seals.", no_args_is_help=True)

KeyOpt = typer.Option(
    None,
    "--log-key",
    help="The log key file the logs are sealed with (default: $PSTI_LOG_KEY_FILE, else log.key in the data directory).",
)


AnchorOpt = typer.Option(
    None,
    "--log-anchor",
    help="The anchor file the log heads are appended to (default: $PSTI_LOG_ANCHOR_FILE, else beside the log key).",
)
DbOpt = typer.Option(
    None,
    "--database",
    envvar="PSTI_DATABASE_URL",
    help="Database URL (sqlite:///FILE or postgresql://…); default: SQLite in the data directory.",
)


def register(app: typer.Typer) -> None:
    app.add_typer(audit_app, name="audit")


@audit_app.command("verify")
def verify(database: str = DbOpt, log_key: Path | None = KeyOpt, log_anchor: Path | None = AnchorOpt) -> None:
    """Recompute every hash and seal of the audit log and compare it with the heads anchored
    outside the database; exit 1 naming the first bad event or the rollback."""
    from psti.enforcement.store import make_engine
    from psti.store import anchor, audit, logkey
    from psti.store.db import session_factory, upgrade

    key = logkey.resolve(log_key, create_default=False, anchor=log_anchor)
    engine = make_engine(database)
    try:
        upgrade(engine)
        upto = anchor.extent(key)  # before the database is read: a live server keeps appending
        with session_factory(engine)() as session:
            check = audit.verify_chain(session, key)
            anchored = audit.check_anchor(session, key, check.events, upto=upto) if check.ok else None
    finally:
        engine.dispose()
    console = new_console()
    err = new_console(stderr=True)
    if not check.ok:
        err.print(
            f"[red]audit log broken at event {check.first_bad}: {check.reason}[/] "
            f"({check.events} events before it intact)"
        )
        raise typer.Exit(1)
    if anchored is not None and anchored.problems:
        for p in anchored.problems:
            err.print(f"[red]{p}[/]")
        raise typer.Exit(1)
    sealed = f", sealed from event {check.sealed_from} with key {check.key_id}" if check.sealed_from else ""
    console.print(f"audit log intact: {check.events} events{sealed}")
    if anchored is not None and anchored.lines:
        console.print(f"matches its anchor: {anchored.lines} anchored heads, the newest at event {anchored.anchored}")
    if check.sealed_from and check.sealed_from > 1:
        console.print(
            f"events 1-{check.sealed_from - 1} were written before the log was sealed: their hashes chain "
            "but carry no seals"
        )


@audit_app.command("anchor")
def anchor_now(database: str = DbOpt, log_key: Path | None = KeyOpt, log_anchor: Path | None = AnchorOpt) -> None:
    """Append the current heads of the audit log and the case log to the anchor file.

    Starts the anchor of a database written before anchors were kept; after a deliberate
    restore from a backup, move the old anchor file aside first (keep it) and run this.
    Both logs are verified first: a broken log is not anchored.
    """
    from sqlalchemy import inspect

    from psti.enforcement.store import make_engine
    from psti.store import anchor, audit, caselog, logkey
    from psti.store.db import session_factory, upgrade

    key = logkey.resolve(log_key, create_default=False, anchor=log_anchor)
    engine = make_engine(database)
    try:
        upgrade(engine)
        with session_factory(engine)() as session:
            check = audit.verify_chain(session, key)
            problems = [] if check.ok else [f"audit log broken at event {check.first_bad}: {check.reason}"]
            heads = [audit.current_head(session)]
            if inspect(session.connection()).has_table("enf_log_head"):
                problems += caselog.verify_case_log(session, key)
                heads.append(caselog.current_head(session))
    finally:
        engine.dispose()
    if problems:
        for p in problems:
            new_console(stderr=True).print(f"[red]{p}[/]")
        raise typer.Exit(1)
    path = anchor.append(key, [h for h in heads if h is not None])
    for h in heads:
        if h is not None:
            new_console().print(f"anchored the {h.log} log at entry {h.count} in {path}")


@audit_app.command("new-key")
def new_key(path: Path = typer.Argument(..., help="Where to write the key (mode 0600; never overwritten).")) -> None:
    """Write a new random log key for `psti serve --log-key` and the case commands."""
    from psti.store import logkey

    key = logkey.create(path)
    new_console(stderr=True).print(
        f"wrote log key {key.key_id} to {path}: keep a copy; the logs cannot be verified without it"
    )
