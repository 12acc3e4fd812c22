"""The CSAF 2.0 security advisory (OASIS CSAF 2.0, category csaf_security_advisory) a
manufacturer publishes for a resolved vulnerability report.

It carries what the report and the advisory hold: the reporter's severity (as the
document's aggregate severity) and a CVSS v3.1 score where a vector was given, the TLP
label (WHITE: the advisory is public), its canonical URL (the `self` reference, which
the registry serves), a product tree with the product's name, its model number as the
identification helper and one branch per affected and fixed version, and a remediation
that says what to do (not a copy of the summary).

`Advisory` is the plain data; `from_report` reads it off the registry's records, so the
document can be built (and tested) without a database.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from psti import __version__

if TYPE_CHECKING:
    from psti.store.models import VulnerabilityReport

TLP_URL = "https://www.first.org/tlp/"
SEVERITIES = ("low", "medium", "high", "critical")


class AdvisoryProblem(ValueError):
    """An advisory field that cannot go into a CSAF document: `field` says which."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message


# CVSS v3.1 base metrics (FIRST, CVSS v3.1 specification, section 7.4: metric values).
_WEIGHTS: dict[str, dict[str, float]] = {
    "AV": {"N": 0.85, "A": 0.62, "L": 0.55, "P": 0.2},
    "AC": {"L": 0.77, "H": 0.44},
    "UI": {"N": 0.85, "R": 0.62},
    "C": {"H": 0.56, "L": 0.22, "N": 0.0},
    "I": {"H": 0.56, "L": 0.22, "N": 0.0},
    "A": {"H": 0.56, "L": 0.22, "N": 0.0},
}
_PR = {"U": {"N": 0.85, "L": 0.62, "H": 0.27}, "C": {"N": 0.85, "L": 0.68, "H": 0.5}}
_NAMES = {
    "AV": ("attackVector", {"N": "NETWORK", "A": "ADJACENT_NETWORK", "L": "LOCAL", "P": "PHYSICAL"}),
    "AC": ("attackComplexity", {"L": "LOW", "H": "HIGH"}),
    "PR": ("privilegesRequired", {"N": "NONE", "L": "LOW", "H": "HIGH"}),
    "UI": ("userInteraction", {"N": "NONE", "R": "REQUIRED"}),
    "S": ("scope", {"U": "UNCHANGED", "C": "CHANGED"}),
    "C": ("confidentialityImpact", {"H": "HIGH", "L": "LOW", "N": "NONE"}),
    "I": ("integrityImpact", {"H": "HIGH", "L": "LOW", "N": "NONE"}),
    "A": ("availabilityImpact", {"H": "HIGH", "L": "LOW", "N": "NONE"}),
}
_VECTOR = re.compile(r"^CVSS:3\.1/AV:[NALP]/AC:[LH]/PR:[NLH]/UI:[NR]/S:[UC]/C:[HLN]/I:[HLN]/A:[HLN]$")


def _roundup(value: float) -> float:
    """CVSS v3.1 Roundup (Appendix A): the smallest one-decimal number >= value."""
    as_int = round(value * 100000)
    if as_int % 10000 == 0:
        return as_int / 100000.0
    return (math.floor(as_int / 10000) + 1) / 10.0


def cvss_v31(vector: str) -> dict[str, Any]:
    """The CSAF `cvss_v3` object (FIRST's JSON schema) for a CVSS v3.1 base vector."""
    vector = vector.strip()
    if not _VECTOR.match(vector):
        raise AdvisoryProblem(
            "cvss_vector", "a CVSS v3.1 base vector, like CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"
        )
    m = dict(part.split(":") for part in vector.split("/")[1:])
    changed = m["S"] == "C"
    iss = 1 - (1 - _WEIGHTS["C"][m["C"]]) * (1 - _WEIGHTS["I"][m["I"]]) * (1 - _WEIGHTS["A"][m["A"]])
    impact = 7.52 * (iss - 0.029) - 3.25 * (iss - 0.02) ** 15 if changed else 6.42 * iss
    exploitability = 8.22 * _WEIGHTS["AV"][m["AV"]] * _WEIGHTS["AC"][m["AC"]] * _PR[m["S"]][m["PR"]]
    exploitability *= _WEIGHTS["UI"][m["UI"]]
    if impact <= 0:
        score = 0.0
    elif changed:
        score = _roundup(min(1.08 * (impact + exploitability), 10))
    else:
        score = _roundup(min(impact + exploitability, 10))
    out: dict[str, Any] = {"version": "3.1", "vectorString": vector, "baseScore": score}
    out["baseSeverity"] = (
        "NONE" if score == 0 else "LOW" if score < 4 else "MEDIUM" if score < 7 else "HIGH" if score < 9 else "CRITICAL"
    )
    for key, (name, values) in _NAMES.items():
        out[name] = values[m[key]]
    return out


def versions(text: str | Sequence[str], what: str) -> tuple[str, ...]:
    """Versions given as a list or one comma-separated string, without blanks or repeats."""
    items = text.split(",") if isinstance(text, str) else list(text)
    out: list[str] = []
    for item in items:
        v = str(item).strip()
        if not v:
            continue
        if len(v) > 100 or not re.fullmatch(r"[\w.+\-~: ]+", v):
            raise AdvisoryProblem(what, f"{v[:40]!r} is not a version (letters, digits, . + - ~ : only)")
        if v not in out:
            out.append(v)
    return tuple(out)


@dataclass(frozen=True)
class Advisory:
    """What a published advisory says, as plain data."""

    public_id: str
    title: str
    summary: str
    published: dt.datetime
    publisher: str
    publisher_slug: str
    product_name: str | None = None
    product_model: str | None = None
    product_id: str | None = None
    cve: str = ""
    severity: str = "unknown"  # the reporter's: unknown, low, medium, high, critical
    cvss_vector: str = ""
    affected_versions: tuple[str, ...] = ()
    fixed_versions: tuple[str, ...] = ()
    remediation: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def tracking_id(self) -> str:
        return f"PSTI-{self.public_id[:12].upper()}"

    @property
    def filename(self) -> str:
        """CSAF 2.0 section 5.1: the tracking id, lower case, other characters as `_`."""
        return re.sub(r"[^+\-a-z0-9]+", "_", self.tracking_id.lower()) + ".json"


def canonical_url(base_url: str, advisory: Advisory) -> str:
    return f"{base_url.rstrip('/')}/advisories/{advisory.filename}"


def publisher_namespace(base_url: str, slug: str) -> str:
    return f"{base_url.rstrip('/')}/manufacturers/{slug}"


def _aware(t: dt.datetime) -> dt.datetime:
    return t.replace(tzinfo=dt.UTC) if t.tzinfo is None else t


def from_report(report: VulnerabilityReport, details: Any | None = None) -> Advisory:
    """The advisory of a report whose advisory is published; `details` is the stored
    AdvisoryDetail (CVSS, versions, remediation), if any."""
    assert report.advisory_published_at is not None
    product = report.product
    return Advisory(
        public_id=report.public_id,
        title=report.title,
        summary=report.advisory_summary,
        published=_aware(report.advisory_published_at),
        publisher=report.organisation.name,
        publisher_slug=report.organisation.slug,
        product_name=product.name if product else None,
        product_model=product.model if product else None,
        product_id=product.public_id if product else None,
        cve=report.cve,
        severity=report.severity,
        cvss_vector=details.cvss_vector if details else "",
        affected_versions=versions(details.affected_versions, "affected_versions") if details else (),
        fixed_versions=versions(details.fixed_versions, "fixed_versions") if details else (),
        remediation=details.remediation if details else "",
    )


def _product_tree(a: Advisory, base_url: str) -> tuple[dict[str, Any], list[str], list[str], list[str]]:
    """The tree, and the product ids that are affected, fixed and all defined."""
    name = a.product_name or f"{a.publisher} products"
    stem = f"PSTI-{a.product_id[:8].upper()}" if a.product_id else "PSTI-ALL"
    # the model number identifies the product; an advisory on all of a manufacturer's
    # products points at the registry's page that lists them
    namespace = publisher_namespace(base_url, a.publisher_slug)
    helper: dict[str, Any] = (
        {"model_numbers": [a.product_model]}
        if a.product_model
        else {"x_generic_uris": [{"namespace": namespace, "uri": namespace}]}
    )

    def product(pid: str, full_name: str) -> dict[str, Any]:
        return {"product_id": pid, "name": full_name, "product_identification_helper": helper}

    affected: list[str] = []
    fixed: list[str] = []
    version_branches = []
    for label, vs, into in (("affected", a.affected_versions, affected), ("fixed", a.fixed_versions, fixed)):
        for v in vs:
            pid = f"{stem}-{re.sub(r'[^A-Za-z0-9.+-]+', '_', v)}"
            if pid in affected or pid in fixed:
                raise AdvisoryProblem(f"{label}_versions", f"version {v} is both affected and fixed")
            into.append(pid)
            version_branches.append(
                {"category": "product_version", "name": v, "product": product(pid, f"{name} {v}")}
            )
    product_branch: dict[str, Any] = {"category": "product_name", "name": name}
    if version_branches:
        if not affected:
            raise AdvisoryProblem("affected_versions", "name the affected versions when giving fixed ones")
        product_branch["branches"] = version_branches
    else:
        product_branch["product"] = product(stem, name)
        affected = [stem]
    tree = {"branches": [{"category": "vendor", "name": a.publisher, "branches": [product_branch]}]}
    return tree, affected, fixed, affected + fixed


def _remediation_text(a: Advisory) -> tuple[str, str]:
    """(category, details): what the user does, distinct from the summary."""
    if a.remediation.strip():
        return ("vendor_fix" if a.fixed_versions else "mitigation"), a.remediation.strip()
    if a.fixed_versions:
        return "vendor_fix", f"Update to {' or '.join(a.fixed_versions)} or later."
    return "none_available", f"Contact {a.publisher} for remediation; no fixed version has been published."


def build(a: Advisory, base_url: str) -> dict[str, Any]:
    """The CSAF 2.0 document for a published advisory."""
    stamp = a.published.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.000Z")
    tree, affected, fixed, _ = _product_tree(a, base_url)
    category, details = _remediation_text(a)
    remediation: dict[str, Any] = {"category": category, "details": details, "product_ids": affected}
    status: dict[str, Any] = {"known_affected": affected}
    if fixed:
        status["fixed"] = fixed
    vuln: dict[str, Any] = {
        "title": a.title,
        "notes": [{"category": "summary", "title": "Summary", "text": a.summary}],
        "product_status": status,
        "remediations": [remediation],
    }
    if a.cve:
        vuln["cve"] = a.cve
    if a.cvss_vector:
        vuln["scores"] = [{"cvss_v3": cvss_v31(a.cvss_vector), "products": affected}]
    severity = a.severity if a.severity in SEVERITIES else ""
    if severity:
        vuln["threats"] = [
            {"category": "impact", "details": f"Severity as reported: {severity}.", "product_ids": affected}
        ]
    document: dict[str, Any] = {
        "category": "csaf_security_advisory",
        "csaf_version": "2.0",
        "title": a.title,
        "lang": "en",
        "distribution": {"tlp": {"label": "WHITE", "url": TLP_URL}},
        "publisher": {
            "category": "vendor",
            "name": a.publisher,
            "namespace": publisher_namespace(base_url, a.publisher_slug),
        },
        "references": [
            {"category": "self", "summary": "Canonical URL of this advisory", "url": canonical_url(base_url, a)}
        ],
        "tracking": {
            "id": a.tracking_id,
            "status": "final",
            "version": "1",
            "initial_release_date": stamp,
            "current_release_date": stamp,
            "revision_history": [{"number": "1", "date": stamp, "summary": "Initial release"}],
            "generator": {"engine": {"name": "psti", "version": __version__}},
        },
        "notes": [{"category": "summary", "title": "Summary", "text": a.summary}],
    }
    if severity:
        document["aggregate_severity"] = {"text": severity}
    return {"document": document, "product_tree": tree, "vulnerabilities": [vuln]}


def dumps(document: dict[str, Any]) -> str:
    """The document as served: keys sorted (CSAF 2.0 test 6.2.13)."""
    return json.dumps(document, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def csaf(report: VulnerabilityReport, base_url: str, details: Any | None = None) -> dict[str, Any]:
    """A CSAF 2.0 security advisory for a report whose advisory is published."""
    return build(from_report(report, details), base_url)
