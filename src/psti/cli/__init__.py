"""The `psti` command line.

Each module in this package that defines `register(app)` adds its commands, so a new
command group is a new module. Library code never prints or exits; this layer does.
"""

from __future__ import annotations

import importlib
import pkgutil
import sys

import typer

from psti import __version__
from psti.cli.output import run_guarded

app = typer.Typer(
    name="psti",
    help="Evidence, assessments and statements for the UK connectable product security regime.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


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


def main() -> None:
    sys.exit(run_guarded(app))
