"""Was it done? Each commitment against later reports, as of one day.

A report counts as evidence only when it is about the same deed (the same kind of
action, and the same number when both name one), was published after the promise and
on or before the day we check, and says in the past tense that the deed was or was not
done. Announcements that something "is being prepared" or "will take place" are not
evidence either way: a promise is not kept by another promise.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

from truce.accounts.details import dates_of, quantities_of, scope_of
from truce.accounts.sentences import split_sentences
from truce.commitments.extraction import ACTION_PATTERNS, HANDED, Commitment, action_of
from truce.domain import Report, covers

Status = Literal["kept", "partly_kept", "broken", "pending", "unverified"]
Verdict = Literal["done", "not_done"]

_NOT_DONE = re.compile(
    r"\b(?:has|have|had)\s+not\b|\b(?:did|does|do)\s+not\b|\b(?:hasn['’]t|haven['’]t|didn['’]t)"
    r"|\bfailed\s+to\b|\bnot\s+(?:yet\s+)?(?:taken\s+place|happened|begun|started|held|been)"
    r"|\bno\s+(?:\w+\s+){0,3}(?:has|have|had|took|was|were)\b|\byet\s+to\b|\bpostponed\b"
    r"|\bcancell?ed\b|\bcollapsed\b|\bstalled\b|\bnever\s+(?:took|happened|began|started)",
    re.I,
)
_FUTURE = re.compile(
    r"\b(?:will|shall|would|is\s+being|are\s+being|being\s+prepared|to\s+be\s+held"
    r"|planned|plans?\s+to|expected\s+to|scheduled|preparing|prepares|is\s+to|are\s+to"
    r"|intends?|next\s+week|upcoming|further\s+(?:exchange|round|talks))\b",
    re.I,
)
_DONE = re.compile(
    r"\b(?:took\s+place|has\s+taken\s+place|happened|completed|carried\s+out|held|began"
    r"|begun|started|opened|met|exchanged|swapped|returned|handed\s+over|transferred"
    r"|released|freed|repatriated|set\s+up|established|formed|created|were\s+\w+ed|was\s+\w+ed"
    r"|have\s+\w+ed|has\s+\w+ed|\w+ed\s+(?:on|in|at)\b)",
    re.I,
)


@dataclass(frozen=True, slots=True)
class Evidence:
    """One report sentence that bears on a commitment."""

    report: str
    published: date
    verdict: Verdict
    quantity: int | None
    when: date | None
    sentence: str


@dataclass(frozen=True, slots=True)
class Check:
    commitment: Commitment
    status: Status
    evidence: tuple[str, ...]
    explanation: str

    def as_json(self) -> dict[str, Any]:
        return {
            "commitment": self.commitment.id,
            "status": self.status,
            "evidence": list(self.evidence),
            "explanation": self.explanation,
        }


def _counted_words(counts: str | None) -> set[str]:
    return set(re.findall(r"[a-z]{4,}", (counts or "").lower())) - {"also"}


_COMMON = frozenset(
    [
        "russia",
        "russian",
        "ukraine",
        "ukrainian",
        "united",
        "states",
        "america",
        "american",
        "sides",
        "parties",
        "party",
        "leaders",
        "president",
        "agreed",
        "their",
        "there",
        "which",
        "would",
        "about",
        "after",
        "other",
        "further",
    ]
)


def _topic(text: str) -> set[str]:
    """The distinctive words of a sentence (five letters or more, not names of sides)."""
    return {w.rstrip("s") for w in re.findall(r"[a-z]{5,}", text.lower())} - _COMMON


def _distance(evidence: Evidence, commitment: Commitment) -> int:
    """How far a report's number is from the promised one: the report naming the same
    number is about the same deed."""
    if evidence.quantity is None or commitment.quantity is None:
        return 0 if evidence.quantity is None else 1
    return abs(evidence.quantity - commitment.quantity)


def _people(text: str) -> set[str]:
    """Who or what is handed over or exchanged, singular ("soldiers" → "soldier")."""
    return {w.lower().rstrip("s").replace("servicemen", "serviceman") for w in HANDED.findall(text)}


def _verdict(sentence: str) -> Verdict | None:
    if _NOT_DONE.search(sentence):
        return "not_done"
    if _FUTURE.search(sentence):
        return None  # a plan, not a deed
    if _DONE.search(sentence):
        return "done"
    return None


def evidence_for(commitment: Commitment, report: Report) -> Evidence | None:
    """What `report` says about `commitment`, if anything."""
    if report.published is None or not report.text:
        return None
    published = report.published.date()
    if commitment.announced is not None and published < commitment.announced:
        return None
    pattern = next((p for a, p in ACTION_PATTERNS if a == commitment.action), None)
    wanted = _counted_words(commitment.counts)
    promised = _people(commitment.text)
    scope = {x.value for x in scope_of(commitment.text)}
    for sentence in split_sentences(report.text):
        if commitment.action == "other":
            if len(_topic(commitment.text) & _topic(sentence)) < 2:
                continue  # a deed with no kind is known by its own words
        elif (
            pattern is None
            or not pattern.search(sentence)
            or (action_of(sentence) != commitment.action)
        ):
            continue
        dates = dates_of(sentence, published)
        numbers = quantities_of(sentence, [(d.start, d.end) for d in dates])
        counted = [q for q in numbers if not wanted or wanted & _counted_words(q.counts)]
        if wanted and numbers and not counted:
            continue  # numbers of something else: another deed
        if promised and (said := _people(sentence)) and not promised & said:
            continue  # children returned are not the soldiers promised
        if (
            scope
            and (said_scope := {x.value for x in scope_of(sentence)})
            and not any(covers(a, b) or covers(b, a) for a in scope for b in said_scope)
        ):
            continue  # strikes on gas plants are not attacks on ships
        verdict = _verdict(sentence)
        if verdict is None:
            continue
        quantity = None
        if counted and commitment.quantity is not None:
            quantity = int(min(counted, key=lambda q: abs(q.value - commitment.quantity)).value)  # type: ignore[operator]
        elif numbers and commitment.quantity is not None:
            quantity = int(numbers[0].value)
        when = max((date.fromisoformat(d.value) for d in dates), default=None)
        if when is not None and when > published:
            when = None  # a date ahead names a plan, not when it happened
        return Evidence(report.id, published, verdict, quantity, when, sentence)
    return None


def check_commitment(commitment: Commitment, reports: list[Report], as_of: date) -> Check:
    """The status of one commitment as of `as_of` (CONTRACTS §4), with the reports it
    rests on and a one-line reason."""
    visible = [r for r in reports if r.published is not None and r.published.date() <= as_of]
    found = [e for r in visible if (e := evidence_for(commitment, r)) is not None]
    due = commitment.due
    done = [e for e in found if e.verdict == "done"]
    if done:
        best = min(done, key=lambda e: (_distance(e, commitment), e.when or e.published))
        done = [e for e in done if _distance(e, commitment) == _distance(best, commitment)]
        happened = best.when or best.published
        ids = tuple(e.report for e in done)
        if due is not None and happened > due:
            return Check(
                commitment, "broken", ids,
                f"done on {happened}, after it was due on {due} ({best.report})",
            )  # fmt: skip
        if (
            commitment.quantity is not None
            and best.quantity is not None
            and (best.quantity < commitment.quantity)
        ):
            return Check(
                commitment, "partly_kept", ids,
                f"{best.quantity} of the {commitment.quantity} promised ({best.report})",
            )  # fmt: skip
        return Check(commitment, "kept", ids, f"done on {happened.isoformat()} ({best.report})")
    late = [e for e in found if e.verdict == "not_done" and (due is None or e.published > due)]
    if late and due is not None:
        return Check(
            commitment, "broken", tuple(e.report for e in late),
            f"due {due}; {late[0].report} of {late[0].published} says it has not been done",
        )  # fmt: skip
    if due is None:
        denied = [e for e in found if e.verdict == "not_done"]
        if denied:
            return Check(
                commitment, "pending", tuple(e.report for e in denied),
                f"no due date; {denied[-1].report} of {denied[-1].published} says not done yet",
            )  # fmt: skip
        return Check(commitment, "pending", (), "no due date, and no report yet that it was done")
    if as_of <= due:
        return Check(commitment, "pending", (), f"not due until {due.isoformat()}")
    return Check(
        commitment, "unverified", (),
        f"due {due.isoformat()}; no report either way by {as_of.isoformat()}",
    )  # fmt: skip


def check_commitments(
    commitments: list[Commitment], reports: list[Report], as_of: date
) -> list[Check]:
    return [check_commitment(c, reports, as_of) for c in commitments]
