"""The vectorised engine against a per-pair reference written straight from CONTRACTS §1."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from truce.domain import (
    TARGET_CODES,
    Incident,
    Reason,
    TermsVersion,
    Verdict,
    covers,
    region_key,
)
from truce.rules import IncidentFrame, TimeState, Truth, decide, rule

from ..conftest import make_incident, make_version
from .strategies import incident_lists, versions


def reference(incident: Incident, version: TermsVersion) -> Reason:
    """One pair at a time, in plain Python, for comparison only."""
    when, end = incident.when, version.window_end
    if when.earliest is None or when.latest is None:
        time = TimeState.UNKNOWN
    elif when.latest < version.starts:
        time = TimeState.BEFORE
    elif end is not None and when.earliest >= end:
        time = TimeState.AFTER
    elif when.earliest >= version.starts and (end is None or when.latest < end):
        time = TimeState.INSIDE
    else:
        time = TimeState.UNKNOWN
    if incident.target is None:
        target = Truth.UNKNOWN
    else:
        # The target stands for any code under it: protected when every such code is
        # listed, not when none is, unknown when the lists split them.
        listed = {
            any(covers(p, code) for p in version.protects)
            and not any(covers(e, code) for e in version.excludes)
            for code in TARGET_CODES
            if covers(incident.target, code)
        }
        target = Truth.UNKNOWN if len(listed) == 2 else Truth(listed.pop())
    party = (
        Truth.UNKNOWN
        if incident.perpetrator == "unknown"
        else Truth(incident.perpetrator in version.bound)
    )
    countries = {a for a in version.area if len(a) == 2 and a.isupper()}
    regions = {region_key(a) for a in version.area} - {region_key(c) for c in countries}
    if (
        not version.area
        or incident.country in countries
        or (incident.region is not None and region_key(incident.region) in regions)
    ):
        area = Truth.TRUE
    elif (
        (incident.country is None and incident.region is None)
        or (incident.region is None and regions)
        or (incident.country is None and countries)
    ):
        area = Truth.UNKNOWN
    else:
        area = Truth.FALSE
    return decide(time, target, party, area)


@settings(max_examples=300, deadline=None)
@given(incident_lists, st.lists(versions(), min_size=1, max_size=3))
def test_engine_matches_the_reference(incidents: list[Incident], terms: list[TermsVersion]) -> None:
    terms = [replace(v, id=f"v{k}") for k, v in enumerate(terms)]
    rulings = list(rule(incidents, terms))
    expected = [(i.id, v.id, reference(i, v)) for i in incidents for v in terms]
    assert [(r.incident, r.version, r.reason) for r in rulings] == expected
    assert all(r.verdict is r.reason.verdict for r in rulings)


def test_decide_precedence() -> None:
    T, F, U = Truth.TRUE, Truth.FALSE, Truth.UNKNOWN
    inside, before, unknown = TimeState.INSIDE, TimeState.BEFORE, TimeState.UNKNOWN
    assert decide(inside, T, T, T) is Reason.PROTECTED_TARGET_IN_WINDOW
    assert decide(before, F, F, F) is Reason.BEFORE_START
    assert decide(TimeState.AFTER, U, U, U) is Reason.AFTER_END
    assert decide(unknown, F, U, U) is Reason.TARGET_NOT_PROTECTED
    assert decide(unknown, U, F, U) is Reason.PARTY_NOT_BOUND
    assert decide(unknown, U, U, F) is Reason.OUTSIDE_AREA
    assert decide(unknown, U, U, U) is Reason.MISSING_TIME
    assert decide(inside, U, U, U) is Reason.MISSING_TARGET
    assert decide(inside, T, U, U) is Reason.MISSING_PERPETRATOR
    assert decide(inside, T, T, U) is Reason.MISSING_PLACE


def test_tallies_count_verdicts_per_version_and_party() -> None:
    incidents = [
        make_incident(id="a"),  # violation by RU
        make_incident(id="b", perpetrator="UA", target="military"),  # no violation by UA
        make_incident(id="c", perpetrator="unknown"),  # undetermined
    ]
    tallies = rule(incidents, [make_version(id="k")]).tallies()
    assert tallies[("k", "RU")][Verdict.VIOLATION] == 1
    assert tallies[("k", "UA")][Verdict.NO_VIOLATION] == 1
    assert tallies[("k", "unknown")][Verdict.UNDETERMINED] == 1
    assert sum(sum(c.values()) for c in tallies.values()) == 3


def test_explanations_name_target_instant_window_and_reason() -> None:
    incident = make_incident(target_detail="substation", occurred_at="2025-03-18T22:00:00+02:00")
    (ruling,) = rule([incident], [make_version(id="kremlin")])
    assert ruling.verdict is Verdict.VIOLATION
    text = ruling.explanation
    assert "infrastructure.energy.grid (substation)" in text
    assert "2025-03-18 20:00 UTC" in text
    assert "'kremlin' window 2025-03-18 14:00 UTC to 2025-04-17 14:00 UTC" in text
    assert "\n" not in text


def test_frame_from_no_incidents() -> None:
    rulings = rule([], [make_version()])
    assert list(rulings) == []
    assert rulings.tallies() == {}
    assert len(IncidentFrame.from_incidents([])) == 0


def test_versions_compare_on_the_same_incident() -> None:
    incident = make_incident(target="infrastructure.transport", occurred_at="2025-03-20T10:00:00Z")
    energy = make_version(id="energy", protects="[infrastructure.energy]")
    everything = make_version(id="all", protects="[infrastructure]", duration=None)
    verdicts = {r.version: r.reason for r in rule([incident], [energy, everything])}
    assert verdicts == {
        "energy": Reason.TARGET_NOT_PROTECTED,
        "all": Reason.PROTECTED_TARGET_IN_WINDOW,
    }
    assert datetime(2025, 3, 20, 10, tzinfo=UTC) == incident.when.earliest


def test_explanations_name_coarser_precisions() -> None:
    from truce.domain import Occurrence, TimePrecision

    night = Occurrence(
        TimePrecision.NIGHT,
        datetime(2025, 3, 18, 16, tzinfo=UTC),
        datetime(2025, 3, 19, 3, 59, 59, tzinfo=UTC),
        "2025-03-18",
    )
    incident = replace(make_incident(), when=night)
    (ruling,) = rule([incident], [make_version(id="kremlin")])
    assert ruling.reason is Reason.PROTECTED_TARGET_IN_WINDOW  # the whole night is inside
    assert "(night: 2025-03-18 16:00 UTC to 2025-03-19 03:59:59 UTC)" in ruling.explanation
