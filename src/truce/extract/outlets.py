"""The side a news outlet writes from, by its name (`data/outlets.json`).

A Ukrainian outlet's "ворог", "the enemy", "окупанти" are Russia's forces and a strike
on Ukraine's ground that it names no attacker for is Russia's, as in a Ukrainian
official's words; a Russian outlet's the other way. Read only for a source with no
party alignment of its own (`media`), after the officials it relays; an outlet not listed
by its country's domain ("….ru", "….ua").
"""

from __future__ import annotations

import json
import re
from functools import cache, lru_cache
from importlib import resources


@cache
def _outlets() -> tuple[re.Pattern[str], dict[str, str]]:
    raw = json.loads(resources.files("truce.extract").joinpath("data", "outlets.json").read_text())
    sides = {name: side for side, names in raw["outlets"].items() for name in names}
    # Longest first, so that "RBC-Ukraine" is read before "RBC"; whole words only.
    names = sorted(sides, key=len, reverse=True)
    pattern = re.compile(r"(?<![\w.-])(" + "|".join(map(re.escape, names)) + r")(?!\w)")
    return pattern, sides


@lru_cache(maxsize=4096)
def outlet_side(source: str | None) -> str | None:
    """The side of the outlets a source's name names ("Censor.net (English)",
    "Gazeta.ru (relaying RU MoD)"); None for none, or for outlets of both sides."""
    if not source:
        return None
    pattern, sides = _outlets()
    found = {sides[m.group(1)] for m in pattern.finditer(source)}
    if not found:  # an outlet not listed, by its country's domain: "Lenta.ru", "LB.ua"
        found = {_DOMAINS[m.group(1).lower()] for m in _DOMAIN.finditer(source)}
    return found.pop() if len(found) == 1 else None


_DOMAINS = {"ru": "RU", "ua": "UA", "рф": "RU", "укр": "UA"}
_DOMAIN = re.compile(r"(?<=\w)\.(ru|ua|рф|укр)(?!\w)", re.IGNORECASE)
