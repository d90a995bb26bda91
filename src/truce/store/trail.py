"""Holding the stored rows to the audit trail: is each report, incident and terms revision
what the trail says was written?

The hash chain (`truce.audit`) proves the trail itself was not edited; this proves the
tables were not edited beside it. Each entry keeps its payload (since 0008), and:

- a report must be stored once for each `report.add`, its content hashing to what
  the entry sealed; a report no entry wrote, or one an entry wrote that is gone, is a
  mismatch;
- a coded incident, as its evidence keeps it, must hash to what its `incidents.import`
  sealed, and every piece of evidence to its own content hash;
- an incident must be exactly what its evidence consolidates to (merging's own
  `consolidate`, in the order of evidence ids, as the writer does), so a perpetrator
  or casualty figure edited in place shows, as does an incident deleted under its
  evidence;
- a terms revision must be the data its `terms.save` sealed, one entry per revision.

What this cannot see is in the README's security section: evidence drawn from a free-text
report is sealed only through the report it came from, and anyone able to rewrite both
the tables and the whole trail can only be caught with a head kept outside.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from typing import Any

import sqlalchemy as sa

from truce.audit import AuditEntry, canonical
from truce.merge import consolidate
from truce.store import schema
from truce.store.merging import evidence_from_row
from truce.store.rows import incident_row, report_from_row, report_row

# The first this many mismatches are named; the rest are counted.
SHOWN = 20


class _Found:
    def __init__(self) -> None:
        self.problems: list[str] = []
        self.more = 0

    def add(self, problem: str) -> None:
        if len(self.problems) < SHOWN:
            self.problems.append(problem)
        else:
            self.more += 1

    def result(self) -> tuple[str, ...]:
        tail = [f"… and {self.more} more"] if self.more else []
        return (*self.problems, *tail)


def _payload(entry: AuditEntry) -> Any:
    return None if entry.payload is None else json.loads(entry.payload)


def stored_mismatches(engine: sa.Engine, entries: Iterable[AuditEntry]) -> tuple[str, ...]:
    """Every way the stored reports, incidents and terms differ from what the trail says
    was written (the first `SHOWN`, then a count); empty when they agree."""
    reports: dict[str, tuple[int, Any]] = {}
    coded: dict[str, tuple[int, str]] = {}
    terms: dict[tuple[str, str], list[tuple[int, Any]]] = {}
    for entry in entries:
        if entry.action == "report.add":
            reports[entry.object.split(":", 1)[-1]] = (entry.seq, _payload(entry))
        elif entry.action == "incidents.import" and entry.payload is not None:
            for evidence_id, digest in _payload(entry).get("incidents", []):
                coded[evidence_id] = (entry.seq, digest)
        elif entry.action == "terms.save":
            agreement, _, version = entry.object.partition("/")
            key = (agreement.split(":", 1)[-1], version.split(":", 1)[-1])
            terms.setdefault(key, []).append((entry.seq, _payload(entry)))
    found = _Found()
    with engine.connect() as conn:
        _reports(conn, reports, found)
        _incidents(conn, coded, found)
        _terms(conn, terms, found)
    return found.result()


def _reports(conn: sa.Connection, written: dict[str, tuple[int, Any]], found: _Found) -> None:
    seen: set[str] = set()
    for row in conn.execute(sa.select(schema.reports)):
        seen.add(row.id)
        if row.id not in written:
            found.add(f"report '{row.id}' is stored, but no entry of the trail wrote it")
            continue
        seq, payload = written[row.id]
        digest = report_row(report_from_row(row))["content_hash"]
        sealed = payload["report"] if payload is not None else row.content_hash
        if digest != sealed:
            found.add(f"report '{row.id}' is not what entry {seq} wrote (its content changed)")
    for report_id in sorted(written.keys() - seen):
        found.add(f"report '{report_id}', written by entry {written[report_id][0]}, is gone")


def _coded_hash(row: Any) -> str:
    """The content hash `incidents.import` sealed: that of the incident as coded."""
    return str(incident_row(evidence_from_row(row).record)["content_hash"])


def _incidents(conn: sa.Connection, coded: dict[str, tuple[int, str]], found: _Found) -> None:
    by_incident: dict[str, list[Any]] = {}
    seen: set[str] = set()
    e = schema.evidence
    for row in conn.execute(sa.select(e).order_by(e.c.id)):
        seen.add(row.id)
        digest = hashlib.sha256(row.record.encode("utf-8")).hexdigest()
        if digest != row.content_hash:
            found.add(f"evidence '{row.id}' does not hash to its content hash (it was edited)")
        elif row.id in coded and coded[row.id][1] != _coded_hash(row):
            found.add(f"incident '{row.id}' is not what entry {coded[row.id][0]} imported")
        if row.incident_id is not None:
            by_incident.setdefault(row.incident_id, []).append(row)
    for evidence_id in sorted(coded.keys() - seen):
        found.add(f"incident '{evidence_id}', imported by entry {coded[evidence_id][0]}, is gone")
    stored = set()
    for row in conn.execute(sa.select(schema.incidents)):
        stored.add(row.id)
        evidence = by_incident.get(row.id)
        if not evidence:
            found.add(f"incident '{row.id}' has no evidence behind it")
            continue
        expected = incident_row(
            consolidate(row.id, [evidence_from_row(r) for r in evidence]).incident
        )
        as_stored = row._mapping
        for name, value in expected.items():
            if as_stored[name] != value:
                found.add(
                    f"incident '{row.id}' is not what its evidence says: {name} is"
                    f" {as_stored[name]!r}, its evidence gives {value!r}"
                )
                break
    for incident_id in sorted(by_incident.keys() - stored):
        found.add(f"incident '{incident_id}' is gone, though evidence still points to it")


def _terms(
    conn: sa.Connection, written: dict[tuple[str, str], list[tuple[int, Any]]], found: _Found
) -> None:
    v = schema.terms_versions
    seen: dict[tuple[str, str], int] = {}
    for row in conn.execute(sa.select(v).order_by(v.c.agreement_id, v.c.version_id, v.c.revision)):
        key = (row.agreement_id, row.version_id)
        seen[key] = max(seen.get(key, 0), row.revision)
        name = f"terms {row.agreement_id}/{row.version_id} revision {row.revision}"
        entries = written.get(key, [])
        if row.revision > len(entries):
            found.add(f"{name} is stored, but no entry of the trail wrote it")
            continue
        seq, payload = entries[row.revision - 1]
        if payload is not None and canonical(payload.get("data")) != canonical(row.data):
            found.add(f"{name} is not what entry {seq} wrote (its data changed)")
    for key, entries in sorted(written.items()):
        if len(entries) > seen.get(key, 0):
            seq = entries[seen.get(key, 0)][0]
            found.add(f"terms {key[0]}/{key[1]}, written by entry {seq}, are gone")
