"""The dashboard's data bundle: what the page draws, shared by the API and the file."""

from __future__ import annotations

from pathlib import Path

import pytest

from truce.errors import NotFound
from truce.incidents import import_incidents
from truce.store import Store
from truce.terms import import_terms
from truce.web import dashboard_data
from truce.web.positions import map_position

from ..conftest import make_incident


def test_the_bundle_rules_every_incident_under_every_version(
    sqlite_url: str, seed_case: Path
) -> None:
    with Store(sqlite_url) as store:
        with pytest.raises(NotFound, match="no agreement is stored yet"):
            dashboard_data(store)
        import_terms(store, seed_case / "terms.yaml")
        import_incidents(store, seed_case / "incidents.csv")
        data = dashboard_data(store)
    columns = data["columns"]
    rows = {row[0]: dict(zip(columns, row, strict=True)) for row in data["incidents"]}
    assert len(rows) == 5 and data["accounts"] is None
    substation = rows["seed-03-substation"]
    assert substation["day"] == "2025-03-18" and substation["map_precision"] == "country"
    assert rows["seed-01-moscow-refinery"]["map_precision"] == "place"  # "outside Moscow"
    assert rows["seed-04-belgorod-offensive"]["map_precision"] == "region"
    assert rows["seed-05-ukraine-hit-back"]["map_lat"] is None  # no country: not on the map
    index = list(rows).index("seed-03-substation")
    reasons = [data["reasons"][r][0] for r in data["rulings"][index]]
    assert reasons == ["missing_time", "missing_time"]
    assert "straddles a window boundary" in data["explanations"][index][1]
    assert data["versions"][1]["window"] == ["2025-03-18T16:30:00Z", "2025-04-17T16:30:00Z"]


def test_map_positions_say_how_precise_they_are() -> None:
    assert map_position(make_incident(lat=50.0, lon=36.2)) == (50.0, 36.2, "exact")
    lat, lon, precision = map_position(make_incident(place="near Kharkiv"))  # type: ignore[misc]
    assert precision == "place" and 49 < lat < 51 and 35 < lon < 37
    assert map_position(make_incident(region="Sumy Oblast"))[2] == "region"  # type: ignore[index]
    assert map_position(make_incident(country="UA"))[2] == "country"  # type: ignore[index]
    assert map_position(make_incident(country=None)) is None
