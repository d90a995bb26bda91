"""The committed gazetteer index, loaded once: a dict from name key to places.

Built by `scripts/build_gazetteer.py` from GeoNames (CC BY 4.0); see data/README.md.
"""

from __future__ import annotations

import gzip
import json
from dataclasses import dataclass
from functools import cache
from importlib import resources

from truce.geo.facilities import facility_rows
from truce.geo.names import MEDIA_NAMES, consonant_key, name_key, skeleton_key
from truce.geo.regions import REGIONS, Region


@dataclass(frozen=True, slots=True)
class Place:
    """A populated place: the name media use, where it is and how many live there."""

    name: str
    lat: float | None  # None only for a place named in a report but not in the index
    lon: float | None
    country: str | None
    region: str | None
    population: int
    district: str | None = None  # Ukraine: the raion's name key ("бахмутський")
    approximate: bool = False  # at its hromada's centre: the codifier gives no coordinates
    hromada: str | None = None  # Ukraine: the hromada's name key ("вільхуватська")
    # A named facility ("Zaporizhzhia Nuclear Power Plant") is its host settlement (name,
    # point and region: records name settlements) with the facility's name and kind.
    facility: str | None = None
    kind: str | None = None  # "nuclear", "refinery", "bridge", …


@dataclass(frozen=True, slots=True)
class Gazetteer:
    places: tuple[Place, ...]
    by_key: dict[str, tuple[Place, ...]]
    former: dict[str, frozenset[Place]]
    regions_by_adjective: dict[str, Region]
    regions_by_noun: dict[str, Region]
    regions_by_english: dict[str, Region]
    regions_by_name: dict[str, Region]

    def lookup(self, key: str) -> tuple[Place, ...]:
        """Places whose name (any script) reduces to `key` (see `name_key`)."""
        return self.by_key.get(key, ())

    def lookup_loosely(self, key: str) -> tuple[Place, ...]:
        """Places whose Cyrillic name meets `key` on `skeleton_key`: a Russian town
        written the Ukrainian way, or the other way round."""
        return _loose().get(skeleton_key(key), ())

    def lookup_consonants(self, key: str, region: str) -> tuple[Place, ...]:
        """Places in `region` whose Cyrillic name has the consonants of `key`'s (see
        `consonant_key`)."""
        return _consonants().get((region, consonant_key(key)), ())

    def place(self, name: str, country: str | None = None) -> Place | None:
        """The most populous place of that name (in `country`, when given)."""
        for candidate in self.lookup(name_key(name)):
            if country is None or candidate.country == country:
                return candidate
        return None


@cache
def gazetteer() -> Gazetteer:
    """The packaged index (about 35,000 places and the named facilities; loads in a
    fraction of a second)."""
    raw = resources.files("truce.geo").joinpath("data", "gazetteer.json.gz").read_bytes()
    data = json.loads(gzip.decompress(raw))
    places: list[Place] = []
    index: dict[str, list[tuple[int, Place]]] = {}
    for (
        name,
        lat,
        lon,
        country,
        region,
        population,
        primary,
        other,
        district,
        approx,
        *rest,
    ) in data["places"]:
        place = Place(
            MEDIA_NAMES.get(name, name),
            lat,
            lon,
            country,
            region,
            population,
            district,
            bool(approx),
            hromada=rest[0] if rest else None,
        )
        places.append(place)
        for key in primary:
            index.setdefault(key, []).append((0, place))
        for key in other:
            index.setdefault(key, []).append((1, place))
    # Current names first, then former and other names; each by population.
    by_key = {
        key: tuple(p for _, p in sorted(found, key=lambda f: (f[0], -f[1].population)))
        if len(found) > 1
        else (found[0][1],)
        for key, found in index.items()
    }
    # Facilities are found by their keys only: `places` stays the settlements.
    for key, place in _facilities(by_key).items():
        by_key[key] = (place,)
    # Only keys that are some place's former or other name (most are no one's).
    former = {
        key: frozenset(p for rank, p in found if rank == 1)
        for key, found in index.items()
        if any(rank == 1 for rank, _ in found)
    }
    return Gazetteer(
        places=tuple(places),
        by_key=by_key,
        former=former,
        regions_by_adjective={a: r for r in REGIONS for a in r.adjectives},
        regions_by_noun={name_key(n): r for r in REGIONS for n in r.nouns},
        regions_by_english={e: r for r in REGIONS for e in r.en},
        regions_by_name={r.name: r for r in REGIONS},
    )


def _facilities(by_key: dict[str, tuple[Place, ...]]) -> dict[str, Place]:
    """The named facilities (`truce.geo.facilities`), each as its host settlement: no
    more precise than that town, so flagged approximate."""
    out: dict[str, Place] = {}
    for row in facility_rows():
        host = next(
            (p for p in by_key.get(name_key(row.host), ()) if p.region == row.host_region), None
        )
        if host is not None:
            out[row.key] = Place(
                host.name,
                host.lat,
                host.lon,
                host.country,
                host.region,
                0,
                host.district,
                approximate=True,
                facility=row.name,
                kind=row.kind,
            )
    return out


@cache
def _loose() -> dict[str, tuple[Place, ...]]:
    """Places by the skeleton of their current Cyrillic names, built on first use (a
    server that only merges never needs it)."""
    index = gazetteer()
    loose: dict[str, list[Place]] = {}
    for key, found in index.by_key.items():
        if key[:1].isalpha() and not key.isascii():
            former = index.former.get(key, frozenset())
            current = [p for p in found if p not in former]
            if current:
                loose.setdefault(skeleton_key(key), []).extend(current)
    return {k: tuple(dict.fromkeys(v)) for k, v in loose.items()}


@cache
def _consonants() -> dict[tuple[str, str], tuple[Place, ...]]:
    """Places of Ukraine by region and the consonants of their current Cyrillic names,
    built on first use."""
    index = gazetteer()
    out: dict[tuple[str, str], list[Place]] = {}
    for key, found in index.by_key.items():
        if key[:1].isalpha() and not key.isascii():
            former = index.former.get(key, frozenset())
            for p in found:
                if p.country == "UA" and p.region and p not in former:
                    out.setdefault((p.region, consonant_key(key)), []).append(p)
    return {k: tuple(dict.fromkeys(v)) for k, v in out.items()}
