"""The details a manufacturer gives with an advisory (CVSS vector, affected and fixed
versions, remediation), checked, stored beside the report, and read back for the CSAF
document and the manufacturer's public page."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import select

from psti.documents import csaf as csaf_document
from psti.registry.context import Ctx
from psti.registry.errors import Invalid
from psti.store.advisories import AdvisoryDetail
from psti.store.models import Organisation, VulnerabilityReport


def check(
    cvss_vector: str, affected_versions: str | Sequence[str], fixed_versions: str | Sequence[str], remediation: str
) -> dict[str, str]:
    """The details as stored, or Invalid naming each field that is wrong."""
    problems: list[dict[str, str]] = []
    out = {"cvss_vector": cvss_vector.strip(), "remediation": remediation.strip()}
    if out["cvss_vector"]:
        try:
            csaf_document.cvss_v31(out["cvss_vector"])
        except csaf_document.AdvisoryProblem as e:
            problems.append({"field": e.field, "message": e.message})
    for name, given in (("affected_versions", affected_versions), ("fixed_versions", fixed_versions)):
        try:
            out[name] = ", ".join(csaf_document.versions(given, name))
        except csaf_document.AdvisoryProblem as e:
            problems.append({"field": e.field, "message": e.message})
            out[name] = ""
    if len(out["remediation"]) > 5000:
        problems.append({"field": "remediation", "message": "at most 5,000 characters"})
    if not problems:
        both = set(csaf_document.versions(out["affected_versions"], "a")) & set(
            csaf_document.versions(out["fixed_versions"], "f")
        )
        if both:
            listed = ", ".join(sorted(both))
            problems.append({"field": "fixed_versions", "message": f"{listed} also listed as affected"})
        elif out["fixed_versions"] and not out["affected_versions"]:
            problems.append({"field": "affected_versions", "message": "name the affected versions with the fixed ones"})
    if problems:
        raise Invalid("the advisory details cannot be published: fix the fields listed", problems)
    return out


def record(ctx: Ctx, report: VulnerabilityReport, details: dict[str, str]) -> None:
    if not any(details.values()):
        return
    ctx.db.add(AdvisoryDetail(report_id=report.id, **details))
    ctx.audit("report.advisory.details", f"report:{report.public_id}", report.organisation_id)


def details_of(db: Any, report: VulnerabilityReport) -> AdvisoryDetail | None:
    return db.execute(select(AdvisoryDetail).where(AdvisoryDetail.report_id == report.id)).scalar_one_or_none()


def by_tracking_file(db: Any, filename: str) -> VulnerabilityReport | None:
    """The published report whose advisory's file name (CSAF 5.1) is `filename`."""
    stem = filename.removesuffix(".json")
    if not stem.startswith("psti-") or len(stem) != 17:
        return None
    prefix = stem[5:]
    candidates = db.execute(
        select(VulnerabilityReport).where(
            VulnerabilityReport.public_id.startswith(prefix, autoescape=True),
            VulnerabilityReport.advisory_published_at.is_not(None),
        )
    ).scalars()
    return next(iter(candidates), None)


def published_for(db: Any, org: Organisation) -> list[VulnerabilityReport]:
    return list(
        db.execute(
            select(VulnerabilityReport)
            .where(
                VulnerabilityReport.organisation_id == org.id,
                VulnerabilityReport.advisory_published_at.is_not(None),
            )
            .order_by(VulnerabilityReport.advisory_published_at.desc())
        ).scalars()
    )
