"""`psti scan firmware IMAGE`: passwords, keys and login services in a firmware image."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import typer

from psti.cli.output import Format, emit_assessment, progress_bar, stderr
from psti.errors import ArtefactError

if TYPE_CHECKING:
    from psti.declaration import LoadedDeclaration
    from psti.evidence.firmware.examine import ImageScan, ScanOptions
    from psti.model import ScopeDecision


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
) -> None:
    """Find universal, empty and guessable passwords, private keys and open login services."""
    from psti.evidence.firmware.examine import ScanOptions, examine, product_words
    from psti.evidence.firmware.extract import WorkDirectory

    if not image.exists():
        raise ArtefactError(f"{image}: no such firmware image or directory")
    factory = None
    words: tuple[str, ...] = ()
    loaded = scope = None
    if declaration is not None:  # read first: a mistake in it is reported before a long scan
        from psti.declaration import load_declaration
        from psti.regime import library
        from psti.scope import SCOPE_REGIME, decide_scope

        loaded = load_declaration(declaration, check_artefacts=False)
        factory = loaded.declaration.passwords.factory_provisioned
        words = product_words(loaded.declaration)
        scope = decide_scope(loaded.declaration, library().view(SCOPE_REGIME, None))
    workspace = WorkDirectory(keep, work_dir, background=True)
    opts = ScanOptions(keep=keep, workers=workers, factory_provisioned=factory, crack_deadline_s=deadline,
                       product_words=words, meanwhile=_prepare_assessment, files_done=workspace.release)
    try:
        with progress_bar(progress) as update, workspace as wd:
            found = examine(image, wd, opts, update, "firmware-1")
            if keep:
                stderr.print(f"extracted files kept in {wd}")
        code = _assess_and_report(found, opts, image, loaded, scope, regime, fmt, output)
    finally:
        workspace.wait()  # the extracted files are removed while hashes are checked and the report written
    raise typer.Exit(code)


def _assess_and_report(
    found: ImageScan,
    opts: ScanOptions,
    image: Path,
    loaded: LoadedDeclaration | None,
    scope: ScopeDecision | None,
    regime: str,
    fmt: Format,
    output: Path | None,
) -> int:
    """Findings from the scan, assessed against the regime; the report written; its exit code."""
    from psti.engine import assess_evidence, product_ref
    from psti.evidence.firmware.collector import to_result
    from psti.model import ProductRef

    if loaded is None:
        product = ProductRef(name=image.name, model="(not declared)", manufacturer="(not declared)")
    else:
        product = product_ref(loaded)
    assessment = assess_evidence(to_result(found, opts), product, regime=regime, scope=scope)
    return emit_assessment(assessment, fmt, output)


def _prepare_assessment() -> None:
    """Load what the assessment needs (the model, the engine, the regime library) while
    the extractor, a separate process, unpacks the image."""
    import psti.engine  # noqa: F401
    import psti.evidence.firmware.collector  # noqa: F401
    from psti.regime import library

    library()


def register(app: typer.Typer) -> None:
    scan_group(app).command("firmware")(scan_firmware)
