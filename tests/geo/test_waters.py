"""A river's name is the river where the words around it say so, a town elsewhere."""

from __future__ import annotations

import pytest

from truce.geo import names_water


@pytest.mark.parametrize(
    ("keys", "before", "after"),
    [
        (["десні", "десна"], ["човен", "на"], None),
        (["дунаї", "дунай"], ["порти", "на"], None),
        (["днепре", "днепр"], ["переправа", "на"], None),
        (["дніпра", "дніпро"], ["правий", "берег"], None),
        (["дніпра", "дніпро"], ["з", "лівобережжя"], None),
        (["dnipro"], ["across", "the"], "river"),
        (["danube"], ["on", "the"], None),
        (["сіверський донець"], ["переправу", "через"], None),
    ],
)  # fmt: skip
def test_the_river_is_meant(keys: list[str], before: list[str], after: str | None) -> None:
    assert names_water(keys, before, after)


@pytest.mark.parametrize(
    ("keys", "before"),
    [
        (["десні", "десна"], ["село", "у"]),  # the village of Desna
        (["дніпру", "дніпро"], ["удар", "по"]),  # a strike on the city
        (["дніпро", "дніпро"], ["атака", "на"]),  # "на" with the accusative: the city
        (["самару", "самара"], ["атака", "на"]),
        (["дніпром", "дніпро"], ["збили", "над"]),  # shot down over the city
        (["харкові", "харків"], ["човен", "на"]),  # no river's name
    ],
)  # fmt: skip
def test_the_town_is_meant(keys: list[str], before: list[str]) -> None:
    assert not names_water(keys, before, None)
