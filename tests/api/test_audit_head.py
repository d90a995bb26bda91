"""`GET /audit/verify?head=H`: the chain must still reach a head kept earlier, and the
stored data must be what the trail says was written."""

from __future__ import annotations

import sqlalchemy as sa

from truce.api import Role

from .conftest import Api, incident_body


def test_verify_holds_the_trail_to_a_kept_head(api: Api) -> None:
    with api.client(Role.MONITOR) as monitor:
        assert monitor.post("/reports", json=incident_body("r1")).status_code == 201
    with api.client(Role.ANALYST) as analyst:
        first = analyst.get("/audit/verify").json()
        assert first["ok"] and first["mismatches"] == []
        kept = first["head"]
        assert analyst.get("/audit/verify", params={"head": kept}).json()["head_reached"]
        assert analyst.get("/audit/verify", params={"head": "x"}).status_code == 422
        engine = sa.create_engine(api.db)
        with engine.begin() as conn:
            conn.execute(sa.text("DELETE FROM audit_log WHERE hash = :h"), {"h": kept})
            conn.execute(sa.text("UPDATE incidents SET perpetrator = 'UA'"))
        engine.dispose()
        after = analyst.get("/audit/verify", params={"head": kept}).json()
    assert (after["ok"], after["head_reached"]) == (False, False)
    assert any("perpetrator is 'UA'" in m for m in after["mismatches"])
