"""Component `geocode`: each mention's place, with the report's context."""

from __future__ import annotations

from .conftest import only


def _located(text: str, **kwargs: object) -> list[tuple[str | None, str | None]]:
    doc = only("geocode", text, **kwargs)  # type: ignore[arg-type]
    return [
        (loc.place.name if loc.place else None, loc.region.name if loc.region else None)
        for locs in doc.located.values()
        for loc in locs
    ]


def test_a_region_named_after_the_place_decides_the_homonym() -> None:
    assert _located("A drone hit a house in Dubove, Volyn Oblast.") == [("Dubove", "Volyn Oblast")]


def test_a_village_near_a_town_is_in_the_towns_region() -> None:
    assert _located("Росіяни обстріляли Ягідне під Бахмутом.") == [("Yahidne", "Donetsk Oblast")]


def test_the_first_place_named_is_the_reports_own() -> None:
    doc = only("geocode", "Ворог атакував Харків. Пошкоджено підстанцію.")
    assert doc.default is not None and doc.default.place is not None
    assert doc.default.place.name == "Kharkiv"


def test_a_region_alone_is_the_reports_own_place() -> None:
    doc = only("geocode", "Russian drones struck a substation in Kharkiv oblast.")
    assert doc.default is not None and doc.default.place is None
    assert doc.default.region is not None and doc.default.region.name == "Kharkiv Oblast"
