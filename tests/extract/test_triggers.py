"""Component `triggers`: the words that report a strike, and the words that rule one out
for the whole report."""

from __future__ import annotations

from .conftest import only


def test_strike_words_are_found_in_every_inflection() -> None:
    for text in (
        "Russian drones struck a substation.",
        "Ворог обстріляв Херсон.",
        "Противник атаковал Белгород.",
    ):
        [sentence] = only("triggers", text).sentences
        assert sentence.strike_words, text


def test_a_weak_word_is_marked_weak() -> None:
    [sentence] = only("triggers", "Debris fell on a house.").sentences
    assert sentence.strike_words and not any(m.value for m in sentence.strike_words)


def test_a_gas_leak_is_an_accident_and_no_hits_is_no_hits() -> None:
    [leak] = only("triggers", "The blast was caused by a household gas leak.").sentences
    assert leak.accident
    [quiet] = only("triggers", "Влучань не зафіксовано.").sentences
    assert quiet.no_hits and not quiet.accident


def test_a_plain_sentence_has_no_strike_word() -> None:
    [sentence] = only("triggers", "The mayor opened a new school in Lviv.").sentences
    assert sentence.strike_words == []
