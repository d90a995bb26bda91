"""Component `actors`: who struck, as each sentence names them.

An actor is a force noun ("окупанти", "the Russian military"), a party's adjective before
a force or a weapon ("Russian drones", "російський Іскандер"), or a state's name that acts
("Russia attacked …", "удар РФ по Дніпру", "blamed Kyiv"), not one that is a place ("in
Russia"). An actor before a negated strike word ("Russia denied striking …") is none;
one who only says or claims it, or owns the target, is moved aside by `claims`.
"""

from __future__ import annotations

from collections.abc import Callable

from truce.extract.components.claims import claimants_and_owners
from truce.extract.cues import cues
from truce.extract.doc import Doc, Sentence
from truce.extract.morphology import Token, cases, part_of_speech
from truce.extract.packs import Pack
from truce.extract.placewords import WORDS

# Prepositions before a state's or capital's name that make it a place, not an actor.
LOCATIVE = cues("actors", "locative")
_BLAME = cues("actors", "blame")
_ATTACK_NOUNS = cues("actors", "attack_nouns")
_CAPITALS = frozenset(WORDS.capitals)
# Words that end the phrase an actor adjective heads ("Kyiv with drones" names no actor).
_PHRASE_BREAKS = cues("actors", "phrase_breaks")


def _before_force(tokens: list[Token], i: int, pack: Pack, text: str) -> bool:
    """Whether the actor adjective or state at `i` heads a force noun within three words:
    "Russian drones", "Moscow's forces", "Kyiv's military", "російські окупаційні війська"."""
    for k in range(i + 1, min(len(tokens), i + 4)):
        if any(mark in text[tokens[k - 1].end : tokens[k].start] for mark in ",;:.()"):
            return False
        if not pack.force_nouns.isdisjoint(tokens[k].lemmas):
            return True
        if pack.weapons.match_at(tokens, k) is not None:
            return True  # "a Russian Shahed", "російський Іскандер"
        if tokens[k].lower in _PHRASE_BREAKS:
            return False
    return False


def actors(doc: Doc) -> Doc:
    for s in doc.sentences:
        _actors(s, doc.pack)
    return doc


def _actors(s: Sentence, pack: Pack) -> None:
    tokens, text, n = s.tokens, s.text, len(s.tokens)
    negated_at = s.negated_at
    # Actors
    actor_tokens = s.actor_tokens
    for match in pack.actor_nouns.find(tokens, text):
        # not "air defence forces", which are nobody's attackers; "the enemy's" in
        # "зниження спроможностей противника" owns, not strikes
        if match.value and _possessor(s, match.start, pack):
            s.owners.append((match.start, match.value))
        elif match.value:
            s.actors.append((match.start, match.value))
        actor_tokens.update(range(match.start, match.end))
    for i, token in enumerate(tokens):
        party = next(filter(None, map(pack.actor_adjectives.get, token.lemmas)), None)
        if party is not None and _before_force(tokens, i, pack, text):
            s.actors.append((i, party))
    for match in pack.state_nouns.find(tokens, text):
        before = tokens[match.start - 1].lemma if match.start > 0 else ""
        if before in pack.region_words:
            continue  # "у Бєлгородській області РФ": where, not who
        if match.start > 0 and not _BLAME.isdisjoint(tokens[match.start - 1].lemmas):
            before = "by"
        following = {lemma for t in tokens[match.end : match.end + 2] for lemma in t.lemmas}
        # "Kyiv attacked …" names an actor; "drones struck Kyiv, damaging …" a place.
        acts = any(
            pack.triggers.match_at(tokens, k)
            and not any(c in text[tokens[match.end - 1].end : tokens[k].start] for c in ",;.:")
            for k in range(match.end, min(n, match.end + 4))
        ) and not (match.start > 0 and pack.triggers.match_at(tokens, match.start - 1))
        if (
            acts
            or before in _BLAME
            # "удар РФ по Дніпру", "атака России"; but "обстріл Києва" is of the city
            or (before in _ATTACK_NOUNS and tokens[match.start].lemma not in _CAPITALS)
            or not following.isdisjoint(_BLAME)
            or _of_force(s, match.start, pack)
        ) and before not in LOCATIVE:
            s.actors.append((match.start, match.value))
            actor_tokens.update(range(match.start, match.end))
    for i, token in enumerate(tokens[:-1]):
        if token.lower in ("its", "their") and tokens[i + 1].lower in (
            "own",
            "forces",
            "troops",
            "military",
            "drones",
        ):
            states = [party for at, party in s.actors if at < i and party != "ENEMY"]
            states += [m.value for m in pack.state_nouns.find(tokens[:i], text)]
            if states:
                s.actors.append((i, states[-1]))

    def next_trigger_blocked(at: int) -> bool:
        """ "Russia denied striking …", "Ukraine would never attack …": no actor of a
        strike. A weak strike word with nothing hit ("the enemy fired shells") still
        names who fired."""
        after = [negated for start, negated in negated_at if start >= at]
        return bool(after) and after[0]

    aside = _bracketed(s)
    spans = [(m.start, m.end, m.value) for m in pack.defenders.find(tokens, text)]
    defending = _defenders(s, spans)
    if spans:
        # Who defends holds the ground attacked, as a target's owner does: "Russian air
        # defence shot down drones over Belgorod" tells the attacker is the other side.
        s.owners += [(at, party) for at, party in s.actors if party != "ENEMY" and defending(at)]
        s.owners += _air_defence_of(s, spans, pack)
    s.actors = sorted(
        (at, party)
        for at, party in s.actors
        if not next_trigger_blocked(at)
        and (aside[at] == aside[s.trigger_at] or not aside[at])
        and not defending(at)
    )
    claimants_and_owners(s, pack)


_Span = tuple[int, int, str]  # a defender's words: start, end, "by" or "act"


def _air_defence_of(s: Sentence, spans: list[_Span], pack: Pack) -> list[tuple[int, str]]:
    """The parties whose air defence a sentence names by an adjective before it ("Russian
    air defence", "українська ППО"), which no force noun makes an actor."""
    found = []
    for start, _, kind in spans:
        if kind == "by" and start > 0:
            before = s.tokens[start - 1]
            party = next(filter(None, map(pack.actor_adjectives.get, before.lemmas)), None)
            if party in ("RU", "UA"):
                found.append((start - 1, party))
    return found


def _defenders(s: Sentence, spans: list[_Span]) -> Callable[[int], bool]:
    """Whether the actor at a token is a defender: named with air defence ("Силы ПВО
    РФ", "Russian air defence") or the subject of repelling or shooting down ("Ukrainian
    forces shot down 20 drones", "ППО збила"), which makes it nobody's attacker; not a
    party's weapon, which is what is shot down ("Ukrainian drones were shot down")."""
    tokens, text = s.tokens, s.text
    if not spans:
        return lambda at: False

    def joined(a: int, b: int) -> bool:
        return not any(c in text[tokens[a].end : tokens[b].start] for c in ",;:.()—")

    weapons = {w.start for w in s.weapons}

    def defending(at: int) -> bool:
        for k in (at + 1, at + 2):
            if k in weapons and not any(at < start <= k for start, _, _ in spans):
                return False  # "Ukrainian drones had been shot down": what is shot down
        for start, end, kind in spans:
            if start <= at < end:
                return True
            if at < start <= at + 4 and joined(at, start):
                return not (s.trigger and at < s.trigger_at <= start)  # "X struck …, repelled"
            if kind == "by" and (end == at or (end == at - 1 and tokens[end].lower == "of")):
                return joined(end - 1, at)  # "Силы ПВО РФ", "the air defence of Ukraine"
        return False

    return defending


def _of_force(s: Sentence, at: int, pack: Pack) -> bool:
    """Whether the state named at `at` is a force's, in the genitive after it: "Вооруженных
    сил Украины", "Сил оборони України", "со стороны Украины" (not a capital's: "армия
    Москвы" is rare, "обстріл Києва" common)."""
    if pack.lang == "en" or s.tokens[at].lemma in _CAPITALS:
        return False
    for k in (at - 1, at - 2):
        if k < 0 or any(c in s.text[s.tokens[k].end : s.tokens[at].start] for c in ",;.:()"):
            return False
        if not pack.force_nouns.isdisjoint(s.tokens[k].lemmas[:1]):
            return True
    return False


def _possessor(s: Sentence, at: int, pack: Pack) -> bool:
    """Whether the actor noun at `at` is a genitive after a noun that is no strike or
    force word: whose capabilities or positions ("спроможностей противника", "позиції
    окупантів"), not who struck ("удар противника", "підрозділи ЗСУ")."""
    if pack.lang == "en" or at == 0:
        return False
    word, head = s.tokens[at], s.tokens[at - 1]
    if s.text[head.end : word.start].strip() or part_of_speech(word.lower, pack.lang) != "NOUN":
        return False
    return (
        part_of_speech(head.lower, pack.lang) == "NOUN"
        and "gent" in cases(word.lower, pack.lang)
        and "nomn" not in cases(word.lower, pack.lang)  # "минулої ночі Сили оборони"
        and pack.triggers.match_at(s.tokens, at - 1) is None
        and pack.force_nouns.isdisjoint(head.lemmas)
        and head.lemma not in _ATTACK_NOUNS
    )


def _bracketed(s: Sentence) -> list[bool]:
    """Whether each token stands in brackets: a remark aside ("морские дроны (российские
    военные называют их безэкипажные катера) атаковали порт") names who speaks of the
    strike, not who struck."""
    out, depth, at = [], 0, 0
    for token in s.tokens:
        depth += s.text.count("(", at, token.start) - s.text.count(")", at, token.start)
        out.append(depth > 0)
        at = token.start
    return out
