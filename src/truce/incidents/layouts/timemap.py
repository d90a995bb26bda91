"""TimeMap event JSON (Forensic Architecture's timemap, as Bellingcat's "Civilian Harm in
Ukraine" publishes it) → incidents.

The layout is timemap's event schema (`src/reducers/validate/eventSchema.js`): `id`,
`description`, `date` (MM/DD/YYYY, Bellingcat's DATE_FMT), `time` (HH:mm), `location`,
`latitude`, `longitude` (strings), `associations` (titles of associations), `sources`.
Accepted documents: a JSON array of events (Bellingcat's `api.json`, datasheet-server's
`export_events`), or an object with `events` and, optionally, the `associations`
definitions (`{id, title, mode, filter_paths: [category, value]}`) that say which
category each title belongs to. Early Bellingcat exports carry `filters: [{key, value}]`
instead of associations; they are read too.

TimeMap events name no perpetrator (Bellingcat's methodology deliberately does not
attribute), so every incident's perpetrator is `unknown`.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from truce.domain import Incident, country_zones
from truce.domain.limits import load_json
from truce.errors import BadInput
from truce.incidents.files import _array_element_lines, read_text
from truce.incidents.layouts.places import nearest_place, settlement_named
from truce.incidents.layouts.reading import (
    Gathered,
    LayoutRead,
    Progress,
    Tally,
    build_incident,
    number,
)

PREFIX = "timemap:"
AREA = "type of area affected"
WEAPON = "weapon system"

# "Type of area affected" → target code (None: the association says nothing).
AREAS: dict[str, str | None] = {
    "Residential": "civilian.residential",
    "Commercial": "civilian.commercial",
    "School or childcare": "civilian.education",
    "Educational": "civilian.education",
    "Education": "civilian.education",
    "Healthcare": "civilian.healthcare",
    "Industrial": "civilian.industrial",
    "Administrative": "civilian.administrative",
    "Cultural": "civilian.cultural",
    "Religious": "civilian.cultural",
    "Humanitarian": "civilian.humanitarian",
    "Food/Food Infrastructure": "civilian.agriculture",
    "Roads/Highways/Transport": "infrastructure.transport",
    "Transport": "infrastructure.transport",
    "Energy infrastructure": "infrastructure.energy",
    "Energy": "infrastructure.energy",
    "Water infrastructure": "infrastructure.water",
    "Telecommunications": "infrastructure.telecom",
    "Port": "infrastructure.port",
    "Military": "military",
    "Undefined": None,
}
# "Weapon System" → weapon (None: unknown).
WEAPONS: dict[str, str | None] = {
    "Ballistic missile": "ballistic missile",
    "Cruise missile": "cruise missile",
    "Missile": "missile",
    "HE rocket artillery": "MLRS",
    "Artillery": "artillery",
    "Mortar": "mortar",
    "Air strike": "airstrike",
    "Glide bomb": "glide bomb",
    "Drone": "drone",
    "Loitering munition": "drone",
    "Cluster munitions": "cluster munitions",
    "Incendiary munitions": "incendiary munitions",
    "Thermobaric munition": "thermobaric munition",
    "Land mines": "mine",
    "Small arms": "small arms",
    "Unknown": None,
    "Undefined": None,
}
_AREAS = {name.casefold(): code for name, code in AREAS.items()}
_WEAPONS = {name.casefold(): weapon for name, weapon in WEAPONS.items()}
FIELDS = {
    "id": "id",
    "occurred_at": "date",
    "lat": "latitude",
    "lon": "longitude",
    "text": "description",
    "url": "sources",
}


def read_timemap(
    path: Path | str, *, now: datetime | None = None, progress: Progress | None = None
) -> LayoutRead:
    """Every event of a TimeMap export, as incidents."""
    path = Path(path)
    now = now or datetime.now(UTC)
    tally = Tally()
    gathered = Gathered(path, "id")
    events, definitions, lines = _document(path)
    for index, event in enumerate(events):
        line = lines[index] if index < len(lines) else 1
        if progress is not None and index % 1000 == 0:
            progress(index, len(events))
        try:
            if not isinstance(event, dict):
                raise BadInput("must be an object")
            incident = _incident(event, definitions, tally, now)
        except BadInput as exc:
            raise BadInput(
                f"event {index}: {exc.message}",
                file=str(path),
                line=line,
                field=exc.field,
                hint=exc.hint,
            ) from None
        gathered.add(line, incident, where=f"in event {index}")
    if progress is not None:
        progress(len(events), len(events))
    return LayoutRead(tuple(gathered.incidents), tally.skipped, tally.report())


def _document(path: Path) -> tuple[list[Any], dict[str, tuple[str, str]], list[int]]:
    """The events, the association definitions (id or title → (category, value)) and
    the line each event starts on (when the document is an array)."""
    text = read_text(path)
    try:
        document = load_json(text)  # the shared limits: nesting, huge numbers
    except BadInput as exc:
        raise exc.located(file=str(path), line=1) from None
    if isinstance(document, list):
        return document, {}, _array_element_lines(text)
    if not isinstance(document, dict) or not isinstance(document.get("events"), list):
        raise BadInput(
            "expected an array of events, or an object with 'events'", file=str(path), line=1
        )
    definitions: dict[str, tuple[str, str]] = {}
    for item in document.get("associations") or []:
        paths = item.get("filter_paths") if isinstance(item, dict) else None
        if isinstance(paths, list) and len(paths) >= 2:
            pair = (str(paths[0]), str(paths[-1]))
            for key in (item.get("id"), item.get("title")):
                if key:
                    definitions[str(key)] = pair
    return document["events"], definitions, []


def _associations(
    event: Mapping[str, Any], definitions: Mapping[str, tuple[str, str]]
) -> Iterator[tuple[str | None, str]]:
    """(category or None when not told, value) for each association of the event."""
    items = list(event.get("associations") or []) + list(event.get("filters") or [])
    for item in items:
        if isinstance(item, dict):
            key, value = item.get("key") or item.get("category"), item.get("value")
            if value is None:
                raise BadInput("an association without 'value'", field="associations")
            yield (str(key) if key else None), str(value)
        elif isinstance(item, str):
            if item in definitions:
                yield definitions[item]
            elif "/" in item and item.split("/", 1)[0].casefold() in (AREA, WEAPON):
                category, value = item.split("/", 1)
                yield category, value
            else:
                yield None, item
        else:
            raise BadInput("an association must be text or an object", field="associations")


def _classify(
    event: Mapping[str, Any], definitions: Mapping[str, tuple[str, str]], tally: Tally
) -> tuple[str | None, str | None]:
    """The target (from the first area that maps) and weapon (the first weapon system
    that maps) of an event's associations."""
    target: str | None = None
    weapon: str | None = None
    areas = weapons = 0
    for category, value in _associations(event, definitions):
        kind = category.casefold() if category else None
        key = value.strip().casefold()
        if kind is None and key in _AREAS and key in _WEAPONS:  # "Undefined"
            kind = WEAPON if areas else AREA
        elif kind is None:
            kind = AREA if key in _AREAS else WEAPON if key in _WEAPONS else None
        if kind == AREA:
            areas += 1
            if key not in _AREAS or _AREAS[key] is None:
                tally.note("Type of area affected", value, "target unknown")
            elif target is None:
                target = _AREAS[key]
        elif kind == WEAPON:
            weapons += 1
            if key not in _WEAPONS or _WEAPONS[key] is None:
                tally.note("Weapon System", value, "weapon unknown")
            elif weapon is None:
                weapon = _WEAPONS[key]
        else:
            tally.note(category or "associations", value, "association not mapped")
    if not areas:
        tally.note("Type of area affected", "(none given)", "target unknown")
    if not weapons:
        tally.note("Weapon System", "(none given)", "weapon unknown")
    return target, weapon


def _day(text: str) -> date:
    for pattern in ("%m/%d/%Y", "%Y-%m-%d"):
        try:
            return datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    raise BadInput(f"'{text}' is not a date in MM/DD/YYYY form", field="date")


def _occurred_at(event: Mapping[str, Any], country: str | None, tally: Tally) -> str | None:
    """The local day, or the local minute when `time` is given and the country's zone
    is known."""
    text = str(event.get("date") or "").strip()
    if not text:
        return None
    day = _day(text)
    clock = str(event.get("time") or "").strip()
    if not clock:
        return day.isoformat()
    try:
        at = time.fromisoformat(clock)
    except ValueError:
        raise BadInput(f"'{clock}' is not a time in HH:mm form", field="time") from None
    zones = country_zones(country)
    if len(zones) != 1:
        tally.note("time", clock, "time ignored (time zone unknown), day kept")
        return day.isoformat()
    return datetime.combine(day, at, ZoneInfo(zones[0])).isoformat(timespec="minutes")


def _url(event: Mapping[str, Any]) -> str | None:
    for source in event.get("sources") or []:
        path = source.get("path") if isinstance(source, dict) else source
        if isinstance(path, str) and path.startswith(("http://", "https://")):
            return path
    return None


def _incident(
    event: Mapping[str, Any],
    definitions: Mapping[str, tuple[str, str]],
    tally: Tally,
    now: datetime,
) -> Incident:
    event_id = str(event.get("id") or event.get("civId") or "").strip()
    if not event_id:
        raise BadInput("missing event id", field="id")
    lat = number(_scalar(event, "latitude"), "latitude", limit=90)
    lon = number(_scalar(event, "longitude"), "longitude", limit=180)
    nearest = nearest_place(lat, lon) if lat is not None and lon is not None else None
    country = nearest.country if nearest else None
    if lat is not None and country is None:
        tally.note("latitude/longitude", f"{lat}, {lon}", "country unknown (no place near)")
    location = str(event.get("location") or "").strip()
    named = settlement_named([location.split(",")[0]], lat, lon) if location else None
    target, weapon = _classify(event, definitions, tally)
    tally.note("perpetrator", "(not in the layout)", "perpetrator unknown (TimeMap names none)")
    return build_incident(
        {
            "id": PREFIX + event_id,
            "occurred_at": _occurred_at(event, country, tally),
            "place": named.name if named else location or None,
            "lat": lat,
            "lon": lon,
            "country": country,
            "region": nearest.region if nearest else None,
            "geo_precision": "settlement" if lat is not None else None,
            "perpetrator": "unknown",
            "target": target,
            "weapon": weapon,
            "source": "TimeMap",
            "url": _url(event),
            "text": str(event.get("description") or "").strip() or None,
        },
        now=now,
        fields=FIELDS,
    )


def _scalar(event: Mapping[str, Any], name: str) -> str | None:
    value = event.get(name)
    if isinstance(value, (dict, list)):
        raise BadInput("must be a number or text", field=name)
    return None if value is None else str(value)
