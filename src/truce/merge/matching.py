"""When two pieces of evidence are the same incident, and how good a match it is.

The rule (issue 7, README "Merging reports"): the targets are in the same family, the
places are close, and the time windows overlap. Each test gives a score as well as a
yes or no, so that when a report could join several incidents it joins the closest.
Who is named as the attacker does not count: within hours of a strike each side
routinely blames the other for it, and those are accounts of one incident.
"""

from __future__ import annotations

from truce.domain import covers
from truce.geo import distance_km
from truce.merge.footprint import Footprint, Level

# Settlements farther apart than this are different places.
NEAR_KM = 25.0


def family(code: str) -> str:
    """The first two levels of a taxonomy code: `infrastructure.energy.grid` →
    `infrastructure.energy`; a one- or two-level code is its own family."""
    return ".".join(code.split(".")[:2])


def _target_score(a: str | None, b: str | None) -> float | None:
    if a is None or b is None:
        return 0.0
    if a == b:
        return 1.5
    if covers(a, b) or covers(b, a):
        return 0.7
    if family(a) == family(b):
        return 1.0
    return None


def targets_fit(a: str | None, b: str | None) -> bool:
    """Whether two targets could be one incident's: the cheapest test of `match_score`,
    made first by callers that must otherwise decode a stored candidate."""
    return _target_score(a, b) is not None


def _place_score(a: Footprint, b: Footprint) -> float | None:
    if a.country and b.country and a.country != b.country:
        return None
    settled = (Level.COORDINATES, Level.SETTLEMENT)
    if a.level in settled and b.level in settled:
        same = a.settlement is not None and a.settlement == b.settlement
        if a.lat is not None and b.lat is not None and a.lon is not None and b.lon is not None:
            km = distance_km(a.lat, a.lon, b.lat, b.lon)
            if km > NEAR_KM:
                return None  # two places of one name, or a neighbouring town
            return (3.0 if same else 2.5) - km / NEAR_KM
        if same:
            return 3.0
        # A settlement the gazetteer could not place is known only by its region.
        return 0.8 if a.region is not None and a.region == b.region else None
    if Level.COUNTRY in (a.level, b.level):
        # A report that names only a country says too little to join anything more precise.
        return 0.2 if a.level == b.level == Level.COUNTRY else None
    # At least one names only a region: the other must lie in it.
    if a.region is not None and a.region == b.region:
        return 1.0
    return None


def _time_score(a: Footprint, b: Footprint) -> float | None:
    assert a.start is not None and a.end is not None and b.start is not None and b.end is not None
    if a.start > b.end or b.start > a.end:
        return None
    union = (max(a.end, b.end) - min(a.start, b.start)).total_seconds() / 3600
    return 1.0 / (1.0 + union / 24)


def match_score(a: Footprint, b: Footprint) -> float | None:
    """How well `a` and `b` fit as one incident (higher is closer), or None when they
    cannot be the same incident. Both must be `mergeable`."""
    target = _target_score(a.target, b.target)
    if target is None:
        return None
    place = _place_score(a, b)
    if place is None:
        return None
    time = _time_score(a, b)
    if time is None:
        return None
    return place + target + time
