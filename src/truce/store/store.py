"""The store: agreements with their version history, reports and incidents.

Every import is one transaction, so a file either lands whole or leaves the database
exactly as it was.
"""

from __future__ import annotations

import getpass
import hashlib
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass, field, replace
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa

from truce.audit import AuditEntry, Verification, seal, verify
from truce.domain import (
    Agreement,
    Corroboration,
    Evidence,
    Incident,
    Report,
    Stance,
    TermsVersion,
)
from truce.errors import BadInput, Conflict, NotFound
from truce.merge import corroboration
from truce.store import merging, schema
from truce.store.database import create_engine, migrate, resolve_url
from truce.store.merging import Attached, attach, evidence_of, evidence_row
from truce.store.rows import (
    corroboration_filter,
    incident_from_row,
    incident_row,
    naive_utc,
    report_from_row,
    report_row,
    utc_now,
)
from truce.store.trail import stored_mismatches

if TYPE_CHECKING:  # truce.commitments reads accounts, which import the store
    from truce.commitments import Commitment


@dataclass(frozen=True)
class Revision:
    """One stored revision of a version, with the YAML it was imported as."""

    agreement_id: str
    version_id: str
    revision: int
    yaml: str
    source_file: str | None
    imported_at: datetime


@dataclass(frozen=True)
class TermsImport:
    agreement_id: str
    added: tuple[str, ...]
    replaced: tuple[str, ...]
    unchanged: tuple[str, ...]


@dataclass(frozen=True)
class IncidentsImport:
    added: int
    unchanged: int


@dataclass(frozen=True)
class ReportsImport:
    """Reports stored, reports already stored unchanged, incidents the new reports
    started, records that joined an incident already there, and where each new report's
    records went."""

    added: tuple[str, ...]
    unchanged: tuple[str, ...]
    incidents: int
    merged: int = 0
    placement: dict[str, tuple[Attached, ...]] = field(default_factory=dict)


@dataclass(frozen=True)
class User:
    """An API user. The token is never stored; `token_hash` is its SHA-256."""

    name: str
    role: str
    token_hash: str
    created_at: datetime
    revoked_at: datetime | None


# Key of the PostgreSQL advisory lock held by a transaction that stores incidents or
# reports ("truce-merge"): merging reads the incidents near a report and then writes.
_MERGING_LOCK_KEY = 0x74727563656D


def _one_merger(conn: sa.Connection) -> None:
    """Let one transaction at a time add, join or split incidents.

    Two writers adding the same new report, or two reports of one strike, must not each
    see the other missing: the first would collide on the report's key, the second
    would start two incidents where merging makes one. PostgreSQL takes this
    transaction-scoped advisory lock, before the audit trail's table lock, in every
    writer, so the order is always the same. SQLite takes its write lock now, with a
    write that changes nothing, rather than at the first insert, after the reads."""
    if conn.dialect.name == "postgresql":
        conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_MERGING_LOCK_KEY})")
    else:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = version_num WHERE 0")


@dataclass(frozen=True)
class StoredAccount:
    """One account of an agreement as published: `name` is its file name (its suffix
    says how to read it), `source` where it was read from, `on_date` the `--date` given
    to resolve its relative dates, if any."""

    name: str
    source: str
    text: str
    on_date: str | None = None


@dataclass(frozen=True)
class AccountsSaved:
    agreement_id: str
    added: tuple[str, ...]
    replaced: tuple[str, ...]
    unchanged: tuple[str, ...]


def default_actor() -> str:
    """Who the audit trail names for writes made outside the API: the OS user."""
    try:
        return f"cli:{getpass.getuser()}"
    except (KeyError, OSError):
        return "cli:unknown"


class Store:
    """A truce database. Opening it migrates the schema to the newest revision.

    Every write appends its audit entry in the same transaction as the write, naming
    `actor` (each write method takes one; the store's own defaults to `cli:<os user>`).
    `must_exist` is for commands that only read: a SQLite file that is not there is then
    an error, not a new empty database.
    """

    def __init__(
        self, url: str | None = None, *, actor: str | None = None, must_exist: bool = False
    ) -> None:
        self.url = resolve_url(url)
        self.actor = actor or default_actor()
        self.engine = create_engine(self.url, must_exist=must_exist)
        migrate(self.engine)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # Terms

    def save_agreement(
        self,
        agreement: Agreement,
        yaml_texts: dict[str, str],
        *,
        source_file: str | None = None,
        actor: str | None = None,
    ) -> TermsImport:
        """Store an agreement's versions: a changed version becomes a new revision (the
        old ones stay, as history); an identical one is left as it is."""
        added: list[str] = []
        replaced: list[str] = []
        unchanged: list[str] = []
        now = utc_now()
        a, v = schema.agreements, schema.terms_versions
        audit: list[tuple[str, str, Any]] = []
        with self.engine.begin() as conn:
            exists = conn.execute(sa.select(a.c.id).where(a.c.id == agreement.id)).first()
            if exists:
                conn.execute(
                    a.update()
                    .where(a.c.id == agreement.id)
                    .values(title=agreement.title, updated_at=now)
                )
            else:
                conn.execute(
                    a.insert().values(
                        id=agreement.id, title=agreement.title, created_at=now, updated_at=now
                    )
                )
            for position, version in enumerate(agreement.versions):
                data = version.to_data()
                latest = conn.execute(
                    sa.select(v.c.revision, v.c.data)
                    .where(v.c.agreement_id == agreement.id, v.c.version_id == version.id)
                    .order_by(v.c.revision.desc())
                    .limit(1)
                ).first()
                if latest is not None and latest.data == data:
                    unchanged.append(version.id)
                    continue
                (replaced if latest else added).append(version.id)
                revision = (latest.revision + 1) if latest else 1
                audit.append(
                    (
                        "terms.save",
                        f"agreement:{agreement.id}/version:{version.id}",
                        {"title": agreement.title, "revision": revision, "data": data},
                    )
                )
                conn.execute(
                    v.insert().values(
                        agreement_id=agreement.id,
                        version_id=version.id,
                        revision=revision,
                        according_to=version.according_to,
                        position=position,
                        data=data,
                        yaml=yaml_texts[version.id],
                        source_file=source_file,
                        imported_at=now,
                    )
                )
            self._append_audit(conn, actor, audit)
        return TermsImport(agreement.id, tuple(added), tuple(replaced), tuple(unchanged))

    def agreement(self, agreement_id: str) -> Agreement:
        """An agreement with the current revision of each of its versions."""
        a, v = schema.agreements, schema.terms_versions
        with self.engine.connect() as conn:
            head = conn.execute(sa.select(a).where(a.c.id == agreement_id)).first()
            if head is None:
                known = conn.execute(sa.select(a.c.id).order_by(a.c.id)).scalars().all()
                raise NotFound(
                    f"no agreement '{agreement_id}'"
                    + (f" (stored: {', '.join(known)})" if known else " (none stored yet)")
                )
            current = (
                sa.select(v.c.version_id, sa.func.max(v.c.revision).label("revision"))
                .where(v.c.agreement_id == agreement_id)
                .group_by(v.c.version_id)
                .subquery()
            )
            rows = conn.execute(
                sa.select(v.c.data)
                .join(
                    current,
                    (v.c.version_id == current.c.version_id) & (v.c.revision == current.c.revision),
                )
                .where(v.c.agreement_id == agreement_id)
                .order_by(v.c.position, v.c.version_id)
            ).all()
        versions = tuple(TermsVersion.from_data(row.data) for row in rows)
        return Agreement(id=head.id, title=head.title, versions=versions)

    def agreement_ids(self) -> list[str]:
        with self.engine.connect() as conn:
            return list(
                conn.execute(sa.select(schema.agreements.c.id).order_by("id")).scalars().all()
            )

    def history(self, agreement_id: str, version_id: str | None = None) -> list[Revision]:
        """Every stored revision, oldest first."""
        v = schema.terms_versions
        query = sa.select(v).where(v.c.agreement_id == agreement_id)
        if version_id is not None:
            query = query.where(v.c.version_id == version_id)
        with self.engine.connect() as conn:
            rows = conn.execute(query.order_by(v.c.version_id, v.c.revision)).all()
        if not rows:
            raise NotFound(f"no stored versions for agreement '{agreement_id}'")
        return [
            Revision(r.agreement_id, r.version_id, r.revision, r.yaml, r.source_file, r.imported_at)
            for r in rows
        ]

    # Incidents

    def add_incidents(
        self,
        incidents: Sequence[Incident],
        *,
        source_file: str | None = None,
        actor: str | None = None,
    ) -> IncidentsImport:
        """Store incidents in one transaction. An id already stored with the same content
        is skipped; with other content it raises `Conflict` naming the id, and nothing
        is stored."""
        with self.engine.begin() as conn:
            _one_merger(conn)
            new = self._insert_incidents(conn, incidents, source_file=source_file)
            if new:
                payload = {"incidents": [[row["id"], row["content_hash"]] for row in new]}
                self._append_audit(
                    conn, actor, [("incidents.import", f"incidents:{source_file or '-'}", payload)]
                )
        return IncidentsImport(added=len(new), unchanged=len(incidents) - len(new))

    def _insert_incidents(
        self, conn: sa.Connection, incidents: Sequence[Incident], *, source_file: str | None
    ) -> list[dict[str, Any]]:
        """Insert coded incidents not stored yet, each with its evidence; returns their
        rows. A coded incident is compared by its evidence (what the analyst coded), so
        it re-imports as unchanged even after merging changed the incident."""
        coded = [
            evidence_row(Evidence(record=i, report_id=None, coded=True, incident_id=i.id))
            for i in incidents
        ]
        e, table = schema.evidence, schema.incidents
        now = utc_now()
        stored: dict[str, str] = {}
        taken: set[str] = set()
        ids = [row["id"] for row in coded]
        for chunk in range(0, len(ids), 500):
            part = ids[chunk : chunk + 500]
            query = sa.select(e.c.id, e.c.content_hash).where(e.c.id.in_(part))
            stored.update((row.id, row.content_hash) for row in conn.execute(query))
            taken.update(conn.scalars(sa.select(table.c.id).where(table.c.id.in_(part))))
        new: list[dict[str, Any]] = []
        new_evidence: list[dict[str, Any]] = []
        for incident, row in zip(incidents, coded, strict=True):
            if row["id"] in stored or row["id"] in taken:
                if stored.get(row["id"]) != row["content_hash"]:
                    raise Conflict(row["id"])
                continue
            level = corroboration([Evidence(record=incident, report_id=None)])
            consolidated = replace(incident, corroboration=level.value if level else None)
            new.append(
                {**incident_row(consolidated), "source_file": source_file, "imported_at": now}
            )
            new_evidence.append(row)
        if new:
            conn.execute(table.insert(), new)
            conn.execute(e.insert(), new_evidence)
        return new

    # Reports

    def add_reports(
        self,
        reports: Sequence[tuple[Report, Sequence[Incident]]],
        *,
        submitted_by: str | None = None,
        source_file: str | None = None,
        actor: str | None = None,
    ) -> ReportsImport:
        """Store reports, and merge the records drawn from each, in one transaction.

        A report is idempotent by id: the same id and content again is skipped (with its
        records); the same id with other content raises `Conflict` naming the report,
        and nothing is stored. Each record is kept as evidence and joins the incident it
        matches, or starts one (`ReportsImport.placement` says which); a denial that
        matches nothing waits for its incident.
        """
        table = schema.reports
        now = utc_now()
        added: list[str] = []
        unchanged: list[str] = []
        evidence: list[Evidence] = []
        placement: dict[str, list[Attached]] = {}
        hashes: dict[str, str] = {}
        rows = [report_row(report) for report, _ in reports]
        with self.engine.begin() as conn:
            _one_merger(conn)
            # One query and one batched insert for the lot: the API commits groups of reports.
            stored: dict[str, str] = {}
            ids = [row["id"] for row in rows]
            for chunk in range(0, len(ids), 500):
                query = sa.select(table.c.id, table.c.content_hash).where(
                    table.c.id.in_(ids[chunk : chunk + 500])
                )
                stored.update((row.id, row.content_hash) for row in conn.execute(query))
            new_rows: list[dict[str, Any]] = []
            for (report, drawn), row in zip(reports, rows, strict=True):
                known = stored.get(report.id)
                if known is not None:
                    if known != row["content_hash"]:
                        raise Conflict(
                            f"report id '{report.id}' is already stored with different"
                            " content (give the corrected report a new id)"
                        )
                    unchanged.append(report.id)
                    continue
                stored[report.id] = row["content_hash"]
                new_rows.append({**row, "submitted_by": submitted_by, "received_at": now})
                added.append(report.id)
                hashes[report.id] = row["content_hash"]
                evidence.extend(
                    Evidence(
                        record=replace(incident, report_id=report.id),
                        report_id=report.id,
                        stance=Stance(report.stance),
                    )
                    for incident in drawn
                )
            self._refuse_taken_evidence_ids(conn, evidence)
            if new_rows:
                conn.execute(table.insert(), new_rows)
            placed = attach(conn, evidence, source_file=source_file)
            for item, where in zip(evidence, placed, strict=True):
                assert item.report_id is not None
                placement.setdefault(item.report_id, []).append(where)
            self._append_audit(
                conn,
                actor,
                [
                    (
                        "report.add",
                        f"report:{report_id}",
                        {
                            "report": hashes[report_id],
                            "incidents": [
                                [p.evidence, p.incident] for p in placement.get(report_id, [])
                            ],
                        },
                    )
                    for report_id in added
                ],
            )
        return ReportsImport(
            tuple(added),
            tuple(unchanged),
            incidents=sum(p.new for found in placement.values() for p in found),
            merged=sum(not p.new and p.incident is not None for f in placement.values() for p in f),
            placement={report: tuple(found) for report, found in placement.items()},
        )

    @staticmethod
    def _refuse_taken_evidence_ids(conn: sa.Connection, evidence: Sequence[Evidence]) -> None:
        """A new report's records must not take ids already stored: a structured
        report's record has the report's id, which an analyst's coded incident (or
        another report's record, `r#1`) may hold. `Conflict` naming the id, not an
        integrity error from the database."""
        e = schema.evidence
        ids = [item.record.id for item in evidence]
        for chunk in range(0, len(ids), 500):
            query = sa.select(e.c.id, e.c.coded).where(e.c.id.in_(ids[chunk : chunk + 500]))
            taken = conn.execute(query.limit(1)).first()
            if taken is not None:
                holder = "an incident an analyst imported" if taken.coded else "another report"
                raise Conflict(f"id '{taken.id}' is taken by {holder}: give the report a new id")

    def evidence(
        self, *, report_id: str | None = None, incident_id: str | None = None
    ) -> list[Evidence]:
        """Each report's account of an incident, for one report or one incident, in the
        order received."""
        return evidence_of(self.engine, report_id=report_id, incident_id=incident_id)

    def join_incidents(self, keep: str, other: str, *, actor: str | None = None) -> Incident:
        """An analyst's correction: `other` was the same incident as `keep`. All its
        evidence (reports, and the record an analyst coded) moves to `keep`, whose facts
        are consolidated again; `other`'s id is free until `split_incident` with that
        evidence restores it. Nothing `other` held is deleted."""
        with self.engine.begin() as conn:
            _one_merger(conn)
            moved = merging.join(conn, keep, other)
            self._append_audit(
                conn,
                actor,
                [
                    (
                        "incidents.join",
                        f"incident:{keep}",
                        {"kept": keep, "joined": other, "evidence": moved},
                    )
                ],
            )
        return self.incident(keep)

    def split_incident(
        self, incident_id: str, reports: Sequence[str], *, actor: str | None = None
    ) -> tuple[Incident, Incident]:
        """An analyst's correction: the named reports describe another incident. They
        move to a new incident; returns (what is left, the new incident)."""
        with self.engine.begin() as conn:
            _one_merger(conn)
            new, moved = merging.split(conn, incident_id, reports)
            self._append_audit(
                conn,
                actor,
                [
                    (
                        "incidents.split",
                        f"incident:{incident_id}",
                        {"from": incident_id, "into": new, "evidence": moved},
                    )
                ],
            )
        return self.incident(incident_id), self.incident(new)

    def coded_of(self, incident_ids: Sequence[str]) -> dict[str, list[str]]:
        """The hand-coded records (`truce incidents import` rows) merged into each
        incident, by id: a join keeps the joined incident's record here, and `split`
        with that id moves it back out."""
        e = schema.evidence
        return self._evidence_of(incident_ids, e.c.id, e.c.coded, order=(e.c.id,))

    def reports_of(self, incident_ids: Sequence[str]) -> dict[str, list[str]]:
        """The reports merged into each incident, in the order received (a coded
        incident with no report has none)."""
        e = schema.evidence
        return self._evidence_of(
            incident_ids, e.c.report_id, e.c.report_id.is_not(None), order=(e.c.received_at, e.c.id)
        )

    def _evidence_of(
        self,
        incident_ids: Sequence[str],
        column: sa.ColumnElement[Any],
        keep: sa.ColumnElement[bool],
        *,
        order: tuple[sa.ColumnElement[Any], ...],
    ) -> dict[str, list[str]]:
        """`column` of each incident's evidence rows that `keep` holds, by incident id,
        in `order`, each value once; asked 500 ids at a time."""
        e = schema.evidence
        out: dict[str, list[str]] = {i: [] for i in incident_ids}
        with self.engine.connect() as conn:
            for chunk in range(0, len(incident_ids), 500):
                query = (
                    sa.select(e.c.incident_id, column.label("value"))
                    .where(e.c.incident_id.in_(incident_ids[chunk : chunk + 500]), keep)
                    .order_by(*order)
                )
                for row in conn.execute(query):
                    if row.value not in out[row.incident_id]:
                        out[row.incident_id].append(row.value)
        return out

    def report(self, report_id: str) -> Report:
        table = schema.reports
        with self.engine.connect() as conn:
            row = conn.execute(sa.select(table).where(table.c.id == report_id)).first()
        if row is None:
            raise NotFound(f"no report '{report_id}'")
        return report_from_row(row)

    def reports(self) -> list[Report]:
        """Every report, in the order received."""
        return self.find_reports()

    def incidents(self) -> list[Incident]:
        """Every incident, in the order they occurred (unknown times last)."""
        return self.find_incidents()

    def count_incidents(self) -> int:
        with self.engine.connect() as conn:
            count = conn.execute(sa.select(sa.func.count()).select_from(schema.incidents))
            return int(count.scalar_one())

    def incident(self, incident_id: str) -> Incident:
        table = schema.incidents
        with self.engine.connect() as conn:
            row = conn.execute(sa.select(table).where(table.c.id == incident_id)).first()
        if row is None:
            raise NotFound(f"no incident '{incident_id}'")
        return incident_from_row(row)

    def find_incidents(
        self,
        *,
        party: str | None = None,
        country: str | None = None,
        target: str | None = None,
        report_id: str | None = None,
        since: datetime | None = None,
        until: datetime | None = None,
        min_corroboration: Corroboration | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[Incident]:
        """Incidents in the order they occurred, filtered. `target` takes its descendants
        too; `since`/`until` keep incidents whose time may lie in the range;
        `min_corroboration` keeps those corroborated at least that well."""
        table = schema.incidents
        query = sa.select(table).where(*corroboration_filter(table, min_corroboration))
        if party is not None:
            query = query.where(table.c.perpetrator == party)
        if country is not None:
            query = query.where(table.c.country == country)
        if target is not None:
            query = query.where(
                (table.c.target == target)
                | table.c.target.startswith(target + ".", autoescape=True)
            )
        if report_id is not None:
            query = query.where(
                table.c.id.in_(
                    sa.select(schema.evidence.c.incident_id).where(
                        schema.evidence.c.report_id == report_id
                    )
                )
            )
        if since is not None:
            query = query.where(table.c.occurred_to >= naive_utc(since))
        if until is not None:
            query = query.where(table.c.occurred_from <= naive_utc(until))
        query = query.order_by(*self._incident_order()).offset(offset)
        if limit is not None:
            query = query.limit(limit)
        with self.engine.connect() as conn:
            return [incident_from_row(row) for row in conn.execute(query)]

    def iter_incidents(
        self, *, chunk: int = 20_000, min_corroboration: Corroboration | None = None
    ) -> Iterator[list[Incident]]:
        """Every incident in the order of `incidents()`, in lists of at most `chunk`.

        One query, one snapshot, read as it is consumed (a server-side cursor on
        PostgreSQL, SQLite's own lazy cursor), so memory holds one chunk however many
        incidents are stored. The connection stays open until the iterator is exhausted
        or closed. `min_corroboration` keeps those corroborated at least that well."""
        table = schema.incidents
        query = (
            sa.select(table)
            .where(*corroboration_filter(table, min_corroboration))
            .order_by(*self._incident_order())
        )
        with self.engine.connect() as conn:
            result = conn.execution_options(yield_per=chunk).execute(query)
            for rows in result.partitions():
                yield [incident_from_row(row) for row in rows]

    def _incident_order(self) -> tuple[sa.ColumnElement[Any], ...]:
        """Occurred first, unknown times last, then by id compared byte by byte: the
        database's collation must not decide (PostgreSQL's `en_US` would sort `a-2`
        before `A-3` and after `A-1`; SQLite compares bytes), so both engines agree."""
        table = schema.incidents
        return (table.c.occurred_from.is_(None), table.c.occurred_from, self._bytewise(table.c.id))

    def _bytewise(self, column: sa.ColumnElement[Any]) -> sa.ColumnElement[Any]:
        """`column` to sort by its bytes, as SQLite does, whatever the server's collation."""
        return column.collate("C") if self.engine.dialect.name == "postgresql" else column

    def find_reports(
        self,
        *,
        source_alignment: str | None = None,
        submitted_by: str | None = None,
        since: datetime | None = None,
        until: datetime | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[Report]:
        """Reports in the order they were received, filtered by publication time."""
        table = schema.reports
        query = sa.select(table)
        if source_alignment is not None:
            query = query.where(table.c.source_alignment == source_alignment)
        if submitted_by is not None:
            query = query.where(table.c.submitted_by == submitted_by)
        if since is not None:
            query = query.where(table.c.published >= naive_utc(since))
        if until is not None:
            query = query.where(table.c.published <= naive_utc(until))
        query = query.order_by(table.c.received_at, self._bytewise(table.c.id)).offset(offset)
        if limit is not None:
            query = query.limit(limit)
        with self.engine.connect() as conn:
            return [report_from_row(row) for row in conn.execute(query)]

    # Commitments

    def save_commitments(
        self, commitments: Sequence[Commitment], *, actor: str | None = None
    ) -> list[str]:
        """Store commitments under their ids, replacing any with the same id, in one
        transaction with their audit entries; returns the ids."""
        table = schema.commitments
        now = utc_now()
        with self.engine.begin() as conn:
            audit = []
            for c in commitments:
                row = {
                    "id": c.id, "text": c.text, "actors": list(c.actors), "action": c.action,
                    "quantity": c.quantity, "counts": c.counts, "due": c.due,
                    "due_rule": c.due_rule, "account": c.account, "announced": c.announced,
                    "statement": c.statement, "saved_at": now,
                }  # fmt: skip
                conn.execute(table.delete().where(table.c.id == c.id))
                conn.execute(table.insert().values(**row))
                audit.append(("commitment.save", f"commitment:{c.id}", c.as_json()))
            self._append_audit(conn, actor, audit)
        return [c.id for c in commitments]

    def find_commitments(
        self,
        *,
        actor: str | None = None,
        action: str | None = None,
        due_from: date | None = None,
        due_to: date | None = None,
    ) -> list[Commitment]:
        """Commitments by due date (undated last), filtered; `actor` is one party code
        among the commitment's actors (matched in Python: JSON lists are not portable SQL)."""
        from truce.commitments import Commitment  # here: the import cycle above

        table = schema.commitments
        query = sa.select(table)
        if action is not None:
            query = query.where(table.c.action == action)
        if due_from is not None:
            query = query.where(table.c.due >= due_from)
        if due_to is not None:
            query = query.where(table.c.due <= due_to)
        query = query.order_by(table.c.due.is_(None), table.c.due, self._bytewise(table.c.id))
        with self.engine.connect() as conn:
            rows = list(conn.execute(query))
        found = [
            Commitment(
                id=r.id, text=r.text, actors=tuple(r.actors), action=r.action,
                quantity=r.quantity, counts=r.counts, due=r.due, due_rule=r.due_rule,
                account=r.account, announced=r.announced, statement=r.statement,
            )
            for r in rows
        ]  # fmt: skip
        return [c for c in found if actor is None or actor in c.actors]

    # Accounts

    def save_accounts(
        self, agreement_id: str, accounts: Sequence[StoredAccount], *, actor: str | None = None
    ) -> AccountsSaved:
        """Keep an agreement's accounts, in one transaction with their audit entries: an
        account under a name already stored replaces it if its text changed; new ones go
        after those stored before, in the order given."""
        names = [a.name for a in accounts]
        twice = sorted({n for n in names if names.count(n) > 1})
        if twice:
            raise BadInput(
                f"two accounts are named '{twice[0]}'; give each account once", field="accounts"
            )
        table = schema.accounts
        added: list[str] = []
        replaced: list[str] = []
        unchanged: list[str] = []
        audit: list[tuple[str, str, Any]] = []
        now = utc_now()
        with self.engine.begin() as conn:
            stored = {
                row.name: row
                for row in conn.execute(
                    sa.select(table).where(table.c.agreement_id == agreement_id)
                )
            }
            position = max((row.position for row in stored.values()), default=-1)
            for account in accounts:
                digest = hashlib.sha256(account.text.encode("utf-8")).hexdigest()
                old = stored.get(account.name)
                if old is not None and (old.content_hash, old.on_date) == (
                    digest,
                    account.on_date,
                ):
                    unchanged.append(account.name)
                    continue
                if old is None:
                    position += 1
                    added.append(account.name)
                else:
                    replaced.append(account.name)
                    conn.execute(
                        table.delete().where(
                            table.c.agreement_id == agreement_id, table.c.name == account.name
                        )
                    )
                conn.execute(
                    table.insert().values(
                        agreement_id=agreement_id,
                        name=account.name,
                        position=position if old is None else old.position,
                        source=account.source,
                        text=account.text,
                        on_date=account.on_date,
                        content_hash=digest,
                        saved_at=now,
                    )
                )
                payload = {
                    "source": account.source,
                    "on_date": account.on_date,
                    "content_hash": digest,
                }
                audit.append(
                    ("account.save", f"agreement:{agreement_id}/account:{account.name}", payload)
                )
            self._append_audit(conn, actor, audit)
        return AccountsSaved(agreement_id, tuple(added), tuple(replaced), tuple(unchanged))

    def accounts(self, agreement_id: str) -> list[StoredAccount]:
        """An agreement's stored accounts, in the order they were first stored."""
        table = schema.accounts
        query = (
            sa.select(table)
            .where(table.c.agreement_id == agreement_id)
            .order_by(table.c.position, table.c.name)
        )
        with self.engine.connect() as conn:
            return [
                StoredAccount(row.name, row.source, row.text, row.on_date)
                for row in conn.execute(query)
            ]

    # Users

    def add_user(self, name: str, role: str, token_hash: str, *, actor: str | None = None) -> User:
        """Store a user; a name already taken (even by a revoked user) raises `Conflict`."""
        table = schema.users
        user = User(name, role, token_hash, utc_now(), None)
        with self.engine.begin() as conn:
            taken = conn.execute(sa.select(table.c.name).where(table.c.name == name)).first()
            if taken:
                raise Conflict(f"user '{name}' exists already (names are never reused)")
            conn.execute(table.insert().values(**asdict(user)))
            payload = {"name": name, "role": role, "token_hash": token_hash}
            self._append_audit(conn, actor, [("user.add", f"user:{name}", payload)])
        return user

    def revoke_user(self, name: str, *, actor: str | None = None) -> User:
        """Revoke a user's token for good; the user stays, for the audit trail's sake.
        The last active admin is never revoked: nobody could manage users through the
        API after that (the CLI can still add an admin, but a server's users may not
        hold the machine)."""
        table = schema.users
        now = utc_now()
        with self.engine.begin() as conn:
            admins = list(
                conn.scalars(
                    sa.select(table.c.name)
                    .where(table.c.role == "admin", table.c.revoked_at.is_(None))
                    .with_for_update()  # two admins revoking each other: one waits
                )
            )
            if admins == [name]:
                raise Conflict(
                    f"'{name}' is the last admin; add another admin first"
                    " (truce users add NAME --role admin), then revoke this one"
                )
            done = conn.execute(
                table.update()
                .where(table.c.name == name, table.c.revoked_at.is_(None))
                .values(revoked_at=now)
            )
            if done.rowcount != 1:
                known = conn.execute(sa.select(table.c.name).where(table.c.name == name)).first()
                raise NotFound(
                    f"user '{name}' is revoked already" if known else f"no user '{name}'"
                )
            self._append_audit(conn, actor, [("user.revoke", f"user:{name}", {"name": name})])
            row = conn.execute(sa.select(table).where(table.c.name == name)).one()
        return User(**row._mapping)

    def users(self) -> list[User]:
        table = schema.users
        with self.engine.connect() as conn:
            rows = conn.execute(sa.select(table).order_by(table.c.name))
            return [User(**row._mapping) for row in rows]

    def active_user(self, token_hash: str) -> User | None:
        """The user holding a token with this hash, unless revoked."""
        table = schema.users
        with self.engine.connect() as conn:
            row = conn.execute(
                sa.select(table).where(
                    table.c.token_hash == token_hash, table.c.revoked_at.is_(None)
                )
            ).first()
        return None if row is None else User(**row._mapping)

    # Audit trail

    def _append_audit(
        self, conn: sa.Connection, actor: str | None, records: Sequence[tuple[str, str, Any]]
    ) -> None:
        """Chain `(action, object, payload)` records onto the trail, inside the caller's
        transaction. On SQLite the caller's writes already hold the write lock, so the last
        entry cannot change under us; PostgreSQL locks the table. Either way the primary
        key on `seq` and the unique `prev_hash` turn a lost race into an error, never a fork."""
        if not records:
            return
        log = schema.audit_log
        if conn.dialect.name == "postgresql":
            conn.exec_driver_sql("LOCK TABLE audit_log IN SHARE ROW EXCLUSIVE MODE")
        last = conn.execute(sa.select(log).order_by(log.c.seq.desc()).limit(1)).first()
        previous = None if last is None else AuditEntry(**last._mapping)
        now, who = utc_now(), actor or self.actor
        rows = []
        for action, obj, payload in records:
            previous = seal(previous, at=now, actor=who, action=action, object=obj, payload=payload)
            rows.append({name: getattr(previous, name) for name in previous.__slots__})
        conn.execute(log.insert(), rows)

    def audit_entries(self, *, after: int = 0, limit: int | None = None) -> list[AuditEntry]:
        """Entries with `seq` above `after`, oldest first."""
        log = schema.audit_log
        query = sa.select(log).where(log.c.seq > after).order_by(log.c.seq)
        if limit is not None:
            query = query.limit(limit)
        with self.engine.connect() as conn:
            return [AuditEntry(**row._mapping) for row in conn.execute(query)]

    def audit_head(self) -> AuditEntry | None:
        """The last entry of the trail: its hash is the head to keep and check against."""
        log = schema.audit_log
        with self.engine.connect() as conn:
            row = conn.execute(sa.select(log).order_by(log.c.seq.desc()).limit(1)).first()
        return None if row is None else AuditEntry(**row._mapping)

    def verify_trail(self, *, head: str | None = None) -> Verification:
        """The chain checked end to end (and against `head`, a hash kept earlier), then
        the stored reports, incidents and terms held to what it says was written."""
        chain = verify(self.iter_audit(), head=head)
        return replace(chain, mismatches=stored_mismatches(self.engine, self.iter_audit()))

    def iter_audit(self, *, chunk: int = 5000) -> Iterator[AuditEntry]:
        """The whole trail, oldest first, read in chunks so a long one fits in memory."""
        after = 0
        while entries := self.audit_entries(after=after, limit=chunk):
            yield from entries
            after = entries[-1].seq
