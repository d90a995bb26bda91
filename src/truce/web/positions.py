"""The map's positions: `truce.geo.positions`, shared with the GeoJSON export."""

from truce.geo.positions import Precision, map_position

__all__ = ["Precision", "map_position"]
