"""Component `drafts`: one record in the making per place × target."""

from __future__ import annotations

from .conftest import only


def _drafts(text: str) -> list[tuple[str | None, str | None]]:
    doc = only("drafts", text)
    return [(d.where.place.name if d.where.place else None, d.target) for d in doc.drafts]


def test_two_targets_of_one_place_are_two_drafts() -> None:
    assert _drafts("Ворог атакував Харків. Пошкоджено підстанцію та школу.") == [
        ("Kharkiv", "infrastructure.energy.grid"),
        ("Kharkiv", "civilian.education"),
    ]


def test_each_target_goes_with_the_place_of_its_clause() -> None:
    text = "A missile hit a supermarket in Kharkiv, killing two, and houses in Kupiansk."
    assert _drafts(text) == [
        ("Kharkiv", "civilian.commercial"),
        ("Kupiansk", "civilian.residential"),
    ]


def test_a_general_target_beside_a_specific_one_is_said_twice() -> None:
    text = "Russia struck energy infrastructure in Odesa; a substation was damaged."
    assert _drafts(text) == [("Odesa", "infrastructure.energy.grid")]


def test_a_target_where_people_were_killed_is_the_draft_s_target() -> None:
    # A sentence whose only strike words count the dead still says what was hit.
    assert _drafts("У Києві пошкоджено лікарню. Загинули двоє людей у лікарні.") == [
        ("Kyiv", "civilian.healthcare")
    ]
    assert _drafts("Two men were killed in a car near Kherson by a drone.") == [
        ("Kherson", "civilian.vehicle")
    ]


def test_targets_named_nowhere_are_hit_at_the_places_named_next() -> None:
    text = (
        "Drones attacked energy facilities overnight. "
        "The strikes caused damage in Belgorod and Kursk."
    )
    assert _drafts(text) == [
        ("Belgorod", "infrastructure.energy"),
        ("Kursk", "infrastructure.energy"),
    ]


def test_a_place_already_named_keeps_its_target() -> None:
    text = (
        "Russian drones attacked Mykolaiv overnight. "
        "Two people were killed in the attack on a residential block. "
        "Russian troops also shelled Ochakiv."
    )
    assert _drafts(text) == [("Mykolaiv", "civilian.residential"), ("Ochakiv", None)]


def test_a_kind_word_before_a_store_says_what_it_is() -> None:
    assert _drafts("У Херсоні ЗСУ влучили по військових складах.") == [("Kherson", "military")]


def test_whom_a_count_names_is_no_target_beside_a_strike_that_names_one() -> None:
    # "работников магазина" says who was hurt; the houses say what was hit.
    text = "Ракета попала в жилые дома в Херсоне. Ранены двое работников магазина."
    assert _drafts(text) == [("Kherson", "civilian.residential")]


def test_a_hospital_hit_is_a_target_and_one_the_hurt_were_taken_to_is_not() -> None:
    assert _drafts("8 июля Россия нанесла удар по Украине. В Киеве пострадала больница.") == [
        ("Kyiv", "civilian.healthcare")
    ]
    assert _drafts("A shell hit Kherson. A man was wounded and taken to the city hospital.") == [
        ("Kherson", None)
    ]
