"""Agreements with versioned terms, and incidents.

Revision ID: 0001
Revises:
Create Date: 2026-11-25
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "agreements",
        sa.Column("id", sa.String(100), nullable=False),
        sa.Column("title", sa.Text()),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_agreements")),
    )
    op.create_table(
        "terms_versions",
        sa.Column("agreement_id", sa.String(100), nullable=False),
        sa.Column("version_id", sa.String(100), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("according_to", sa.String(20), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.Column("yaml", sa.Text(), nullable=False),
        sa.Column("source_file", sa.Text()),
        sa.Column("imported_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["agreement_id"],
            ["agreements.id"],
            name=op.f("fk_terms_versions_agreement_id_agreements"),
        ),
        sa.PrimaryKeyConstraint(
            "agreement_id", "version_id", "revision", name=op.f("pk_terms_versions")
        ),
    )
    op.create_table(
        "incidents",
        sa.Column("id", sa.String(200), nullable=False),
        sa.Column("occurred_at", sa.String(40)),
        sa.Column("time_precision", sa.String(10), nullable=False),
        sa.Column("occurred_from", sa.DateTime()),
        sa.Column("occurred_to", sa.DateTime()),
        sa.Column("place", sa.Text()),
        sa.Column("lat", sa.Float()),
        sa.Column("lon", sa.Float()),
        sa.Column("country", sa.String(2)),
        sa.Column("region", sa.Text()),
        sa.Column("geo_precision", sa.String(12), nullable=False),
        sa.Column("perpetrator", sa.String(20), nullable=False),
        sa.Column("target", sa.String(60)),
        sa.Column("target_detail", sa.Text()),
        sa.Column("weapon", sa.Text()),
        sa.Column("killed", sa.Integer()),
        sa.Column("injured", sa.Integer()),
        sa.Column("source", sa.Text()),
        sa.Column("source_alignment", sa.String(20)),
        sa.Column("reported_at", sa.DateTime()),
        sa.Column("url", sa.Text()),
        sa.Column("text", sa.Text()),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("source_file", sa.Text()),
        sa.Column("imported_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_incidents")),
    )
    op.create_index(op.f("ix_incidents_occurred_from"), "incidents", ["occurred_from"])
    op.create_index(op.f("ix_incidents_country"), "incidents", ["country"])


def downgrade() -> None:
    op.drop_index(op.f("ix_incidents_country"), table_name="incidents")
    op.drop_index(op.f("ix_incidents_occurred_from"), table_name="incidents")
    op.drop_table("incidents")
    op.drop_table("terms_versions")
    op.drop_table("agreements")
