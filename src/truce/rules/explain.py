"""One line per ruling that a reader can check by hand: which target, which instant in
UTC, which window of which version, and why that decides it."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from functools import lru_cache

from truce.domain import (
    TARGET_CODES,
    Incident,
    Reason,
    TermsVersion,
    TimePrecision,
    country_zones,
    covers,
    protected_codes,
    unsettled_codes,
)
from truce.domain.limits import to_utc


@lru_cache(maxsize=4096)
def _utc(instant: datetime) -> str:
    return to_utc(instant).strftime("%Y-%m-%d %H:%M:%S UTC").replace(":00 UTC", " UTC")


def _when(incident: Incident) -> str:
    when = incident.when
    if when.earliest is None or when.latest is None:
        return "at an unknown time"
    if when.precision is TimePrecision.MINUTE:
        return f"at {_utc(when.earliest)}"
    span = f"{_utc(when.earliest)} to {_utc(when.latest)}"
    if when.precision is TimePrecision.DAY:
        zones = ", ".join(country_zones(incident.country)) or "any time zone"
        return f"on {when.text} ({zones}: {span})"
    return f"at {when.text or 'a time'} ({when.precision.value.replace('_', ' ')}: {span})"


@lru_cache(maxsize=256)
def _end(version: TermsVersion) -> datetime | None:
    """`window_end` parses the ISO duration each time; a version's end never changes."""
    return version.window_end


@lru_cache(maxsize=256)
def _window(version: TermsVersion) -> str:
    end = _end(version)
    until = _utc(end) if end else "open-ended"
    return f"'{version.id}' window {_utc(version.starts)} to {until}"


def _target(incident: Incident) -> str:
    if incident.target is None:
        return "unknown target"
    detail = f" ({incident.target_detail})" if incident.target_detail else ""
    return f"{incident.target}{detail}"


def _place(incident: Incident) -> str:
    parts = [p for p in (incident.place, incident.region, incident.country) if p]
    return ", ".join(parts) if parts else "unknown place"


def _list(codes: tuple[str, ...]) -> str:
    return ", ".join(codes) if codes else "none"


@lru_cache(maxsize=1024)
def _protected_under(code: str, version: TermsVersion) -> tuple[str, ...]:
    """The most general codes under `code` that `version` protects."""
    protected = protected_codes(version.protects, version.excludes)
    return _tops(c for c in protected if covers(code, c))


@lru_cache(maxsize=1024)
def _unprotected_under(code: str, version: TermsVersion) -> tuple[str, ...]:
    """The most general codes under `code` that `version` neither protects nor leaves
    unsettled."""
    protected = protected_codes(version.protects, version.excludes)
    unsettled = unsettled_codes(version.protects, version.excludes)
    return _tops(
        c for c in TARGET_CODES if covers(code, c) and c not in protected and c not in unsettled
    )


def _tops(codes: Iterable[str]) -> tuple[str, ...]:
    chosen = sorted(set(codes))
    return tuple(c for c in chosen if not any(o != c and covers(o, c) for o in chosen))


def _why(incident: Incident, version: TermsVersion, reason: Reason) -> str:
    match reason:
        case Reason.PROTECTED_TARGET_IN_WINDOW:
            where = f"{_place(incident)} is inside the area" if version.area else "any place counts"
            return f"{incident.perpetrator} is bound, the target is protected and {where}"
        case Reason.BEFORE_START:
            return "it ended before the window started"
        case Reason.AFTER_END:
            end = _end(version)
            return f"it began after the window ended ({_utc(end) if end else 'never'})"
        case Reason.TARGET_NOT_PROTECTED:
            if incident.target is not None and any(
                incident.target == e or incident.target.startswith(e + ".")
                for e in version.excludes
            ):
                return f"the target is carved out by excludes ({_list(version.excludes)})"
            return f"the target is not covered by protects ({_list(version.protects)})"
        case Reason.PARTY_NOT_BOUND:
            return f"{incident.perpetrator} is not bound (bound: {_list(version.bound)})"
        case Reason.OUTSIDE_AREA:
            return f"{_place(incident)} is outside the area ({_list(version.area)})"
        case Reason.MISSING_TIME:
            if not incident.when.known:
                return "no time is given, so the window cannot be checked"
            return "the time's precision straddles a window boundary"
        case Reason.MISSING_TARGET:
            if incident.target is not None:
                return (
                    f"the version's list does not settle {incident.target}: it protects"
                    f" {_list(_protected_under(incident.target, version))} but not"
                    f" {_list(_unprotected_under(incident.target, version))}, and the kind"
                    " of facility struck is not known"
                )
            return f"the target is unknown (protects: {_list(version.protects)})"
        case Reason.MISSING_PERPETRATOR:
            return f"the perpetrator is unknown (bound: {_list(version.bound)})"
        case Reason.MISSING_PLACE:
            area = _list(version.area)
            return f"{_place(incident)} cannot be placed inside or outside the area ({area})"


def explain(incident: Incident, version: TermsVersion, reason: Reason) -> str:
    return (
        f"{reason.verdict.value}: {_target(incident)} {_when(incident)}, "
        f"against {_window(version)}: {_why(incident, version, reason)}."
    )
