"""`GET /api/v1/export`: the export as a download, for viewers and up."""

from __future__ import annotations

import csv
import io
import json

from truce.api import Role
from truce.incidents import COLUMNS
from truce.store import Store
from truce.terms import import_terms

from ..conftest import SEED_CASE
from .conftest import Api, incident_body


def test_each_format_downloads_with_its_type_and_name(api: Api) -> None:
    with Store(api.db, actor="test") as store:
        import_terms(store, SEED_CASE / "terms.yaml")
    with api.client(Role.MONITOR) as client:
        body = incident_body("r1", lat=49.9935, lon=36.2304)
        assert client.post("/reports", json=body).status_code == 201
    expected = {
        "csv": "text/csv; charset=utf-8",
        "json": "application/json",
        "geojson": "application/geo+json",
    }
    with api.client(Role.VIEWER) as client:
        for fmt, media_type in expected.items():
            response = client.get("/export", params={"format": fmt})
            assert response.status_code == 200, response.text
            assert response.headers["content-type"] == media_type
            assert (
                response.headers["content-disposition"]
                == f'attachment; filename="truce-incidents.{fmt}"'
            )
            if fmt == "csv":
                rows = list(csv.DictReader(io.StringIO(response.text)))
                assert tuple(rows[0])[: len(COLUMNS)] == COLUMNS
                assert rows[0]["verdict:energy-ceasefire-2025/kremlin"] == "violation"
            elif fmt == "geojson":
                (feature,) = response.json()["features"]
                assert feature["geometry"]["coordinates"] == [36.2304, 49.9935]
            else:
                assert json.loads(response.text)["incidents"][0]["rulings"]
        only = client.get("/export", params={"format": "csv", "agreement": "energy-ceasefire-2025"})
        assert only.status_code == 200
        missing = client.get("/export", params={"format": "csv", "agreement": "other"})
        assert missing.status_code == 404
        assert client.get("/export", params={"format": "shp"}).status_code == 422


def test_needs_a_token(api: Api) -> None:
    with api.client() as client:
        assert client.get("/export").status_code == 401


def test_the_csv_download_quotes_cells_a_spreadsheet_would_run(api: Api) -> None:
    formula = "=cmd|' /C calc'!A0"
    with api.client(Role.MONITOR) as client:
        body = incident_body("r1", text=formula, weapon="@SUM(1,2)", source="+SUM(1,2)")
        assert client.post("/reports", json=body).status_code == 201
    with api.client(Role.VIEWER) as client:
        response = client.get("/export", params={"format": "csv"})
    assert response.status_code == 200, response.text
    (row,) = list(csv.DictReader(io.StringIO(response.text)))
    assert (row["text"], row["weapon"], row["source"]) == (
        "'" + formula,
        "'@SUM(1,2)",
        "'+SUM(1,2)",
    )
    assert not [cell for cell in row.values() if cell[:1] in ("=", "+", "-", "@", "\t", "\r")]
