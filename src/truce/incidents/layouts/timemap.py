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

The raw datasheet-server export that Bellingcat's site loads is three files:
`export_events.json` (associations and sources as ids: `asc1`, `src_exists_CIV0001_1`),
`export_associations.json` (`{id, filter_paths: [category, value]}`) and
`export_sources.json` (`{id: {paths: [url, …]}}`). Ids mean nothing without their
definitions, so the associations file is required then (given, or found beside the
events file), and the sources file is read when present.

Bellingcat's instance has no time field: every event carries the placeholder `00:00`.
A time that is the same `00:00` on every event of the file is read as no time (day
precision), never as midnight.

TimeMap events name no perpetrator (Bellingcat's methodology deliberately does not
attribute), so every incident's perpetrator is `unknown`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import replace
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from truce.domain import Incident, country_zones
from truce.domain.limits import load_json
from truce.errors import BadInput
from truce.incidents.files import _array_element_lines, read_text
from truce.incidents.layouts.places import locate, settlement_named
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

# "Type of area affected" → target code (None: the association says nothing). The map
# records civilian harm only (Bellingcat: "incidents that have resulted in potential
# civilian impact or harm"), so an area it left `Undefined` is a civilian one of
# unstated kind.
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
    "Undefined": "civilian",
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
    "HE artillery inc mortars": "artillery",
    "Land mines": "mine",
    "Small arms": "small arms",
    "Anti-air missile": "anti-aircraft missile",
    "Vehicle mounted weapon": "vehicle-mounted weapon",
    "Unknown": None,
    "Undefined": None,
}
_AREAS = {name.casefold(): code for name, code in AREAS.items()}
_WEAPONS = {name.casefold(): weapon for name, weapon in WEAPONS.items()}
# --on-duplicate: what to do with a second event under an id already seen.
DUPLICATE_POLICIES = ("fail", "skip", "suffix")
# Beside `export_events.json`: `export_associations.json`, `export_sources.json`.
_EVENTS_NAME = re.compile(r"events", re.I)
_PLACEHOLDER_TIMES = frozenset({"", "00:00", "00:00:00"})
FIELDS = {
    "id": "id",
    "occurred_at": "date",
    "lat": "latitude",
    "lon": "longitude",
    "text": "description",
    "url": "sources",
}


def read_timemap(
    path: Path | str,
    *,
    associations: Path | str | None = None,
    sources: Path | str | None = None,
    on_duplicate: str = "fail",
    now: datetime | None = None,
    progress: Progress | None = None,
) -> LayoutRead:
    """Every event of a TimeMap export, as incidents.

    `associations` and `sources` are the export's definition files (default: found
    beside the events file); `on_duplicate` says what a second event under an id
    already seen does: `fail` (nothing stored), `skip` (the first is kept) or `suffix`
    (stored as `<id>-2`)."""
    path = Path(path)
    if on_duplicate not in DUPLICATE_POLICIES:
        raise BadInput(f"unknown --on-duplicate '{on_duplicate}' ({', '.join(DUPLICATE_POLICIES)})")
    now = now or datetime.now(UTC)
    tally = Tally()
    events, definitions, lines, one_line = _document(path)
    associations_path = _beside(path, "associations", associations)
    if associations_path is not None:
        definitions = {**_definitions(associations_path), **definitions}
    sources_path = _beside(path, "sources", sources)
    paths = _source_paths(sources_path) if sources_path is not None else {}
    if not definitions:
        _require_definitions(path, events)
    placeholder = _placeholder_time(events)
    if placeholder is not None:
        tally.count("time", placeholder, "placeholder on every event: day precision", len(events))
    seen: dict[str, tuple[int, str]] = {}  # id → (event index, how it reads)
    gathered = Gathered(path, "id")
    for index, event in enumerate(events):
        line = lines[index] if index < len(lines) else 1
        if progress is not None and index % 1000 == 0:
            progress(index, len(events))
        try:
            if not isinstance(event, dict):
                raise BadInput("must be an object")
            if placeholder is not None:
                event = {**event, "time": ""}
            incident = _incident(event, definitions, paths, tally, now)
        except BadInput as exc:
            raise BadInput(
                f"event {index}: {exc.message}",
                file=str(path),
                line=None if one_line else line,
                field=exc.field,
                hint=exc.hint,
            ) from None
        raw_id = incident.id.removeprefix(PREFIX)
        if incident.id in seen:
            first, first_reads = seen[incident.id]
            reads = _reads(index, event)
            if on_duplicate == "fail":
                raise BadInput(
                    f"duplicate id '{raw_id}': {reads} repeats the id of {first_reads}",
                    file=str(path),
                    line=None if one_line else line,
                    field="id",
                    hint="--on-duplicate skip keeps the first of them,"
                    f" --on-duplicate suffix stores this one as '{raw_id}-2'",
                )
            if on_duplicate == "skip":
                tally.skip("id", raw_id, f"row skipped: duplicate id (event {first} kept)")
                continue
            suffix = 2
            while f"{incident.id}-{suffix}" in seen:
                suffix += 1
            incident = replace(incident, id=f"{incident.id}-{suffix}")
            tally.note("id", raw_id, f"duplicate id: event {index} stored as '{raw_id}-{suffix}'")
        seen[incident.id] = (index, _reads(index, event))
        gathered.add(line, incident, where=f"in event {index}")
    if progress is not None:
        progress(len(events), len(events))
    return tally.read(gathered.incidents)


def _reads(index: int, event: Mapping[str, Any]) -> str:
    """How a duplicate's message names an event: "event 879 (10/17/2022, Kyiv)"."""
    place = str(event.get("location") or "").strip() or (
        f"{event.get('latitude')}, {event.get('longitude')}"
    )
    return f"event {index} ({event.get('date') or 'no date'}, {place})"


def _document(
    path: Path,
) -> tuple[list[Any], dict[str, tuple[str, str]], list[int], bool]:
    """The events, the association definitions the document carries (id or title →
    (category, value)), the line each event starts on, and whether the file is one line."""
    text = read_text(path)
    one_line = text.strip().count("\n") == 0
    try:
        document = load_json(text)  # the shared limits: nesting, huge numbers
    except BadInput as exc:
        raise exc.located(file=str(path), line=1) from None
    if isinstance(document, list):
        return document, {}, _array_element_lines(text), one_line
    if not isinstance(document, dict) or not isinstance(document.get("events"), list):
        raise BadInput(
            "expected an array of events, or an object with 'events'", file=str(path), line=1
        )
    definitions = _definitions_of(document.get("associations") or [], path)
    return document["events"], definitions, [], one_line


def _beside(events: Path, kind: str, given: Path | str | None) -> Path | None:
    """The definitions file given, else the one named like the events file with `kind`
    for "events" (`export_events.json` → `export_associations.json`), if it exists."""
    if given is not None:
        return Path(given)
    if not _EVENTS_NAME.search(events.name):
        return None
    candidate = events.with_name(_EVENTS_NAME.sub(kind, events.name, count=1))
    return candidate if candidate.is_file() else None


def _definitions(path: Path) -> dict[str, tuple[str, str]]:
    """An associations file: an array of `{id, title, filter_paths}` (or an object with
    `associations`)."""
    document = _json_file(path)
    if isinstance(document, dict):
        document = document.get("associations")
    if not isinstance(document, list):
        raise BadInput("expected an array of associations", file=str(path), line=1)
    return _definitions_of(document, path)


def _definitions_of(items: list[Any], path: Path) -> dict[str, tuple[str, str]]:
    definitions: dict[str, tuple[str, str]] = {}
    for index, item in enumerate(items):
        paths = item.get("filter_paths") if isinstance(item, dict) else None
        if not isinstance(paths, list) or len(paths) < 2:
            raise BadInput(
                f"association {index}: needs filter_paths [category, value]",
                file=str(path),
                field="filter_paths",
            )
        pair = (str(paths[0]), str(paths[-1]))
        for key in (item.get("id"), item.get("title")):
            if key:
                definitions[str(key)] = pair
    return definitions


def _source_paths(path: Path) -> dict[str, str]:
    """A sources file (`{id: {paths: [url, …]}}`, or an array of such objects with `id`):
    each source id → its first URL."""
    document = _json_file(path)
    items = document.values() if isinstance(document, dict) else document
    if not isinstance(items, (list, type({}.values()))):
        raise BadInput("expected an object or array of sources", file=str(path), line=1)
    found: dict[str, str] = {}
    for item in items:
        if not isinstance(item, dict) or not item.get("id"):
            continue
        urls = [
            p
            for p in item.get("paths") or [item.get("path")]
            if isinstance(p, str) and p.startswith(("http://", "https://"))
        ]
        if urls:
            found[str(item["id"])] = urls[0]
    return found


def _json_file(path: Path) -> Any:
    try:
        return load_json(read_text(path))  # the shared limits: nesting, huge numbers
    except BadInput as exc:
        raise exc.located(file=str(path)) from None


def _require_definitions(path: Path, events: list[Any]) -> None:
    """Associations that are ids (`asc1`) and no definitions: say which file is missing
    rather than lose every target and weapon."""
    ids = [
        item
        for event in events
        if isinstance(event, dict)
        for item in event.get("associations") or []
        if isinstance(item, str)
    ]
    known = [i for i in ids if i.strip().casefold() in _AREAS or i.strip().casefold() in _WEAPONS]
    if ids and not known:
        beside = path.with_name(_EVENTS_NAME.sub("associations", path.name, count=1))
        raise BadInput(
            f"the events' associations are ids ({ids[0]}, …) defined only in TimeMap's"
            " associations file",
            file=str(path),
            field="associations",
            hint=f"give it with --associations FILE, or put it beside the events as {beside.name}",
        )


def _placeholder_time(events: list[Any]) -> str | None:
    """The time every event carries when it is a placeholder (`00:00` on all of them:
    the layout has no time field), else None."""
    times = {str(event.get("time") or "").strip() for event in events if isinstance(event, dict)}
    if len(times) == 1 and times <= _PLACEHOLDER_TIMES and times != {""}:
        return times.pop()
    return None


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
    tally.decide("target", "Type of area affected" if target else "none: unknown")
    tally.decide("weapon", "Weapon System" if weapon else "none: unknown")
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


def _url(event: Mapping[str, Any], paths: Mapping[str, str], tally: Tally) -> str | None:
    """The first source that is a URL, or a source id the sources file gives a URL for."""
    ids = 0
    for source in event.get("sources") or []:
        path = source.get("path") if isinstance(source, dict) else source
        if isinstance(path, str) and path.startswith(("http://", "https://")):
            return path
        if isinstance(path, str) and path in paths:
            return paths[path]
        ids += isinstance(path, str)
    if ids:
        tally.note("sources", "(ids, no URL in the sources file)", "url unknown")
    return None


def _incident(
    event: Mapping[str, Any],
    definitions: Mapping[str, tuple[str, str]],
    paths: Mapping[str, str],
    tally: Tally,
    now: datetime,
) -> Incident:
    event_id = str(event.get("id") or event.get("civId") or "").strip()
    if not event_id:
        raise BadInput("missing event id", field="id")
    lat = number(_scalar(event, "latitude"), "latitude", limit=90)
    lon = number(_scalar(event, "longitude"), "longitude", limit=180)
    location = str(event.get("location") or "").strip()
    first = [location.split(",")[0]] if location else []
    nearest = locate(lat, lon, first) if lat is not None and lon is not None else None
    country = nearest.country if nearest else None
    if lat is not None and country is None:
        tally.note("latitude/longitude", f"{lat}, {lon}", "country unknown (no place near)")
    named = settlement_named(first, lat, lon) if location else None
    target, weapon = _classify(event, definitions, tally)
    tally.note("perpetrator", "(not in the layout)", "perpetrator unknown (TimeMap names none)")
    tally.decide("perpetrator", "none: unknown")
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
            "url": _url(event, paths, tally),
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
