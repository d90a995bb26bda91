"""Incidents as columns, the form the rules engine works on.

Ruling a million incidents against ten versions must not be a Python loop per pair, so
incidents become integer and boolean arrays once, and each version is compiled into a
few lookup tables over the same vocabularies.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

from truce.domain import TARGET_CODES, UNKNOWN, Incident, region_key

Int64 = npt.NDArray[np.int64]
Int16 = npt.NDArray[np.int16]
Int32 = npt.NDArray[np.int32]
Bool = npt.NDArray[np.bool_]

NO_EARLIEST = np.iinfo(np.int64).min
NO_LATEST = np.iinfo(np.int64).max
TARGET_INDEX: dict[str, int] = {code: i for i, code in enumerate(TARGET_CODES)}


@dataclass(frozen=True)
class IncidentFrame:
    """Columns of N incidents. Codes index the vocabularies; -1 means unknown.

    `earliest`/`latest` are the closed UTC interval in epoch seconds. An unknown time is
    the widest interval there is, so it straddles every window boundary.
    """

    ids: Sequence[str]
    earliest: Int64
    latest: Int64
    has_time: Bool
    target: Int16
    perpetrator: Int16
    country: Int16
    region: Int32
    parties: tuple[str, ...]
    regions: tuple[str, ...]
    incidents: Sequence[Incident] = field(default=())

    def __len__(self) -> int:
        return len(self.ids)

    @classmethod
    def from_incidents(cls, incidents: Sequence[Incident]) -> IncidentFrame:
        parties: dict[str, int] = {}
        regions: dict[str, int] = {}
        n = len(incidents)
        earliest = np.full(n, NO_EARLIEST, np.int64)
        latest = np.full(n, NO_LATEST, np.int64)
        has_time = np.zeros(n, np.bool_)
        target = np.full(n, -1, np.int16)
        perpetrator = np.full(n, -1, np.int16)
        country = np.full(n, -1, np.int16)
        region = np.full(n, -1, np.int32)
        for i, incident in enumerate(incidents):
            when = incident.when
            if when.earliest is not None and when.latest is not None:
                has_time[i] = True
                earliest[i] = int(when.earliest.timestamp())
                latest[i] = int(when.latest.timestamp())
            if incident.target is not None:
                target[i] = TARGET_INDEX[incident.target]
            if incident.perpetrator != UNKNOWN:
                perpetrator[i] = parties.setdefault(incident.perpetrator, len(parties))
            if incident.country is not None:
                country[i] = parties.setdefault(incident.country, len(parties))
            if incident.region is not None:
                region[i] = regions.setdefault(region_key(incident.region), len(regions))
        return cls(
            ids=[incident.id for incident in incidents],
            earliest=earliest,
            latest=latest,
            has_time=has_time,
            target=target,
            perpetrator=perpetrator,
            country=country,
            region=region,
            parties=tuple(parties),
            regions=tuple(regions),
            incidents=incidents,
        )
