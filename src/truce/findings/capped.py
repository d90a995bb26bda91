"""The findings cut to what one page can hold: the figures stay whole, the lists behind
them keep their first entries. At 100,000 incidents the whole findings are ~100 MB of
HTML (each incident in a provenance group with its evidence, each disputed incident with
an explanation per version); the offline page shows the first few hundred of each list
and says where the rest is (`GET /api/v1/agreements/{id}/findings`)."""

from __future__ import annotations

from typing import Any

ITEMS = 200  # incidents listed with their details, per list
IDS = 25  # incident ids behind one figure (a table cell's tooltip)


def capped(findings: dict[str, Any], *, items: int = ITEMS, ids: int = IDS) -> dict[str, Any]:
    """A copy of `findings` whose lists hold at most `items` entries (incidents with
    details) or `ids` ids (behind a count). Every count is of the whole, as before;
    `capped` says what was cut, or is absent when nothing was."""
    out = dict(findings)
    cut = False

    def first(values: list[Any], most: int) -> list[Any]:
        nonlocal cut
        cut = cut or len(values) > most
        return values[:most]

    out["disputed_count"] = len(findings["disputed"])
    out["disputed"] = first(findings["disputed"], items)
    out["disputed_patterns"] = [
        {**p, "incidents": first(p["incidents"], ids)} for p in findings["disputed_patterns"]
    ]
    out["provenance"] = {
        group: first(entries, items) for group, entries in findings["provenance"].items()
    }
    out["per_day"] = {
        version: {
            party: [{**r, "incidents": first(r["incidents"], ids)} for r in rows]
            for party, rows in parties.items()
        }
        for version, parties in findings["per_day"].items()
    }
    out["totals"] = [{**t, "incidents": first(t["incidents"], ids)} for t in findings["totals"]]
    if cut:
        agreement = findings.get("agreement", "{id}")
        out["capped"] = {
            "items": items,
            "ids": ids,
            "whole": f"GET /api/v1/agreements/{agreement}/findings",
        }
    return out
