"""Merging through the API: posted reports join their incident, incidents carry their
reports and corroboration, analysts join and split, and rulings filter by corroboration."""

from __future__ import annotations

import json
from pathlib import Path

import yaml

from truce.api import Role
from truce.incidents import import_incidents
from truce.store import Store

from .conftest import Api, incident_body

SEED_CASE = Path(__file__).resolve().parents[2] / "examples" / "seed-case"
TERMS = SEED_CASE / "terms.yaml"


def test_accounts_of_one_strike_become_one_incident(api: Api) -> None:
    with api.client(Role.MONITOR) as monitor:
        first = monitor.post("/reports", json=incident_body("gov"))
        second = monitor.post(
            "/reports",
            json=incident_body(
                "mod", source="Russian MoD", source_alignment="RU", place="Харків", perpetrator="UA"
            ),
        )
        denial = monitor.post(
            "/reports",
            json={**incident_body("deny", source="MoD", source_alignment="RU"), "stance": "deny"},
        )
    assert [r.json()["incidents"] for r in (first, second, denial)] == [["gov"]] * 3
    with api.client(Role.VIEWER) as viewer:
        (incident,) = viewer.get("/incidents").json()["items"]
        strong = viewer.get("/incidents", params={"min_corroboration": "both_sides"}).json()
        independent = viewer.get("/incidents", params={"min_corroboration": "independent"}).json()
        bad = viewer.get("/incidents", params={"min_corroboration": "rumour"})
    assert (incident["reports"], incident["corroboration"], incident["denied_by"]) == (
        ["gov", "mod", "deny"], "both_sides", ["RU"],
    )  # fmt: skip
    assert incident["perpetrator"] == "unknown"  # each side blames the other
    assert [i["id"] for i in strong["items"]] == ["gov"]
    assert independent["items"] == []
    assert bad.status_code == 422


def test_only_analysts_join_and_split_and_both_are_audited(api: Api) -> None:
    with api.client(Role.MONITOR) as monitor:
        monitor.post("/reports", json=incident_body("a"))
        monitor.post("/reports", json=incident_body("b", occurred_at="2025-03-22", source="Mayor"))
        assert monitor.post("/incidents/a/join", json={"incident": "b"}).status_code == 403
    with api.client(Role.ANALYST) as analyst:
        joined = analyst.post("/incidents/a/join", json={"incident": "b"})
        missing = analyst.post("/incidents/a/join", json={"incident": "nope"})
        split = analyst.post("/incidents/a/split", json={"reports": ["b"]})
        empty = analyst.post("/incidents/a/split", json={"reports": []})
        trail = analyst.get("/audit").json()["items"]
    assert joined.status_code == 200 and joined.json()["reports"] == ["a", "b"]
    assert joined.json()["corroboration"] == "multiple_sources"
    assert missing.status_code == 404
    assert split.status_code == 200
    assert (split.json()["incident"]["reports"], split.json()["new"]["id"]) == (["a"], "b")
    assert empty.status_code == 422
    assert [e["action"] for e in trail][-2:] == ["incidents.join", "incidents.split"]
    assert trail[-1]["actor"].endswith("analyst-1")


def test_rulings_carry_corroboration_and_filter_by_it(api: Api) -> None:
    with api.client(Role.ANALYST) as analyst:
        body = json.loads(json.dumps(yaml.safe_load(TERMS.read_text("utf-8")), default=str))
        assert analyst.put(f"/agreements/{body['agreement']}", json=body).status_code in (200, 201)
        analyst.post("/reports", json=incident_body("one"))
        analyst.post("/reports", json=incident_body("other", place="Odesa", source="Mayor"))
        analyst.post(
            "/reports",
            json=incident_body(
                "iaea", place="Odesa", source="IAEA", source_alignment="independent"
            ),
        )
        every = analyst.get(f"/agreements/{body['agreement']}/rulings").json()["items"]
        strong = analyst.get(
            f"/agreements/{body['agreement']}/rulings", params={"min_corroboration": "independent"}
        ).json()["items"]
    assert {(r["incident"], r["corroboration"]) for r in every} == {
        ("one", "single_source"), ("other", "independent"),
    }  # fmt: skip
    assert {r["incident"] for r in strong} == {"other"}


def test_joining_a_coded_incident_through_the_api_loses_nothing(api: Api) -> None:
    with Store(api.db, actor="test") as store:
        import_incidents(store, SEED_CASE / "incidents.csv")
    with api.client(Role.ANALYST) as analyst:
        before = analyst.get("/incidents/seed-03-substation").json()
        joined = analyst.post(
            "/incidents/seed-02-hospital/join", json={"incident": "seed-03-substation"}
        )
        gone = analyst.get("/incidents/seed-03-substation")
        split = analyst.post(
            "/incidents/seed-02-hospital/split", json={"reports": ["seed-03-substation"]}
        )
        after = analyst.get("/incidents/seed-03-substation").json()
    assert joined.status_code == 200
    assert joined.json()["coded"] == ["seed-02-hospital", "seed-03-substation"]
    assert gone.status_code == 404
    assert split.status_code == 200, split.text
    assert split.json()["incident"]["target"] == "civilian.healthcare"
    assert after == before
