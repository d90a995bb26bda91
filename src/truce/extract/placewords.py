"""The words the `places` component reads around a capitalised word (`data/places.yaml`),
and whether a place names an official's seat ("the Belgorod governor said", "мер
Харкова", "Moscow said …") rather than where something happened.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from types import SimpleNamespace

import yaml

from truce.extract.cues import cues
from truce.extract.morphology import Token
from truce.extract.regionnames import COUNTRY_WORDS

NEAR = cues("placewords", "near")


@cache
def _words() -> SimpleNamespace:
    text = resources.files("truce.extract").joinpath("data", "places.yaml").read_text("utf-8")
    raw = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    words = {key: frozenset(values) for key, values in raw.items()}
    words["states"] = words["states"].union(*COUNTRY_WORDS.values())
    return SimpleNamespace(**words)


WORDS = _words()
_W = WORDS
# Parts of speech of a capitalised first word that is no place name.
NOT_NAMES = cues("placewords", "not_names")


def official(tokens: list[Token], i: int, span: int, text: str) -> bool:
    """Whether the place at `i` names an official's seat, not where something happened."""
    k = i + span
    if k < len(tokens) and text[tokens[k - 1].end : tokens[k].start].strip():
        return i > 0 and tokens[i - 1].lemma in _W.officials  # "Kupiansk, the governor said"
    while k < len(tokens) and tokens[k].lower in _W.office_words:
        k += 1
    if k < len(tokens) and not tokens[k].capitalised and tokens[k].lemma in _W.officials:
        return True
    if (
        k < len(tokens)
        and tokens[i].lemma in _W.capitals
        and not _W.speech.isdisjoint(tokens[k].lemmas)
    ):
        return True  # "Moscow said …", "Kyiv denied …": a government speaking
    return (
        i > 0
        and tokens[i - 1].lemma in _W.officials
        and tokens[i - 1].lower
        not in (
            "administration",
            "council",
        )
    )
