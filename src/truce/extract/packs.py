"""Each language's lexicons, read from `data/<lang>/lexicon.yaml` and compiled once on
first use: the words are data a linguist can edit without reading the code."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml

from truce.extract.lexicon import Lexicon
from truce.extract.morphology import tokenize

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@cache
def lexicon_data(lang: str) -> dict[str, Any]:
    """The raw word lists of one language (`data/<lang>/lexicon.yaml`), by section."""
    path = resources.files("truce.extract").joinpath("data", lang, "lexicon.yaml")
    data: dict[str, Any] = yaml.load(path.read_text("utf-8"), Loader=_LOADER)
    return _merged(data, data.pop("attribution", None) or {})


def _merged(data: dict[str, Any], more: dict[str, Any]) -> dict[str, Any]:
    """`data` with the words of its `attribution` section added to the sections of the
    same name (lists joined, a party's lists joined party by party): who speaks, who
    strikes and with what are kept together in one section, apart from the targets."""
    for key, words in more.items():
        have = data.get(key)
        if isinstance(words, dict):
            merged = dict(have or {})
            for party, items in words.items():
                merged[party] = [*merged.get(party, []), *items]
            data[key] = merged
        else:
            data[key] = [*(have or []), *words]
    return data


@dataclass(frozen=True)
class Pack:
    lang: str
    targets: Lexicon[str]
    weapons: Lexicon[str]
    companies: Lexicon[str]  # a company's name after a general target says its kind
    triggers: Lexicon[bool]
    talk: Lexicon[bool]
    actor_nouns: Lexicon[str]
    state_nouns: Lexicon[str]
    actor_adjectives: dict[str, str]  # lemma → party
    no_casualties: Lexicon[str]  # → "both" | "killed" | "injured"
    blockers: frozenset[str]
    force_nouns: frozenset[str]
    killed: frozenset[str]
    injured: frozenset[str]
    persons: frozenset[str]
    numbers: dict[str, int | None]
    settlement_cues: frozenset[str]
    region_words: frozenset[str]
    denials: Lexicon[bool]
    not_after_place: frozenset[str]
    capital: frozenset[str]
    weak_triggers: frozenset[str]
    explosions: frozenset[str]  # weak words that report a strike at a named place too
    air_defence: Lexicon[bool]  # air defence at work: the explosions were its
    accidents: Lexicon[bool]
    no_hits: Lexicon[bool]
    # a "military" target word that, named before a strike word, is the attacker
    attacker_nouns: frozenset[str]
    speech: frozenset[str]  # lemmas of saying: an actor before one is the claimant
    held: frozenset[str]  # "held", "controlled": "Russian-held" names the target's owner
    # weapons only one side uses ("Shahed", "HIMARS"): who struck, when nobody is named
    weapon_sides: Lexicon[str]
    # who repels an attack ("air defence", "ППО"): a party's word with them is no attacker
    defenders: Lexicon[str]  # "by" who defends, "act" what defending is
    # who speaks for a side ("Ministry of Defence", "General Staff", "governor"): a party
    # named with them is the claimant, whose ground the strike it reports is on
    spokesmen: frozenset[str]


def _lemmas(words: list[str], lang: str) -> frozenset[str]:
    return frozenset(lemma for w in words for t in tokenize(w, lang) for lemma in t.lemmas)


@cache
def pack(lang: str) -> Pack:
    m = lexicon_data(lang)
    numbers: dict[str, int | None] = {}
    for word, value in m["numbers"].items():
        for token in tokenize(word, lang):
            numbers.setdefault(token.lower, value)
            for lemma in token.lemmas[:1]:
                numbers.setdefault(lemma, value)
    no_casualties: dict[str, list[str]] = {
        "both": m["no_casualties"],
        "killed": m["no_killed"],
        "injured": m["no_injured"],
    }
    return Pack(
        lang=lang,
        # NOT_TARGETS ("port city", "military administration") match as "" and are dropped.
        targets=Lexicon({**m["targets"], "": m["not_targets"]}, lang),
        weapons=Lexicon(m["weapons"], lang),
        companies=Lexicon(m["companies"], lang),
        attacker_nouns=_lemmas(m["attacker_nouns"], lang),
        speech=_lemmas(m["speech_verbs"], lang),
        held=_lemmas(m["held_words"], lang),
        weapon_sides=Lexicon(m.get("weapon_sides", {}), lang),
        defenders=Lexicon(m.get("defenders", {}), lang),
        spokesmen=_lemmas(m.get("spokesmen", []), lang),
        # True for a word that reports a strike by itself, False for a weak one.
        triggers=Lexicon(
            {
                True: [t for t in m["triggers"] if t not in m["weak_triggers"]],
                False: m["weak_triggers"],
            },
            lang,
        ),
        talk=Lexicon({True: m["talk_words"]}, lang),
        actor_nouns=Lexicon(m["actor_nouns"], lang),
        state_nouns=Lexicon(m["state_nouns"], lang),
        actor_adjectives={
            lemma: party
            for party, words in m["actor_adjectives"].items()
            for lemma in _lemmas(words, lang)
        },
        no_casualties=Lexicon(no_casualties, lang),
        blockers=_lemmas(m["blockers"], lang),
        # The head of each phrase ("air force" → force), so that "air" is no force noun.
        force_nouns=_lemmas([w.split()[-1] for w in m["force_nouns"]], lang),
        killed=_lemmas(m["killed"], lang),
        injured=_lemmas(m["injured"], lang),
        persons=_lemmas(m["person_nouns"], lang),
        numbers=numbers,
        settlement_cues=_lemmas(m["settlement_cues"], lang),
        region_words=_lemmas(m["region_words"], lang),
        denials=Lexicon({True: m["denials"]}, lang),
        not_after_place=_lemmas(m["not_after_place"], lang),
        capital=_lemmas(m["capital"], lang),
        weak_triggers=_lemmas(m["weak_triggers"], lang),
        explosions=_lemmas(m["explosions"], lang),
        air_defence=Lexicon({True: m["air_defence"]}, lang),
        accidents=Lexicon({True: m["accidents"]}, lang),
        no_hits=Lexicon({True: m["no_hits"]}, lang),
    )
