"""How far from the war a place lies decides whether a bare name may mean it."""

from __future__ import annotations

from truce.geo import gazetteer
from truce.geo.theatre import deep, far, out_of_reach, theatre_km


def _place(name: str, country: str):  # type: ignore[no-untyped-def]
    place = gazetteer().place(name, country)
    assert place is not None
    return place


def test_ukraine_and_its_borders_are_in_the_theatre() -> None:
    for name, country in (("Kharkiv", "UA"), ("Belgorod", "RU"), ("Sevastopol", "UA")):
        place = _place(name, country)
        assert not far(place) and not out_of_reach(place) and not deep(place)
        assert (theatre_km(place) or 0) < 300


def test_a_large_city_beyond_the_urals_stays_reachable_a_village_there_does_not() -> None:
    assert far(_place("Tyumen", "RU")) and not out_of_reach(_place("Tyumen", "RU"))
    small = next(
        p
        for p in gazetteer().places
        if p.country == "RU" and p.lon and p.lon > 100 and p.population < 5000
    )
    assert out_of_reach(small)


def test_foreign_towns_within_reach_and_beyond() -> None:
    assert not out_of_reach(_place("Rzeszów", "PL"))
    assert out_of_reach(_place("Taraz", "KZ"))
