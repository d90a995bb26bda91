"""ACLED exports (CSV) → incidents.

The layout is ACLED's published column set (codebook and the 2023 column changes):
`event_id_cnty, event_date, year, time_precision, disorder_type, event_type,
sub_event_type, actor1, assoc_actor_1, inter1, actor2, assoc_actor_2, inter2,
interaction, civilian_targeting, iso, region, country, admin1, admin2, admin3, location,
latitude, longitude, geo_precision, source, source_scale, notes, fatalities, tags,
timestamp`. Only the columns used below are required; the rest are ignored.

Every mapping is a table here, and docs/importers.md shows them.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta
from functools import cache
from pathlib import Path

from truce.domain import GeoPrecision, Incident, day_bounds
from truce.errors import BadInput
from truce.incidents.layouts.places import country_code, region_named, settlement_named
from truce.incidents.layouts.reading import (
    LayoutRead,
    Progress,
    Tally,
    build_incident,
    number,
    read_csv_layout,
)
from truce.incidents.layouts.text import TextReading, read_row_text

PREFIX = "acled:"
REQUIRED = ("event_id_cnty", "event_date", "event_type", "sub_event_type", "actor1", "country")

# ACLED event types that are not attacks: skipped and counted.
SKIPPED_EVENT_TYPES = frozenset({"Protests", "Riots", "Strategic developments"})
# Imported event types, with the target when nothing more specific can be told.
EVENT_TYPES: dict[str, str | None] = {
    "Explosions/Remote violence": None,
    "Battles": "military",
    "Violence against civilians": "civilian",
}
# Sub-event types of imported event types that are no strike or attack: skipped.
SKIPPED_SUB_EVENT_TYPES = frozenset(
    {"Sexual violence", "Abduction/forced disappearance", "Non-violent transfer of territory"}
)
# Sub-event type → weapon (the notes, read by truce's extractor, may name it more precisely).
SUB_EVENT_WEAPONS: dict[str, str | None] = {
    "Shelling/artillery/missile attack": "artillery or missile",
    "Air/drone strike": "air or drone strike",
    "Remote explosive/landmine/IED": "mine or IED",
    "Grenade": "grenade",
    "Suicide bomb": "suicide bomb",
    "Chemical weapon": "chemical weapon",
    "Armed clash": None,
    "Government regains territory": None,
    "Non-state actor overtakes territory": None,
    "Attack": None,
}
# Event types whose actor1 is the side that struck; in battles both sides fight.
PERPETRATOR_IS_ACTOR1 = frozenset({"Explosions/Remote violence", "Violence against civilians"})

# State forces as ACLED names them: "Military Forces of Russia (2000-)",
# "Police Forces of Ukraine (2019-) National Guard", "Government of Russia (2000-)".
STATE_ACTOR = re.compile(
    r"^(?:Military Forces|Police Forces|Government) of (?P<country>[A-Za-z ]+?) \(\d{4}-\d{0,4}\)"
)
CIVILIAN_ACTOR = re.compile(r"^Civilians \((?P<country>[A-Za-z ]+)\)")

# ACLED geo_precision: 1 the named place; 2 near it or a part of a region around it;
# 3 only a larger region (its capital's coordinates).
GEO_PRECISIONS: dict[str, GeoPrecision] = {
    "1": GeoPrecision.SETTLEMENT,
    "2": GeoPrecision.SETTLEMENT,
    "3": GeoPrecision.REGION,
}
# ACLED time_precision: 1 the day; 2 a known week (or weekend); 3 a known month.
# Days either side of event_date that the event may lie in.
TIME_SPREAD_DAYS: dict[str, int] = {"1": 0, "2": 3, "3": 15}

# truce field → the ACLED column its value comes from (for error messages).
FIELDS = {
    "id": "event_id_cnty",
    "occurred_at": "event_date",
    "lat": "latitude",
    "lon": "longitude",
    "killed": "fatalities",
    "text": "notes",
    "source": "source",
}
_DATE_FORMATS = ("%Y-%m-%d", "%d %B %Y", "%d-%B-%Y", "%d-%m-%Y", "%d/%m/%Y", "%d-%b-%y")


def read_acled(
    path: Path | str, *, now: datetime | None = None, progress: Progress | None = None
) -> LayoutRead:
    """Every attack in an ACLED export, as incidents; other rows skipped and counted."""
    return read_csv_layout(
        Path(path),
        REQUIRED,
        "event_id_cnty",
        _incident,
        now=now or datetime.now(UTC),
        progress=progress,
    )


def party(actor: str) -> str | None:
    """The party code of an ACLED state actor ("Military Forces of Russia (2000-)" → RU),
    or None for anyone else."""
    match = STATE_ACTOR.match(actor)
    return country_code(match["country"]) if match else None


def _incident(row: dict[str, str], tally: Tally, now: datetime) -> Incident | None:
    event_id = row.get("event_id_cnty", "")
    if not event_id:
        raise BadInput("missing event id", field="event_id_cnty")
    event_type, sub_event_type = row.get("event_type", ""), row.get("sub_event_type", "")
    if event_type in SKIPPED_EVENT_TYPES:
        tally.skip("event_type", event_type, "row skipped: not an attack")
        return None
    if event_type not in EVENT_TYPES:
        tally.skip("event_type", event_type, "row skipped: unknown event type")
        return None
    if sub_event_type in SKIPPED_SUB_EVENT_TYPES:
        tally.skip("sub_event_type", sub_event_type, "row skipped: not a strike or attack")
        return None
    if sub_event_type not in SUB_EVENT_WEAPONS:
        tally.note("sub_event_type", sub_event_type, "weapon unknown")

    country_name = row.get("country", "")
    country = country_code(country_name)
    if country is None:
        tally.note("country", country_name, "country unknown")

    notes = row.get("notes", "")
    actor1 = row.get("actor1", "")
    reading = read_row_text(notes, day=_event_day(row.get("event_date", "")), lang="en")
    target, detail = _target(event_type, sub_event_type, reading, row, tally)
    return build_incident(
        {
            "id": PREFIX + event_id,
            **_when(row, country),
            "place": _place(row),
            "lat": number(row.get("latitude"), "latitude", limit=90),
            "lon": number(row.get("longitude"), "longitude", limit=180),
            "country": country,
            "region": _region(row, country, tally),
            "geo_precision": _geo_precision(row, tally),
            "perpetrator": _perpetrator(event_type, actor1, reading, tally),
            "target": target,
            "target_detail": detail,
            "weapon": _weapon(sub_event_type, reading, tally),
            "killed": _fatalities(row),
            "source": f"ACLED ({row['source']})" if row.get("source") else "ACLED",
            "source_alignment": None,
            "text": notes or None,
        },
        now=now,
        fields=FIELDS,
    )


def _event_day(text: str) -> date:
    for pattern in _DATE_FORMATS:
        try:
            return datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    raise BadInput(
        f"'{text}' is not a date ACLED writes (2025-03-18 or 18 March 2025)", field="event_date"
    )


def _when(row: dict[str, str], country: str | None) -> dict[str, str | None]:
    """The local day of `event_date`; a week or month around it for time_precision 2 or 3."""
    day = _event_day(row.get("event_date", ""))
    precision = row.get("time_precision", "") or "1"
    if precision not in TIME_SPREAD_DAYS:
        raise BadInput(f"'{precision}' is not 1, 2 or 3", field="time_precision")
    spread = timedelta(days=TIME_SPREAD_DAYS[precision])
    record: dict[str, str | None] = {"occurred_at": day.isoformat()}
    if spread:
        earliest, _ = day_bounds(day - spread, country)
        _, latest = day_bounds(day + spread, country)
        record |= {
            "time_precision": "day",
            "occurred_from": earliest.isoformat(),
            "occurred_to": latest.isoformat(),
        }
    return record


def _place(row: dict[str, str]) -> str | None:
    """ACLED's `location`, spelt as the gazetteer spells the settlement at its point."""
    location = row.get("location", "")
    if not location:
        return None
    try:
        lat = number(row.get("latitude"), "latitude", limit=90)
        lon = number(row.get("longitude"), "longitude", limit=180)
    except BadInput:
        return location
    return _settlement(location, lat, lon)


@cache
def _settlement(location: str, lat: float | None, lon: float | None) -> str:
    found = settlement_named([location], lat, lon)
    return found.name if found else location


def _region(row: dict[str, str], country: str | None, tally: Tally) -> str | None:
    admin1 = row.get("admin1", "")
    if not admin1:
        return None
    region = region_named(admin1, country)
    if region is None:
        tally.note("admin1", admin1, "region kept as written")
        return admin1
    return region


def _geo_precision(row: dict[str, str], tally: Tally) -> str | None:
    value = row.get("geo_precision", "")
    if not value:
        return None
    if value not in GEO_PRECISIONS:
        tally.note("geo_precision", value, "geo precision taken from the other fields")
        return None
    return GEO_PRECISIONS[value].value


def _perpetrator(event_type: str, actor1: str, reading: TextReading, tally: Tally) -> str:
    """`actor1` when it is a state's force; else who the notes say struck; else unknown.
    Battles name no perpetrator: both sides fight."""
    if event_type not in PERPETRATOR_IS_ACTOR1:
        tally.note("event_type", event_type, "perpetrator unknown (both sides fight)")
        tally.decide("perpetrator", "none: battle")
        return "unknown"
    code = party(actor1)
    if code is not None:
        tally.decide("perpetrator", "actor1")
        return code
    if reading.perpetrator is not None:
        tally.decide("perpetrator", "notes", reading.perpetrator)
        return reading.perpetrator
    tally.note("actor1", actor1, "perpetrator unknown")
    tally.decide("perpetrator", "none: unknown")
    return "unknown"


def _weapon(sub_event_type: str, reading: TextReading, tally: Tally) -> str | None:
    """The weapon the notes name for the strike (truce's extractor: an interception
    sentence does not count), else the sub-event type's."""
    if reading.weapon is not None:
        tally.decide("weapon", "notes", reading.weapon)
        return reading.weapon
    weapon = SUB_EVENT_WEAPONS.get(sub_event_type)
    tally.decide("weapon", "sub_event_type" if weapon else "none: unknown")
    return weapon


def _target(
    event_type: str, sub_event_type: str, reading: TextReading, row: dict[str, str], tally: Tally
) -> tuple[str | None, str | None]:
    """What the notes say was hit (truce's extractor), with its words as the detail; else
    whom the event struck (actor2, civilian_targeting); else the event type's default."""
    if reading.target is not None:
        tally.decide("target", "notes", reading.target)
        return reading.target, reading.target_detail
    actor2 = row.get("actor2", "")
    if CIVILIAN_ACTOR.match(actor2) or row.get("civilian_targeting"):
        tally.decide("target", "actor2 / civilian_targeting")
        return "civilian", None
    if party(actor2) is not None and actor2.startswith("Military Forces"):
        tally.decide("target", "actor2")
        return "military", None
    default = EVENT_TYPES[event_type]
    tally.decide("target", "event_type" if default else "none: unknown")
    if default is None:
        tally.note("sub_event_type", sub_event_type, "target unknown (the notes name none)")
    return default, None


def _fatalities(row: dict[str, str]) -> int | None:
    value = row.get("fatalities", "")
    if not value:
        return None
    if not value.isdigit():
        raise BadInput(f"'{value}' is not a whole number", field="fatalities")
    return int(value)
