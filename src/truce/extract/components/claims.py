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
# The kinds of target that are military when an armed force owns them ("склади ЗСУ").
_MILITARY_WHEN_OWNED = cues("claims", "military_when_owned")


def claimants_and_owners(s: Sentence, pack: Pack) -> None:
    """Who said it and whose target it was are not who struck: "Окупанти заявили про
    атаку" names a claimant, "склади з боєприпасами окупантів", "російський склад",
    "a Russian-held depot" the target's owner (so the attacker is the other side)."""
    tokens, n = s.tokens, len(s.tokens)

    def says(at: int) -> bool:
        if s.trigger and at >= s.trigger_at:
            return False
        end = min(n, at + 4, s.trigger_at if s.trigger else n)
        for k in range(at + 1, end):
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
            if party is not None:
                s.owners.append((k, party))
                owned.add(k)
        for at, party in s.actors:
            if pack.lang != "en" and _of_target(s, t.end, at, pack.lang):  # a genitive after it
                s.owners.append((at, party))
                owned.add(at)
                forces.add(t.start)
    # "склади ЗСУ", "складам украинской армии": a store or works an armed force owns is
    # a military one, whatever civilian kind its word alone would say.
    s.targets = [
        Match("military", t.start, t.end, t.text)
        if t.start in forces and t.value in _MILITARY_WHEN_OWNED
        else t
        for t in s.targets
    ]
    s.actors = [(at, p) for at, p in s.actors if at not in owned and not says(at)]


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
