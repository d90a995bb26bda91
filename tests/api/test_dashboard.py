"""`GET /api/v1/dashboard` and the page at `/`: the page and its files need no token,
the data does (unless --public)."""

from __future__ import annotations

from pathlib import Path

import httpx

from truce.api import Role
from truce.incidents import import_incidents
from truce.store import Store, StoredAccount
from truce.terms import import_terms

from .conftest import Api


def _seed(db: str, seed_case: Path, *, accounts: bool = True) -> None:
    with Store(db) as store:
        import_terms(store, seed_case / "terms.yaml")
        import_incidents(store, seed_case / "incidents.csv")
        if accounts:
            paths = sorted((seed_case / "accounts").glob("*.md"), reverse=True)
            store.save_accounts(
                "energy-ceasefire-2025",
                [StoredAccount(p.name, str(p), p.read_text("utf-8")) for p in paths],
            )


def test_the_bundle_needs_a_viewer_and_holds_every_panel(api: Api, seed_case: Path) -> None:
    _seed(api.db, seed_case)
    with api.client() as anonymous:
        assert anonymous.get("/dashboard").status_code == 401
    with api.client(Role.VIEWER) as viewer:
        response = viewer.get("/dashboard")
        named = viewer.get("/dashboard", params={"agreement": "energy-ceasefire-2025"})
        unknown = viewer.get("/dashboard", params={"agreement": "no-such-thing"})
    assert response.status_code == 200 and named.status_code == 200
    assert named.json()["incidents"] == response.json()["incidents"]
    assert unknown.status_code == 404
    data = response.json()
    assert data["agreement"]["id"] == "energy-ceasefire-2025"
    assert [v["id"] for v in data["versions"]] == ["whitehouse", "kremlin"]
    assert len(data["incidents"]) == len(data["rulings"]) == len(data["explanations"]) == 5
    assert data["accounts"]["matches"] > 0 and "<mark>" in data["accounts"]["html"]
    assert "<style>" not in data["accounts"]["html"]  # the served CSP admits no inline style


def test_no_agreement_stored_is_404(start_api, sqlite_url: str) -> None:  # type: ignore[no-untyped-def]
    api: Api = start_api(sqlite_url, public=True)
    with api.client() as anonymous:
        response = anonymous.get("/dashboard")
    assert response.status_code == 404 and "terms import" in response.json()["message"]


def test_page_and_files_are_served_without_a_token_and_nothing_else(
    start_api,
    sqlite_url: str,
    seed_case: Path,  # type: ignore[no-untyped-def]
) -> None:
    _seed(sqlite_url, seed_case, accounts=False)
    api: Api = start_api(sqlite_url)
    page = httpx.get(api.base + "/")
    assert page.status_code == 200 and 'data-testid="login"' in page.text
    assert "default-src 'none'" in page.headers["content-security-policy"]
    for name in ("dashboard.js", "dashboard.css", "leaflet.js", "leaflet.css", "outlines.json"):
        assert httpx.get(f"{api.base}/static/{name}").status_code == 200, name
    for name in ("assets.json", "..%2Fdashboard.py", "nope.js"):
        assert httpx.get(f"{api.base}/static/{name}").status_code == 404, name
    with api.client(Role.VIEWER) as viewer:
        assert viewer.get("/dashboard").json()["accounts"] is None


def test_the_pieces_count_page_and_map_in_sql_and_follow_writes(api: Api, seed_case: Path) -> None:
    """The served page's routes agree with the rulings, page the list, group the map,
    refuse bad filters, and see an incident added after the index was built."""
    _seed(api.db, seed_case, accounts=False)
    with api.client() as anonymous:
        assert anonymous.get("/dashboard/summary").status_code == 401
    with api.client(Role.VIEWER) as viewer:
        summary = viewer.get("/dashboard/summary").json()
        assert summary["incidents"] == 5 and summary["placed"] == 4
        compliance = viewer.get("/dashboard/compliance").json()["rows"]
        assert sum(n for v, _, _, n in compliance if v == 0) == 5
        assert sum(n for v, _, _, n in compliance if v == 1) == 5
        first = viewer.get("/dashboard/incidents", params={"limit": 2}).json()
        second = viewer.get("/dashboard/incidents", params={"limit": 2, "offset": 2}).json()
        assert first["total"] == 5 and len(first["items"]) == len(second["items"]) == 2
        assert not {i["id"] for i in first["items"]} & {i["id"] for i in second["items"]}
        unplaced = viewer.get("/dashboard/incidents", params={"placed": "false"}).json()
        assert [i["id"] for i in unplaced["items"]] == ["seed-05-ukraine-hit-back"]
        cells = viewer.get("/dashboard/map", params={"bbox": "40,14,62,60", "zoom": 3}).json()
        assert sum(c["count"] for c in cells["cells"]) == 4
        assert viewer.get("/dashboard/map", params={"bbox": "91,0,92,1"}).status_code == 422
        for bad in ("-744.389571.", "1,2,3", "1,2,3,4,5", "nan,0,1,1", "inf,0,1,1",
                    "0,-181,1,1", "2,0,1,1", "0.0.0,1,2,3"):  # fmt: skip
            refused = viewer.get("/dashboard/incidents", params={"bbox": bad})
            assert refused.status_code == 422 and refused.json()["field"] == "bbox", bad
        assert viewer.get("/dashboard/timeline", params={"version": "nope"}).status_code == 404
        detail = viewer.get("/dashboard/incidents/seed-03-substation").json()
        assert len(detail["explanations"]) == 2 and "straddles" in detail["explanations"][1]
        with Store(api.db) as store:
            import_incidents(store, seed_case / "reports-to-merge.csv")
        assert viewer.get("/dashboard/summary").json()["incidents"] > 5
