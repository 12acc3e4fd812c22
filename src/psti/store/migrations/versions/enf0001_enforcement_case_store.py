"""enforcement case store

Revision ID: enf0001
Revises:
Depends on: c0001 (core: the shared audit log that case events are mirrored to)

The tables of psti.enforcement (branch label `enforcement`), applied with the core
branch by `alembic upgrade heads`.
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "enf0001"
down_revision = None
branch_labels = ("enforcement",)
depends_on = ("c0001",)


def upgrade() -> None:
    op.create_table(
        "enf_actors",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("address", sa.Text(), nullable=False),
        sa.Column("email", sa.String(length=300), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_enf_actors")),
        sa.UniqueConstraint("name", name="uq_enf_actors_name"),
    )
    op.create_table(
        "enf_cases",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("reference", sa.String(length=40), nullable=False),
        sa.Column("state", sa.String(length=40), nullable=False),
        sa.Column("workflow", sa.String(length=80), nullable=False),
        sa.Column("product_name", sa.String(length=300), nullable=False),
        sa.Column("product_model", sa.String(length=300), nullable=False),
        sa.Column("source", sa.String(length=40), nullable=False),
        sa.Column("allegation", sa.Text(), nullable=False),
        sa.Column("provisions", sa.JSON(), nullable=False),
        sa.Column("opened_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("opened_by", sa.String(length=200), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_enf_cases")),
        sa.UniqueConstraint("reference", name=op.f("uq_enf_cases_reference")),
    )
    with op.batch_alter_table("enf_cases", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_enf_cases_state"), ["state"], unique=False)

    op.create_table(
        "enf_case_parties",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("actor_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(["actor_id"], ["enf_actors.id"], name=op.f("fk_enf_case_parties_actor_id_enf_actors")),
        sa.ForeignKeyConstraint(["case_id"], ["enf_cases.id"], name=op.f("fk_enf_case_parties_case_id_enf_cases")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_enf_case_parties")),
        sa.UniqueConstraint("case_id", "actor_id", "role", name="uq_enf_case_parties_case_actor_role"),
    )
    with op.batch_alter_table("enf_case_parties", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_enf_case_parties_actor_id"), ["actor_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_enf_case_parties_case_id"), ["case_id"], unique=False)

    op.create_table(
        "enf_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("who", sa.String(length=200), nullable=False),
        sa.Column("action", sa.String(length=60), nullable=False),
        sa.Column("from_state", sa.String(length=40), nullable=False),
        sa.Column("to_state", sa.String(length=40), nullable=False),
        sa.Column("why", sa.Text(), nullable=False),
        sa.Column("evidence", sa.JSON(), nullable=False),
        sa.Column("details", sa.JSON(), nullable=False),
        sa.Column("prev_hash", sa.String(length=64), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(["case_id"], ["enf_cases.id"], name=op.f("fk_enf_events_case_id_enf_cases")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_enf_events")),
        sa.UniqueConstraint("hash", name=op.f("uq_enf_events_hash")),
        sa.UniqueConstraint("prev_hash", name="uq_enf_events_prev_hash"),
    )
    with op.batch_alter_table("enf_events", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_enf_events_case_id"), ["case_id"], unique=False)

    op.create_table(
        "enf_evidence",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size", sa.Integer(), nullable=True),
        sa.Column("verdict", sa.String(length=40), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.Column("attached_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("attached_by", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(["case_id"], ["enf_cases.id"], name=op.f("fk_enf_evidence_case_id_enf_cases")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_enf_evidence")),
    )
    with op.batch_alter_table("enf_evidence", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_enf_evidence_case_id"), ["case_id"], unique=False)

    op.create_table(
        "enf_notices",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("actor_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("reference", sa.String(length=60), nullable=False),
        sa.Column("breach", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("urgent", sa.Boolean(), nullable=False),
        sa.Column("intent_given_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("not_before", sa.Date(), nullable=True),
        sa.Column("given_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("service_method", sa.String(length=20), nullable=False),
        sa.Column("service_basis", sa.Text(), nullable=False),
        sa.Column("compliance_by", sa.Date(), nullable=True),
        sa.Column("pay_by", sa.Date(), nullable=True),
        sa.Column("respond_by", sa.Date(), nullable=True),
        sa.Column("appeal_by", sa.Date(), nullable=True),
        sa.Column("amount_gbp", sa.String(length=40), nullable=False),
        sa.Column("daily_gbp", sa.String(length=40), nullable=False),
        sa.Column("calculation", sa.JSON(), nullable=False),
        sa.Column("context", sa.JSON(), nullable=False),
        sa.Column("responded_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["actor_id"], ["enf_actors.id"], name=op.f("fk_enf_notices_actor_id_enf_actors")),
        sa.ForeignKeyConstraint(["case_id"], ["enf_cases.id"], name=op.f("fk_enf_notices_case_id_enf_cases")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_enf_notices")),
        sa.UniqueConstraint("reference", name=op.f("uq_enf_notices_reference")),
    )
    with op.batch_alter_table("enf_notices", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_enf_notices_actor_id"), ["actor_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_enf_notices_case_id"), ["case_id"], unique=False)

    op.create_table(
        "enf_notice_documents",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("notice_id", sa.Integer(), nullable=False),
        sa.Column("doc_kind", sa.String(length=20), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("given_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("appeal_by", sa.Date(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["notice_id"],
            ["enf_notices.id"],
            name=op.f("fk_enf_notice_documents_notice_id_enf_notices"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_enf_notice_documents")),
    )
    with op.batch_alter_table("enf_notice_documents", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_enf_notice_documents_notice_id"), ["notice_id"], unique=False)

    op.create_table(
        "enf_appeals",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("notice_id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=True),
        sa.Column("lodged_on", sa.Date(), nullable=False),
        sa.Column("grounds", sa.JSON(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("outcome", sa.String(length=40), nullable=False),
        sa.Column("decided_on", sa.Date(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["case_id"], ["enf_cases.id"], name=op.f("fk_enf_appeals_case_id_enf_cases")),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["enf_notice_documents.id"],
            name=op.f("fk_enf_appeals_document_id_enf_notice_documents"),
        ),
        sa.ForeignKeyConstraint(["notice_id"], ["enf_notices.id"], name=op.f("fk_enf_appeals_notice_id_enf_notices")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_enf_appeals")),
    )
    with op.batch_alter_table("enf_appeals", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_enf_appeals_case_id"), ["case_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_enf_appeals_notice_id"), ["notice_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("enf_appeals", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_enf_appeals_notice_id"))
        batch_op.drop_index(batch_op.f("ix_enf_appeals_case_id"))

    op.drop_table("enf_appeals")
    with op.batch_alter_table("enf_notice_documents", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_enf_notice_documents_notice_id"))

    op.drop_table("enf_notice_documents")
    with op.batch_alter_table("enf_notices", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_enf_notices_case_id"))
        batch_op.drop_index(batch_op.f("ix_enf_notices_actor_id"))

    op.drop_table("enf_notices")
    with op.batch_alter_table("enf_evidence", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_enf_evidence_case_id"))

    op.drop_table("enf_evidence")
    with op.batch_alter_table("enf_events", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_enf_events_case_id"))

    op.drop_table("enf_events")
    with op.batch_alter_table("enf_case_parties", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_enf_case_parties_case_id"))
        batch_op.drop_index(batch_op.f("ix_enf_case_parties_actor_id"))

    op.drop_table("enf_case_parties")
    with op.batch_alter_table("enf_cases", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_enf_cases_state"))

    op.drop_table("enf_cases")
    op.drop_table("enf_actors")
