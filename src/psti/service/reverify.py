"""Re-verifying an evidence bundle the registry holds, for an enforcement case.

An officer asks from the case (`request`); a background job (`run`, job kind
`bundle-reverify`) runs `psti reverify` on the stored bundle in a private temporary
folder, stores the result document by its hash and attaches it to the case as evidence
(kind `bundle-reverification`, with that hash), so the case log says what was re-run,
when, by whom and with what outcome.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any

from psti.bundle.archive import BadBundle
from psti.bundle.reverify import ArtefactNeeded, reverification_json, reverify
from psti.enforcement import cases as lib
from psti.errors import PstiError
from psti.registry.blobs import BlobStore
from psti.registry.bundles import held_bundle
from psti.service import enforcement as enf
from psti.service.context import Ctx
from psti.store import audit
from psti.store.jobs import JobContext, enqueue

JOB_KIND = "bundle-reverify"
EVIDENCE_KIND = "bundle-reverification"
MAX_RESULT_BYTES = 64 * 1024 * 1024


def request(ctx: Ctx, reference: str, bundle_sha256: str) -> dict[str, Any]:
    """Queue the re-verification of a held bundle for a case (officers only)."""
    svc = enf.service(ctx)
    with enf.library_errors():
        svc.get(reference)
    _, blob = held_bundle(ctx, bundle_sha256.strip().lower())
    job = enqueue(ctx.db, JOB_KIND, {"reference": reference, "bundle_sha256": blob.sha256, "who": ctx.who.actor},
                  organisation_id=ctx.who.organisation_id)
    ctx.audit("enforcement.bundle-reverify", reference, None, sha256=blob.sha256, job=job.id)
    return {"job": job.id, "status": job.status, "bundle_sha256": blob.sha256}


def _outcome(path: Path, work: Path) -> tuple[dict[str, Any], str, str]:
    """(result document, verdict for the case, one-line summary)."""
    try:
        r = reverify(path, work)
    except ArtefactNeeded as e:
        return ({"result": "artefact-needed", "exit_code": 3, "error": str(e)}, "needs-evidence",
                "the bundle left out an artefact needed to run it again")
    except BadBundle as e:
        return ({"result": "bad-bundle", "exit_code": 2, "error": str(e), "member": e.member}, "fail",
                f"bad or tampered bundle: {e}")
    data = reverification_json(r) | {"exit_code": r.exit_code}
    if r.exit_code == 0:
        return data, "pass", (f"re-verified: same verdicts under {', '.join(r.opened.manifest.regime.versions)} "
                              f"on the law of {r.opened.manifest.law_date} (overall {r.rerun.overall.value})")
    changed = ", ".join(c.item for c in r.verdict_changes)
    return data, "fail", f"re-run differs: {len(r.verdict_changes)} verdict(s) changed ({changed})"


def run(job: JobContext, blobs: BlobStore) -> str:
    reference = str(job.payload["reference"])
    sha = str(job.payload["bundle_sha256"])
    who = str(job.payload.get("who") or "system:worker")
    job.progress(0, 1, "re-verifying the bundle")
    with tempfile.TemporaryDirectory(prefix="psti-reverify-") as tmp:
        data, verdict, summary = _outcome(blobs.path(sha), Path(tmp))
    data["bundle_sha256"] = sha
    data["bundle"] = f"sha256:{sha}"  # not the temporary path it was read from
    document = json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False).encode("utf-8") + b"\n"
    with job.factory() as db, db.begin():
        stored = blobs.put(db, document, MAX_RESULT_BYTES)
        svc = lib.CaseService(db, commit=False)
        try:
            case = svc.get(reference)
        except PstiError as e:
            raise PstiError(f"case {reference}: {e}") from None
        item = svc.attach_result(case, {
            "kind": EVIDENCE_KIND, "item": f"reverify-{sha[:12]}.json", "sha256": stored.sha256,
            "size": len(document), "verdict": verdict, "summary": summary, "bundle_sha256": sha,
            "result": data.get("result"), "exit_code": data.get("exit_code"),
        }, who=who)
        audit.record(db, actor="system:worker", action="enforcement.bundle-reverify.done", target=reference,
                     organisation_id=None, details={"bundle": sha, "evidence": item.id, "sha256": stored.sha256,
                                                    "verdict": verdict})
    job.progress(1, 1)
    return f"{reference}: {summary}"
