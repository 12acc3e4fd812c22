"""`psti corpus`: the default-credential corpus shipped with psti."""

from __future__ import annotations

from pathlib import Path

import typer

from psti.cli.output import new_console, new_table

corpus_app = typer.Typer(help="The default-credential corpus.", no_args_is_help=True)


@corpus_app.command("stats")
def stats(
    vendors: int = typer.Option(15, "--vendors", min=0, help="How many vendors to list, most pairs first."),
    vendor: str = typer.Option(None, "--vendor", help="List one vendor's pairs with the sources of each."),
) -> None:
    """Size of the corpus and where its rows come from: by source (with licences) and by vendor."""
    from psti.corpus import CorpusEntry, load_corpus
    from psti.corpus.build import vendor_default_rows

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
    by_vendor: dict[str, list[CorpusEntry]] = {}
    for e in c.entries:
        for v in e.vendors or ("(no vendor given)",):
            by_vendor.setdefault(v, []).append(e)
    if vendors:
        vt = new_table("vendor", "pairs", "sources")
        for v, entries in sorted(by_vendor.items(), key=lambda kv: (-len(kv[1]), kv[0]))[:vendors]:
            vt.add_row(v, f"{len(entries):,}", ", ".join(sorted({s for e in entries for s in e.sources})))
        console.print(vt)
    if vendor is not None:
        entries = by_vendor.get(vendor.lower().strip(), [])
        if not entries:
            raise typer.BadParameter(f"no vendor {vendor!r} in the corpus (see the vendor table)",
                                     param_hint="--vendor")
        cited = {(r["username"], "" if r["password"] == "<blank>" else r["password"]): r["evidence"]
                 for r in vendor_default_rows() if r["vendor"] == vendor.lower().strip()}
        pt = new_table("username", "password", "sources", "evidence")
        for e in sorted(entries, key=lambda e: (e.username, e.password)):
            where = cited.get((e.username, e.password), "")
            pt.add_row(e.username, e.password or "(blank)", ", ".join(e.sources), where)
        console.print(pt)
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
