"""registry keys: public keys bound to organisations, sealed private keys, statement provenance

Revision ID: c0002
Revises: c0001
Create Date: 2026-12-03 13:30:00

Organisations register the public keys they sign statements with (`organisation_key`);
keys the registry already holds are registered for their organisation, in force from the
day they were made, so the statements they signed stay valid. Private keys the registry
holds get a `sealed` flag: the service seals the old plaintext rows when it starts with
its key-encryption key (a migration has no key to seal with). A statement records the
assessment it was published from and the registered key that signed it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "c0002"
down_revision: str | Sequence[str] | None = "c0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "organisation_key",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("organisation_id", sa.Integer(), nullable=False),
        sa.Column("fingerprint", sa.String(length=80), nullable=False),
        sa.Column("public_key", sa.LargeBinary(), nullable=False),
        sa.Column("label", sa.String(length=100), nullable=False),
        sa.Column("held_by_registry", sa.Boolean(), nullable=False),
        sa.Column("valid_from", sa.Date(), nullable=False),
        sa.Column("retired_at", sa.Date(), nullable=True),
        sa.Column("revoked_at", sa.Date(), nullable=True),
        sa.Column("revoked_reason", sa.Text(), nullable=False),
        sa.Column("created_by", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["organisation_id"], ["organisation.id"], name=op.f("fk_organisation_key_organisation_id_organisation")
        ),
        sa.ForeignKeyConstraint(
            ["created_by"], ["user_account.id"], name=op.f("fk_organisation_key_created_by_user_account")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_organisation_key")),
        sa.UniqueConstraint("fingerprint", name=op.f("uq_organisation_key_fingerprint")),
    )
    with op.batch_alter_table("organisation_key", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_organisation_key_organisation_id"), ["organisation_id"], unique=False)

    with op.batch_alter_table("signing_key", schema=None) as batch_op:
        batch_op.alter_column("key_id", existing_type=sa.String(length=64), type_=sa.String(length=80))
        batch_op.add_column(sa.Column("sealed", sa.Boolean(), server_default=sa.text("false"), nullable=False))
        batch_op.add_column(sa.Column("retired_at", sa.DateTime(timezone=True), nullable=True))

    with op.batch_alter_table("statement", schema=None) as batch_op:
        batch_op.add_column(sa.Column("assessment_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("key_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_statement_assessment_id_assessment"), "assessment", ["assessment_id"], ["id"]
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_statement_key_id_organisation_key"), "organisation_key", ["key_id"], ["id"]
        )

    # Keys the registry already holds are its organisations' registered keys from the day they were made.
    conn = op.get_bind()
    keys = sa.table(
        "organisation_key",
        sa.column("organisation_id", sa.Integer()),
        sa.column("fingerprint", sa.String()),
        sa.column("public_key", sa.LargeBinary()),
        sa.column("label", sa.String()),
        sa.column("held_by_registry", sa.Boolean()),
        sa.column("valid_from", sa.Date()),
        sa.column("revoked_reason", sa.Text()),
        sa.column("created_at", sa.DateTime(timezone=True)),
    )
    held = conn.execute(sa.text("SELECT organisation_id, public_key, created_at FROM signing_key")).all()
    for org_id, public_key, created_at in held:
        made = created_at if isinstance(created_at, dt.datetime) else dt.datetime.fromisoformat(str(created_at))
        conn.execute(
            keys.insert().values(
                organisation_id=org_id,
                fingerprint="sha256:" + hashlib.sha256(bytes(public_key)).hexdigest(),
                public_key=bytes(public_key),
                label="held by the registry",
                held_by_registry=True,
                valid_from=made.date(),
                revoked_reason="",
                created_at=made,
            )
        )


def downgrade() -> None:
    with op.batch_alter_table("statement", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_statement_key_id_organisation_key"), type_="foreignkey")
        batch_op.drop_constraint(batch_op.f("fk_statement_assessment_id_assessment"), type_="foreignkey")
        batch_op.drop_column("key_id")
        batch_op.drop_column("assessment_id")
    with op.batch_alter_table("signing_key", schema=None) as batch_op:
        batch_op.drop_column("retired_at")
        batch_op.drop_column("sealed")
        batch_op.alter_column("key_id", existing_type=sa.String(length=80), type_=sa.String(length=64))
    with op.batch_alter_table("organisation_key", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_organisation_key_organisation_id"))
    op.drop_table("organisation_key")
