"""Rivers whose names are also settlements' ("Десна", "Дунай", "Самара", "Дніпро").

"Човен на Десні" is a boat on the river, not in the village of Desna; "лівобережжя
Дніпра" is the Dnipro's left bank, not the city. A river's name is taken for the river
when the words around it say so: "на" with the locative, "через", "вздовж", "on the",
"across", "берег", "river", "річка". "у Десні", "по Дніпру", "атака на Дніпро", "над
Дніпром" (the city, struck or over it) stay places. The names
are data (`data/waters.tsv`).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from importlib import resources

from truce.geo.names import name_key


@cache
def _table() -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    """The rivers' name keys; the words before a name that make it one, those that do
    with the locative only, and the words after."""
    raw = resources.files("truce.geo").joinpath("data", "waters.tsv").read_text("utf-8")
    names: set[str] = set()
    cues: dict[str, set[str]] = {"before": set(), "locative": set(), "after": set()}
    for line in raw.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        head, colon, words = line.partition(": ")
        if colon and head in cues:
            cues[head].update(words.split())
        else:
            names.update(name_key(name) for name in line.split("|"))
    before, locative, after = (frozenset(cues[k]) for k in ("before", "locative", "after"))
    return frozenset(names), before, locative, after


def water_keys() -> frozenset[str]:
    """Lookup keys of the rivers' names, in every language listed."""
    return _table()[0]


def names_water(keys: Sequence[str], before: Sequence[str], after: str | None = None) -> bool:
    """Whether a mention (its lookup keys: as written, then lemmas) names a river here:
    a river's name, with a word of water just before it (`before`: the one or two words
    before, lower case, nearest last; "the" is passed over) or after it."""
    names, before_words, locative_words, after_words = _table()
    if not any(key in names for key in keys[:3]):
        return False
    words = [w for w in before if w != "the"]
    last = words[-1] if words else None
    if last in locative_words:
        return keys[0].endswith(_LOCATIVE_ENDINGS)
    return last in before_words or after in after_words


# Locative endings of the rivers' names: "на Дніпрі", "на Дунаї", "на Волге".
_LOCATIVE_ENDINGS = ("і", "ї", "е")
