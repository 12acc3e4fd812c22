"""`psti survey PATH`: market surveillance over many products, locally or on Dask.

Library imports are inside the command: every `psti` command loads this module to
register itself, and the survey loads the assessment pipeline and every collector.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path

import typer

from psti.cli.output import new_console, new_table


class SurveyFmt(StrEnum):
    terminal = "terminal"
    json = "json"


@contextmanager
def _progress(enabled: bool) -> Iterator[Callable[[str, float, float | None], None]]:
    """A bar on a terminal; elsewhere (a CI log, a batch job) plain lines on stderr, one
    for every twentieth of the items and the last."""
    from psti.cli.output import progress_bar

    if not enabled or sys.stderr.isatty():
        with progress_bar(enabled) as tick:
            yield tick
        return
    start = time.monotonic()
    shown = {"step": -1}

    def line(description: str, completed: float, total: float | None) -> None:
        if not total:
            return
        step = int(completed * 20 // total)
        if step == shown["step"] and completed < total:
            return
        shown["step"] = step
        sys.stderr.write(
            f"{description}: {int(completed)}/{int(total)} items ({completed / total:.0%}), "
            f"{time.monotonic() - start:.1f}s\n"
        )
        sys.stderr.flush()

    yield line


def register(app: typer.Typer) -> None:
    app.command("survey")(survey)


def survey(
    path: Path = typer.Argument(
        ...,
        help="A folder of products (declarations with their artefacts, firmware images, assessments) "
        "or a manifest listing them (one path, manufacturer domain or security.txt URL per line, or JSON).",
    ),
    scheduler: str | None = typer.Option(
        None,
        "--scheduler",
        help="Dask scheduler address, tcp://host:port. Default: a local process pool.",
    ),
    fmt: SurveyFmt = typer.Option(SurveyFmt.terminal, "--format"),
    workers: int | None = typer.Option(
        None, "--workers", min=1, help="Local pool size (default: CPU count; 1 = one at a time)."
    ),
    screen: bool = typer.Option(
        False,
        "--screen",
        help="Quick sweep: run the firmware collector on each image under tighter extraction bounds "
        "(256 MiB, 20,000 files, 60 s).",
    ),
    allow_private: bool = typer.Option(
        False, "--allow-private", help="Let domain/URL items fetch private and loopback addresses."
    ),
    ca_bundle: Path | None = typer.Option(None, "--ca-bundle", help="CA certificates for https fetches."),
    open_cases: bool = typer.Option(False, "--open-cases", help="Open a draft case for each failing product."),
    database: str | None = typer.Option(None, "--database", help="Case database URL (with --open-cases)."),
    who: str | None = typer.Option(None, "--who"),
    output: Path | None = typer.Option(None, "--output", "-o", help="Write the report to a file."),
    progress: bool = typer.Option(True, "--progress/--no-progress"),
) -> None:
    """Assess many products at once; exit 1 when any product fails, 2 when an item cannot be read."""
    from psti.cli.output import write_atomically
    from psti.enforcement.survey import SCREEN, discover, run_survey, with_web_options

    items = discover(path, SCREEN if screen else None)
    items = with_web_options(items, allow_private=allow_private, ca_bundle=str(ca_bundle) if ca_bundle else None)
    with _progress(progress) as tick:
        report = run_survey(items, scheduler=scheduler, workers=workers, progress=tick)
    data = report.to_dict()
    if open_cases:
        from psti.cli.enforce import _service, _who

        with _service(database) as svc:
            opened = svc.open_drafts(report.results, who=_who(who))
            data["opened_cases"] = [c.reference for c in opened]
    if fmt is SurveyFmt.json:
        text = json.dumps(data, indent=2, default=str) + "\n"
        if output:
            write_atomically(output, text)
        else:
            sys.stdout.write(text)
    else:
        console = new_console()
        t = new_table(
            "item",
            "kind",
            "verdict",
            "summary",
            title=f"survey of {len(items)} item(s), {report.mode}",
        )
        for r in report.results:
            colour = {"fail": "red", "pass": "green", "error": "magenta"}.get(r["verdict"], "yellow")
            t.add_row(
                r["item"],
                r["kind"],
                f"[{colour}]{r['verdict']}[/]",
                r.get("summary") or r.get("error") or "",
            )
        console.print(t)
        counts = ", ".join(f"{v} {k}" for k, v in sorted(report.counts.items()))
        console.print(f"{len(items)} item(s) in {report.seconds:.1f}s: {counts}")
        if open_cases:
            console.print(f"opened draft case(s): {', '.join(data['opened_cases']) or 'none'}")
        if output:
            write_atomically(output, json.dumps(data, indent=2, default=str) + "\n")
    errors = any(r["verdict"] == "error" for r in report.results)
    raise typer.Exit(1 if report.failed else 2 if errors else 0)
