"""Where a layout's row happened, in truce's terms: country codes, the region names truce
uses, and a place name checked against the gazetteer near the row's coordinates.

The source's coordinates are always kept; the gazetteer only names what they point at.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable
from functools import cache

from truce.domain import region_key
from truce.geo import Place, Region, distance_km, gazetteer, name_key

# Country names as ACLED and the geocoders behind VIINA write them → ISO 3166-1 alpha-2.
COUNTRY_NAMES: dict[str, str] = {
    "ukraine": "UA", "україна": "UA", "украина": "UA",
    "russia": "RU", "russian federation": "RU", "росія": "RU", "россия": "RU",
    "belarus": "BY", "білорусь": "BY", "беларусь": "BY",
    "moldova": "MD", "молдова": "MD",
    "poland": "PL", "romania": "RO", "georgia": "GE", "hungary": "HU", "slovakia": "SK",
    "lithuania": "LT", "latvia": "LV", "estonia": "EE", "finland": "FI", "turkey": "TR",
    "kazakhstan": "KZ",
}  # fmt: skip

# A settlement this near the coordinates is the place they point at; one this near still
# tells the country and region.
SAME_PLACE_KM = 15.0
NEARBY_KM = 40.0


@cache
def country_code(name: str | None) -> str | None:
    """The ISO code of a country name ("Ukraine", "Россия"), or None."""
    if not name:
        return None
    return COUNTRY_NAMES.get(name_key(name))


def _kind_matches(region: Region, wanted_city: bool) -> bool:
    return (region.kind == "city") == wanted_city


@cache
def region_named(name: str | None, country: str | None) -> str | None:
    """The region truce uses for an English or Cyrillic region name as a source writes it
    ("Kharkiv", "Kyiv City", "Zaporizhia", "Харківська область"), or None."""
    if not name:
        return None
    key = region_key(name)
    if not key:
        return None
    wanted_city = "city" in name.casefold().split() or "місто" in name.casefold()
    candidates = [
        region
        for region in _regions(country)
        if key == region_key(region.name)
        or key in region.en
        or _adjective_matches(key, region)
        or key in {name_key(noun) for noun in region.nouns}
    ]
    if not candidates:
        return None
    preferred = [r for r in candidates if _kind_matches(r, wanted_city)]
    return (preferred or candidates)[0].name


def _adjective_matches(key: str, region: Region) -> bool:
    """ "харківська область" or "харьковская" against the lemma "харківський"."""
    first = key.split()[0] if key else ""
    return any(
        len(a) > 4 and first.startswith(a[:-2]) and first[len(a) - 2 : len(a) - 1] in _ENDINGS
        for a in region.adjectives
    )


_ENDINGS = frozenset("аяиійыоеє")


def _regions(country: str | None) -> Iterable[Region]:
    return (r for r in gazetteer().regions_by_name.values() if country in (None, r.country))


@cache
def _grid() -> dict[tuple[int, int], tuple[Place, ...]]:
    cells: dict[tuple[int, int], list[Place]] = defaultdict(list)
    for place in gazetteer().places:
        if place.lat is not None and place.lon is not None:
            cells[(math.floor(place.lat), math.floor(place.lon))].append(place)
    return {cell: tuple(places) for cell, places in cells.items()}


def nearest_place(lat: float, lon: float, *, within_km: float = NEARBY_KM) -> Place | None:
    """The gazetteer settlement nearest the coordinates, if one lies within `within_km`."""
    best: tuple[float, Place] | None = None
    grid = _grid()
    row, col = math.floor(lat), math.floor(lon)
    for dy in (-1, 0, 1):
        for dx in (-1, 0, 1):
            for place in grid.get((row + dy, col + dx), ()):
                assert place.lat is not None and place.lon is not None
                distance = distance_km(lat, lon, place.lat, place.lon)
                if distance <= within_km and (best is None or distance < best[0]):
                    best = (distance, place)
    return best[1] if best else None


def locate(lat: float, lon: float, names: Iterable[str] = ()) -> Place | None:
    """The settlement whose country and region the coordinates get: the one the source
    names, when a settlement of that name lies within `NEARBY_KM` of the point, else the
    nearest settlement.

    Near a border the nearest settlement can lie across it: a point 17 km from Zolochiv
    (Kharkiv Oblast) is 14 km from Graivoron (Belgorod Oblast, Russia). The name the
    source gives for the place says which side it meant; only where the source names
    nothing does the nearest settlement decide."""
    named = settlement_named(names, lat, lon, within_km=NEARBY_KM)
    return named if named is not None else nearest_place(lat, lon)


def settlement_named(
    names: Iterable[str],
    lat: float | None,
    lon: float | None,
    *,
    within_km: float = SAME_PLACE_KM,
) -> Place | None:
    """The gazetteer settlement one of `names` means, within `within_km` of the
    coordinates when given (so that "Pokrovsk" is the one the row's point lies by), or
    None."""
    for name in names:
        found = gazetteer().lookup(name_key(name))
        if lat is None or lon is None:
            if found:
                return found[0]
            continue
        near = [
            p
            for p in found
            if p.lat is not None
            and p.lon is not None
            and distance_km(lat, lon, p.lat, p.lon) <= within_km
        ]
        if near:
            assert lat is not None and lon is not None
            return min(near, key=lambda p: distance_km(lat, lon, p.lat or 0.0, p.lon or 0.0))
    return None
