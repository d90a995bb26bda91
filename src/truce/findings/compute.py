"""The monitor's findings for one agreement, from rulings and evidence already in hand.

Pure: no database, no files. `truce.findings.stored` gathers what this needs; the
report page, the API and tests call the same function, so every figure on the page is
one a script can recompute. Each figure carries the incident ids behind it.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from datetime import UTC, date
from typing import Any

from truce.domain import INDEPENDENT, MEDIA, REASONS, Evidence, Incident, Stance, Verdict
from truce.findings.totals import PublishedTotal
from truce.rules import Rulings

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")

METHOD = (
    "Each claim is one report: the party that made it is its source, the party it accuses"
    " the perpetrator. Reports of the same strike are merged into one incident (automatic"
    " merging, then an analyst's recorded corrections); a denial is attached to the"
    " incident it denies and never counts as support.",
    "Every incident is ruled against every version of the terms: violation, no violation"
    " (with the first condition that fails: time, target, party, area) or undetermined"
    " (with the missing fact).",
    "A day is the local date the claim gives (Kyiv or Moscow time), or the UTC date of a"
    " claim given to the minute.",
)
CAVEATS = (
    "A violation here means a party's claim, if true, breaks that version of the deal;"
    " it does not mean the strike is established. Counts are of claims as itemised, not"
    " of strikes verified.",
    "Claims that only a published total mentions are not itemised and not counted (see Totals).",
)


def incident_day(incident: Incident) -> str | None:
    """The local date an incident was given with, else its UTC date."""
    text = incident.when.text or ""
    if _DATE.match(text):
        return text[:10]
    earliest = incident.when.earliest
    return earliest.astimezone(UTC).date().isoformat() if earliest else None


def _summary(incident: Incident) -> dict[str, Any]:
    return {
        "incident": incident.id,
        "day": incident_day(incident),
        "place": ", ".join(p for p in (incident.place, incident.region, incident.country) if p),
        "target": incident.target,
        "target_detail": incident.target_detail,
        "perpetrator": incident.perpetrator,
        "corroboration": incident.corroboration,
        "denied_by": list(incident.denied_by),
    }


def _evidence(items: Sequence[Evidence]) -> list[dict[str, Any]]:
    return [
        {
            "report": item.report_id or item.record.id,
            "stance": Stance(item.stance).value,
            "source": item.record.source,
            "alignment": item.record.source_alignment,
            "accuses": item.record.perpetrator,
            "url": item.record.url,
        }
        for item in items
    ]


def _affirming(items: Sequence[Evidence]) -> list[Evidence]:
    return [e for e in items if Stance(e.stance) is Stance.AFFIRM]


def _per_day(rulings: Rulings) -> tuple[dict[str, Any], dict[str, Any]]:
    """Violations per version, party and day, and per version and party in all."""
    per_day: dict[str, dict[str, dict[str, list[str]]]] = {}
    verdicts = rulings.verdicts
    violation = list(Verdict).index(Verdict.VIOLATION)
    incidents = rulings.frame.incidents
    for row, version in enumerate(rulings.versions):
        days: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
        for column, incident in enumerate(incidents):
            if verdicts[row, column] == violation:
                days[incident.perpetrator][incident_day(incident) or "unknown"].append(incident.id)
        per_day[version.id] = {party: dict(sorted(d.items())) for party, d in sorted(days.items())}
    headline = {
        version: {party: sum(len(ids) for ids in days.values()) for party, days in parties.items()}
        for version, parties in per_day.items()
    }
    table = {
        version: {
            party: [
                {"day": day, "violations": len(ids), "incidents": ids} for day, ids in d.items()
            ]
            for party, d in parties.items()
        }
        for version, parties in per_day.items()
    }
    return headline, table


def _disputed(rulings: Rulings) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Incidents whose verdict depends on the version, and the patterns they fall in."""
    out = []
    patterns: dict[tuple[tuple[str, str], ...], list[str]] = defaultdict(list)
    by_incident: dict[str, dict[str, Any]] = {}
    for incident, ruling in rulings.with_incidents():
        entry = by_incident.setdefault(incident.id, {"incident": incident, "rulings": {}})
        entry["rulings"][ruling.version] = ruling
    for entry in by_incident.values():
        rulings_of = entry["rulings"]
        if len({r.verdict for r in rulings_of.values()}) < 2:
            continue
        incident = entry["incident"]
        key = tuple((v, f"{r.verdict.value}: {r.reason.value}") for v, r in rulings_of.items())
        patterns[key].append(incident.id)
        out.append(
            {
                **_summary(incident),
                "rulings": {
                    v: {
                        "verdict": r.verdict.value,
                        "reason": r.reason.value,
                        "explanation": r.explanation,
                    }
                    for v, r in rulings_of.items()
                },
            }
        )
    out.sort(key=lambda d: (d["day"] or "", d["incident"]))
    summary = [
        {"rulings": dict(key), "count": len(ids), "incidents": ids}
        for key, ids in sorted(patterns.items(), key=lambda kv: -len(kv[1]))
    ]
    return out, summary


def _provenance(
    incidents: Sequence[Incident], evidence: Mapping[str, Sequence[Evidence]]
) -> dict[str, list[dict[str, Any]]]:
    """Each incident in the first group that fits: independent support; both sides
    affirm it; the other side denies it; one side alone claims it."""
    groups: dict[str, list[dict[str, Any]]] = {
        "independent": [],
        "both_sides": [],
        "denied": [],
        "one_side_only": [],
    }
    for incident in incidents:
        items = evidence.get(incident.id, ())
        sides = sorted(
            {
                e.record.source_alignment
                for e in _affirming(items)
                if e.record.source_alignment not in (None, MEDIA, INDEPENDENT)
            }
        )
        entry = {**_summary(incident), "claimed_by": sides, "evidence": _evidence(items)}
        independent = any(e.record.source_alignment == INDEPENDENT for e in _affirming(items))
        if independent:
            groups["independent"].append(entry)
        elif len(sides) > 1:
            groups["both_sides"].append(entry)
        elif incident.denied_by:
            groups["denied"].append(entry)
        else:
            groups["one_side_only"].append(entry)
    return groups


def _totals(
    totals: Sequence[PublishedTotal],
    rulings: Rulings,
    evidence: Mapping[str, Sequence[Evidence]],
) -> list[dict[str, Any]]:
    """Each published total beside the itemised claims of the same claimant against the
    same party over the same days, and how many of those each version rules violations."""
    violation = list(Verdict).index(Verdict.VIOLATION)
    verdicts = rulings.verdicts
    column = {incident.id: c for c, incident in enumerate(rulings.frame.incidents)}
    out = []
    for total in totals:
        claimed: list[Incident] = []
        for incident in rulings.frame.incidents:
            day = incident_day(incident)
            if day is None or not (total.since <= date.fromisoformat(day) <= total.as_of):
                continue
            if any(
                e.record.source_alignment == total.claimant
                and e.record.perpetrator == total.accused
                for e in _affirming(evidence.get(incident.id, ()))
            ):
                claimed.append(incident)
        ids = [i.id for i in claimed]
        out.append(
            {
                **total.as_json(),
                "itemised": len(ids),
                "incidents": ids,
                "denied": sum(bool(i.denied_by) for i in claimed),
                "supported_by_the_other_side_or_independent": sum(
                    i.corroboration in ("both_sides", "independent") for i in claimed
                ),
                "violations": {
                    version.id: int(sum(verdicts[row, column[i]] == violation for i in ids))
                    for row, version in enumerate(rulings.versions)
                },
            }
        )
    return out


def findings_of(
    rulings: Rulings,
    evidence: Mapping[str, Sequence[Evidence]],
    totals: Sequence[PublishedTotal] = (),
) -> dict[str, Any]:
    """The monitor's findings: violations per version, party and day; the incidents
    whose verdict depends on the version; where each claim comes from; published
    totals beside the itemised claims. Every count lists the incidents behind it."""
    incidents = rulings.frame.incidents
    headline, per_day = _per_day(rulings)
    disputed, patterns = _disputed(rulings)
    provenance = _provenance(incidents, evidence)
    return {
        "versions": [
            {"id": v.id, "according_to": v.according_to, "window": _window(v)}
            for v in rulings.versions
        ],
        "incidents": len(incidents),
        "claims": sum(len(_affirming(evidence.get(i.id, ()))) for i in incidents),
        "denials": sum(
            len(evidence.get(i.id, ())) - len(_affirming(evidence.get(i.id, ()))) for i in incidents
        ),
        "violations": headline,
        "per_day": per_day,
        "disputed": disputed,
        "disputed_patterns": patterns,
        "provenance": provenance,
        "provenance_counts": {group: len(items) for group, items in provenance.items()},
        "totals": _totals(totals, rulings, evidence),
        "method": list(METHOD),
        "caveats": list(CAVEATS),
        "reasons": [r.value for r in REASONS],
    }


def _window(version: Any) -> list[str | None]:
    end = version.window_end
    return [version.starts.isoformat(), end.isoformat() if end else None]
