"""Keys on which spellings of one name meet."""

from __future__ import annotations

import pytest

from truce.geo.names import consonant_key, skeleton_key


@pytest.mark.parametrize(
    ("russian", "ukrainian"),
    [("горняк", "гірник"), ("новоселовка", "новоселівка"), ("збурьевка", "збурївка"),
     ("андреевка", "андріївка"), ("красногоровка", "красногорівка")],
)  # fmt: skip
def test_russian_and_ukrainian_forms_share_their_consonants(russian: str, ukrainian: str) -> None:
    assert consonant_key(russian) == consonant_key(ukrainian)


def test_different_names_keep_different_consonants() -> None:
    assert consonant_key("николаевка") != consonant_key("миколаївка")
    assert consonant_key("горловка") != consonant_key("гірник")


def test_skeleton_meets_ukrainian_and_russian_spellings_of_a_town() -> None:
    assert skeleton_key("новоросійськ") == skeleton_key("новороссийск")


def test_russian_sounds_made_ukrainian() -> None:
    from truce.geo.names import ukrainian_forms

    assert ukrainian_forms("николаевка") == ["миколаевка"]
    assert ukrainian_forms("счастье") == ["щастье"]
    assert ukrainian_forms("угледар") == ["вугледар"]
    assert ukrainian_forms("ульяновка") == []  # no prothesis: Ульянівка
