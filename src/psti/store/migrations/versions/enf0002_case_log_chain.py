"""sealed, append-only case log

Revision ID: enf0002
Revises: enf0001

`enf_events` gains a seal per entry (HMAC under the log key, kept outside the database),
a sealed head (`enf_log_head`) and triggers refusing UPDATE and DELETE, as the registry's
audit log has. The head starts at the newest existing entry, unsealed; the first writer
with the key seals it from there on.
Create Date: 2026-12-03
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "enf0002"
down_revision: str | Sequence[str] | None = "enf0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

GENESIS = "0" * 64


def upgrade() -> None:
    with op.batch_alter_table("enf_events", schema=None) as batch_op:
        batch_op.add_column(sa.Column("mac", sa.String(length=64), server_default="", nullable=False))
    op.create_table(
        "enf_log_head",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("last_id", sa.Integer(), nullable=False),
        sa.Column("last_hash", sa.String(length=64), nullable=False),
        sa.Column("keyed_from", sa.Integer(), nullable=False),
        sa.Column("key_id", sa.String(length=16), nullable=False),
        sa.Column("mac", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_enf_log_head")),
    )
    bind = op.get_bind()
    last = bind.execute(sa.text("SELECT id, hash FROM enf_events ORDER BY id DESC LIMIT 1")).first()
    bind.execute(
        sa.text(
            "INSERT INTO enf_log_head (id, last_id, last_hash, keyed_from, key_id, mac) "
            "VALUES (1, :last_id, :last_hash, 0, '', '')"
        ),
        {"last_id": last[0] if last else 0, "last_hash": last[1] if last else GENESIS},
    )
    if bind.dialect.name == "postgresql":
        op.execute(
            "CREATE FUNCTION psti_case_log_append_only() RETURNS trigger AS $$ BEGIN "
            "RAISE EXCEPTION 'the case log is append-only'; END; $$ LANGUAGE plpgsql"
        )
        op.execute(
            "CREATE TRIGGER enf_events_append_only BEFORE UPDATE OR DELETE ON enf_events "
            "FOR EACH ROW EXECUTE FUNCTION psti_case_log_append_only()"
        )
    else:
        for verb in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER enf_events_no_{verb.lower()} BEFORE {verb} ON enf_events "
                "BEGIN SELECT RAISE(ABORT, 'the case log is append-only'); END"
            )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS enf_events_append_only ON enf_events")
        op.execute("DROP FUNCTION IF EXISTS psti_case_log_append_only()")
    else:
        op.execute("DROP TRIGGER IF EXISTS enf_events_no_update")
        op.execute("DROP TRIGGER IF EXISTS enf_events_no_delete")
    op.drop_table("enf_log_head")
    with op.batch_alter_table("enf_events", schema=None) as batch_op:
        batch_op.drop_column("mac")
