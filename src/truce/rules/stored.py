"""Ruling what the store holds: all at once, or chunk by chunk for stores of any size."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from truce.domain import UNKNOWN, Agreement, Corroboration, TermsVersion, Verdict
from truce.errors import NotFound
from truce.rules.engine import Rulings, rule
from truce.store import Store

Tallies = dict[tuple[str, str], dict[Verdict, int]]

# Incidents read, framed and ruled at a time by `rule_stored_chunks`: large enough for
# numpy to pay off, small enough that memory stays flat (tens of MB).
CHUNK = 20_000


def rule_stored(
    store: Store, agreement_id: str, versions: Sequence[str] = ()
) -> tuple[Agreement, Rulings]:
    """Rule every stored incident against the agreement's current versions (or the ones named)."""
    agreement, chosen = _chosen(store, agreement_id, versions)
    return agreement, rule(store.incidents(), chosen)


def rule_stored_chunks(
    store: Store,
    agreement_id: str,
    versions: Sequence[str] = (),
    *,
    chunk: int = CHUNK,
    min_corroboration: Corroboration | None = None,
) -> tuple[Agreement, Iterator[Rulings]]:
    """The rulings of `rule_stored`, in the same order, one chunk of incidents at a time.

    The agreement and versions are checked at once (`NotFound` is raised here); the
    incidents are read as the chunks are consumed, so memory holds one chunk.
    `min_corroboration` rules only incidents corroborated at least that well (the
    database filters them)."""
    agreement, chosen = _chosen(store, agreement_id, versions)

    def chunks() -> Iterator[Rulings]:
        for incidents in store.iter_incidents(chunk=chunk, min_corroboration=min_corroboration):
            yield rule(incidents, chosen)

    return agreement, chunks()


@dataclass
class TallyCounter:
    """Adds up `Rulings.tallies()` over chunks; `result()` orders them as `tallies()`
    does: versions in their order, perpetrators alphabetically with `unknown` last."""

    versions: tuple[TermsVersion, ...]
    counts: Tallies = field(default_factory=dict)
    rulings: int = 0

    def add(self, rulings: Rulings) -> None:
        self.rulings += int(rulings.reasons.size)
        for key, counts in rulings.tallies().items():
            total = self.counts.setdefault(key, dict.fromkeys(Verdict, 0))
            for verdict, n in counts.items():
                total[verdict] += n

    def result(self) -> Tallies:
        position = {version.id: i for i, version in enumerate(self.versions)}
        order = sorted(self.counts, key=lambda key: (position[key[0]], key[1] == UNKNOWN, key[1]))
        return {key: self.counts[key] for key in order}


def _chosen(
    store: Store, agreement_id: str, versions: Sequence[str]
) -> tuple[Agreement, tuple[TermsVersion, ...]]:
    agreement = store.agreement(agreement_id)
    chosen = agreement.versions
    if versions:
        known = {v.id for v in agreement.versions}
        missing = [v for v in versions if v not in known]
        if missing:
            raise NotFound(
                f"agreement '{agreement_id}' has no version '{missing[0]}'"
                f" (versions: {', '.join(sorted(known))})"
            )
        chosen = tuple(v for v in agreement.versions if v.id in versions)
    return agreement, chosen
