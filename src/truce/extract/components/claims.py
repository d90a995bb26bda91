"""Who said it and whose target it was are not who struck (part of `actors`).

"Окупанти заявили про атаку" names a claimant; "склади з боєприпасами окупантів",
"російський склад", "a Russian-held depot" name the target's owner, so the attacker is
the other side (`attribution` reads the owners when no actor is left).
"""

from __future__ import annotations

from truce.extract.cues import cues
from truce.extract.doc import Sentence
from truce.extract.lexicon import Match
from truce.extract.morphology import may_be_genitive, part_of_speech
from truce.extract.packs import Pack

# The auxiliaries of a passive: "was accused", "is said", "got blamed".
_PASSIVE = cues("claims", "passive")
_AGENT = cues("claims", "agent")  # "fired by …", "со стороны …": who struck
# Punctuation that ends the phrase a claimant heads.
_BREAKS = ",;:.()—–"
# The kinds of target that are military when an armed force owns them ("склади ЗСУ").
_MILITARY_WHEN_OWNED = cues("claims", "military_when_owned")


def claimants_and_owners(s: Sentence, pack: Pack) -> None:
    """Who said it and whose target it was are not who struck: "Окупанти заявили про
    атаку" names a claimant, "склади з боєприпасами окупантів", "російський склад",
    "a Russian-held depot" the target's owner (so the attacker is the other side)."""
    tokens, n = s.tokens, len(s.tokens)

    def says(at: int) -> bool:
        """ "Russia said …", "Окупанти заявили про атаку", "Главарь оккупантов … Пушилин
        заявил, что …", "пишуть окупанти у пабліках": the actor is who speaks."""
        if pack.lang != "en" and at > 0 and not pack.speech.isdisjoint(tokens[at - 1].lemmas):
            return True  # "пишуть окупанти"
        if s.trigger and at >= s.trigger_at:
            return False
        end = min(n, at + 10, s.trigger_at if s.trigger else n)
        for k in range(at + 1, end):
            if any(c in s.text[tokens[k - 1].end : tokens[k].start] for c in _BREAKS):
                return False
            if not pack.speech.isdisjoint(tokens[k].lemmas):
                # "Russia was accused of …", "Ukraine is said to have …": a passive
                # names whom it is said of, not who says it.
                return not any(not _PASSIVE.isdisjoint(tokens[j].lemmas) for j in range(at + 1, k))
        return False

    owned: set[int] = set()
    forces: set[int] = set()  # the targets an armed force owns, by their first token
    # Owners `actors` already set aside are forces' nouns ("склад окупантів").
    nouns = list(s.owners)
    for t in s.targets:
        if pack.lang != "en" and any(_of_target(s, t.end, at, pack.lang) for at, _ in nouns):
            forces.add(t.start)
        k = t.start - 1
        if k >= 0:
            head, _, tail = tokens[k].lower.partition("-")
            party = pack.actor_adjectives.get(tokens[k].lemma)
            if party is None and tail and not pack.held.isdisjoint((tail,)):
                party = pack.actor_adjectives.get(head) or pack.actor_adjectives.get(
                    tokens[k].lemma.partition("-")[0]
                )
            if party is None and k > 0 and not pack.held.isdisjoint(tokens[k].lemmas):
                party = pack.actor_adjectives.get(tokens[k - 1].lemma)  # "Russian held"
            if party is None and k in s.actor_tokens:  # "Russian military barracks"
                k, party = next(((at, p) for at, p in reversed(s.actors) if at <= k), (k, None))
            if party is not None and not _attacking(s, t.start, t.end, k, pack):
                s.owners.append((k, party))
                owned.add(k)
        for at, party in s.actors:
            if pack.lang != "en" and _of_target(s, t.end, at, pack.lang):  # a genitive after it
                s.owners.append((at, party))
                owned.add(at)
                forces.add(t.start)
    for at, party in s.actors:
        if _holds(s, at, pack) and at not in owned:  # "окупованому росіянами Мелітополі"
            s.owners.append((at, party))
            owned.add(at)
    # "склади ЗСУ", "складам украинской армии": a store or works an armed force owns is
    # a military one, whatever civilian kind its word alone would say.
    s.targets = [
        Match("military", t.start, t.end, t.text)
        if t.start in forces and t.value in _MILITARY_WHEN_OWNED
        else t
        for t in s.targets
    ]
    s.claimants = [(at, p) for at, p in s.actors if at not in owned and says(at)]
    claimed = {at for at, _ in s.claimants}
    s.actors = [(at, p) for at, p in s.actors if at not in owned and at not in claimed]


def _attacking(s: Sentence, start: int, end: int, at: int, pack: Pack) -> bool:
    """Whether a party's force that reads as a target ("Ukrainian troops", "російські
    військові") is the attacker: the agent of a passive or a noun ("fired by Ukrainian
    troops", "со стороны украинских силовиков"), or the subject before the strike word
    ("російські військові поцілили у …"), not what was struck ("struck Russian troops",
    "Russian troops were hit")."""
    tokens = s.tokens
    if pack.force_nouns.isdisjoint(tokens[end - 1].lemmas):
        return False
    if any(not _AGENT.isdisjoint(tokens[k].lemmas) for k in range(max(0, at - 2), at)):
        return True
    strikes = [w.start for w in s.strike_words if w.start >= end]
    if not strikes:
        return False
    gap = s.text[tokens[end - 1].end : tokens[strikes[0]].start]
    passive = any(not _PASSIVE.isdisjoint(tokens[k].lemmas) for k in range(end, strikes[0]))
    return strikes[0] - end <= 3 and not any(c in gap for c in _BREAKS) and not passive


def _holds(s: Sentence, at: int, pack: Pack) -> bool:
    """Whether the actor at `at` is named as who holds a place ("окупованому росіянами
    Мелітополі", "occupied by Russia"), so owns what was struck there."""
    before = [t.lemmas for t in s.tokens[max(0, at - 2) : at]]
    if before and not pack.held.isdisjoint(before[-1]):
        return True
    return (
        len(before) == 2
        and not _AGENT.isdisjoint(before[1])
        and not pack.held.isdisjoint(before[0])
    )


# Parts of speech of the words of a genitive chain ("склад материально-технических
# средств ВСУ", "база Черноморского флота РФ").
_CHAIN = frozenset({"NOUN", "ADJF", None})


def _of_target(s: Sentence, end: int, at: int, lang: str) -> bool:
    """Whether the actor at `at` ends the noun phrase of a target ending at `end`: the
    owner of "склади окупантів", "база Черноморского флота РФ", not its attacker."""
    if not end <= at <= end + 3:
        return False
    if at > end and any(c in s.text[s.tokens[end - 1].end : s.tokens[at].start] for c in ",;:.()—"):
        return False
    return all(
        part_of_speech(t.lower, lang) in _CHAIN
        and (t.text.isupper() or may_be_genitive(t.lower, lang))  # "ВСУ" does not decline
        for t in s.tokens[end : at + 1]
    )
