"""Products the registry knows that have no statement of compliance: a shopper who looks
one up learns exactly that, instead of finding nothing."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, or_, select

from psti.store.models import Organisation, Product, StatementRecord


def lookup(db: Any, query: str, limit: int = 20) -> list[Product]:
    """Products with no statement at all, matched as the public look-up matches."""
    q = query.strip().lower()
    if not q:
        return []
    any_statement = select(StatementRecord.product_id)
    # `%`, `_` and the escape character are literal in what a shopper types, as in products.lookup
    like = "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    return list(
        db.execute(
            select(Product)
            .join(Organisation, Organisation.id == Product.organisation_id)
            .where(Product.id.not_in(any_statement))
            .where(
                or_(
                    func.lower(Product.model) == q,
                    func.lower(Product.model).like(like, escape="\\"),
                    func.lower(Product.name).like(like, escape="\\"),
                    func.lower(Product.brand).like(like, escape="\\"),
                    func.lower(Organisation.name).like(like, escape="\\"),
                )
            )
            .order_by(Product.name)
            .limit(limit)
        ).scalars()
    )


def product(db: Any, public_id: str) -> Product | None:
    """The product, if it exists and has no statement."""
    found = db.execute(select(Product).where(Product.public_id == public_id)).scalar_one_or_none()
    if found is None:
        return None
    has = db.execute(select(StatementRecord.id).where(StatementRecord.product_id == found.id).limit(1)).first()
    return None if has else found


def view(p: Product) -> dict[str, Any]:
    org = p.organisation
    return {
        "id": p.public_id,
        "name": p.name,
        "model": p.model,
        "type": p.type,
        "brand": p.brand,
        "manufacturer": {"name": org.name, "slug": org.slug},
        "statement": None,
        "statement_on_record": False,
        "support_period": None,
    }
