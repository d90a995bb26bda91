"""GeoJSON export: an RFC 7946 FeatureCollection that GIS tools (QGIS, GDAL) open as is.

One Point feature per incident at `[lon, lat]` (WGS 84, rounded to 6 decimals, about
10 cm), at the point the dashboard's map draws it (`truce.geo.map_position`): its own
coordinates, else its named place from the gazetteer, else its region's or country's
centre. `map_precision` says which (`exact`, `place`, `region`, `country`), so a GIS user
can style or filter the approximate ones; `lat`/`lon` stay as coded (empty unless given).
Only an incident not even the country of which is known has `"geometry": null` (RFC 7946
allows it), so no incident is dropped. Properties are flat (GIS tools show nested objects
poorly): the incident record with its precision fields, then
`verdict:<agreement>/<version>` and `reason:<agreement>/<version>` strings. No `crs`
member: RFC 7946 fixes WGS 84.
"""

from __future__ import annotations

import json
from typing import Any, TextIO

from truce.exports.rulings import Progress, RuledIncidents
from truce.geo import map_position
from truce.incidents import incident_to_precise_record

DECIMALS = 6


def _geometry(position: tuple[float, float, str] | None) -> dict[str, Any] | None:
    if position is None:
        return None
    lat, lon, _ = position
    return {"type": "Point", "coordinates": [round(lon, DECIMALS), round(lat, DECIMALS)]}


def write_geojson(ruled: RuledIncidents, out: TextIO, *, progress: Progress | None = None) -> int:
    """Write the FeatureCollection one feature per line; returns the number of features."""
    names = ruled.ruling_names()
    total = len(ruled.incidents)
    # A foreign member (RFC 7946 §6.1), which GIS tools pass over: the audit head.
    head = json.dumps(ruled.audit_head)
    out.write('{"type": "FeatureCollection", "audit_head": ' + head + ', "features": [')
    for index, incident in enumerate(ruled.incidents):
        position = map_position(incident)
        feature = {
            "type": "Feature",
            "id": incident.id,
            "geometry": _geometry(position),
            "properties": {
                **incident_to_precise_record(incident),
                "map_precision": position[2] if position else None,
                "corroboration": incident.corroboration,
                "denied_by": ";".join(incident.denied_by) or None,  # flat, for GIS
                **dict(zip(names, ruled.ruling_values(index), strict=True)),
            },
        }
        out.write(("\n" if index == 0 else ",\n") + json.dumps(feature, ensure_ascii=False))
        if progress is not None and index % 1000 == 0:
            progress(index, total)
    out.write("\n]}\n")
    return total
