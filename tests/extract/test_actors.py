"""Component `actors`: who struck, and who merely claims or owns the target."""

from __future__ import annotations

from .conftest import only


def _sentence(text: str):  # type: ignore[no-untyped-def]
    [sentence] = only("actors", text).sentences
    return sentence


def test_a_party_adjective_before_a_weapon_is_the_actor() -> None:
    assert _sentence("Russian drones struck a substation in Kharkiv.").actors == [(0, "RU")]


def test_the_enemy_is_an_actor_whose_side_comes_later() -> None:
    assert [p for _, p in _sentence("Ворог обстріляв Херсон.").actors] == ["ENEMY"]


def test_the_claimant_is_not_the_attacker() -> None:
    assert _sentence("Окупанти заявили про атаку БПЛА на нафтобазу.").actors == []


def test_the_owner_of_the_target_is_not_the_attacker() -> None:
    sentence = _sentence("Бійці «Азову» знищили склади з боєприпасами окупантів.")
    assert sentence.actors == [] and [p for _, p in sentence.owners] == ["RU"]


def test_a_state_that_denies_is_no_actor() -> None:
    assert _sentence("Russia denied striking the hospital.").actors == []


def test_the_owner_named_at_the_end_of_the_targets_phrase_is_no_attacker() -> None:
    sentence = _sentence("Уничтожен склад материально-технических средств ВСУ в районе Орехова.")
    assert sentence.actors == [] and [p for _, p in sentence.owners] == ["UA"]


def test_a_subject_after_the_target_is_still_the_attacker() -> None:
    sentence = _sentence("По штабу флота враги нанесли ракетный удар.")
    assert [p for _, p in sentence.actors] == ["ENEMY"] and sentence.owners == []


def test_whose_capabilities_is_no_attacker() -> None:
    text = (
        "Підрозділи Сил оборони України з метою зниження спроможностей противника "
        "уразили виробництво БпЛА."
    )
    assert {p for _, p in _sentence(text).actors} == {"UA"}


def test_a_states_forces_in_the_genitive_are_an_actor() -> None:
    text = "Подразделения Вооруженных сил Украины нанесли удар по аэродрому."
    assert [p for _, p in _sentence(text).actors] == ["UA"]


def _parties(pairs: list[tuple[int, str]]) -> list[str]:
    return [party for _, party in pairs]


def test_air_defence_is_no_attacker() -> None:
    sentence = _sentence("Силы ПВО РФ отражают атаку дронов ВСУ на Севастополь.")
    assert _parties(sentence.actors) == ["UA"]
    sentence = _sentence("Ukrainian air defence repelled a Russian missile attack on Kyiv.")
    assert _parties(sentence.actors) == ["RU"]


def test_a_force_that_fires_is_the_attacker_not_the_targets_owner() -> None:
    sentence = _sentence("A shell fired by Ukrainian troops hit a shop in Horlivka.")
    assert set(_parties(sentence.actors)) == {"UA"} and sentence.owners == []
    sentence = _sentence("Російські військові поцілили у житловий будинок у Херсоні.")
    assert set(_parties(sentence.actors)) == {"RU"} and sentence.owners == []
    # struck, not striking
    sentence = _sentence("Ukrainian forces struck Russian troops near Bakhmut.")
    assert set(_parties(sentence.actors)) == {"UA"} and _parties(sentence.owners) == ["RU"]


def test_who_holds_the_place_owns_the_target() -> None:
    sentence = _sentence("В окупованому росіянами Мелітополі знищено казарми.")
    assert sentence.actors == [] and _parties(sentence.owners) == ["RU"]


def test_a_claimant_after_the_verb_or_far_before_it_is_not_the_attacker() -> None:
    sentence = _sentence("Вночі дрони атакували нафтобазу в Донецьку, пишуть окупанти.")
    assert sentence.actors == [] and _parties(sentence.claimants) == ["RU"]
    text = "Глава российских оккупантов в Донецкой области Пушилин заявил, что нефтебаза горит после атаки."
    sentence = _sentence(text)
    assert sentence.actors == [] and "RU" in _parties(sentence.claimants)


def test_a_state_after_a_region_word_is_where_not_who() -> None:
    assert _sentence("У Бєлгородській області РФ виникла пожежа на нафтобазі.").actors == []


def test_air_defence_repels_whom_it_names_after_its_verb() -> None:
    text = "Силы противовоздушной обороны уничтожили украинские беспилотники над Таганрогом."
    assert "UA" in _parties(_sentence(text).actors)


def test_a_partys_weapons_shot_down_are_the_attackers() -> None:
    text = "Eight Ukrainian drones had been shot down over Moscow, damaging a house."
    assert "UA" in _parties(_sentence(text).actors)
