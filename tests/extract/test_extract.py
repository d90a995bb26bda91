"""`extract` on the kinds of text the issue names, in English, Ukrainian and Russian."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from truce.domain import TARGET_CODES, TimePrecision, is_perpetrator
from truce.extract import detect_language, extract, incidents_from_report

from .conftest import report


def test_english_overnight_drone_strike_on_a_substation() -> None:
    [record] = extract(
        report(
            "Overnight Russian drones struck an electrical substation near Sloviansk. Two people were injured."
        )
    )
    assert (record.place, record.region, record.country) == ("Sloviansk", "Donetsk Oblast", "UA")
    assert (record.perpetrator, record.target, record.weapon) == (
        "RU",
        "infrastructure.energy.grid",
        "drone",
    )
    assert (record.occurred_at, record.time_precision) == ("2025-03-18", "night")
    assert (record.killed, record.injured, record.geo_precision) == (None, 2, "settlement")
    assert record.lat is not None and 48 < record.lat < 49.5


def test_ukrainian_enemy_is_the_other_side_of_the_source() -> None:
    [record] = extract(
        report(
            "Уночі ворог атакував Слов'янськ ударними БпЛА. Пошкоджено електропідстанцію. Двоє людей дістали поранення."
        )
    )
    assert record.lang == "uk"
    assert (record.place, record.perpetrator, record.target) == (
        "Sloviansk",
        "RU",
        "infrastructure.energy.grid",
    )
    assert (record.occurred_at, record.time_precision, record.injured) == ("2025-03-18", "night", 2)
    assert record.place_mention == "Слов'янськ"


def test_russian_report_of_a_ukrainian_strike_on_belgorod() -> None:
    [record] = extract(
        report(
            "ВСУ обстреляли Белгород: повреждена подстанция, ранены два человека.",
            published="2025-03-19T10:00:00+03:00",
            alignment="RU",
        )
    )
    assert (record.place, record.region, record.country) == ("Belgorod", "Belgorod Oblast", "RU")
    assert (record.perpetrator, record.target, record.injured) == (
        "UA",
        "infrastructure.energy.grid",
        2,
    )


@pytest.mark.parametrize(
    ("text", "place", "region"),
    [
        ("Вчора російська ракета влучила в будинок у Харкові.", "Kharkiv", "Kharkiv Oblast"),
        ("Вчера в Харькове ракета попала в жилой дом.", "Kharkiv", "Kharkiv Oblast"),
        ("Ночью беспилотник атаковал нефтебазу под Кропоткином.", "Kropotkin", "Krasnodar Krai"),
        ("Уночі дрони атакували підстанцію на Чернігівщині.", None, "Chernihiv Oblast"),
        ("Ночью в Краснодарском крае беспилотник атаковал нефтебазу.", None, "Krasnodar Krai"),
        (
            "Уночі дрони атакували Кривий Ріг: пошкоджено підстанцію.",
            "Kryvyi Rih",
            "Dnipropetrovsk Oblast",
        ),
        ("Ночью ВСУ атаковали Горловку, повреждена школа.", "Horlivka", "Donetsk Oblast"),
    ],
)
def test_inflected_place_names_match(text: str, place: str | None, region: str) -> None:
    [record] = extract(report(text, alignment="media"))
    assert (record.place, record.region) == (place, region)


@pytest.mark.parametrize(
    "text",
    [
        "Delegations from the United States and Russia ended twelve hours of talks in Riyadh on Monday without a joint statement.",
        "Putin supported the proposal for Russia and Ukraine to mutually refrain from strikes on energy infrastructure for 30 days.",
        "Обмін полоненими: додому повернулися 45 захисників та ще 42 військових.",
        "Официальный представитель МИД заявила, что Россия не ведёт ударов по гражданским объектам и что все сообщения Киева о таких ударах являются провокациями.",
    ],
)
def test_talks_statements_and_denials_give_no_records(text: str) -> None:
    assert extract(report(text, alignment="media")) == []


def test_one_text_several_places_and_targets_gives_several_records() -> None:
    records = extract(
        report(
            "Overnight the Ukrainian Armed Forces attacked the region with drones. In Belgorod district a gas "
            "pipeline near the village of Razumnoye was damaged. In Shebekino a shop was hit. No one was injured.",
            published="2024-05-06T07:50:00+03:00",
            alignment="RU",
        )
    )
    got = {(r.place, r.target) for r in records}
    assert got == {("Razumnoye", "infrastructure.energy.gas"), ("Shebekino", "civilian.commercial")}
    assert all(
        r.perpetrator == "UA" and r.injured == 0 and r.occurred_at == "2024-05-05" for r in records
    )


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        (
            "Russian missiles hit a school in Sumy; eleven people were injured and two killed.",
            2,
            11,
        ),
        (
            "Уночі окупанти обстріляли Херсон, пошкоджено будинок. Загинули двоє людей, семеро поранені.",
            2,
            7,
        ),
        ("Ночью ВСУ атаковали Донецк, повреждён жилой дом. Погибли пятеро, ранены трое.", 5, 3),
        ("Уночі дрони атакували Одесу, пошкоджено склад. Постраждалих немає.", 0, 0),
        ("A Russian drone hit a house in Kherson overnight. A woman was injured.", None, 1),
        ("A Russian drone hit a house in Kherson overnight.", None, None),
    ],
)
def test_casualty_figures_and_number_words(
    text: str, killed: int | None, injured: int | None
) -> None:
    [record] = extract(report(text))
    assert (record.killed, record.injured) == (killed, injured)


@pytest.mark.parametrize(
    ("text", "published", "occurred_at", "precision"),
    [
        (
            "Вчера вечером ВСУ обстреляли Белгород, повреждён дом.",
            "2025-03-19T09:00:00+03:00",
            "2025-03-18",
            "part_of_day",
        ),
        (
            "В субботу ВСУ обстреляли Белгород, повреждён дом.",
            "2025-03-19T09:00:00+03:00",
            "2025-03-15",
            "day",
        ),
        (
            "Сьогодні вранці ворог обстріляв Херсон, пошкоджено будинок.",
            "2025-03-19T11:00:00+02:00",
            "2025-03-19",
            "part_of_day",
        ),
        (
            "On Friday a Russian missile hit a warehouse in Odesa.",
            "2025-03-19T11:00:00+02:00",
            "2025-03-14",
            "day",
        ),
        (
            "Близько 19:40 противник обстріляв з РСЗВ Куп'янськ, пошкоджено лікарню.",
            "2025-03-19T21:00:00+02:00",
            "2025-03-19T19:40:00+02:00",
            "minute",
        ),
        (
            "Минулої ночі ворог атакував Суми дронами, пошкоджено будинок.",
            "2025-03-19T08:00:00+02:00",
            "2025-03-18",
            "night",
        ),
        (
            "У ніч на 18 березня ворог атакував Суми дронами, пошкоджено будинок.",
            "2025-03-19T08:00:00+02:00",
            "2025-03-17",
            "night",
        ),
        ("A Russian drone hit a house in Sumy.", "2025-03-19T08:00:00+02:00", None, "none"),
    ],
)
def test_relative_times_resolve_against_publication(
    text: str, published: str, occurred_at: str | None, precision: str
) -> None:
    [record] = extract(report(text, published=published, alignment="media"))
    assert (record.occurred_at, record.time_precision) == (occurred_at, precision)


def test_incidents_carry_the_interval_their_precision_allows() -> None:
    [night] = incidents_from_report(
        report(
            "Уночі ворог атакував Слов'янськ ударними БпЛА. Пошкоджено підстанцію.",
            report_id="dn-1",
        )
    )
    assert night.id == "dn-1#1" and night.report_id == "dn-1"
    assert night.when.precision is TimePrecision.NIGHT
    # 18:00 on 18 March to 06:00 on 19 March, Kyiv time (UTC+2).
    assert night.when.earliest == datetime(2025, 3, 18, 16, 0, tzinfo=UTC)
    assert night.when.latest == datetime(2025, 3, 19, 3, 59, 59, tzinfo=UTC)
    [minute] = incidents_from_report(
        report(
            "Близько 19:40 противник обстріляв Куп'янськ, пошкоджено лікарню.",
            "2025-03-19T21:00:00+02:00",
        )
    )
    assert minute.when.earliest == minute.when.latest == datetime(2025, 3, 19, 17, 40, tzinfo=UTC)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Overnight Russian drones struck a substation.", "en"),
        ("Уночі російські дрони атакували електропідстанцію.", "uk"),
        ("ВСУ обстреляли Белгород: повреждена подстанция.", "ru"),
        ("Вчора дрони атакували Суми.", "uk"),
    ],
)
def test_language_is_told_by_its_letters(text: str, lang: str) -> None:
    assert detect_language(text) == lang


@settings(max_examples=60, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(list("abc АБВ іїє ыэ .,:;-'\n0123456789 Kyiv Харків удар drone")),
        max_size=200,
    )
)
def test_any_text_gives_valid_records(text: str) -> None:
    for incident in incidents_from_report(report(text or "x")):
        assert incident.target is None or incident.target in TARGET_CODES
        assert is_perpetrator(incident.perpetrator)
        if incident.when.earliest is not None:
            assert (
                incident.when.latest is not None and incident.when.earliest <= incident.when.latest
            )
