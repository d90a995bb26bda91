"""Gazetteer geocoding: place mentions in Latin or Cyrillic script → settlements and regions.

The public API, for the extractor and the importers:
- `resolve_place(keys, cue=…, context=GeoContext(…))`: the place a mention means, given
  what the rest of the report says (the region named with it, regions named elsewhere,
  the regions of its other places and of its source, its countries and language);
- `find_facilities(text)`: named power plants, refineries, bridges, fields, each placed at
  its host settlement by the gazetteer;
- `district_centre(keys)` and `unlisted_place(name, region, centres)`: a village the index
  lacks, put at the centre of the district the report names;
- `names_water(keys, before, after)`: a river's name used for the river ("на Десні");
- `gazetteer()`: the index itself (`lookup`, regions by name, adjective and noun).

The index (GeoNames, CC BY 4.0; Ukraine's KATOTTG) is built by `scripts/build_gazetteer.py`
and shipped in `truce/geo/data/`; nothing is downloaded at run time.
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
from truce.geo.waters import names_water

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
    "names_water",
    "resolve_place",
    "transliterate_ru",
    "transliterate_uk",
    "unlisted_place",
]
