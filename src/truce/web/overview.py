"""What the served dashboard asks the API for: a summary, counts per day, party and
version, pages of incidents, map cells and one incident at a time.

The verdicts come from the rules engine, so SQL cannot work them out; instead every
incident is ruled once per change of the store and the result is written to the
dashboard's index (`truce.store.overview`), from which every panel is one query. When
the store's stamp (audit head, incident count) moved since the index was built, the
incidents the new audit entries name are ruled again (`ensure_index`); `truce serve`
builds every index as it starts (`warm`).
"""

from __future__ import annotations

import threading
from typing import Any

from truce.domain import REASONS, Corroboration, Verdict
from truce.errors import NotFound
from truce.findings import incident_day
from truce.rules import Rulings, explain, rule, rule_stored_chunks
from truce.store import Store
from truce.store.overview import (
    Cell,
    DashboardIndex,
    Facets,
    IndexedRow,
    map_pixel,
    sort_key,
    stamp_parts,
)
from truce.web.dashboard import (
    COLUMNS,
    _report,
    _row,
    _version,
    accounts_view,
    compare_stored,
    stored_commitments,
)
from truce.web.positions import map_position

VERDICT_OF = [list(Verdict).index(r.verdict) for r in REASONS]
_building = threading.Lock()


def index_rows(agreement_id: str, rulings: Rulings) -> list[tuple[Any, ...]]:
    """The index rows of one ruled chunk: one per incident and version, in `ROW`'s order."""
    out: list[tuple[Any, ...]] = []
    reasons = rulings.reasons
    for column, incident in enumerate(rulings.frame.incidents):
        point = map_position(incident)
        x, y = map_pixel(point[0], point[1]) if point else (None, None)
        key = sort_key(incident.when.earliest, incident.id)
        day = incident_day(incident)
        rank = Corroboration(incident.corroboration).rank if incident.corroboration else None
        lat, lon, precision = point if point else (None, None, None)
        for version in range(reasons.shape[0]):
            reason = int(reasons[version, column])
            out.append(
                (
                    agreement_id, version, incident.id, key, VERDICT_OF[reason], reason, day,
                    incident.perpetrator, incident.source_alignment, rank, lat, lon,
                    precision, x, y,
                )
            )  # fmt: skip
    return out


def _build(store: Store, index: DashboardIndex, agreement_id: str, stamp: str) -> list[str]:
    agreement, chunks = rule_stored_chunks(store, agreement_id)
    versions = [v.id for v in agreement.versions]
    index.replace(agreement_id, stamp, versions, (index_rows(agreement_id, r) for r in chunks))
    return versions


def _refresh(
    store: Store, index: DashboardIndex, agreement_id: str, stamp: str, touched: set[str]
) -> list[str] | None:
    """Re-rule only the incidents written since the index was built; None if it must be
    built again instead."""
    agreement = store.agreement(agreement_id)
    versions = [v.id for v in agreement.versions]
    ids = sorted(touched)
    rows: list[tuple[Any, ...]] = []
    for chunk in range(0, len(ids), 500):
        incidents = index.incidents(ids[chunk : chunk + 500])
        if incidents:
            rows += index_rows(agreement_id, rule(incidents, agreement.versions))
    return versions if index.refresh(agreement_id, stamp, versions, ids, rows) else None


def ensure_index(store: Store, agreement_id: str) -> list[str]:
    """The agreement's version ids, after making its index current.

    A write through truce names in its audit entry the incidents it wrote, so after a
    few writes only those incidents are ruled again (milliseconds); a change of the
    agreement's terms, a write that bypassed the trail, or more than a tenth of the
    incidents touched builds the whole index again."""
    index = DashboardIndex(store.engine)
    stamp = index.stamp()
    built = index.built(agreement_id)
    if built is not None and built[0] == stamp:
        return built[1]
    with _building:
        stamp = index.stamp()
        built = index.built(agreement_id)
        if built is not None and built[0] == stamp:
            return built[1]
        then, now = stamp_parts(built[0]) if built is not None else None, stamp_parts(stamp)
        if then is not None and now is not None:
            most = max(1000, now[1] // 10)
            touched = index.touched_since(agreement_id, then[0], most=most)
            if touched is not None:
                versions = _refresh(store, index, agreement_id, stamp, touched)
                if versions is not None:
                    return versions
        return _build(store, index, agreement_id, stamp)


def warm(store: Store) -> None:
    """Make every agreement's index current: `truce serve` does it as it starts, so the
    first reader does not wait for a store filled from the command line."""
    for agreement_id in store.agreement_ids():
        ensure_index(store, agreement_id)


def agreement_of(store: Store, agreement_id: str | None) -> tuple[str, list[str]]:
    ids = store.agreement_ids()
    if agreement_id is None:
        if not ids:
            raise NotFound("no agreement is stored yet (truce terms import FILE.yaml)")
        agreement_id = ids[0]
    elif agreement_id not in ids:
        raise NotFound(f"no agreement '{agreement_id}'")
    return agreement_id, ids


def summary(store: Store, agreement_id: str | None) -> dict[str, Any]:
    """The dashboard's frame: the agreement, its versions, the codes the other answers
    use, the stored accounts compared and the commitments; incidents only counted."""
    agreement_id, ids = agreement_of(store, agreement_id)
    agreement = store.agreement(agreement_id)
    ensure_index(store, agreement_id)
    index = DashboardIndex(store.engine)
    total, _ = index.page(agreement_id, Facets(), limit=0, offset=0)
    placed, _ = index.page(agreement_id, Facets(placed=True), limit=0, offset=0)
    comparison = compare_stored(store.accounts(agreement_id))
    parties = sorted({p for _, p, _, _ in index.compliance(agreement_id, Facets())})
    days = [d for d, _, _, _ in index.timeline(agreement_id, Facets()) if d]
    return {
        "schema": 2,
        "agreement": {"id": agreement.id, "title": agreement.title},
        "agreements": ids,
        "versions": [_version(v) for v in agreement.versions],
        "columns": list(COLUMNS),
        "verdicts": [v.value for v in Verdict],
        "reasons": [[r.value, VERDICT_OF[i]] for i, r in enumerate(REASONS)],
        "incidents": total,
        "placed": placed,
        "parties": sorted(parties, key=lambda p: (p == "unknown", p)),
        "first_day": min(days) if days else None,
        "last_day": max(days) if days else None,
        "accounts": accounts_view(comparison) if comparison is not None else None,
        "commitments": stored_commitments(store),
    }


def compliance(store: Store, agreement_id: str, facets: Facets) -> list[list[Any]]:
    ensure_index(store, agreement_id)
    rows = DashboardIndex(store.engine).compliance(agreement_id, facets)
    return [list(r) for r in sorted(rows, key=lambda r: (r[0], r[1] == "unknown", r[1], r[2]))]


def timeline(store: Store, agreement_id: str, facets: Facets) -> list[list[Any]]:
    ensure_index(store, agreement_id)
    rows = DashboardIndex(store.engine).timeline(agreement_id, facets)
    return [list(r) for r in sorted(rows, key=lambda r: (r[0] is None, r[0] or "", r[1], r[2]))]


def _listed(store: Store, rows: list[IndexedRow]) -> list[dict[str, Any]]:
    index = DashboardIndex(store.engine)
    found = {i.id: i for i in index.incidents([r.incident for r in rows])}
    out = []
    for r in rows:
        incident = found.get(r.incident)
        place = (
            ", ".join(p for p in (incident.place, incident.region, incident.country) if p)
            if incident
            else ""
        )
        out.append(
            {
                "id": r.incident,
                "day": r.day,
                "occurred_at": incident.when.text if incident else None,
                "place": place or None,
                "perpetrator": r.perpetrator,
                "target": incident.target if incident else None,
                "verdict": r.verdict,
                "reason": r.reason,
                "map_precision": r.map_precision,
            }
        )
    return out


def incident_page(
    store: Store, agreement_id: str, facets: Facets, *, limit: int, offset: int
) -> dict[str, Any]:
    ensure_index(store, agreement_id)
    total, rows = DashboardIndex(store.engine).page(
        agreement_id, facets, limit=limit, offset=offset
    )
    return {"total": total, "offset": offset, "limit": limit, "items": _listed(store, rows)}


def _cell(cell: Cell) -> dict[str, Any]:
    return {
        "lat": round(cell.lat, 5),
        "lon": round(cell.lon, 5),
        "count": cell.count,
        "verdicts": list(cell.verdicts),
        "incident": cell.incident,
        "precision": cell.precision,
        "box": [round(v, 5) for v in cell.box],
    }


def map_cells(store: Store, agreement_id: str, facets: Facets, zoom: int) -> list[dict[str, Any]]:
    ensure_index(store, agreement_id)
    cells = DashboardIndex(store.engine).cells(agreement_id, facets, zoom=zoom)
    return [_cell(c) for c in cells]


def incident_detail(store: Store, agreement_id: str, incident_id: str) -> dict[str, Any]:
    """One incident as the page's incident panel shows it: its row (the bundle's
    columns), its ruling and explanation under every version, and its reports."""
    agreement = store.agreement(agreement_id)
    incident = store.incident(incident_id)
    rulings = rule([incident], agreement.versions)
    merged = store.reports_of([incident.id])[incident.id]
    reports = {}
    for report_id in merged or ([incident.report_id] if incident.report_id else []):
        try:
            reports[report_id] = _report(store.report(report_id))
        except NotFound:
            continue
    point = map_position(incident)
    return {
        "row": _row(incident, merged),
        "rulings": [int(rulings.reasons[v, 0]) for v in range(len(agreement.versions))],
        "explanations": [
            explain(incident, v, REASONS[int(rulings.reasons[k, 0])])
            for k, v in enumerate(agreement.versions)
        ],
        "reports": reports,
        "on_map": point is not None,
    }
