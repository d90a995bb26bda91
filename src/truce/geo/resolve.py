"""Choosing which place a mention means: a population prior, nudged by context.

"Donetsk" is both a Ukrainian city of 900,000 and a Russian town of 50,000; "Pokrovsk"
is a Ukrainian town and a Russian village. The prior (log population) settles most
cases; the report's context (`GeoContext`: a region named with the place or elsewhere
in the text, the regions of the report's other places and of its source, the countries
its facts point to) settles the rest. Former names count for little, and a small place
named without a word that introduces a settlement ("in", "near", "village of", "у
селі") is not taken at all, because small places share their names with ordinary words.

Reports are about the war (`truce.geo.theatre`): a place in Ukraine, in European Russia
or a neighbour comes before a homonym far away, and a small place thousands of
kilometres off ("Ягідне" in Magadan, "Дунай" in Primorye) is no match at all. A region
the text names with the place ("Dubove, Volyn Oblast") is a hard constraint: no place
outside it is taken.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Sequence

from truce.geo.context import GeoContext
from truce.geo.gazetteer import Place, gazetteer
from truce.geo.spellings import spelled_otherwise
from truce.geo.theatre import NEAR_COUNTRIES, deep, far, out_of_reach, remoteness

__all__ = ["SMALL_PLACE", "GeoContext", "far", "resolve_place"]

# Below this population a mention needs a cue (a preposition or "village of" before it).
SMALL_PLACE = 5000


def _score(place: Place, rank: int, context: GeoContext) -> float:
    score = math.log10(max(place.population, 10)) - 0.3 * rank
    if place.country != "UA":  # every Ukrainian place is in the war zone
        score -= 3.0 if far(place) else remoteness(place)
    if context.in_raion(place):
        score += 3.0
    region = place.region
    if region is not None:
        if region in context.regions:
            score += 4.0
        elif region in context.nearby or region in context.source_regions:
            score += 1.5
    if place.country in context.countries:
        score += 1.5
    if place.country == context.prefer:
        score += 0.5
    return score


def resolve_place(
    keys: Sequence[str],
    *,
    cue: bool,
    context: GeoContext | None = None,
    regions: Collection[str] = (),
    countries: Collection[str] = (),
    nearby: Collection[str] = (),
    prefer: str | None = None,
    within: str | None = None,
) -> Place | None:
    """The best place for a mention, given its candidate lookup keys (the form as
    written first, then lemmas), or None when nothing fits well enough.

    `cue` says a word introducing a settlement stands before it. `context` is what the
    rest of the report says (see `GeoContext`); the keyword arguments are the same
    hints one by one, and add to it."""
    given = GeoContext(within, regions, nearby, (), countries, prefer)
    context = given if context is None else context.merged(given)
    index = gazetteer()
    best: tuple[float, Place] | None = None
    for rank, key in enumerate(keys):
        former = index.former.get(key, frozenset())
        found = index.lookup(key)
        # A former name counts for little beside a place whose current name it is
        # ("Словянськ" is Sloviansk, not Nikopol); alone it still names its place
        # (Russian media's "Южное" is Pivdenne, renamed in 2016).
        penalty = 3.0 if former and any(p not in former for p in found) else 1.0
        for place in found:
            named = place.region is not None and place.region in context.regions
            if (place.population < SMALL_PLACE or place.country not in NEAR_COUNTRIES) and not (
                cue or named
            ):
                continue  # a bare capitalised word: a small or a foreign town only with a cue
            if context.within is not None and place.region != context.within:
                continue
            if out_of_reach(place) or (deep(place) and not context.hints_at(place)):
                continue
            score = _score(place, rank, context) - penalty * (place in former)
            if best is None or score > best[0]:
                best = (score, place)
    current = best is not None and any(
        best[1] in index.lookup(k) and best[1] not in index.former.get(k, ()) for k in keys
    )
    if not current and any(not key.isascii() for key in keys[:1]):
        best = spelled_otherwise(keys, cue, context, best)
    return best[1] if best else None
