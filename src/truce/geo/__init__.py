"""Gazetteer geocoding: place mentions in Latin or Cyrillic script → settlements and regions.

The index (GeoNames, CC BY 4.0) is built by `scripts/build_gazetteer.py` and shipped in
`truce/geo/data/`; nothing is downloaded at run time.
"""

from truce.geo.context import GeoContext
from truce.geo.distance import distance_km
from truce.geo.facilities import FacilityMention, find_facilities
from truce.geo.gazetteer import Gazetteer, Place, gazetteer
from truce.geo.names import canonical_name, name_key, transliterate_ru, transliterate_uk
from truce.geo.positions import Precision, looks_swapped, map_position
from truce.geo.regions import REGIONS, Region
from truce.geo.resolve import resolve_place
from truce.geo.unlisted import district_centre, unlisted_place

__all__ = [
    "REGIONS",
    "FacilityMention",
    "Gazetteer",
    "GeoContext",
    "Place",
    "Precision",
    "Region",
    "canonical_name",
    "distance_km",
    "district_centre",
    "find_facilities",
    "gazetteer",
    "looks_swapped",
    "map_position",
    "name_key",
    "resolve_place",
    "transliterate_ru",
    "transliterate_uk",
    "unlisted_place",
]
