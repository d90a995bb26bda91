"""Geocoding as a monitor sees it in `extract`'s records: phrasings of the kinds real
reports use (issue 17), not labelled evaluation items."""

from __future__ import annotations

from datetime import datetime

import pytest

from truce.domain import Report
from truce.extract import extract
from truce.geo import distance_km, resolve_place


def _records(text: str, alignment: str = "UA", source: str = "test source") -> list:  # type: ignore[type-arg]
    report = Report(
        id="r1",
        source=source,
        source_alignment=alignment,
        published=datetime.fromisoformat("2025-03-19T08:15:00+02:00"),
        text=text,
    )
    return extract(report)


def _near(record, town: str, km: float = 25.0) -> bool:  # type: ignore[no-untyped-def]
    place = resolve_place([town], cue=True)
    assert place is not None and place.lat is not None and place.lon is not None
    return (
        record.lat is not None and distance_km(record.lat, record.lon, place.lat, place.lon) <= km
    )


@pytest.mark.parametrize(
    ("text", "alignment", "town", "region"),
    [
        ("Ukrainian drones attacked the Glebovskoye gas field in Crimea.", "RU", "chornomorske",
         "Crimea"),
        ("Беспилотник атаковал Запорожскую АЭС, повреждён учебный центр.", "RU", "енергодар",
         "Zaporizhzhia Oblast"),
        ("A drone struck the Kursk nuclear power plant overnight.", "RU", "kurchatov",
         "Kursk Oblast"),
        ("Губернатор: на волгоградский НПЗ упал дрон, возник пожар.", "RU", "volgograd",
         "Volgograd Oblast"),
        ("ВСУ нанесли удар по Крымскому мосту, движение остановлено.", "RU", "kerch", "Crimea"),
    ],
)  # fmt: skip
def test_a_named_facility_is_placed_at_its_own_town(
    text: str, alignment: str, town: str, region: str
) -> None:
    records = _records(text, alignment)
    assert records and all(r.region == region for r in records), records
    assert all(_near(r, town) for r in records), records


def test_a_border_village_the_index_lacks_is_placed_in_its_district() -> None:
    text = (
        "ВСУ обстреляли три населённых пункта Курской области. Так, под огонь попала "
        "деревня Старая Николаевка Рыльского района, один снаряд попал в жилой дом."
    )
    records = _records(text, "RU")
    village = [r for r in records if r.place == "Staraya Nikolaevka"]
    assert village and village[0].region == "Kursk Oblast"
    assert _near(village[0], "рыльск", 1.0)


def test_a_hromada_is_placed_at_its_centre() -> None:
    records = _records("Уночі ворог атакував Славгородську громаду: пошкоджено склад.")
    assert records and all(r.region == "Dnipropetrovsk Oblast" for r in records)
    assert all(_near(r, "славгород", 1.0) for r in records), records


def test_an_organisation_named_after_a_man_is_no_place_far_away() -> None:
    for record in _records("A drone hit the Taras Shevchenko University in Kyiv."):
        assert record.country in ("UA", None), record


@pytest.mark.parametrize(
    "text",
    [
        "Окупанти обстріляли човен на Десні, загинув чоловік.",
        "Окупанти обстріляли правий берег Дніпра, пошкоджено будинок.",
        "Ворог атакував порти на Дунаї, пошкоджено зерносховище.",
    ],
)
def test_a_river_is_no_settlement(text: str) -> None:
    records = _records(text)
    assert records and all(r.place is None for r in records), records


def test_a_city_named_like_its_river_is_still_the_city() -> None:
    records = _records("Атака на Дніпро: пошкоджено будинок.")
    assert [r.place for r in records] == ["Dnipro"]


def test_a_village_named_with_its_raion_is_the_one_there() -> None:
    text = "Росіяни обстріляли Миколаївку Краматорського району, пошкоджено будинок."
    records = _records(text)
    assert len(records) == 1 and records[0].region == "Donetsk Oblast"
    assert _near(records[0], "словянськ", 25.0)  # Mykolaivka near Sloviansk


def test_a_village_named_with_its_hromada_is_the_one_there() -> None:
    text = "У с. Курганне Вільхуватської громади постраждала жінка після обстрілу."
    records = _records(text)
    assert [(r.place, r.region) for r in records] == [("Kurhanne", "Kharkiv Oblast")]


def test_a_mayors_unlisted_settlement_is_placed_at_the_city() -> None:
    records = _records(
        "В результате атаки БПЛА в поселке Мичурина ранена мирная жительница.",
        "RU",
        source="Horlivka city administration",
    )
    village = [r for r in records if r.place == "Michurin"]
    assert village and village[0].region == "Donetsk Oblast"
    assert _near(village[0], "горловка", 1.0)
