"""The record `extract` returns: the fields of CONTRACTS §4."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class ExtractedRecord:
    input: str
    occurred_at: str | None
    time_precision: str
    place: str | None
    place_mention: str | None
    region: str | None
    country: str | None
    lat: float | None
    lon: float | None
    geo_precision: str
    perpetrator: str
    target: str | None
    target_detail: str | None
    weapon: str | None
    killed: int | None
    injured: int | None
    source: str | None
    source_alignment: str | None
    lang: str
    confidence: float

    def to_json(self) -> dict[str, Any]:
        return asdict(self)
