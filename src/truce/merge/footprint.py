"""Where and when a piece of evidence says something happened, in comparable form.

Reports spell places every way ("Kharkov", "Харків") and give times at every precision
("at 04:15", "overnight", a date, nothing but the publication time). A footprint
reduces each to one canonical settlement or region, coordinates when the settlement is
known, and a UTC window widened by what the precision leaves open. Blocking keys (the
days and the map cell a footprint touches) come from the same reduction, so the store
and the in-memory merger look for candidates the same way.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import lru_cache

from truce.domain import Evidence, GeoPrecision, Stance, TimePrecision
from truce.extract import region_named
from truce.geo import name_key, resolve_place

# Exact times of one strike differ between sources (first explosion, the last one,
# rounding); a precise time stands for this much either side.
EXACT_SLACK = timedelta(minutes=45)
# A report with no time at all happened within this long before it was published.
UNDATED_SPAN = timedelta(hours=36)
# Windows wider than this say too little about when to merge on: such evidence starts
# its own incident and waits for an analyst.
WIDEST_WINDOW = timedelta(days=3)
# Map cells for blocking: 0.5° of latitude is about 55 km, so any two settlements
# within 25 km are in the same or a neighbouring cell.
CELL_DEGREES = 0.5


class Level:
    """How precisely a footprint's place is known, most precise first."""

    COORDINATES = 0  # a settlement with its coordinates
    SETTLEMENT = 1  # a settlement known by name only
    REGION = 2
    COUNTRY = 3
    NOWHERE = 4


@dataclass(frozen=True, slots=True)
class Footprint:
    """The comparable part of one piece of evidence."""

    id: str
    report: str | None
    stance: Stance
    source: str | None
    alignment: str | None
    start: datetime | None  # UTC, widened; None when the time cannot be placed at all
    end: datetime | None
    level: int
    settlement: str | None  # name key of the canonical settlement
    lat: float | None
    lon: float | None
    region: str | None  # the gazetteer's region name
    country: str | None
    target: str | None

    @property
    def mergeable(self) -> bool:
        """Placed well enough in time and space to be compared at all."""
        return (
            self.start is not None
            and self.end is not None
            and self.end - self.start <= WIDEST_WINDOW
            and self.level < Level.NOWHERE
        )

    @property
    def days(self) -> tuple[int, int]:
        """First and last UTC day (days since 1970-01-01) the window touches."""
        assert self.start is not None and self.end is not None
        return _day(self.start), _day(self.end)

    @property
    def cell(self) -> str | None:
        """The map cell of a settlement with coordinates, else None."""
        if self.lat is None or self.lon is None:
            return None
        return cell_of(self.lat, self.lon)

    @property
    def cells(self) -> tuple[str, ...]:
        """This cell and its eight neighbours: where anything within 25 km lies."""
        if self.lat is None or self.lon is None:
            return ()
        row, column = _cell_index(self.lat, self.lon)
        return tuple(f"{row + dr}:{column + dc}" for dr in (-1, 0, 1) for dc in (-1, 0, 1))


_EPOCH = datetime(1970, 1, 1).toordinal()


def _day(instant: datetime) -> int:
    return instant.toordinal() - _EPOCH  # the date of `instant` as it is written (UTC)


def _cell_index(lat: float, lon: float) -> tuple[int, int]:
    # Cells keep their east-west size in km roughly even by widening with latitude.
    row = math.floor(lat / CELL_DEGREES)
    width = CELL_DEGREES / max(math.cos(math.radians(lat)), 0.2)
    return row, math.floor(lon / width)


def cell_of(lat: float, lon: float) -> str:
    row, column = _cell_index(lat, lon)
    return f"{row}:{column}"


def _window(evidence: Evidence) -> tuple[datetime | None, datetime | None]:
    record = evidence.record
    when = record.when
    if when.earliest is not None and when.latest is not None:
        if when.precision in (TimePrecision.MINUTE, TimePrecision.HOUR):
            return when.earliest - EXACT_SLACK, when.latest + EXACT_SLACK
        return when.earliest, when.latest
    if record.reported_at is not None:
        return record.reported_at - UNDATED_SPAN, record.reported_at
    return None, None


# Romanisations differ in how they write й, е and и after a vowel ("Nikolayev",
# "Nikolaev"; "Kryvyi", "Krivoy"): the gazetteer holds one, a report may use another.
_LATIN_VARIANTS = (("ay", "a"), ("ey", "e"), ("oy", "oi"), ("iy", "i"), ("yy", "y"), ("ye", "e"))


def _spellings(key: str) -> list[str]:
    """The key as written first, then its other romanisations."""
    out = [key]
    if key.isascii():
        for written, other in _LATIN_VARIANTS:
            if written in key and key.replace(written, other) not in out:
                out.append(key.replace(written, other))
    return out


@lru_cache(maxsize=16384)
def _settlement(
    name: str | None, country: str | None, region: str | None
) -> tuple[str, float | None, float | None, str | None, str | None] | None:
    """A settlement name as written → (key, lat, lon, region, country) of the place the
    gazetteer finds for it (the report's region and country break ties between places of
    one name), or the bare name key when the gazetteer knows no such place."""
    if not name:
        return None
    key = name_key(name)
    place = resolve_place(
        _spellings(key),
        cue=True,
        regions=(region,) if region else (),
        countries=(country,) if country else (),
    )
    if place is None or (country and place.country != country):
        return name_key(name), None, None, region, country
    return name_key(place.name), place.lat, place.lon, place.region, place.country


@lru_cache(maxsize=4096)
def _region(name: str | None) -> str | None:
    return region_named(name)


def footprint(evidence: Evidence, id: str | None = None) -> Footprint:
    """The footprint of one piece of evidence (`id` defaults to its record's id)."""
    record = evidence.record
    start, end = _window(evidence)
    region = _region(record.region)
    country = record.country
    lat, lon = record.lat, record.lon
    settlement = None
    if record.geo_precision is GeoPrecision.SETTLEMENT or record.place:
        found = _settlement(record.place, country, region)
        if found is not None:
            settlement, known_lat, known_lon, known_region, known_country = found
            if lat is None and known_lat is not None:
                lat, lon = known_lat, known_lon
            region = region or known_region
            country = country or known_country
    if settlement is not None or (
        lat is not None and record.geo_precision is GeoPrecision.SETTLEMENT
    ):
        level = Level.COORDINATES if lat is not None else Level.SETTLEMENT
    elif region is not None:
        level, lat, lon = Level.REGION, None, None
    elif country is not None:
        level, lat, lon = Level.COUNTRY, None, None
    else:
        level, lat, lon = Level.NOWHERE, None, None
    return Footprint(
        id=id or record.id,
        report=evidence.report_id,
        stance=Stance(evidence.stance),
        source=record.source,
        alignment=record.source_alignment,
        start=start,
        end=end,
        level=level,
        settlement=settlement,
        lat=lat,
        lon=lon,
        region=region,
        country=country,
        target=record.target,
    )
