"""Ruling what the store holds."""

from __future__ import annotations

from collections.abc import Sequence

from truce.domain import Agreement
from truce.errors import NotFound
from truce.rules.engine import Rulings, rule
from truce.store import Store


def rule_stored(
    store: Store, agreement_id: str, versions: Sequence[str] = ()
) -> tuple[Agreement, Rulings]:
    """Rule every stored incident against the agreement's current versions (or the ones named)."""
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
    return agreement, rule(store.incidents(), chosen)
