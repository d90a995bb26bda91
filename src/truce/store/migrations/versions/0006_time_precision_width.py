"""Widen `incidents.time_precision`: `part_of_day` (11 characters) did not fit in 10,
so PostgreSQL refused incidents extracted from "in the morning" (SQLite does not check).

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-25
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        return  # SQLite keeps any length; rebuilding the table would gain nothing
    op.alter_column(
        "incidents",
        "time_precision",
        type_=sa.String(20),
        existing_type=sa.String(10),
        existing_nullable=False,
    )


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        return
    op.alter_column(
        "incidents",
        "time_precision",
        type_=sa.String(10),
        existing_type=sa.String(20),
        existing_nullable=False,
    )
