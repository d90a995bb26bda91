"""GeoContext: what the rest of a report says, gathered for the resolver."""

from __future__ import annotations

from truce.geo import GeoContext


def test_of_accepts_any_collection_and_drops_empty_names() -> None:
    context = GeoContext.of(regions=["Kursk Oblast", ""], nearby={"Sumy Oblast"}, countries=("RU",))
    assert context.regions == frozenset({"Kursk Oblast"})
    assert context.hinted == frozenset({"Sumy Oblast"})


def test_merged_keeps_both_sides_hints_and_the_later_constraint() -> None:
    a = GeoContext.of(within="Volyn Oblast", regions=["Volyn Oblast"], prefer="UA")
    b = GeoContext.of(regions=["Rivne Oblast"], source_regions=["Lviv Oblast"])
    merged = a.merged(b)
    assert merged.within == "Volyn Oblast" and merged.prefer == "UA"
    assert merged.regions == {"Volyn Oblast", "Rivne Oblast"}
    assert merged.hinted == {"Lviv Oblast"}
    assert a.merged(GeoContext.of(within="Rivne Oblast")).within == "Rivne Oblast"


def test_naming_adds_regions_and_leaves_the_original_alone() -> None:
    base = GeoContext()
    named = base.naming("Donetsk Oblast", None)
    assert named.regions == {"Donetsk Oblast"} and base.regions == frozenset()
