"""When two reports are one incident (issue 7): the rule and its near misses."""

from __future__ import annotations

import pytest

from truce.geo import distance_km
from truce.merge import family, footprint, match_score

from .conftest import report


def same(a: object, b: object) -> bool:
    return match_score(footprint(a), footprint(b)) is not None  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "changes",
    [
        {"place": "Харків"},
        {"place": "Kharkov", "occurred_at": "2025-03-20"},
        {"place": "Харьков", "occurred_at": "2025-03-19", "time_precision": "night"},
        {"place": None, "region": "Харківська область", "occurred_at": "2025-03-20"},
        {"place": None, "region": "Kharkiv region", "target": "infrastructure.energy"},
        {"occurred_at": "2025-03-20T05:00:00+02:00", "lat": "49.99", "lon": "36.23"},
        {"target": None, "occurred_at": None, "reported_at": "2025-03-20T20:00:00+02:00"},
        {"target": "infrastructure.energy.generation"},  # one family: energy
        {"perpetrator": "UA", "source_alignment": "RU"},  # each side blames the other
    ],
    ids=lambda c: ",".join(f"{k}={v}" for k, v in c.items()),
)
def test_accounts_of_one_strike_match(changes: dict[str, object]) -> None:
    assert same(report("a"), report("b", **changes))


@pytest.mark.parametrize(
    "changes",
    [
        {"target": "civilian.residential"},  # same town, same day, another target
        {"occurred_at": "2025-03-21"},  # same target the next day
        {"occurred_at": "2025-03-20T09:30:00+02:00"},  # five hours later
        {"place": "Chuhuiv"},  # a neighbouring town, 37 km away
        {"place": "Belgorod", "country": "RU"},  # another country
        {"place": None, "region": "Sumy Oblast"},  # another region
        {"occurred_at": None, "reported_at": "2025-03-23T09:00:00+02:00"},  # undated, days on
    ],
    ids=lambda c: ",".join(f"{k}={v}" for k, v in c.items()),
)
def test_near_misses_stay_apart(changes: dict[str, object]) -> None:
    assert not same(report("a"), report("b", **changes))


def test_places_of_one_name_far_apart_are_different() -> None:
    a = report("a", lat="49.98", lon="36.25")
    b = report("b", lat="48.5", lon="35.0")  # "Kharkiv" with coordinates 170 km away
    assert not same(a, b)


def test_a_region_only_report_reaches_every_town_in_it_but_no_other() -> None:
    region = report("r", place=None, region="Dnipropetrovsk Oblast", occurred_at="2025-03-20")
    assert same(region, report("k", place="Kryvyi Rih"))
    assert same(region, report("n", place="Nikopol"))
    assert not same(region, report("z", place="Zaporizhzhia"))


def test_a_report_naming_only_the_country_joins_nothing_more_precise() -> None:
    country = report("c", place=None, occurred_at="2025-03-20")
    assert not same(country, report("k"))


def test_families_and_distances() -> None:
    assert family("infrastructure.energy.grid") == "infrastructure.energy"
    assert family("military") == "military"
    assert distance_km(49.9818, 36.2548, 49.8359, 36.6857) == pytest.approx(35, abs=3)
