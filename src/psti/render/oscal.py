"""OSCAL (JSON, OSCAL 1.2.1) so GRC tools can import an assessment.

`bundle` gives the five documents a GRC tool loads together, each naming the next by a
relative href, so they resolve when written side by side (`psti report -f oscal
--oscal-dir DIR`):

    assessment-results.json --import-ap--> assessment-plan.json --import-ssp--> ssp.json
      --import-profile--> profile.json --imports--> catalog.json

The catalogue holds the provisions the assessment decided (id, title, citation), grouped
by regime; the profile selects them; the system security plan describes the product as
the system; the plan names the provisions reviewed. `render` (plain `-f oscal`) is the
assessment results alone, with the same relative `import-ap`.

Mapping of the results: one OSCAL result per assessment; each psti finding is an observation (with
its evidence as relevant-evidence); each provision verdict is an OSCAL finding whose
target is the provision id as an objective, satisfied or not. Needs-evidence and
not-applicable are carried as `psti-verdict` props, because OSCAL's objective state has
only satisfied / not-satisfied. UUIDs are derived from the assessment's hash, so the
same assessment always gives the same document.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from typing import Any

from pydantic import ValidationError

from psti.documents.statement import assessment_sha256
from psti.model import Assessment, Evidence, Finding, Verdict

# The OSCAL version of compliance-trestle's models, which the tests validate with (beside
# NIST's 1.2.3 complete JSON schema, which accepts every 1.2.x document).
OSCAL_VERSION = "1.2.1"
FILES = {
    "catalog": "catalog.json",
    "profile": "profile.json",
    "system-security-plan": "ssp.json",
    "assessment-plan": "assessment-plan.json",
    "assessment-results": "assessment-results.json",
}
NS = "https://psti.dev/ns/oscal"
_METHOD = {
    "firmware": "TEST",
    "rootfs": "TEST",
    "password-batch": "TEST",
    "security-txt": "EXAMINE",
    "web-page": "EXAMINE",
    "support-period": "EXAMINE",
    "declaration": "EXAMINE",
}


def _prop(name: str, value: str) -> dict[str, str]:
    return {"name": name, "ns": NS, "value": value}


def _stamp(d: dt.date | dt.datetime | None, fallback: dt.date) -> str:
    if isinstance(d, dt.datetime):
        if d.tzinfo is None:
            d = d.replace(tzinfo=dt.UTC)
        return d.isoformat()
    day = d or fallback
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC).isoformat()


def _evidence_ref(e: Evidence) -> dict[str, Any]:
    desc = f"{e.kind} {e.source}" + (f" (sha256 {e.sha256})" if e.sha256 else "")
    ref: dict[str, Any] = {"description": desc}
    if e.source.startswith(("https://", "http://")):
        ref["href"] = e.source
    props = [_prop("evidence-id", e.id)]
    if e.sha256:
        props.append(_prop("sha256", e.sha256))
    ref["props"] = props
    return ref


def build(assessment: Assessment) -> dict[str, Any]:
    a = assessment
    digest = assessment_sha256(a)
    ns = uuid.uuid5(uuid.NAMESPACE_URL, f"psti:assessment:{digest}")

    def uid(*parts: object) -> str:
        return str(uuid.uuid5(ns, ":".join(str(p) for p in parts)))

    day = _stamp(a.assessed_on, a.assessed_on)
    evidence = {e.id: e for e in a.evidence}
    observations = []
    for i, f in enumerate(a.findings):
        observations.append(_observation(f, i, uid, evidence, a.assessed_on))
    findings = []
    for pv in a.provisions:
        state = "satisfied" if pv.verdict in (Verdict.PASS, Verdict.NOT_APPLICABLE) else "not-satisfied"
        status: dict[str, Any] = {"state": state}
        if pv.verdict in (Verdict.NEEDS_EVIDENCE, Verdict.NOT_APPLICABLE):
            status["reason"] = "other"
            status["remarks"] = f"{pv.verdict.value}: {pv.reason}"
        finding: dict[str, Any] = {
            "uuid": uid("finding", pv.provision),
            "title": f"{pv.provision} {pv.title}",
            "description": f"{pv.citation}: {pv.verdict.value}. {pv.reason}",
            "props": [_prop("psti-verdict", pv.verdict.value), _prop("citation", pv.citation)],
            "target": {
                "type": "objective-id",
                "target-id": pv.provision,
                "title": pv.title,
                "status": status,
            },
        }
        related = [{"observation-uuid": uid("observation", i)} for i in pv.findings if 0 <= i < len(a.findings)]
        if related:
            finding["related-observations"] = related
        findings.append(finding)
    reviewed = sorted({pv.provision for pv in a.provisions})
    control_selection: dict[str, Any] = (
        {"include-controls": [{"control-id": p} for p in reviewed]} if reviewed else {"include-all": {}}
    )
    result: dict[str, Any] = {
        "uuid": uid("result"),
        "title": f"{a.regime} assessment of {a.product.describe()}",
        "description": (f"Overall verdict {a.overall.value}. Scope: {a.scope.outcome} — {a.scope.summary}"),
        "start": day,
        "props": [
            _prop("psti-verdict", a.overall.value),
            _prop("regime", a.regime),
            _prop("assessment-sha256", digest),
            _prop("scope", a.scope.outcome),
        ],
        "reviewed-controls": {
            "description": f"Provisions of {a.regime} ({', '.join(a.regime_versions)}) "
            f"in force on {a.assessed_on.isoformat()}",
            "control-selections": [control_selection],
        },
    }
    if observations:
        result["observations"] = observations
    if findings:
        result["findings"] = findings
    doc = {
        "assessment-results": {
            "uuid": uid("assessment-results"),
            "metadata": {
                "title": f"psti assessment: {a.product.describe()}",
                "last-modified": day,
                "version": digest[:12],
                "oscal-version": OSCAL_VERSION,
                "props": [_prop("tool", f"psti {a.tool_version}"), _prop("schema", a.schema_)],
            },
            "import-ap": {"href": FILES["assessment-plan"]},
            "results": [result],
        }
    }
    return doc


def _ids(assessment: Assessment) -> tuple[str, Any]:
    digest = assessment_sha256(assessment)
    ns = uuid.uuid5(uuid.NAMESPACE_URL, f"psti:assessment:{digest}")

    def uid(*parts: object) -> str:
        return str(uuid.uuid5(ns, ":".join(str(p) for p in parts)))

    return digest, uid


def _metadata(a: Assessment, title: str, digest: str) -> dict[str, Any]:
    return {
        "title": title,
        "last-modified": _stamp(a.assessed_on, a.assessed_on),
        "version": digest[:12],
        "oscal-version": OSCAL_VERSION,
        "props": [_prop("tool", f"psti {a.tool_version}")],
    }


def _reviewed(a: Assessment) -> dict[str, Any]:
    reviewed = sorted({pv.provision for pv in a.provisions})
    selection: dict[str, Any] = (
        {"include-controls": [{"control-id": p} for p in reviewed]} if reviewed else {"include-all": {}}
    )
    return {
        "description": f"Provisions of {a.regime} ({', '.join(a.regime_versions)}) in force on "
        f"{a.assessed_on.isoformat()}",
        "control-selections": [selection],
    }


def catalog(a: Assessment) -> dict[str, Any]:
    """The provisions the assessment decided, as the controls of a catalogue."""
    digest, uid = _ids(a)
    controls = [
        {
            "id": pv.provision,
            "class": "provision",
            "title": pv.title,
            "props": [{"name": "label", "value": pv.provision}, _prop("citation", pv.citation)],
            "parts": [
                {
                    "id": f"{pv.provision}_smt",
                    "name": "statement",
                    "prose": f"{pv.title} ({pv.citation}).",
                }
            ],
        }
        for pv in sorted(a.provisions, key=lambda pv: pv.provision)
    ]
    doc: dict[str, Any] = {
        "uuid": uid("catalog"),
        "metadata": _metadata(a, f"{a.regime} provisions ({', '.join(a.regime_versions)})", digest),
    }
    if controls:
        title = f"{a.regime} ({', '.join(a.regime_versions)})"
        doc["groups"] = [{"id": a.regime, "title": title, "controls": controls}]
    return {"catalog": doc}


def profile(a: Assessment) -> dict[str, Any]:
    digest, uid = _ids(a)
    return {
        "profile": {
            "uuid": uid("profile"),
            "metadata": _metadata(a, f"{a.regime} provisions applied on {a.assessed_on.isoformat()}", digest),
            "imports": [{"href": FILES["catalog"], "include-all": {}}],
        }
    }


def system_security_plan(a: Assessment) -> dict[str, Any]:
    """The product as the system under assessment."""
    digest, uid = _ids(a)
    product = a.product
    return {
        "system-security-plan": {
            "uuid": uid("ssp"),
            "metadata": _metadata(a, f"System: {product.describe()}", digest),
            "import-profile": {"href": FILES["profile"]},
            "system-characteristics": {
                "system-ids": [{"id": product.model or product.name}],
                "system-name": product.name,
                "description": f"The consumer connectable product {product.describe()}.",
                "props": [_prop("scope", a.scope.outcome)],
                "system-information": {
                    "information-types": [
                        {
                            "uuid": uid("information-type"),
                            "title": "Product security information",
                            "description": "Passwords, vulnerability reports and security updates of the product.",
                        }
                    ]
                },
                "status": {"state": "operational"},
                "authorization-boundary": {
                    "description": f"The product {product.describe()} and what its manufacturer publishes for it."
                },
            },
            "system-implementation": {
                "components": [
                    {
                        "uuid": uid("component"),
                        "type": "this-system",
                        "title": product.describe(),
                        "description": "The product assessed.",
                        "status": {"state": "operational"},
                    }
                ]
            },
            "control-implementation": {
                "description": f"How the product meets the {a.regime} provisions: see the assessment results.",
                "implemented-requirements": [
                    {"uuid": uid("requirement", pv.provision), "control-id": pv.provision}
                    for pv in sorted(a.provisions, key=lambda pv: pv.provision)
                ]
                or [{"uuid": uid("requirement", "none"), "control-id": "none"}],
            },
        }
    }


def assessment_plan(a: Assessment) -> dict[str, Any]:
    digest, uid = _ids(a)
    return {
        "assessment-plan": {
            "uuid": uid("assessment-plan"),
            "metadata": _metadata(a, f"psti assessment plan: {a.product.describe()}", digest),
            "import-ssp": {"href": FILES["system-security-plan"]},
            "reviewed-controls": _reviewed(a),
        }
    }


def bundle(assessment: Assessment) -> dict[str, dict[str, Any]]:
    """File name -> document, for the five documents that reference each other."""
    return {
        FILES["catalog"]: catalog(assessment),
        FILES["profile"]: profile(assessment),
        FILES["system-security-plan"]: system_security_plan(assessment),
        FILES["assessment-plan"]: assessment_plan(assessment),
        FILES["assessment-results"]: build(assessment),
    }


def dumps(document: dict[str, Any]) -> str:
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def _observation(f: Finding, i: int, uid: Any, evidence: dict[str, Evidence], on: dt.date) -> dict[str, Any]:
    ev = evidence.get(f.location.evidence or "")
    obs: dict[str, Any] = {
        "uuid": uid("observation", i),
        "title": f.kind,
        "description": f.message,
        "props": [
            _prop("finding-kind", f.kind),
            _prop("effect", f.effect.value),
            _prop("collector", f.collector),
        ]
        + [_prop("provision", p) for p in f.provisions],
        "methods": [_METHOD.get(ev.kind, "TEST") if ev else "TEST"],
        "collected": _stamp(ev.captured_at if ev else None, on),
    }
    where = f.location.describe()
    if where:
        obs["props"].append(_prop("location", where))
    if ev is not None:
        ref = _evidence_ref(ev)
        if where:
            ref["description"] += f" at {where}"
        obs["relevant-evidence"] = [ref]
    if f.remediation:
        obs["remarks"] = f"Remediation: {f.remediation}"
    return obs


def render(assessment: Assessment) -> str:
    return dumps(build(assessment))


def validate(document: dict[str, Any]) -> None:
    """Validate against the OSCAL model of its kind (compliance-trestle): catalog, profile,
    system-security-plan, assessment-plan or assessment-results.

    Raises ValueError with the problems; ImportError when trestle is not installed.
    """
    # compliance-trestle is a development dependency (the tests validate with it) and takes
    # about two seconds to import, so it is loaded only when a document is validated.
    import importlib

    modules = {
        "catalog": "catalog",
        "profile": "profile",
        "system-security-plan": "ssp",
        "assessment-plan": "assessment_plan",
        "assessment-results": "assessment_results",
    }
    kind = next(iter(document), "")
    if kind not in modules:
        raise ValueError(f"not an OSCAL document psti writes: top-level key {kind!r}")
    model = importlib.import_module(f"trestle.oscal.{modules[kind]}").Model
    try:
        model.model_validate(document)
    except ValidationError as e:
        raise ValueError(str(e)) from None
