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


def _frozen(values: Collection[str | None] | None) -> frozenset[str]:
    return frozenset(v for v in values or () if v)


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
