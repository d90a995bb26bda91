"""Hypothesis strategies for incidents and versions, drawn through the real readers."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from hypothesis import strategies as st

from truce.domain import TARGET_CODES, Incident, TermsVersion
from truce.incidents import parse_incident

NOW = datetime(2026, 1, 1, tzinfo=UTC)
BASE = datetime(2025, 3, 18, 14, tzinfo=UTC)
REGIONS = [None, "Belgorod Oblast", "Kharkiv Oblast", "Black Sea"]
AREAS: list[tuple[str, ...]] = [
    (),
    ("UA",),
    ("UA", "RU"),
    ("Belgorod Oblast",),
    ("RU", "Black Sea"),
]

instants = st.integers(-10 * 86400, 40 * 86400).map(lambda s: BASE + timedelta(seconds=s))
occurred = st.one_of(
    st.just(""),
    st.integers(-10, 40).map(lambda d: (date(2025, 3, 18) + timedelta(days=d)).isoformat()),
    instants.map(lambda t: t.isoformat()),
)


@st.composite
def incidents(draw: st.DrawFn, ident: str = "i") -> Incident:
    return parse_incident(
        {
            "id": ident,
            "occurred_at": draw(occurred),
            "country": draw(st.sampled_from(["UA", "RU", "PL", ""])),
            "region": draw(st.sampled_from(REGIONS)),
            "perpetrator": draw(st.sampled_from(["RU", "UA", "BY", "unknown"])),
            "target": draw(st.sampled_from([*TARGET_CODES, ""])),
        },
        now=NOW,
    )


incident_lists = st.lists(st.integers(0, 10**6), min_size=1, max_size=25, unique=True).flatmap(
    lambda ids: st.tuples(*(incidents(ident=f"i{k}") for k in ids)).map(list)
)

codes = st.sampled_from(TARGET_CODES)


@st.composite
def versions(draw: st.DrawFn, ident: str = "v") -> TermsVersion:
    duration = draw(st.sampled_from([None, "P30D", "PT12H", "P1M"]))
    return TermsVersion(
        id=ident,
        according_to="RU",
        bound=tuple(draw(st.lists(st.sampled_from(["RU", "UA", "BY"]), unique=True))),
        protects=tuple(draw(st.lists(codes, min_size=1, max_size=3, unique=True))),
        excludes=tuple(draw(st.lists(codes, max_size=2, unique=True))),
        area=draw(st.sampled_from(AREAS)),
        starts=draw(instants),
        duration=duration,
    )
