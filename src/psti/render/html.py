"""Single-file HTML report: findings grouped by requirement, a chart of verdicts,
evidence with locations, and advice per finding kind. No scripts, no external files."""

from __future__ import annotations

from dataclasses import dataclass, field

from psti.documents.statement import assessment_sha256
from psti.documents.templating import render_template
from psti.kinds import FindingKind
from psti.model import Assessment, Finding, ProvisionVerdict, Verdict

VERDICT_ORDER = (Verdict.PASS, Verdict.FAIL, Verdict.NEEDS_EVIDENCE, Verdict.NOT_APPLICABLE)
COLOURS = {
    Verdict.PASS: "#1b7f3b",
    Verdict.FAIL: "#b3261e",
    Verdict.NEEDS_EVIDENCE: "#b26a00",
    Verdict.NOT_APPLICABLE: "#6b7280",
}


@dataclass
class ProvisionBlock:
    pv: ProvisionVerdict
    findings: list[Finding]


@dataclass
class Group:
    id: str
    title: str
    verdict: Verdict | None
    provisions: list[ProvisionBlock] = field(default_factory=list)


def group_findings(a: Assessment) -> tuple[list[Group], list[Finding]]:
    by_id = {pv.provision: pv for pv in a.provisions}
    used_prov: set[str] = set()
    used_find: set[int] = set()
    groups = []

    def block(pid: str) -> ProvisionBlock | None:
        pv = by_id.get(pid)
        if pv is None or pid in used_prov:
            return None
        used_prov.add(pid)
        used_find.update(pv.findings)
        return ProvisionBlock(pv, [a.findings[i] for i in pv.findings if 0 <= i < len(a.findings)])

    for req in a.requirements:
        g = Group(req.requirement, req.title, req.verdict)
        pids = [req.requirement] + [p for r in req.routes for p in (r.route, *r.provisions)]
        for pid in pids:
            b = block(pid)
            if b:
                g.provisions.append(b)
        groups.append(g)
    rest = [pv.provision for pv in a.provisions if pv.provision not in used_prov]
    if rest:
        g = Group("other-provisions", "Other provisions", None)
        g.provisions = [b for b in (block(p) for p in rest) if b]
        groups.append(g)
    loose = [f for i, f in enumerate(a.findings) if i not in used_find]
    return groups, loose


def verdict_chart(a: Assessment) -> str:
    """A horizontal bar chart of provision verdicts, as inline SVG."""
    counts = {v: sum(1 for pv in a.provisions if pv.verdict is v) for v in VERDICT_ORDER}
    top = max(counts.values()) or 1
    bar_w, row_h, label_w = 220, 26, 130
    height = row_h * len(VERDICT_ORDER) + 8
    rows = []
    for i, v in enumerate(VERDICT_ORDER):
        y = 4 + i * row_h
        w = round(bar_w * counts[v] / top)
        rows.append(
            f'<text x="{label_w - 8}" y="{y + 17}" text-anchor="end" font-size="12">{v.value}</text>'
            f'<rect x="{label_w}" y="{y + 3}" width="{max(w, 1)}" height="{row_h - 8}" rx="3" '
            f'fill="{COLOURS[v]}"><title>{v.value}: {counts[v]}</title></rect>'
            f'<text x="{label_w + max(w, 1) + 6}" y="{y + 17}" font-size="12" '
            f'font-weight="bold">{counts[v]}</text>'
        )
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{label_w + bar_w + 40}" '
        f'height="{height}" viewBox="0 0 {label_w + bar_w + 40} {height}" '
        'font-family="DejaVu Sans, Arial, sans-serif" aria-label="Verdicts on provisions: '
        + ", ".join(f"{v.value} {counts[v]}" for v in VERDICT_ORDER)
        + '">'
        + "".join(rows)
        + "</svg>"
    )


def kinds_used(a: Assessment) -> list[FindingKind]:
    """The documentation of each finding kind in the assessment, by code.

    It comes from the kinds the assessment carries. A kind it does not document (an
    assessment written before kinds were carried, or by a plug-in that declares none)
    still gets a row when one of its findings says how to fix it.
    """
    used: list[FindingKind] = []
    for code in sorted({f.kind for f in a.findings}):
        kind = a.kind(code)
        if kind is None:
            fix = next((f.remediation for f in a.findings if f.kind == code and f.remediation), None)
            if fix is None:
                continue
            kind = FindingKind(code=code, title=code, checks="", why="", how_to_fix=fix)
        used.append(kind)
    return used


def render(assessment: Assessment) -> str:
    groups, loose = group_findings(assessment)
    return render_template(
        "report.html.j2",
        a=assessment,
        groups=groups,
        loose=loose,
        kinds=kinds_used(assessment),
        chart=verdict_chart(assessment),
        sha256=assessment_sha256(assessment),
        footer=f"psti assessment — {assessment.product.describe()}",
    )
