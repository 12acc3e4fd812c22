"""rate limit counters shared by every server process

Revision ID: c0003
Revises: c0002
Create Date: 2026-12-03 13:30:00.000000
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "c0003"
down_revision: str | Sequence[str] | None = "c0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "rate_counter",
        sa.Column("key", sa.String(length=300), nullable=False),
        sa.Column("slot", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("hits", sa.Integer(), nullable=False),
        sa.Column("expires_at", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("key", "slot", name=op.f("pk_rate_counter")),
    )
    with op.batch_alter_table("rate_counter", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_rate_counter_expires_at"), ["expires_at"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("rate_counter", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_rate_counter_expires_at"))
    op.drop_table("rate_counter")
