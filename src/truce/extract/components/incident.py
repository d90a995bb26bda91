"""Component `incident`: which sentences report a strike, and how sure the report is.

A sentence reports one when a strike word stands unnegated (`negation`) and it names
what was hit, who was hurt, or (unless the report says nothing was hit) where or with
what; an explosion counts at a place named, unless the report says air defence was at
work. A report that says nothing was damaged and counts no one hurt reports none. A cause that
is no attack ("a household gas leak") closes the report; a denial is about a strike by
definition. The trained classifier ranks, never vetoes: its probability is the records'
confidence.
"""

from __future__ import annotations

from truce.extract.classifier import incident_probability
from truce.extract.doc import Doc, Sentence
from truce.extract.packs import Pack


def incident_sentences(facts: list[Sentence]) -> list[Sentence]:
    # "Влучань не зафіксовано", "No hits or damage were recorded": a sentence must then
    # say what was hit, or who was hurt, to report a strike.
    no_hits = any(s.no_hits for s in facts)
    told = [
        s for s in facts
        if s.incident
        and (
            s.targets or s.killed or s.injured
            or (not no_hits and (s.regions or any(p.known for p in s.places)))
            # "the ceasefire covers strikes by drones": weapons named in talk are no strike
            or (not no_hits and s.weapons and not s.talk)
        )
    ]  # fmt: skip
    # "a list of civilians killed in Mariupol" reports no strike by itself; a count of
    # the hurt is a strike's when the report tells of one that no other sentence gives
    # ("Дрони атакували Суми. Пошкоджень немає, поранено чоловіка").
    found = [s for s in told if not s.casualty_only or s.targets or s.weapons or s.actors]
    if not found and any(s.incident and not s.casualty_only for s in facts):
        found = told
    return found


def rule_says_incident(facts: list[Sentence]) -> bool:
    return bool(incident_sentences(facts))


def rule_is_sure(facts: list[Sentence]) -> bool:
    """A strike sentence that counts the dead or hurt in a named place ("Унаслідок
    обстрілу Херсона поранено двох людей"). A feature of the trained check."""
    return any(
        (s.killed or s.injured) and (s.regions or any(p.known for p in s.places))
        for s in incident_sentences(facts)
    )


def _explosions(facts: list[Sentence], pack: Pack) -> None:
    """An explosion at a place named is a strike reported, though nothing hit is named
    ("Взрывы прогремели в Кривом Роге", "An explosion occurred in Kharkiv"); not when the
    report says air defence was at work ("Працює ППО"): the explosions were its."""
    if not any(s.explosion is not None for s in facts) or any(
        pack.air_defence.find(s.tokens, s.text) for s in facts
    ):
        return
    for s in facts:
        if (
            s.explosion is not None
            and not s.trigger
            and (s.regions or any(p.known for p in s.places))
        ):
            s.trigger, s.blocked, s.trigger_at = True, False, s.explosion
            s.casualty_only = False


def incident(doc: Doc) -> Doc:
    facts = doc.sentences
    _explosions(facts, doc.pack)
    found = incident_sentences(facts)
    denial = doc.report.stance == "deny"
    if denial and not found:
        # A denial is about a strike by definition, though its words ("reports of a
        # strike … a fabrication") may read as no strike: what it names is what it denies.
        found = [s for s in facts if s.targets and (s.regions or any(p.known for p in s.places))]
    # "Пострадавших и разрушений нет", "вибуху та пошкоджень немає": an attack that
    # damaged nothing and hurt no one is reported as none, whatever it was aimed at.
    unharmed = any(s.no_hits for s in facts) and not any(s.killed or s.injured for s in facts)
    if not found or unharmed or (any(s.accident for s in facts) and not denial):
        doc.incident, doc.closed = [], True  # "a leak from a household gas stove"
        return doc
    doc.incident = found
    # The trained check ranks, it does not veto: on real published text it turned down
    # half the plain reports of a strike the rules had found ("Strike on residential
    # area."), so its probability is the record's confidence, nothing more.
    probability = incident_probability(doc.lang, facts)
    doc.confidence = round(probability if probability is not None else 0.8, 3)
    return doc
