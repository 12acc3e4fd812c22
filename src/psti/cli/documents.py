"""Commands that issue and check documents: statement, keys, verify, label, report, docs."""

from __future__ import annotations

import datetime as dt
import json
import os
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from psti.cli.output import stderr, write_atomically
from psti.errors import InputError, Problem, UsageError

if TYPE_CHECKING:
    from psti.model import Assessment

PASSPHRASE_ENV = "PSTI_KEY_PASSPHRASE"
MAX_ASSESSMENT_BYTES = 256 * 1024 * 1024  # far above any real assessment; refuses a runaway file


class ReportFormat(str, Enum):
    html = "html"
    pdf = "pdf"
    oscal = "oscal"
    sarif = "sarif"
    json = "json"
    terminal = "terminal"


def _passphrase() -> bytes | None:
    value = os.environ.get(PASSPHRASE_ENV)
    return value.encode("utf-8") if value else None


def load_assessment_file(path: Path) -> Assessment:
    from pydantic import ValidationError

    try:
        if path.stat().st_size > MAX_ASSESSMENT_BYTES:
            problem = Problem(f"too large for an assessment ({path.stat().st_size} bytes)", file=str(path))
            raise InputError([problem], "cannot read assessment")
        data = path.read_bytes()
    except OSError as e:
        raise InputError(
            [Problem(f"cannot read: {e.strerror or e}", file=str(path))], "cannot read assessment"
        ) from None
    try:
        from psti.model import Assessment

        return Assessment.model_validate_json(data)
    except ValidationError as e:
        problems = [
            Problem(err["msg"], path=".".join(str(p) for p in err["loc"]), file=str(path)) for err in e.errors()[:20]
        ]
        raise InputError(problems, "not a psti assessment (schema psti.assessment/1)") from None


def _assess(
    declaration: Path,
    assessment: Path | None,
    regime: str | None,
    on: dt.datetime | None,
    offline: bool,
    given: Assessment | None = None,
) -> tuple[Any, Assessment]:
    from psti.declaration import load_declaration

    loaded = load_declaration(declaration, check_artefacts=assessment is None and given is None)
    if given is not None:
        return loaded, given
    if assessment is not None:
        return loaded, load_assessment_file(assessment)
    from psti.assess import assess
    from psti.cli.output import progress_bar

    kwargs: dict[str, Any] = {"offline": offline, "on": on.date() if on else None}
    if regime:
        kwargs["regime"] = regime
    with progress_bar() as progress:
        result = assess(loaded, progress=progress, **kwargs)
    return loaded, result


_ASSESSMENT_OPT = typer.Option(
    None,
    "--assessment",
    help="Use this saved assessment (JSON) instead of assessing now.",
    exists=False,
    dir_okay=False,
)
_ON_OPT = typer.Option(None, "--on", formats=["%Y-%m-%d"], help="Assess the law as on this date.")
_OFFLINE_OPT = typer.Option(False, "--offline", help="Do not fetch published pages.")


def statement(
    declaration: Path = typer.Argument(..., help="Product declaration (TOML).", dir_okay=False),
    output: Path = typer.Option(..., "--output", "-o", help="Directory for the statement files.", file_okay=False),
    key: Path | None = typer.Option(
        None,
        "--key",
        "-k",
        envvar="PSTI_SIGNING_KEY",
        help="Ed25519 private key (PEM) to sign with; `psti keys new`.",
    ),
    draft: bool = typer.Option(False, "--draft", help="Issue a copy watermarked DRAFT, whatever the verdicts."),
    assessment: Path | None = _ASSESSMENT_OPT,
    regime: str | None = typer.Option(None, "--regime", help="Regime (default uk-psti)."),
    on: dt.datetime | None = _ON_OPT,
    offline: bool = _OFFLINE_OPT,
    no_pdf: bool = typer.Option(False, "--no-pdf", help="Skip the PDF copies."),
    bundle: Path | None = typer.Option(
        None, "--bundle", dir_okay=False, metavar="NAME.pstib",
        help="Rest the statement on this evidence bundle's assessment and name the bundle by its hash.",
    ),
) -> None:
    """Issue the statement of compliance (Schedule 4) as JSON, HTML and PDF, with a summary."""
    from psti.documents import publish, signing
    from psti.documents.statement import build_statement, sign_statement

    if key is None and not draft:
        raise UsageError("a statement must be signed: give --key KEY.pem (make one with `psti keys new`)")
    private = signing.load_private_key(key, _passphrase()) if key else None
    bundle_ref = None
    if bundle is not None:
        if assessment is not None:
            raise UsageError("--bundle brings its own assessment: give --bundle or --assessment, not both")
        from psti.cli.bundle import bundle_for_statement

        bundle_ref, from_bundle = bundle_for_statement(bundle)
        loaded, result = _assess(declaration, None, regime, on, offline, given=from_bundle)
    else:
        loaded, result = _assess(declaration, assessment, regime, on, offline)
    body = build_statement(loaded, result, draft=draft, assessment_file=publish.assessment_file_name(draft),
                           bundle=bundle_ref)
    signed = sign_statement(body, private)
    paths = publish.statement_outputs(signed, result, pdf=not no_pdf).write(output)
    if bundle is not None:
        from psti.cli.bundle import copy_beside

        paths.append(copy_beside(bundle, output))
    for p in paths:
        stderr.print(f"wrote {p}", highlight=False, soft_wrap=True)
    if body.statement_duty_deemed_met:
        stderr.print(f"note: {body.statement_duty_deemed_met}", highlight=False, soft_wrap=True)
    what = "DRAFT statement" if draft else "statement of compliance"
    stderr.print(
        f"{what} {body.id} for {body.product.name} ({body.product.model}); "
        f"keep until {body.retention_until.isoformat()}",
        highlight=False,
    )


keys_app = typer.Typer(help="Signing keys for statements of compliance.", no_args_is_help=True)


@keys_app.command("new")
def keys_new(
    output: Path = typer.Option(
        Path("psti-signing-key.pem"),
        "--output",
        "-o",
        help="Private key file to create; the public key goes beside it as .pub.",
    ),
) -> None:
    """Make an Ed25519 key pair (PEM). Set PSTI_KEY_PASSPHRASE to encrypt the private key."""
    from psti.documents import signing

    # A key lands only in a folder that exists: a mistyped path must not grow a directory
    # tree that then holds a private key nobody looks for.
    folder = output.parent
    if not folder.is_dir():
        what = "is not a folder" if folder.exists() else "does not exist"
        raise UsageError(f"{output}: the folder {folder} {what}; create it first or choose another --output")
    pair = signing.new_key(_passphrase())
    pub = signing.write_key_pair(pair, output)
    stderr.print(f"wrote {output} (private, mode 0600) and {pub} (public)", highlight=False, soft_wrap=True)
    typer.echo(pair.fingerprint)


def verify(
    statement_file: Path = typer.Argument(..., metavar="STATEMENT.json|NAME.pstib", dir_okay=False),
    public_key: Path | None = typer.Option(
        None, "--public-key", "-p", help="The manufacturer's public key (PEM) to require."
    ),
    assessment: Path | None = typer.Option(
        None,
        "--assessment",
        help="Assessment file to check the hash against (default: the one named in the statement, if beside it).",
    ),
    as_json: bool = typer.Option(False, "--json", help="Print the checks as JSON."),
) -> None:
    """Check a statement's signature, required fields and the hash of its assessment (or an
    evidence bundle's signature and hashes: NAME.pstib)."""
    from psti.documents import signing

    if statement_file.suffix.lower() == ".pstib":
        from psti.cli.bundle import verify_bundle

        verify_bundle(statement_file, public_key, as_json)
    from psti.documents.statement import read_statement_json, verify_statement
    from psti.errors import PstiError
    from psti.regime import library

    pub = signing.load_public_key(public_key) if public_key else None
    data = read_statement_json(statement_file)
    a_bytes = None
    a_path = assessment
    if a_path is None:
        named = (data.get("statement") or {}).get("assessment", {}) if isinstance(data.get("statement"), dict) else {}
        name = named.get("file") if isinstance(named, dict) else None
        if isinstance(name, str) and name and Path(name).name == name:
            candidate = statement_file.parent / name
            a_path = candidate if candidate.is_file() else None
    if a_path is not None:
        from psti.inputfile import read_regular

        try:
            a_bytes = read_regular(a_path, MAX_ASSESSMENT_BYTES)
        except OSError as e:
            raise InputError(
                [Problem(f"cannot read: {e.strerror or e}", file=str(a_path))],
                "cannot read assessment",
            ) from None
    view = None
    body = data.get("statement")
    if isinstance(body, dict):
        try:
            on = dt.date.fromisoformat(str(body.get("issued_on")))
            view = library().view(str(body.get("regime")), on)
        except (ValueError, PstiError):
            view = None  # unknown regime here: the statement's own field list is checked
    bundle_sha = None
    named_bundle = body.get("bundle") if isinstance(body, dict) else None
    bundle_name = named_bundle.get("file") if isinstance(named_bundle, dict) else None
    if isinstance(bundle_name, str) and bundle_name and Path(bundle_name).name == bundle_name:
        candidate = statement_file.parent / bundle_name
        if candidate.is_file():
            from psti.bundle.build import bundle_sha256

            bundle_sha = bundle_sha256(candidate)
    result = verify_statement(data, public_key=pub, assessment_bytes=a_bytes, view=view, bundle_sha256=bundle_sha)
    if isinstance(named_bundle, dict) and bundle_sha is None:
        result.checks.append(("bundle hash", True, "not checked: the bundle the statement names is not beside it"))
    if a_path is None:
        result.checks.append(("assessment hash", True, "not checked: no assessment file given or found"))
    if as_json:
        typer.echo(
            json.dumps(
                {
                    "ok": result.ok,
                    "checks": [{"check": c, "passed": ok, "detail": d} for c, ok, d in result.checks],
                },
                indent=2,
            )
        )
    else:
        for what, ok, detail in result.checks:
            mark = "[green]ok[/]  " if ok else "[bold red]FAIL[/]"
            stderr.print(f"{mark} {what}: {detail}", highlight=False, soft_wrap=True)
        verdict = "[green]statement verified[/]" if result.ok else "[bold red]statement NOT verified[/]"
        stderr.print(verdict)
    raise typer.Exit(0 if result.ok else 1)


def label(
    source: Path = typer.Argument(..., metavar="STATEMENT.json|PRODUCT.toml", dir_okay=False),
    output: Path = typer.Option(..., "--output", "-o", file_okay=False, help="Directory for label.svg and label.png."),
    assessment: Path | None = _ASSESSMENT_OPT,
    offline: bool = _OFFLINE_OPT,
    scale: int = typer.Option(2, "--scale", min=1, max=8, help="PNG pixels per SVG unit."),
) -> None:
    """Make the consumer label (SVG and PNG) from an issued statement or a declaration."""
    from psti.documents.label import LabelData, label_from_assessment, render_png, render_svg
    from psti.documents.statement import SignedStatement, read_statement_json

    if source.suffix.lower() == ".json":
        from pydantic import ValidationError

        try:
            st = SignedStatement.model_validate(read_statement_json(source)).statement
        except ValidationError as e:
            raise InputError(
                [Problem(f"not a psti statement: {e.errors()[0]['msg']}", file=str(source))],
                "cannot make a label",
            ) from None
        verdicts = {r.id: r.verdict.value for r in st.requirements}
        data = LabelData(
            product=f"{st.product.name} ({st.product.model})",
            passwords_ok=verdicts.get("PSTI-S1-1") in ("pass", "not-applicable"),
            reporting_ok=verdicts.get("PSTI-S1-2") == "pass",
            updates_until=st.support_period_end,
            url=st.online_url,
            draft=st.draft,
        )
    else:
        loaded, result = _assess(source, assessment, None, None, offline)
        d = loaded.declaration
        data = label_from_assessment(result, d.support_period.end_date, d.statement.online_url)
    stem = "draft-label" if data.draft else "label"
    svg, png = render_svg(data), render_png(data, scale)
    write_atomically(output / f"{stem}.svg", svg)
    write_atomically(output / f"{stem}.png", png)
    stderr.print(f"wrote {output / (stem + '.svg')} and {output / (stem + '.png')}", highlight=False)


def report(
    source: Path = typer.Argument(..., metavar="PRODUCT.toml|ASSESSMENT.json", dir_okay=False),
    fmt: ReportFormat = typer.Option(ReportFormat.html, "--format", "-f"),
    output: Path | None = typer.Option(
        None,
        "--output",
        "-o",
        dir_okay=False,
        help="File to write (stdout if omitted; PDF needs a file).",
    ),
    assessment: Path | None = _ASSESSMENT_OPT,
    regime: str | None = typer.Option(None, "--regime"),
    on: dt.datetime | None = _ON_OPT,
    offline: bool = _OFFLINE_OPT,
    all_results: bool = typer.Option(
        False, "--all-results", help="SARIF: also the passing, not-applicable and informational results."
    ),
    oscal_dir: Path | None = typer.Option(
        None,
        "--oscal-dir",
        file_okay=False,
        help="OSCAL: write catalog, profile, SSP, assessment plan and results here, each naming the next.",
    ),
) -> None:
    """Render an assessment report: HTML, PDF, OSCAL assessment-results, SARIF or JSON."""
    from psti.render import render_bytes_or_text

    if oscal_dir is not None and (fmt is not ReportFormat.oscal or output is not None):
        raise UsageError("--oscal-dir goes with --format oscal and without --output")
    if source.suffix.lower() == ".json":
        result = load_assessment_file(source)
    else:
        _, result = _assess(source, assessment, regime, on, offline)
    if oscal_dir is not None:
        from psti.render import oscal

        try:
            oscal_dir.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            raise UsageError(f"--oscal-dir {oscal_dir}: cannot create it: {e.strerror or e}") from None
        for name, document in oscal.bundle(result).items():
            write_atomically(oscal_dir / name, oscal.dumps(document))
        stderr.print(f"wrote {len(oscal.FILES)} OSCAL documents in {oscal_dir}", highlight=False, soft_wrap=True)
        raise typer.Exit(result.exit_code())
    out = render_bytes_or_text(result, fmt.value, all_results=all_results and fmt is ReportFormat.sarif)
    if fmt is ReportFormat.terminal and isinstance(out, str):
        # The terminal renderer writes rich markup: styled on a terminal, plain text elsewhere.
        from rich.text import Text

        from psti.cli.output import new_console

        if output is None:
            new_console(soft_wrap=False).print(out, end="")
            raise typer.Exit(result.exit_code())
        out = Text.from_markup(out).plain
    if output is None:
        if isinstance(out, bytes):
            raise UsageError(f"format {fmt.value} is binary: write it to a file with --output")
        typer.echo(out, nl=not out.endswith("\n"))
    else:
        write_atomically(output, out)
        stderr.print(f"wrote {output}", highlight=False, soft_wrap=True)
    raise typer.Exit(result.exit_code())


docs_app = typer.Typer(help="Documentation generated from the regime data and the code.", no_args_is_help=True)


@docs_app.command("build")
def docs_build(
    output: Path = typer.Option(Path("docs"), "--output", "-o", file_okay=False),
    on: dt.datetime | None = typer.Option(
        None, "--on", formats=["%Y-%m-%d"], help="Document the law as on this date (default today)."
    ),
) -> None:
    """Write one page per provision (docs/provisions/) and per finding kind (docs/findings/)."""
    from psti.documents.docs_gen import build

    written = build(output, on.date() if on else None)
    stderr.print(f"wrote {len(written)} pages under {output}", highlight=False, soft_wrap=True)


def register(app: typer.Typer) -> None:
    app.command("statement")(statement)
    app.command("verify")(verify)
    app.command("label")(label)
    app.command("report")(report)
    app.add_typer(keys_app, name="keys")
    app.add_typer(docs_app, name="docs")
