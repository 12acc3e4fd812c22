"""A readable terminal report (rich markup)."""

from __future__ import annotations

from rich.markup import escape

from psti.model import Assessment, Effect, Verdict

STYLE = {
    Verdict.PASS: ("green", "PASS"),
    Verdict.FAIL: ("bold red", "FAIL"),
    Verdict.NEEDS_EVIDENCE: ("yellow", "NEEDS EVIDENCE"),
    Verdict.NOT_APPLICABLE: ("dim", "N/A"),
}
EFFECT_MARK = {
    Effect.FAIL: "[bold red]✗[/]",
    Effect.PASS: "[green]✓[/]",
    Effect.NEEDS_EVIDENCE: "[yellow]?[/]",
    Effect.NOT_APPLICABLE: "[dim]-[/]",
    Effect.INFO: "[blue]i[/]",
}


def badge(v: Verdict) -> str:
    style, text = STYLE[v]
    return f"[{style}]{text}[/]"


def render(a: Assessment) -> str:
    out: list[str] = []
    p = a.product
    head = f"[bold]{escape(p.name)}[/]"
    if p.model and p.model != p.name:
        head += f" ({escape(p.model)})"
    if p.manufacturer:
        head += f" — {escape(p.manufacturer)}"
    out.append(head)
    versions = escape(f"[{', '.join(a.regime_versions) or 'not in force'}]")
    out.append(f"regime {a.regime} {versions} on {a.assessed_on}")
    out.append(f"scope: [bold]{a.scope.outcome}[/] — {escape(a.scope.summary)}")
    for r in a.scope.reasons:
        out.append(f"  • {escape(r.text)} [dim]({escape(r.citation)})[/]")
    for q in a.scope.questions:
        out.append(f"  [yellow]?[/] {escape(q)}")
    out.append("")
    provisions = {p.provision: p for p in a.provisions}
    for req in a.requirements:
        cite = f"[dim]{req.requirement} · {escape(req.citation)}[/]"
        out.append(f"{badge(req.verdict)}  [bold]{escape(req.title)}[/] {cite}")
        out.append(f"      {escape(req.reason)}")
        for route in req.routes:
            out.append(f"      {badge(route.verdict)} route: {escape(route.title)} [dim]({escape(route.citation)})[/]")
            for pid in route.provisions:
                pv = provisions.get(pid)
                if pv is None:
                    continue
                out.append(f"          {badge(pv.verdict)} {pid} {escape(pv.title)}")
                if pv.verdict in (Verdict.FAIL, Verdict.NEEDS_EVIDENCE):
                    out.append(f"              {escape(pv.reason)}")
        out.append("")
    decisive = [f for f in a.findings if f.effect in (Effect.FAIL, Effect.NEEDS_EVIDENCE)]
    if decisive:
        out.append(f"[bold]Findings that need action ({len(decisive)})[/]")
        for f in decisive[:50]:
            where = f.location.describe()
            out.append(f"  {EFFECT_MARK[f.effect]} {f.kind}: {escape(f.message)}")
            if where:
                out.append(f"      [dim]at {escape(where)}[/]")
            if f.remediation:
                out.append(f"      [dim]fix: {escape(f.remediation)}[/]")
        if len(decisive) > 50:
            out.append(f"  … and {len(decisive) - 50} more (use --format json for all)")
        out.append("")
    out.append(f"evidence: {len(a.evidence)} item(s), findings: {len(a.findings)}")
    out.append(f"overall: {badge(a.overall)}")
    return "\n".join(out) + "\n"
