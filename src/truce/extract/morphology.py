"""Tokens and their lemmas, so that inflected forms match one lexicon entry.

Ukrainian and Russian words are lemmatised by pymorphy3 ("у Харкові" → харків, "в
Краснодарском крае" → краснодарский край); every normal form of every parse is kept,
because the first parse of a proper name is often wrong ("Харкові" → харко). English
gets a light suffix rule. Analyses are cached per word form: a corpus repeats its
words, and the cache is what makes extraction fast.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

_WORD = re.compile(r"\d+(?:[:.]\d+)?|[^\W\d_]+(?:['’ʼ`\-][^\W\d_]+)*", re.UNICODE)


@dataclass(frozen=True, slots=True)
class Token:
    text: str
    start: int
    end: int
    lower: str
    lemmas: tuple[str, ...]  # most likely first

    @property
    def lemma(self) -> str:
        return self.lemmas[0]

    @property
    def capitalised(self) -> bool:
        return self.text[:1].isupper()


@cache
def _analyzer(lang: str) -> Any:
    import pymorphy3  # type: ignore[import-untyped]

    return pymorphy3.MorphAnalyzer(lang=lang)


def _normal(word: str) -> str:
    return word.replace("’", "'").replace("ʼ", "'").replace("`", "'").replace("ё", "е")


@cache
def lemmas(word: str, lang: str) -> tuple[str, ...]:
    """Lemmas of a lower-cased word form, most likely first."""
    if lang == "en" or not word[:1].isalpha() or word.isascii():
        return english_lemmas(word) if word.isascii() else (word,)
    forms: list[str] = []
    for parse in _analyzer(lang).parse(word):
        form = _normal(parse.normal_form)
        if form not in forms:
            forms.append(form)
    return tuple(forms) or (word,)


@cache
@lru_cache(maxsize=65536)
def known_word(word: str, lang: str) -> bool:
    """Whether the Ukrainian or Russian dictionary has the word (not a guess)."""
    return bool(_analyzer(lang).word_is_known(_normal(word)))


@lru_cache(maxsize=65536)
def part_of_speech(word: str, lang: str) -> str | None:
    """The most likely part of speech of a lower-cased Ukrainian or Russian word known to
    the dictionary (pymorphy3's tag: NOUN, ADJF, VERB, …), else None."""
    if lang == "en" or word.isascii():
        return None
    analyzer = _analyzer(lang)
    if not analyzer.word_is_known(word):
        return None
    pos = analyzer.parse(word)[0].tag.POS
    return str(pos) if pos else None


@lru_cache(maxsize=65536)
def cases(word: str, lang: str) -> frozenset[str]:
    """The grammatical cases a lower-cased Ukrainian or Russian word form may be in
    ("окупантів": gent, accs; "сили": gent, nomn, accs); "Fixd" for an indeclinable one."""
    if lang == "en" or word.isascii():
        return frozenset()
    found: set[str] = set()
    for parse in _analyzer(lang).parse(word):
        found.update(g for g in ("nomn", "gent", "datv", "accs", "ablt", "loct") if g in parse.tag)
        if "Fixd" in parse.tag:
            found.add("Fixd")
    return frozenset(found)


def may_be_genitive(word: str, lang: str) -> bool:
    """Whether a word form may be in the genitive (or is indeclinable, as "ВСУ" is):
    "окупантів", "флота", not "враги" or "уламками"."""
    return not cases(word, lang).isdisjoint({"gent", "Fixd"})


_IRREGULAR = {
    "struck": "strike", "fell": "fall", "fallen": "fall", "fragments": "fragment",
    "hit": "hit", "shot": "shoot", "killed": "kill", "died": "die",
    "injured": "injure", "wounded": "wound", "damaged": "damage", "destroyed": "destroy",
    "attacked": "attack", "shelled": "shell", "targeted": "target", "caught": "catch",
    "people": "people", "children": "child", "women": "woman", "men": "man", "news": "news",
    "was": "be", "were": "be", "is": "be", "are": "be", "has": "have", "had": "have",
    "bus": "bus", "gas": "gas", "us": "us", "its": "its", "this": "this", "across": "across",
    "ukraine's": "ukraine", "russia's": "russia", "series": "series",
    "rose": "rise", "risen": "rise", "tore": "tear", "torn": "tear", "slain": "slay",
    "lives": "life", "set": "set",
}  # fmt: skip


def english_lemmas(word: str) -> tuple[str, ...]:
    """The lemma, then the stems of -ed and -ing forms ("launched" → launch)."""
    first = english_lemma(word)
    out = [first]
    stem = ""
    if len(word) > 4 and word.endswith("ed") and word not in _IRREGULAR:
        stem = word[:-2]
        out += [stem, word[:-1]]
        if word.endswith("ied"):
            out.append(word[:-3] + "y")
    elif len(word) > 5 and word.endswith("ing"):
        stem = word[:-3]
        out += [stem, stem + "e"]
    if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in "aeiouls":
        out.append(stem[:-1])  # "slammed" → slam, "shipping" → ship
    return tuple(dict.fromkeys(out))


@cache
def english_lemma(word: str) -> str:
    """A light English lemma: plural and past forms reduced, enough for lexicon lookup."""
    word = _normal(word)
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    if word.endswith("'s"):
        word = word[:-2]
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith(("ches", "shes", "sses", "xes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def tokenize(text: str, lang: str) -> list[Token]:
    out = []
    for match in _WORD.finditer(text):
        word = match.group()
        lower = _normal(word.lower())
        out.append(Token(word, match.start(), match.end(), lower, lemmas(lower, lang)))
    return out
