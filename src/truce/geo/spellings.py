"""Russian and Ukrainian spellings of one place, where the index has only the other.

Russian sources write Ukraine's places the Russian way ("Новоросійськ" and
"Новороссийск" are one town; the Russian MoD's "Горняк" is Hirnyk, "Угледар" Vuhledar),
and the codifier gives Ukraine's villages in Ukrainian only. When no name matches as
written, a looser key is tried: the skeleton (soft signs dropped, и-like and е-like
letters merged) for towns, and, only within the region named with it, the consonants
(after the Russian sounds that differ systematically are made Ukrainian).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from difflib import SequenceMatcher

from truce.geo.context import GeoContext
from truce.geo.gazetteer import Place, gazetteer
from truce.geo.names import name_key, transliterate_uk, ukrainian_forms
from truce.geo.theatre import NEAR_COUNTRIES, deep, out_of_reach

# A place found by its skeleton must be at least this large, unless the text names its
# region.
_LOOSE_TOWN = 10000
_LOOSE_TOWN_NO_CUE = 20000


def spelled_otherwise(
    keys: Sequence[str], cue: bool, context: GeoContext, best: tuple[float, Place] | None
) -> tuple[float, Place] | None:
    """The best (score, place) for a mention the index has in another spelling only,
    or `best` (what the exact names found, a former name perhaps) when none is better."""
    found = _loosely(keys, cue, context, best)
    return found if found is not None else _by_consonants(keys, cue, context)


def _by_consonants(
    keys: Sequence[str], cue: bool, context: GeoContext
) -> tuple[float, Place] | None:
    """ "Горняк Донецкой области", "в Новой Збурьевке": a Ukrainian village the Russian
    way, found by its consonants, only in the region named with it (or, after a word
    such as "в" or "село", in a region the text names). Of several, the one in the raion
    or hromada named, then the closest in spelling, then the most populous."""
    if context.prefer == "UA":
        return None  # a Ukrainian text spells Ukraine's villages as the index does
    regions = [context.within] if context.within else list(context.regions) if cue else []
    best: tuple[float, Place] | None = None
    index = gazetteer()
    # As written and its lemma (not guessed stems), and their Ukrainian sounds.
    forms = [f for key in keys[:2] for f in (key, *ukrainian_forms(key))]
    for rank, key in enumerate(forms):
        latin = name_key(transliterate_uk(key))
        for region in regions:
            for place in index.lookup_consonants(key, region):
                similar = SequenceMatcher(None, latin, name_key(place.name)).ratio()
                score = similar + 0.1 * math.log10(max(place.population, 10)) - 0.1 * rank
                if context.in_raion(place):
                    score += 1.0
                if best is None or score > best[0]:
                    best = (score, place)
    return best


def _loosely(
    keys: Sequence[str], cue: bool, context: GeoContext, best: tuple[float, Place] | None
) -> tuple[float, Place] | None:
    """ "у Новоросійську", "в Зеленом Гае Запорожской области": the index has the name
    in the other language's spelling only. A small place is taken so only where the
    text names its region with it, or names its region and a settlement cue."""
    for key in keys[:8]:
        for place in gazetteer().lookup_loosely(key):
            if context.within is not None and place.region != context.within:
                continue
            if place.country not in NEAR_COUNTRIES or place.facility is not None:
                continue  # Cyrillic spellings: Ukraine's, Russia's, Belarus's names
            if out_of_reach(place) or (deep(place) and not context.hints_at(place)):
                continue
            named = place.region is not None and place.region in context.regions
            small = place.population < (_LOOSE_TOWN if cue else _LOOSE_TOWN_NO_CUE)
            if small and not (cue and named) and context.within is None:
                continue
            score = math.log10(max(place.population, 10)) - 1.0 + 4.0 * named
            if best is None or score > best[0]:
                best = (score, place)
    return best
