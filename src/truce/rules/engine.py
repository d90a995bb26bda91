"""The rules engine: every incident against every version, in the three-valued logic of
CONTRACTS §1.

Each condition (time, target, party, area) is true, false or unknown. `decide` states the
contract's precedence once, in plain Python; the engine tabulates it over all 4×3×3×3
combinations and applies the table to whole columns, so the vectorised path and the
readable rule cannot drift apart.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import IntEnum
from itertools import product

import numpy as np
import numpy.typing as npt

from truce.domain import (
    REASONS,
    TARGET_CODES,
    UNKNOWN,
    Incident,
    Reason,
    Ruling,
    TermsVersion,
    Verdict,
    is_country,
    protected_codes,
    region_key,
    unsettled_codes,
)
from truce.rules.explain import explain
from truce.rules.frame import IncidentFrame

UInt8 = npt.NDArray[np.uint8]

# A version without an end runs until the end of representable time.
_OPEN_END = np.iinfo(np.int64).max


class Truth(IntEnum):
    FALSE = 0
    TRUE = 1
    UNKNOWN = 2


class TimeState(IntEnum):
    INSIDE = 0
    BEFORE = 1
    AFTER = 2
    UNKNOWN = 3


def decide(time: TimeState, target: Truth, party: Truth, area: Truth) -> Reason:
    """The contract's precedence: the first false condition in the order time, target,
    party, area; else the first unknown in the same order; else a violation."""
    if time is TimeState.BEFORE:
        return Reason.BEFORE_START
    if time is TimeState.AFTER:
        return Reason.AFTER_END
    if target is Truth.FALSE:
        return Reason.TARGET_NOT_PROTECTED
    if party is Truth.FALSE:
        return Reason.PARTY_NOT_BOUND
    if area is Truth.FALSE:
        return Reason.OUTSIDE_AREA
    if time is TimeState.UNKNOWN:
        return Reason.MISSING_TIME
    if target is Truth.UNKNOWN:
        return Reason.MISSING_TARGET
    if party is Truth.UNKNOWN:
        return Reason.MISSING_PERPETRATOR
    if area is Truth.UNKNOWN:
        return Reason.MISSING_PLACE
    return Reason.PROTECTED_TARGET_IN_WINDOW


REASON_INDEX: dict[Reason, int] = {reason: i for i, reason in enumerate(REASONS)}
VERDICT_OF_REASON: UInt8 = np.array(
    [list(Verdict).index(reason.verdict) for reason in REASONS], np.uint8
)
# Index: time * 27 + target * 9 + party * 3 + area.
DECISION_TABLE: UInt8 = np.array(
    [REASON_INDEX[decide(t, g, p, a)] for t, g, p, a in product(TimeState, Truth, Truth, Truth)],
    np.uint8,
)


def epoch(instant: datetime) -> int:
    return int(instant.timestamp())


@dataclass(frozen=True)
class CompiledVersion:
    """A version as lookup tables over one frame's vocabularies."""

    version: TermsVersion
    start: int
    end: int
    target_state: UInt8  # indexed by target code + 1; slot 0 is "unknown"
    party_state: UInt8  # indexed by party code + 1
    area_country: npt.NDArray[np.bool_]  # indexed by party code + 1
    area_region: npt.NDArray[np.bool_]  # indexed by region code + 1
    has_area: bool
    has_country_entries: bool
    has_region_entries: bool

    @classmethod
    def compile(cls, version: TermsVersion, frame: IncidentFrame) -> CompiledVersion:
        protected = protected_codes(version.protects, version.excludes)
        # A code the version's lists do not settle (it covers protected and unprotected
        # kinds) is as unknown as no target at all.
        unsettled = unsettled_codes(version.protects, version.excludes)
        target_state = np.array(
            [Truth.UNKNOWN]
            + [
                Truth.UNKNOWN if code in unsettled else Truth(code in protected)
                for code in TARGET_CODES
            ],
            np.uint8,
        )
        bound = set(version.bound)
        party_state = np.array(
            [Truth.UNKNOWN] + [Truth(party in bound) for party in frame.parties], np.uint8
        )
        countries = {entry for entry in version.area if is_country(entry)}
        region_names = {region_key(entry) for entry in version.area if entry not in countries}
        area_country = np.array([False] + [p in countries for p in frame.parties], np.bool_)
        area_region = np.array([False] + [r in region_names for r in frame.regions], np.bool_)
        end = version.window_end
        return cls(
            version=version,
            start=epoch(version.starts),
            end=_OPEN_END if end is None else epoch(end),
            target_state=target_state,
            party_state=party_state,
            area_country=area_country,
            area_region=area_region,
            has_area=bool(version.area),
            has_country_entries=bool(countries),
            has_region_entries=bool(region_names),
        )

    def reasons(self, frame: IncidentFrame) -> UInt8:
        """The reason index of every incident of `frame` under this version."""
        before = frame.latest < self.start
        after = frame.earliest >= self.end
        inside = (frame.earliest >= self.start) & (frame.latest < self.end)
        # The three are exclusive; an interval in none of them straddles a boundary
        # (an unknown time is the widest interval, so it lands there too).
        straddles = ~(before | after | inside)
        key = before.view(np.uint8) * np.uint8(27 * TimeState.BEFORE)
        key += after.view(np.uint8) * np.uint8(27 * TimeState.AFTER)
        key += straddles.view(np.uint8) * np.uint8(27 * TimeState.UNKNOWN)
        key += self.target_state[frame.target + 1] * np.uint8(9)
        key += self.party_state[frame.perpetrator + 1] * np.uint8(3)
        key += self.area(frame)
        reasons: UInt8 = DECISION_TABLE[key]
        return reasons

    def area(self, frame: IncidentFrame) -> UInt8:
        n = len(frame)
        if not self.has_area:
            return np.full(n, Truth.TRUE, np.uint8)
        country_known = frame.country >= 0
        region_known = frame.region >= 0
        inside = self.area_country[frame.country + 1] | self.area_region[frame.region + 1]
        # Not matched: false only when nothing unknown could still place it inside:
        # an unknown region may be a listed region; an unknown country may hold one.
        could_match = (~region_known & self.has_region_entries) | (
            ~country_known & self.has_country_entries
        )
        nowhere = ~country_known & ~region_known
        state = np.where(
            inside,
            Truth.TRUE,
            np.where(nowhere | could_match, Truth.UNKNOWN, Truth.FALSE),
        )
        return state.astype(np.uint8)


@dataclass(frozen=True)
class Rulings:
    """The reason of every (version, incident) pair, with verdicts and tallies derived."""

    frame: IncidentFrame
    versions: tuple[TermsVersion, ...]
    reasons: UInt8  # shape (versions, incidents)

    @property
    def verdicts(self) -> UInt8:
        """Verdict index (into `Verdict`) of every pair."""
        verdicts: UInt8 = VERDICT_OF_REASON[self.reasons]
        return verdicts

    def tallies(self) -> dict[tuple[str, str], dict[Verdict, int]]:
        """Verdict counts per (version id, perpetrator): versions in their order,
        perpetrators alphabetically with `unknown` last; pairs with no incident left out."""
        parties = (UNKNOWN, *self.frame.parties)
        width = len(Verdict)
        out: dict[tuple[str, str], dict[Verdict, int]] = {}
        verdicts = self.verdicts
        for row, version in enumerate(self.versions):
            key = (self.frame.perpetrator.astype(np.int64) + 1) * width + verdicts[row]
            counts = np.bincount(key, minlength=len(parties) * width).reshape(-1, width)
            order = sorted(range(len(parties)), key=lambda p: (p == 0, parties[p]))
            for p in order:
                party = parties[p]
                if counts[p].any():
                    out[(version.id, party)] = {
                        verdict: int(counts[p, v]) for v, verdict in enumerate(Verdict)
                    }
        return out

    def __iter__(self) -> Iterator[Ruling]:
        """Rulings incident by incident, each under every version in turn."""
        for _, ruling in self.with_incidents():
            yield ruling

    def with_incidents(self) -> Iterator[tuple[Incident, Ruling]]:
        """The rulings of `iter`, each with its incident (for its corroboration and
        denials, which a ruling carries in the CLI's and the API's output)."""
        for column, incident in enumerate(self.frame.incidents):
            for row, version in enumerate(self.versions):
                reason = REASONS[self.reasons[row, column]]
                yield (
                    incident,
                    Ruling(
                        incident=incident.id,
                        version=version.id,
                        verdict=reason.verdict,
                        reason=reason,
                        explanation=explain(incident, version, reason),
                    ),
                )


def rule(
    incidents: IncidentFrame | Sequence[Incident], versions: Sequence[TermsVersion]
) -> Rulings:
    """Rule every incident against every version."""
    frame = (
        incidents
        if isinstance(incidents, IncidentFrame)
        else IncidentFrame.from_incidents(incidents)
    )
    reasons = np.empty((len(versions), len(frame)), np.uint8)
    for row, version in enumerate(versions):
        reasons[row] = CompiledVersion.compile(version, frame).reasons(frame)
    return Rulings(frame=frame, versions=tuple(versions), reasons=reasons)
