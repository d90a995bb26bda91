"""Component `language`: the language, the sentences, their tokens, lemmas and clauses."""

from __future__ import annotations

from .conftest import only


def test_ukrainian_and_russian_are_told_apart() -> None:
    assert only("language", "Уночі ворог атакував Харків.").lang == "uk"
    assert only("language", "Ночью противник атаковал Белгород.").lang == "ru"
    assert only("language", "Drones struck Kharkiv.").lang == "en"


def test_a_declared_language_is_believed() -> None:
    from dataclasses import replace

    from truce.extract import PIPELINE

    from .conftest import report

    declared = replace(report("Харків"), lang="ru")
    assert PIPELINE.run(declared, until="language").lang == "ru"


def test_sentences_do_not_break_after_an_abbreviated_settlement() -> None:
    doc = only("language", "Ворог обстріляв м. Харків. Поранено двох людей.")
    assert [s.text.strip() for s in doc.sentences] == [
        "Ворог обстріляв м. Харків.",
        "Поранено двох людей.",
    ]


def test_inflected_names_carry_their_lemma() -> None:
    [sentence] = only("language", "Дрони атакували підстанцію у Харкові.").sentences
    by_word = {t.text: t.lemmas for t in sentence.tokens}
    assert "харків" in by_word["Харкові"]
    assert "підстанція" in by_word["підстанцію"]


def test_a_comma_or_and_starts_a_new_clause() -> None:
    [sentence] = only("language", "A depot burned in Azov, and a house in Rostov").sentences
    clause = dict(zip([t.text for t in sentence.tokens], sentence.clauses, strict=True))
    assert clause["depot"] == clause["Azov"]
    assert clause["house"] != clause["Azov"]
