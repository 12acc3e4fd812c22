"""The product label the registry serves: `psti.documents.label`, drawn for a published product.

The ticks come from the registry assessment the statement was published from; a statement
with no registry assessment (uploaded, or issued by form) is the manufacturer's declaration
that the Schedule 1 requirements are met, so the label shows them as met by that statement.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from psti.documents.label import LabelData, label_from_assessment, render_svg
from psti.model import Assessment
from psti.registry.errors import NotFound
from psti.store.models import AssessmentRecord, Product, StatementRecord


def product_label(db: Any, public_id: str, public_url: str) -> str:
    product = db.execute(select(Product).where(Product.public_id == public_id)).scalar_one_or_none()
    statement = (
        db.execute(
            select(StatementRecord).where(StatementRecord.product_id == product.id).order_by(StatementRecord.id.desc())
        )
        .scalars()
        .first()
        if product is not None
        else None
    )
    if product is None or statement is None:
        raise NotFound(f"no published product {public_id}")
    url = f"{public_url}/products/{public_id}"
    end = product.support_end or statement.support_end
    record = db.get(AssessmentRecord, statement.assessment_id) if statement.assessment_id else None
    if record is not None:
        data = label_from_assessment(Assessment.model_validate_json(record.result_json), end, url)
    else:
        data = LabelData(f"{product.name} ({product.model})", True, True, end, url)
    return render_svg(data)
