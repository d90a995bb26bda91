"""What went wrong on real published reports (issue 17), as a reader would check it:
places far from the war, homonyms in the wrong oblast, reversed attackers, vetoed
strikes. Each phrasing is of the kind quoted in the issue, not a labelled test item."""

from __future__ import annotations

import pytest

from truce.domain import Report
from truce.extract import extract
from truce.geo import gazetteer
from truce.geo.resolve import far

from .conftest import report


def one(r: Report) -> tuple[str | None, str | None, str | None, str]:
    records = extract(r)
    assert len(records) == 1, records
    x = records[0]
    return x.place, x.region, x.country, x.perpetrator


def test_a_frontline_village_is_in_the_gazetteer_with_its_raion() -> None:
    found = [p for p in gazetteer().lookup("ягідне") if p.region == "Donetsk Oblast"]
    assert found and all(p.district for p in found)


@pytest.mark.parametrize(
    ("text", "alignment"),
    [
        ("Ворог атакував Дунай дронами, пошкоджено портову інфраструктуру.", "UA"),
        ("Беспилотник атаковал объект у Ягодного, пострадал мужчина.", "RU"),
        ("Росіяни обстріляли Ягідне під Бахмутом, загинули двоє людей.", "UA"),
    ],
)
def test_no_small_place_thousands_of_km_from_the_war(text: str, alignment: str) -> None:
    for record in extract(report(text, alignment=alignment)):
        if record.place is not None:
            place = gazetteer().place(record.place, record.country)
            assert place is not None and not far(place), record


def test_a_village_near_a_town_is_placed_in_its_region() -> None:
    place, region, country, _ = one(
        report("Росіяни обстріляли Ягідне під Бахмутом, загинули двоє людей.")
    )
    assert (place, region, country) == ("Yahidne", "Donetsk Oblast", "UA")


@pytest.mark.parametrize(
    ("text", "region"),
    [
        ("Russian shelling hit Dubove, Volyn Oblast, damaging a house.", "Volyn Oblast"),
        ("A missile struck Kirov, Donetsk Oblast, killing one civilian.", "Donetsk Oblast"),
        ("Ukrainian drones attacked the Glebovskoye gas field in Crimea.", "Crimea"),
    ],
)
def test_a_region_named_with_the_place_holds(text: str, region: str) -> None:
    _, found, _, _ = one(report(text, alignment="media"))
    assert found == region


@pytest.mark.parametrize(
    ("text", "alignment", "attacker"),
    [
        # the owner of the target
        ("Бійці «Азову» знищили склади з боєприпасами окупантів під Торецьком.", "UA", "UA"),
        ("ЗСУ уразили російський склад боєприпасів у Донецьку.", "UA", "UA"),
        ("Drones struck a Russian-held ammunition depot near Melitopol.", "media", "UA"),
        # the claimant is not the attacker
        ("Минобороны РФ сообщило об атаке ВСУ на нефтебазу в Брянской области.", "RU", "UA"),
        ("Russia says Ukraine attacked an oil depot in Bryansk region.", "media", "UA"),
        # "ворог" in a Ukrainian outlet that speaks for no side officially
        ("Ворог атакував Харків дронами, пошкоджено багатоповерхівку.", "media", "RU"),
    ],
)
def test_who_struck_whom(text: str, alignment: str, attacker: str) -> None:
    assert {r.perpetrator for r in extract(report(text, alignment=alignment))} == {attacker}


def test_a_claim_by_the_occupiers_does_not_make_them_the_attacker() -> None:
    records = extract(report("Окупанти заявили про атаку БПЛА на нафтобазу в Феодосії."))
    assert records and all(r.perpetrator != "RU" for r in records)


def test_a_quoted_unit_is_no_place() -> None:
    records = extract(
        report("Бійці «Азову» знищили склади з боєприпасами окупантів під Торецьком.")
    )
    assert {r.place for r in records} == {"Toretsk"}
    assert {r.target for r in records} == {"military"}


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Strike on residential area.", "civilian.residential"),
        ("Electrical sub-station hit by missile.", "infrastructure.energy.grid"),
        (
            "Mykolaiv Oncology Hospital struck by what appears to be cluster munitions",
            "civilian.healthcare",
        ),
        ("An ammunition depot exploded in Toropets after a drone attack.", "military"),
    ],
)
def test_terse_descriptions_give_a_record(text: str, target: str) -> None:
    records = extract(report(text, published="2022-03-29T12:00:00+00:00", alignment="media"))
    assert [r.target for r in records] == [target]


def test_an_official_in_office_speaks_for_his_region() -> None:
    from datetime import date

    from truce.extract.people import official_regions

    assert official_regions(["Гладкова"], date(2024, 3, 1)) == {"Belgorod Oblast"}
    # Starovoit left the Kursk governorship in May 2024; Khinshtein came in December.
    assert official_regions(["Старовойт"], date(2023, 8, 1)) == {"Kursk Oblast"}
    assert official_regions(["Старовойт"], date(2025, 1, 10)) == frozenset()
    assert official_regions(["Хинштейн"], date(2025, 1, 10)) == {"Kursk Oblast"}


def test_a_surname_after_a_first_name_is_no_place() -> None:
    records = extract(
        report("Олександр Казанський повідомив, що ворог обстріляв Нікополь, поранено жінку.")
    )
    assert {r.place for r in records} == {"Nikopol"}


def test_a_relayed_official_gives_the_outlet_his_side() -> None:
    """A neutral outlet quoting Belgorod's governor speaks his words: his "противник"
    is Ukraine's forces."""
    text = "Противник атаковал Шебекино дронами, повреждены два частных дома, сообщил Гладков."
    records = extract(report(text, alignment="media"))
    assert {r.perpetrator for r in records} == {"UA"}


@pytest.mark.parametrize(
    "text",
    [
        "Ukraine was accused of a drone attack that hit a hospital in Belgorod.",
        "Russia was accused of a missile strike that hit a school in Kharkiv.",
    ],
)
def test_the_accused_of_a_passive_is_the_attacker_not_a_claimant(text: str) -> None:
    [record] = extract(report(text, alignment=None))
    assert record.perpetrator == ("UA" if text.startswith("Ukraine") else "RU")


def test_a_pause_in_air_strikes_is_no_air_strike() -> None:
    text = (
        "Kyiv would welcome a pause in Russian air strikes against its power grid, "
        "while its own forces hit an oil refinery near Moscow."
    )
    found = {(r.target, r.perpetrator) for r in extract(report(text, alignment=None))}
    assert found == {("infrastructure.energy.oil", "UA")}
