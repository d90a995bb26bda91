"""Components `targets` and `weapons`: what was hit, and with what."""

from __future__ import annotations

import pytest

from .conftest import only


def _targets(text: str) -> list[str]:
    return [t.value for s in only("targets", text).sentences for t in s.targets]


def test_the_longest_phrase_names_the_target() -> None:
    assert _targets("Russian drones struck an oil depot and a school.") == [
        "infrastructure.energy.oil",
        "civilian.education",
    ]


def test_inflected_targets_are_found_by_lemma() -> None:
    assert _targets("Ворог атакував нафтобазу та підстанцію.") == [
        "infrastructure.energy.oil",
        "infrastructure.energy.grid",
    ]


def test_the_clause_saying_who_reported_is_no_target() -> None:
    text = "Two people were injured, the head of the regional military administration said."
    assert _targets(text) == []


def test_where_the_fire_came_from_is_no_target() -> None:
    assert _targets("The occupiers fired from residential areas.") == []


def test_a_town_named_like_a_church_is_no_target() -> None:
    assert "civilian.religious" not in _targets("У Білій Церкві пошкоджено підприємство.")


def test_weapons_are_found_with_their_kind() -> None:
    doc = only("weapons", "Shahed drones and a ballistic missile hit Odesa.")
    assert {w.value for s in doc.sentences for w in s.weapons} == {"drone", "ballistic missile"}


def test_a_target_word_inside_a_weapon_s_name_is_no_target() -> None:
    # "vehicle" in "unmanned aerial vehicle" is the weapon, the depot was hit.
    doc = only("weapons", "An unmanned aerial vehicle hit an oil depot.")
    assert [t.value for s in doc.sentences for t in s.targets] == ["infrastructure.energy.oil"]


def test_a_store_an_armed_force_owns_is_military() -> None:
    doc = only("actors", "Ракети влучили у склади ЗСУ під Харковом.")
    assert [t.value for s in doc.sentences for t in s.targets] == ["military"]
    doc = only("actors", "Уражено склад матеріально-технічного забезпечення окупантів.")
    assert [t.value for s in doc.sentences for t in s.targets] == ["military"]
    doc = only("actors", "Дрон влучив у склад у Харкові.")
    assert [t.value for s in doc.sentences for t in s.targets] == ["civilian.industrial"]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("A missile hit a military infrastructure facility near Lviv.", "military"),
        ("Shelling damaged a 330 kV high-voltage line.", "infrastructure.energy.grid"),
        ("Ракета зруйнувала піцерію в центрі міста.", "civilian.commercial"),
        ("Дрон атаковал фуру на трассе.", "civilian.vehicle"),
        ("Уламки впали на подвір'я.", "civilian.residential"),
    ],
)
def test_common_words_for_targets_are_known(text: str, code: str) -> None:
    assert _targets(text) == [code]


def test_the_body_that_informed_is_no_target() -> None:
    text = "The City Council informed on 27 February, 2023, that shells hit two houses."
    assert _targets(text) == ["civilian.residential"]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Ракета влучила в заклад освіти.", "civilian.education"),
        ("Дрони зруйнували базу відпочинку.", "civilian"),
        ("Снаряди прилетіли на територію полігону.", "military"),
    ],
)
def test_a_phrase_names_the_target_before_its_head_word(text: str, code: str) -> None:
    assert _targets(text) == [code]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Беспилотники атаковали завод «Лукойла».", "infrastructure.energy.oil"),
        ("Дрони атакували термінал компанії «Новатек».", "infrastructure.energy.gas"),
        ("Drones hit a Rosneft plant.", "infrastructure.energy.oil"),
        ("Drones hit a plant.", "civilian.industrial"),
    ],
)
def test_an_energy_company_s_name_says_what_a_general_target_is(text: str, code: str) -> None:
    assert _targets(text) == [code]


def test_areas_and_zones_of_a_kind_are_targets_of_that_kind() -> None:
    assert _targets("Fire in an industrial area of Kharkiv.") == ["civilian.industrial"]
    assert _targets("Shelling hit a commercial area.") == ["civilian.commercial"]


def test_a_fuel_store_is_an_oil_target_not_a_shop() -> None:
    assert _targets("Drones hit a fuel store in Azov.") == ["infrastructure.energy.oil"]


def test_an_observation_post_eliminated_is_a_military_target_struck() -> None:
    doc = only("negation", "Ukrainian forces eliminated a Russian observation post near Tokmak.")
    assert [(s.incident, [t.value for t in s.targets]) for s in doc.sentences] == [
        (True, ["military"])
    ]
