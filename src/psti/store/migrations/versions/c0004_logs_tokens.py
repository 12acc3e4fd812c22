"""sealed audit log, API token expiry and revocation

Revision ID: c0004
Revises: c0003

Audit events and the audit head gain seals (HMACs under the log key, which is kept outside
the database, see psti.store.logkey); the head is sealed by the first writer that has the
key. API tokens gain an expiry, a revocation time and when they were last used.
Create Date: 2026-12-03
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "c0004"
down_revision: str | Sequence[str] | None = "c0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # The append-only triggers refuse UPDATE; SQLite's batch mode copies the table, which
    # they do not see, but PostgreSQL adds columns in place, which they do not refuse either.
    with op.batch_alter_table("audit_event", schema=None) as batch_op:
        batch_op.add_column(sa.Column("mac", sa.String(length=64), server_default="", nullable=False))
    with op.batch_alter_table("audit_head", schema=None) as batch_op:
        batch_op.add_column(sa.Column("keyed_from", sa.Integer(), server_default="0", nullable=False))
        batch_op.add_column(sa.Column("key_id", sa.String(length=16), server_default="", nullable=False))
        batch_op.add_column(sa.Column("mac", sa.String(length=64), server_default="", nullable=False))
    with op.batch_alter_table("api_token", schema=None) as batch_op:
        batch_op.add_column(sa.Column("expires_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column("last_used_at", sa.DateTime(timezone=True), nullable=True))
    if op.get_bind().dialect.name == "sqlite":
        _recreate_sqlite_triggers()


def _recreate_sqlite_triggers() -> None:
    """Batch mode rebuilt audit_event, which drops its triggers on SQLite: put them back."""
    for verb in ("UPDATE", "DELETE"):
        op.execute(f"DROP TRIGGER IF EXISTS audit_event_no_{verb.lower()}")
        op.execute(
            f"CREATE TRIGGER audit_event_no_{verb.lower()} BEFORE {verb} ON audit_event "
            "BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END"
        )


def downgrade() -> None:
    with op.batch_alter_table("api_token", schema=None) as batch_op:
        batch_op.drop_column("last_used_at")
        batch_op.drop_column("revoked_at")
        batch_op.drop_column("expires_at")
    with op.batch_alter_table("audit_head", schema=None) as batch_op:
        batch_op.drop_column("mac")
        batch_op.drop_column("key_id")
        batch_op.drop_column("keyed_from")
    with op.batch_alter_table("audit_event", schema=None) as batch_op:
        batch_op.drop_column("mac")
    if op.get_bind().dialect.name == "sqlite":
        _recreate_sqlite_triggers()
