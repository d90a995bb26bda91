"""One incident record (CONTRACTS §2) ↔ an `Incident`, with every field validated.

The same record layout serves CSV, JSON and JSON Lines, the API's structured reports
and the CSV export, so a file that truce writes is a file truce reads.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from datetime import UTC, date, datetime, timedelta
from typing import Any

from truce.domain import (
    UNKNOWN,
    GeoPrecision,
    Incident,
    Occurrence,
    TimePrecision,
    check_url,
    day_bounds,
    is_alignment,
    is_country,
    is_perpetrator,
    is_target,
)
from truce.domain.limits import (
    check_count,
    check_id,
    check_instant,
    check_strings,
    check_year,
)
from truce.errors import BadInput

COLUMNS: tuple[str, ...] = (
    "id",
    "occurred_at",
    "place",
    "lat",
    "lon",
    "country",
    "region",
    "perpetrator",
    "target",
    "target_detail",
    "weapon",
    "killed",
    "injured",
    "source",
    "source_alignment",
    "reported_at",
    "url",
    "text",
)
# What the §2 columns leave implicit: how precisely the time and place are known, and
# the UTC interval the time covers (a night or a morning cannot be told from a date).
# `truce export` writes them after the columns, so an export re-imports to equal incidents.
PRECISION_FIELDS: tuple[str, ...] = (
    "time_precision",
    "occurred_from",
    "occurred_to",
    "geo_precision",
)
# What merging gives an incident (truce.merge): `truce export` writes them; an import
# ignores them, as it ignores rulings, since they are worked out from the reports.
MERGE_FIELDS: tuple[str, ...] = ("corroboration", "denied_by")
# Accepted beside the columns: `stance` of reports to merge, the precision and merge
# fields, and the extra fields of `truce extract --json`, so its output imports as it is.
OPTIONAL_FIELDS: frozenset[str] = frozenset(
    {"stance", *PRECISION_FIELDS, *MERGE_FIELDS, "place_mention", "lang", "confidence", "input"}
)
KNOWN_FIELDS: frozenset[str] = frozenset(COLUMNS) | OPTIONAL_FIELDS
# Fields that may hold a report's whole text (`MAX_TEXT`); the others are short.
TEXT_FIELDS: frozenset[str] = frozenset({"text"})
# Columns of `truce export` that carry rulings (`verdict:<agreement>/<version>`, …): derived
# from the terms, so importing ignores them rather than rejecting the file.
RULING_PREFIXES: tuple[str, ...] = ("verdict:", "reason:")


def is_ruling_field(name: str) -> bool:
    """Whether a column or key is one of the ruling columns an export adds."""
    return name.startswith(RULING_PREFIXES)


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _text(raw: Mapping[str, Any], name: str) -> str | None:
    value = raw.get(name)
    if _blank(value):
        return None
    if isinstance(value, (dict, list)):
        raise BadInput("must be text", field=name)
    return str(value).strip()


def _count(raw: Mapping[str, Any], name: str) -> int | None:
    value = raw.get(name)
    if _blank(value):
        return None
    if isinstance(value, bool):
        raise BadInput(f"'{value}' is not a whole number", field=name)
    try:
        number = value if isinstance(value, int) else int(str(value).strip())
    except ValueError:
        raise BadInput(f"'{value}' is not a whole number", field=name) from None
    return check_count(number, name)


def _coordinate(raw: Mapping[str, Any], name: str, limit: float) -> float | None:
    value = raw.get(name)
    if _blank(value):
        return None
    try:
        number = float(str(value).strip())
    except ValueError:
        raise BadInput(f"'{value}' is not a number", field=name) from None
    if not math.isfinite(number) or not -limit <= number <= limit:
        raise BadInput(f"{number} is out of range (-{limit:g} to {limit:g})", field=name)
    return number


def parse_occurrence(
    value: Any, *, country: str | None, now: datetime, field: str = "occurred_at"
) -> Occurrence:
    """An ISO 8601 date-time with offset (minute precision), a date (the whole local day
    of the place) or nothing (time unknown)."""
    if _blank(value):
        return Occurrence(TimePrecision.NONE)
    text = str(value).strip()
    if len(text) == 10:
        try:
            day = date.fromisoformat(text)
        except ValueError as exc:
            raise BadInput(f"'{text}' is not a valid date ({exc})", field=field) from None
        check_year(day.year, field, text=text)
        earliest, latest = day_bounds(day, country)
        occurrence = Occurrence(TimePrecision.DAY, earliest, latest, text)
    else:
        try:
            instant = datetime.fromisoformat(text)
        except ValueError as exc:
            raise BadInput(
                f"'{text}' is not an ISO 8601 date-time or date ({exc})", field=field
            ) from None
        if instant.tzinfo is None:
            raise BadInput(
                f"'{text}' has no UTC offset",
                field=field,
                hint="add one, e.g. 2025-03-18T21:30:00+02:00, or give only the date",
            )
        instant = check_instant(instant, field, text=text).replace(microsecond=0)
        occurrence = Occurrence(TimePrecision.MINUTE, instant, instant, text)
    assert occurrence.earliest is not None
    if occurrence.earliest > now:
        raise BadInput(f"'{text}' is in the future", field=field)
    return occurrence


def _instant(text: str | None, field: str) -> datetime:
    """One bound of an interval: a date-time with offset (it may lie ahead: tonight)."""
    try:
        instant = datetime.fromisoformat(str(text))
    except ValueError as exc:
        raise BadInput(f"'{text}' is not an ISO 8601 date-time ({exc})", field=field) from None
    if instant.tzinfo is None:
        raise BadInput(f"'{text}' has no UTC offset", field=field)
    return check_instant(instant, field, text=str(text))


def _occurrence(raw: Mapping[str, Any], *, country: str | None, now: datetime) -> Occurrence:
    """`occurred_at`, or the exact interval an export gives beside it (`time_precision`,
    `occurred_from`, `occurred_to`), which must overlap what `occurred_at` alone says."""
    when = parse_occurrence(raw.get("occurred_at"), country=country, now=now)
    bounds = [_text(raw, name) for name in ("occurred_from", "occurred_to")]
    if bounds == [None, None]:
        return _with_precision(when, _text(raw, "time_precision"), country)
    if None in bounds:
        missing = "occurred_from" if bounds[0] is None else "occurred_to"
        raise BadInput("give both occurred_from and occurred_to, or neither", field=missing)
    if not when.known:
        raise BadInput("an interval without occurred_at", field="occurred_from")
    earliest, latest = (
        _instant(text, name)
        for text, name in zip(bounds, ("occurred_from", "occurred_to"), strict=True)
    )
    assert when.earliest is not None and when.latest is not None
    if latest < earliest:
        raise BadInput("ends before occurred_from", field="occurred_to")
    if latest < when.earliest or earliest > when.latest:
        raise BadInput(
            f"the interval does not match occurred_at '{when.text}'",
            field="occurred_from",
            hint="correct occurred_at or the interval, or leave the interval empty",
        )
    precision_text = _text(raw, "time_precision")
    try:
        precision = TimePrecision(precision_text) if precision_text else when.precision
    except ValueError:
        raise BadInput(
            f"unknown time precision '{precision_text}'", field="time_precision"
        ) from None
    if precision is TimePrecision.NONE:
        raise BadInput("'none' with a time given", field="time_precision")
    return Occurrence(precision, earliest, latest, when.text)


def _with_precision(when: Occurrence, precision: str | None, country: str | None) -> Occurrence:
    """`occurred_at` read at a stated precision with no interval given: `night` with a
    date is the night from 18:00 that day to 06:00 the next, local time (as extraction
    reads "overnight"); `hour` with a date-time is that clock hour."""
    if precision is None or not when.known or precision == when.precision.value:
        return when
    assert when.earliest is not None
    if precision == TimePrecision.NIGHT.value and when.precision is TimePrecision.DAY:
        day = date.fromisoformat(when.text)
        start = day_bounds(day, country)[0] + timedelta(hours=18)
        end = day_bounds(day + timedelta(days=1), country)[0] + timedelta(hours=6, seconds=-1)
        return Occurrence(TimePrecision.NIGHT, start, end, when.text)
    if precision == TimePrecision.HOUR.value and when.precision is TimePrecision.MINUTE:
        start = when.earliest.replace(minute=0, second=0)
        return Occurrence(
            TimePrecision.HOUR, start, start + timedelta(hours=1, seconds=-1), when.text
        )
    try:
        TimePrecision(precision)
    except ValueError:
        raise BadInput(f"unknown time precision '{precision}'", field="time_precision") from None
    raise BadInput(
        f"'{precision}' does not fit occurred_at '{when.text}'",
        field="time_precision",
        hint="'night' takes a date, 'hour' a date-time; give occurred_from and occurred_to"
        " for any other interval",
    )


def _reported_at(raw: Mapping[str, Any], now: datetime) -> datetime | None:
    when = parse_occurrence(raw.get("reported_at"), country=None, now=now, field="reported_at")
    return when.earliest if when.precision is TimePrecision.MINUTE else when.latest


def parse_incident(raw: Mapping[str, Any], *, now: datetime | None = None) -> Incident:
    """Validate one record. Raises `BadInput` naming the field (the caller adds file and line)."""
    now = now or datetime.now(UTC)
    check_strings(raw, text_fields=TEXT_FIELDS)
    unknown = sorted(k for k in raw if k not in KNOWN_FIELDS and not is_ruling_field(k))
    if unknown:
        raise BadInput(
            "unknown field", field=unknown[0], hint=f"known fields: {', '.join(COLUMNS)}"
        )
    incident_id = _text(raw, "id")
    if incident_id is None:
        raise BadInput("missing incident id", field="id")
    check_id(incident_id)

    country = _text(raw, "country")
    if country is not None:
        country = country.upper()
        if not is_country(country):
            raise BadInput(
                f"unknown country code '{country}' (ISO 3166-1 alpha-2)", field="country"
            )

    perpetrator = _text(raw, "perpetrator") or UNKNOWN
    if perpetrator.lower() == UNKNOWN:
        perpetrator = UNKNOWN
    elif len(perpetrator) == 2:
        perpetrator = perpetrator.upper()
    if not is_perpetrator(perpetrator):
        raise BadInput(
            f"unknown party '{perpetrator}' (an ISO 3166-1 alpha-2 code, or 'unknown')",
            field="perpetrator",
        )

    target = _text(raw, "target")
    if target is not None and not is_target(target):
        raise BadInput(
            f"unknown target code '{target}' (`truce taxonomy` lists the codes)", field="target"
        )

    alignment = _text(raw, "source_alignment")
    if alignment is not None:
        alignment = alignment.upper() if len(alignment) == 2 else alignment.lower()
        if not is_alignment(alignment):
            raise BadInput(
                f"unknown alignment '{alignment}' (a party code, 'media' or 'independent')",
                field="source_alignment",
            )

    stance = _text(raw, "stance")
    if stance is not None and stance not in ("affirm", "deny"):
        raise BadInput(f"'{stance}' is not 'affirm' or 'deny'", field="stance")

    lat = _coordinate(raw, "lat", 90)
    lon = _coordinate(raw, "lon", 180)
    if (lat is None) != (lon is None):
        raise BadInput("give both lat and lon, or neither", field="lon" if lon is None else "lat")

    place, region = _text(raw, "place"), _text(raw, "region")
    precision_text = _text(raw, "geo_precision")
    if precision_text is not None:
        try:
            geo_precision = GeoPrecision(precision_text)
        except ValueError:
            raise BadInput(
                f"unknown geo precision '{precision_text}'", field="geo_precision"
            ) from None
    elif lat is not None or place is not None:
        geo_precision = GeoPrecision.SETTLEMENT
    elif region is not None:
        geo_precision = GeoPrecision.REGION
    elif country is not None:
        geo_precision = GeoPrecision.COUNTRY
    else:
        geo_precision = GeoPrecision.NONE

    return Incident(
        id=incident_id,
        when=_occurrence(raw, country=country, now=now),
        place=place,
        lat=lat,
        lon=lon,
        country=country,
        region=region,
        geo_precision=geo_precision,
        perpetrator=perpetrator,
        target=target,
        target_detail=_text(raw, "target_detail"),
        weapon=_text(raw, "weapon"),
        killed=_count(raw, "killed"),
        injured=_count(raw, "injured"),
        source=_text(raw, "source"),
        source_alignment=alignment,
        reported_at=_reported_at(raw, now),
        url=check_url(_text(raw, "url")),
        text=_text(raw, "text"),
    )


def states_nothing(incident: Incident) -> bool:
    """Whether a record gives no fact of an incident: no time, place, party, target,
    weapon or count (an id and a text alone)."""
    return (
        not incident.when.known
        and incident.geo_precision is GeoPrecision.NONE
        and incident.perpetrator == UNKNOWN
        and incident.target is None
        and incident.target_detail is None
        and incident.weapon is None
        and incident.killed is None
        and incident.injured is None
    )


def require_a_fact(incident: Incident) -> None:
    """A report read as an incident record must state something of its incident: one
    that holds only an id and a text is a free-text report missing its `published`,
    which would otherwise be stored as an empty incident."""
    if states_nothing(incident):
        raise BadInput(
            "a report with no incident field and no 'published'",
            field="published" if incident.text else "occurred_at",
            hint="free text needs 'published' (when it appeared) to be extracted; a"
            " structured report needs occurred_at, place, country, perpetrator or target",
        )


def incident_to_record(incident: Incident) -> dict[str, Any]:
    """The record of CONTRACTS §2 for an incident; `parse_incident` reads it back equal."""
    return {
        "id": incident.id,
        "occurred_at": incident.when.text or None,
        "place": incident.place,
        "lat": incident.lat,
        "lon": incident.lon,
        "country": incident.country,
        "region": incident.region,
        "perpetrator": incident.perpetrator,
        "target": incident.target,
        "target_detail": incident.target_detail,
        "weapon": incident.weapon,
        "killed": incident.killed,
        "injured": incident.injured,
        "source": incident.source,
        "source_alignment": incident.source_alignment,
        "reported_at": incident.reported_at.isoformat() if incident.reported_at else None,
        "url": incident.url,
        "text": incident.text,
    }


def incident_to_precise_record(incident: Incident) -> dict[str, Any]:
    """The record of `incident_to_record` followed by `PRECISION_FIELDS`: what an export
    writes, so that `parse_incident` gives back the very same incident."""
    when = incident.when
    return {
        **incident_to_record(incident),
        "time_precision": when.precision.value,
        "occurred_from": when.earliest.isoformat() if when.earliest else None,
        "occurred_to": when.latest.isoformat() if when.latest else None,
        "geo_precision": incident.geo_precision.value,
    }
