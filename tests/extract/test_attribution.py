"""Component `attribution`: who struck, for the report and each draft."""

from __future__ import annotations

from .conftest import only


def _perpetrators(text: str, alignment: str | None) -> list[str]:
    return [d.perpetrator for d in only("attribution", text, alignment=alignment).drafts]


def test_the_enemy_is_the_other_side_of_the_source() -> None:
    assert _perpetrators("Ворог атакував Суми ударними БпЛА. Пошкоджено підстанцію.", "UA") == [
        "RU"
    ]
    text = "Противник атаковал Белгород беспилотниками. Повреждена подстанция."
    assert _perpetrators(text, "RU") == ["UA"]


def test_a_named_force_is_the_attacker_whatever_the_source() -> None:
    assert _perpetrators("Russian forces shelled Kherson, damaging a school.", "media") == ["RU"]


def test_the_owner_of_the_target_implies_the_other_side() -> None:
    text = "Бійці «Азову» знищили склади з боєприпасами окупантів у Бахмуті."
    assert _perpetrators(text, "media") == ["UA"]


def test_the_weapon_of_the_draft_is_named() -> None:
    doc = only("attribution", "Russian drones struck a substation in Kharkiv.")
    assert [d.weapon for d in doc.drafts] == ["drone"]
