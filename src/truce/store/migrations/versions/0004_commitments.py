"""Commitments: promises with due dates, each with its source statement.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "commitments",
        sa.Column("id", sa.String(200), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("actors", sa.JSON(), nullable=False),
        sa.Column("action", sa.String(40), nullable=False),
        sa.Column("quantity", sa.Integer()),
        sa.Column("counts", sa.Text()),
        sa.Column("due", sa.Date()),
        sa.Column("due_rule", sa.String(20), nullable=False),
        sa.Column("account", sa.Text(), nullable=False),
        sa.Column("announced", sa.Date()),
        sa.Column("statement", sa.String(200), nullable=False),
        sa.Column("saved_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_commitments")),
    )
    op.create_index(op.f("ix_commitments_action"), "commitments", ["action"])
    op.create_index(op.f("ix_commitments_due"), "commitments", ["due"])


def downgrade() -> None:
    op.drop_index(op.f("ix_commitments_due"), table_name="commitments")
    op.drop_index(op.f("ix_commitments_action"), table_name="commitments")
    op.drop_table("commitments")
