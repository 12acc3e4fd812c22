"""SARIF 2.1.0 report, for code-scanning dashboards (GitHub, GitLab, Azure DevOps).

One rule per finding kind (with the documentation the assessment carries), one result
per finding. Results carry SARIF's `kind` (fail, pass, review, informational,
notApplicable) and a `level` only for failures, so dashboards show what needs action
while passes stay on record. Locations are files inside the image (relative URIs
under the `IMAGEROOT` base) with a line or a byte offset, or URLs.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any
from urllib.parse import quote

from psti.kinds import FindingKind
from psti.model import Assessment, Effect, Finding

SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
INFORMATION_URI = "https://github.com/psti-dev/psti"

_KIND = {
    Effect.FAIL: "fail",
    Effect.PASS: "pass",
    Effect.NEEDS_EVIDENCE: "review",
    Effect.INFO: "informational",
    Effect.NOT_APPLICABLE: "notApplicable",
}


def _rule(code: str, kind: FindingKind | None) -> dict[str, Any]:
    if kind is None:
        return {"id": code, "shortDescription": {"text": code}}
    return {
        "id": code,
        "name": "".join(w.capitalize() for w in code.replace("-", " ").split()),
        "shortDescription": {"text": kind.title},
        "fullDescription": {"text": f"{kind.checks}. Why: {kind.why}"},
        "help": {"text": kind.how_to_fix},
        "properties": {"provisions": list(kind.provisions), "tags": list(kind.provisions)},
    }


_BYTE_ESCAPE = re.compile(r"\\x([0-9a-f]{2})")


def _path_uri(path: str) -> str:
    """A relative URI for a file in the image. A byte the model wrote as `\\xNN` (a file
    name that is not UTF-8) is percent-encoded as that byte, so the URI names the file."""
    parts = _BYTE_ESCAPE.split(path.lstrip("/"))
    raw = b"".join(bytes([int(part, 16)]) if i % 2 else part.encode("utf-8") for i, part in enumerate(parts))
    return quote(raw)


def _location(f: Finding) -> list[dict[str, Any]]:
    loc = f.location
    if loc.path:
        physical: dict[str, Any] = {"artifactLocation": {"uri": _path_uri(loc.path), "uriBaseId": "IMAGEROOT"}}
    elif loc.url:
        physical = {"artifactLocation": {"uri": loc.url}}
    else:
        return []
    region: dict[str, Any] = {}
    if loc.line is not None and loc.line >= 1:
        region["startLine"] = loc.line
    elif loc.row is not None:
        region["startLine"] = loc.row + 1  # batch files: row 1 is the line after the header
    if loc.offset is not None and loc.offset >= 0:
        region["byteOffset"] = loc.offset
    if region:
        physical["region"] = region
    out: dict[str, Any] = {"physicalLocation": physical}
    if loc.field:
        out["logicalLocations"] = [{"fullyQualifiedName": loc.field, "kind": "member"}]
    return [out]


def _result(f: Finding, rule_index: int) -> dict[str, Any]:
    result: dict[str, Any] = {
        "ruleId": f.kind,
        "ruleIndex": rule_index,
        "kind": _KIND[f.effect],
        "level": "error" if f.effect is Effect.FAIL else "none",
        "message": {"text": f.message},
        "properties": {
            "provisions": list(f.provisions),
            "effect": f.effect.value,
            "collector": f.collector,
        },
    }
    if locations := _location(f):
        result["locations"] = locations
    if f.location.evidence:
        result["properties"]["evidence"] = f.location.evidence
    if f.details:
        result["properties"]["details"] = f.details
    if f.remediation:
        result["properties"]["remediation"] = f.remediation
    return result


def _source_uri(source: str) -> str:
    """Evidence sources are URLs or local paths; paths become file: URIs or relative refs."""
    if "://" in source:
        return source
    p = Path(source)
    return p.as_uri() if p.is_absolute() else quote(p.as_posix())


def to_sarif(assessment: Assessment) -> dict[str, Any]:
    codes = sorted({f.kind for f in assessment.findings})
    index = {code: i for i, code in enumerate(codes)}
    artifacts = [
        {
            "location": {"uri": _source_uri(e.source)},
            "description": {"text": e.summary or e.kind},
            **({"hashes": {"sha-256": e.sha256}} if e.sha256 else {}),
            **({"length": e.size} if e.size is not None else {}),
        }
        for e in assessment.evidence
    ]
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "psti",
                "version": assessment.tool_version,
                "informationUri": INFORMATION_URI,
                "rules": [_rule(code, assessment.kind(code)) for code in codes],
            }
        },
        "originalUriBaseIds": {
            "IMAGEROOT": {"description": {"text": "root of the examined firmware image or file system"}}
        },
        "results": [_result(f, index[f.kind]) for f in assessment.findings],
        "invocations": [{"executionSuccessful": True}],
        "properties": {
            "regime": assessment.regime,
            "regimeVersions": list(assessment.regime_versions),
            "assessedOn": assessment.assessed_on.isoformat(),
            "overall": assessment.overall.value,
            "product": assessment.product.model_dump(exclude_none=True),
            "provisions": {p.provision: p.verdict.value for p in assessment.provisions},
        },
    }
    if artifacts:
        run["artifacts"] = artifacts
    return {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}


def render(assessment: Assessment) -> str:
    return json.dumps(to_sarif(assessment), indent=2, default=str) + "\n"
