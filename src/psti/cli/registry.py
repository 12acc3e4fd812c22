"""`psti catalogue check` and `psti registry verify`: the registry's checks, run offline
against a registry database with the same library calls the service makes."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import typer

from psti.cli.output import stderr
from psti.errors import InputError, Problem, PstiError, UsageError

catalogue_app = typer.Typer(help="Check an importer's or distributor's catalogue against the registry.")
registry_app = typer.Typer(help="The registry's own checks of statements, offline.")

MAX_CATALOGUE_BYTES = 200 * 1024 * 1024
MAX_ROWS = 1_000_000
OK_RESULTS = ("ok", "ends-soon")

DATABASE_HELP = (
    "The registry database (sqlite:///FILE or postgresql://…); default: $PSTI_DATABASE_URL, "
    "else the registry's SQLite database in the data directory."
)


def _session(database: str | None) -> Any:
    """A read-only session on an existing registry database, or a clear error."""
    from sqlalchemy import inspect
    from sqlalchemy.exc import ArgumentError, OperationalError

    from psti.files import data_dir
    from psti.store import db as store_db

    url = database
    if not url:
        path = data_dir() / "psti.sqlite3"
        if not path.is_file():
            raise UsageError(
                f"no registry database at {path}: give --database (or $PSTI_DATABASE_URL), "
                "e.g. a copy of the registry's database"
            )
        url = f"sqlite:///{path}"
    elif url.startswith("sqlite:///") and not Path(url.removeprefix("sqlite:///")).expanduser().is_file():
        raise UsageError(f"--database {url!r}: no such file (a check never creates a registry database)")
    try:
        engine = store_db.open_database(url)
        tables = set(inspect(engine).get_table_names())
    except (ArgumentError, ImportError, store_db.DatabaseError, OperationalError) as e:
        raise UsageError(f"--database {url!r}: cannot open it ({str(e).splitlines()[0][:200]})") from None
    if not {"statement", "organisation_key"} <= tables:
        engine.dispose()
        raise UsageError(
            f"--database {url!r}: not a psti registry database at the current schema "
            "(`psti serve` creates and migrates one)"
        )
    return engine, store_db.session_factory(engine)


def _problems(e: Exception, file: Path) -> PstiError:
    """The registry's refusal of a file as the CLI reports bad input: what, and which row."""
    from psti.registry.errors import ServiceError

    if isinstance(e, ServiceError):
        rows = [Problem(str(p.get("message", "")), file=str(file), line=p.get("row")) for p in e.problems]
        return InputError(rows or [Problem(e.message, file=str(file))], summary=e.message)
    return PstiError(str(e))


@catalogue_app.command("check")
def catalogue_check(
    file: Path = typer.Argument(
        ..., metavar="CATALOGUE", dir_okay=False, help="CSV or XLSX with manufacturer, model, statement."
    ),
    database: str = typer.Option(None, "--database", envvar="PSTI_DATABASE_URL", help=DATABASE_HELP),
    ends_soon_days: int = typer.Option(180, "--ends-soon-days", min=0, max=3650, help="Warn this many days ahead."),
    as_json: bool = typer.Option(False, "--json", help="Print every row's result as JSON."),
) -> None:
    """Check every row as the registry's catalogue check does; exit 1 if any row is not ok.

    Offline: statements are looked up in the registry database; rows that give a
    statement URL on a manufacturer's site are reported as not found (not fetched)."""
    from psti.inputfile import read_regular
    from psti.registry import catalogues
    from psti.registry.errors import ServiceError
    from psti.store.db import reading

    try:
        data = read_regular(file, MAX_CATALOGUE_BYTES)
    except OSError as e:
        problem = Problem(f"cannot read: {e.strerror or e}", file=str(file))
        raise InputError([problem], "cannot read catalogue") from None
    try:
        rows = catalogues.parse_catalogue(file.name, data, max_bytes=MAX_CATALOGUE_BYTES, max_rows=MAX_ROWS)
    except ServiceError as e:
        raise _problems(e, file) from None
    engine, factory = _session(database)
    try:
        with reading(), factory() as db:
            results = catalogues.check_catalogue(db, rows, ends_soon_days)
            out = [
                {
                    "row": r.number,
                    "manufacturer": r.manufacturer,
                    "model": r.model,
                    "statement": r.statement,
                    "result": v.result,
                    "support_end": v.support_end.isoformat() if v.support_end else None,
                    "message": v.message,
                    "action": v.action,
                }
                for r, v in results
            ]
    finally:
        engine.dispose()
    bad = [o for o in out if o["result"] not in OK_RESULTS]
    if as_json:
        typer.echo(json.dumps({"ok": not bad, "rows": out}, indent=2, ensure_ascii=False))
    else:
        for o in out:
            mark = "[green]ok[/]  " if o["result"] in OK_RESULTS else "[bold red]FAIL[/]"
            stderr.print(
                f"{mark} row {o['row']}: {o['manufacturer']} {o['model']}: {o['result']}: {o['message']}",
                highlight=False,
                soft_wrap=True,
            )
        stderr.print(f"{len(out) - len(bad)} of {len(out)} rows ok")
    raise typer.Exit(1 if bad else 0)


@registry_app.command("verify")
def registry_verify(
    statement_file: Path = typer.Argument(..., metavar="STATEMENT.json", dir_okay=False),
    database: str = typer.Option(None, "--database", envvar="PSTI_DATABASE_URL", help=DATABASE_HELP),
    as_json: bool = typer.Option(False, "--json", help="Print the result as JSON."),
) -> None:
    """Verify a statement as the registry does: signature, and whose registered key signed it."""
    from psti.inputfile import read_regular
    from psti.registry.keys import bind
    from psti.registry.statements import MAX_STATEMENT_BYTES, provenance, verify_statement
    from psti.store.db import reading

    try:
        data = read_regular(statement_file, MAX_STATEMENT_BYTES)
    except OSError as e:
        raise InputError(
            [Problem(f"cannot read: {e.strerror or e}", file=str(statement_file))], "cannot read statement"
        ) from None
    res = verify_statement(data)
    engine, factory = _session(database)
    try:
        with reading(), factory() as db:
            binding = bind(db, res)
            signer = binding.signer_json()
            origin = provenance(res, binding.key.held_by_registry) if binding.key else None
    finally:
        engine.dispose()
    if as_json:
        typer.echo(
            json.dumps(
                {
                    "valid": binding.valid,
                    "reason": binding.reason,
                    "signature_valid": res.valid,
                    "key_status": binding.key_status,
                    "signed_by": signer,
                    "provenance": origin.to_json() if origin else None,
                },
                indent=2,
                ensure_ascii=False,
            )
        )
    else:
        who = f"signed by {signer['organisation']}'s key {signer['fingerprint']}" if signer else "key unknown"
        mark = "[green]valid[/]" if binding.valid else "[bold red]NOT valid[/]"
        stderr.print(f"{mark} in the registry: {binding.reason} ({who})", highlight=False, soft_wrap=True)
        if origin is not None:
            stderr.print(origin.note, highlight=False, soft_wrap=True)
    raise typer.Exit(0 if binding.valid else 1)


def register(app: typer.Typer) -> None:
    app.add_typer(catalogue_app, name="catalogue")
    app.add_typer(registry_app, name="registry")
