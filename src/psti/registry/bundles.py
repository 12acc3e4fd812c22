"""Evidence bundles in the registry: a manufacturer files a bundle with the statement that
names it, and the registry keeps it under the product.

The statement is published as any uploaded statement is (`products.register_statement`:
it must verify and be signed by a key the product's organisation registered); the bundle
must be the one the statement names (`statement.bundle.sha256`), signed by the same key,
and pass every check `psti verify NAME.pstib` makes. It is then stored by hash, as other
product files are, with the kind `evidence-bundle`.
"""

from __future__ import annotations

import hashlib
import tempfile
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from sqlalchemy import select

from psti.bundle.archive import BadBundle
from psti.bundle.reverify import open_bundle
from psti.registry import products
from psti.registry import statements as st
from psti.registry.blobs import safe_filename
from psti.registry.context import Ctx
from psti.registry.errors import Invalid, NotFound
from psti.store.models import Blob, Product, ProductFile, StatementRecord

BUNDLE_KIND = "evidence-bundle"


def _statement_record(ctx: Ctx, product_id: int, document: bytes) -> StatementRecord:
    """The statement as published: the one already held (same bytes), else registered now."""
    digest = hashlib.sha256(document).hexdigest()
    held = ctx.db.execute(
        select(StatementRecord).where(StatementRecord.product_id == product_id, StatementRecord.sha256 == digest)
    ).scalar_one_or_none()
    return held if held is not None else products.register_statement(ctx, product_id, document)


def accept_bundle(ctx: Ctx, product_id: int, statement: bytes, bundle: bytes, filename: str) -> dict[str, Any]:
    products.own_product(ctx, product_id)
    res = st.verify_statement(statement)
    if not res.valid:
        raise Invalid(f"the statement does not verify: {res.reason}", [{"field": "statement", "message": res.reason}])
    named = res.statement.get("bundle")
    digest = hashlib.sha256(bundle).hexdigest()
    if not isinstance(named, dict) or named.get("sha256") != digest:
        why = ("the statement names no bundle" if not isinstance(named, dict)
               else f"the statement names bundle sha256 {named.get('sha256')}, this file is {digest}")
        raise Invalid(f"{why}; issue the statement with `psti statement --bundle NAME.pstib`",
                      [{"field": "bundle", "message": "not the statement's bundle"}])
    key = Ed25519PublicKey.from_public_bytes(res.public_key)  # the statement's signer signs the bundle too
    with tempfile.TemporaryDirectory(prefix="psti-bundle-") as tmp:
        path = Path(tmp) / "upload.pstib"
        path.write_bytes(bundle)
        try:
            opened = open_bundle(path, key)
        except BadBundle as e:
            raise Invalid(f"the bundle does not verify: {e}", [{"field": "bundle", "message": str(e)}]) from None
    record = _statement_record(ctx, product_id, statement)
    product = ctx.db.get(Product, product_id)
    assert product is not None  # own_product found it
    blob = ctx.blobs.put(ctx.db, bundle, ctx.settings.max_upload_bytes)
    row = ctx.db.execute(select(ProductFile).where(  # filed again: kept once
        ProductFile.product_id == product_id, ProductFile.kind == BUNDLE_KIND, ProductFile.blob_id == blob.id
    )).scalars().first()
    if row is None:
        row = ProductFile(product_id=product_id, kind=BUNDLE_KIND, filename=safe_filename(filename), blob_id=blob.id)
        ctx.db.add(row)
        ctx.db.flush()
    m = opened.manifest
    ctx.audit("product.bundle.accept", f"product:{product_id}", product.organisation_id, sha256=digest,
              size=len(bundle), statement=record.public_id, overall=m.assessment.overall,
              law_date=m.law_date.isoformat())
    return bundle_json(row, blob) | {"statement": record.public_id, "overall": m.assessment.overall,
                                     "law_date": m.law_date.isoformat(),
                                     "regime_versions": list(m.regime.versions)}


def bundle_json(row: ProductFile, blob: Blob) -> dict[str, Any]:
    return {"id": row.id, "product_id": row.product_id, "filename": row.filename, "sha256": blob.sha256,
            "size": blob.size, "created_at": row.created_at.isoformat() if row.created_at else None}


def list_bundles(ctx: Ctx, product_id: int) -> list[dict[str, Any]]:
    products.own_product(ctx, product_id)
    rows = ctx.db.execute(
        select(ProductFile).where(ProductFile.product_id == product_id, ProductFile.kind == BUNDLE_KIND)
        .order_by(ProductFile.id)
    ).scalars()
    return [bundle_json(r, r.blob) for r in rows]


def held_bundle(ctx: Ctx, sha256: str) -> tuple[ProductFile, Blob]:
    """A bundle the registry keeps, by its hash (for an officer: any product's)."""
    row = ctx.db.execute(
        select(ProductFile).join(Blob, ProductFile.blob_id == Blob.id)
        .where(Blob.sha256 == sha256, ProductFile.kind == BUNDLE_KIND).order_by(ProductFile.id)
    ).scalars().first()
    if row is None:
        raise NotFound(f"the registry holds no evidence bundle with sha256 {sha256}")
    return row, row.blob
