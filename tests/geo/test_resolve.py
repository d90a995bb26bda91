"""Which place a name means: the theatre first, the report's regions as constraints."""

from __future__ import annotations

import pytest

from truce.geo import GeoContext, distance_km, resolve_place
from truce.geo.theatre import theatre_km


def test_a_region_named_with_the_place_is_a_hard_constraint() -> None:
    # "Dubove, Volyn Oblast": the Dubove in Volyn, whatever namesake is larger.
    place = resolve_place(["дубове"], cue=True, context=GeoContext.of(within="Volyn Oblast"))
    assert place is not None and place.region == "Volyn Oblast"
    anywhere = resolve_place(["дубове"], cue=True)
    assert anywhere is not None and anywhere.region != "Volyn Oblast"


def test_kirov_with_donetsk_is_never_kirov_in_russia() -> None:
    context = GeoContext.of(within="Donetsk Oblast")
    place = resolve_place(["kirov", "кіров"], cue=True, context=context)
    assert place is None or place.region == "Donetsk Oblast"
    assert resolve_place(["kirov"], cue=True).country == "RU"  # type: ignore[union-attr]


def test_a_region_named_elsewhere_in_the_text_outweighs_population() -> None:
    plain = resolve_place(["донецк"], cue=True)
    rostov = resolve_place(["донецк"], cue=True, context=GeoContext.of(regions=["Rostov Oblast"]))
    assert plain is not None and plain.country == "UA"
    assert rostov is not None and rostov.region == "Rostov Oblast"


def test_the_regions_of_other_places_and_of_the_source_break_ties() -> None:
    # Several Prymorske: with Stepnohirsk named beside it, the one in Zaporizhzhia Oblast.
    hinted = GeoContext.of(nearby=["Zaporizhzhia Oblast"])
    place = resolve_place(["приморське"], cue=True, context=hinted)
    assert place is not None and place.region == "Zaporizhzhia Oblast"
    from_source = GeoContext.of(source_regions=["Zaporizhzhia Oblast"])
    assert resolve_place(["приморське"], cue=True, context=from_source) == place


def test_keyword_hints_and_a_context_add_up() -> None:
    context = GeoContext.of(regions=["Rostov Oblast"])
    assert resolve_place(["донецк"], cue=True, context=context) == resolve_place(
        ["донецк"], cue=True, regions=["Rostov Oblast"]
    )


def test_a_small_place_thousands_of_kilometres_off_is_no_match() -> None:
    # "Ягідне" is also in Magadan, "Дунай" in Primorye.
    for key in ("ягідне", "дунай"):
        place = resolve_place([key], cue=True)
        assert place is None or (theatre_km(place) or 0) < 1000, place


def test_a_village_near_a_named_town_is_the_one_in_its_region() -> None:
    # "Ягідне під Бахмутом": Bakhmut's region is named for the village.
    bakhmut = resolve_place(["бахмут"], cue=True)
    assert bakhmut is not None
    place = resolve_place(["ягідне"], cue=True, context=GeoContext().naming(bakhmut.region))
    assert place is not None and place.region == "Donetsk Oblast"
    assert place.lat is not None and place.lon is not None
    assert bakhmut.lat is not None and bakhmut.lon is not None
    assert distance_km(place.lat, place.lon, bakhmut.lat, bakhmut.lon) < 60


def test_a_foreign_town_far_from_the_war_is_no_match() -> None:
    # "Taras Shevchenko University": Taras is no Taraz in Kazakhstan.
    assert resolve_place(["taras"], cue=False) is None
    assert resolve_place(["taras"], cue=True) is None


def test_a_foreign_city_needs_a_word_that_makes_it_a_place_a_town_is_none() -> None:
    assert resolve_place(["warsaw"], cue=False) is None
    place = resolve_place(["warsaw"], cue=True)
    assert place is not None and place.country == "PL"
    assert resolve_place(["rzeszów"], cue=True) is None


def test_a_small_place_deep_in_russia_needs_its_region_named() -> None:
    # "в Ленинском городском округе" of a Moscow governor's post is no Leninskoye in
    # Kirov Oblast, 900 km off; named with its region, it is.
    assert resolve_place(["ленинское"], cue=True) is None or (
        resolve_place(["ленинское"], cue=True).region != "Kirov Oblast"  # type: ignore[union-attr]
    )
    kirov = GeoContext.of(regions=["Kirov Oblast"])
    place = resolve_place(["ленинское"], cue=True, context=kirov)
    assert place is not None and place.region == "Kirov Oblast"


def test_russian_spelling_of_a_ukrainian_village_with_its_region() -> None:
    # "Зеленый Гай Запорожской области": the index has "Зелений Гай" only.
    context = GeoContext.of(within="Zaporizhzhia Oblast")
    place = resolve_place(["зеленый гай"], cue=False, context=context)
    assert place is not None and place.name == "Zelenyi Hai"
    assert place.region == "Zaporizhzhia Oblast"
    # Without its region, a village spelled the other language's way is not guessed.
    assert resolve_place(["зеленый гай"], cue=False) is None


def test_a_ukrainian_village_in_its_russian_form_is_found_within_its_region() -> None:
    # The Russian MoD's "Горняк Донецкой области" is Hirnyk; "Новой Збурьевке" is Nova
    # Zburivka. Only within the region named with it: the consonants alone are too loose.
    donetsk = GeoContext.of(within="Donetsk Oblast")
    hirnyk = resolve_place(["горняк"], cue=True, context=donetsk)
    assert hirnyk is not None and hirnyk.name == "Hirnyk"
    kherson = GeoContext.of(within="Kherson Oblast")
    zburivka = resolve_place(["новой збурьевке", "новая збурьевка"], cue=True, context=kherson)
    assert zburivka is not None and zburivka.name == "Nova Zburivka"


def test_a_former_name_alone_still_names_its_place() -> None:
    # Russian media's "Южное" is Pivdenne (renamed in 2016), not Yuzhny in Kaliningrad
    # Oblast; "Артемовск" is Bakhmut.
    pivdenne = resolve_place(["южное", "южный"], cue=True)
    assert pivdenne is not None and pivdenne.name == "Pivdenne"
    bakhmut = resolve_place(["артемовск"], cue=True)
    assert bakhmut is not None and bakhmut.name == "Bakhmut"


def test_a_place_near_the_war_comes_before_a_remote_namesake() -> None:
    from truce.geo.theatre import remoteness

    kharkiv = resolve_place(["харків"], cue=True)
    tyumen = resolve_place(["тюмень"], cue=True)
    assert kharkiv is not None and remoteness(kharkiv) == 0.0
    assert tyumen is not None  # still found: a large city, named alone


@pytest.mark.parametrize(
    ("raion", "region"),
    [("краматорський", "Donetsk Oblast"), ("краматорский", "Donetsk Oblast"),
     ("ізюмський", "Kharkiv Oblast"), ("купянський", "Kharkiv Oblast")],
)  # fmt: skip
def test_the_raion_named_with_a_village_picks_the_namesake_in_it(raion: str, region: str) -> None:
    # An oblast holds a dozen Mykolaivkas: "Миколаївка Краматорського району" is one.
    context = GeoContext.of(within=region, raion=raion)
    place = resolve_place(["миколаївка"], cue=True, context=context)
    assert place is not None and place.region == region
    assert place.district is not None and place.district[:5] == raion[:5]


@pytest.mark.parametrize(
    ("russian", "region", "raion", "name"),
    [("николаевка", "Kharkiv Oblast", "купянский", "Mykolaivka"),
     ("ольховатка", "Kharkiv Oblast", None, "Vilkhuvatka"),
     ("угледар", "Donetsk Oblast", None, "Vuhledar"),
     ("счастье", "Luhansk Oblast", None, "Shchastia")],
)  # fmt: skip
def test_russian_names_of_ukrainian_places_that_differ_in_more_than_vowels(
    russian: str, region: str, raion: str | None, name: str
) -> None:
    place = resolve_place([russian], cue=True, context=GeoContext.of(within=region, raion=raion))
    assert place is not None and place.name == name and place.region == region
    if raion is not None:
        assert place.district == "купянський"


def test_the_hromada_named_with_a_village_picks_the_namesake_in_it() -> None:
    # "Курганне Вільхуватської громади": the Kurhanne of Kharkiv Oblast, not Crimea's.
    place = resolve_place(["курганне"], cue=True, context=GeoContext.of(raion="вільхуватський"))
    assert place is not None and place.region == "Kharkiv Oblast"
    assert place.hromada == "вільхуватська"
