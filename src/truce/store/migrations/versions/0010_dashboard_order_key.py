"""The dashboard's index orders incidents by a key (occurred, then id), not by a position,
so a write re-rules only the incidents it touched (truce.web.overview). The index is
derived data: it is dropped and built again on the next read.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-08
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Written out here rather than imported: a migration must not change when the code does.
_KEY = sa.String(250).with_variant(sa.String(250, collation="C"), "postgresql")


def _columns(order: sa.Column[object]) -> list[sa.schema.SchemaItem]:
    return [
        sa.Column("agreement_id", sa.String(100), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("incident_id", sa.String(200), nullable=False),
        order,
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
    ]


def _recreate(order: sa.Column[object], index: str, column: str) -> None:
    op.drop_index("ix_dashboard_index_map", table_name="dashboard_index")
    op.drop_table("dashboard_index")
    op.execute(sa.text("DELETE FROM dashboard_builds"))
    op.create_table("dashboard_index", *_columns(order))
    op.create_index(index, "dashboard_index", ["agreement_id", "version", column])
    op.create_index(
        "ix_dashboard_index_map", "dashboard_index", ["agreement_id", "version", "map_x", "map_y"]
    )


def upgrade() -> None:
    op.drop_index("ix_dashboard_index_seq", table_name="dashboard_index")
    _recreate(sa.Column("sort_key", _KEY, nullable=False), "ix_dashboard_index_order", "sort_key")


def downgrade() -> None:
    op.drop_index("ix_dashboard_index_order", table_name="dashboard_index")
    _recreate(sa.Column("seq", sa.Integer(), nullable=False), "ix_dashboard_index_seq", "seq")
