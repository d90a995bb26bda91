"""Merging: each report's account of an incident kept as evidence, blocking keys for
finding candidates, and the incident's corroboration and denials.

Incidents stored before this revision each become their own evidence: those drawn from
a report are filed for merging with later reports, coded ones are not.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-25
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("incidents") as batch:
        batch.add_column(sa.Column("corroboration", sa.String(20)))
        batch.add_column(sa.Column("denied_by", sa.String(100)))
        batch.create_index("ix_incidents_corroboration", ["corroboration"])
    op.create_table(
        "evidence",
        sa.Column("id", sa.String(200), nullable=False),
        sa.Column("incident_id", sa.String(200)),
        sa.Column("report_id", sa.String(200)),
        sa.Column("stance", sa.String(8), nullable=False),
        sa.Column("coded", sa.Boolean(), nullable=False),
        sa.Column("record", sa.Text(), nullable=False),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("source", sa.Text()),
        sa.Column("source_alignment", sa.String(20)),
        sa.Column("window_start", sa.DateTime()),
        sa.Column("window_end", sa.DateTime()),
        sa.Column("level", sa.Integer(), nullable=False),
        sa.Column("settlement", sa.Text()),
        sa.Column("lat", sa.Float()),
        sa.Column("lon", sa.Float()),
        sa.Column("region", sa.Text()),
        sa.Column("country", sa.String(2)),
        sa.Column("target", sa.String(60)),
        sa.Column("received_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["incident_id"], ["incidents.id"], name=op.f("fk_evidence_incident_id_incidents")
        ),
        sa.ForeignKeyConstraint(
            ["report_id"], ["reports.id"], name=op.f("fk_evidence_report_id_reports")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_evidence")),
    )
    op.create_index("ix_evidence_incident_id", "evidence", ["incident_id"])
    op.create_index("ix_evidence_report_id", "evidence", ["report_id"])
    op.create_table(
        "evidence_keys",
        sa.Column("key", sa.String(200), nullable=False),
        sa.Column("day", sa.Integer(), nullable=False),
        sa.Column("evidence_id", sa.String(200), nullable=False),
        sa.ForeignKeyConstraint(
            ["evidence_id"], ["evidence.id"], name=op.f("fk_evidence_keys_evidence_id_evidence")
        ),
        sa.PrimaryKeyConstraint("key", "day", "evidence_id", name=op.f("pk_evidence_keys")),
    )
    op.create_index("ix_evidence_keys_evidence_id", "evidence_keys", ["evidence_id"])
    _backfill()


def _backfill() -> None:
    # The application's own code turns rows into evidence, so the footprints of old and
    # new evidence are computed alike.
    from truce.domain import Evidence
    from truce.merge import corroboration, footprint
    from truce.store import schema
    from truce.store.merging import evidence_row, key_rows
    from truce.store.rows import incident_from_row

    conn = op.get_bind()
    incidents = schema.incidents
    rows = conn.execute(sa.select(incidents)).all()
    for row in rows:
        record = incident_from_row(row)
        item = Evidence(
            record=record,
            report_id=row.report_id,
            coded=row.report_id is None,
            incident_id=row.id,
        )
        evidence = evidence_row(item)
        conn.execute(schema.evidence.insert(), [evidence])
        if not item.coded:
            keys = key_rows(footprint(item))
            if keys:
                conn.execute(schema.evidence_keys.insert(), keys)
        level = corroboration([item])
        conn.execute(
            incidents.update()
            .where(incidents.c.id == row.id)
            .values(corroboration=level.value if level else None)
        )


def downgrade() -> None:
    op.drop_table("evidence_keys")
    op.drop_table("evidence")
    with op.batch_alter_table("incidents") as batch:
        batch.drop_index("ix_incidents_corroboration")
        batch.drop_column("denied_by")
        batch.drop_column("corroboration")
