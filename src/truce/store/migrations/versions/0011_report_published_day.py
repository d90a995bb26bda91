"""A report's `published` may be a date alone: keep that it was, so a stored report reads
back as given (its times known to the day at best) and shows as a date.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-08
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # A plain ADD COLUMN (SQLite takes one with a constant default): a batch copy of the
    # table would drop `reports` under the evidence that refers to it.
    op.add_column(
        "reports",
        sa.Column("published_day", sa.Boolean(), nullable=False, server_default=sa.false()),
    )


def downgrade() -> None:
    op.drop_column("reports", "published_day")
