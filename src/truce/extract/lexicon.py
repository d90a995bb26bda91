"""Phrase lexicons matched on lemmas, compiled once per language.

A lexicon maps phrases ("electrical substation", "нафтопереробний завод", "жилой
дом") to values. Each phrase is lemmatised with the same analyser as the text, so one
entry matches every inflected form, and the longest phrase at a position wins
("oil depot" over "depot", "power plant" over "plant").
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from truce.extract.morphology import Token, tokenize

V = TypeVar("V")


@dataclass(frozen=True, slots=True)
class Match(Generic[V]):
    value: V
    start: int  # token index
    end: int  # token index, exclusive
    text: str  # as written


class Lexicon(Generic[V]):
    def __init__(self, entries: Mapping[V, Sequence[str]], lang: str) -> None:
        self._index: dict[str, list[tuple[tuple[frozenset[str], ...], V]]] = {}
        self._forms: dict[str, V] = {}
        for value, phrases in entries.items():
            for phrase in phrases:
                if phrase.startswith("~"):
                    # "~russians": this word form only ("Russians", not "Russian").
                    self._forms[phrase[1:].lower()] = value
                    continue
                if phrase.startswith("="):
                    # "=міст": this lemma exactly (the analyser's first guess is "місто").
                    pattern = tuple(frozenset({w}) for w in phrase[1:].split())
                    self._index.setdefault(phrase[1:].split()[0], []).append((pattern, value))
                    continue
                words = tokenize(phrase, lang)
                if not words:
                    continue
                # Ambiguous words in a phrase match any of their lemmas; the first word
                # is indexed by its most likely lemma only, to keep lookups exact.
                pattern = tuple(frozenset(w.lemmas) for w in words)
                for lemma in words[0].lemmas[:1]:
                    self._index.setdefault(lemma, []).append((pattern, value))
        for candidates in self._index.values():
            candidates.sort(key=lambda c: -len(c[0]))

    def match_at(self, tokens: Sequence[Token], i: int) -> tuple[V, int] | None:
        """The value and length of the longest phrase starting at token `i`."""
        for lemma in tokens[i].lemmas:
            for pattern, value in self._index.get(lemma, ()):
                n = len(pattern)
                if i + n <= len(tokens) and all(
                    not pattern[k].isdisjoint(tokens[i + k].lemmas) for k in range(1, n)
                ):
                    return value, n
        if tokens[i].lower in self._forms:
            return self._forms[tokens[i].lower], 1
        return None

    def find(self, tokens: Sequence[Token], text: str) -> list[Match[V]]:
        """Every non-overlapping match, left to right."""
        out: list[Match[V]] = []
        i = 0
        while i < len(tokens):
            found = self.match_at(tokens, i)
            if found is None:
                i += 1
                continue
            value, n = found
            out.append(Match(value, i, i + n, text[tokens[i].start : tokens[i + n - 1].end]))
            i += n
        return out

    def __contains__(self, lemma: object) -> bool:
        return lemma in self._index
