"""What a report says around a place name, as the resolver weighs it.

A name alone is ambiguous: there are a dozen Dubovoes and a Kirov in two countries. A
reader settles it from the rest of the report: the region named with the place
("Dubove, Volyn Oblast"), the regions the text names elsewhere, the regions of the
other places it names ("Степногірськ і Приморське" are neighbours), the region the
source speaks for (a Kursk governor's posts are about Kursk Oblast), the countries its
other facts point to, and its language. `GeoContext` carries those, strongest first;
`resolve_place` takes one.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import NamedTuple

from truce.geo.gazetteer import Place
from truce.geo.names import name_key, skeleton_key


def _frozen(values: Collection[str | None] | None) -> frozenset[str]:
    return frozenset(v for v in values or () if v)


# Endings cut before an adjective is compared with a raion's or hromada's name.
_ENDINGS = "аеиоуяй"


def _union(a: Collection[str], b: Collection[str]) -> frozenset[str]:
    return frozenset(a).union(b)


class GeoContext(NamedTuple):
    """Region names are the gazetteer's (`Region.name`: "Volyn Oblast", "Kursk Oblast").
    An immutable tuple: the resolver makes one for every mention, so it must be cheap.

    - `within`: the region named with the place itself; nothing outside it is taken.
    - `raion`: the raion or hromada named with it ("Миколаївка Краматорського району",
      "Курганне Вільхуватської громади"), as the lemma of its adjective; a Ukrainian
      place in that raion or hromada comes first (an oblast holds a dozen Mykolaivkas).
    - `regions`: regions the text names; a place in one is much likelier, and a small
      place there needs no word such as "village of" before it.
    - `nearby`: regions of the other places the report names (a weaker hint).
    - `source_regions`: the regions the source's own name gives ("Kursk governor"),
      as weak as `nearby`.
    - `countries`: countries the report's other facts point to.
    - `prefer`: the country the report's language points to (weakest: a Ukrainian
      text's "Дубні" is likelier Dubno than Dubna).
    """

    within: str | None = None
    # Any collection (the resolver only asks `in`); `of` and `merged` give frozensets.
    regions: Collection[str] = frozenset()
    nearby: Collection[str] = frozenset()
    source_regions: Collection[str] = frozenset()
    countries: Collection[str] = frozenset()
    prefer: str | None = None
    raion: str | None = None

    @classmethod
    def of(
        cls,
        *,
        within: str | None = None,
        regions: Collection[str] | None = None,
        nearby: Collection[str] | None = None,
        source_regions: Collection[str] | None = None,
        countries: Collection[str] | None = None,
        prefer: str | None = None,
        raion: str | None = None,
    ) -> GeoContext:
        """A context from any collections (lists, sets, tuples) of names."""
        return cls(
            within,
            _frozen(regions),
            _frozen(nearby),
            _frozen(source_regions),
            _frozen(countries),
            prefer,
            raion,
        )

    def merged(self, other: GeoContext) -> GeoContext:
        """Both contexts' hints; `other`'s `within`, `prefer` and `raion` where it gives
        them."""
        return GeoContext(
            other.within or self.within,
            _union(self.regions, other.regions),
            _union(self.nearby, other.nearby),
            _union(self.source_regions, other.source_regions),
            _union(self.countries, other.countries),
            other.prefer or self.prefer,
            other.raion or self.raion,
        )

    def naming(self, *regions: str | None) -> GeoContext:
        """The same context with more regions named in the text ("Ягідне під Бахмутом":
        the locator's region)."""
        return self._replace(regions=_union(self.regions, _frozen(regions)))

    @property
    def hinted(self) -> frozenset[str]:
        """Regions that are only hints: of other places, of the source."""
        return _union(self.nearby, self.source_regions)

    def hints_at(self, place: Place) -> bool:
        """The report names the place's region, or hints at it."""
        region = place.region
        return region is not None and (
            region in self.regions or region in self.nearby or region in self.source_regions
        )

    def in_raion(self, place: Place) -> bool:
        """The place is in the raion or hromada named with it, in either language
        ("краматорський", "краматорский"; "вільхуватський" for "вільхуватська")."""
        if self.raion is None:
            return False
        stem = skeleton_key(name_key(self.raion)).rstrip(_ENDINGS)
        return any(
            key is not None and skeleton_key(key).rstrip(_ENDINGS) == stem
            for key in (place.district, place.hromada)
        )
