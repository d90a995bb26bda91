"""Named facilities: found in text in any case form, placed at their host settlement."""

from __future__ import annotations

import pytest

from truce.geo import distance_km, find_facilities, gazetteer, resolve_place
from truce.geo.facilities import facility_rows


@pytest.mark.parametrize(
    ("text", "facility", "region"),
    [
        ("The training centre of the Zaporizhzhia Nuclear Power Plant was struck",
         "Zaporizhzhia Nuclear Power Plant", "Zaporizhzhia Oblast"),
        ("Беспилотник атаковал Запорожскую АЭС.", "Zaporizhzhia Nuclear Power Plant",
         "Zaporizhzhia Oblast"),
        ("Росіяни обстріляли Запорізьку АЕС", "Zaporizhzhia Nuclear Power Plant",
         "Zaporizhzhia Oblast"),
        ("ВСУ нанесли удар по Крымскому мосту.", "Crimean Bridge", "Crimea"),
        ("Ukrainian drones attacked the Glebovskoye gas field", "Glebovskoye Gas Field",
         "Crimea"),
        ("На волгоградский НПЗ упал дрон", "Volgograd Oil Refinery", "Volgograd Oblast"),
        ("a strike on the Saratov refinery", "Saratov Oil Refinery", "Saratov Oblast"),
        ("атаковали ГИС «Суджа»", "Sudzha Gas Metering Station", "Kursk Oblast"),
        ("A drone struck the Kursk nuclear power plant.", "Kursk Nuclear Power Plant",
         "Kursk Oblast"),
    ],
)  # fmt: skip
def test_a_facility_named_in_any_case_form_is_found_and_placed(
    text: str, facility: str, region: str
) -> None:
    found = find_facilities(text)
    assert len(found) == 1
    (place,) = gazetteer().lookup(found[0].key)
    assert place.facility == facility and place.region == region
    assert text[found[0].start : found[0].end] == found[0].text


def test_the_zaporizhzhia_plant_is_at_enerhodar_not_in_the_city() -> None:
    (found,) = find_facilities("удар по Запорізькій АЕС")
    place = resolve_place([found.key], cue=True)
    city = resolve_place(["запоріжжя"], cue=True)
    assert place is not None and place.name == "Enerhodar" and place.approximate
    assert place.lat is not None and place.lon is not None
    assert city is not None and city.lat is not None and city.lon is not None
    assert distance_km(place.lat, place.lon, city.lat, city.lon) > 40


def test_words_that_only_look_alike_are_no_facility() -> None:
    assert find_facilities("кримські міста і Zaporizhzhia city") == []
    assert find_facilities("удар по Крымскому мосту и Керченскому мосту")[1].key == (
        "crimean bridge"
    )


def test_every_listed_facility_has_a_host_in_its_region() -> None:
    for row in facility_rows():
        (place,) = gazetteer().lookup(row.key)
        assert place.region == row.host_region and place.lat is not None, row.name


def test_the_port_of_pivdennyi_is_at_pivdenne_but_southern_ports_are_no_port() -> None:
    (found,) = find_facilities("Ворог атакував порт «Південний» на Одещині")
    (place,) = gazetteer().lookup(found.key)
    assert place.name == "Pivdenne" and place.region == "Odesa Oblast"
    assert find_facilities("удари по портах Південної України") == []
    assert find_facilities("атаки на порти Південної Одещини") == []
