"""Figures in a sentence: numbers written as digits or words, ages, and whether a
figure counts people ("12 people", "троє людей") or buses, drones and shells. Used by
the `casualties` component.
"""

from __future__ import annotations

import re

from truce.extract.cues import cues
from truce.extract.morphology import Token
from truce.extract.packs import Pack

YEARS = re.compile(r"^(year|рок|рік|річн|літн|летн|лет|год)")


def number(token: Token, pack: Pack) -> int | None:
    if token.text.isdigit():
        return int(token.text)
    if token.lower in pack.numbers:
        return pack.numbers[token.lower]  # "dozens" (of cattle) counts no one
    for lemma in token.lemmas:
        value = pack.numbers.get(lemma)
        if value is not None:
            return value
    tens, _, units = token.lower.partition("-")
    if units and (pack.numbers.get(tens) or 0) >= 20 and 0 < (pack.numbers.get(units) or 0) < 10:
        return (pack.numbers.get(tens) or 0) + (pack.numbers.get(units) or 0)  # "forty-three"
    return None


def subset(tokens: list[Token], j: int) -> bool:
    """ "Seven people, four of them children", "з них двоє дітей": a part of a count."""
    after = [t.lower for t in tokens[j + 1 : j + 3]]
    before = [t.lower for t in tokens[max(0, j - 2) : j]]
    return after in (["of", "them"], ["of", "whom"]) or (
        bool(before) and before[-1] in ("них", "яких", "которых", "whom")
    )


SUBSET = cues("figures", "subset")
SINGULAR = ("ла", "л", "в", "б", "ен", "ена", "ний", "на", "ан", "ана")
_FILLERS = cues("figures", "fillers")
# Words before a figure that make it an age ("aged 45 and 62", "віком 70 років").
_AGE = cues("figures", "age")
# Determiners and the like between two people joined by "and" ("a man and a woman").
BETWEEN_PERSONS = cues("figures", "between_persons")
PLURAL_PERSONS = cues("figures", "plural_persons")


def counts_people(after: Token, pack: Pack) -> bool:
    """Whether the word after a figure makes it a count of people ("12 people", "троє
    людей", "five injured") rather than of buses, drones or shells."""
    if not after.lemmas or after.lower in _FILLERS:
        return True
    lemmas = set(after.lemmas)
    return not lemmas.isdisjoint(pack.persons | pack.killed | pack.injured | _FILLERS)


_PAIRS = cues("figures", "pairs")
_VERB_FILLERS = cues("figures", "verb_fillers")


def counts_people_before(between: list[Token], pack: Pack) -> bool:
    """Whether the words between a figure and the casualty word after it make the figure
    a count of people: "12 people were killed", "five were injured", not "Fifty buses
    were damaged, a worker was killed"."""
    if not between or between[0].lower in _VERB_FILLERS:
        return True  # "eight were rescued with injuries"
    words = [t for t in between if t.lower not in _VERB_FILLERS][:2]
    return any(counts_people(t, pack) for t in words)


def distance_to(tokens: list[Token], text: str, number: int, keyword: int) -> int:
    """How far a number is from a casualty word: figures usually come first ("12
    dead"), and a comma between the two usually means another clause."""
    lo, hi = sorted((number, keyword))
    comma = "," in text[tokens[lo].end : tokens[hi].start]
    return hi - lo + (0 if number < keyword else 1) + (2 if comma else 0)


def is_age(tokens: list[Token], j: int, pack: Pack) -> bool:
    """Whether the figure at `j` is an age: "aged 45 and 62", "віком 70", "54-year-old"."""
    k = j - 1
    while k >= 0 and (tokens[k].text.isdigit() or tokens[k].lower in ("and", "і", "та", "и")):
        k -= 1
    if k >= 0 and k < j and tokens[k].lower in _AGE:
        return True
    return j + 1 < len(tokens) and bool(YEARS.match(tokens[j + 1].lower))


def persons_listed(tokens: list[Token], j: int, pack: Pack, text: str) -> int:
    """How many people a list starting with the person noun at `j` names ("a man, a
    woman and a child": three)."""
    count, listed, k = 1, 0, j + 1
    if tokens[j].lemma in _PAIRS:
        return 2  # "a married couple", "подружжя"
    while k < len(tokens):
        gap = text[tokens[k - 1].end : tokens[k].start]
        joined = tokens[k].lower in ("та", "і", "й", "и", "and")
        if "," not in gap and not joined:
            break
        m = k + 1 if joined else k
        while m < len(tokens) and (
            tokens[m].lower in BETWEEN_PERSONS
            or is_age(tokens, m, pack)
            or "-" in tokens[m].text
            or (m > k and tokens[m - 1].text.isdigit() and YEARS.match(tokens[m].lower))
        ):
            m += 1
        if m >= len(tokens) or pack.persons.isdisjoint(tokens[m].lemmas[:1]):
            break
        listed += 1
        if joined:  # "a man, a woman and a child"; not "the driver, a man, died"
            count, listed = count + listed, 0
        k = m + 1
    return count
