"""Merging in the database: evidence attaches to a stored incident as it arrives.

The rule is `truce.merge`'s; this module gives it the store's tables. Candidates come
from `evidence_keys` (the map cell, region or settlement on the days a window touches),
so each arrival costs a few indexed look-ups however much is stored. Everything runs
inside the caller's transaction: a report and the merging it causes land together.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from collections.abc import Collection, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa

from truce.domain import Evidence, GeoPrecision, Incident, Occurrence, Stance, TimePrecision
from truce.errors import BadInput, NotFound
from truce.incidents import incident_to_precise_record
from truce.merge import (
    Footprint,
    anchor,
    best_incident,
    block_keys,
    consolidate,
    days,
    footprint,
    match_score,
    probe_keys,
    targets_fit,
)
from truce.store import schema
from truce.store.rows import aware, incident_from_row, incident_row, naive_utc, utc_now


@dataclass(frozen=True, slots=True)
class Attached:
    """Where one piece of evidence went: `incident` None for a denial waiting for its
    incident; `new` when it started the incident."""

    evidence: str
    incident: str | None
    new: bool


def evidence_row(evidence: Evidence, print_: Footprint | None = None) -> dict[str, Any]:
    """The `evidence` table row of one piece of evidence."""
    print_ = print_ or footprint(evidence)
    record = incident_to_precise_record(evidence.record)
    canonical = json.dumps(record, sort_keys=True, default=str, ensure_ascii=False)
    return {
        "id": evidence.record.id,
        "incident_id": evidence.incident_id,
        "report_id": evidence.report_id,
        "stance": Stance(evidence.stance).value,
        "coded": evidence.coded,
        "record": canonical,
        "content_hash": hashlib.sha256(canonical.encode("utf-8")).hexdigest(),
        "source": print_.source,
        "source_alignment": print_.alignment,
        "window_start": naive_utc(print_.start),
        "window_end": naive_utc(print_.end),
        "level": print_.level,
        "settlement": print_.settlement,
        "lat": print_.lat,
        "lon": print_.lon,
        "region": print_.region,
        "country": print_.country,
        "target": print_.target,
        "received_at": utc_now(),
    }


def key_rows(print_: Footprint) -> list[dict[str, Any]]:
    """Where a mergeable footprint is filed for blocking; nothing for one that is not."""
    if not print_.mergeable:
        return []
    return [
        {"key": key, "day": day, "evidence_id": print_.id}
        for key in block_keys(print_)
        for day in days(print_)
    ]


def _footprint_of(row: sa.Row[Any]) -> Footprint:
    return Footprint(
        id=row.id,
        report=row.report_id,
        stance=Stance(row.stance),
        source=row.source,
        alignment=row.source_alignment,
        start=aware(row.window_start),
        end=aware(row.window_end),
        level=row.level,
        settlement=row.settlement,
        lat=row.lat,
        lon=row.lon,
        region=row.region,
        country=row.country,
        target=row.target,
    )


def evidence_of(
    engine: sa.Engine, *, report_id: str | None = None, incident_id: str | None = None
) -> list[Evidence]:
    """Stored evidence of one report or one incident, in the order received."""
    e = schema.evidence
    query = sa.select(e).order_by(e.c.received_at, e.c.id)
    if report_id is not None:
        query = query.where(e.c.report_id == report_id)
    if incident_id is not None:
        query = query.where(e.c.incident_id == incident_id)
    with engine.connect() as conn:
        return [_evidence_of(row) for row in conn.execute(query)]


def _instant(text: str | None) -> datetime | None:
    return None if text is None else datetime.fromisoformat(text).astimezone(UTC)


def _record_incident(record: dict[str, Any], report_id: str | None) -> Incident:
    """The incident a stored record was written from. The record was validated when it
    arrived, so it is read back as it is: re-validating every piece of an incident each
    time a report joins it cost more than the rest of the merge."""
    return Incident(
        id=record["id"],
        when=Occurrence(
            TimePrecision(record["time_precision"]),
            _instant(record["occurred_from"]),
            _instant(record["occurred_to"]),
            record["occurred_at"] or "",
        ),
        geo_precision=GeoPrecision(record["geo_precision"]),
        reported_at=_instant(record["reported_at"]),
        report_id=report_id,
        **{name: record[name] for name in _RECORD_FIELDS},
    )


_RECORD_FIELDS = (
    "place", "lat", "lon", "country", "region", "perpetrator", "target", "target_detail",
    "weapon", "killed", "injured", "source", "source_alignment", "url", "text",
)  # fmt: skip


def evidence_from_row(row: sa.Row[Any]) -> Evidence:
    """The evidence of a row of `evidence`, as merging reads it."""
    return _evidence_of(row)


def _evidence_of(row: sa.Row[Any]) -> Evidence:
    return Evidence(
        record=_record_incident(json.loads(row.record), row.report_id),
        report_id=row.report_id,
        stance=Stance(row.stance),
        coded=row.coded,
        incident_id=row.incident_id,
    )


# Windows that overlap the probe's: blocking by day alone lets a city's every strike of
# the day through, and decoding them to be turned down by time cost more than the query.
_OVERLAPPING = (
    schema.evidence.c.window_start <= sa.bindparam("end"),
    schema.evidence.c.window_end >= sa.bindparam("start"),
)


def _filed() -> sa.Select[Any]:
    """Ids of the evidence filed under the probe's keys on its days."""
    k = schema.evidence_keys
    return sa.select(k.c.evidence_id).where(
        k.c.key.in_(sa.bindparam("keys", expanding=True)),
        k.c.day.between(sa.bindparam("first"), sa.bindparam("last")),
    )


# Denials filed near a probe and waiting for their incident. Built once: constructing
# a statement cost more than running it.
_WAITING_NEARBY = sa.select(schema.evidence).where(
    schema.evidence.c.id.in_(_filed()), *_OVERLAPPING, schema.evidence.c.incident_id.is_(None)
)
_PRINT_COLUMNS = [
    schema.evidence.c[name]
    for name in (
        "id", "incident_id", "report_id", "stance", "source", "source_alignment",
        "window_start", "window_end", "level", "settlement", "lat", "lon", "region",
        "country", "target",
    )
]  # fmt: skip
# Nearby evidence with its incident's row (columns labelled `of_incident__…`), so that the
# anchors of the incidents found need no second query.
_INCIDENT_PREFIX = "of_incident__"
_NEARBY_PRINTS = (
    sa.select(*_PRINT_COLUMNS, *(c.label(_INCIDENT_PREFIX + c.name) for c in schema.incidents.c))
    .join_from(schema.evidence, schema.incidents)
    .where(schema.evidence.c.id.in_(_filed()), *_OVERLAPPING)
)


def _nearby_incidents(conn: sa.Connection, print_: Footprint) -> dict[str, Incident]:
    """Stored incidents with a piece of evidence that `print_` matches, as stored."""
    found: dict[str, Incident] = {}
    for row in conn.execute(_NEARBY_PRINTS, _probe(print_)):
        # One piece of evidence that matches is enough for its incident.
        if row.incident_id in found or not targets_fit(print_.target, row.target):
            continue
        if match_score(print_, _footprint_of(row)) is not None:
            found[row.incident_id] = incident_from_row(row, _INCIDENT_PREFIX)
    return found


# Statements run once or more per arriving report, built once: building one cost about
# as much as running it.
_EVIDENCE_IN = (
    sa.select(schema.evidence)
    .where(schema.evidence.c.incident_id == sa.bindparam("incident"))
    .order_by(schema.evidence.c.id)
)
_INCIDENT_IDS = sa.select(schema.incidents.c.id).where(
    schema.incidents.c.id.in_(sa.bindparam("ids", expanding=True))
)
_A_DENIAL_WAITING = (
    sa.select(schema.evidence.c.id).where(schema.evidence.c.incident_id.is_(None)).limit(1)
)


def evidence_in(conn: sa.Connection, incident_id: str) -> list[Evidence]:
    return [_evidence_of(row) for row in conn.execute(_EVIDENCE_IN, {"incident": incident_id})]


def _waiting_denials(conn: sa.Connection, print_: Footprint) -> list[sa.Row[Any]]:
    """Denials filed where `print_` could match them that match no incident yet."""
    return list(conn.execute(_WAITING_NEARBY, _probe(print_)))


def _probe(print_: Footprint) -> dict[str, Any]:
    """Parameters of the nearby queries: where `print_` is filed, and when."""
    first, last = print_.days
    return {
        "keys": list(probe_keys(print_)),
        "first": first,
        "last": last,
        "start": naive_utc(print_.start),
        "end": naive_utc(print_.end),
    }


def _fresh_id(conn: sa.Connection, wanted: str, taken: Collection[str]) -> str:
    """`wanted`, or `wanted` with a suffix when an incident has that id already (`taken`
    holds the ids known to be used; a suffixed id is checked in the store)."""
    if wanted not in taken:
        return wanted
    table = schema.incidents
    n = 2
    while (
        f"{wanted}~{n}" in taken
        or conn.execute(sa.select(table.c.id).where(table.c.id == f"{wanted}~{n}")).first()
    ):
        n += 1
    return f"{wanted}~{n}"


# Columns an update of consolidated facts leaves alone.
_KEEP = frozenset({"id", "source_file", "imported_at"})
_UPDATE_INCIDENT = (
    schema.incidents.update()
    .where(schema.incidents.c.id == sa.bindparam("_id"))
    .values({c.name: sa.bindparam(c.name) for c in schema.incidents.c if c.name not in _KEEP})
)


def reconsolidate(conn: sa.Connection, incident_id: str) -> None:
    """Work out an incident's facts again from all its evidence and store them; an
    incident left with no evidence is deleted."""
    table = schema.incidents
    evidence = evidence_in(conn, incident_id)
    if not evidence:
        conn.execute(table.delete().where(table.c.id == incident_id))
        return
    _update_incidents(conn, [consolidate(incident_id, evidence).incident])


_EVIDENCE_OF_INCIDENTS = (
    sa.select(schema.evidence)
    .where(schema.evidence.c.incident_id.in_(sa.bindparam("ids", expanding=True)))
    .order_by(schema.evidence.c.id)
)


def reconsolidate_all(conn: sa.Connection, incident_ids: Sequence[str]) -> None:
    """`reconsolidate` for incidents that all keep evidence, with one query to read it
    and one statement to write them (a batch of arrivals touches many)."""
    for at in range(0, len(incident_ids), 500):
        part = incident_ids[at : at + 500]
        evidence: dict[str, list[Evidence]] = {incident: [] for incident in part}
        for row in conn.execute(_EVIDENCE_OF_INCIDENTS, {"ids": part}):
            evidence[row.incident_id].append(_evidence_of(row))
        _update_incidents(
            conn, [consolidate(incident, items).incident for incident, items in evidence.items()]
        )


def _update_incidents(conn: sa.Connection, incidents: Sequence[Incident]) -> None:
    rows = []
    for incident in incidents:
        row = incident_row(incident)
        row["_id"] = row.pop("id")
        rows.append(row)
    if rows:
        conn.execute(_UPDATE_INCIDENT, rows)


class _Arrivals:
    """One batch of arriving evidence, merged against the store and against itself.

    The store is asked only for candidates (one indexed query per piece); what the batch
    decides is kept in memory and written at the end with one statement per table, and
    each stored incident that gained evidence is consolidated once."""

    def __init__(self, conn: sa.Connection, evidence: Sequence[Evidence]) -> None:
        self.conn = conn
        self.ids = [item.record.id for item in evidence]
        self._taken: set[str] | None = None
        self._denials_waiting: bool | None = None
        self.index: dict[tuple[int, str], list[tuple[Footprint, str]]] = defaultdict(list)
        self.waiting: dict[tuple[int, str], list[tuple[Footprint, Evidence]]] = defaultdict(list)
        self.reports: dict[str, set[str]] = {}
        self.new: dict[str, list[Evidence]] = {}
        self.claimed: dict[str, str] = {}  # stored denial → incident
        self.touched: dict[str, list[Evidence]] = {}  # stored incident → evidence added
        self.stored: dict[str, list[Evidence]] = {}  # a touched incident's stored evidence
        self.anchors: dict[str, Footprint] = {}
        # One entry per piece of this batch, in order: its row and where it went.
        self.rows: list[dict[str, Any]] = []
        self.placed: list[Attached] = []
        self.unclaimed: dict[str, int] = {}  # this batch's waiting denials → their entry
        self.keys: list[dict[str, Any]] = []

    @property
    def taken(self) -> set[str]:
        """Incident ids in use among those this batch could give new incidents (its
        records' ids), asked for when the first new incident is started."""
        if self._taken is None:
            self._taken = set()
            for at in range(0, len(self.ids), 500):
                part = {"ids": self.ids[at : at + 500]}
                self._taken.update(self.conn.scalars(_INCIDENT_IDS, part))
        return self._taken

    @property
    def denials_waiting(self) -> bool:
        """Whether the store holds a denial waiting for its incident (most hold none:
        then none is looked for)."""
        if self._denials_waiting is None:
            self._denials_waiting = self.conn.execute(_A_DENIAL_WAITING).first() is not None
        return self._denials_waiting

    def anchor_of(self, incident: str) -> Footprint:
        """The incident's consolidated facts, as they stand with this batch's evidence."""
        if incident not in self.anchors:
            if incident in self.new:
                self.anchors[incident] = anchor(incident, self.new[incident])
            else:  # stored incidents were anchored by `_prefetch` until touched
                if incident not in self.stored:
                    self.stored[incident] = evidence_in(self.conn, incident)
                evidence = self.stored[incident] + self.touched[incident]
                self.anchors[incident] = anchor(incident, evidence)
        return self.anchors[incident]

    def reports_of(self, incident: str) -> set[str]:
        """The reports among this batch's whose evidence `incident` holds. Only those
        can matter: `attach` is given the evidence of reports new to the store, so no
        stored evidence comes from them."""
        return self.reports.setdefault(incident, set())

    def _here(self, print_: Footprint) -> set[str]:
        """Incidents of this batch with a piece of evidence that `print_` matches."""
        span = days(print_)
        return {
            incident
            for key in probe_keys(print_)
            for day in span
            for other, incident in self.index.get((day, key), ())
            if match_score(print_, other) is not None
        }

    def _prefetch(self, stored: dict[str, Incident]) -> None:
        """Anchors of stored incidents, from the rows the nearby query brought."""
        for incident, row in stored.items():
            if incident not in self.anchors and incident not in self.touched:
                self.anchors[incident] = footprint(Evidence(record=row, report_id=None))

    def add(self, item: Evidence) -> None:
        print_ = footprint(item)
        incident: str | None = None
        if print_.mergeable:
            stored = _nearby_incidents(self.conn, print_)
            self._prefetch(stored)
            nearby = stored.keys() | self._here(print_)
            incident = best_incident(print_, sorted(nearby), self.anchor_of, self.reports_of)
        new = incident is None and print_.stance == Stance.AFFIRM
        if new:
            incident = _fresh_id(self.conn, item.record.id, self.taken)
            self.taken.add(incident)
            self.new[incident] = []
            self.reports[incident] = set()
        placed = replace(item, incident_id=incident)
        if incident is None:
            self.unclaimed[item.record.id] = len(self.rows)
        else:
            self._gain(incident, placed)
            if item.report_id is not None:
                self.reports_of(incident).add(item.report_id)
        self.rows.append(evidence_row(placed, print_))
        self.placed.append(Attached(item.record.id, incident, new))
        self.keys.extend(key_rows(print_))
        if print_.mergeable:
            span = days(print_)
            for key in block_keys(print_):
                for day in span:
                    if incident is not None:
                        self.index[(day, key)].append((print_, incident))
                    else:
                        self.waiting[(day, key)].append((print_, placed))
            if incident is not None and print_.stance == Stance.AFFIRM:
                self._claim_denials(print_, incident)

    def _gain(self, incident: str, evidence: Evidence) -> None:
        """`incident` (new in this batch, or stored) holds `evidence` now."""
        self.anchors.pop(incident, None)
        if incident in self.new:
            self.new[incident].append(evidence)
        else:
            self.touched.setdefault(incident, []).append(evidence)

    def _claim_denials(self, print_: Footprint, incident: str) -> None:
        """Attach the waiting denials (stored, or earlier in this batch) that match
        affirming evidence just filed, as `truce.merge.Merger` does."""
        stored = _waiting_denials(self.conn, print_) if self.denials_waiting else []
        for row in stored:
            if row.id not in self.claimed and match_score(_footprint_of(row), print_) is not None:
                self.claimed[row.id] = incident
                self._gain(incident, replace(_evidence_of(row), incident_id=incident))
        span = days(print_)
        for key in probe_keys(print_):
            for day in span:
                for denial, evidence in self.waiting.get((day, key), ()):
                    if denial.id not in self.unclaimed or match_score(denial, print_) is None:
                        continue
                    entry = self.unclaimed.pop(denial.id)
                    self._gain(incident, replace(evidence, incident_id=incident))
                    self.rows[entry]["incident_id"] = incident
                    self.placed[entry] = Attached(denial.id, incident, False)

    def write(self, source_file: str | None) -> None:
        conn, now = self.conn, utc_now()
        if self.new:
            conn.execute(
                schema.incidents.insert(),
                [
                    {
                        # In the order of evidence ids, as `reconsolidate` reads it, so
                        # that `audit verify` can work the same facts out again.
                        **incident_row(
                            consolidate(incident, sorted(evidence, key=_evidence_id)).incident
                        ),
                        "source_file": source_file,
                        "imported_at": now,
                    }
                    for incident, evidence in self.new.items()
                ],
            )
        if self.rows:
            conn.execute(schema.evidence.insert(), self.rows)
        if self.keys:
            conn.execute(schema.evidence_keys.insert(), self.keys)
        if self.claimed:
            e = schema.evidence
            conn.execute(
                e.update()
                .where(e.c.id == sa.bindparam("_id"))
                .values(incident_id=sa.bindparam("_to")),
                [{"_id": denial, "_to": incident} for denial, incident in self.claimed.items()],
            )
        reconsolidate_all(conn, sorted(self.touched))


def _evidence_id(evidence: Evidence) -> str:
    return evidence.record.id


def attach(
    conn: sa.Connection, evidence: Sequence[Evidence], *, source_file: str | None = None
) -> list[Attached]:
    """Store each piece of evidence and merge it, in order: into the incident it matches
    best (stored, or started earlier in the batch), or as a new incident (a denial that
    matches nothing waits instead)."""
    arrivals = _Arrivals(conn, evidence)
    for item in evidence:
        arrivals.add(item)
    arrivals.write(source_file)
    return arrivals.placed


def join(conn: sa.Connection, keep: str, other: str) -> list[str]:
    """Move all of `other`'s evidence into `keep` and delete `other`; returns the
    evidence moved."""
    e, table = schema.evidence, schema.incidents
    for incident in (keep, other):
        if conn.execute(sa.select(table.c.id).where(table.c.id == incident)).first() is None:
            raise NotFound(f"no incident '{incident}'")
    if keep == other:
        raise BadInput("an incident cannot be joined with itself", field="incident")
    moved = list(conn.scalars(sa.select(e.c.id).where(e.c.incident_id == other)))
    conn.execute(e.update().where(e.c.incident_id == other).values(incident_id=keep))
    conn.execute(table.delete().where(table.c.id == other))
    reconsolidate(conn, keep)
    return moved


def split(conn: sa.Connection, incident: str, reports: Sequence[str]) -> tuple[str, list[str]]:
    """Move the evidence of `reports` (report ids, or evidence ids) out of `incident`
    into a new incident; returns the new incident's id and the evidence moved."""
    e, table = schema.evidence, schema.incidents
    if conn.execute(sa.select(table.c.id).where(table.c.id == incident)).first() is None:
        raise NotFound(f"no incident '{incident}'")
    rows = list(conn.execute(sa.select(e).where(e.c.incident_id == incident).order_by(e.c.id)))
    wanted = set(reports)
    known = {r.report_id for r in rows} | {r.id for r in rows}
    missing = sorted(wanted - known)
    if missing:
        raise BadInput(
            f"incident '{incident}' has no report '{missing[0]}'"
            f" (its reports: {', '.join(sorted({r.report_id or r.id for r in rows}))})",
            field="reports",
        )
    order = {name: n for n, name in enumerate(reports)}
    moving = sorted(
        (r for r in rows if r.report_id in wanted or r.id in wanted),
        key=lambda r: order.get(r.report_id, order.get(r.id, 0)),
    )  # the new incident takes the id of the first report named
    staying = [r for r in rows if r not in moving]
    if not staying:
        raise BadInput("a split must leave at least one report in the incident", field="reports")
    for part in (moving, staying):
        if all(r.stance == Stance.DENY for r in part):
            raise BadInput("each part of a split needs a report that affirms it", field="reports")
    first = moving[0].id
    used = conn.execute(sa.select(table.c.id).where(table.c.id == first)).first() is not None
    new = _fresh_id(conn, first, {first} if used else set())
    # Consolidated in the order every incident's evidence is read back (by id), so that a
    # later join or split of it gives the same facts.
    evidence = [_evidence_of(row) for row in sorted(moving, key=lambda r: r.id)]
    conn.execute(
        table.insert(),
        [
            {
                **incident_row(consolidate(new, evidence).incident),
                "source_file": None,
                "imported_at": utc_now(),
            }
        ],
    )
    ids = [r.id for r in moving]
    conn.execute(e.update().where(e.c.id.in_(ids)).values(incident_id=new))
    reconsolidate(conn, incident)
    return new, ids
