"""Commitments out of an account's statements: who promised what, how many, by when.

A readout's promises are the statements the accounts stage already types as
`commitment`; what this adds is the checkable part a monitor's reader asks about —
the kind of deed (`action`), the number promised and the day it falls due. A statement
that only discusses, proposes or demands is never a commitment, and a "commitment"
that names no deed to check ("agreed that relations need to improve") is left out,
since no later report could ever say whether it was done.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, Literal

from truce.accounts import Account, Statement, read_account, reported_promise, statements_of

Action = Literal["prisoner_exchange", "handover", "talks", "halt_strikes", "other"]
DueRule = Literal["on_date", "immediately", "by_date", "none"]
DEFAULT_GRACE_DAYS = 7

# Order matters: an exchange of prisoners is not a handover, a halt is not talks.
ACTION_PATTERNS: tuple[tuple[Action, re.Pattern[str]], ...] = (
    (
        "prisoner_exchange",
        re.compile(
            r"\b(?:exchange|swap|trade)\w*\b.{0,60}\b(?:prisoners?|pows?|captives|detainees|civilians)"
            r"|\b(?:prisoners?|pows?|captives|civilians)\b.{0,40}\b(?:exchange|swap)\w*",
            re.I,
        ),
    ),
    (
        "handover",
        re.compile(
            r"\b(?:hand(?:s|ed|ing)?\s+over|handover|transfer(?:s|red|ring)?|repatriat\w+"
            r"|return(?:s|ed|ing)?|releas(?:e|es|ed|ing)|free[sd]?)\b",
            re.I,
        ),
    ),
    (
        "halt_strikes",
        re.compile(
            r"\b(?:refrain\w*|halt\w*|stop\w*|suspend\w*|cease\w*|pause\w*|moratorium)\b"
            r".{0,60}\b(?:strik\w+|attack\w*|shelling|fire|hostilities|bombing)"
            r"|\b(?:ceasefire|truce)\b",
            re.I,
        ),
    ),
    (
        "talks",
        re.compile(
            r"\b(?:talks|negotiations?|negotiate|consultations|meet(?:ing)?s?|summit"
            r"|round\s+of)\b",
            re.I,
        ),
    ),
)
# A deed with no named kind still counts when something is to be set up or done.
_OTHER_DEED = re.compile(
    r"\binstructed\s+(?:\w+\s+){1,4}to\s+\w+|\bagreed\s+to\s+(?!the\b)\w+"
    r"|\b(?:(?:will|shall)\s+(?:help\s+)?(?:be\s+)?|to\s+be\s+)"
    r"(?:set\s+up|established?|formed?|created?|opened?|restored?|deliver\w*|appoint\w*"
    r"|provided?|develop\w*|ensur\w*|hand\w*|submit\w*|present\w*|exchang\w*|continu\w*|begin|start\w*"
    r"|sign\w*|resum\w*|launch\w*|open\w*|build\w*|send\w*|publish\w*)",
    re.I,
)
HANDED = re.compile(
    r"\b(?:prisoners?|pows?|servicem[ae]n|soldiers|wounded|bodies|children|civilians"
    r"|captives|detainees|remains|hostages|defenders)\b",
    re.I,
)
_SET_UP = re.compile(r"set\s+up|establish|form|creat|appoint", re.I)
_FORWARD = re.compile(
    r"\b(?:will|shall|agreed\s+to|committed\s+to|pledged|promised|undert(?:ook|akes)"
    r"|ordered|instructed|agreed\s+(?:on|upon)\s+an?|to\s+be|is\s+to|are\s+to|gave\s+the\s+\w*\s*order)\b",
    re.I,
)
_NOT_A_PROMISE = re.compile(
    r"\b(?:could|might|may\s+(?!\d)|would\s+consider|possibility\s+of|idea\s+of"
    r"|proposed|suggested|discussed|explored|considered)\b",
    re.I,
)
_IMMEDIATELY = re.compile(r"\b(?:immediately|without\s+delay|at\s+once|forthwith)\b", re.I)
_WITHIN = re.compile(
    r"\bwithin\s+(?:the\s+next\s+)?(\d+|a|one|two|three|seven|ten)\s+(day|week)s?\b", re.I
)
_BY = re.compile(
    r"\b(?:by|before|no\s+later\s+than|not\s+later\s+than|until|till|ahead\s+of)\s+(?:the\s+)?$",
    re.I,
)
_SINCE = re.compile(r"\b(?:since|from|after)\s+(?:the\s+)?$", re.I)
_SMALL = {"a": 1, "one": 1, "two": 2, "three": 3, "seven": 7, "ten": 10}


@dataclass(frozen=True, slots=True)
class Commitment:
    """One promise with its deadline, traced to the statement it was read from."""

    id: str
    text: str
    actors: tuple[str, ...]
    action: Action
    quantity: int | None
    counts: str | None
    due: date | None
    due_rule: DueRule
    account: str
    announced: date | None
    statement: str

    def as_json(self) -> dict[str, Any]:
        """The CONTRACTS §4 shape, plus what checking needs (`announced`, `counts`)."""
        return {
            "id": self.id,
            "text": self.text,
            "actors": list(self.actors),
            "action": self.action,
            "quantity": self.quantity,
            "counts": self.counts,
            "due": self.due.isoformat() if self.due else None,
            "due_rule": self.due_rule,
            "account": self.account,
            "announced": self.announced.isoformat() if self.announced else None,
            "statement": self.statement,
        }


def action_of(text: str) -> Action | None:
    """The kind of deed a sentence names, or None when it names none we know; when it
    names several ("talks on a maritime truce"), the one named first is the deed."""
    found: list[tuple[int, int, Action]] = []
    for order, (action, pattern) in enumerate(ACTION_PATTERNS):
        match = pattern.search(text)
        if match is None:
            continue
        if action == "handover" and not HANDED.search(text):
            continue  # "returned to the question" hands nothing over
        found.append((match.start(), order, action))
    return min(found)[2] if found else None


def _promised_action(text: str) -> Action | None:
    """The deed is what follows the promise ("A working group on the return of children
    will be established" sets up a group, it returns no one): when the words after the
    promise name a deed of their own, or only something to set up, they decide."""
    promise = _FORWARD.search(text)
    if promise is not None:
        after = text[promise.end() :]
        action = action_of(after)
        if action is not None:
            return action
        setting_up = _OTHER_DEED.search(text[promise.start() :])
        if setting_up and _SET_UP.search(setting_up.group()):
            return None
    return action_of(text)


def due_of(
    statement: Statement, announced: date | None, grace_days: int = DEFAULT_GRACE_DAYS
) -> tuple[date | None, DueRule]:
    """When a promise falls due: a named day ("on 19 March"), a deadline ("by 25 March",
    "within ten days"), "immediately" (the announcement plus a grace period, since
    nothing is done the same minute), or no date at all."""
    text = statement.text
    for span in statement.dates:
        before = text[: span.start]
        if _BY.search(before):
            return date.fromisoformat(span.value), "by_date"
    within = _WITHIN.search(text)
    if within and announced is not None:
        amount = _SMALL.get(within.group(1).lower()) or int(within.group(1))
        days = amount * (7 if within.group(2).lower() == "week" else 1)
        return announced + timedelta(days=days), "by_date"
    for span in statement.dates:
        day = date.fromisoformat(span.value)
        if _SINCE.search(text[: span.start]) or (announced is not None and day < announced):
            continue  # "since 1 March" dates the past, not the deed
        return day, "on_date"
    if _IMMEDIATELY.search(text) and announced is not None:
        return announced + timedelta(days=grace_days), "immediately"
    if _IMMEDIATELY.search(text):
        return None, "immediately"
    return None, "none"


def _actors(statement: Statement, action_at: int) -> tuple[str, ...]:
    """Those who are to do the deed: the subjects of the clause that promises it
    ("Putin informed Trump that Russia and Ukraine will exchange …" → RU, UA), else
    the statement's own actors."""
    clause_start = 0
    for match in re.finditer(r"\bthat\s|[,;]\s+and\s", statement.text[:action_at]):
        clause_start = match.end()
    inside = {
        m.party
        for m in statement.mentions
        if clause_start <= m.start < action_at and m.subject_like
    }
    return tuple(sorted(inside)) if inside else statement.actors


def commitments_of(account: Account, grace_days: int = DEFAULT_GRACE_DAYS) -> list[Commitment]:
    """Every checkable promise of one account, in reading order."""
    out: list[Commitment] = []
    for statement in statements_of(account):
        if statement.type != "commitment":
            continue
        text = statement.text
        action = _promised_action(text)
        reported = reported_promise(text)
        if not _FORWARD.search(text) and not _IMMEDIATELY.search(text) and reported is None:
            continue  # agreement about the past or a view, nothing left to do
        if _NOT_A_PROMISE.search(text) and not re.search(
            r"\b(?:agreed|will|shall|committed|pledged)\b", text, re.I
        ):
            continue
        if action is None and statement.scope and statement.refers_to:
            action = "halt_strikes"  # sparing protected objects, named or referred to
        if action is None:
            if not _OTHER_DEED.search(text):
                continue
            action = "other"
        found = (
            next(p for a, p in ACTION_PATTERNS if a == action) if action != "other" else _OTHER_DEED
        )
        at = found.search(text)
        due, rule = due_of(statement, account.date, grace_days)
        number = statement.numbers[0] if statement.numbers else None
        out.append(
            Commitment(
                id=f"{account.id}.c{len(out) + 1}",
                text=text,
                actors=_actors(statement, at.start() if at else len(text)),
                action=action,
                quantity=int(number.value) if number and number.value.is_integer() else None,
                counts=number.counts if number else None,
                due=due,
                due_rule=rule,
                account=account.path,
                announced=account.date,
                statement=statement.id,
            )
        )
    return out


def extract_commitments(
    specs: list[str],
    *,
    on_date: date | None = None,
    grace_days: int = DEFAULT_GRACE_DAYS,
) -> list[Commitment]:
    """Commitments of several accounts, each account numbered a1, a2, … as in `compare`."""
    out: list[Commitment] = []
    for index, spec in enumerate(specs, start=1):
        account = read_account(spec, account_id=f"a{index}", on_date=on_date)
        out.extend(commitments_of(account, grace_days))
    return out
