"""`psti scan firmware IMAGE`: passwords, keys and login services in a firmware image.

Imports of the library are inside the command: every `psti` command loads this module
to register itself, and the assessment model and collectors cost start-up time.
"""

from __future__ import annotations

import contextlib
import importlib
import threading
from pathlib import Path

import typer

from psti.cli.output import ALL_RESULTS_HELP, Format, emit_assessment, progress_bar, stderr
from psti.errors import ArtefactError


def scan_group(app: typer.Typer) -> typer.Typer:
    """The shared `psti scan` group: reuse it if another module made it, else add it."""
    for info in app.registered_groups:
        if info.name == "scan" and info.typer_instance is not None:
            return info.typer_instance
    group = typer.Typer(help="Examine one artefact without a declaration.", no_args_is_help=True)
    app.add_typer(group, name="scan")
    return group


def scan_firmware(
    image: Path = typer.Argument(..., help="Firmware image file, or an extracted root file system."),
    fmt: Format = typer.Option(Format.terminal, "--format", help="terminal, json, sarif or html."),
    output: Path = typer.Option(None, "--output", "-o", help="Write the report here."),
    keep: bool = typer.Option(False, "--keep", help="Keep the extracted files (path on stderr)."),
    work_dir: Path = typer.Option(None, "--work-dir", help="Extract under this folder."),
    declaration: Path = typer.Option(
        None, "--declaration", help="Product declaration (TOML): product name, factory provisioning."
    ),
    regime: str = typer.Option("uk-psti", "--regime", help="Regime to assess against."),
    deadline: float = typer.Option(300.0, "--crack-seconds", help="Time budget for hash checking."),
    workers: int = typer.Option(
        None, "--workers", min=1, help="Processes for the file and hash checks (default: one per core)."
    ),
    progress: bool = typer.Option(True, "--progress/--no-progress", help="Show progress on stderr."),
    all_results: bool = typer.Option(False, "--all-results", help=ALL_RESULTS_HELP),
    mask_secrets: bool = typer.Option(
        False, "--mask-secrets", help="Show found passwords masked (ab****yz) instead of in clear."
    ),
) -> None:
    """Find universal, empty and guessable passwords, private keys and open login services."""
    from psti.assess import Artefacts, AssessOptions, assess
    from psti.evidence.firmware.extract import WorkDirectory

    if not image.exists():
        raise ArtefactError(f"{image}: no such firmware image or directory")
    loaded = None
    if declaration is not None:  # read first: a mistake in it is reported before a long scan
        from psti.declaration import load_declaration

        loaded = load_declaration(declaration, check_artefacts=False)
    warm = _warm_up(fmt)
    workspace = WorkDirectory(keep, work_dir, background=True)
    subject = Artefacts.one("rootfs" if image.is_dir() else "firmware", image, about=loaded)
    try:
        with progress_bar(progress) as update, workspace as wd:
            options = AssessOptions(regime=regime, collectors=("firmware",), progress=update, work_dir=wd,
                                    options={"keep": keep, "workers": workers, "crack_deadline_s": deadline,
                                             "mask_secrets": mask_secrets})
            assessment = assess(subject, options)
            if keep:
                stderr.print(f"extracted files kept in {wd}")
        # the extracted files are being removed (a background thread) while the report is written
        warm.join()
        code = emit_assessment(assessment, fmt, output, all_results)
    finally:
        workspace.wait()
    raise typer.Exit(code)


def _warm_up(fmt: Format) -> threading.Thread:
    """Load the renderer while the image is extracted (the extractor is a separate
    process): the report is written as soon as the assessment is done."""

    def load() -> None:
        with contextlib.suppress(ImportError):  # an unknown format is reported when the report is written
            importlib.import_module(f"psti.render.{fmt.value}")

    thread = threading.Thread(target=load, name="psti-warm-up", daemon=True)
    thread.start()
    return thread


def register(app: typer.Typer) -> None:
    scan_group(app).command("firmware")(scan_firmware)
