"""Component `attribution`: who struck, for the report and each draft."""

from __future__ import annotations

from datetime import date

from truce.extract.people import official_regions, official_sides, people_named

from .conftest import only


def _perpetrators(text: str, alignment: str | None) -> list[str]:
    return [d.perpetrator for d in only("attribution", text, alignment=alignment).drafts]


def test_the_enemy_is_the_other_side_of_the_source() -> None:
    assert _perpetrators("Ворог атакував Суми ударними БпЛА. Пошкоджено підстанцію.", "UA") == [
        "RU"
    ]
    text = "Противник атаковал Белгород беспилотниками. Повреждена подстанция."
    assert _perpetrators(text, "RU") == ["UA"]


def test_a_named_force_is_the_attacker_whatever_the_source() -> None:
    assert _perpetrators("Russian forces shelled Kherson, damaging a school.", "media") == ["RU"]


def test_the_owner_of_the_target_implies_the_other_side() -> None:
    text = "Бійці «Азову» знищили склади з боєприпасами окупантів у Бахмуті."
    assert _perpetrators(text, "media") == ["UA"]


def test_the_weapon_of_the_draft_is_named() -> None:
    doc = only("attribution", "Russian drones struck a substation in Kharkiv.")
    assert [d.weapon for d in doc.drafts] == ["drone"]


def test_a_sides_report_of_an_attack_on_its_own_ground_names_the_other_side() -> None:
    text = "Хинштейн: в Курске при атаке БПЛА на многоэтажку погибла женщина."
    assert _perpetrators(text, "media") == ["UA"]  # a Kursk governor relayed
    assert _perpetrators("Ракетний удар по Дніпру: пошкоджено будинок.", "media") == ["RU"]


def test_a_ukrainian_source_on_ground_russia_holds_in_part_does_not_guess() -> None:
    text = "Дрони атакували нафтобазу в Мелітополі, спалахнула пожежа."
    assert _perpetrators(text, "media") == ["unknown"]


def test_a_ukrainian_source_on_crimea_names_ukraine() -> None:
    text = "Дрони атакували нафтобазу у Феодосії, спалахнула пожежа."
    assert _perpetrators(text, "media") == ["UA"]


def test_a_head_of_state_quoted_speaks_for_his_side() -> None:
    text = "Missile attack on Kremenchuk hit a shopping mall – Zelensky"
    assert _perpetrators(text, "media") == ["RU"]
    # named, not quoted: no side
    text = "Twelve of Putin's officers are killed in strike on command post in Kherson"
    assert _perpetrators(text, "media") == ["unknown"]


def test_the_shelling_of_a_capital_names_the_capital_as_ground_not_actor() -> None:
    text = "Після масованого обстрілу Києва росіянами пошкоджено підстанцію."
    assert _perpetrators(text, "media") == ["RU"]


def test_a_remark_in_brackets_names_no_attacker() -> None:
    text = (
        "Морские дроны (российские военные называют их безэкипажные катера) "
        "атаковали порт Новороссийска, сообщил губернатор Кондратьев."
    )
    assert _perpetrators(text, "media") == ["UA"]


def test_a_source_named_for_a_regions_official_speaks_for_its_side() -> None:
    from dataclasses import replace

    from truce.extract import PIPELINE

    from .conftest import report

    text = "В Рыльске в результате атаки FPV-дрона пострадали два человека."
    for source, side, attacker in [
        ("Kursk Region Governor", "RU", "UA"),
        ("Харківська обласна військова адміністрація", "UA", None),
        ("News-dnepr.ru (relaying occupation governor)", "RU", None),
    ]:
        doc = PIPELINE.run(replace(report(text, alignment="media"), source=source))
        assert doc.side == side, source
        if attacker:
            assert [d.perpetrator for d in doc.drafts] == [attacker]


def _by(text: str, source: str, alignment: str | None = "media", **kwargs: str) -> list[str]:
    doc = only("attribution", text, alignment=alignment, source=source, **kwargs)
    return [d.perpetrator for d in doc.drafts]


def test_the_enemy_of_an_outlet_is_the_other_side_of_the_outlets() -> None:
    assert _by("The enemy shelled Nikopol, damaging two houses.", "Censor.net (English)") == ["RU"]
    text = "Противник атаковал Белгород беспилотниками, повреждена подстанция."
    assert _by(text, "Lenta.ru") == ["UA"]
    assert _by(text, "Some.ru (a regional site)") == ["UA"]  # by its domain
    assert _by("The enemy shelled Nikopol, damaging two houses.", "Reuters") == ["unknown"]


def test_a_ministry_named_as_speaking_gives_the_side() -> None:
    text = "The Russian Defence Ministry said drone debris damaged a house in Belgorod."
    assert _by(text, "Reuters") == ["UA"]


def test_who_claims_an_attack_on_his_own_ground_was_attacked() -> None:
    text = "Вночі дрони атакували нафтобазу в Донецьку, пишуть окупанти."
    assert _by(text, "test source") == ["UA"]


def test_a_weapon_only_one_side_uses_names_it() -> None:
    assert _by("HIMARS знищили казарми в Мелітополі.", "test source") == ["UA"]


def test_a_quoted_official_in_office_gives_the_sources_side() -> None:
    text = '"Four enemy missiles hit a military facility in Lviv region," Kozytskyi said.'
    assert _by(text, "Reuters") == ["RU"]
    # an occupation head, whatever the source's name says of the city
    text = "Мэр Донецка Алексей Кулемзин сообщил, что при обстреле разрушен частный дом."
    assert _by(text, "An outlet (relaying Donetsk mayor)") == ["UA"]


def test_an_officials_strike_with_no_place_is_on_his_region() -> None:
    text = (
        "Обстрілом пошкоджено енергетичний об'єкт і лінії електропередачі. Про це повідомив Лисак."
    )
    assert _by(text, "test source") == ["RU"]


def test_a_military_statement_strikes_the_military_targets_it_names() -> None:
    text = "Поражен склад боеприпасов в районе Васильевки Запорожской области."
    assert _by(text, "Gazeta.ru (relaying RU MoD)") == ["RU"]
    # the outlet alone reports a strike on ground its side holds: the other side's
    assert _by(text, "Gazeta.ru") == ["UA"]


def test_a_strike_across_the_line_is_the_sources_own_sides() -> None:
    text = "Ракетные удары нанесены по объектам энергетики в Харькове."
    assert _by(text, "test source", alignment="RU") == ["RU"]
    assert _by("Дрони атакували нафтобазу в Бєлгороді.", "test source") == ["UA"]


def test_one_surname_may_hold_two_offices_in_turn() -> None:
    assert len(people_named("Федорова")) == 2
    assert official_regions(["Федоров"], date(2022, 6, 1)) == {"Zaporizhzhia Oblast"}
    assert official_sides(["Федоров"], date(2025, 6, 1)) == {"UA"}
    assert official_sides(["Smirnov"], date(2025, 6, 1)) == frozenset()  # out of office


def test_whose_air_defence_shoots_down_holds_the_ground_attacked() -> None:
    text = "Russian air defence shot down drones over Belgorod; debris damaged a house."
    assert _by(text, "Reuters") == ["UA"]
    text = "Сили ППО України збили ракети над Києвом, уламки пошкодили будинок."
    assert _by(text, "Reuters") == ["RU"]


def test_a_claimant_named_by_a_ukrainian_word_does_not_make_the_source_russian() -> None:
    text = "Окупанти заявили про атаку БПЛА на нафтобазу в Луганську."
    doc = only("attribution", text, alignment="media", source="test source")
    assert doc.side == "UA" and [d.perpetrator for d in doc.drafts] == ["UA"]


def test_a_state_named_as_saying_gives_its_account_whoever_prints_it() -> None:
    text = "Киев сообщил о погибших после попадания ракеты в кафе в Краматорске."
    doc = only("attribution", text, alignment="media", source="RBC")
    assert doc.side == "UA" and [d.perpetrator for d in doc.drafts] != ["UA"]


def test_a_village_named_after_a_surname_is_no_official() -> None:
    assert people_named("Федорову") and not people_named("Федоровка")
    assert people_named("Марченко") and not people_named("Голубевка")
