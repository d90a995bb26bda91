"""Component `incident`: which sentences report a strike; the report's confidence."""

from __future__ import annotations

from .conftest import only


def test_a_terse_description_of_a_strike_is_an_incident() -> None:
    doc = only("incident", "Strike on residential area.")
    assert [s.index for s in doc.incident] == [0] and not doc.closed


def test_a_cause_that_is_no_attack_closes_the_report() -> None:
    doc = only("incident", "The blast in Kharkiv was caused by a household gas leak.")
    assert doc.closed and doc.incident == []


def test_a_negated_strike_closes_the_report() -> None:
    assert only("incident", "No strike was reported in Kharkiv.").closed


def test_only_the_sentences_that_report_a_strike_are_kept() -> None:
    doc = only("incident", "The governor spoke at noon. Russian drones struck a depot in Azov.")
    assert [s.index for s in doc.incident] == [1]


def test_the_confidence_is_a_probability() -> None:
    doc = only("incident", "Russian drones struck a substation in Kharkiv.")
    assert 0.5 < doc.confidence <= 1.0


def test_an_explosion_at_a_named_place_is_an_incident() -> None:
    doc = only("incident", "Увечері в Одесі пролунав вибух.")
    assert [s.index for s in doc.incident] == [0]


def test_an_explosion_nowhere_named_is_none() -> None:
    assert only("incident", "An explosion was heard overnight.").incident == []


def test_explosions_in_a_report_of_air_defence_at_work_are_none() -> None:
    doc = only("incident", "В Одессе прогремели взрывы. Работает ПВО.")
    assert doc.incident == []


def test_an_attack_that_hit_nothing_and_hurt_no_one_is_none() -> None:
    text = "Дрони атакували ТЕЦ у Сумах. Пошкоджень немає, ніхто не постраждав."
    assert only("incident", text).incident == []


def test_an_attack_with_no_damage_but_a_wounded_man_is_an_incident() -> None:
    text = "Дрони атакували Суми. Пошкоджень немає, поранено чоловіка."
    assert only("incident", text).incident != []


def test_strikes_by_drones_in_an_agreement_are_none() -> None:
    text = "Соглашение распространяется на удары беспилотниками и военные действия на море."
    assert only("incident", text).incident == []


def test_a_strike_by_drones_is_an_incident() -> None:
    assert only("incident", "Ночью нанесли удар беспилотниками.").incident != []


def test_a_drone_that_fell_and_damaged_nothing_is_none() -> None:
    text = "У двір будинку в Києві впав безпілотник, вибуху та пошкоджень немає."
    assert only("incident", text).incident == []
