"""Choosing which place a mention means: a population prior, nudged by context.

"Donetsk" is both a Ukrainian city of 900,000 and a Russian town of 50,000; "Pokrovsk"
is a Ukrainian town and a Russian village. The prior (log population) settles most
cases; a region named nearby, or the country the report's other facts point to,
settles the rest. Former names count for little, and a small place named without a
word that introduces a settlement ("in", "near", "village of", "у селі") is not
taken at all, because small places share their names with ordinary words.

Reports are about the war: a place in Ukraine, in European Russia or a neighbour comes
before a homonym far away, and a small place thousands of kilometres off ("Ягідне" in
Magadan, "Дунай" in Primorye) is no match at all. A region the text names with the
place ("Dubove, Volyn Oblast") is a hard constraint: no place outside it is taken.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Sequence

from truce.geo.gazetteer import Place, gazetteer

# Below this population a mention needs a cue (a preposition or "village of" before it).
SMALL_PLACE = 5000
# East of this longitude (the Urals) Russia is far from the war: a place there is taken
# only when it is a large city (drones have reached Tyumen and Yekaterinburg).
_FAR_EAST = 60.0
_FAR_CITY = 300_000
_NEAR_COUNTRIES = frozenset(["UA", "RU", "BY", "MD"])


def far(place: Place) -> bool:
    """A place well outside the theatre: Asian Russia, or beyond Ukraine's neighbours."""
    if place.country not in _NEAR_COUNTRIES:
        return True
    return place.lon is not None and place.lon > _FAR_EAST


def resolve_place(
    keys: Sequence[str],
    *,
    cue: bool,
    regions: Collection[str] = (),
    countries: Collection[str] = (),
    nearby: Collection[str] = (),
    prefer: str | None = None,
    within: str | None = None,
) -> Place | None:
    """The best place for a mention, given its candidate lookup keys (the form as
    written first, then lemmas), or None when nothing fits well enough. `regions` are
    named in the text; `nearby` are the regions of other places it names (a weaker hint);
    `prefer` is a country the report's language points to (a Ukrainian text's "Дубні" is
    more likely Dubno than Dubna), weaker still. `within` is the region the text names
    with the place itself: nothing outside it is taken."""
    index = gazetteer()
    best: tuple[float, Place] | None = None
    for rank, key in enumerate(keys):
        former = index.former.get(key, frozenset())
        for place in index.lookup(key):
            if place.population < SMALL_PLACE and not cue and place.region not in regions:
                continue
            if within is not None and place.region != within:
                continue
            if far(place) and place.population < _FAR_CITY:
                continue
            score = math.log10(max(place.population, 10)) - 0.3 * rank
            if far(place):
                score -= 3.0
            if place in former:
                score -= 3.0
            if place.region is not None and place.region in regions:
                score += 4.0
            elif place.region is not None and place.region in nearby:
                score += 1.5
            if place.country in countries:
                score += 1.5
            if place.country == prefer:
                score += 0.5
            if best is None or score > best[0]:
                best = (score, place)
    current = best is not None and any(
        best[1] in index.lookup(k) and best[1] not in index.former.get(k, ()) for k in keys
    )
    if not current and any(not key.isascii() for key in keys[:1]):
        # "у Новоросійську": the index has the Russian spelling only
        for key in keys[:8]:
            for place in index.lookup_loosely(key):
                if within is not None and place.region != within:
                    continue
                if far(place) and place.population < _FAR_CITY:
                    continue
                if place.population < (10000 if cue else 20000) and not (
                    cue and place.region is not None and place.region in regions
                ):
                    continue
                score = math.log10(max(place.population, 10)) - 1.0
                if place.region is not None and place.region in regions:
                    score += 4.0
                if best is None or score > best[0]:
                    best = (score, place)
    return best[1] if best else None
