"""Core commands: regime, scope, schema, assess, collectors."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import typer

from psti.cli.output import (
    ALL_RESULTS_HELP,
    Format,
    emit_assessment,
    escape,
    new_console,
    new_table,
    parse_date,
    progress_bar,
    stderr,
)
from psti.errors import UsageError

regime_app = typer.Typer(help="Show the law and the standards as psti holds them.", no_args_is_help=True)
schema_app = typer.Typer(help="Print JSON Schemas of psti's file formats.", no_args_is_help=True)




def _library(regime_dir: list[Path] | None):  # type: ignore[no-untyped-def]
    from psti.regime import library

    return library(regime_dir or ())


# Default of --support-history / --history (record, read or off).
HISTORY_ENV = "PSTI_SUPPORT_HISTORY"
OnOption = typer.Option(None, "--on", help="Date to apply the law as it stood (YYYY-MM-DD); default today.")
RegimeDirOption = typer.Option(None, "--regime-dir", help="Extra folder of regime data files (repeatable).")


@regime_app.command("list")
def regime_list(
    on: str = OnOption,
    regime_dir: list[Path] = RegimeDirOption,
) -> None:
    """List the regimes psti knows and their versions."""
    lib = _library(regime_dir)
    day = parse_date(on)
    table = new_table("regime", "title", "kind", "versions in force", "pending")
    for name in lib.regimes():
        view = lib.view(name, day)
        table.add_row(name, view.title, view.kind, ", ".join(view.versions()) or "-",
                      ", ".join(f"{i.id} ({i.effective_from})" for i in view.pending) or "-")
    new_console().print(table)


@regime_app.command("show")
def regime_show(
    regime: str = typer.Argument("uk-psti", help="Regime id (see `psti regime list`)."),
    on: str = OnOption,
    kind: str = typer.Option(None, "--kind", help="Only items of this kind (requirement, exception, …)."),
    fmt: str = typer.Option("terminal", "--format", help="terminal or json"),
    regime_dir: list[Path] = RegimeDirOption,
) -> None:
    """Every item of a regime in force on a date, with its citation."""
    lib = _library(regime_dir)
    view = lib.view(regime, parse_date(on))
    items = [i for i in view if kind is None or i.kind == kind]
    if fmt == "json":
        payload = {
            "regime": view.regime,
            "on": view.on.isoformat(),
            "in_force": view.in_force,
            "versions": list(view.versions()),
            "pending": [{"id": i.id, "effective_from": i.effective_from.isoformat()} for i in view.pending],
            "items": [i.model_dump(mode="json", by_alias=True, exclude_defaults=True) for i in items],
        }
        sys.stdout.write(json.dumps(payload, indent=2, ensure_ascii=False) + "\n")
        return
    if fmt != "terminal":
        raise UsageError(f"--format {fmt!r}: use terminal or json")
    console = new_console()
    if not view.in_force:
        starts = ", ".join(f"{i.title} from {i.effective_from}" for i in view.pending)
        console.print(f"[bold]{escape(regime)}[/] on {view.on}: [yellow]not in force[/]. "
                      f"Its duties did not apply yet ({escape(starts)}).")
        return
    console.print(f"[bold]{escape(view.title)}[/] ({regime}) on {view.on}")
    console.print("in force: " + ", ".join(f"{i.id} (from {i.effective_from})" for i in view.instruments))
    if view.pending:
        console.print("pending: " + ", ".join(f"{i.id} (from {i.effective_from})" for i in view.pending))
    by_kind: dict[str, list] = {}  # type: ignore[type-arg]
    for item in items:
        by_kind.setdefault(item.kind, []).append(item)
    for k, group in by_kind.items():
        table = new_table(title=f"{k} ({len(group)})", show_lines=False, expand=True)
        table.add_column("id", no_wrap=True)
        table.add_column("title")
        table.add_column("citation")
        for item in group:
            title = item.title + (f" [{item.status}]" if item.status else "")
            table.add_row(item.id, escape(title), escape(item.citation))
        console.print(table)


@schema_app.command("declaration")
def schema_declaration() -> None:
    """JSON Schema of the product declaration (psti.declaration/1)."""
    from psti.declaration import declaration_json_schema

    sys.stdout.write(json.dumps(declaration_json_schema(), indent=2) + "\n")


@schema_app.command("assessment")
def schema_assessment() -> None:
    """JSON Schema of the assessment report (psti.assessment/1)."""
    from psti.model import ASSESSMENT_SCHEMA, Assessment

    schema = Assessment.model_json_schema(by_alias=True)
    schema["$id"] = f"https://psti.dev/schema/{ASSESSMENT_SCHEMA.replace('/', '-')}.json"
    sys.stdout.write(json.dumps(schema, indent=2) + "\n")


def scope_cmd(
    declaration: Path = typer.Argument(..., help="Product declaration (TOML)."),
    on: str = OnOption,
    fmt: str = typer.Option("terminal", "--format", help="terminal or json"),
    regime_dir: list[Path] = RegimeDirOption,
) -> None:
    """Is the product in scope of the PSTI regime? Reasons with citations."""
    from psti.declaration import load_declaration
    from psti.scope import SCOPE_REGIME, decide_scope

    loaded = load_declaration(declaration, check_artefacts=False)
    view = _library(regime_dir).view(SCOPE_REGIME, parse_date(on))
    decision = decide_scope(loaded.declaration, view)
    if fmt == "json":
        sys.stdout.write(decision.model_dump_json(indent=2) + "\n")
    else:
        console = new_console()
        console.print(f"[bold]{escape(loaded.declaration.product.name)}[/]: [bold]{decision.outcome}[/]")
        console.print(escape(decision.summary))
        for r in decision.reasons:
            console.print(f"  • {escape(r.text)} [dim]({escape(r.citation)})[/]")
        for q in decision.questions:
            console.print(f"  [yellow]?[/] {escape(q)}")
    raise typer.Exit({"in-scope": 0, "undetermined": 3}.get(decision.outcome, 0))


def assess_cmd(
    declarations: list[Path] = typer.Argument(..., help="Product declaration(s) (TOML)."),
    regime: str = typer.Option("uk-psti", "--regime", help="Regime to assess against."),
    on: str = OnOption,
    fmt: Format = typer.Option(Format.terminal, "--format", help="Output format."),
    output: Path = typer.Option(None, "--output", "-o", help="Write the report here instead of stdout."),
    collector: list[str] = typer.Option(None, "--collector", help="Run only these collectors (repeatable)."),
    offline: bool = typer.Option(False, "--offline", help="Use saved copies only; never fetch."),
    allow_private: bool = typer.Option(False, "--allow-private", help="Allow fetching private addresses."),
    regime_dir: list[Path] = RegimeDirOption,
    progress: bool = typer.Option(True, "--progress/--no-progress", help="Show progress on stderr."),
    key: list[Path] = typer.Option(None, "--key", help="OpenPGP public key to verify security.txt signatures."),
    save_dir: Path = typer.Option(None, "--save", help="Keep a copy of every fetched page here."),
    ca_bundle: Path = typer.Option(None, "--ca-bundle", help="CA bundle for HTTPS fetches."),
    timeout: float = typer.Option(None, "--timeout", help="Seconds allowed per fetch."),
    support_history: str = typer.Option(
        "record",
        "--support-history",
        envvar=HISTORY_ENV,
        help="Local history of published support periods, to detect a shortened one (PSTI-S1-3.6): "
        "record, read or off. Kept in $PSTI_DATA_DIR (default ~/.local/share/psti)/support-periods.json.",
    ),
    crack_seconds: float = typer.Option(None, "--crack-seconds", help="Time allowed for cracking firmware hashes."),
    keep: bool = typer.Option(False, "--keep", help="Keep firmware work directories for inspection."),
    all_results: bool = typer.Option(False, "--all-results", help=ALL_RESULTS_HELP),
    mask_secrets: bool = typer.Option(
        False, "--mask-secrets",
        help="Show passwords found in firmware or accepted by the device (probe records) masked (ab****yz) "
        "instead of in clear.",
    ),
) -> None:
    """Assess products against every applicable provision, under both routes."""
    from psti.assess import assess
    from psti.declaration import load_declaration

    day = parse_date(on)
    lib = _library(regime_dir)
    if support_history not in ("record", "read", "off"):
        raise UsageError(f"--support-history {support_history!r}: use record, read or off")
    for path in [*(key or []), *([ca_bundle] if ca_bundle else [])]:
        if not path.is_file():
            raise UsageError(f"{path}: no such file")
    options = collector_options(key, save_dir, ca_bundle, timeout, support_history, crack_seconds, keep,
                                mask_secrets)
    if output is not None and len(declarations) > 1:
        raise UsageError("--output takes one declaration; run once per product")
    loaded_all = [load_declaration(p) for p in declarations]  # validate all before any work
    codes: list[int] = []
    with noting_new_history(support_history), progress_bar(progress) as update:
        assessments = []
        for i, loaded in enumerate(loaded_all):
            update("assessing products", i, len(loaded_all))
            assessments.append(assess(loaded, regime=regime, on=day, collectors=collector or None,
                                      offline=offline, allow_private=allow_private, progress=update,
                                      regimes=lib, options=options))
        update("assessing products", len(loaded_all), len(loaded_all))
    if fmt is Format.json and len(assessments) > 1:
        sys.stdout.write("[\n" + ",\n".join(a.to_json() for a in assessments) + "\n]\n")
        codes = [a.exit_code() for a in assessments]
    else:
        for a in assessments:
            codes.append(emit_assessment(a, fmt, output, all_results))
    raise typer.Exit(_worst(codes))


@contextmanager
def noting_new_history(mode: str) -> Iterator[None]:
    """Say on stderr where the support-period history is kept when a run starts it.

    The history changes later verdicts (a shortened support period fails PSTI-S1-3.6),
    so a user learns of it the first time psti writes it, not by surprise.
    """
    from psti.evidence.web.history import FILE_NAME, data_dir

    path = data_dir() / FILE_NAME
    existed = path.exists()
    yield
    if mode == "record" and not existed and path.exists():
        stderr.print(
            f"psti: started the support-period history in {path} (later runs compare against it; "
            f"--support-history off or {HISTORY_ENV}=off to not keep one)",
            highlight=False,
            soft_wrap=True,
        )


def collector_options(
    keys: list[Path] | None,
    save_dir: Path | None,
    ca_bundle: Path | None,
    timeout: float | None,
    support_history: str,
    crack_seconds: float | None,
    keep: bool,
    mask_secrets: bool = False,
) -> dict[str, object]:
    """Options for the collectors, under the names they read from `ctx.options`."""
    options: dict[str, object] = {"support_history": support_history, "keep": keep}
    if mask_secrets:  # passwords in firmware and probe records; a batch's per-unit ones are masked anyway
        options["mask_secrets"] = True
    if keys:
        options["web_keys"] = [str(k) for k in keys]
    if save_dir is not None:
        options["web_save_dir"] = str(save_dir)
    if ca_bundle is not None:
        options["web_verify"] = str(ca_bundle)
    if timeout is not None:
        options["web_timeout"] = timeout
    if crack_seconds is not None:
        options["crack_deadline_s"] = crack_seconds
    return options


def _worst(codes: list[int]) -> int:
    """1 (fail) beats 3 (needs evidence) beats 0."""
    if 1 in codes:
        return 1
    if 3 in codes:
        return 3
    return 0


def collectors_cmd() -> None:
    """List the evidence collectors installed (plug-ins included)."""
    from psti.evidence.registry import collectors

    table = new_table("name", "description", "provisions")
    for name, cls in collectors().items():
        table.add_row(name, cls.description, ", ".join(cls.provisions))
    new_console().print(table)


def validate_cmd(
    declaration: Path = typer.Argument(..., help="Product declaration (TOML)."),
) -> None:
    """Check a declaration file and its artefact paths; report every problem."""
    from psti.declaration import load_declaration

    loaded = load_declaration(declaration)
    stderr.print(f"{declaration}: valid ({len(loaded.declaration.artefacts)} artefact(s))")


def register(app: typer.Typer) -> None:
    app.add_typer(regime_app, name="regime")
    app.add_typer(schema_app, name="schema")
    app.command("scope")(scope_cmd)
    app.command("assess")(assess_cmd)
    app.command("collectors")(collectors_cmd)
    app.command("validate")(validate_cmd)

