"""Background job handlers: assessments, catalogue checks, URL checks, scheduled re-checks."""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from psti.assess import AssessOptions, assess
from psti.declaration import load_declaration
from psti.errors import PstiError
from psti.evidence.web.fetch import FetchedDocument, FetchError, fetch
from psti.registry import catalogues
from psti.registry.blobs import BlobStore
from psti.registry.statements import MAX_STATEMENT_BYTES
from psti.service import artefacts, reverify
from psti.service.settings import Settings
from psti.store import audit
from psti.store.db import reading
from psti.store.jobs import Handler, JobContext, Worker
from psti.store.models import AssessmentRecord, Product, ProductUrl, utcnow

URL_CHECK_BYTES = 2 * 1024 * 1024  # a URL check reads at most this much of the page
REFUSALS = ("bad-url", "bad-scheme", "private-address")


def _assess(ctx: JobContext, blobs: BlobStore) -> str:
    """Run the same library call as `psti assess` on the stored declaration and the product's
    own uploaded files, copied into an empty folder; artefacts name only those (artefacts.py)."""
    product_id = int(ctx.payload["product_id"])
    with reading(), ctx.factory() as db:  # read, then let go of the database while assessing
        product = db.get(Product, product_id)
        if product is None or not product.declaration_toml:
            raise PstiError("the product or its declaration no longer exists")
        organisation_id = product.organisation_id
        declaration = product.declaration_toml
        uploads = artefacts.uploads_of(db, product_id)
    with tempfile.TemporaryDirectory(prefix="psti-assess-") as tmp:
        work = Path(tmp)
        decl_path = work / "declaration.toml"
        decl_path.write_text(declaration, encoding="utf-8")
        loaded = load_declaration(decl_path, check_artefacts=False)

        def copy_of(upload: artefacts.Upload) -> str:  # files/<id>/<name>: same names never collide
            return f"files/{upload.id}/{upload.filename}"

        decl, problems = artefacts.contained(loaded.declaration, uploads, copy_of)
        if problems:
            raise PstiError(
                "refused: the declaration names artefacts that are not files uploaded for this product: "
                + "; ".join(f"{p['field']} {p['message']}" for p in problems)
            )
        named = {a.path for a in decl.artefacts}
        for upload in uploads:  # the product's own files that the declaration names, from the blob store
            if copy_of(upload) in named:
                target = work / copy_of(upload)
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(blobs.path(upload.sha256), target)
        loaded = loaded.model_copy(update={"declaration": decl})
        ctx.progress(0, 1, "assessing")
        result = assess(loaded, AssessOptions(offline=True, work_dir=work))
    overall = getattr(result.overall, "value", str(result.overall))
    with ctx.factory() as db, db.begin():
        rec = AssessmentRecord(product_id=product_id, job_id=ctx.job_id, overall=overall, result_json=result.to_json())
        db.add(rec)
        db.flush()
        audit.record(
            db,
            actor="system:worker",
            action="product.assess.done",
            target=f"product:{product_id}",
            organisation_id=organisation_id,
            details={"overall": overall, "assessment": rec.id},
        )
    ctx.progress(1, 1)
    return f"assessment {rec.id}: {overall}"


def _fetch(url: str, allow_private: bool, max_bytes: int, allow: frozenset[str] = frozenset()) -> FetchedDocument:
    """GET through the one guard (psti.netguard): global unicast only, pinned, redirects checked."""
    return fetch(url, allow_private=allow_private, max_bytes=max_bytes, timeout=10, accept="*/*", allow_addresses=allow)


def _check_urls(ctx: JobContext, allow_private: bool, allow: frozenset[str] = frozenset()) -> str:
    product_id = int(ctx.payload["product_id"])
    with reading(), ctx.factory() as db:
        urls = [
            (u.id, u.url) for u in db.execute(select(ProductUrl).where(ProductUrl.product_id == product_id)).scalars()
        ]
    ctx.progress(0, len(urls))
    for i, (url_id, url) in enumerate(urls, 1):
        try:
            status = f"HTTP {_fetch(url, allow_private, URL_CHECK_BYTES, allow).status}"
        except FetchError as e:
            if e.reason == "too-large":
                status = "reachable, over 2 MiB (not read)"
            else:
                status = f"refused: {e.detail}" if e.reason in REFUSALS else f"unreachable: {e.detail}"
        with ctx.factory() as db, db.begin():
            row = db.get(ProductUrl, url_id)
            if row is not None:
                row.last_status = status[:200]
                row.last_checked_at = utcnow()
        ctx.progress(i, len(urls))
    return f"checked {len(urls)} URL(s)"


def fetch_statement(url: str, allow_private: bool, allow: frozenset[str] = frozenset()) -> bytes:
    """GET a statement document through the guard: 2 MiB, 10 s, a 200 answer."""
    doc = _fetch(url, allow_private, MAX_STATEMENT_BYTES, allow)
    if doc.status != 200:
        raise PstiError(f"HTTP {doc.status}")
    return doc.content


def handlers(settings: Settings, blobs: BlobStore) -> dict[str, Handler]:
    return {
        "assess": lambda ctx: _assess(ctx, blobs),
        "catalogue-check": lambda ctx: catalogues.run_check(
            ctx,
            settings.ends_soon_days,
            lambda url: fetch_statement(url, settings.allow_private_urls, frozenset(settings.fetch_allow_addresses)),
        ),
        "url-check": lambda ctx: _check_urls(
            ctx, settings.allow_private_urls, frozenset(settings.fetch_allow_addresses)
        ),
        reverify.JOB_KIND: lambda ctx: reverify.run(ctx, blobs),
    }


def make_worker(factory: sessionmaker[Session], settings: Settings, blobs: BlobStore) -> Worker:
    def periodic() -> None:
        catalogues.schedule_due(factory)

    return Worker(
        factory,
        handlers(settings, blobs),
        poll_seconds=settings.worker_poll_seconds,
        periodic=periodic,
        stale_after=dt.timedelta(seconds=settings.job_stale_seconds),
    )
