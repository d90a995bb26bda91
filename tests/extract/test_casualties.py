"""Component `casualties`: the killed and injured each sentence counts."""

from __future__ import annotations

import pytest

from .conftest import only


def _counts(text: str) -> tuple[int | None, int | None]:
    [sentence] = only("casualties", text).sentences
    return sentence.killed, sentence.injured


@pytest.mark.parametrize(
    ("text", "counts"),
    [
        ("Two people were killed and five were injured.", (2, 5)),
        ("A man and a woman were injured.", (None, 2)),
        ("The death toll rose to seven.", (7, None)),
        ("Загинули троє людей, ще четверо поранені.", (3, 4)),
        ("Погибла женщина.", (1, None)),
    ],
)
def test_counts_are_read_from_words_and_figures(
    text: str, counts: tuple[int | None, int | None]
) -> None:
    assert _counts(text) == counts


def test_nobody_hurt_is_zero() -> None:
    assert _counts("No one was killed or injured.") == (0, 0)
    assert _counts("Загиблих і травмованих немає.") == (0, 0)


def test_no_information_is_not_zero() -> None:
    assert _counts("Інформації про постраждалих немає.") == (None, None)


def test_buses_and_ages_are_no_casualties() -> None:
    assert _counts("Fifty buses were damaged and a worker was killed.") == (1, None)
    assert _counts("A 54-year-old man was injured.") == (None, 1)


def test_a_count_reported_before_its_casualty_word_is_read() -> None:
    doc = only("casualties", "Three reported wounded after an artillery strike.")
    assert [s.injured for s in doc.sentences] == [3]
