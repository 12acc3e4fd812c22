"""Evidence bundles: `psti bundle` makes one, `psti reverify` runs one again.

Exit codes of `reverify`: 0 every verdict matches; 1 a verdict differs (the table says
which and why); 2 a bad or tampered bundle (naming the member at fault); 3 an artefact
left out of the bundle is needed (give it with --artefact KIND=PATH).
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from psti.cli.core import schema_app
from psti.cli.output import escape, new_console, new_table, parse_date, progress_bar, stderr
from psti.errors import UsageError

if TYPE_CHECKING:
    from psti.bundle.reverify import Reverification


def bundle_cmd(
    declaration: Path = typer.Argument(..., metavar="PRODUCT.toml", help="Product declaration (TOML).",
                                       dir_okay=False),
    output: Path = typer.Option(..., "--output", "-o", metavar="NAME.pstib", dir_okay=False,
                                help="The bundle file to write."),
    key: Path = typer.Option(..., "--key", "-k", envvar="PSTI_SIGNING_KEY",
                             help="Ed25519 private key (PEM) to sign with; `psti keys new`."),
    from_assessment: Path | None = typer.Option(None, "--from-assessment", metavar="A.json", dir_okay=False,
                                                help="Bundle this saved assessment instead of assessing now."),
    exclude: list[str] = typer.Option(None, "--exclude-artefact", metavar="KIND",
                                      help="Keep only the SHA-256 and size of artefacts of this kind (repeatable)."),
    regime: str = typer.Option("uk-psti", "--regime", help="Regime to assess against."),
    on: str = typer.Option(None, "--on", help="Apply the law as it stood on this date (YYYY-MM-DD); default today."),
    collector: list[str] = typer.Option(None, "--collector", help="Run only these collectors (repeatable)."),
    crack_seconds: float = typer.Option(None, "--crack-seconds", help="Time allowed for cracking firmware hashes."),
    progress: bool = typer.Option(True, "--progress/--no-progress", help="Show progress on stderr."),
) -> None:
    """Make an evidence bundle: declaration, artefacts, assessment, regime data, signed (DSSE, in-toto)."""
    from psti.bundle.build import assess_and_bundle, bundle_sha256, make_bundle
    from psti.bundle.manifest import RunOptions
    from psti.cli.documents import _passphrase, load_assessment_file
    from psti.declaration import load_declaration
    from psti.documents import signing
    from psti.regime import library

    private = signing.load_private_key(key, _passphrase())
    if output.suffix != ".pstib":
        raise UsageError(f"--output {output}: a bundle's name ends in .pstib")
    lib = library()
    assessed_path = None
    if from_assessment is not None:
        if on or collector or crack_seconds is not None:
            raise UsageError("--from-assessment bundles a saved assessment: --on, --collector and --crack-seconds "
                             "do not apply")
        result = load_assessment_file(from_assessment)
        loaded = load_declaration(declaration.absolute())
        if result.product.declaration:
            assessed_path = Path(result.product.declaration)
        manifest = make_bundle(loaded, result, private, output, regimes=lib, run=RunOptions(recorded=False),
                               exclude_kinds=exclude or (), assessed_path=assessed_path)
    else:
        loaded = load_declaration(declaration.absolute())
        extra: dict[str, Any] = {} if crack_seconds is None else {"crack_deadline_s": crack_seconds}
        with progress_bar(progress) as update:
            manifest, result = assess_and_bundle(loaded, private, output, regimes=lib, regime=regime,
                                                 on=parse_date(on), collectors=collector or None, options=extra,
                                                 exclude_kinds=exclude or (), progress=update)
    left_out = [a for a in manifest.artefacts if a.excluded]
    stderr.print(f"wrote {output} ({output.stat().st_size:,} bytes, {len(manifest.members) + 2} members; "
                 f"{result.overall.value} under {', '.join(manifest.regime.versions) or manifest.regime.id} "
                 f"on {manifest.law_date})", highlight=False, soft_wrap=True)
    for a in left_out:
        stderr.print(f"left out {a.kind} {a.declared_path}: sha256 {a.sha256}, {a.size:,} bytes",
                     highlight=False, soft_wrap=True)
    typer.echo(f"sha256:{bundle_sha256(output)}")


def _parse_artefacts(values: list[str] | None) -> dict[str, list[Path]]:
    out: dict[str, list[Path]] = {}
    for v in values or []:
        kind, sep, path = v.partition("=")
        if not sep or not kind or not path:
            raise UsageError(f"--artefact {v!r}: give KIND=PATH (e.g. firmware=fw.bin)")
        out.setdefault(kind, []).append(Path(path))
    return out


def reverify_cmd(
    bundle: Path = typer.Argument(..., metavar="NAME.pstib", dir_okay=False),
    public_key: Path | None = typer.Option(None, "--public-key", "-p",
                                           help="The manufacturer's public key (PEM) to require."),
    artefact: list[str] = typer.Option(None, "--artefact", metavar="KIND=PATH",
                                       help="An artefact the bundle left out (repeatable)."),
    extract_to: Path | None = typer.Option(None, "--extract-to", file_okay=False,
                                           help="Keep the extracted bundle and the run here (an empty folder)."),
    on: str = typer.Option(None, "--today", metavar="YYYY-MM-DD",
                           help="The day whose law 'current law' means (default today)."),
    as_json: bool = typer.Option(False, "--json", help="Print the result as JSON on stdout."),
    progress: bool = typer.Option(False, "--progress/--no-progress", help="Show progress on stderr."),
) -> None:
    """Check a bundle's signature and hashes, run its assessment again and compare verdicts.

    Exit 0: every verdict is the same; 1: a verdict differs (the table says which and why);
    2: a bad or tampered bundle (the member at fault is named); 3: an artefact the bundle
    left out is needed (give it with --artefact KIND=PATH).
    """
    from psti.bundle.reverify import reverify
    from psti.documents import signing

    pub = signing.load_public_key(public_key) if public_key else None
    given = _parse_artefacts(artefact)
    today = parse_date(on, "--today")
    with progress_bar(progress) as update:
        if extract_to is not None:
            extract_to.mkdir(parents=True, exist_ok=True)
            if any(extract_to.iterdir()):
                raise UsageError(f"--extract-to {extract_to}: not empty; give an empty or new folder")
            result = reverify(bundle, extract_to, public_key=pub, artefacts=given, today=today, progress=update)
        else:
            with tempfile.TemporaryDirectory(prefix="psti-reverify-") as tmp:
                result = reverify(bundle, Path(tmp), public_key=pub, artefacts=given, today=today, progress=update)
    if as_json:
        from psti.bundle.reverify import reverification_json

        sys.stdout.write(json.dumps(reverification_json(result), indent=2, ensure_ascii=False) + "\n")
    else:
        _print(result)
    raise typer.Exit(result.exit_code)


def _print(r: Reverification) -> None:
    m = r.opened.manifest
    for what, _, detail in r.opened.checks:
        stderr.print(f"[green]ok[/]   {what}: {escape(detail)}", highlight=False, soft_wrap=True)
    where = "the bundle's copy" if r.regime_source == "bundle" else "installed, identical to the bundle's"
    stderr.print(f"re-ran under {', '.join(m.regime.versions)} ({where}) on the law of {m.law_date}",
                 highlight=False, soft_wrap=True)
    console = new_console()
    if r.same_hash:
        console.print(f"[green]match[/]: the assessment is the same, byte for byte "
                      f"(compared sha256 {m.assessment.compared_sha256[:16]}…); overall {r.rerun.overall.value}")
    elif not r.verdict_changes:
        console.print(f"[green]match[/]: every verdict is the same; overall {r.rerun.overall.value}")
    else:
        console.print(f"[bold red]differs[/]: {len(r.verdict_changes)} verdict(s) changed; overall "
                      f"{m.assessment.overall} -> {r.rerun.overall.value}")
    if r.changes:
        table = new_table("provision", "in the bundle", "re-run", "findings that changed", "why", title="differences")
        for c in r.changes:
            found = [f"- {t}" for t in c.lost] + [f"+ {t}" for t in c.gained]
            why = sorted({x.what for x in r.reasons_for(c)}) or ["unexplained"]
            table.add_row(escape(c.item), c.before, c.after, escape("\n".join(found) or "-"), ", ".join(why))
        console.print(table)
        if not r.reasons:
            console.print("why: no recorded input or tool differs; the collectors did not repeat themselves "
                          "on this input")
    for x in r.reasons:
        console.print(f"why: {x.what}: {escape(x.detail)}")
    for n in r.notes:
        console.print(f"note: {escape(n)}")
    if r.current_law is not None:
        now = ", ".join(r.current_versions) or "nothing in force"
        if not r.current_law:
            console.print(f"current law ({now}): no verdict would change")
        else:
            table = new_table("provision", "bundle's law", "current law", title=f"what the current law ({now}) "
                                                                                  "would change")
            for c in r.current_law:
                table.add_row(escape(c.item), c.before, c.after)
            console.print(table)


def bundle_schema_cmd() -> None:
    """JSON Schema of the bundle manifest (psti.bundle/1)."""
    from psti.bundle.manifest import shipped_schema

    sys.stdout.write(json.dumps(shipped_schema(), indent=2) + "\n")


def register(app: typer.Typer) -> None:
    app.command("bundle")(bundle_cmd)
    app.command("reverify")(reverify_cmd)
    schema_app.command("bundle")(bundle_schema_cmd)


def verify_bundle(path: Path, public_key: Path | None, as_json: bool) -> None:
    """`psti verify NAME.pstib`: the checks of a bundle that need no re-run, as for a statement."""
    from psti.bundle.archive import BadBundle
    from psti.bundle.reverify import open_bundle
    from psti.documents import signing

    pub = signing.load_public_key(public_key) if public_key else None
    try:
        checks = open_bundle(path, pub).checks
        ok = True
    except BadBundle as e:
        checks = [("bundle", False, str(e))]
        ok = False
    if as_json:
        typer.echo(json.dumps({"ok": ok, "checks": [{"check": c, "passed": p, "detail": d} for c, p, d in checks]},
                              indent=2))
    else:
        for what, passed, detail in checks:
            mark = "[green]ok[/]  " if passed else "[bold red]FAIL[/]"
            stderr.print(f"{mark} {what}: {escape(detail)}", highlight=False, soft_wrap=True)
        stderr.print("[green]bundle verified[/]" if ok else "[bold red]bundle NOT verified[/]")
    raise typer.Exit(0 if ok else 1)


def bundle_for_statement(path: Path) -> tuple[Any, Any]:
    """A checked bundle's reference (hash, file name) and its assessment, for `psti statement --bundle`."""
    from psti.bundle.build import bundle_sha256
    from psti.bundle.reverify import open_bundle
    from psti.documents.statement import BundleRef

    opened = open_bundle(path)
    return BundleRef(sha256=bundle_sha256(path), file=path.name), opened.assessment


def copy_beside(bundle: Path, folder: Path) -> Path:
    """The bundle copied into the statement's folder (as a whole or not at all), so `psti verify`
    finds it by the name the statement gives."""
    import os
    import shutil

    target = folder / bundle.name
    if target.exists() and target.resolve() == bundle.resolve():
        return target
    tmp = folder / f".{bundle.name}.tmp"
    shutil.copyfile(bundle, tmp)
    os.replace(tmp, target)
    return target
