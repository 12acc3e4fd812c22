"""The public look-up as single queries: a product, its manufacturer and its newest
statement in one round trip, without building ORM objects.

The look-up is the registry's busiest path (shoppers, distributors, labels' QR codes), so
each answer is one indexed SQL statement, built with SQLAlchemy Core, compiled once and run
on the driver's cursor (`psti.store.direct`): by public id (unique index; the newest
statement outer-joined, so a product known without one comes back from the same statement),
by exact model (the `lower(model)` index), else by a substring of model, name, brand or
manufacturer (LIKE with `%`, `_` and `\\` escaped, so they match themselves). A search
answers products with a published statement and products without any statement in one
UNION ALL: one round trip to PostgreSQL.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    BindParameter,
    Connection,
    Select,
    bindparam,
    cast,
    exists,
    func,
    literal,
    null,
    or_,
    select,
    union_all,
)

from psti.store.direct import DirectSelect
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

_STATEMENT_COLUMNS = frozenset(("statement_id", "status", "issued_on", "sha256", "withdrawn_reason", "assessment_id"))

_base = (
    select(*_COLUMNS)
    .select_from(Product)
    .join(Organisation, Organisation.id == Product.organisation_id)
    .join(_s, _s.c.id == _newest_statement)
)

# By public id, with or without a statement: the newest statement is outer-joined, so a
# product known without one comes back from the same statement with NULLs in its place.
BY_PUBLIC_ID = (
    select(*_COLUMNS)
    .select_from(Product)
    .join(Organisation, Organisation.id == Product.organisation_id)
    .outerjoin(_s, _s.c.id == _newest_statement)
    .where(Product.public_id == bindparam("public_id"))
)
BY_MODEL = _base.where(func.lower(Product.model) == bindparam("q"), _published).order_by(Product.name).limit(LIMIT)
_like: BindParameter[str] = bindparam("like")


def _text_matches() -> Any:
    """Model, name, brand or manufacturer containing the `like` pattern."""
    columns = (Product.model, Product.name, Product.brand, Organisation.name)
    return or_(*(func.lower(c).like(_like, escape="\\") for c in columns))


BY_TEXT = _base.where(_published, _text_matches()).order_by(Product.name).limit(LIMIT)


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
# exactly that, instead of finding nothing. Their rows have the same columns as the others
# (NULL where there is no statement), so a search answers both groups in one statement.
_no_statement = ~exists().where(StatementRecord.product_id == Product.id)
_bare = (
    select(*(cast(null(), c.type).label(c.name) if c.name in _STATEMENT_COLUMNS else c for c in _base.selected_columns))
    .select_from(Product)
    .join(Organisation, Organisation.id == Product.organisation_id)
    .where(_no_statement)
)


def _in_turn(published: Select[Any], bare: Select[Any]) -> Select[Any]:
    """Products with a published statement, then products without any statement (each
    group by name, at most LIMIT each), as one statement: one round trip to the database."""
    first = published.add_columns(literal(0).label("without_statement")).subquery()
    second = bare.add_columns(literal(1).label("without_statement")).subquery()
    both = union_all(select(first), select(second)).subquery()
    return select(both).order_by(both.c.without_statement, both.c.name)


SEARCH_BY_MODEL = _in_turn(
    BY_MODEL, _bare.where(func.lower(Product.model) == bindparam("q")).order_by(Product.name).limit(LIMIT)
)
SEARCH_BY_TEXT = _in_turn(BY_TEXT, _bare.where(_text_matches()).order_by(Product.name).limit(LIMIT))


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


_PRODUCT = DirectSelect(BY_PUBLIC_ID)
_SEARCH_BY_MODEL = DirectSelect(SEARCH_BY_MODEL)
_SEARCH_BY_TEXT = DirectSelect(SEARCH_BY_TEXT)


def product(conn: Connection, public_id: str) -> dict[str, Any] | None:
    """The public view of a product (`statement_on_record` says whether it has a
    statement), or None when the registry does not know it."""
    rows = _PRODUCT.rows(conn, {"public_id": public_id})
    if not rows:
        return None
    row = rows[0]
    return public_view(row) if row.statement_id is not None else bare_view(row)


def search(conn: Connection, query: str) -> list[dict[str, Any]]:
    """Products with a published statement, then products known without any statement:
    those whose model is exactly the query, else those matching it as a substring."""
    q = query.strip().lower()
    if not q:
        return []
    today = dt.date.today()
    # An exact model (what a shopper types from the box) is answered from the lower(model)
    # index alone; the substring scan runs only when no model matches exactly.
    rows = _SEARCH_BY_MODEL.rows(conn, {"q": q})
    if not rows:
        rows = _SEARCH_BY_TEXT.rows(conn, {"like": like_pattern(q)})
    return [bare_view(r) if r.without_statement else public_view(r, today) for r in rows]
