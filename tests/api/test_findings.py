"""`GET /api/v1/agreements/{id}/findings`: the report's findings over the API."""

from __future__ import annotations

from pathlib import Path

from truce.api import Role
from truce.merge import read_report_file
from truce.store import Store
from truce.terms import import_terms

from .conftest import Api

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "moratorium-2025"


def test_findings_of_the_moratorium_over_the_api(api: Api) -> None:
    with Store(api.db, actor="test") as store:
        import_terms(store, EXAMPLE / "terms.yaml")
        store.add_reports(read_report_file(EXAMPLE / "incidents.csv"))
    with api.client() as anonymous:
        path = "/agreements/energy-moratorium-2025/findings"
        assert anonymous.get(path).status_code == 401
    with api.client(Role.VIEWER) as viewer:
        found = viewer.get("/agreements/energy-moratorium-2025/findings").json()
        missing = viewer.get("/agreements/no-such-thing/findings")
    assert (found["claims"], found["denials"]) == (100, 14)
    assert found["violations"]["kremlin"]["UA"] > found["violations"]["ukraine"]["UA"]
    assert any(d["rulings"]["ukraine"]["reason"] == "before_start" for d in found["disputed"])
    assert missing.status_code == 404
