from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from truce.accounts.sentences import split_sentences


def test_abbreviations_initials_and_numbers_do_not_end_sentences() -> None:
    text = (
        "President Joseph R. Biden, Jr. spoke with the U.S. team about 1.5 hours of talks. "
        "Mr. Sullivan joined. The talks ended with the U.S. The next round is in May."
    )
    assert split_sentences(text) == [
        "President Joseph R. Biden, Jr. spoke with the U.S. team about 1.5 hours of talks.",
        "Mr. Sullivan joined.",
        "The talks ended with the U.S.",
        "The next round is in May.",
    ]


def test_a_quotation_stays_with_its_speaker() -> None:
    text = '"We need peace. We need it now," Zelenskyy said. The call ended.'
    assert split_sentences(text) == [
        '"We need peace. We need it now," Zelenskyy said.',
        "The call ended.",
    ]


def test_list_markers_are_dropped() -> None:
    assert split_sentences("- The sides agreed to meet.") == ["The sides agreed to meet."]


words = st.sampled_from(["Putin", "agreed", "the", "U.S.", "Mr.", "talks", "days", "on"])


@given(st.lists(st.lists(words, min_size=1, max_size=8), min_size=1, max_size=6))
def test_splitting_keeps_every_character(sentences: list[list[str]]) -> None:
    text = " ".join(" ".join(words) + "." for words in sentences)
    assert "".join(split_sentences(text)).replace(" ", "") == text.replace(" ", "")
