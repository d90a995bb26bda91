"""Component `negation`: which strike word reports this sentence's strike, if any.

A strike word is ruled out when a negation, a hypothetical or a habit stands before it
in its clause ("no strike was reported", "would never attack", "постійно обстрілює") or
"нет" ends it ("повреждений … нет"), when a closing clause urges or threatens it ("…,
Ukraine urged"), when it only says what kind of weapon ("attack drones"), when it says
what air defence did ("destroyed 25 drones", "ПВО отразили атаку"), when it tells of a
past strike ("after last week's strikes", see `past`), and a weak one ("fell") when
nothing hit is named. A weapon "on" what was hit is a strike told without a verb. A
denial ("reports … are a fabrication") rules out the sentence. Targets and weapons named
in a negated clause are dropped.
"""

from __future__ import annotations

from truce.extract.components.past import retrospective
from truce.extract.cues import cues
from truce.extract.doc import Doc, Sentence
from truce.extract.lexicon import Match
from truce.extract.morphology import Token
from truce.extract.packs import Pack

# Verbs that, with a drone or missile as their object, say what was done to the weapon
# (shot down, launched), not what it hit.
_INTERCEPT = cues("negation", "intercept")


def _intercepted(tokens: list[Token], start: int, end: int, s: Sentence, pack: Pack) -> bool:
    """Whether a "destroyed" says what air defences did to drones or missiles ("destroyed
    25 drones", "12 БпЛА знищено") rather than what a strike did to a target."""
    if _INTERCEPT.isdisjoint(tokens[start].lemmas):
        return False
    targets_after = [t.start for t in s.targets if t.start >= end]
    for w in s.weapons:
        if end <= w.start <= end + 6 and not any(t <= w.start for t in targets_after):
            return True
        if start - 4 <= w.start < start and not targets_after:
            return True
    return False


_CLAUSE_START = cues("negation", "clause_start")
# Verbs that say an attack was repelled ("ПВО отразили атаку", "the attack was repelled").
_REPEL = cues("negation", "repel")


_NONE_AFTER = cues("negation", "none_after")


def _denied_after(tokens: list[Token], end: int, text: str) -> bool:
    """Whether the strike noun's clause ends by saying there is none: "повреждений в
    жилом секторе нет", "пошкоджень немає"."""
    for k in range(end, min(len(tokens), end + 5)):
        if any(m in text[tokens[k - 1].end : tokens[k].start] for m in ",;:—."):
            return False
        if tokens[k].lower in _NONE_AFTER:
            return True
    return False


_URGE = cues("negation", "urge")


def _urged_after(tokens: list[Token], text: str, triggers: list[Match[bool]]) -> bool:
    """Whether the sentence ends in a clause that urges or warns what it says before
    ("Bomb Russia's bridge to Crimea, Ukraine urged", "…, — пригрозил Медведев"): what is
    urged has not happened."""
    last = 0
    for k in range(1, len(tokens)):
        if any(m in text[tokens[k - 1].end : tokens[k].start] for m in ",;:—"):
            last = k
    if last == 0 or any(t.start >= last for t in triggers):
        return False
    return any(not _URGE.isdisjoint(t.lemmas) for t in tokens[last:])


_WEAPON_ON = cues("negation", "weapon_on")


def _weapon_on_target(s: Sentence) -> None:
    """A weapon "on" what was hit is a strike told without a verb, as terse lines and
    captions put it: "MLRS barrage on a commercial area", "Cluster munitions on a
    residential area"."""
    tokens = s.tokens
    for w in s.weapons:
        if (
            w.end < len(tokens)
            and tokens[w.end].lower in _WEAPON_ON
            and any(w.end < t.start <= w.end + 8 for t in s.targets)
        ):
            s.trigger, s.blocked, s.trigger_at = True, False, w.start
            s.casualty_only = False
            return


def _repelled(tokens: list[Token], start: int, end: int, text: str) -> bool:
    """Whether a repel verb stands beside the strike word in its clause ("силы ПВО
    отразили атаку", "атаку було відбито", "an attack … was repelled"): no hit."""
    for k in [*range(start - 1, max(-1, start - 4), -1), *range(end, min(len(tokens), end + 4))]:
        lo, hi = (k, start) if k < start else (end - 1, k)
        if any(m in text[tokens[lo].end : tokens[hi].start] for m in ",;:—"):
            continue
        if not _REPEL.isdisjoint(tokens[k].lemmas):
            return True
    return False


def negation(doc: Doc) -> Doc:
    for s in doc.sentences:
        _negation(s, doc.pack)
    return doc


def _negation(s: Sentence, pack: Pack) -> None:
    tokens, text = s.tokens, s.text
    # "attack drones", "strike UAVs": a strike word that only says what kind of weapon.
    # One that ends with the weapon's words is the strike itself ("air strikes").
    triggers = [
        trig
        for trig in s.strike_words
        if not any(w.start <= trig.start and trig.end < w.end for w in s.weapons)
    ]
    blocked_at: list[tuple[int, bool]] = []
    negated_at: list[tuple[int, bool]] = []
    strong = False
    past_from = retrospective(tokens, text, pack, triggers, s.targets)
    urged = _urged_after(tokens, text, triggers)
    for trig in triggers:
        window = tokens[max(0, trig.start - 6) : trig.start]
        # A negation in the clause before "after" or a comma is not this strike's.
        for k in range(len(window) - 1, -1, -1):
            gap = text[
                window[k].end : tokens[trig.start].start
                if k == len(window) - 1
                else window[k + 1].start
            ]
            if window[k].lower in _CLAUSE_START or "," in gap:
                window = window[k + 1 :]
                break
        negated = (
            any(
                not pack.blockers.isdisjoint(t.lemmas[:1])
                # "School No. 24 shelled": a number sign, not a negation
                and not (text[t.end : t.end + 1] == "." and t.lower in ("no", "nos"))
                for t in window
            )
            or _denied_after(tokens, trig.end, text)
            or urged
        )
        # "Air defences destroyed 25 drones": an interception, no strike.
        blocked = negated or _intercepted(tokens, trig.start, trig.end, s, pack)
        blocked = blocked or _repelled(tokens, trig.start, trig.end, text)
        # "Power was restored in Kharkiv after last week's strikes": no new strike.
        blocked = blocked or (past_from is not None and trig.start > past_from)
        # A weak word ("fell", "fire") reports a strike only beside what was hit; an
        # explosion also at a place named (for `incident`, which knows the places).
        if not blocked and not trig.value and not s.targets:
            blocked = True
            if s.explosion is None and not pack.explosions.isdisjoint(tokens[trig.start].lemmas):
                s.explosion = trig.start
        blocked_at.append((trig.start, blocked))
        negated_at.append((trig.start, negated))
        if not blocked and (not s.trigger or (trig.value and not strong)):
            # The first word that reports a strike by itself, else the first weak one:
            # "missiles fired from a submarine hit an office building".
            s.trigger = True
            s.trigger_at = trig.start
            strong = trig.value
    s.blocked = bool(triggers) and not s.trigger
    if triggers and not s.trigger:
        # Where the strike word stands, blocked or not, still orders the actors:
        # "Ukraine's air force said Russia fired …".
        s.trigger_at = triggers[0].start
    casualty_words = pack.killed | pack.injured
    s.casualty_only = all(
        blocked or not casualty_words.isdisjoint(tokens[start].lemmas)
        for start, blocked in blocked_at
    )
    if not triggers:
        _weapon_on_target(s)  # a strike word blocked is no strike told without one
    if s.trigger and pack.denials.find(tokens, text):
        s.trigger, s.blocked = False, True

    def in_blocked_clause(at: int) -> bool:
        """True when the nearest strike word before `at` was negated or hypothetical
        ("a pause in Russian air strikes against its power grid")."""
        before = [negated for start, negated in negated_at if start <= at]
        return bool(before) and before[-1]

    s.targets = [
        t
        for t in s.targets
        if not in_blocked_clause(t.end - 1)
        # "Russian troops shelled …", "missiles fired from a submarine hit …": the
        # attacker, not the target; a depot or an airfield is never the attacker.
        and not (
            t.value.startswith("military")
            and any(start >= t.end and not blocked for start, blocked in blocked_at)
            and not pack.attacker_nouns.isdisjoint(tokens[t.end - 1].lemmas)
        )
    ]
    s.negated_at = negated_at
