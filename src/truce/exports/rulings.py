"""The verdict of every stored incident under every version of the agreements exported.

Incidents are read and framed once, then ruled per agreement in whole columns, so an
export of a large store costs one read and one vectorised pass per agreement.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import numpy.typing as npt

from truce.audit import audit_head_json
from truce.domain import REASONS, Agreement, Incident, Reason, TermsVersion
from truce.rules import IncidentFrame, rule
from truce.store import Store

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class RuledIncidents:
    """Incidents in the order they occurred, and the reason of each under each version:
    `reasons[column, incident]` indexes `REASONS`, one column per (agreement, version)."""

    incidents: Sequence[Incident]
    agreements: tuple[Agreement, ...]
    columns: tuple[tuple[Agreement, TermsVersion], ...]
    reasons: npt.NDArray[np.uint8]
    # The audit trail's head (`{"seq", "hash"}`) read before the incidents: a third party
    # holds the trail to it with `truce audit verify --head HASH`.
    audit_head: dict[str, Any] = field(default_factory=lambda: audit_head_json(None))

    def rulings(self, index: int) -> Iterator[tuple[Agreement, TermsVersion, Reason]]:
        """The rulings of the incident at `index`, version by version."""
        for column, (agreement, version) in enumerate(self.columns):
            yield agreement, version, REASONS[self.reasons[column, index]]

    def ruling_names(self) -> list[str]:
        """The flat ruling columns: `verdict:<agreement>/<version>` then its `reason:`."""
        return [
            f"{kind}:{agreement.id}/{version.id}"
            for agreement, version in self.columns
            for kind in ("verdict", "reason")
        ]

    def ruling_values(self, index: int) -> list[str]:
        """The values of `ruling_names` for the incident at `index`."""
        return [
            value
            for _, _, reason in self.rulings(index)
            for value in (reason.verdict.value, reason.value)
        ]


def rule_for_export(store: Store, agreement: str | None = None) -> RuledIncidents:
    """Every stored incident ruled against every stored agreement, or only `agreement`
    (raises `NotFound` naming the stored ones if it is not stored)."""
    head = audit_head_json(store.audit_head())
    chosen = [store.agreement(agreement_id) for agreement_id in _agreement_ids(store, agreement)]
    incidents = store.incidents()
    frame = IncidentFrame.from_incidents(incidents)
    columns = tuple((a, v) for a in chosen for v in a.versions)
    reasons = np.empty((len(columns), len(incidents)), np.uint8)
    row = 0
    for a in chosen:
        if a.versions:
            block = rule(frame, a.versions).reasons
            reasons[row : row + len(a.versions)] = block
            row += len(a.versions)
    return RuledIncidents(incidents, tuple(chosen), columns, reasons, head)


def _agreement_ids(store: Store, agreement: str | None) -> list[str]:
    return [agreement] if agreement is not None else store.agreement_ids()
