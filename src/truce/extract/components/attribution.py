"""Component `attribution`: who struck, and with what, for the report and each draft.

The perpetrator is the actor (`actors`) of the first sentence that names one: the last
named before its strike word ("Russian drones hit …"), else the first after it; else the
other side of the target's owner ("склади окупантів"). "The enemy" is the other side of
the source's: its alignment, else the one side whose officials it relays ("…, сообщил
Гладков"), else a Ukrainian-language outlet's. A draft's own sentences speak first.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from itertools import pairwise

from truce.domain import UNKNOWN, Report
from truce.extract.cues import cues
from truce.extract.doc import Doc, Draft, Sentence
from truce.extract.language import detect_language
from truce.extract.morphology import tokenize
from truce.extract.packs import pack
from truce.extract.people import official_sides, person_named
from truce.extract.regionnames import source_regions
from truce.geo import gazetteer

_OPPOSITE = {"UA": "RU", "RU": "UA"}
# Regions Russia holds in whole or in part (Crimea and Sevastopol since 2014, parts of
# Donetsk and Luhansk Oblasts since 2014, of Zaporizhzhia and Kherson since 2022).
_HELD = cues("attribution", "held_by_russia")
_OFFICES = cues("attribution", "offices")  # a source named for an official
_OCCUPATION = cues("attribution", "occupation")  # … installed by Russia
_MISSILES = ("ballistic missile", "cruise missile")
# Verbs of air defence: the drones or missiles a sentence says were intercepted or shot
# down are not the weapon of the strike the report is about.
_INTERCEPTION = cues("attribution", "interception")


def attribution(doc: Doc) -> Doc:
    incident, facts = doc.incident, doc.sentences
    doc.weapon = _weapon(incident) or _weapon([s for s in facts if not _interception(s)])
    doc.side = side = _side(doc.report, doc.lang, facts)
    doc.perpetrator = _perpetrator(incident, side)
    if doc.perpetrator == UNKNOWN:
        doc.perpetrator = _perpetrator(facts, side)
    for draft in doc.drafts:
        members = set(draft.sentences)  # a list: asked of every sentence, it grew squared
        own = [s for s in facts if s.index in members]
        actor = _perpetrator(own, side)
        draft.perpetrator = actor if actor != UNKNOWN else doc.perpetrator
        if draft.perpetrator == UNKNOWN:
            draft.perpetrator = _on_own_ground(draft, side)
        draft.weapon = _weapon(own) or doc.weapon
    return doc


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


def _on_own_ground(draft: Draft, side: str | None) -> str:
    """A side's own report of an attack on its own ground that names no attacker
    ("Хинштейн: в Курске при атаке БПЛА погибла женщина", "ракетний удар по Дніпру"):
    the attacker is the other side, as "the enemy" in its words would be. Ground Russia
    holds counts as Russia's for a Russian source; for a Ukrainian one, only ground that
    is not Russian-held in part, where a strike may be either side's."""
    where = draft.where
    region = where.place.region if where.place else where.region.name if where.region else None
    country = (where.place.country if where.place else None) or (
        where.region.country if where.region else where.country
    )
    if side == "RU" and (country == "RU" or region in _HELD):
        return "UA"
    if side == "UA" and country == "UA" and region not in _HELD:
        return "RU"
    return UNKNOWN


def _side(report: Report, lang: str, facts: list[Sentence]) -> str | None:
    """The side a source speaks for: its alignment; else that of the one side whose
    officials it relays ("…, сообщил Гладков"); else a Ukrainian-language outlet's
    (whose "ворог" is Russia's forces, as an official's is)."""
    if report.source_alignment in _OPPOSITE:
        return report.source_alignment
    own = _source_side(report.source)
    if own is not None:
        return own
    day = report.published.date() if report.published else None
    relayed = official_sides([t.text for s in facts for t in s.tokens], day)
    if len(relayed) == 1:
        return next(iter(relayed))
    speaking = _heads_speaking(facts, lang, day)
    if len(speaking) == 1:
        return speaking.pop()
    return "UA" if lang == "uk" else None


@lru_cache(maxsize=4096)
def _source_side(source: str | None) -> str | None:
    """The side of a source named for a region's official ("Kursk Region Governor",
    "Харківська обласна військова адміністрація", "… (relaying Voronezh governor)"):
    Russia's for a Russian region or an occupation official, else Ukraine's."""
    if not source:
        return None
    lang = detect_language(source, None)
    words = {w for t in tokenize(source, lang) for w in (t.lower, t.lemma)}
    if _OFFICES.isdisjoint(words):
        return None
    regions = {gazetteer().regions_by_name[name] for name in source_regions(source, lang)}
    if len(regions) > 1:
        return None
    if not _OCCUPATION.isdisjoint(words):
        return "RU"
    if regions:
        return "RU" if regions.pop().country == "RU" else "UA"
    return None


def _heads_speaking(facts: list[Sentence], lang: str, day: date | None) -> set[str]:
    """The sides of the heads of state a report quotes ("… – Zelensky", "Зеленский
    заявил", "Путин: …"); only as speakers: "Putin's officers" is no Russian source."""
    speech = pack(lang).speech
    sides = set()
    for s in facts:
        for k, token in enumerate(s.tokens):
            person = person_named(token.text) if token.capitalised else None
            if person is None or person.side is None or not person.in_office(day):
                continue
            after = s.text[token.end : token.end + 2].strip()
            before = s.text[max(0, token.start - 3) : token.start].strip()
            says = k + 1 < len(s.tokens) and not speech.isdisjoint(s.tokens[k + 1].lemmas)
            ends = k == len(s.tokens) - 1 and before in ("–", "—", "-")
            if says or after.startswith(":") or ends:
                sides.add(person.side)
    return sides
