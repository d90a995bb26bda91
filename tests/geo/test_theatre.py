"""How far from the war a place lies decides whether a bare name may mean it."""

from __future__ import annotations

from truce.geo import Place, gazetteer, resolve_place
from truce.geo.theatre import deep, far, out_of_reach, theatre_km


def _place(name: str, country: str) -> Place:
    place = gazetteer().place(name, country)
    assert place is not None
    return place


def test_ukraine_and_its_borders_are_in_the_theatre() -> None:
    for name, country in (("Kharkiv", "UA"), ("Belgorod", "RU"), ("Sevastopol", "UA")):
        place = _place(name, country)
        assert not far(place) and not out_of_reach(place) and not deep(place)
        assert (theatre_km(place) or 0) < 300


def test_a_large_city_beyond_the_urals_stays_reachable_a_village_there_does_not() -> None:
    tyumen = _place("Tyumen", "RU")
    assert far(tyumen) and not out_of_reach(tyumen)
    village = Place("Yagodnoye", 62.52, 149.62, "RU", None, 3000)  # Magadan's Ягодное
    assert out_of_reach(village)


def test_foreign_cities_within_reach_and_beyond() -> None:
    assert not out_of_reach(_place("Warsaw", "PL"))
    # A drone that falls near a Romanian town is reported in Ukraine's war.
    assert out_of_reach(_place("Tulcea", "RO"))
    assert out_of_reach(Place("Taraz", 42.9, 71.37, "KZ", None, 358153))


def test_the_gazetteer_holds_no_place_far_from_the_war() -> None:
    assert not any(
        far(p) and p.population < 300_000 and p.country == "RU" for p in gazetteer().places
    )
    assert all((theatre_km(p) or 0) <= 1500 for p in gazetteer().places if p.country == "KZ")
    # "Taras Shevchenko University": Taras is no town at all.
    assert resolve_place(["taras"], cue=True) is None
