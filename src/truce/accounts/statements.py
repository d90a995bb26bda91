"""An account as statements: each sentence typed (commitment, proposal, demand, claim,
other), attributed to the actor it is about, and read for its checkable details.

Readouts speak in a handful of set forms ("X proposed …", "Y responded positively to
this initiative", "the key condition … must be …"), so rules over those forms do the
work; where a sentence only points back ("this initiative"), it takes the details of
the statement it points to, and says so in `refers_to`.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace
from typing import Any, Literal

from truce.accounts.details import (
    Mention,
    Quantity,
    Span,
    actor_mentions,
    dates_of,
    durations_of,
    is_joint,
    minimal_codes,
    modality_of,
    parties_of,
    quantities_of,
    scope_of,
)
from truce.accounts.lexicon import (
    BACKSHIFTED_PROMISE,
    CLAIM_CUES,
    COMMITMENT_CUES,
    DEMAND_CUES,
    REFERENCE,
    REPORTED_SPEECH,
)
from truce.accounts.reading import Account
from truce.accounts.sentences import split_sentences

StatementType = Literal["commitment", "proposal", "demand", "claim", "other"]
_JOINER = re.compile(
    r"(?:and|as\s+well\s+as|together\s+with)(?:\s+(?:us\s+|russian\s+|ukrainian\s+)?"
    r"(?:president|prime\s+minister|leader|chancellor))?",
    re.IGNORECASE,
)
_QUOTES = "\"“”'‘’"
_COMMITTING = {"agreed", "ordered", "responded positively", "responded constructively", "committed"}


@dataclass(frozen=True, slots=True)
class Statement:
    """One sentence of an account, typed, attributed and read for details."""

    id: str
    account: str
    index: int
    text: str
    type: StatementType
    actors: tuple[str, ...]
    modality: str | None
    scope: tuple[str, ...] = ()
    scope_spans: tuple[Span, ...] = ()
    numbers: tuple[Quantity, ...] = ()
    dates: tuple[Span, ...] = ()
    durations: tuple[Span, ...] = ()
    parties: tuple[str, ...] = ()
    refers_to: str | None = None
    mentions: tuple[Mention, ...] = field(default=(), repr=False)

    @property
    def actor(self) -> str | None:
        """The one actor, when there is exactly one (CONTRACTS §4 `actor`)."""
        return self.actors[0] if len(self.actors) == 1 else None

    def details(self) -> dict[str, Any]:
        return {
            "scope": list(self.scope),
            "numbers": [
                {
                    "value": int(q.value) if q.value.is_integer() else q.value,
                    "counts": q.counts,
                    "text": q.text,
                }
                for q in self.numbers
            ],
            "dates": [{"date": d.value, "text": d.text} for d in self.dates],
            "durations": [{"duration": d.value, "text": d.text} for d in self.durations],
            "parties": list(self.parties),
            "modality": self.modality,
        }

    def as_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "id": self.id,
            "text": self.text,
            "type": self.type,
            "actor": self.actor,
            "actors": list(self.actors),
            "details": self.details(),
        }
        if self.refers_to:
            data["refers_to"] = self.refers_to
        return data


def principals(account: Account, mentions: list[list[Mention]]) -> tuple[str, ...]:
    """The two sides of the event: the parties whose people are named most, with the
    account's own side among them when it is known."""
    people = Counter(m.party for ms in mentions for m in ms if m.person)
    anyone = Counter(m.party for ms in mentions for m in ms)
    ranked = [p for p, _ in people.most_common()] + [p for p, _ in anyone.most_common()]
    chosen: list[str] = []
    if account.party:
        chosen.append(account.party)
    for party in ranked:
        if party not in chosen:
            chosen.append(party)
        if len(chosen) == 2:
            break
    return tuple(sorted(chosen))


def statements_of(account: Account) -> list[Statement]:
    """Split, type, attribute and read every sentence of `account`."""
    sentences = [s for paragraph in account.paragraphs for s in split_sentences(paragraph)]
    mentions = [actor_mentions(s, account.party) for s in sentences]
    sides = principals(account, mentions)
    out: list[Statement] = []
    previous_actors: tuple[str, ...] = ()
    for index, (text, found) in enumerate(zip(sentences, mentions, strict=True), start=1):
        modality, cue = modality_of(text)
        actors = _actors(text, found, cue, sides, previous_actors, account.party)
        scope_spans = scope_of(text)
        durations = durations_of(text)
        dates = dates_of(text, account.date)
        skip = [(s.start, s.end) for s in (*durations, *dates)]
        statement = Statement(
            id=f"{account.id}.s{index}",
            account=account.id,
            index=index,
            text=text,
            type=_type(text, modality),
            actors=actors,
            modality=modality,
            scope=tuple(minimal_codes([s.value for s in scope_spans])),
            scope_spans=tuple(scope_spans),
            numbers=tuple(quantities_of(text, skip)),
            dates=tuple(dates),
            durations=tuple(durations),
            parties=tuple(parties_of(text, found)),
            mentions=tuple(found),
        )
        out.append(_inherit(statement, out))
        if actors:
            previous_actors = actors
    return out


def _actors(
    text: str,
    mentions: list[Mention],
    cue: int,
    sides: tuple[str, ...],
    previous: tuple[str, ...],
    own: str | None,
) -> tuple[str, ...]:
    opening = text.lstrip()[:1]
    if opening in _QUOTES:
        # "…," Volodymyr Zelenskyy said: the speaker follows the closing quote.
        close = max(text.rfind(q) for q in _QUOTES)
        after = [m for m in mentions if m.start > close]
        if close > 0 and after:
            return (after[0].party,)
    first_word = text.lstrip(_QUOTES + " ").split(" ", 1)[0].lower()
    if first_word in ("he", "she", "his", "her") and previous:
        return previous
    if own and re.match(r"(?:[^,]{0,40},\s*)?(?:i|we|our|my)\b", text.lstrip(), re.IGNORECASE):
        return (own,)  # the account's author speaking
    # The subject of the clause that holds the cue: in "X proposed …; Y responded
    # positively and gave the order", Y acted, not X.
    clause = text.rfind(";", 0, cue) + 1
    before = [m for m in mentions if clause <= m.start and m.end <= cue and m.subject_like]
    if not before:
        before = [m for m in mentions if m.end <= cue and m.subject_like]
    if before:
        chain = [before[0]]
        for mention in before[1:]:
            between = text[chain[-1].end : mention.start].strip(" ,")
            if not _JOINER.fullmatch(between):
                break
            chain.append(mention)
        return tuple(sorted({m.party for m in chain}))
    if is_joint(text, cue):
        return sides
    subjects = [m for m in mentions if m.subject_like]
    if subjects:
        return (subjects[0].party,)
    return (own,) if own else ()


def reported_promise(text: str) -> str | None:
    """The clause a speaker is reported to have promised ("X said that on 19 March Russia
    and Ukraine would exchange …" → "on 19 March Russia and Ukraine would exchange …"),
    or None when the sentence reports no promise."""
    reported = REPORTED_SPEECH.search(text)
    if reported is None:
        return None
    clause = reported.group("clause")
    if BACKSHIFTED_PROMISE.search(clause) or COMMITMENT_CUES.search(clause):
        return clause
    return None


def _type(text: str, modality: str | None) -> StatementType:
    if modality in _COMMITTING:
        return "commitment"
    if modality == "demanded" or DEMAND_CUES.search(text):
        return "demand"
    if modality == "proposed":
        return "proposal"
    if COMMITMENT_CUES.search(text) or reported_promise(text) is not None:
        return "commitment"
    if modality is not None or CLAIM_CUES.search(text):
        return "claim"
    return "other"


def _inherit(statement: Statement, earlier: list[Statement]) -> Statement:
    """A sentence that only points back ("responded positively to this initiative")
    takes what is protected, and for how long, from the statement it points to."""
    if statement.scope or not REFERENCE.search(statement.text):
        return statement
    for candidate in reversed(earlier[-3:]):
        if candidate.scope:
            return _with(
                statement,
                scope=candidate.scope,
                scope_spans=candidate.scope_spans,
                durations=statement.durations or candidate.durations,
                refers_to=candidate.id,
            )
    return statement


def _with(statement: Statement, **changes: Any) -> Statement:
    return replace(statement, **changes)
