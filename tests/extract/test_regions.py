"""Component `regions`: regions named, and a country named as where."""

from __future__ import annotations

from .conftest import only


def _regions(text: str) -> set[str]:
    return {r.region.name for s in only("regions", text).sentences for r in s.regions}


def test_an_oblast_named_in_english() -> None:
    assert _regions("Drones attacked Kharkiv oblast overnight.") == {"Kharkiv Oblast"}


def test_several_regions_share_one_region_word() -> None:
    text = "Ворог обстріляв громади у Запорізькій, Донецькій та Кіровоградській областях."
    assert _regions(text) == {"Zaporizhzhia Oblast", "Donetsk Oblast", "Kirovohrad Oblast"}


def test_a_country_named_as_where() -> None:
    [sentence] = only("regions", "Strikes continue in Ukraine.").sentences
    assert sentence.country == "UA"
    [russia] = only("regions", "Удары наносятся по России.").sentences
    assert russia.country == "RU"
