"""Drafting one side's version of the terms (CONTRACTS §2) from its own account.

Only what the text gives is filled in: `protects` from the scope words of the
commitments to halt strikes, `duration` from "30 days", `starts` from "immediately"
(the account's date) or a date, `bound` from who is ordered or from "mutual". Each field
says in `notes` which sentence it came from; a field the text does not give is left out.
`starts` is required by the terms reader, so when the text gives none the draft uses the
account's date and says plainly that this is a placeholder to check.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from truce.accounts.details import minimal_codes
from truce.accounts.lexicon import (
    HALT_CUES,
    IMMEDIATE,
    MUTUAL_PATTERN,
    NEGOTIATION_CUES,
    OWNERS_PATTERN,
    WAR_PATTERN,
)
from truce.accounts.reading import Account
from truce.accounts.statements import Statement, statements_of
from truce.domain import Agreement, TermsVersion, country_zones
from truce.errors import BadInput
from truce.terms import dump_terms


@dataclass(frozen=True, slots=True)
class Draft:
    agreement: Agreement
    placeholder_start: bool

    @property
    def version(self) -> TermsVersion:
        return self.agreement.versions[0]

    def yaml(self) -> str:
        text = dump_terms(self.agreement)
        header = f"# Drafted by truce from {self.version.source or 'an account'}.\n"
        if self.placeholder_start:
            header += (
                "# CHECK starts: the account gives no start for the halt; the account's date"
                " stands in for it.\n"
            )
        return header + text


def _halting(statement: Statement) -> bool:
    return (
        statement.type == "commitment"
        and bool(statement.scope)
        and (bool(HALT_CUES.search(statement.text)) or statement.refers_to is not None)
    )


def _agreed_codes(statement: Statement, by_id: dict[str, Statement]) -> list[str]:
    """Scope words not governed by "negotiations on …" (what is agreed, not what is to
    be negotiated)."""
    source = by_id.get(statement.refers_to or "", statement)
    codes = []
    for span in source.scope_spans:
        clause = re.split(
            r"[;]|,\s+(?:as\s+well\s+as|together\s+with)\b", source.text[: span.start]
        )[-1]
        if NEGOTIATION_CUES.search(clause):
            continue
        codes.append(span.value)
    return minimal_codes(codes)


def _belligerents(
    statements: list[Statement], own: str | None, acting: frozenset[str] = frozenset()
) -> list[str]:
    """The parties at war, by how often their countries or forces are named beside
    words of war ("strikes", "conflict", "military")."""
    counts: Counter[str] = Counter()
    leaders: Counter[str] = Counter()
    for statement in statements:
        if WAR_PATTERN.search(statement.text):
            counts.update(m.party for m in statement.mentions if not m.person)
            leaders.update(m.party for m in statement.mentions if m.person)
    if len(counts) < 2:
        # A country the account is about ("the situation around Ukraine") is a side
        # before any leader who merely talks.
        for statement in statements:
            for mention in statement.mentions:
                if not mention.person and mention.party not in counts:
                    counts[mention.party] = 0
    if len(counts) < 2:
        # A side named at war only through its leader's talking, and that is the
        # account's own side, is the mediator, not a party to the war, unless it alone
        # ordered or committed to the halt (`acting`), which makes it a side first.
        ranked = sorted(leaders.most_common(), key=lambda item: item[0] not in acting)
        for party, _ in ranked:
            if (party != own or party in acting) and party not in counts:
                counts[party] = 0
    return sorted(party for party, _ in counts.most_common(2))


def _start_of_day(day: date, party: str) -> datetime:
    zones = country_zones(party)
    zone = ZoneInfo(zones[0]) if zones else ZoneInfo("UTC")
    return datetime.combine(day, time(), zone)


def draft_terms(
    account: Account,
    *,
    according_to: str,
    agreement: str,
    version_id: str | None = None,
) -> Draft:
    """Draft `according_to`'s version of `agreement` from `account`."""
    statements = statements_of(account)
    by_id = {s.id: s for s in statements}
    halting = [s for s in statements if _halting(s) and _agreed_codes(s, by_id)]
    if not halting:
        raise BadInput(
            "no commitment to halt strikes that names what it protects",
            file=account.path,
            hint="a draft needs a sentence such as 'X agreed to halt strikes on energy facilities'",
        )
    notes: list[str] = []
    protects = minimal_codes([c for s in halting for c in _agreed_codes(s, by_id)])
    if not protects:
        protects = minimal_codes([c for s in halting for c in s.scope])
    notes.append(f"protects {', '.join(protects)}: {_cite(halting)}")

    bound: list[str] = []
    mutual = [
        s
        for s in halting
        if MUTUAL_PATTERN.search(_with_referred(s, by_id))
        or re.search(r"\b(?:ceasefire|cease-fire|truce)\b", s.text, re.IGNORECASE)
    ]
    acting = frozenset(s.actors[0] for s in halting if len(s.actors) == 1)
    at_war = _belligerents(statements, account.party or according_to, acting)
    owning = [(s, _owners(s)) for s in halting]
    owners = [(s, found) for s, found in owning if len(found) == 2]
    if mutual and len(at_war) == 2:
        bound = at_war
        notes.append(
            f"bound {', '.join(bound)} (mutual or a ceasefire: the sides at war in this account): "
            + _cite(mutual)
        )
    elif owners:
        bound = owners[0][1]
        notes.append(
            f"bound {', '.join(bound)} (the halt protects the facilities of both, so each is"
            f" to spare the other's): {_cite([owners[0][0]])}"
        )
    else:
        bound = sorted({a for s in halting for a in s.actors})
        notes.append(f"bound {', '.join(bound)} (who committed): {_cite(halting)}")

    durations = [(d, s) for s in halting for d in s.durations]
    duration = durations[0][0].value if durations else None
    if duration:
        notes.append(f"duration {duration} ('{durations[0][0].text}'): {_cite([durations[0][1]])}")
    else:
        notes.append("no duration in the text: open-ended")

    starts, start_note, placeholder = _start(account, according_to, halting, by_id)
    notes.append(start_note)
    notes.append("no area in the text: anywhere")

    version = TermsVersion(
        id=version_id or _version_id(account, according_to),
        according_to=according_to,
        source=account.source,
        bound=tuple(bound),
        protects=tuple(protects),
        starts=starts,
        duration=duration,
        notes="; ".join(notes) + ".",
    )
    return Draft(Agreement(agreement, None, (version,)), placeholder)


def _owners(statement: Statement) -> list[str]:
    """The parties whose facilities a halt protects ("energy facilities of Russia and
    Ukraine" → RU, UA), from the countries named in that phrase."""
    found = OWNERS_PATTERN.search(statement.text)
    if found is None:
        return []
    start, end = found.span("owners")
    return sorted({m.party for m in statement.mentions if start <= m.start < end})


def _with_referred(statement: Statement, by_id: dict[str, Statement]) -> str:
    referred = by_id.get(statement.refers_to or "")
    return statement.text + (" " + referred.text if referred else "")


def _start(
    account: Account,
    party: str,
    halting: list[Statement],
    by_id: dict[str, Statement],
) -> tuple[datetime, str, bool]:
    for statement in halting:
        text = _with_referred(statement, by_id)
        if IMMEDIATE.search(text) and account.date:
            instant = account.published or _start_of_day(account.date, party)
            how = (
                ""
                if account.published
                else f" (no hour given: the start of that day in {instant.tzinfo})"
            )
            return (
                instant,
                f"starts 'immediately' = the account's date {account.date.isoformat()}{how}: "
                + _cite([statement]),
                False,
            )
        for span in statement.dates:
            day = date.fromisoformat(span.value)
            return (
                _start_of_day(day, party),
                f"starts on {span.value} ('{span.text}'): {_cite([statement])}",
                False,
            )
    if account.date is None:
        raise BadInput(
            "the account gives no start for the halt and no date of its own",
            file=account.path,
            hint="give the account's date with --date",
        )
    instant = account.published or _start_of_day(account.date, party)
    return (
        instant,
        f"starts: NOT GIVEN in the text; the account's date {account.date.isoformat()} is a "
        "placeholder to check",
        True,
    )


def _cite(statements: list[Statement]) -> str:
    def one(s: Statement) -> str:
        words = s.text if len(s.text) <= 90 else s.text[:87].rsplit(" ", 1)[0] + " …"
        via = f" (with {s.refers_to}, which it answers)" if s.refers_to else ""
        return f"{s.id}{via} «{words}»"

    return "; ".join(one(s) for s in statements)


def _version_id(account: Account, party: str) -> str:
    stem = re.sub(r"[^A-Za-z0-9._-]+", "-", account.path.rsplit("/", 1)[-1]).strip("-.")
    stem = re.sub(r"\.(md|txt|html?)$", "", stem)
    return stem or party.lower()
