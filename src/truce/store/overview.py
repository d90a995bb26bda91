"""The dashboard's index in SQL: counts per day, party and version, pages of incidents
and map cells, each one query over `dashboard_index` (built by `truce.web.overview`).

The served dashboard asks for what it shows and no more: 100,000 incidents stay in the
database, and a pan of the map or a change of filter costs one GROUP BY or one LIMIT.
Map cells group Web Mercator pixels at zoom 20 by integer division, which SQLite and
PostgreSQL do alike (both truncate, and the coordinates are never negative).
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import sqlalchemy as sa

from truce.domain import Incident
from truce.store import schema
from truce.store.rows import incident_from_row, naive_utc, utc_now

ZOOM = 20
WORLD = 256 * 2**ZOOM  # pixels across the world at zoom 20
MAX_LAT = 85.05112878

# The columns of one index row, in the order `DashboardIndex.replace` takes them.
ROW = (
    "agreement_id", "version", "incident_id", "sort_key", "verdict", "reason", "day",
    "perpetrator", "alignment", "corroboration", "map_lat", "map_lon", "map_precision",
    "map_x", "map_y",
)  # fmt: skip

# Audit actions that never change an incident.
_NOT_INCIDENTS = frozenset({"commitment.save", "account.save", "user.add", "user.revoke"})


def sort_key(occurred_from: datetime | None, incident_id: str) -> str:
    """The incident's place in `Store.incidents()` as one string: occurred first (naive
    UTC), unknown times last, then the id, all compared byte by byte."""
    instant = naive_utc(occurred_from)  # as the store keeps `occurred_from`
    if instant is None:
        return "1" + incident_id
    return "0" + instant.isoformat(timespec="microseconds") + " " + incident_id


def stamp_of(seq: int, count: int) -> str:
    return f"audit:{seq};incidents:{count}"


def stamp_parts(stamp: str) -> tuple[int, int] | None:
    """The audit entry a stamp was taken at and the incidents stored then (None if it
    is not a stamp of `stamp_of`)."""
    audit, _, incidents = stamp.partition(";")
    if not (audit.startswith("audit:") and incidents.startswith("incidents:")):
        return None
    try:
        return int(audit.removeprefix("audit:")), int(incidents.removeprefix("incidents:"))
    except ValueError:
        return None


def _incidents_written(action: str, payload: str | None) -> list[str] | None:
    """The incident ids an audit entry's payload says it added, changed or removed."""
    if payload is None:
        return None
    try:
        data = json.loads(payload)
        if action == "incidents.import":
            return [str(row[0]) for row in data["incidents"]]
        if action == "report.add":
            return [str(row[1]) for row in data["incidents"] if row[1] is not None]
        if action == "incidents.join":
            return [str(data["kept"]), str(data["joined"])]
        if action == "incidents.split":
            return [str(data["from"]), str(data["into"])]
    except (ValueError, KeyError, TypeError, IndexError):
        return None
    return None


def _insert(conn: sa.Connection, rows: Sequence[tuple[Any, ...]]) -> None:
    """Insert index rows as the driver's own executemany: SQLAlchemy's per-row parameter
    processing was half the time of building the index for 100,000 incidents."""
    if not rows:
        return
    mark = "?" if conn.dialect.paramstyle == "qmark" else "%s"
    sql = f"INSERT INTO dashboard_index ({', '.join(ROW)}) VALUES ({', '.join([mark] * len(ROW))})"
    conn.exec_driver_sql(sql, list(rows))


def map_pixel(lat: float, lon: float) -> tuple[int, int]:
    """Web Mercator pixel (x, y) at zoom 20, as Leaflet projects (EPSG:3857)."""
    lat = max(-MAX_LAT, min(MAX_LAT, lat))
    x = (lon + 180.0) / 360.0 * WORLD
    s = math.sin(math.radians(lat))
    y = (0.5 - math.log((1 + s) / (1 - s)) / (4 * math.pi)) * WORLD
    return min(WORLD - 1, max(0, int(x))), min(WORLD - 1, max(0, int(y)))


@dataclass(frozen=True)
class Facets:
    """What the dashboard filters by. `version` is the version's position (the verdict
    and the map's colours are under it); days are local days as `YYYY-MM-DD`; `box` is
    (south, west, north, east) in degrees; `placed` False keeps incidents with no
    place on the map."""

    version: int = 0
    verdict: int | None = None
    party: str | None = None
    day_from: str | None = None
    day_to: str | None = None
    alignment: str | None = None
    min_corroboration: int | None = None
    text: str | None = None
    box: tuple[float, float, float, float] | None = None
    placed: bool | None = None


@dataclass(frozen=True)
class Cell:
    """Incidents drawn as one marker: where (their mean position), how many, how many
    under each verdict, and the incident's id and precision when there is one."""

    lat: float
    lon: float
    count: int
    verdicts: tuple[int, int, int]
    incident: str | None
    precision: str | None
    box: tuple[float, float, float, float]


@dataclass(frozen=True)
class IndexedRow:
    """One incident of a page: its id, day, party, verdict and reason under the chosen
    version, and where the map draws it."""

    incident: str
    day: str | None
    perpetrator: str
    verdict: int
    reason: int
    map_precision: str | None


class DashboardIndex:
    """Reads and replaces the dashboard's index of a store's engine."""

    def __init__(self, engine: sa.Engine) -> None:
        self.engine = engine

    # --- building ----------------------------------------------------------------------

    def stamp(self) -> str:
        """What the index must match to be current: the audit trail's head (every write
        through truce) and the number of incidents (bulk fills that bypass it)."""
        with self.engine.connect() as conn:
            seq = conn.execute(sa.select(sa.func.max(schema.audit_log.c.seq))).scalar()
            count = conn.execute(
                sa.select(sa.func.count()).select_from(schema.incidents)
            ).scalar_one()
        return stamp_of(seq or 0, count)

    def built(self, agreement_id: str) -> tuple[str, list[str]] | None:
        """The stamp and version ids the agreement's index was built for, if any."""
        table = schema.dashboard_builds
        with self.engine.connect() as conn:
            row = conn.execute(
                sa.select(table.c.stamp, table.c.versions).where(
                    table.c.agreement_id == agreement_id
                )
            ).first()
        return None if row is None else (row.stamp, list(row.versions))

    def touched_since(self, agreement_id: str, seq: int, *, most: int) -> set[str] | None:
        """The incidents that writes after audit entry `seq` added, changed or removed,
        read from what each entry says it wrote; None when the index must be built
        again instead: the agreement's terms changed, an entry is not understood or
        has no payload, or more than `most` incidents were touched."""
        log = schema.audit_log
        touched: set[str] = set()
        query = (
            sa.select(log.c.action, log.c.object, log.c.payload)
            .where(log.c.seq > seq)
            .order_by(log.c.seq)
        )
        with self.engine.connect() as conn:
            for action, obj, payload in conn.execute(query):
                if action in _NOT_INCIDENTS:
                    continue
                if action == "terms.save":
                    if obj.startswith(f"agreement:{agreement_id}/"):
                        return None
                    continue
                ids = _incidents_written(action, payload)
                if ids is None:
                    return None
                touched.update(ids)
                if len(touched) > most:
                    return None
        return touched

    def replace(
        self,
        agreement_id: str,
        stamp: str,
        versions: Sequence[str],
        chunks: Iterable[list[tuple[Any, ...]]],
    ) -> None:
        """Replace the agreement's index with `chunks` of rows (tuples in the order of
        `ROW`), in one transaction."""
        index = schema.dashboard_index
        with self.engine.begin() as conn:
            conn.execute(index.delete().where(index.c.agreement_id == agreement_id))
            for rows in chunks:
                _insert(conn, rows)
            self._stamp(conn, agreement_id, stamp, versions)

    def refresh(
        self,
        agreement_id: str,
        stamp: str,
        versions: Sequence[str],
        touched: Sequence[str],
        rows: list[tuple[Any, ...]],
    ) -> bool:
        """Replace the rows of the `touched` incidents with `rows` (those still stored),
        in one transaction; False, with nothing changed, if the index then would not
        hold every stored incident once per version (a write that bypassed the audit
        trail: build it again)."""
        index = schema.dashboard_index
        with self.engine.begin() as conn:
            for chunk in range(0, len(touched), 500):
                conn.execute(
                    index.delete().where(
                        index.c.agreement_id == agreement_id,
                        index.c.incident_id.in_(touched[chunk : chunk + 500]),
                    )
                )
            _insert(conn, rows)
            held = conn.execute(
                sa.select(sa.func.count())
                .select_from(index)
                .where(index.c.agreement_id == agreement_id, index.c.version == 0)
            ).scalar_one()
            stored = conn.execute(sa.select(sa.func.count()).select_from(schema.incidents))
            if versions and held != stored.scalar_one():
                conn.rollback()
                return False
            self._stamp(conn, agreement_id, stamp, versions)
        return True

    @staticmethod
    def _stamp(conn: sa.Connection, agreement_id: str, stamp: str, versions: Sequence[str]) -> None:
        builds = schema.dashboard_builds
        conn.execute(builds.delete().where(builds.c.agreement_id == agreement_id))
        conn.execute(
            builds.insert(),
            {
                "agreement_id": agreement_id,
                "stamp": stamp,
                "versions": list(versions),
                "built_at": utc_now(),
            },
        )

    # --- reading -----------------------------------------------------------------------

    def incidents(self, ids: Sequence[str]) -> list[Incident]:
        """The stored incidents with these ids (a page's worth), in no set order."""
        table = schema.incidents
        with self.engine.connect() as conn:
            rows = conn.execute(sa.select(table).where(table.c.id.in_(list(ids))))
            return [incident_from_row(row) for row in rows]

    def _where(
        self, agreement_id: str, facets: Facets, *, version: bool = True, verdict: bool = True
    ) -> list[Any]:
        t = schema.dashboard_index
        where: list[Any] = [t.c.agreement_id == agreement_id]
        if version:
            where.append(t.c.version == facets.version)
        if verdict and facets.verdict is not None:
            where.append(t.c.verdict == facets.verdict)
        if facets.party is not None:
            where.append(t.c.perpetrator == facets.party)
        if facets.day_from is not None:
            where.append(t.c.day >= facets.day_from)
        if facets.day_to is not None:
            where.append(t.c.day <= facets.day_to)
        if facets.alignment is not None:
            where.append(t.c.alignment == facets.alignment)
        if facets.min_corroboration is not None:
            where.append(t.c.corroboration >= facets.min_corroboration)
        if facets.placed is not None:
            where.append(t.c.map_x.is_not(None) if facets.placed else t.c.map_x.is_(None))
        if facets.box is not None:
            south, west, north, east = facets.box
            x0, y1 = map_pixel(south, west)
            x1, y0 = map_pixel(north, east)
            where += [t.c.map_x.between(x0, x1), t.c.map_y.between(y0, y1)]
        if facets.text:
            i = schema.incidents
            pattern = (
                "%"
                + facets.text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
                + "%"
            )
            matching = sa.or_(
                *(
                    column.ilike(pattern, escape="\\")
                    for column in (i.c.id, i.c.place, i.c.region, i.c.target, i.c.source, i.c.text)
                )
            )
            where.append(t.c.incident_id.in_(sa.select(i.c.id).where(matching)))
        return where

    def compliance(self, agreement_id: str, facets: Facets) -> list[tuple[int, str, int, int]]:
        """(version, perpetrator, verdict, count) for every version, under the facets
        other than version and verdict."""
        t = schema.dashboard_index
        query = (
            sa.select(t.c.version, t.c.perpetrator, t.c.verdict, sa.func.count())
            .where(*self._where(agreement_id, facets, version=False, verdict=False))
            .group_by(t.c.version, t.c.perpetrator, t.c.verdict)
        )
        with self.engine.connect() as conn:
            return [(int(v), str(p), int(d), int(n)) for v, p, d, n in conn.execute(query)]

    def timeline(self, agreement_id: str, facets: Facets) -> list[tuple[str | None, str, int, int]]:
        """(day, perpetrator, verdict, count) under the facets' version (day None: the
        incidents with no known day, per party and verdict)."""
        t = schema.dashboard_index
        query = (
            sa.select(t.c.day, t.c.perpetrator, t.c.verdict, sa.func.count())
            .where(*self._where(agreement_id, facets, verdict=False))
            .group_by(t.c.day, t.c.perpetrator, t.c.verdict)
        )
        with self.engine.connect() as conn:
            return [(d, str(p), int(v), int(n)) for d, p, v, n in conn.execute(query)]

    def page(
        self, agreement_id: str, facets: Facets, *, limit: int, offset: int
    ) -> tuple[int, list[IndexedRow]]:
        """How many incidents the facets keep, and one page of them in the order of
        `Store.incidents()`."""
        t = schema.dashboard_index
        where = self._where(agreement_id, facets)
        query = (
            sa.select(
                t.c.incident_id,
                t.c.day,
                t.c.perpetrator,
                t.c.verdict,
                t.c.reason,
                t.c.map_precision,
            )
            .where(*where)
            .order_by(t.c.sort_key)
            .limit(limit)
            .offset(offset)
        )
        with self.engine.connect() as conn:
            total = conn.execute(sa.select(sa.func.count()).select_from(t).where(*where))
            count = int(total.scalar_one())
            rows = [IndexedRow(*row) for row in conn.execute(query)]
        return count, rows

    def cells(self, agreement_id: str, facets: Facets, *, zoom: int, size: int = 60) -> list[Cell]:
        """The incidents in the facets' box, grouped in squares of `size` screen pixels
        at `zoom`: one marker per square, wherever it holds one incident or thousands."""
        t = schema.dashboard_index
        step = max(1, size * 2 ** (ZOOM - max(0, min(ZOOM, zoom))))
        cx, cy = (t.c.map_x // step).label("cx"), (t.c.map_y // step).label("cy")
        counts = [sa.func.sum(sa.case((t.c.verdict == k, 1), else_=0)) for k in range(3)]
        query = (
            sa.select(
                cx,
                cy,
                sa.func.count(),
                sa.func.avg(t.c.map_lat),
                sa.func.avg(t.c.map_lon),
                *counts,
                sa.func.min(t.c.incident_id),
                sa.func.min(t.c.map_precision),
                sa.func.min(t.c.map_lat),
                sa.func.min(t.c.map_lon),
                sa.func.max(t.c.map_lat),
                sa.func.max(t.c.map_lon),
            )
            .where(*self._where(agreement_id, facets), t.c.map_x.is_not(None))
            .group_by(cx, cy)
        )
        with self.engine.connect() as conn:
            return [
                Cell(
                    lat=float(lat),
                    lon=float(lon),
                    count=int(n),
                    verdicts=(int(a), int(b), int(c)),
                    incident=first if n == 1 else None,
                    precision=precision if n == 1 else None,
                    box=(float(s), float(w), float(no), float(e)),
                )
                for _, _, n, lat, lon, a, b, c, first, precision, s, w, no, e in conn.execute(query)
            ]
