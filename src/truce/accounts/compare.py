"""Comparing two or more accounts of one event: what they both say, where matched
statements differ in a detail a monitor can check, and what only one of them says.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from itertools import combinations
from pathlib import Path
from typing import Any, Literal

from truce.accounts.align import align
from truce.accounts.reading import Account, read_account
from truce.accounts.statements import Statement, statements_of
from truce.errors import BadInput

DifferenceKind = Literal["scope", "number", "date", "duration", "party", "modality"]


@dataclass(frozen=True, slots=True)
class Difference:
    kind: DifferenceKind
    a: str | None
    b: str | None

    def as_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "a": self.a, "b": self.b}


@dataclass(frozen=True, slots=True)
class Match:
    """Two statements, one from each of two accounts, that say the same thing."""

    statements: tuple[str, str]
    score: float
    differences: tuple[Difference, ...]

    def as_json(self) -> dict[str, Any]:
        return {
            "statements": list(self.statements),
            "score": round(self.score, 3),
            "differences": [d.as_json() for d in self.differences],
        }


@dataclass(frozen=True, slots=True)
class AccountStatements:
    account: Account
    statements: tuple[Statement, ...]

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.account.id,
            "source": self.account.source,
            "file": self.account.path,
            "party": self.account.party,
            "date": self.account.date.isoformat() if self.account.date else None,
            "statements": [s.as_json() for s in self.statements],
        }


@dataclass(frozen=True, slots=True)
class Comparison:
    accounts: tuple[AccountStatements, ...]
    matches: tuple[Match, ...]
    unmatched: tuple[str, ...]

    def statement(self, statement_id: str) -> Statement:
        for account in self.accounts:
            for statement in account.statements:
                if statement.id == statement_id:
                    return statement
        raise KeyError(statement_id)

    def as_json(self) -> dict[str, Any]:
        """CONTRACTS §4 `truce compare --json`."""
        return {
            "accounts": [a.as_json() for a in self.accounts],
            "matches": [m.as_json() for m in self.matches],
            "unmatched": list(self.unmatched),
        }


def _joined(values: Sequence[str]) -> str | None:
    return ", ".join(values) if values else None


def differences(a: Statement, b: Statement) -> tuple[Difference, ...]:
    """The checkable details in which two matched statements differ."""
    out: list[Difference] = []
    if set(a.scope) != set(b.scope):
        out.append(Difference("scope", _joined(a.scope), _joined(b.scope)))
    numbers_a = {q.value: q.label() for q in a.numbers}
    numbers_b = {q.value: q.label() for q in b.numbers}
    if set(numbers_a) != set(numbers_b):
        out.append(
            Difference(
                "number",
                _joined([numbers_a[v] for v in sorted(numbers_a)]),
                _joined([numbers_b[v] for v in sorted(numbers_b)]),
            )
        )
    dates_a = sorted({d.value for d in a.dates})
    dates_b = sorted({d.value for d in b.dates})
    if dates_a != dates_b:
        out.append(Difference("date", _joined(dates_a), _joined(dates_b)))
    durations_a = sorted({d.value for d in a.durations})
    durations_b = sorted({d.value for d in b.durations})
    if durations_a != durations_b:
        out.append(Difference("duration", _joined(durations_a), _joined(durations_b)))
    if a.actors and b.actors and set(a.actors) != set(b.actors):
        out.append(Difference("party", _joined(a.actors), _joined(b.actors)))
    if a.modality and b.modality and a.modality != b.modality:
        out.append(Difference("modality", a.modality, b.modality))
    return tuple(out)


def compare_accounts(accounts: Sequence[Account]) -> Comparison:
    """Align every pair of accounts and report matches, differences and what only one
    account says."""
    analysed = tuple(AccountStatements(a, tuple(statements_of(a))) for a in accounts)
    matches: list[Match] = []
    for left, right in combinations(analysed, 2):
        for pair in align(list(left.statements), list(right.statements)):
            a, b = left.statements[pair.left], right.statements[pair.right]
            matches.append(Match((a.id, b.id), pair.score, differences(a, b)))
    matched = {statement_id for m in matches for statement_id in m.statements}
    unmatched = tuple(
        s.id for account in analysed for s in account.statements if s.id not in matched
    )
    return Comparison(analysed, tuple(matches), unmatched)


def compare_files(
    specs: Sequence[str | Path], *, on_date: date | datetime | None = None
) -> Comparison:
    """Read accounts (`a1`, `a2`, … in the order given) and compare them."""
    if len(specs) < 2:
        raise BadInput("a comparison needs at least two accounts", field="accounts")
    accounts = [
        read_account(spec, account_id=f"a{index}", on_date=on_date)
        for index, spec in enumerate(specs, start=1)
    ]
    return compare_accounts(accounts)
