"""GeoJSON export: a valid RFC 7946 FeatureCollection, points at [lon, lat]."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import geojson
import pytest

from truce.domain import Incident
from truce.exports import ExportFormat, export_incidents
from truce.geo import map_position
from truce.store import Store

from .conftest import AGREEMENT, KYIV


def _export(db: str, **options: str) -> tuple[str, int]:
    out = io.StringIO()
    with Store(db) as store:
        count = export_incidents(store, ExportFormat.geojson, out, **options)
    return out.getvalue(), count


def _incident(db: str, key: str) -> Incident:
    with Store(db) as store:
        return store.incident(key)


def _features(text: str) -> dict[str, dict[str, Any]]:
    return {feature["id"]: feature for feature in json.loads(text)["features"]}


def test_a_valid_feature_collection(filled: str) -> None:
    text, count = _export(filled)
    collection = geojson.loads(text)
    assert isinstance(collection, geojson.FeatureCollection)
    assert collection.is_valid, collection.errors()
    document = json.loads(text)
    assert document["type"] == "FeatureCollection"
    assert "crs" not in document
    assert len(document["features"]) == count == 12
    for feature in document["features"]:
        assert feature["type"] == "Feature"
        assert isinstance(feature["properties"], dict)
        geometry = feature["geometry"]
        if geometry is not None:
            assert geojson.GeoJSON.to_instance(geometry).is_valid


def test_points_are_lon_lat(filled: str) -> None:
    features = _features(_export(filled)[0])
    lon, lat = features["edge-kyiv"]["geometry"]["coordinates"]
    assert (lon, lat) == KYIV
    assert 30 < lon < 31 and 50 < lat < 51  # Kyiv, not a point in the Indian Ocean
    moscow = features["edge-moscow"]["geometry"]["coordinates"]
    assert moscow == [37.6173, 55.755826]


def test_every_incident_the_map_draws_has_a_point_at_its_precision(filled: str) -> None:
    """The export puts each incident where the dashboard's map does, and says how sure."""
    features = _features(_export(filled)[0])
    kinds = {key: f["properties"]["map_precision"] for key, f in features.items()}
    assert kinds["edge-kyiv"] == "exact"
    assert kinds["seed-01-moscow-refinery"] == "place"  # "outside Moscow"
    assert kinds["edge-cyrillic"] == "place"  # Харків, from the gazetteer
    assert kinds["seed-04-belgorod-offensive"] == "region"
    assert kinds["seed-02-hospital"] == "country"
    near_moscow = features["seed-01-moscow-refinery"]["geometry"]["coordinates"]
    assert 37 < near_moscow[0] < 38.5 and 55 < near_moscow[1] < 56.5
    assert features["seed-01-moscow-refinery"]["properties"]["lat"] is None  # as coded
    for key, feature in features.items():
        point = map_position(_incident(filled, key))
        assert (feature["geometry"] is None) == (point is None), key


def test_only_an_incident_with_no_place_at_all_has_null_geometry(filled: str) -> None:
    features = _features(_export(filled)[0])
    empty = {key for key, f in features.items() if f["geometry"] is None}
    assert empty == {"edge-nothing", "seed-05-ukraine-hit-back"}
    assert features["edge-nothing"]["properties"]["map_precision"] is None


def test_properties_are_flat_with_verdicts_per_version(filled: str) -> None:
    properties = _features(_export(filled)[0])["edge-moscow"]["properties"]
    assert properties["occurred_at"] == "2025-03-22T03:00:00+03:00"
    assert properties["target"] == "infrastructure.energy.oil"
    assert properties[f"verdict:{AGREEMENT}/kremlin"] == "violation"
    assert properties[f"reason:{AGREEMENT}/kremlin"] == "protected_target_in_window"
    assert all(not isinstance(value, (dict, list)) for value in properties.values())
    cyrillic = _features(_export(filled)[0])["edge-cyrillic"]["properties"]
    assert cyrillic["place"] == "Харків"


def test_an_empty_store_is_an_empty_collection(sqlite_url: str) -> None:
    text, count = _export(sqlite_url)
    assert count == 0
    assert json.loads(text) == {
        "type": "FeatureCollection",
        "audit_head": {"seq": 0, "hash": "0" * 64},  # an empty trail
        "features": [],
    }


@pytest.mark.skipif(shutil.which("ogrinfo") is None, reason="GDAL (gdal-bin) is not installed")
def test_gdal_opens_it_as_it_is(filled: str, tmp_path: Path) -> None:
    """GDAL's GeoJSON driver is what QGIS opens the file with."""
    path = tmp_path / "incidents.geojson"
    path.write_text(_export(filled)[0], "utf-8")
    summary = subprocess.run(
        ["ogrinfo", "-ro", "-so", "-al", str(path)], capture_output=True, text=True, check=True
    ).stdout
    assert "Feature Count: 12" in summary
    assert "EPSG" in summary and "4326" in summary
    kyiv = subprocess.run(
        ["ogrinfo", "-ro", "-al", "-q", "-where", "id = 'edge-kyiv'", str(path)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "POINT (30.523333 50.450001)" in kyiv
