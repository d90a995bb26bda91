"""Rows of the store's tables ↔ domain types, and the conversions of time they need.

Times are stored as naive UTC; these helpers are the only place that converts.
"""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa

from truce.domain import Corroboration, GeoPrecision, Incident, Occurrence, Report, TimePrecision


def naive_utc(instant: datetime | None) -> datetime | None:
    return None if instant is None else instant.astimezone(UTC).replace(tzinfo=None)


def aware(instant: datetime | None) -> datetime | None:
    return None if instant is None else instant.replace(tzinfo=UTC)


def utc_now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


# Incident fields stored as they are, in columns of the same name.
PLAIN_FIELDS = (
    "place", "lat", "lon", "country", "region", "perpetrator", "target", "target_detail",
    "weapon", "killed", "injured", "source", "source_alignment", "url", "text", "report_id",
)  # fmt: skip


def incident_row(incident: Incident) -> dict[str, Any]:
    when = incident.when
    row: dict[str, Any] = {
        "id": incident.id,
        "occurred_at": when.text or None,
        "time_precision": when.precision.value,
        "occurred_from": naive_utc(when.earliest),
        "occurred_to": naive_utc(when.latest),
        "geo_precision": incident.geo_precision.value,
        "reported_at": naive_utc(incident.reported_at),
        **{name: getattr(incident, name) for name in PLAIN_FIELDS},
    }
    canonical = json.dumps(row, sort_keys=True, default=str, ensure_ascii=False)
    row["content_hash"] = hashlib.sha256(canonical.encode("utf-8")).hexdigest()
    # What merging adds is not content: a coded incident re-imports as unchanged.
    row["corroboration"] = incident.corroboration
    row["denied_by"] = ";".join(incident.denied_by) or None
    return row


def incident_from_row(row: sa.Row[Any], prefix: str = "") -> Incident:
    """The incident of a row of `incidents`, or of a joined row whose incident columns
    are labelled `prefix` + name."""
    m = row._mapping
    denied_by = m[prefix + "denied_by"]
    return Incident(
        id=m[prefix + "id"],
        when=Occurrence(
            TimePrecision(m[prefix + "time_precision"]),
            aware(m[prefix + "occurred_from"]),
            aware(m[prefix + "occurred_to"]),
            m[prefix + "occurred_at"] or "",
        ),
        geo_precision=GeoPrecision(m[prefix + "geo_precision"]),
        reported_at=aware(m[prefix + "reported_at"]),
        corroboration=m[prefix + "corroboration"],
        denied_by=tuple(denied_by.split(";")) if denied_by else (),
        **{name: m[prefix + name] for name in PLAIN_FIELDS},
    )


def report_row(report: Report) -> dict[str, Any]:
    row: dict[str, Any] = {
        "id": report.id,
        "source": report.source,
        "source_alignment": report.source_alignment,
        "published": naive_utc(report.published),
        "text": report.text,
        "url": report.url,
        "lang": report.lang,
        "stance": report.stance,
    }
    if report.published_day:
        # Only when true, so reports stored before 0011 keep their content hash.
        row["published_day"] = True
    canonical = json.dumps(row, sort_keys=True, default=str, ensure_ascii=False)
    row["content_hash"] = hashlib.sha256(canonical.encode("utf-8")).hexdigest()
    row.setdefault("published_day", False)
    return row


def report_from_row(row: sa.Row[Any]) -> Report:
    return Report(
        id=row.id,
        source=row.source,
        source_alignment=row.source_alignment,
        published=aware(row.published),
        text=row.text,
        url=row.url,
        lang=row.lang,
        stance=row.stance,
        published_day=bool(row.published_day),
    )


def corroboration_filter(table: sa.Table, least: Corroboration | None) -> list[Any]:
    """WHERE clauses keeping incidents corroborated at least as well as `least`."""
    if least is None:
        return []
    levels = [level.value for level in Corroboration if level.rank >= least.rank]
    return [table.c.corroboration.in_(levels)]
