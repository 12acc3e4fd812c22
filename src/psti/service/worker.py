"""Background job handlers: assessments, catalogue checks, URL checks, scheduled re-checks."""

from __future__ import annotations

import datetime as dt
import ipaddress
import socket
import tempfile
from pathlib import Path
from urllib.parse import urlparse

import httpx
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from psti.assess import AssessOptions, assess
from psti.declaration import load_declaration
from psti.errors import PstiError
from psti.registry import catalogues
from psti.registry.blobs import BlobStore
from psti.registry.statements import MAX_STATEMENT_BYTES
from psti.service import reverify
from psti.service.settings import Settings
from psti.store import audit
from psti.store.db import reading
from psti.store.jobs import Handler, JobContext, Worker
from psti.store.models import AssessmentRecord, Product, ProductFile, ProductUrl, utcnow


def _assess(ctx: JobContext, blobs: BlobStore) -> str:
    """Run the same library call as `psti assess` on the stored declaration and files."""
    product_id = int(ctx.payload["product_id"])
    with reading(), ctx.factory() as db:  # read, then let go of the database while assessing
        product = db.get(Product, product_id)
        if product is None or not product.declaration_toml:
            raise PstiError("the product or its declaration no longer exists")
        organisation_id = product.organisation_id
        declaration = product.declaration_toml
        files = [
            (f.filename, blobs.read(f.blob))
            for f in db.execute(select(ProductFile).where(ProductFile.product_id == product_id)).scalars()
        ]
    with tempfile.TemporaryDirectory(prefix="psti-assess-") as tmp:
        work = Path(tmp)
        for filename, data in files:
            (work / filename).write_bytes(data)
        decl_path = work / "declaration.toml"
        decl_path.write_text(declaration, encoding="utf-8")
        loaded = load_declaration(decl_path, check_artefacts=False)
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


def url_is_allowed(url: str, allow_private: bool) -> tuple[bool, str]:
    parsed = urlparse(url)
    if parsed.scheme not in ("http", "https") or not parsed.hostname:
        return False, "not an http(s) URL"
    if allow_private:
        return True, ""
    try:
        infos = socket.getaddrinfo(parsed.hostname, parsed.port or 443, proto=socket.IPPROTO_TCP)
    except OSError as e:
        return False, f"cannot resolve host: {e}"
    for info in infos:
        ip = ipaddress.ip_address(info[4][0])
        if ip.is_private or ip.is_loopback or ip.is_link_local or ip.is_reserved or ip.is_multicast:
            return False, f"refused: {parsed.hostname} resolves to a private address ({ip})"
    return True, ""


def _check_urls(ctx: JobContext, allow_private: bool) -> str:
    product_id = int(ctx.payload["product_id"])
    with reading(), ctx.factory() as db:
        urls = [
            (u.id, u.url) for u in db.execute(select(ProductUrl).where(ProductUrl.product_id == product_id)).scalars()
        ]
    ctx.progress(0, len(urls))
    for i, (url_id, url) in enumerate(urls, 1):
        ok, why = url_is_allowed(url, allow_private)
        status = why
        if ok:
            try:
                r = httpx.get(url, timeout=10, follow_redirects=False)
                status = f"HTTP {r.status_code}"
            except httpx.HTTPError as e:
                status = f"unreachable: {type(e).__name__}"
        with ctx.factory() as db, db.begin():
            row = db.get(ProductUrl, url_id)
            if row is not None:
                row.last_status = status[:200]
                row.last_checked_at = utcnow()
        ctx.progress(i, len(urls))
    return f"checked {len(urls)} URL(s)"


def fetch_statement(url: str, allow_private: bool) -> bytes:
    """GET a statement document: http(s) only, public addresses only (unless allowed), 2 MiB, 10 s."""
    ok, why = url_is_allowed(url, allow_private)
    if not ok:
        raise PstiError(why)
    with httpx.stream("GET", url, timeout=10, follow_redirects=False) as r:
        if r.status_code != 200:
            raise PstiError(f"HTTP {r.status_code}")
        data = b""
        for chunk in r.iter_bytes():
            data += chunk
            if len(data) > MAX_STATEMENT_BYTES:
                raise PstiError("larger than a statement can be (2 MiB)")
    return data


def handlers(settings: Settings, blobs: BlobStore) -> dict[str, Handler]:
    return {
        "assess": lambda ctx: _assess(ctx, blobs),
        "catalogue-check": lambda ctx: catalogues.run_check(
            ctx, settings.ends_soon_days, lambda url: fetch_statement(url, settings.allow_private_urls)
        ),
        "url-check": lambda ctx: _check_urls(ctx, settings.allow_private_urls),
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
