"""Component `negation`: a strike word ruled out is no report of a strike."""

from __future__ import annotations

import pytest

from .conftest import only


def _reports(text: str) -> bool:
    return any(s.incident for s in only("negation", text).sentences)


def test_a_plain_strike_is_reported() -> None:
    assert _reports("Russian drones struck a substation in Kharkiv.")


@pytest.mark.parametrize(
    "text",
    [
        "No strike was reported in Kharkiv.",
        "Russia denied striking the hospital.",
        "Air defence destroyed 25 drones over the region.",
        "Power was restored in Kharkiv after last week's strikes.",
        "Debris fell in a field.",  # a weak word with nothing hit
    ],
)
def test_a_ruled_out_strike_word_reports_nothing(text: str) -> None:
    assert not _reports(text)


def test_attack_drones_name_a_weapon_not_a_strike() -> None:
    [sentence] = only("negation", "The army ordered new attack drones.").sentences
    assert sentence.strike_words and not sentence.incident


def test_a_target_in_a_negated_clause_is_dropped() -> None:
    [sentence] = only("negation", "Russia has not struck the power plant.").sentences
    assert sentence.targets == []


@pytest.mark.parametrize(
    "text",
    [
        "Сили ППО відбили атаку дронів на Одесу.",
        "Над Брянськом отражена атака беспилотников.",
        "The attack on Sumy was repelled by air defence.",
        "Минобороны сообщило об уничтожении 20 БПЛА над Курской областью.",
    ],
)
def test_a_repelled_or_intercepted_attack_reports_no_strike(text: str) -> None:
    assert not _reports(text)


def test_a_repelled_attack_does_not_rule_out_the_next_clause() -> None:
    assert _reports("ППО відбили атаку, але уламки пошкодили будинок у Харкові.")


@pytest.mark.parametrize(
    "text",
    [
        "Від початку вторгнення на Житомирщині загинули 40 людей.",
        "От начала обстрелов в Белгородской области погибли 20 человек.",
    ],
)
def test_a_tally_since_the_start_of_the_war_reports_no_strike(text: str) -> None:
    assert not _reports(text)


@pytest.mark.parametrize(
    "text",
    [
        "The grid has still not fully recovered from six waves of missile strikes.",
        "Енергетики повернули світло в села, знеструмлені через обстріли.",
        "Графики отключений вводятся из-за ударов по энергосистеме.",
    ],
)
def test_repairs_and_outage_schedules_after_strikes_report_none(text: str) -> None:
    assert not _reports(text)


def test_a_strike_that_cut_power_is_still_reported() -> None:
    assert _reports("Через обстріл Харкова пошкоджено підстанцію.")


@pytest.mark.parametrize(
    "text",
    [
        "Армія рф постійно обстрілює прикордонні села Сумщини.",
        "За останній місяць ворог здійснив 35 обстрілів громади.",
        "Russian troops regularly shell the border villages.",
    ],
)
def test_habits_and_tallies_of_strikes_report_none(text: str) -> None:
    assert not _reports(text)


def test_a_negation_reaches_over_the_parties_it_names() -> None:
    # "отказ" six words before the strike word: the parties stand between them.
    assert not _reports("Стороны договорились о взаимном отказе России и Украины от ударов по ТЭЦ.")


def test_troops_before_any_strike_word_are_the_attacker_not_the_target() -> None:
    text = "Троє людей поранені: російські військові поцілили у поштове відділення."
    doc = only("negation", text)
    assert [t.value for s in doc.sentences for t in s.targets] == ["civilian.commercial"]


def test_a_strike_noun_said_to_be_none_after_it_is_negated() -> None:
    doc = only("negation", "Пострадавших и повреждений в жилом секторе нет.")
    assert [t.value for s in doc.sentences for t in s.targets] == []
    assert not _reports("Пошкоджень житлових будинків немає.")


@pytest.mark.parametrize(
    "text",
    [
        "Strike the bridge to Crimea now, Ukraine's envoy urged.",
        "Удары по Киеву будут продолжены, пригрозил Медведев.",
    ],
)
def test_a_strike_urged_or_threatened_in_a_closing_clause_reports_none(text: str) -> None:
    assert not _reports(text)


def test_a_closing_clause_that_only_says_who_reported_keeps_the_strike() -> None:
    assert _reports("Russian drones struck a substation in Kharkiv, the governor said.")


@pytest.mark.parametrize(
    "text",
    [
        "Large fire in Kharkiv after shelling.",
        "Несколько сел Запорожской области остались без электричества после налета дронов.",
        "Вогнем знищений житловий будинок.",
        "Росіяни вбили на Донеччині двох мирних жителів.",
    ],
)
def test_what_a_strike_left_and_whom_it_killed_report_it(text: str) -> None:
    assert _reports(text)


def test_a_weapon_on_a_target_is_a_strike_told_without_a_verb() -> None:
    assert _reports("A multiple launch rocket system on a residential area.")
    assert not _reports("A multiple launch rocket system in a field.")
