"""Shared CLI plumbing: error handling, output formats, progress, exit codes.

`write_atomically` is `psti.files.write_atomically`, named here for the command modules.
"""

from __future__ import annotations

import datetime as dt
import enum
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from psti.errors import PstiError, UsageError
from psti.files import write_atomically

# A crash must not look like a verdict: 1 means "a requirement fails" to a pipeline.
INTERNAL_ERROR_EXIT = 4

if TYPE_CHECKING:  # rich and the model cost start-up time: they are loaded when first used
    from rich.console import Console
    from rich.table import Table

    from psti.model import Assessment


class LazyConsole:
    """A rich Console made on first use, so commands that print nothing do not load rich."""

    def __init__(self, stderr: bool = False) -> None:
        self._stderr = stderr
        self._console: Console | None = None

    def unwrap(self) -> Console:
        if self._console is None:
            self._console = new_console(stderr=self._stderr)
        return self._console

    def __getattr__(self, name: str) -> Any:
        return getattr(self.unwrap(), name)


stderr = LazyConsole(stderr=True)


# Output read by a program (a pipe, a file, `grep`) is laid out this wide: rich would
# otherwise assume 80 columns and cut values short with "…" or wrap them mid-word.
PIPE_WIDTH = 1_000_000


def new_console(stderr: bool = False, **options: Any) -> Console:
    """A console for stdout (or stderr); full-width lines when it is not a terminal."""
    from rich.console import Console

    console = Console(stderr=stderr, **options)
    if "width" not in options and not console.is_terminal:
        console.width = PIPE_WIDTH
    return console


def new_table(*headers: str, **options: Any) -> Table:
    """A table for stdout; when stdout is not a terminal it takes its natural width."""
    from rich.table import Table

    if not stdout_is_terminal():
        options["expand"] = False
    return Table(*headers, **options)


def stdout_is_terminal() -> bool:
    try:
        return sys.stdout.isatty()
    except (AttributeError, ValueError):  # replaced or closed stdout
        return False


def escape(text: str) -> str:
    """Text made safe to print with rich markup."""
    from rich.markup import escape as rich_escape

    return rich_escape(text)


class Format(str, enum.Enum):
    terminal = "terminal"
    json = "json"
    sarif = "sarif"
    html = "html"


def run_guarded(app: typer.Typer) -> int:
    """Run the typer app; PstiError becomes a message and exit 2, anything unexpected one
    line and exit 4 (`report_internal_error`), never a traceback."""
    try:
        # Without standalone mode, click returns the code of a typer.Exit instead of raising.
        rv = app(standalone_mode=False)
    except PstiError as e:
        stderr.print(f"[bold red]error:[/] {escape(str(e))}", highlight=False, soft_wrap=True)
        return e.exit_code
    except typer.Exit as e:
        return int(e.exit_code or 0)
    except typer.Abort:
        stderr.print("aborted")
        return 130
    except KeyboardInterrupt:
        stderr.print("interrupted")
        return 130
    except SystemExit as e:
        return int(e.code or 0) if not isinstance(e.code, str) else 2
    except Exception as e:
        # Usage errors from the command-line parser (typer's bundled click, or click itself).
        show = getattr(e, "show", None)
        if callable(show) and hasattr(e, "exit_code"):
            show()
            return 2
        return report_internal_error(e)
    return rv if isinstance(rv, int) else 0


def report_internal_error(e: BaseException) -> int:
    """One line saying psti failed (not the input), and where; exit code 4, never 1."""
    import traceback

    frames = traceback.extract_tb(e.__traceback__)
    where = ""
    if frames:
        last = frames[-1]
        where = f" at {Path(last.filename).name}:{last.lineno} in {last.name}"
    what = str(e).splitlines()[0][:300] if str(e).strip() else ""
    message = f"{type(e).__name__}: {what}" if what else type(e).__name__
    try:
        sys.stderr.write(f"internal error: {message}{where} (please report)\n")
        sys.stderr.flush()
    except (OSError, ValueError):
        pass
    return INTERNAL_ERROR_EXIT


ALL_RESULTS_HELP = "SARIF: also the passing, not-applicable and informational results (default: only those to act on)."


def emit_assessment(assessment: Assessment, fmt: Format, output: Path | None = None, all_results: bool = False) -> int:
    """Render an assessment to stdout or a file and return the exit code for it."""
    from psti.render import render

    text = render(assessment, fmt.value, all_results=all_results and fmt is Format.sarif)
    if output is None:
        if fmt is Format.terminal:
            new_console(soft_wrap=False).print(text, end="")
        else:
            sys.stdout.write(text if text.endswith("\n") else text + "\n")
    else:
        write_atomically(output, text)
        stderr.print(f"wrote {output}")
    return assessment.exit_code()


@contextmanager
def progress_bar(enabled: bool = True) -> Iterator[Callable[[str, float, float | None], None]]:
    """A progress callback (description, completed, total) drawn on stderr."""
    if not enabled:
        yield lambda d, c, t: None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskID, TextColumn, TimeElapsedColumn

    tasks: dict[str, TaskID] = {}
    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=stderr.unwrap(),
        transient=True,
    ) as progress:

        def update(description: str, completed: float, total: float | None) -> None:
            if description not in tasks:
                tasks[description] = progress.add_task(description, total=total)
            progress.update(tasks[description], completed=completed, total=total)

        yield update


def parse_date(value: str | None, option: str = "--on") -> dt.date | None:
    """A YYYY-MM-DD option value, or a usage error naming the option."""
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise UsageError(f"{option} {value!r} is not a date: give it as YYYY-MM-DD") from None


def fail(message: str, code: int = 2) -> Any:
    stderr.print(f"[bold red]error:[/] {escape(message)}", highlight=False)
    raise typer.Exit(code)
