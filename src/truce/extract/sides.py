"""The side a source speaks for, and the attacker a side's own report implies.

A source's side is its alignment; else that of the one side whose regional officials it
relays in office ("…, сообщил Гладков", "мэр Донецка Кулемзин"); else that of the
official its name names ("Kursk Region Governor", "Харківська ОВА"; Russia's for an
occupation official); else its outlet's ("Censor.net", "Lenta.ru"); else that of a head
of state it quotes ("… – Zelensky") or of the bodies it names as speaking ("the Russian
Defence Ministry said"); else a Ukrainian-language outlet's. "The enemy" in its words is
the other side, and so is the attacker of a strike on its own ground that it names no
attacker for; a strike on the other side's ground is its own side's. Used by
`attribution`.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from truce.domain import UNKNOWN, Report
from truce.extract.cues import cues
from truce.extract.doc import Draft, Sentence
from truce.extract.language import detect_language
from truce.extract.morphology import Token, tokenize
from truce.extract.outlets import outlet_side
from truce.extract.packs import Pack, pack
from truce.extract.people import official_sides, person_named
from truce.extract.regionnames import source_regions
from truce.geo import gazetteer

OPPOSITE = {"UA": "RU", "RU": "UA"}
# Regions Russia holds in whole or in part (Crimea and Sevastopol since 2014, parts of
# Donetsk and Luhansk Oblasts since 2014, of Zaporizhzhia and Kherson since 2022).
_HELD = cues("attribution", "held_by_russia")
_HELD_WHOLE = cues("attribution", "held_whole_by_russia")
_OFFICES = cues("attribution", "offices")  # a source named for an official
_OCCUPATION = cues("attribution", "occupation")  # … installed by Russia
_ACCORDING = cues("attribution", "according")
_MILITARY = re.compile(
    r"(?<!\w)(" + "|".join(map(re.escape, cues("attribution", "military_sources"))) + r")(?!\w)",
    re.IGNORECASE,
)  # "according to …", "за даними …"


def on_own_ground(draft: Draft, side: str | None) -> str:
    """A side's own report of an attack on its own ground that names no attacker
    ("Хинштейн: в Курске при атаке БПЛА погибла женщина", "ракетний удар по Дніпру"):
    the attacker is the other side, as "the enemy" in its words would be. Ground Russia
    holds counts as Russia's for a Russian source; for a Ukrainian one, only ground that
    is not Russian-held in part, where a strike may be either side's. A strike on the
    other side's ground is the source's own side's: Russia and Crimea in a Ukrainian
    report, Ukrainian-held ground in a Russian one."""
    where = draft.where
    region = where.place.region if where.place else where.region.name if where.region else None
    country = (where.place.country if where.place else None) or (
        where.region.country if where.region else where.country
    )
    if side == "RU" and (country == "RU" or region in _HELD):
        return "UA"
    if side == "UA" and country == "UA" and region not in _HELD:
        return "RU"
    if side == "UA" and (region in _HELD_WHOLE or country == "RU"):
        return "UA"  # Crimea and Russia are Russia's to defend, not to strike, for Ukraine
    if side == "RU" and country == "UA" and region not in _HELD:
        return "RU"  # "удары нанесены по объектам энергетики в Харьковской области"
    return UNKNOWN


def military_source(report: Report) -> bool:
    """Whether the source is a military's own statement ("Gazeta.ru (relaying RU MoD)",
    "Генштаб ЗСУ"), which reports its own side's strikes more than the other's."""
    return _MILITARY.search(report.source or "") is not None


def officials_side(report: Report, facts: list[Sentence]) -> str | None:
    """The side of the regional official a report is from, by the source's name
    ("relaying Mykolaiv RMA") or the officials its text names in office ("…, – Кім"):
    a strike it tells of with no place named is on his own region ("вони атакували
    дві цілі", "обстрілом пошкоджено енергетичний об'єкт")."""
    own = _source_side(report.source)
    if own is not None:
        return own
    day = report.published.date() if report.published else None
    relayed = official_sides([t.text for s in facts for t in s.tokens], day)
    return next(iter(relayed)) if len(relayed) == 1 else None


def source_side(report: Report, lang: str, facts: list[Sentence]) -> str | None:
    """The side a source speaks for: its alignment; else that of the one side whose
    officials it relays ("…, сообщил Гладков"); else a Ukrainian-language outlet's
    (whose "ворог" is Russia's forces, as an official's is)."""
    if report.source_alignment in OPPOSITE:
        return report.source_alignment
    day = report.published.date() if report.published else None
    # The officials the text names in office come before the source's name: "relaying
    # Donetsk mayor" is Russia's official when he is Kulemzin, Russian-installed.
    relayed = official_sides([t.text for s in facts for t in s.tokens], day)
    if len(relayed) == 1:
        return next(iter(relayed))
    own = _source_side(report.source)
    if own is not None:
        return own
    states = _states_speaking(facts, lang)  # "Киев сообщил …" in a Russian outlet
    if len(states) == 1:
        return states.pop()
    outlet = outlet_side(report.source)
    if outlet is not None:
        return outlet
    speaking = _heads_speaking(facts, lang, day) or speakers(facts, lang, claimants=False)
    if len(speaking) == 1:
        return speaking.pop()
    return "UA" if lang == "uk" else None


def speakers(facts: list[Sentence], lang: str, *, claimants: bool = True) -> set[str]:
    """The sides whose bodies or forces a report names as speaking: "the Russian Defence
    Ministry said", "Генштаб ЗСУ повідомив", "по данным Минобороны РФ", and a claimant
    ("Окупанти заявили про атаку", unless `claimants` is False: "окупанти" is a Ukrainian
    outlet's word for whom it quotes). Who speaks of a strike is a side; the strike it
    tells of with no attacker named is on its own ground, or its own on the other side's."""
    p = pack(lang)
    sides = {party for s in facts for _, party in s.claimants if claimants and party in OPPOSITE}
    for s in facts:
        tokens = s.tokens
        if not any(not p.spokesmen.isdisjoint(t.lemmas) for t in tokens):
            continue
        if not any(
            not p.speech.isdisjoint(t.lemmas) or not _ACCORDING.isdisjoint(t.lemmas) for t in tokens
        ):
            continue
        for k, token in enumerate(tokens):
            if p.spokesmen.isdisjoint(token.lemmas):
                continue
            for j in range(max(0, k - 3), min(len(tokens), k + 4)):
                a, b = min(j, k), max(j, k)
                if any(c in s.text[tokens[a].end : tokens[b].start] for c in ",;:.()"):
                    continue
                party = next(filter(None, map(p.actor_adjectives.get, tokens[j].lemmas)), None)
                party = party or _party_noun(p, tokens, j)
                if party in OPPOSITE:
                    sides.add(party)
    return sides


def _states_speaking(facts: list[Sentence], lang: str) -> set[str]:
    """The sides whose state or capital a report names as saying what it relays ("Киев
    сообщил о погибших…", "Russia says …"): its account is that side's, whoever's
    outlet prints it."""
    states = pack(lang).state_nouns
    return {
        party
        for s in facts
        for at, party in s.claimants
        if party in OPPOSITE and states.match_at(s.tokens, at) is not None
    }


def _party_noun(p: Pack, tokens: list[Token], at: int) -> str | None:
    """The party a state's or force's name at `at` names ("РФ", "ЗСУ", "Ukraine's")."""
    for lexicon in (p.state_nouns, p.actor_nouns):
        found = lexicon.match_at(tokens, at)
        if found is not None:
            return found[0]
    return None


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
