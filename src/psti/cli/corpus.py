"""`psti corpus`: the default-credential corpus shipped with psti."""

from __future__ import annotations

from pathlib import Path

import typer

from psti.cli.output import new_console, new_table

corpus_app = typer.Typer(help="The default-credential corpus.", no_args_is_help=True)


@corpus_app.command("stats")
def stats() -> None:
    """Size of the corpus and where its rows come from, with licences."""
    from psti.corpus import load_corpus

    c = load_corpus()
    console = new_console()
    console.print(
        f"{len(c.entries):,} distinct username/password pairs, "
        f"{len({e.password for e in c.entries}):,} distinct passwords, "
        f"{len({v for e in c.entries for v in e.vendors}):,} vendors; "
        f"{len(c.common):,} common passwords; {len(c.candidates()):,} candidates in all"
    )
    table = new_table("source", "licence", "rows read", "pairs", "upstream", "version")
    for s in c.manifest["sources"]:
        pairs = sum(1 for e in c.entries if s["id"] in e.sources)
        table.add_row(s["id"], s["licence"], f"{s['rows_read']:,}", f"{pairs:,}", s["upstream"], s["version"][:12])
    cp = c.manifest["common_passwords"]
    table.add_row("common passwords", cp["licence"], f"{len(c.common):,}", "-", cp["upstream"], "")
    console.print(table)
    for name, why in c.manifest.get("excluded", {}).items():
        console.print(f"not shipped: {name} ({why})")


@corpus_app.command("build")
def build_cmd(
    source: Path = typer.Option(..., "--from", help="Folder laid out like shared/data/default-credentials."),
    out: Path = typer.Option(None, "--out", help="Write here instead of the installed package data."),
) -> None:
    """Rebuild the corpus from the public lists (licensed sources only)."""
    from psti.corpus.build import DATA, build

    report = build(source, out or DATA)
    console = new_console(stderr=True)
    console.print(f"wrote {report.entries:,} pairs to {report.out_dir}")
    for sid, n in report.sources.items():
        console.print(f"  {sid}: {n:,} rows read")
    if report.common is None:
        console.print("common-password list kept as is (install `zxcvbn` to rebuild it)")
    else:
        console.print(f"  common passwords: {report.common:,}")


def register(app: typer.Typer) -> None:
    app.add_typer(corpus_app, name="corpus")
