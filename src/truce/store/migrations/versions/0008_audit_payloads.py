"""The audit trail keeps each entry's payload, so `audit verify` can hold the stored
rows to what the trail says was written.

Entries written before this revision kept only the payload's hash. The backfill rebuilds
the payloads it can from the rows as they stand (a report's content hash and where its
evidence went; a terms revision's data) and keeps one only when its hash is the one the
entry sealed: a rebuilt payload is then exactly the one written, and a row changed since
leaves its entry without one. The code is frozen here (no import of the application,
which later revisions change): the canonical JSON is that of `truce.audit` at 0008.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-07
"""

import hashlib
import json
from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("audit_log") as batch:
        batch.add_column(sa.Column("payload", sa.Text()))
    _backfill()


def _canonical(data: Any) -> str:
    return json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def _sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _report_payloads(conn: sa.Connection, tables: sa.MetaData, report_id: str) -> list[Any]:
    reports, evidence = tables.tables["reports"], tables.tables["evidence"]
    row = conn.execute(sa.select(reports.c.content_hash).where(reports.c.id == report_id)).first()
    if row is None:
        return []
    placed = conn.execute(
        sa.select(evidence.c.id, evidence.c.incident_id).where(evidence.c.report_id == report_id)
    ).all()

    def number(evidence_id: str) -> tuple[int, str]:
        tail = evidence_id.rsplit("#", 1)[-1]
        return (int(tail), evidence_id) if tail.isdigit() else (0, evidence_id)

    orders = [sorted(placed, key=lambda p: number(p.id)), sorted(placed, key=lambda p: p.id)]
    return [
        {"report": row.content_hash, "incidents": [[p.id, p.incident_id] for p in order]}
        for order in orders
    ]


def _terms_payloads(conn: sa.Connection, tables: sa.MetaData, obj: str, revision: int) -> list[Any]:
    agreements, versions = tables.tables["agreements"], tables.tables["terms_versions"]
    try:
        agreement, version = (part.split(":", 1)[1] for part in obj.split("/", 1))
    except (IndexError, ValueError):
        return []
    row = conn.execute(
        sa.select(versions.c.data, agreements.c.title)
        .join(agreements, agreements.c.id == versions.c.agreement_id)
        .where(
            versions.c.agreement_id == agreement,
            versions.c.version_id == version,
            versions.c.revision == revision,
        )
    ).first()
    if row is None:
        return []
    return [{"title": row.title, "revision": revision, "data": row.data}]


def _backfill() -> None:
    conn = op.get_bind()
    tables = sa.MetaData()
    for name in ("audit_log", "reports", "evidence", "agreements", "terms_versions"):
        sa.Table(name, tables, autoload_with=conn)
    log = tables.tables["audit_log"]
    revisions: dict[str, int] = {}
    found = []
    entries = conn.execute(
        sa.select(log.c.seq, log.c.action, log.c.object, log.c.payload_hash)
        .where(log.c.action.in_(("report.add", "terms.save")))
        .order_by(log.c.seq)
    ).all()
    for entry in entries:
        if entry.action == "report.add":
            candidates = _report_payloads(conn, tables, entry.object.split(":", 1)[-1])
        else:
            revisions[entry.object] = revisions.get(entry.object, 0) + 1
            candidates = _terms_payloads(conn, tables, entry.object, revisions[entry.object])
        for payload in candidates:
            text = _canonical(payload)
            if _sha256(text) == entry.payload_hash:
                found.append({"_seq": entry.seq, "text": text})
                break
    for at in range(0, len(found), 1000):
        conn.execute(
            log.update()
            .where(log.c.seq == sa.bindparam("_seq"))
            .values(payload=sa.bindparam("text")),
            found[at : at + 1000],
        )


def downgrade() -> None:
    with op.batch_alter_table("audit_log") as batch:
        batch.drop_column("payload")
