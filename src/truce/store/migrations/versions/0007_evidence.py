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
    # new evidence are computed alike. The tables are read as they stand at this revision
    # (not through `truce.store.schema`, which later revisions change), and the
    # report's stance is kept: an incident drawn from a denial is a denial's evidence.
    from truce.domain import Evidence, Stance
    from truce.merge import corroboration, denied_by, footprint
    from truce.store.merging import evidence_row, key_rows
    from truce.store.rows import incident_from_row

    conn = op.get_bind()
    tables = sa.MetaData()
    incidents = sa.Table("incidents", tables, autoload_with=conn)
    reports = sa.Table("reports", tables, autoload_with=conn)
    found = conn.execute(
        sa.select(incidents, reports.c.stance.label("report_stance")).outerjoin(
            reports, reports.c.id == incidents.c.report_id
        )
    )
    grades = []
    for rows in found.partitions(1000):
        evidence, keys = [], []
        for row in rows:
            item = Evidence(
                record=incident_from_row(row),
                report_id=row.report_id,
                stance=Stance(row.report_stance or Stance.AFFIRM),
                coded=row.report_id is None,
                incident_id=row.id,
            )
            print_ = footprint(item)
            evidence.append(evidence_row(item, print_))
            if not item.coded:
                keys.extend(key_rows(print_))
            level = corroboration([item])
            grades.append(
                {
                    "_id": row.id,
                    "grade": level.value if level else None,
                    "denied": ";".join(denied_by([item])) or None,
                }
            )
        _insert(conn, "evidence", evidence)
        _insert(conn, "evidence_keys", keys)
    if grades:
        conn.execute(
            incidents.update()
            .where(incidents.c.id == sa.bindparam("_id"))
            .values(corroboration=sa.bindparam("grade"), denied_by=sa.bindparam("denied")),
            grades,
        )


def _insert(conn: sa.Connection, name: str, rows: list[dict[str, object]]) -> None:
    if rows:
        table = sa.table(name, *(sa.column(column) for column in rows[0]))
        conn.execute(table.insert(), rows)


def downgrade() -> None:
    op.drop_table("evidence_keys")
    op.drop_table("evidence")
    with op.batch_alter_table("incidents") as batch:
        batch.drop_index("ix_incidents_corroboration")
        batch.drop_column("denied_by")
        batch.drop_column("corroboration")
