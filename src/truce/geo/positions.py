"""Where an incident is drawn (the dashboard's map) and exported (GeoJSON), and how
sure that spot is: one function for both, so an export never drops a point the map shows.

Many reports name a town, a region or only a country, and a coded incident often has no
coordinates at all. Leaving those off the map would hide most of what a monitor reads,
so each gets the best point known, with its precision, and the map draws anything
short of given coordinates as a hollow marker: a town from the gazetteer, a region's or
country's centre (the mean of the gazetteer's places there, in the dashboard's
`truce/web/static/outlines.json`, built by `scripts/build_web_assets.py`).
"""

from __future__ import annotations

import json
from functools import cache
from importlib.resources import files
from typing import Literal

from truce.domain import Incident
from truce.geo.gazetteer import gazetteer

Precision = Literal["exact", "place", "region", "country"]


@cache
def _centres() -> tuple[dict[str, tuple[float, float]], dict[str, tuple[float, float]]]:
    """Region centres by region name and country centres by code, from the outlines."""
    # The file is package data beside the dashboard's assets; reading it imports nothing
    # of the web layer.
    outlines = files("truce").joinpath("web", "static", "outlines.json")
    data = json.loads(outlines.read_text("utf-8"))
    regions = {
        f["properties"]["name"]: (f["geometry"]["coordinates"][1], f["geometry"]["coordinates"][0])
        for f in data["labels"]
    }
    countries = {code: (lat, lon) for code, (lat, lon) in data["centres"].items()}
    return regions, countries


def _place(name: str, country: str | None) -> tuple[float, float] | None:
    """The named place, or the place named at the end of the text ("outside Moscow")."""
    words = name.replace(",", " ").split()
    for start in range(len(words)):
        found = gazetteer().place(" ".join(words[start:]), country)
        if found is not None and found.lat is not None and found.lon is not None:
            return found.lat, found.lon
    return None


def map_position(incident: Incident) -> tuple[float, float, Precision] | None:
    """The point to draw an incident at and its precision; None when not even the
    country is known."""
    if incident.lat is not None and incident.lon is not None:
        return incident.lat, incident.lon, "exact"
    if incident.place:
        point = _place(incident.place, incident.country)
        if point is not None:
            return point[0], point[1], "place"
    regions, countries = _centres()
    if incident.region and incident.region in regions:
        lat, lon = regions[incident.region]
        return lat, lon, "region"
    if incident.country and incident.country in countries:
        lat, lon = countries[incident.country]
        return lat, lon, "country"
    return None


# How far outside the gazetteer's outermost places of a country a point may lie and
# still count as in it (border villages the index leaves out, islands, sea coasts).
EXTENT_MARGIN_DEG = 1.0


@cache
def _extents() -> dict[str, tuple[float, float, float, float]]:
    """Per country code: (south, north, west, east) of the gazetteer's places there."""
    out: dict[str, tuple[float, float, float, float]] = {}
    for place in gazetteer().places:
        if place.country is None or place.lat is None or place.lon is None:
            continue
        s, n, w, e = out.get(place.country, (place.lat, place.lat, place.lon, place.lon))
        out[place.country] = (
            min(s, place.lat),
            max(n, place.lat),
            min(w, place.lon),
            max(e, place.lon),
        )
    return out


def _inside(lat: float, lon: float, extent: tuple[float, float, float, float]) -> bool:
    s, n, w, e = extent
    m = EXTENT_MARGIN_DEG
    return s - m <= lat <= n + m and w - m <= lon <= e + m


def looks_swapped(lat: float, lon: float, country: str | None) -> bool:
    """True when a point lies outside its stated country but would lie inside with
    latitude and longitude exchanged (Kyiv given as 30.52, 50.45 lands in Iran). Only
    for countries the gazetteer covers; a point that is merely wrong is not flagged."""
    extent = _extents().get(country or "")
    if extent is None:
        return False
    return not _inside(lat, lon, extent) and _inside(lon, lat, extent)
