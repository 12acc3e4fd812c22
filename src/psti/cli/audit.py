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


def register(app: typer.Typer) -> None:
    app.add_typer(audit_app, name="audit")


@audit_app.command("verify")
def verify(
    database: str = typer.Option(
        None,
        "--database",
        envvar="PSTI_DATABASE_URL",
        help="Database URL (sqlite:///FILE or postgresql://…); default: SQLite in the data directory.",
    ),
    log_key: Path | None = KeyOpt,
) -> None:
    """Recompute every hash and seal of the audit log; exit 1 naming the first bad event."""
    from psti.enforcement.store import make_engine
    from psti.store import audit, logkey
    from psti.store.db import session_factory, upgrade

    key = logkey.resolve(log_key, create_default=False)
    engine = make_engine(database)
    try:
        upgrade(engine)
        with session_factory(engine)() as session:
            check = audit.verify_chain(session, key)
    finally:
        engine.dispose()
    console = new_console()
    if not check.ok:
        new_console(stderr=True).print(
            f"[red]audit log broken at event {check.first_bad}: {check.reason}[/] "
            f"({check.events} events before it intact)"
        )
        raise typer.Exit(1)
    sealed = f", sealed from event {check.sealed_from} with key {check.key_id}" if check.sealed_from else ""
    console.print(f"audit log intact: {check.events} events{sealed}")
    if check.sealed_from and check.sealed_from > 1:
        console.print(
            f"events 1-{check.sealed_from - 1} were written before the log was sealed: their hashes chain "
            "but carry no seals"
        )


@audit_app.command("new-key")
def new_key(path: Path = typer.Argument(..., help="Where to write the key (mode 0600; never overwritten).")) -> None:
    """Write a new random log key for `psti serve --log-key` and the case commands."""
    from psti.store import logkey

    key = logkey.create(path)
    new_console(stderr=True).print(
        f"wrote log key {key.key_id} to {path}: keep a copy; the logs cannot be verified without it"
    )
