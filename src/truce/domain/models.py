"""Domain types shared by every stage. Stages import these; none defines its own copy."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from isodate import parse_duration


class TimePrecision(StrEnum):
    """How precisely an incident's time is known."""

    MINUTE = "minute"
    HOUR = "hour"
    PART_OF_DAY = "part_of_day"
    DAY = "day"
    NIGHT = "night"  # the night from the evening of a date to the next morning
    NONE = "none"


class GeoPrecision(StrEnum):
    """How precisely an incident's place is known."""

    SETTLEMENT = "settlement"
    REGION = "region"
    COUNTRY = "country"
    NONE = "none"


class Verdict(StrEnum):
    VIOLATION = "violation"
    NO_VIOLATION = "no_violation"
    UNDETERMINED = "undetermined"


class Reason(StrEnum):
    """Why a ruling came out as it did (CONTRACTS §1). The declaration order is the
    order of precedence: false conditions first (time, target, party, area), then
    unknown ones (time, target, perpetrator, place), then a violation."""

    BEFORE_START = "before_start"
    AFTER_END = "after_end"
    TARGET_NOT_PROTECTED = "target_not_protected"
    PARTY_NOT_BOUND = "party_not_bound"
    OUTSIDE_AREA = "outside_area"
    MISSING_TIME = "missing_time"
    MISSING_TARGET = "missing_target"
    MISSING_PERPETRATOR = "missing_perpetrator"
    MISSING_PLACE = "missing_place"
    PROTECTED_TARGET_IN_WINDOW = "protected_target_in_window"

    @property
    def verdict(self) -> Verdict:
        if self is Reason.PROTECTED_TARGET_IN_WINDOW:
            return Verdict.VIOLATION
        if self.name.startswith("MISSING_"):
            return Verdict.UNDETERMINED
        return Verdict.NO_VIOLATION


REASONS: tuple[Reason, ...] = tuple(Reason)

# What each reason means, as `truce taxonomy` and docs/taxonomy.md show it.
REASON_MEANINGS: dict[Reason, str] = {
    Reason.BEFORE_START: "the incident lies wholly before the window",
    Reason.AFTER_END: "the incident lies wholly after the window",
    Reason.TARGET_NOT_PROTECTED: "the target is not covered, or is covered by an `excludes` entry",
    Reason.PARTY_NOT_BOUND: "the perpetrator is not bound by this version",
    Reason.OUTSIDE_AREA: "the place is outside the version's area",
    Reason.MISSING_TIME: "no time, or its precision straddles a window boundary",
    Reason.MISSING_TARGET: "the target is unknown",
    Reason.MISSING_PERPETRATOR: "the perpetrator is `unknown`",
    Reason.MISSING_PLACE: "the version has an area and the place is unknown",
    Reason.PROTECTED_TARGET_IN_WINDOW: (
        "a bound party struck a protected target inside the area and the window"
    ),
}


@dataclass(frozen=True, slots=True)
class Occurrence:
    """When an incident happened: the closed UTC interval it may lie in.

    A minute-precise time is an interval of one instant; a date covers its whole local
    day; an unknown time has no interval. `text` keeps the value as it was given, so an
    export round-trips exactly.
    """

    precision: TimePrecision
    earliest: datetime | None = None
    latest: datetime | None = None
    text: str = ""

    @property
    def known(self) -> bool:
        return self.earliest is not None


@dataclass(frozen=True, slots=True)
class Incident:
    """One incident as coded (CONTRACTS §2)."""

    id: str
    when: Occurrence
    place: str | None = None
    lat: float | None = None
    lon: float | None = None
    country: str | None = None
    region: str | None = None
    geo_precision: GeoPrecision = GeoPrecision.NONE
    perpetrator: str = "unknown"
    target: str | None = None
    target_detail: str | None = None
    weapon: str | None = None
    killed: int | None = None
    injured: int | None = None
    source: str | None = None
    source_alignment: str | None = None
    reported_at: datetime | None = None
    url: str | None = None
    text: str | None = None
    report_id: str | None = None
    # How well the reports merged into this incident confirm it (`Corroboration`), and
    # the parties whose sources deny it. Empty for a single report not merged yet.
    corroboration: str | None = None
    denied_by: tuple[str, ...] = ()


class Corroboration(StrEnum):
    """How well an incident is confirmed (CONTRACTS §4), weakest first: the declaration
    order is the order `--min-corroboration` filters by."""

    SINGLE_SOURCE = "single_source"
    MULTIPLE_SOURCES = "multiple_sources"
    BOTH_SIDES = "both_sides"
    INDEPENDENT = "independent"

    @property
    def rank(self) -> int:
        return list(Corroboration).index(self)


class Stance(StrEnum):
    """Whether a report says the incident happened or denies it."""

    AFFIRM = "affirm"
    DENY = "deny"


@dataclass(frozen=True, slots=True)
class Evidence:
    """One report's account of one incident: the record drawn from the report (or the
    row as an analyst coded it), and which incident it was merged into. An incident's
    facts are consolidated from its evidence, so nothing a source said is lost."""

    record: Incident
    report_id: str | None
    stance: Stance = Stance.AFFIRM
    coded: bool = False  # a row of `truce incidents import`: never merged automatically
    incident_id: str | None = None


@dataclass(frozen=True, slots=True)
class Report:
    """One source's account of what happened: free text to extract incidents from, or
    the text behind a structured record. Incidents keep the id of the report they came
    from, so every ruling can be traced to the words it rests on."""

    id: str
    source: str | None = None
    source_alignment: str | None = None
    published: datetime | None = None
    text: str | None = None
    url: str | None = None
    lang: str | None = None
    stance: str = "affirm"
    # `published` was a date alone (many feeds give no more): it then stands for noon UTC
    # of that day, and times drawn from it are known to the day at best.
    published_day: bool = False


@dataclass(frozen=True, slots=True)
class TermsVersion:
    """One party's (or one interpretation's) version of an agreement's terms."""

    id: str
    according_to: str
    bound: tuple[str, ...]
    protects: tuple[str, ...]
    starts: datetime
    source: str | None = None
    excludes: tuple[str, ...] = ()
    area: tuple[str, ...] = ()
    duration: str | None = None
    ends: datetime | None = None
    notes: str | None = None

    def to_data(self) -> dict[str, Any]:
        """Plain data in the field order of CONTRACTS §2 (absent fields as None)."""
        return {
            "id": self.id,
            "according_to": self.according_to,
            "source": self.source,
            "bound": list(self.bound),
            "protects": list(self.protects),
            "excludes": list(self.excludes),
            "area": list(self.area),
            "starts": self.starts.isoformat(),
            "duration": self.duration,
            "ends": self.ends.isoformat() if self.ends else None,
            "notes": self.notes,
        }

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> TermsVersion:
        """The inverse of `to_data`, for data that was validated when it was first read."""
        return cls(
            id=data["id"],
            according_to=data["according_to"],
            source=data.get("source"),
            bound=tuple(data["bound"]),
            protects=tuple(data["protects"]),
            excludes=tuple(data.get("excludes") or ()),
            area=tuple(data.get("area") or ()),
            starts=datetime.fromisoformat(data["starts"]),
            duration=data.get("duration"),
            ends=datetime.fromisoformat(data["ends"]) if data.get("ends") else None,
            notes=data.get("notes"),
        )

    @property
    def window_end(self) -> datetime | None:
        """The first instant no longer covered, or None for an open-ended window."""
        if self.ends is not None:
            return self.ends
        if self.duration is None:
            return None
        try:
            end: datetime = self.starts + parse_duration(self.duration)
        except (OverflowError, ValueError):
            # Past the calendar (stored before terms were checked for it): never ends.
            return datetime.max.replace(tzinfo=UTC)
        return end


@dataclass(frozen=True, slots=True)
class Agreement:
    id: str
    title: str | None
    versions: tuple[TermsVersion, ...] = field(default_factory=tuple)

    def version(self, version_id: str) -> TermsVersion:
        for version in self.versions:
            if version.id == version_id:
                return version
        raise KeyError(version_id)


@dataclass(frozen=True, slots=True)
class Ruling:
    """One incident judged against one version."""

    incident: str
    version: str
    verdict: Verdict
    reason: Reason
    explanation: str
