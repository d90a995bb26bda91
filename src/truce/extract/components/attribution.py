"""Component `attribution`: who struck, and with what, for the report and each draft.

The perpetrator is the actor (`actors`) of the first sentence that names one: the last
named before its strike word ("Russian drones hit …"), else the first after it; else the
other side of the target's owner ("склади окупантів"); else the side whose weapons only
it uses ("HIMARS"); else, for a military's own statement, its side on a military target;
else, for a side's own report of an attack on its own ground, the other side (`sides`),
and so for a claimant's ("пишуть окупанти") and, with no place named, for a regional
official's own region. "The enemy" is the other side of the source's. A draft's own
sentences speak first.
"""

from __future__ import annotations

from itertools import pairwise

from truce.domain import UNKNOWN
from truce.extract.cues import cues
from truce.extract.doc import Doc, Draft, Sentence
from truce.extract.packs import Pack
from truce.extract.sides import OPPOSITE as _OPPOSITE
from truce.extract.sides import (
    military_source,
    officials_side,
    on_own_ground,
    source_side,
    speakers,
)

_MISSILES = ("ballistic missile", "cruise missile")
# Verbs of air defence: the drones or missiles a sentence says were intercepted or shot
# down are not the weapon of the strike the report is about.
_INTERCEPTION = cues("attribution", "interception")


def attribution(doc: Doc) -> Doc:
    incident, facts = doc.incident, doc.sentences
    doc.weapon = _weapon(incident) or _weapon([s for s in facts if not _interception(s)])
    doc.side = side = source_side(doc.report, doc.lang, facts)
    doc.perpetrator = _perpetrator(incident, side)
    if doc.perpetrator == UNKNOWN:
        doc.perpetrator = _perpetrator(facts, side)
    if doc.perpetrator == UNKNOWN:
        doc.perpetrator = _weapon_side(facts, doc.pack)
    speaking: set[str] | None = None  # read only when a draft needs it
    own_strike = military_source(doc.report)
    for draft in doc.drafts:
        members = set(draft.sentences)  # a list: asked of every sentence, it grew squared
        own = [s for s in facts if s.index in members]
        actor = _perpetrator(own, side)
        draft.perpetrator = actor if actor != UNKNOWN else doc.perpetrator
        if (
            draft.perpetrator == UNKNOWN
            and own_strike
            and (draft.target or "").startswith("military")
        ):
            draft.perpetrator = side or UNKNOWN  # "поражены два склада боеприпасов" (RU MoD)
        if draft.perpetrator == UNKNOWN:
            draft.perpetrator = on_own_ground(draft, side)
        if draft.perpetrator == UNKNOWN and speaking is None:
            speaking = speakers(facts, doc.lang) - {side}
        if draft.perpetrator == UNKNOWN and speaking and len(speaking) == 1:
            # "Окупанти заявили про атаку на Донецьк" in a Ukrainian outlet: who claims
            # an attack on his own ground was attacked by the other side
            draft.perpetrator = on_own_ground(draft, next(iter(speaking)))
        if draft.perpetrator == UNKNOWN and _nowhere(draft):
            # a regional official's strike with no place named is on his own region
            official = officials_side(doc.report, facts)
            draft.perpetrator = _OPPOSITE.get(official or "", UNKNOWN)
        draft.weapon = _weapon(own) or doc.weapon
    return doc


def _nowhere(draft: Draft) -> bool:
    where = draft.where
    return where.place is None and where.region is None and where.country is None


def _weapon_side(facts: list[Sentence], pack: Pack) -> str:
    """The side whose weapons the report names, when they are one side's only ("HIMARS
    знищили казарми", "a Shahed hit a house")."""
    sides = {m.value for s in facts for m in pack.weapon_sides.find(s.tokens, s.text)}
    return sides.pop() if len(sides) == 1 else UNKNOWN


def _weapon(facts: list[Sentence]) -> str | None:
    found = [w.value for s in facts for w in s.weapons]
    if not found:
        return None
    missiles = {w for w in found if w in (*_MISSILES, "missile")}
    specific = {w for w in missiles if w in _MISSILES}
    if missiles:
        return specific.pop() if len(specific) == 1 else "missile"
    return found[0]


def _interception(s: Sentence) -> bool:
    """A sentence about what air defence intercepted or shot down."""
    lemmas = [t.lemma for t in s.tokens]
    shot_down = any(pair == ("shoot", "down") for pair in pairwise(lemmas))
    return shot_down or any(not _INTERCEPTION.isdisjoint(t.lemmas) for t in s.tokens)


def _perpetrator(facts: list[Sentence], alignment: str | None) -> str:
    """The actor of the first sentence that names one: the last named before its
    strike word ("Russian drones hit …"), else the first after it; else the other side
    of the target's owner ("склади окупантів"). `alignment` is the side the source
    speaks for, whose "enemy" is the other."""
    for s in facts:
        if not s.actors:
            continue
        before = [party for at, party in s.actors if at < s.trigger_at]
        party = before[-1] if before else s.actors[0][1]
        if party == "ENEMY":
            return _OPPOSITE.get(alignment or "", UNKNOWN)
        return party
    for s in facts:
        for _, owner in s.owners:
            side = alignment if owner == "ENEMY" else _OPPOSITE.get(owner)
            if side in _OPPOSITE:
                return side
    return UNKNOWN
