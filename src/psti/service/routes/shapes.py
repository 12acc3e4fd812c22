"""The JSON shapes several areas return, and the base of every request body."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict

from psti.store.models import Job, Product, StatementRecord


class StrictModel(BaseModel):
    """A request body: unknown fields are refused, not ignored."""

    model_config = ConfigDict(extra="forbid")


def product_json(p: Product) -> dict[str, Any]:
    return {
        "id": p.id,
        "public_id": p.public_id,
        "name": p.name,
        "model": p.model,
        "type": p.type,
        "brand": p.brand,
        "category": p.category,
        "support_end": p.support_end.isoformat() if p.support_end else None,
        "has_declaration": bool(p.declaration_toml),
    }


def statement_json(s: StatementRecord) -> dict[str, Any]:
    return {
        "id": s.public_id,
        "product_id": s.product_id,
        "status": s.status,
        "issued_on": s.issued_on.isoformat(),
        "support_end": s.support_end.isoformat(),
        "retain_until": s.retain_until.isoformat(),
        "sha256": s.sha256,
        "assessment_id": s.assessment_id,
        "withdrawn_reason": s.withdrawn_reason or None,
        "document_url": f"/api/v1/statements/{s.public_id}",
    }


def job_json(j: Job) -> dict[str, Any]:
    return {
        "id": j.id,
        "kind": j.kind,
        "status": j.status,
        "progress": j.progress,
        "total": j.total,
        "message": j.message,
        "attempts": j.attempts,
        "created_at": j.created_at.isoformat() if j.created_at else None,
        "finished_at": j.finished_at.isoformat() if j.finished_at else None,
    }
