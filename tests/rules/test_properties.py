"""Properties the rules engine must keep whatever the data (CONTRACTS §1)."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from truce.domain import TARGET_CODES, Incident, Reason, TermsVersion, Verdict, day_bounds
from truce.incidents import parse_incident
from truce.rules import rule

from .strategies import NOW, codes, incident_lists, instants, versions


def verdicts(incidents: list[Incident], version: TermsVersion) -> dict[str, Verdict]:
    return {r.incident: r.verdict for r in rule(incidents, [version])}


@settings(max_examples=200, deadline=None)
@given(incident_lists, versions(), st.lists(codes, min_size=1, max_size=3))
def test_widening_protects_never_removes_a_violation(
    incidents: list[Incident], version: TermsVersion, extra: list[str]
) -> None:
    wider = replace(version, protects=version.protects + tuple(extra))
    before, after = verdicts(incidents, version), verdicts(incidents, wider)
    for incident_id, verdict in before.items():
        if verdict is Verdict.VIOLATION:
            assert after[incident_id] is Verdict.VIOLATION


@settings(max_examples=200, deadline=None)
@given(incident_lists, versions(), codes)
def test_adding_an_exclude_never_adds_a_violation(
    incidents: list[Incident], version: TermsVersion, carve_out: str
) -> None:
    narrower = replace(version, excludes=(*version.excludes, carve_out))
    before, after = verdicts(incidents, version), verdicts(incidents, narrower)
    for incident_id, verdict in after.items():
        if verdict is Verdict.VIOLATION:
            assert before[incident_id] is Verdict.VIOLATION


def _at(instant_iso: str, **fields: str) -> Incident:
    record = {"id": "x", "occurred_at": instant_iso, "country": "UA", "perpetrator": "RU"}
    record.update(fields)
    return parse_incident(record, now=NOW)


@settings(max_examples=200, deadline=None)
@given(versions(), st.sampled_from(TARGET_CODES))
def test_one_second_before_starts_and_at_starts(version: TermsVersion, target: str) -> None:
    version = replace(version, bound=("RU",), area=())
    before = _at((version.starts - timedelta(seconds=1)).isoformat(), target=target)
    at_start = _at(version.starts.isoformat(), target=target)
    (ruled_before,) = rule([before], [version])
    (ruled_at,) = rule([at_start], [version])
    assert ruled_before.reason is Reason.BEFORE_START
    assert ruled_at.reason in (
        Reason.PROTECTED_TARGET_IN_WINDOW,
        Reason.TARGET_NOT_PROTECTED,
        Reason.MISSING_TARGET,
    )
    end = version.window_end
    if end is not None:
        (at_end,) = rule([_at(end.isoformat(), target=target)], [version])
        (just_inside,) = rule(
            [_at((end - timedelta(seconds=1)).isoformat(), target=target)], [version]
        )
        assert at_end.reason is Reason.AFTER_END
        assert just_inside.reason is ruled_at.reason


@settings(max_examples=200, deadline=None)
@given(instants, st.sampled_from(["UA", "RU", "PL", ""]), st.sampled_from([None, "P30D", "P1M"]))
def test_a_day_straddling_a_boundary_is_missing_time(
    starts: datetime, country: str, duration: str | None
) -> None:
    version = TermsVersion(
        id="v", according_to="RU", bound=("RU",), protects=("infrastructure",),
        starts=starts, duration=duration,
    )  # fmt: skip
    end = version.window_end
    for boundary in [version.starts, *([end] if end else [])]:
        utc_day = boundary.date()
        for day in (utc_day - timedelta(days=1), utc_day, utc_day + timedelta(days=1)):
            first, last = day_bounds(day, country or None)
            if first < boundary <= last:
                incident = _at(day.isoformat(), country=country, target="infrastructure.energy")
                (ruling,) = rule([incident], [version])
                assert ruling.reason is Reason.MISSING_TIME, ruling.explanation
