"""SARIF 2.1.0 report, for code-scanning dashboards (GitHub, GitLab, SARIF viewers).

One rule per finding kind, documented from the kind the assessment carries (what it
checks, why, how to fix, a link to its page under docs/findings), tagged `security` with
a `security-severity` from the provisions it serves. One result per finding; by default
only the actionable ones (fail: `error`, needs evidence: `warning`), with
`all_results=True` also the passes, the not-applicable and the informational ones (SARIF
`kind` pass / notApplicable / informational, level `none` or `note`).

Where a result is:
- a file inside a firmware image: a relative URI under that image's base id
  (`IMAGEROOT`, or `IMAGEROOT_2`… for further images); the image is itself an artifact
  (under `SRCROOT`) and each file in it an artifact whose `parentIndex` is the image;
- a file on disk (the declaration, a password batch, a saved web page): a URI relative
  to `SRCROOT`, the directory psti ran in (in CI, the repository checkout); a file outside
  it is named by its file name only, under `OUTSIDEROOT`, so no host path is written;
- a declaration field: the TOML file with the line and column of the field;
- a web page: a logical location (`kind: resource`, the URL), placed physically on the
  saved copy when there is one, else on the declaration line that names the URL.

`partialFingerprints` are computed here from the finding kind, the SHA-256 of the
artefact and the location, so an upload matches the same result across runs even for
files that are not in the repository (which code scanning cannot fingerprint itself).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import quote

from psti.kinds import FindingKind
from psti.model import Assessment, Effect, Evidence, Finding

SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
INFORMATION_URI = "https://github.com/psti-dev/psti"
DOCS_URI = f"{INFORMATION_URI}/blob/main/docs/findings"
FINGERPRINT = "psti/v1"
ACTIONABLE = (Effect.FAIL, Effect.NEEDS_EVIDENCE)
# Evidence whose finding paths name files inside an examined file system, not on disk.
IMAGE_KINDS = ("firmware", "rootfs")

_KIND = {
    Effect.FAIL: "fail",
    Effect.PASS: "pass",
    Effect.NEEDS_EVIDENCE: "review",
    Effect.INFO: "informational",
    Effect.NOT_APPLICABLE: "notApplicable",
}
_LEVEL = {Effect.FAIL: "error", Effect.NEEDS_EVIDENCE: "warning", Effect.INFO: "note"}

# security-severity (0.0-10.0; code scanning: >= 9 critical, >= 7 high, >= 4 medium) by
# the Schedule 1 paragraph (and the EN 303 645 provision) a kind serves: a universal default
# password opens every unit remotely; a missing route to report a vulnerability or an
# unknown support period leaves flaws unreported or unfixed; the rest is documentation.
_SEVERITY = (
    (re.compile(r"^(PSTI-S1-1\b|EN303645-5\.1-)"), 9.0, "critical"),
    (re.compile(r"^(PSTI-S1-2\b|EN303645-5\.2-)"), 6.0, "medium"),
    (re.compile(r"^(PSTI-S1-3\b|EN303645-5\.3-)"), 5.0, "medium"),
)
_DEFAULT_SEVERITY = 3.0


def security_severity(provisions: tuple[str, ...] | list[str]) -> float:
    return max(
        (score for p in provisions for pattern, score, _ in _SEVERITY if pattern.match(p)), default=_DEFAULT_SEVERITY
    )


def _nothing_to_fix(how: str) -> bool:
    return how.strip() in ("", "—", "-", "–")


def _rule(code: str, kind: FindingKind | None, provisions: tuple[str, ...]) -> dict[str, Any]:
    help_uri = f"{DOCS_URI}/{code}.md"
    severity = security_severity(kind.provisions if kind else provisions)
    properties = {
        "provisions": list(kind.provisions if kind else provisions),
        "tags": ["security", "psti", *(kind.provisions if kind else provisions)],
        "security-severity": f"{severity:.1f}",
    }
    if kind is None:
        return {
            "id": code,
            "shortDescription": {"text": code},
            "helpUri": help_uri,
            "help": {"text": f"See {help_uri}.", "markdown": f"See [{code}]({help_uri})."},
            "properties": properties,
        }
    fix = (
        "Nothing to fix: this kind records a check that passed or a fact for the record."
        if _nothing_to_fix(kind.how_to_fix)
        else kind.how_to_fix
    )
    checks = kind.checks.rstrip(".")
    text = f"What it checks: {checks}.\nWhy it matters: {kind.why}\nHow to fix: {fix}"
    markdown = (
        f"**What it checks:** {checks}.\n\n**Why it matters:** {kind.why}\n\n**How to fix:** {fix}\n\n"
        f"Provisions: {', '.join(kind.provisions) or 'none'}. [Documentation]({help_uri})"
    )
    return {
        "id": code,
        "name": "".join(w.capitalize() for w in code.replace("-", " ").split()),
        "shortDescription": {"text": kind.title},
        "fullDescription": {"text": f"{checks}. Why: {kind.why}"},
        "help": {"text": text, "markdown": markdown},
        "helpUri": help_uri,
        "properties": properties,
    }


_BYTE_ESCAPE = re.compile(r"\\x([0-9a-f]{2})")


def _path_uri(path: str) -> str:
    """A relative URI for a file in the image. A byte the model wrote as `\\xNN` (a file
    name that is not UTF-8) is percent-encoded as that byte, so the URI names the file."""
    parts = _BYTE_ESCAPE.split(path.lstrip("/"))
    raw = b"".join(bytes([int(part, 16)]) if i % 2 else part.encode("utf-8") for i, part in enumerate(parts))
    return quote(raw)


@dataclass
class _Artifacts:
    """The run's artifacts and base ids, built while the results are placed."""

    root: Path
    items: list[dict[str, Any]] = field(default_factory=list)
    index: dict[tuple[str, str], int] = field(default_factory=dict)  # (base id, uri) -> position
    bases: dict[str, dict[str, Any]] = field(default_factory=dict)
    image_base: dict[str, str] = field(default_factory=dict)  # evidence id -> base id

    def local(self, source: str) -> tuple[str, str]:
        """(uri, base id) of a file on disk, never an absolute host path."""
        p = Path(source)
        if not p.is_absolute():
            rel = PurePosixPath(os.path.normpath(p.as_posix()))
            if rel.parts and rel.parts[0] != "..":
                return quote(rel.as_posix()), "SRCROOT"
            p = self.root / p
        try:
            return quote(Path(os.path.normpath(p)).relative_to(self.root).as_posix()), "SRCROOT"
        except ValueError:
            return quote(p.name), "OUTSIDEROOT"

    def add(self, uri: str, base: str, **extra: Any) -> int:
        key = (base, uri)
        if key not in self.index:
            self.index[key] = len(self.items)
            self.items.append({"location": {"uri": uri, "uriBaseId": base}, **extra})
        else:
            for k, v in extra.items():
                self.items[self.index[key]].setdefault(k, v)
        return self.index[key]


_BASE_TEXT = {
    "SRCROOT": "the directory psti ran in (in CI, the repository checkout)",
    "OUTSIDEROOT": "files outside the directory psti ran in, named by their file name only",
}


def _evidence_artifacts(assessment: Assessment, arts: _Artifacts) -> dict[str, int]:
    """Every evidence item that is a file becomes an artifact; images get a base id."""
    positions: dict[str, int] = {}
    images = [e for e in assessment.evidence if e.kind in IMAGE_KINDS]
    for e in assessment.evidence:
        if "://" in e.source:
            continue  # fetched pages are logical locations, not artifacts
        uri, base = arts.local(e.source)
        extra: dict[str, Any] = {"description": {"text": e.summary or e.kind}, "roles": ["analysisTarget"]}
        if e.sha256:
            extra["hashes"] = {"sha-256": e.sha256}
        if e.size is not None:
            extra["length"] = e.size
        positions[e.id] = arts.add(uri, base, **extra)
        if e.kind in IMAGE_KINDS:
            n = images.index(e) + 1
            name = "IMAGEROOT" if n == 1 else f"IMAGEROOT_{n}"
            arts.image_base[e.id] = name
            arts.bases[name] = {"description": {"text": f"root of the file system examined in {uri} ({e.id})"}}
    return positions


def _region(line: int | None, column: int | None = None, offset: int | None = None) -> dict[str, Any]:
    region: dict[str, Any] = {}
    if line is not None and line >= 1:
        region["startLine"] = line
        if column is not None and column >= 1:
            region["startColumn"] = column
    if offset is not None and offset >= 0:
        region["byteOffset"] = offset
    return region


def _url_position(decl: Evidence | None, url: str) -> tuple[int, int] | None:
    where = (decl.attributes.get("url_positions") or {}).get(url) if decl else None
    return (int(where[0]), int(where[1])) if where else None


@dataclass(frozen=True)
class _Placed:
    location: dict[str, Any] | None
    artefact_sha: str
    key: str  # the location as the fingerprint sees it


def _place(
    f: Finding, evidence: dict[str, Evidence], decl: Evidence | None, arts: _Artifacts, positions: dict[str, int]
) -> _Placed:
    loc = f.location
    ev = evidence.get(loc.evidence or "")
    url = loc.url or (str(ev.attributes.get("url") or "") if ev and ev.kind not in IMAGE_KINDS else "") or None
    if ev is not None and "://" in ev.source:
        url = url or ev.source
    logical = [{"fullyQualifiedName": url, "kind": "resource"}] if url else []
    if loc.field:
        logical.append({"fullyQualifiedName": loc.field, "kind": "member"})
    physical: dict[str, Any] | None = None
    region: dict[str, Any] = {}
    # batch files: row 1 is the line after the header
    line = loc.line if loc.line is not None else (loc.row + 1 if loc.row is not None else None)
    if ev is not None and ev.kind in IMAGE_KINDS and loc.path:
        base = arts.image_base[ev.id]
        uri = _path_uri(loc.path)
        idx = arts.add(uri, base, parentIndex=positions[ev.id])
        physical = {"artifactLocation": {"uri": uri, "uriBaseId": base, "index": idx}}
        region = _region(line, loc.column, loc.offset)
    elif loc.path or (ev is not None and ev.id in positions):
        uri, base = arts.local(loc.path or (ev.source if ev else ""))
        idx = arts.add(uri, base)
        physical = {"artifactLocation": {"uri": uri, "uriBaseId": base, "index": idx}}
        region = _region(line, loc.column, loc.offset)
    elif url and decl is not None and decl.id in positions:
        # a page fetched live (or not at all): shown where the declaration names it
        uri, base = arts.local(decl.source)
        physical = {"artifactLocation": {"uri": uri, "uriBaseId": base, "index": positions[decl.id]}}
        pos = _url_position(decl, url)
        region = _region(*pos) if pos else {}
        ev = decl
    elif decl is not None and decl.id in positions:
        # a finding on the product as a whole (no file, no page): shown on its declaration
        uri, base = arts.local(decl.source)
        physical = {"artifactLocation": {"uri": uri, "uriBaseId": base, "index": positions[decl.id]}}
    if physical is not None:
        physical["region"] = region or {"startLine": 1}
    out: dict[str, Any] = {}
    if physical is not None:
        out["physicalLocation"] = physical
    if logical:
        out["logicalLocations"] = logical
    phys_key = ""
    if physical is not None:
        a = physical["artifactLocation"]
        phys_key = f"{a['uriBaseId']}:{a['uri']}:{json.dumps(physical['region'], sort_keys=True)}"
    key = "|".join([phys_key, url or "", loc.field or "", str(loc.row if loc.row is not None else "")])
    return _Placed(out or None, (ev.sha256 if ev else None) or "", key)


def _fingerprint(f: Finding, placed: _Placed) -> str:
    return hashlib.sha256(f"{f.kind}\0{placed.artefact_sha}\0{placed.key}".encode()).hexdigest()[:32]


def _result(f: Finding, rule_index: int, placed: _Placed, seen: dict[str, int]) -> dict[str, Any]:
    fp = _fingerprint(f, placed)
    # two findings of one kind at one place (different messages) stay two results
    seen[fp] = seen.get(fp, 0) + 1
    if seen[fp] > 1:
        fp = f"{fp}:{seen[fp]}"
    result: dict[str, Any] = {
        "ruleId": f.kind,
        "ruleIndex": rule_index,
        "kind": _KIND[f.effect],
        "level": _LEVEL.get(f.effect, "none"),
        "message": {"text": f.message},
        "partialFingerprints": {FINGERPRINT: fp, "primaryLocationLineHash": fp},
        "properties": {
            "provisions": list(f.provisions),
            "effect": f.effect.value,
            "collector": f.collector,
        },
    }
    if placed.location is not None:
        result["locations"] = [placed.location]
    if f.location.evidence:
        result["properties"]["evidence"] = f.location.evidence
    if f.details:
        result["properties"]["details"] = f.details
    if f.remediation:
        result["properties"]["remediation"] = f.remediation
    return result


def _slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "-", text).strip("-") or "product"


def _product(assessment: Assessment, arts: _Artifacts) -> dict[str, Any]:
    product = assessment.product.model_dump(exclude_none=True)
    if assessment.product.declaration:
        uri, base = arts.local(assessment.product.declaration)
        product["declaration"] = f"{base}:{uri}"
    return product


def to_sarif(assessment: Assessment, *, all_results: bool = False, root: Path | None = None) -> dict[str, Any]:
    arts = _Artifacts(root=Path(os.path.normpath(root or Path.cwd())))
    positions = _evidence_artifacts(assessment, arts)
    evidence = {e.id: e for e in assessment.evidence}
    decl = next((e for e in assessment.evidence if e.kind == "declaration"), None)
    findings = [f for f in assessment.findings if all_results or f.effect in ACTIONABLE]
    codes = sorted({f.kind for f in findings})
    index = {code: i for i, code in enumerate(codes)}
    provisions_of = {f.kind: f.provisions for f in findings}
    seen: dict[str, int] = {}
    results = [_result(f, index[f.kind], _place(f, evidence, decl, arts, positions), seen) for f in findings]
    bases: dict[str, Any] = {"SRCROOT": {"description": {"text": _BASE_TEXT["SRCROOT"]}}}
    bases.update(arts.bases)
    if any(a["location"]["uriBaseId"] == "OUTSIDEROOT" for a in arts.items):
        bases["OUTSIDEROOT"] = {"description": {"text": _BASE_TEXT["OUTSIDEROOT"]}}
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "psti",
                "version": assessment.tool_version,
                "informationUri": INFORMATION_URI,
                "rules": [_rule(code, assessment.kind(code), provisions_of[code]) for code in codes],
            }
        },
        "automationDetails": {
            "id": f"psti/{assessment.regime}/{_slug(assessment.product.model or assessment.product.name)}/"
            f"{assessment.assessed_on.isoformat()}",
            "description": {"text": f"psti assessment of {assessment.product.describe()}"},
        },
        "originalUriBaseIds": bases,
        "results": results,
        "invocations": [{"executionSuccessful": True}],
        "properties": {
            "regime": assessment.regime,
            "regimeVersions": list(assessment.regime_versions),
            "assessedOn": assessment.assessed_on.isoformat(),
            "overall": assessment.overall.value,
            "product": _product(assessment, arts),
            "provisions": {p.provision: p.verdict.value for p in assessment.provisions},
            "allResults": all_results,
            "omittedResults": len(assessment.findings) - len(findings),
        },
    }
    if arts.items:
        run["artifacts"] = arts.items
    return {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}


def render(assessment: Assessment, *, all_results: bool = False, root: Path | None = None) -> str:
    return json.dumps(to_sarif(assessment, all_results=all_results, root=root), indent=2, default=str) + "\n"
