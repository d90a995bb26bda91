"""Settlements the index lacks, placed by the district the report names.

Governors of Russia's border regions name villages GeoNames does not list ("деревня
Старая Николаевка Рыльского района", "поселок Запесочье Погарского района"). The
report names the district, and a district is named after its centre ("Рыльский" →
Rylsk), which the index has. Such a village is put at that centre and flagged
approximate, as the codifier's Ukrainian villages are put at their hromada's centre:
a point a few tens of kilometres off at most, where before there was none.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from truce.geo.context import GeoContext
from truce.geo.gazetteer import Place
from truce.geo.regions import Region
from truce.geo.resolve import resolve_place

# A district's centre is a town; a smaller namesake of its adjective is not it.
_CENTRE_MIN = 2000


def district_centre(keys: Sequence[str], context: GeoContext | None = None) -> Place | None:
    """The settlement a district (raion, okrug, hromada) is named after, from the lookup
    keys of its adjective ("рыльский" → "рыльск"), or None."""
    # "Суземский" → Суземка, "Василівський" → Василівка: towns in -ка name districts too.
    towns = [*keys, *(k + "ка" for k in keys if len(k) > 3 and not k.isascii())]
    place = resolve_place(towns, cue=True, context=context)
    if place is None or place.facility is not None or place.approximate:
        return None
    return place if place.population >= _CENTRE_MIN else None


def unlisted_place(name: str, region: Region | None, centres: Iterable[Place] = ()) -> Place:
    """A settlement the index lacks, named `name` (as the report writes it, romanised),
    in `region` when known. It is put at the centre of the district the report names
    in that region when there is exactly one such centre (flagged approximate); else it
    has no coordinates."""
    country = region.country if region else None
    here = {c for c in centres if region is None or c.region == region.name}
    if len(here) == 1:
        centre = here.pop()
        return Place(
            name,
            centre.lat,
            centre.lon,
            centre.country,
            centre.region,
            0,
            centre.district,
            approximate=True,
        )
    return Place(name, None, None, country, region.name if region else None, 0)
