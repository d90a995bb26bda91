"""One incident's facts from all its reports, by a stated rule.

- **Time**: the narrowest window any affirming report gives ("at 04:15" beats "overnight"
  beats a date); ties go to the earliest report.
- **Place**: the most precise place (a settlement with coordinates, then a settlement,
  a region, a country); ties go to the earliest report. Region and country are filled
  from other reports when the chosen one lacks them.
- **Target**: the code the best-corroborated reports support. Each distinct source
  weighs by who it is (an independent monitor 3, the press 2, a party 1) and supports its
  own code and every code more specific than it (a wire's "energy facility" supports the
  governor's "substation"); the most supported code wins, the more specific one on a
  tie, then the one reported first.
- **Perpetrator**: the party every affirming report that names one agrees on; when
  sources blame different parties it is `unknown` (disputed).
- **Casualties**: the count the best-corroborated reports give, the latest report on a
  tie (tolls rise as news comes in), with the range of all counts when sources disagree.
- **Corroboration** (CONTRACTS §4): `independent` when an independent source affirms it,
  else `both_sides` when sources aligned with two different parties affirm it, else
  `multiple_sources` when two or more distinct sources do, else `single_source`. A deny
  report counts for nothing here; its source's party goes to `denied_by`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime

from truce.domain import (
    INDEPENDENT,
    MEDIA,
    UNKNOWN,
    Corroboration,
    Evidence,
    GeoPrecision,
    Incident,
    Stance,
    covers,
    is_country,
)

_FAR_FUTURE = datetime.max.replace(tzinfo=UTC)


@dataclass(frozen=True, slots=True)
class Consolidated:
    """An incident's consolidated facts, with what they were consolidated from."""

    incident: Incident
    reports: tuple[str, ...]
    sources: tuple[str, ...]
    killed_range: tuple[int, int] | None
    injured_range: tuple[int, int] | None
    evidence: tuple[Evidence, ...]


def source_key(evidence: Evidence) -> str:
    """Who is speaking: reports from one source count once, whatever their number. A
    report with no named source counts as a source of its own."""
    source = evidence.record.source
    if source and source.strip():
        return " ".join(source.casefold().split())
    return f"report:{evidence.report_id or evidence.record.id}"


def _weight(evidence: Evidence) -> int:
    alignment = evidence.record.source_alignment
    return 3 if alignment == INDEPENDENT else 2 if alignment == MEDIA else 1


def corroboration(evidence: Sequence[Evidence]) -> Corroboration | None:
    """The highest level that applies, or None when no report affirms the incident."""
    affirming = [e for e in evidence if e.stance == Stance.AFFIRM]
    if not affirming:
        return None
    alignments = {e.record.source_alignment for e in affirming}
    if INDEPENDENT in alignments:
        return Corroboration.INDEPENDENT
    if len({a for a in alignments if a is not None and is_country(a)}) >= 2:
        return Corroboration.BOTH_SIDES
    if len({source_key(e) for e in affirming}) >= 2:
        return Corroboration.MULTIPLE_SOURCES
    return Corroboration.SINGLE_SOURCE


def denied_by(evidence: Sequence[Evidence]) -> tuple[str, ...]:
    """The parties whose sources deny the incident, sorted."""
    return tuple(
        sorted(
            {
                alignment
                for e in evidence
                if e.stance == Stance.DENY
                and (alignment := e.record.source_alignment) is not None
                and is_country(alignment)
            }
        )
    )


def _reported(evidence: Evidence) -> datetime:
    return evidence.record.reported_at or _FAR_FUTURE


def _width(evidence: Evidence) -> float:
    when = evidence.record.when
    if when.earliest is None or when.latest is None:
        return float("inf")
    return (when.latest - when.earliest).total_seconds()


_PLACE_ORDER = {
    GeoPrecision.SETTLEMENT: 1,
    GeoPrecision.REGION: 2,
    GeoPrecision.COUNTRY: 3,
    GeoPrecision.NONE: 4,
}


def _place_rank(evidence: Evidence) -> tuple[int, datetime]:
    record = evidence.record
    rank = _PLACE_ORDER[record.geo_precision]
    if record.geo_precision is GeoPrecision.SETTLEMENT and record.lat is not None:
        rank = 0
    return rank, _reported(evidence)


def _supported_target(affirming: Sequence[Evidence]) -> Evidence | None:
    """The evidence whose target the best-corroborated sources support."""
    weights: dict[str, int] = {}
    targets: dict[str, set[str]] = {}
    for e in affirming:
        if e.record.target is not None:
            key = source_key(e)
            weights[key] = max(weights.get(key, 0), _weight(e))
            targets.setdefault(key, set()).add(e.record.target)
    best: tuple[int, int, float, Evidence] | None = None
    for e in sorted(affirming, key=_reported):
        code = e.record.target
        if code is None:
            continue
        support = sum(
            weights[key] for key, codes in targets.items() if any(covers(c, code) for c in codes)
        )
        rank = (support, code.count("."), -_reported(e).timestamp())
        if best is None or rank > best[:3]:
            best = (*rank, e)
    return best[3] if best else None


def _count(affirming: Sequence[Evidence], name: str) -> tuple[int | None, tuple[int, int] | None]:
    """The count the best-corroborated sources give, and the range when they disagree."""
    given = [(e, getattr(e.record, name)) for e in affirming if getattr(e.record, name) is not None]
    if not given:
        return None, None
    counts = {count for _, count in given}
    if len(counts) == 1:
        return given[0][1], None
    support: dict[int, dict[str, int]] = {}
    latest: dict[int, datetime] = {}
    for e, count in given:
        support.setdefault(count, {})[source_key(e)] = _weight(e)
        reported = e.record.reported_at or datetime.min.replace(tzinfo=UTC)
        latest[count] = max(latest.get(count, reported), reported)
    chosen = max(counts, key=lambda c: (sum(support[c].values()), latest[c], c))
    return chosen, (min(counts), max(counts))


def consolidate(incident_id: str, evidence: Sequence[Evidence]) -> Consolidated:
    """The incident `evidence` describes, under `incident_id`. Evidence that only denies
    gives the facts when nothing affirms (a denial waiting for its incident)."""
    if not evidence:
        raise ValueError("an incident needs at least one piece of evidence")
    affirming = [e for e in evidence if e.stance == Stance.AFFIRM] or list(evidence)
    first = min(affirming, key=_reported)
    timed = min(affirming, key=lambda e: (_width(e), _reported(e)))
    placed = min(affirming, key=_place_rank)
    targeted = _supported_target(affirming)
    named = {e.record.perpetrator for e in affirming if e.record.perpetrator != UNKNOWN}
    killed, killed_range = _count(affirming, "killed")
    injured, injured_range = _count(affirming, "injured")
    region = placed.record.region or next(
        (e.record.region for e in affirming if e.record.region), None
    )
    country = placed.record.country or next(
        (e.record.country for e in affirming if e.record.country), None
    )
    weapon = (targeted.record.weapon if targeted else None) or next(
        (e.record.weapon for e in sorted(affirming, key=_reported) if e.record.weapon), None
    )
    incident = replace(
        first.record,
        id=incident_id,
        when=timed.record.when,
        place=placed.record.place,
        lat=placed.record.lat,
        lon=placed.record.lon,
        region=region,
        country=country,
        geo_precision=placed.record.geo_precision,
        perpetrator=named.pop() if len(named) == 1 else UNKNOWN,
        target=targeted.record.target if targeted else None,
        target_detail=targeted.record.target_detail if targeted else None,
        weapon=weapon,
        killed=killed,
        injured=injured,
        report_id=first.report_id,
        corroboration=level.value if (level := corroboration(evidence)) else None,
        denied_by=denied_by(evidence),
    )
    ordered = sorted(evidence, key=_reported)
    return Consolidated(
        incident=incident,
        reports=tuple(dict.fromkeys(e.report_id or e.record.id for e in ordered)),
        sources=tuple(dict.fromkeys(e.record.source for e in ordered if e.record.source)),
        killed_range=killed_range,
        injured_range=injured_range,
        evidence=tuple(ordered),
    )
