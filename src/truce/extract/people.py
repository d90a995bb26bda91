"""People reports name: whose surname is no place, and whose office speaks for a region.

"Гладков сообщил…", "Синєгубов: …", "Kondratyev said": a governor or the head of a
regional administration reports on his own region, so the region is a hint for where
the report's places are, as the source's own name is ("Kharkiv RMA"). The list, with
each office and when it was held, is data (`data/people.json`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from functools import cache, lru_cache
from importlib import resources

from truce.geo import gazetteer


@dataclass(frozen=True, slots=True)
class Person:
    names: tuple[str, ...]  # lower-case stems, Latin and Cyrillic
    office: str
    region: str | None
    start: date | None
    end: date | None
    side: str | None = None  # the side a head of state speaks for, whatever region

    def in_office(self, day: date | None) -> bool:
        if day is None:
            return self.end is None
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)


def _day(text: str | None) -> date | None:
    if not text:
        return None
    return date.fromisoformat(text if len(text) > 7 else f"{text}-01")


@cache
def _data() -> tuple[tuple[Person, ...], frozenset[str]]:
    raw = json.loads(resources.files("truce.extract").joinpath("data", "people.json").read_text())
    people = tuple(
        Person(
            tuple(n.lower() for n in p["names"]),
            p["office"],
            p.get("region"),
            _day(p.get("from")),
            _day(p.get("until")),
            p.get("side"),
        )
        for p in raw["people"]
    )
    return people, frozenset(raw["first_names"])


def first_names() -> frozenset[str]:
    """Given names that, before a capitalised word, make it a surname."""
    return _data()[1]


def person_named(word: str) -> Person | None:
    """The listed person whose surname `word` is, in any case form ("Гладкова")."""
    people = people_named(word)
    return people[0] if people else None


@lru_cache(maxsize=65536)
def people_named(word: str) -> tuple[Person, ...]:
    """Every office listed for the surname `word`, in any case form: one person may
    hold two in turn ("Fedorov", Melitopol's mayor, then the Zaporizhzhia RMA's head)."""
    lower = word.lower().removesuffix("'s").removesuffix("’s")
    return tuple(
        person for person in _data()[0] if any(_surname_form(lower, stem) for stem in person.names)
    )


def _surname_form(lower: str, stem: str) -> bool:
    """Whether `lower` is the surname `stem` in a case form ("Гладкова", "Федоровим"),
    not a village named after it ("Федоровка", "Григоровка", "Голубевка")."""
    rest = lower[len(stem) :]
    return (
        lower.startswith(stem)
        and len(rest) <= 3
        and not (rest[:1] in ("к", "k") and not stem.endswith(("к", "k")))
    )


def _officials(words: list[str], day: date | None) -> list[Person]:
    found = []
    for word in words:
        if word[:1].isupper():
            found += [p for p in people_named(word) if p.region and p.in_office(day)][:1]
    return found


def official_regions(words: list[str], day: date | None) -> frozenset[str]:
    """Regions whose officials, in office on `day`, the words name."""
    return frozenset(p.region for p in _officials(words, day) if p.region)


def official_sides(words: list[str], day: date | None) -> frozenset[str]:
    """The sides the officials the words name speak for: a Russian region's governor or
    a Russian-installed head Russia's, a Ukrainian administration's head Ukraine's. A
    report relaying one speaks with that side's words ("противник", "ворог")."""
    sides = set()
    for person in _officials(words, day):
        region = gazetteer().regions_by_name.get(person.region or "")
        if region is None:
            continue
        russian = region.country == "RU" or person.office.startswith("Russian-installed")
        sides.add("RU" if russian else "UA")
    return frozenset(sides)
