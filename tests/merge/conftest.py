"""Reports to merge, built through the real record reader."""

from __future__ import annotations

from truce.domain import Evidence, Stance
from truce.incidents import parse_incident

from ..conftest import NOW


def report(id: str, stance: str = "affirm", **fields: object) -> Evidence:
    """One source's structured report of a strike on a Kharkiv substation, changed by
    `fields` (CONTRACTS §2 names)."""
    record: dict[str, object] = {
        "id": id,
        "occurred_at": "2025-03-20T04:15:00+02:00",
        "place": "Kharkiv",
        "country": "UA",
        "perpetrator": "RU",
        "target": "infrastructure.energy.grid",
        "source": f"source of {id}",
        "source_alignment": "UA",
        "reported_at": "2025-03-20T09:00:00+02:00",
    }
    record.update(fields)
    record = {k: v for k, v in record.items() if v is not None}
    return Evidence(record=parse_incident(record, now=NOW), report_id=id, stance=Stance(stance))
