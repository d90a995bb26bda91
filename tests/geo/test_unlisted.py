"""Villages the index lacks, placed at the centre of the district the report names."""

from __future__ import annotations

from truce.geo import distance_km, district_centre, gazetteer, resolve_place, unlisted_place


def test_a_district_adjective_names_its_centre() -> None:
    rylsk = district_centre(["рыльский", "рыльск"])
    assert rylsk is not None and rylsk.name == "Rylsk" and rylsk.region == "Kursk Oblast"


def test_an_unlisted_village_goes_to_its_district_centre_flagged_approximate() -> None:
    kursk = gazetteer().regions_by_name["Kursk Oblast"]
    rylsk = district_centre(["рыльск"])
    assert rylsk is not None
    place = unlisted_place("Staraya Nikolaevka", kursk, [rylsk])
    assert place.name == "Staraya Nikolaevka" and place.approximate
    assert (place.lat, place.lon, place.region) == (rylsk.lat, rylsk.lon, "Kursk Oblast")


def test_without_one_district_in_its_region_it_gets_no_point() -> None:
    kursk = gazetteer().regions_by_name["Kursk Oblast"]
    pogar = district_centre(["погар"])  # Bryansk Oblast
    rylsk = district_centre(["рыльск"])
    glushkovo = district_centre(["глушково"])
    assert pogar is not None and rylsk is not None and glushkovo is not None
    assert unlisted_place("Urusy", kursk, [pogar]).lat is None
    assert unlisted_place("Urusy", kursk, [rylsk, glushkovo]).lat is None
    assert unlisted_place("Urusy", None, []).lat is None


def test_a_facility_or_an_approximate_village_is_no_district_centre() -> None:
    assert district_centre(["zaporizhzhia nuclear power plant"]) is None
    enerhodar = resolve_place(["енергодар"], cue=True)
    assert enerhodar is not None and district_centre(["енергодар"]) == enerhodar
    assert enerhodar.lat is not None and enerhodar.lon is not None
    assert distance_km(enerhodar.lat, enerhodar.lon, 47.5, 34.65) < 10


def test_a_district_named_after_a_town_in_ka_finds_it() -> None:
    # "село Новая Погощь Суземского района": Suzemka, Bryansk Oblast.
    suzemka = district_centre(["суземский", "сузем"])
    assert suzemka is not None and suzemka.name == "Suzemka"
    assert suzemka.region == "Bryansk Oblast"
