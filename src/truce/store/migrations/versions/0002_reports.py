"""Reports (sources' accounts), and the report each incident came from.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "reports",
        sa.Column("id", sa.String(200), nullable=False),
        sa.Column("source", sa.Text()),
        sa.Column("source_alignment", sa.String(20)),
        sa.Column("published", sa.DateTime()),
        sa.Column("text", sa.Text()),
        sa.Column("url", sa.Text()),
        sa.Column("lang", sa.String(8)),
        sa.Column("stance", sa.String(8), nullable=False),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("submitted_by", sa.String(100)),
        sa.Column("received_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reports")),
    )
    op.create_index(op.f("ix_reports_published"), "reports", ["published"])
    with op.batch_alter_table("incidents") as batch:
        batch.add_column(sa.Column("report_id", sa.String(200)))
        batch.create_foreign_key(
            op.f("fk_incidents_report_id_reports"), "reports", ["report_id"], ["id"]
        )
        batch.create_index(op.f("ix_incidents_report_id"), ["report_id"])


def downgrade() -> None:
    with op.batch_alter_table("incidents") as batch:
        batch.drop_index(op.f("ix_incidents_report_id"))
        batch.drop_constraint(op.f("fk_incidents_report_id_reports"), type_="foreignkey")
        batch.drop_column("report_id")
    op.drop_index(op.f("ix_reports_published"), table_name="reports")
    op.drop_table("reports")
