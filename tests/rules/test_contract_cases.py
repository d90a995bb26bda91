"""The rules engine against CONTRACTS §1, case by case.

Every expectation below was derived from the contract text (reason table, precedence
"time, target, party, area" for false and "time, target, perpetrator, place" for unknown,
whole-day local time zones) and the window semantics [starts, end), not from the engine.

Base version: bound [RU, UA], protects [infrastructure.energy], area [UA, RU],
starts 2025-03-18T14:00Z, duration P30D, so the window is [2025-03-18T14:00Z, 2025-04-17T14:00Z).
Base incident: RU strikes infrastructure.energy.grid in Kharkiv, UA, on 2025-03-25T10:00Z.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from truce.incidents import parse_incident
from truce.rules import rule
from truce.terms import parse_terms

NOW = datetime(2026, 1, 1, tzinfo=UTC)
VERSION_ID = "contract-check"

BASE_VERSION: dict[str, Any] = {
    "id": VERSION_ID,
    "according_to": "UA",
    "source": "test",
    "bound": ["RU", "UA"],
    "protects": ["infrastructure.energy"],
    "excludes": [],
    "area": ["UA", "RU"],
    "starts": "2025-03-18T14:00:00+00:00",
    "duration": "P30D",
}

BASE_INCIDENT: dict[str, str] = {
    "occurred_at": "2025-03-25T10:00:00+00:00",
    "place": "Kharkiv",
    "country": "UA",
    "region": "Kharkiv Oblast",
    "perpetrator": "RU",
    "target": "infrastructure.energy.grid",
}

NO_PLACE = {"place": "", "country": "", "region": ""}
IN_POLAND = {"place": "Rzeszow", "country": "PL", "region": ""}
IN_BELGOROD = {"place": "Belgorod", "country": "RU", "region": "Belgorod Oblast"}


def _scalar(value: Any) -> str:
    if isinstance(value, list):
        return "[" + ", ".join(_scalar(item) for item in value) + "]"
    text = str(value)
    return f'"{text}"' if " " in text else text


def terms_yaml(**changes: Any) -> str:
    """The base version with `changes`; a change to None drops the key."""
    fields = {**BASE_VERSION, **changes}
    lines = ["agreement: contract-cases", "versions:"]
    for n, (key, value) in enumerate((k, v) for k, v in fields.items() if v is not None):
        lines.append(f"{'  - ' if n == 0 else '    '}{key}: {_scalar(value)}")
    return "\n".join(lines) + "\n"


def record(case_id: str, **changes: str) -> dict[str, str]:
    return {"id": case_id, **BASE_INCIDENT, **changes}


V, NV, U = "violation", "no_violation", "undetermined"

# (id, version changes, incident changes, verdict, reason)
CASES: list[tuple[str, dict[str, Any], dict[str, str], str, str]] = [
    # --- every reason code -------------------------------------------------------------
    ("violation", {}, {}, V, "protected_target_in_window"),
    ("before_start", {}, {"occurred_at": "2025-03-10T10:00:00+00:00"}, NV, "before_start"),
    ("after_end", {}, {"occurred_at": "2025-05-01T10:00:00+00:00"}, NV, "after_end"),
    ("target_not_protected", {}, {"target": "civilian.residential"}, NV, "target_not_protected"),
    ("party_not_bound", {"bound": ["RU"]}, {"perpetrator": "UA"}, NV, "party_not_bound"),
    ("outside_area", {}, IN_POLAND, NV, "outside_area"),
    ("missing_time", {}, {"occurred_at": ""}, U, "missing_time"),
    ("missing_target", {}, {"target": ""}, U, "missing_target"),
    ("missing_perpetrator", {}, {"perpetrator": ""}, U, "missing_perpetrator"),
    ("missing_place", {}, NO_PLACE, U, "missing_place"),
    # --- precedence: false in the order time, target, party, area -----------------------
    (
        "prec_before_start_over_target",
        {},
        {"occurred_at": "2025-03-10T10:00:00+00:00", "target": "civilian.residential"},
        NV,
        "before_start",
    ),
    (
        "prec_target_over_party",
        {},
        {"target": "military", "perpetrator": "US"},
        NV,
        "target_not_protected",
    ),
    ("prec_party_over_area", {}, {"perpetrator": "US", **IN_POLAND}, NV, "party_not_bound"),
    # --- precedence: any false beats every unknown --------------------------------------
    (
        "prec_target_over_missing_time",
        {},
        {"occurred_at": "", "target": "civilian.education"},
        NV,
        "target_not_protected",
    ),
    (
        "prec_party_over_missing_target",
        {"bound": ["RU"]},
        {"perpetrator": "UA", "target": ""},
        NV,
        "party_not_bound",
    ),
    ("prec_area_over_missing_time", {}, {"occurred_at": "", **IN_POLAND}, NV, "outside_area"),
    ("prec_area_over_missing_perp", {}, {"perpetrator": "", **IN_POLAND}, NV, "outside_area"),
    (
        "prec_party_over_all_unknowns",
        {},
        {"occurred_at": "", "target": "", "perpetrator": "US", **NO_PLACE},
        NV,
        "party_not_bound",
    ),
    # --- precedence: unknown in the order time, target, perpetrator, place --------------
    (
        "prec_missing_time_over_target",
        {},
        {"occurred_at": "", "target": ""},
        U,
        "missing_time",
    ),
    (
        "prec_missing_target_over_perp",
        {},
        {"target": "", "perpetrator": ""},
        U,
        "missing_target",
    ),
    (
        "prec_missing_perp_over_place",
        {},
        {"perpetrator": "", **NO_PLACE},
        U,
        "missing_perpetrator",
    ),
    # --- exact boundaries: [starts, end) ------------------------------------------------
    (
        "second_before_start",
        {},
        {"occurred_at": "2025-03-18T13:59:59+00:00"},
        NV,
        "before_start",
    ),
    ("at_start", {}, {"occurred_at": "2025-03-18T14:00:00+00:00"}, V, "protected_target_in_window"),
    (
        "offset_converted",
        {},
        {"occurred_at": "2025-03-18T15:59:00+02:00"},
        NV,
        "before_start",
    ),
    ("at_end", {}, {"occurred_at": "2025-04-17T14:00:00+00:00"}, NV, "after_end"),
    (
        "second_before_end",
        {},
        {"occurred_at": "2025-04-17T13:59:59+00:00"},
        V,
        "protected_target_in_window",
    ),
    # --- day precision and local time zones ---------------------------------------------
    # UA 2025-03-18 (Kyiv, UTC+2) = 2025-03-17T22:00Z .. 2025-03-18T21:59:59Z
    (
        "ua_day_inside",
        {"starts": "2025-03-17T22:00:00+00:00"},
        {"occurred_at": "2025-03-18"},
        V,
        "protected_target_in_window",
    ),
    (
        "ua_day_straddles_start",
        {"starts": "2025-03-17T22:01:00+00:00"},
        {"occurred_at": "2025-03-18"},
        U,
        "missing_time",
    ),
    (
        "ua_day_starts_at_end",
        {
            "starts": "2025-03-10T00:00:00+00:00",
            "duration": None,
            "ends": "2025-03-17T22:00:00+00:00",
        },
        {"occurred_at": "2025-03-18"},
        NV,
        "after_end",
    ),
    (
        "ua_day_ends_before_end",
        {
            "starts": "2025-03-10T00:00:00+00:00",
            "duration": None,
            "ends": "2025-03-18T22:00:00+00:00",
        },
        {"occurred_at": "2025-03-18"},
        V,
        "protected_target_in_window",
    ),
    (
        "ua_day_straddle_target_not_protected",
        {"starts": "2025-03-17T22:01:00+00:00"},
        {"occurred_at": "2025-03-18", "target": "civilian.residential"},
        NV,
        "target_not_protected",
    ),
    # RU 2025-03-18 (Moscow, UTC+3) = 2025-03-17T21:00Z .. 2025-03-18T20:59:59Z
    (
        "ru_day_inside",
        {"starts": "2025-03-17T21:00:00+00:00"},
        {"occurred_at": "2025-03-18", **IN_BELGOROD},
        V,
        "protected_target_in_window",
    ),
    (
        "ru_day_straddles_kyiv_midnight",
        {"starts": "2025-03-17T22:00:00+00:00"},
        {"occurred_at": "2025-03-18", **IN_BELGOROD},
        U,
        "missing_time",
    ),
    # UA 2025-07-09 (Kyiv summer time, UTC+3) = 2025-07-08T21:00Z .. 2025-07-09T20:59:59Z
    (
        "kyiv_dst_day_before_start",
        {"starts": "2025-07-09T21:00:00+00:00"},
        {"occurred_at": "2025-07-09"},
        NV,
        "before_start",
    ),
    (
        "kyiv_dst_day_straddles_start",
        {"starts": "2025-07-08T21:01:00+00:00"},
        {"occurred_at": "2025-07-09"},
        U,
        "missing_time",
    ),
    # no country: any zone from UTC+14 to UTC-12 = 2025-03-17T10:00Z .. 2025-03-19T11:59:59Z
    (
        "no_country_day_straddles",
        {"area": [], "starts": "2025-03-18T00:00:00+00:00"},
        {"occurred_at": "2025-03-18", **NO_PLACE},
        U,
        "missing_time",
    ),
    (
        "no_country_day_inside",
        {"area": [], "starts": "2025-03-17T10:00:00+00:00"},
        {"occurred_at": "2025-03-18", **NO_PLACE},
        V,
        "protected_target_in_window",
    ),
    # --- protects / excludes ------------------------------------------------------------
    (
        "excludes_carves_subcode",
        {"protects": ["infrastructure"], "excludes": ["infrastructure.energy.oil"]},
        {"target": "infrastructure.energy.oil"},
        NV,
        "target_not_protected",
    ),
    (
        "excludes_leaves_sibling",
        {"protects": ["infrastructure"], "excludes": ["infrastructure.energy.oil"]},
        {"target": "infrastructure.energy.grid"},
        V,
        "protected_target_in_window",
    ),
    # A target code stands for any kind under it: when the version's lists protect some
    # of those kinds and not others, the list does not settle it (issue 19).
    (
        "excludes_leave_parent_unsettled",
        {"protects": ["infrastructure"], "excludes": ["infrastructure.energy.oil"]},
        {"target": "infrastructure.energy"},
        U,
        "missing_target",
    ),
    (
        "excludes_leave_sibling_protected",
        {"protects": ["infrastructure"], "excludes": ["infrastructure.energy.oil"]},
        {"target": "infrastructure.energy.gas"},
        V,
        "protected_target_in_window",
    ),
    ("parent_not_settled_by_child", {}, {"target": "infrastructure"}, U, "missing_target"),
    (
        "parent_not_settled_by_listed_kinds",
        {"protects": ["infrastructure.energy.oil.refining", "infrastructure.energy.grid"]},
        {"target": "infrastructure.energy.oil"},
        U,
        "missing_target",
    ),
    (
        "kind_left_off_the_list",
        {"protects": ["infrastructure.energy.oil.refining", "infrastructure.energy.grid"]},
        {"target": "infrastructure.energy.oil.production"},
        NV,
        "target_not_protected",
    ),
    (
        "unlisted_parent_with_nothing_listed_under_it",
        {"protects": ["infrastructure.energy.grid"]},
        {"target": "civilian"},
        NV,
        "target_not_protected",
    ),
    # --- areas --------------------------------------------------------------------------
    (
        "area_region_match_ignores_case_and_word",
        {"area": ["Belgorod Oblast"]},
        {"place": "Belgorod", "country": "RU", "region": "belgorod"},
        V,
        "protected_target_in_window",
    ),
    (
        "area_region_other",
        {"area": ["Belgorod Oblast"]},
        {"place": "Kursk", "country": "RU", "region": "Kursk Oblast"},
        NV,
        "outside_area",
    ),
    (
        "area_region_unknown",
        {"area": ["Belgorod Oblast"]},
        {"place": "", "country": "RU", "region": ""},
        U,
        "missing_place",
    ),
    ("area_country_not_listed", {"area": ["UA"]}, IN_BELGOROD, NV, "outside_area"),
    (
        "area_country_and_region",
        {"area": ["UA", "Belgorod Oblast"]},
        IN_BELGOROD,
        V,
        "protected_target_in_window",
    ),
    # --- windows: open-ended, ends:, calendar month -------------------------------------
    (
        "open_ended",
        {"duration": None},
        {"occurred_at": "2025-12-01T00:00:00+00:00"},
        V,
        "protected_target_in_window",
    ),
    (
        "ends_instead_of_duration",
        {"duration": None, "ends": "2025-03-20T00:00:00+00:00"},
        {"occurred_at": "2025-03-20T00:00:00+00:00"},
        NV,
        "after_end",
    ),
    (
        "p1m_after_30_days",
        {"duration": "P1M"},
        {"occurred_at": "2025-04-18T13:59:59+00:00"},
        V,
        "protected_target_in_window",
    ),
    ("p1m_end", {"duration": "P1M"}, {"occurred_at": "2025-04-18T14:00:00+00:00"}, NV, "after_end"),
]


@pytest.mark.parametrize(
    ("version", "incident", "verdict", "reason"),
    [pytest.param(v, i, verdict, reason, id=cid) for cid, v, i, verdict, reason in CASES],
)
def test_contract_case(
    request: pytest.FixtureRequest,
    version: dict[str, Any],
    incident: dict[str, str],
    verdict: str,
    reason: str,
) -> None:
    case_id = request.node.callspec.id
    agreement = parse_terms(terms_yaml(**version), file=f"{case_id}.yaml")
    parsed = parse_incident(record(case_id, **incident), now=NOW)

    rulings = list(rule([parsed], agreement.versions))

    assert len(rulings) == 1
    ruling = rulings[0]
    assert (ruling.verdict.value, ruling.reason.value) == (verdict, reason)
    explanation = ruling.explanation
    assert isinstance(explanation, str)
    assert explanation.strip()
    assert "\n" not in explanation.strip()
    assert VERSION_ID in explanation


def test_cases_are_unique_and_in_range() -> None:
    ids = [case[0] for case in CASES]
    assert len(ids) == len(set(ids))
    assert 30 <= len(CASES) <= 60
