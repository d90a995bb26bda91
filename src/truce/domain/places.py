"""Where things happen: time zones of countries and the matching of region names.

A date without a time means "some time that day in the place's local time zone", so the
rules engine needs each country's zones. Countries spanning several zones (or no known
country at all) get the union of their days, which is the honest, widest reading.
"""

from __future__ import annotations

import re
from collections import defaultdict
from datetime import UTC, date, datetime, time, timedelta
from functools import cache
from importlib import resources
from zoneinfo import ZoneInfo

# CONTRACTS §1 fixes these two, although both countries span more than one zone.
CONTRACT_ZONES: dict[str, str] = {"UA": "Europe/Kyiv", "RU": "Europe/Moscow"}

# Local days run from UTC+14 (Kiribati) to UTC-12; an unknown place may be anywhere.
_EARLIEST_OFFSET = timedelta(hours=14)
_LATEST_OFFSET = timedelta(hours=-12)


@cache
def _zone_table() -> dict[str, tuple[str, ...]]:
    table = resources.files("tzdata").joinpath("zoneinfo", "zone.tab").read_text("utf-8")
    zones: dict[str, list[str]] = defaultdict(list)
    for line in table.splitlines():
        if line and not line.startswith("#"):
            code, _coords, zone = line.split("\t")[:3]
            zones[code].append(zone)
    return {code: tuple(names) for code, names in zones.items()}


def country_zones(country: str | None) -> tuple[str, ...]:
    """The IANA zones whose local day counts for a place in `country`."""
    if country is None:
        return ()
    if country in CONTRACT_ZONES:
        return (CONTRACT_ZONES[country],)
    return _zone_table().get(country, ())


@cache
def day_bounds(day: date, country: str | None) -> tuple[datetime, datetime]:
    """First and last second (UTC, inclusive) of `day` in `country`'s local time."""
    zones = country_zones(country)
    if not zones:
        start = datetime.combine(day, time(), UTC) - _EARLIEST_OFFSET
        end = datetime.combine(day + timedelta(days=1), time(), UTC) - _LATEST_OFFSET
        return start, end - timedelta(seconds=1)
    starts, ends = [], []
    for name in zones:
        zone = ZoneInfo(name)
        starts.append(datetime.combine(day, time(), zone).astimezone(UTC))
        ends.append(datetime.combine(day + timedelta(days=1), time(), zone).astimezone(UTC))
    return min(starts), max(ends) - timedelta(seconds=1)


_REGION_WORDS = re.compile(
    r"\b(oblast|oblast'|region|krai|kray|province|republic|of|the|city|municipality)\b"
)


def region_key(name: str) -> str:
    """A comparison key for region names, so that "Belgorod Oblast", "Belgorod region"
    and "belgorod" match, while "Kherson" and "Kharkiv" stay apart."""
    key = _REGION_WORDS.sub(" ", name.casefold().replace("’", "'"))
    return " ".join(re.sub(r"[^\w']+", " ", key).split())
