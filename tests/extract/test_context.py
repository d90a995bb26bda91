"""What the rest of a report, and its source, tell about one incident: the capital as a
place or an actor, names in their case forms, background and tallies that are no news,
totals that belong to no single record, and the source's own city or region."""

from __future__ import annotations

from dataclasses import replace

import pytest

from truce.extract import extract

from .conftest import report


def places(text: str, **kwargs: str | None) -> set[str | None]:
    return {r.place for r in extract(report(text, **kwargs))}


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Overnight Russian drones struck Kyiv, damaging a residential building.", "Kyiv"),
        ("Уночі у Покровському ворожий дрон влучив у житловий будинок.", "Pokrovske"),
        ("Уночі у Синельникові ворожий дрон влучив у житловий будинок.", "Synelnykove"),
        ("Ночью в Каменске-Шахтинском обломками повреждена линия электропередачи.", "Kamensk-Shakhtinsky"),
        ("Ночью над Лисками обломками повреждены железнодорожные пути.", "Liski"),
        ("Сьогодні зранку росіяни вдарили ракетами по Горішніх Плавнях, пошкоджено цех.", "Horishni Plavni"),
    ],
)  # fmt: skip
def test_place_names_in_their_forms(text: str, place: str) -> None:
    assert places(text) == {place}


def test_kyiv_attacking_is_an_actor_and_struck_a_place() -> None:
    [record] = extract(report("Kyiv attacked Belgorod with drones overnight, damaging a house."))
    assert (record.place, record.perpetrator) == ("Belgorod", "UA")


def test_an_administration_is_no_city() -> None:
    texts = (
        "Посадові особи Харківської ОВА повідомили, що сьогодні о 14:00 росіяни завдали удару"
        " КАБом по Мерефі. Зруйновано будівлю ліцею."
    )
    assert places(texts, alignment="media") == {"Merefa"}


@pytest.mark.parametrize(
    "text",
    [
        "Прокурори повідомили про підозру командиру, який віддав наказ на ракетний удар по "
        "вокзалу в Краматорську 8 квітня 2022 року. Тоді загинули 61 людина.",
        "In September 2024, at least 208 civilians were killed and 1,220 injured in Ukraine.",
        "A gas explosion destroyed two flats in Ternopil this morning. The cause was a leak "
        "from a household gas stove.",
        "Repair crews restored power to 40,000 homes in Odesa after last week's attack.",
        "Over the past week Russian forces launched 1,200 glide bombs at Ukraine, Zelensky said.",
    ],
)
def test_background_tallies_and_accidents_are_no_incidents(text: str) -> None:
    assert extract(report(text, published="2024-10-09T13:00:00+03:00")) == []


def test_a_toll_after_two_targets_belongs_to_neither() -> None:
    records = extract(
        report(
            "This morning the enemy hit the centre of Sumy with two ballistic missiles. One hit"
            " a trolleybus, the second struck the congress centre of the university. The toll"
            " now stands at 34 killed and 117 injured."
        )
    )
    assert {(r.target, r.killed, r.injured) for r in records} == {
        ("civilian.vehicle", None, None),
        ("civilian.education", None, None),
    }


def test_no_one_injured_is_zero_and_no_information_is_none() -> None:
    [zero] = extract(report("A shell hit a kindergarten in Kupiansk. No one had been injured."))
    [unknown] = extract(
        report("Уночі ворог вдарив по газовидобувному об'єкту на Полтавщині. Інформації про"
               " постраждалих поки немає.")
    )  # fmt: skip
    assert (zero.killed, zero.injured) == (0, 0)
    assert (unknown.killed, unknown.injured) == (None, None)


def test_a_citys_own_source_places_its_posts() -> None:
    base = report(
        "В ночь на субботу в результате обстрела со стороны ВСУ повреждён газопровод на"
        " улице Горького. Жертв нет.",
        alignment="RU",
    )
    [record] = extract(replace(base, source="Администрация города Горловки"))
    assert (record.place, record.region, record.country) == ("Horlivka", "Donetsk Oblast", "UA")


def test_the_sources_region_settles_a_shared_name() -> None:
    base = report("Вчора ввечері росіяни атакували Семенівку, пошкоджено будівлю селищної ради.")
    [record] = extract(replace(base, source="Чернігівська обласна військова адміністрація"))
    assert record.region == "Chernihiv Oblast"
