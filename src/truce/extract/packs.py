"""Each language's lexicons, compiled once on first use."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from types import ModuleType

from truce.extract.lexicon import Lexicon
from truce.extract.lexicons import en, ru, uk
from truce.extract.morphology import tokenize

_MODULES: dict[str, ModuleType] = {"en": en, "uk": uk, "ru": ru}


@dataclass(frozen=True)
class Pack:
    lang: str
    targets: Lexicon[str]
    weapons: Lexicon[str]
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
    accidents: Lexicon[bool]
    no_hits: Lexicon[bool]
    # a "military" target word that, named before a strike word, is the attacker
    attacker_nouns: frozenset[str]
    speech: frozenset[str]  # lemmas of saying: an actor before one is the claimant
    held: frozenset[str]  # "held", "controlled": "Russian-held" names the target's owner


def _lemmas(words: list[str], lang: str) -> frozenset[str]:
    return frozenset(lemma for w in words for t in tokenize(w, lang) for lemma in t.lemmas)


@cache
def pack(lang: str) -> Pack:
    m = _MODULES[lang]
    numbers: dict[str, int | None] = {}
    for word, value in m.NUMBERS.items():
        for token in tokenize(word, lang):
            numbers.setdefault(token.lower, value)
            for lemma in token.lemmas[:1]:
                numbers.setdefault(lemma, value)
    no_casualties: dict[str, list[str]] = {
        "both": m.NO_CASUALTIES,
        "killed": m.NO_KILLED,
        "injured": m.NO_INJURED,
    }
    return Pack(
        lang=lang,
        # NOT_TARGETS ("port city", "military administration") match as "" and are dropped.
        targets=Lexicon({**m.TARGETS, "": m.NOT_TARGETS}, lang),
        weapons=Lexicon(m.WEAPONS, lang),
        attacker_nouns=_lemmas(m.ATTACKER_NOUNS, lang),
        speech=_lemmas(m.SPEECH_VERBS, lang),
        held=_lemmas(m.HELD_WORDS, lang),
        # True for a word that reports a strike by itself, False for a weak one.
        triggers=Lexicon(
            {True: [t for t in m.TRIGGERS if t not in m.WEAK_TRIGGERS], False: m.WEAK_TRIGGERS},
            lang,
        ),
        talk=Lexicon({True: m.TALK_WORDS}, lang),
        actor_nouns=Lexicon(m.ACTOR_NOUNS, lang),
        state_nouns=Lexicon(m.STATE_NOUNS, lang),
        actor_adjectives={
            lemma: party
            for party, words in m.ACTOR_ADJECTIVES.items()
            for lemma in _lemmas(words, lang)
        },
        no_casualties=Lexicon(no_casualties, lang),
        blockers=_lemmas(m.BLOCKERS, lang),
        # The head of each phrase ("air force" → force), so that "air" is no force noun.
        force_nouns=_lemmas([w.split()[-1] for w in m.FORCE_NOUNS], lang),
        killed=_lemmas(m.KILLED, lang),
        injured=_lemmas(m.INJURED, lang),
        persons=_lemmas(m.PERSON_NOUNS, lang),
        numbers=numbers,
        settlement_cues=_lemmas(m.SETTLEMENT_CUES, lang),
        region_words=_lemmas(m.REGION_WORDS, lang),
        denials=Lexicon({True: m.DENIALS}, lang),
        not_after_place=_lemmas(m.NOT_AFTER_PLACE, lang),
        capital=_lemmas(m.CAPITAL, lang),
        weak_triggers=_lemmas(m.WEAK_TRIGGERS, lang),
        accidents=Lexicon({True: m.ACCIDENTS}, lang),
        no_hits=Lexicon({True: m.NO_HITS}, lang),
    )
