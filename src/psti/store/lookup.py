"""The public look-up as single queries: a product, its manufacturer and its newest
statement in one round trip, without building ORM objects.

The look-up is the registry's busiest path (shoppers, distributors, labels' QR codes), so
each answer is one indexed SQL statement through SQLAlchemy Core with a cached compiled
form: by public id (unique index), by exact model (the `lower(model)` index), else by a
substring of model, name, brand or manufacturer (LIKE with `%`, `_` and `\\` escaped, so
they match themselves).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import BindParameter, Connection, bindparam, exists, func, or_, select

from psti.store.models import Organisation, Product, StatementRecord

LIMIT = 20

_newest_statement = (
    select(func.max(StatementRecord.id)).where(StatementRecord.product_id == Product.id).scalar_subquery()
)
_published = exists().where(StatementRecord.product_id == Product.id, StatementRecord.status == "published")
_s = StatementRecord.__table__.alias("s")

_COLUMNS = (
    Product.public_id,
    Product.name,
    Product.model,
    Product.type,
    Product.brand,
    Product.support_end,
    Organisation.name.label("org_name"),
    Organisation.address,
    Organisation.slug,
    Organisation.reporting_contact,
    Organisation.policy_url,
    Organisation.acknowledgement_days,
    Organisation.status_update_days,
    _s.c.public_id.label("statement_id"),
    _s.c.status,
    _s.c.issued_on,
    _s.c.sha256,
    _s.c.withdrawn_reason,
    _s.c.assessment_id,
)

_base = (
    select(*_COLUMNS)
    .select_from(Product)
    .join(Organisation, Organisation.id == Product.organisation_id)
    .join(_s, _s.c.id == _newest_statement)
)

BY_PUBLIC_ID = _base.where(Product.public_id == bindparam("public_id"))
BY_MODEL = _base.where(func.lower(Product.model) == bindparam("q"), _published).order_by(Product.name).limit(LIMIT)
_like: BindParameter[str] = bindparam("like")


def _text_matches() -> Any:
    """Model, name, brand or manufacturer containing the `like` pattern."""
    columns = (Product.model, Product.name, Product.brand, Organisation.name)
    return or_(*(func.lower(c).like(_like, escape="\\") for c in columns))


BY_TEXT = (
    _base.where(_published, _text_matches())
    .order_by(Product.name)
    .limit(LIMIT)
)


def like_pattern(text: str) -> str:
    """`%text%` with LIKE's wildcards in the text matching only themselves."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def public_view(row: Any, today: dt.date | None = None) -> dict[str, Any]:
    """The public view of a product with a statement, built from one row."""
    today = today or dt.date.today()
    end: dt.date | None = row.support_end
    return {
        "id": row.public_id,
        "name": row.name,
        "model": row.model,
        "type": row.type,
        "brand": row.brand,
        "manufacturer": {"name": row.org_name, "address": row.address, "slug": row.slug},
        "support_period": {
            "end_date": end.isoformat() if end else None,
            "ended": bool(end and end < today),
            "days_left": (end - today).days if end else None,
        },
        "statement": {
            "id": row.statement_id,
            "status": row.status,
            "issued_on": row.issued_on.isoformat(),
            "sha256": row.sha256,
            "withdrawn_reason": row.withdrawn_reason or None,
            "document_url": f"/api/v1/statements/{row.statement_id}",
            # published from a registry assessment that supports it, or the manufacturer's own declaration
            "from_registry_assessment": row.assessment_id is not None,
        },
        "statement_on_record": True,
        "label_url": f"/products/{row.public_id}/label.svg",
        "reporting": {
            "contact": row.reporting_contact,
            "policy_url": row.policy_url,
            "report_form": f"/report/{row.slug}",
            "acknowledgement_days": row.acknowledgement_days,
            "status_update_days": row.status_update_days,
        },
    }


# Products the registry knows with no statement at all: a shopper who looks one up learns
# exactly that, instead of finding nothing.
_no_statement = ~exists().where(StatementRecord.product_id == Product.id)
_bare = (
    select(Product.public_id, Product.name, Product.model, Product.type, Product.brand,
           Organisation.name.label("org_name"), Organisation.slug)
    .select_from(Product)
    .join(Organisation, Organisation.id == Product.organisation_id)
    .where(_no_statement)
)
BARE_BY_PUBLIC_ID = _bare.where(Product.public_id == bindparam("public_id"))
BARE_BY_MODEL = _bare.where(func.lower(Product.model) == bindparam("q")).order_by(Product.name).limit(LIMIT)
BARE_BY_TEXT = _bare.where(_text_matches()).order_by(Product.name).limit(LIMIT)


def bare_view(row: Any) -> dict[str, Any]:
    """A product with no statement on record: who makes it, and that nothing is on record."""
    return {
        "id": row.public_id,
        "name": row.name,
        "model": row.model,
        "type": row.type,
        "brand": row.brand,
        "manufacturer": {"name": row.org_name, "slug": row.slug},
        "statement": None,
        "statement_on_record": False,
        "support_period": None,
    }


def product(conn: Connection, public_id: str) -> dict[str, Any] | None:
    """The public view of a product (`statement_on_record` says whether it has a
    statement), or None when the registry does not know it."""
    row = conn.execute(BY_PUBLIC_ID, {"public_id": public_id}).first()
    if row is not None:
        return public_view(row)
    bare = conn.execute(BARE_BY_PUBLIC_ID, {"public_id": public_id}).first()
    return bare_view(bare) if bare is not None else None


def search(conn: Connection, query: str) -> list[dict[str, Any]]:
    """Products with a published statement, then products known without any statement:
    those whose model is exactly the query, else those matching it as a substring."""
    q = query.strip().lower()
    if not q:
        return []
    today = dt.date.today()
    # An exact model (what a shopper types from the box) is answered from the lower(model)
    # index alone; the substring scans run only when no model matches exactly.
    rows = conn.execute(BY_MODEL, {"q": q}).all()
    bare = conn.execute(BARE_BY_MODEL, {"q": q}).all()
    if not rows and not bare:
        like = {"like": like_pattern(q)}
        rows = conn.execute(BY_TEXT, like).all()
        bare = conn.execute(BARE_BY_TEXT, like).all()
    return [public_view(r, today) for r in rows] + [bare_view(r) for r in bare]
