"""Component `places`: the settlement mentions of a sentence, and the words that make a
capitalised word none."""

from __future__ import annotations

from .conftest import only


def _mentions(text: str) -> list[str]:
    return [p.text for s in only("places", text).sentences for p in s.places]


def test_a_settlement_after_in_is_a_cued_mention() -> None:
    [sentence] = only("places", "Russian drones struck a substation in Kharkiv.").sentences
    [kharkiv] = sentence.places
    assert kharkiv.text == "Kharkiv" and kharkiv.cue and kharkiv.known


def test_a_region_is_no_settlement() -> None:
    assert _mentions("A drone hit a house in Kharkiv oblast.") == []


def test_an_officials_seat_is_marked() -> None:
    [sentence] = only("places", "A drone hit a house, the Belgorod governor said.").sentences
    assert [(p.text, p.official) for p in sentence.places] == [("Belgorod", True)]


def test_people_units_and_streets_are_no_places() -> None:
    assert _mentions("Олександр Казанський повідомив, що ворог обстріляв Нікополь.") == ["Нікополь"]
    assert "Азову" not in _mentions("Бійці «Азову» знищили склад у Бахмуті.")
    assert "Гоголя" not in _mentions("Дрон влучив у будинок на вулиці Гоголя.")


def test_a_two_word_name_is_one_mention() -> None:
    assert "Нова Каховка" in _mentions("Ворог обстріляв Нова Каховка.") or _mentions(
        "Ворог обстріляв Нову Каховку."
    ) == ["Нову Каховку"]


def test_a_village_after_selo_is_a_settlement_for_sure() -> None:
    [sentence] = only("places", "Ворог обстріляв село Козача Лопань.").sentences
    [village] = sentence.places
    assert village.named and village.text == "Козача Лопань"
