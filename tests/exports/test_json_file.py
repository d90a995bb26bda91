"""JSON export: the agreements, and each incident with its rulings and explanations."""

from __future__ import annotations

import io
import json

from truce.exports import ExportFormat, export_incidents
from truce.incidents import parse_incident
from truce.store import Store

from .conftest import AGREEMENT


def test_incidents_carry_their_rulings(filled: str) -> None:
    out = io.StringIO()
    with Store(filled) as store:
        count = export_incidents(store, ExportFormat.json, out)
        stored = {i.id: i for i in store.incidents()}
    document = json.loads(out.getvalue())
    assert [a["id"] for a in document["agreements"]] == [AGREEMENT]
    assert [v["id"] for v in document["agreements"][0]["versions"]] == ["whitehouse", "kremlin"]
    assert len(document["incidents"]) == count == len(stored)
    moscow = next(i for i in document["incidents"] if i["id"] == "edge-moscow")
    assert [(r["agreement"], r["version"]) for r in moscow["rulings"]] == [
        (AGREEMENT, "whitehouse"),
        (AGREEMENT, "kremlin"),
    ]
    kremlin = moscow["rulings"][1]
    assert (kremlin["verdict"], kremlin["reason"]) == ("violation", "protected_target_in_window")
    assert kremlin["explanation"]
    # The record part reads back as the stored incident.
    for item in document["incidents"]:
        record = {k: v for k, v in item.items() if k != "rulings"}
        incident = parse_incident(record)
        assert incident.when == stored[item["id"]].when
        assert (incident.lat, incident.lon) == (stored[item["id"]].lat, stored[item["id"]].lon)
