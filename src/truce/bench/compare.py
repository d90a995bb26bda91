"""`truce bench compare`: the time to compare two accounts of about two pages each.

The accounts are the seed case's two readouts, repeated (with their numbers and dates
varied so statements do not trivially repeat) to about two pages each.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import date
from typing import Any

from truce.accounts import compare_accounts
from truce.accounts.reading import Account
from truce.accounts.sentences import split_sentences

_A = (
    "The leaders agreed that the movement to peace will begin with an energy and infrastructure "
    "ceasefire, together with technical negotiations on a maritime ceasefire in the Black Sea. "
    "These negotiations will begin immediately in the Middle East. The two presidents discussed "
    "the need to stop the proliferation of strategic weapons. President Trump said the United "
    "States will provide {n} million dollars in assistance to the region by {d} April."
)
_B = (
    "Donald Trump proposed that the parties to the conflict mutually refrain from striking energy "
    "infrastructure facilities for {n} days. Vladimir Putin responded positively to this "
    "initiative and immediately gave the Russian military the corresponding order. Putin informed "
    "Trump that Russia and Ukraine will exchange {n} prisoners of war for {n} on {d} March. It was "
    "stressed that the key condition is a complete end to foreign military aid and intelligence "
    "sharing with Kiev."
)


def bench_account(template: str, words: int, account_id: str, party: str) -> Account:
    paragraphs: list[str] = []
    count = 0
    n = 0
    while count < words:
        n += 1
        paragraph = template.format(n=10 + n * 5, d=1 + n % 28)
        paragraphs.append(paragraph)
        count += len(paragraph.split())
    return Account(
        id=account_id,
        path=f"bench-{account_id}",
        paragraphs=tuple(paragraphs),
        date=date(2025, 3, 18),
        party=party,
    )


@dataclass(frozen=True, slots=True)
class CompareBench:
    seconds: float
    statements: int
    words: int
    matches: int

    def as_json(self) -> dict[str, Any]:
        return {
            "seconds": round(self.seconds, 4),
            "accounts": 2,
            "words_per_account": self.words,
            "statements": self.statements,
            "matches": self.matches,
        }


def bench_compare(words: int = 1000, repeat: int = 3) -> CompareBench:
    """Best of `repeat` runs of a whole compare (statements, alignment, differences) of
    two accounts of `words` words each (about two pages at 500 words a page)."""
    accounts = [bench_account(_A, words, "a1", "US"), bench_account(_B, words, "a2", "RU")]
    compare_accounts(accounts[:1] + accounts[:1])  # import and compile once, outside the clock
    best = float("inf")
    result = None
    for _ in range(repeat):
        start = time.perf_counter()
        result = compare_accounts(accounts)
        best = min(best, time.perf_counter() - start)
    assert result is not None
    statements = sum(len(split_sentences(p)) for a in accounts for p in a.paragraphs)
    return CompareBench(best, statements, words, len(result.matches))
