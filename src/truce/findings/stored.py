"""Gathering what `findings_of` needs from a store: the rulings of an agreement and
every piece of evidence of its incidents, in one query each."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from truce.domain import Evidence
from truce.findings.compute import findings_of
from truce.findings.totals import PublishedTotal
from truce.rules import rule_stored
from truce.store import Store


def stored_findings(
    store: Store, agreement_id: str, totals: Sequence[PublishedTotal] = ()
) -> dict[str, Any]:
    """The findings of one stored agreement (`NotFound` when there is none)."""
    _, rulings = rule_stored(store, agreement_id)
    evidence: dict[str, list[Evidence]] = defaultdict(list)
    for item in store.evidence():
        if item.incident_id is not None:
            evidence[item.incident_id].append(item)
    return {"agreement": agreement_id, **findings_of(rulings, evidence, totals)}
