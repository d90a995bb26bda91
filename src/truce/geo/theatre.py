"""How far a place lies from the war: the prior every report's place names start from.

Reports are about the war in Ukraine and its strikes on Russia. A place in Ukraine,
European Russia, Belarus or Moldova is where a report's place name most likely points;
a homonym in Asian Russia is taken only when it is a large city (drones have reached
Tyumen and Yekaterinburg); a town in another country only when it lies within reach of
the war and only a large one, never thousands of kilometres off ("Taras" is not Taraz
in Kazakhstan).
"""

from __future__ import annotations

from functools import cache

from truce.geo.distance import distance_km
from truce.geo.gazetteer import Place, gazetteer

NEAR_COUNTRIES = frozenset(["UA", "RU", "BY", "MD"])
# East of this longitude (the Urals) Russia is far from the war.
FAR_EAST = 60.0
# A far place is taken only when it is at least this large (and then far behind a near one).
FAR_CITY = 300_000
# A town outside the near countries farther than this from Ukraine is no match at all.
REACH_KM = 1500.0
# Deep in Russia (farther than this from Ukraine), a town smaller than `DEEP_TOWN` is
# taken only where the report names its region: Kirov Oblast's Leninskoye is not the
# "Ленинский округ" of a Moscow governor's post.
DEEP_KM = 700.0
DEEP_TOWN = 20000


def far(place: Place) -> bool:
    """A place well outside the theatre: Asian Russia, or beyond Ukraine's neighbours."""
    if place.country not in NEAR_COUNTRIES:
        return True
    return place.lon is not None and place.lon > FAR_EAST


# Within this distance of a Ukrainian region's centre a place is in the war zone or on
# its border; beyond it a place loses one point of log population per `REMOTE_STEP_KM`
# (at most `REMOTE_MAX`): Kaliningrad's Yuzhny is not the port of Южный near Odesa.
NEAR_KM = 300.0
REMOTE_STEP_KM = 300.0
REMOTE_MAX = 2.0


def remoteness(place: Place) -> float:
    """How much less likely a place is for being far from the war (0 in and near it)."""
    km = theatre_km(place)
    if km is None or km <= NEAR_KM:
        return 0.0
    return min(REMOTE_MAX, (km - NEAR_KM) / REMOTE_STEP_KM)


def deep(place: Place) -> bool:
    """A small place deep in Russia (or Belarus), far from Ukraine and its borders."""
    if place.country in ("UA", "MD") or place.population >= DEEP_TOWN:
        return False
    km = theatre_km(place)
    return km is not None and km > DEEP_KM


@cache
def _ukraine_centres() -> tuple[tuple[float, float], ...]:
    """The mean point of each Ukrainian region's places: the war's footprint, from the
    gazetteer itself (no coordinates written here)."""
    sums: dict[str, tuple[float, float, int]] = {}
    for p in gazetteer().places:
        if p.country == "UA" and p.region and p.lat is not None and p.lon is not None:
            lat, lon, n = sums.get(p.region, (0.0, 0.0, 0))
            sums[p.region] = (lat + p.lat, lon + p.lon, n + 1)
    return tuple((lat / n, lon / n) for lat, lon, n in sums.values())


@cache
def theatre_km(place: Place) -> float | None:
    """Kilometres from the place to the nearest Ukrainian region's centre (None when the
    place has no coordinates)."""
    if place.lat is None or place.lon is None:
        return None
    lat, lon = place.lat, place.lon
    return min(distance_km(lat, lon, c_lat, c_lon) for c_lat, c_lon in _ukraine_centres())


def out_of_reach(place: Place) -> bool:
    """A place no report about the war means: a town in Asian Russia or abroad short of
    a large city (a drone that falls near a Romanian village is reported in Ukraine's
    war, not placed in Romania), or a foreign city more than `REACH_KM` from Ukraine."""
    if place.population < FAR_CITY:
        return far(place)
    if place.country in NEAR_COUNTRIES:
        return False
    km = theatre_km(place)
    return km is None or km > REACH_KM
