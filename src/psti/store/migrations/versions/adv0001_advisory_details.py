"""advisory details

Revision ID: adv0001
Revises:
Depends on: c0001 (core: the vulnerability reports the details belong to)

The table of psti.store.advisories (branch label `advisories`): CVSS vector, affected
and fixed versions and remediation of a published advisory.
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "adv0001"
down_revision = None
branch_labels = ("advisories",)
depends_on = ("c0001",)


def upgrade() -> None:
    op.create_table(
        "advisory_details",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("report_id", sa.Integer(), nullable=False),
        sa.Column("cvss_vector", sa.String(length=200), nullable=False),
        sa.Column("affected_versions", sa.Text(), nullable=False),
        sa.Column("fixed_versions", sa.Text(), nullable=False),
        sa.Column("remediation", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["report_id"],
            ["vulnerability_report.id"],
            name=op.f("fk_advisory_details_report_id_vulnerability_report"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_advisory_details")),
        sa.UniqueConstraint("report_id", name=op.f("uq_advisory_details_report_id")),
    )


def downgrade() -> None:
    op.drop_table("advisory_details")
