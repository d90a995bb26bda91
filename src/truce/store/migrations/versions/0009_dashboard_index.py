"""The dashboard's index: verdicts and facets per incident and version, so the served
dashboard counts, pages and maps in SQL (truce.web.overview). Derived data only.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-07
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "dashboard_index",
        sa.Column("agreement_id", sa.String(100), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("incident_id", sa.String(200), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("verdict", sa.Integer(), nullable=False),
        sa.Column("reason", sa.Integer(), nullable=False),
        sa.Column("day", sa.String(10)),
        sa.Column("perpetrator", sa.String(20), nullable=False),
        sa.Column("alignment", sa.String(20)),
        sa.Column("corroboration", sa.Integer()),
        sa.Column("map_lat", sa.Float()),
        sa.Column("map_lon", sa.Float()),
        sa.Column("map_precision", sa.String(8)),
        sa.Column("map_x", sa.Integer()),
        sa.Column("map_y", sa.Integer()),
        sa.PrimaryKeyConstraint(
            "agreement_id", "version", "incident_id", name="pk_dashboard_index"
        ),
    )
    op.create_index("ix_dashboard_index_seq", "dashboard_index", ["agreement_id", "version", "seq"])
    op.create_index(
        "ix_dashboard_index_map", "dashboard_index", ["agreement_id", "version", "map_x", "map_y"]
    )
    op.create_table(
        "dashboard_builds",
        sa.Column("agreement_id", sa.String(100), nullable=False),
        sa.Column("stamp", sa.String(200), nullable=False),
        sa.Column("versions", sa.JSON(), nullable=False),
        sa.Column("built_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("agreement_id", name="pk_dashboard_builds"),
    )


def downgrade() -> None:
    op.drop_table("dashboard_builds")
    op.drop_index("ix_dashboard_index_map", table_name="dashboard_index")
    op.drop_index("ix_dashboard_index_seq", table_name="dashboard_index")
    op.drop_table("dashboard_index")
