"""GeoJSON export: an RFC 7946 FeatureCollection that GIS tools (QGIS, GDAL) open as is.

One Point feature per incident at `[lon, lat]` (WGS 84, rounded to 6 decimals, about
10 cm); an incident without coordinates has `"geometry": null`, which RFC 7946 allows,
so no incident is dropped. Properties are flat (GIS tools show nested objects poorly):
the incident record with its precision fields, then `verdict:<agreement>/<version>` and
`reason:<agreement>/<version>` strings. No `crs` member: RFC 7946 fixes WGS 84.
"""

from __future__ import annotations

import json
from typing import Any, TextIO

from truce.domain import Incident
from truce.exports.rulings import Progress, RuledIncidents
from truce.incidents import incident_to_precise_record

DECIMALS = 6


def _geometry(incident: Incident) -> dict[str, Any] | None:
    if incident.lat is None or incident.lon is None:
        return None
    return {
        "type": "Point",
        "coordinates": [round(incident.lon, DECIMALS), round(incident.lat, DECIMALS)],
    }


def write_geojson(ruled: RuledIncidents, out: TextIO, *, progress: Progress | None = None) -> int:
    """Write the FeatureCollection one feature per line; returns the number of features."""
    names = ruled.ruling_names()
    total = len(ruled.incidents)
    # A foreign member (RFC 7946 §6.1), which GIS tools pass over: the audit head.
    head = json.dumps(ruled.audit_head)
    out.write('{"type": "FeatureCollection", "audit_head": ' + head + ', "features": [')
    for index, incident in enumerate(ruled.incidents):
        feature = {
            "type": "Feature",
            "id": incident.id,
            "geometry": _geometry(incident),
            "properties": {
                **incident_to_precise_record(incident),
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
