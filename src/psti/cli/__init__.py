"""The `psti` command line.

Each module in this package that defines `register(app)` adds its commands, so a new
command group is a new module. Library code never prints or exits; this layer does.
"""

from __future__ import annotations

import gc
import importlib
import pkgutil
import signal
import sys

import typer

from psti import __version__
from psti.cli import _help
from psti.cli.output import run_guarded

_help.install()


def _new_app() -> typer.Typer:
    return typer.Typer(
        name="psti",
        help="Evidence, assessments and statements for the UK connectable product security regime.",
        no_args_is_help=True,
        add_completion=False,
        pretty_exceptions_enable=False,
    )


app = _new_app()


def _version(value: bool) -> None:
    if value:
        typer.echo(f"psti {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Show the version."),
) -> None:
    """psti: the UK PSTI regime as tools."""


def _load_command_modules() -> None:
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        if info.name.startswith("_") or info.name == "output":
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        register = getattr(module, "register", None)
        if register is not None:
            register(app)


_load_command_modules()


def app_for(argv: list[str]) -> typer.Typer:
    """The app cut down to the one top-level command or group named in argv.

    Typer turns every registered command's signature into parser options on each run
    (about 0.1 s for psti's ~90 commands); a run needs only its own. Without a command
    name (help, --version) or with an unknown one, the whole app answers, so help and
    error messages list everything.
    """
    name = next((a for a in argv if not a.startswith("-")), None)
    if name is None:
        return app
    commands = [c for c in app.registered_commands
                if (c.name or (typer.main.get_command_name(c.callback.__name__) if c.callback else None)) == name]
    groups = [g for g in app.registered_groups if g.name == name]
    if not commands and not groups:
        return app
    pruned = _new_app()
    pruned.registered_callback = app.registered_callback
    pruned.registered_commands = commands
    pruned.registered_groups = groups
    return pruned


def main() -> None:
    # `kill` or `timeout` ends a command the way Ctrl-C does: its clean-up runs (work
    # directories removed, child processes stopped) and the exit code is 128 + signal.
    signal.signal(signal.SIGTERM, _terminated)
    code = run_guarded(app_for(sys.argv[1:]))
    exit_now(code)


def _terminated(signum: int, frame: object) -> None:
    raise SystemExit(128 + signum)


def exit_now(code: int) -> None:
    """End the process with `code`, without the collector walking every object first.

    The interpreter's teardown runs a full garbage collection over everything a command
    loaded (pydantic models, typer, the regime, a scan's results): ~0.3 s after
    `psti scan firmware`. Moving those objects to the permanent generation beforehand
    (`gc.freeze`) makes that collection skip them; exit handlers, `weakref.finalize`
    clean-ups and the flushing of stdout and stderr run as usual.
    """
    gc.freeze()
    sys.exit(code)
