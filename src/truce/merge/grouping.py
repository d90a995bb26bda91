"""Grouping evidence into incidents, one piece at a time.

Each piece is compared only with what lies on the same days in the same or a
neighbouring map cell, the same region or the same named settlement (blocking), so the
cost grows with the data, not with its square. A piece joins the incident it matches
best, or starts one; a report never joins an incident twice (two strikes one report
lists are two incidents). A denial that matches nothing waits until an incident it
denies arrives. The store runs the same rule against its tables (`truce.store`); this
module is the in-memory version behind `truce merge`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace

from truce.domain import Evidence, Stance
from truce.merge.consolidate import Consolidated, consolidate
from truce.merge.footprint import Footprint, Level, footprint
from truce.merge.matching import match_score


def block_keys(print_: Footprint) -> tuple[str, ...]:
    """The keys a footprint is filed under, on every UTC day its window touches. A
    settlement with coordinates is filed by map cell and name, and as lying `in` its
    region; a region, or a settlement the gazetteer could not place, by region."""
    keys = []
    if print_.cell is not None:
        keys.append(f"cell:{print_.cell}")
    if print_.settlement is not None:
        keys.append(f"place:{print_.settlement}")
    if print_.region is not None:
        located = print_.level == Level.COORDINATES
        keys.append(f"{'in' if located else 'region'}:{print_.region}")
    if print_.level == Level.COUNTRY and print_.country is not None:
        keys.append(f"country:{print_.country}")
    return tuple(keys)


def probe_keys(print_: Footprint) -> tuple[str, ...]:
    """The keys under which anything this footprint could match is filed: neighbouring
    cells and the same name for a settlement; every region-level report of its region;
    and for a region (or an unplaced settlement), everything in it."""
    keys = [f"cell:{cell}" for cell in print_.cells]
    if print_.settlement is not None:
        keys.append(f"place:{print_.settlement}")
    if print_.region is not None:
        keys.append(f"region:{print_.region}")
        if print_.level != Level.COORDINATES:
            keys.append(f"in:{print_.region}")
    if print_.level == Level.COUNTRY and print_.country is not None:
        keys.append(f"country:{print_.country}")
    return tuple(keys)


def days(print_: Footprint) -> range:
    first, last = print_.days
    return range(first, last + 1)


def anchor(incident: str, evidence: Sequence[Evidence]) -> Footprint:
    """What a newcomer must match to join an incident: its consolidated facts (the most
    precise place and time its reports give, the best-supported target). Matching these
    rather than any one report keeps a vague report ("Kharkiv region, overnight") from
    chaining two towns' strikes into one incident."""
    return footprint(Evidence(record=consolidate(incident, evidence).incident, report_id=None))


def best_incident(
    print_: Footprint,
    incidents: Iterable[str],
    anchor_of: Callable[[str], Footprint],
    reports_of: Callable[[str], set[str]],
) -> str | None:
    """The incident `print_` fits best among the candidates (incidents holding a piece
    of evidence it matches), judged against each one's `anchor`, or None. An incident
    that already holds evidence from the same report is passed over."""
    best: tuple[float, str] | None = None
    for incident in dict.fromkeys(incidents):
        target = anchor_of(incident)
        if not target.mergeable:
            continue
        score = match_score(print_, target)
        if score is None or (best is not None and score <= best[0]):
            continue
        if print_.report is not None and print_.report in reports_of(incident):
            continue
        best = (score, incident)
    return best[1] if best else None


@dataclass(frozen=True, slots=True)
class MergeResult:
    incidents: tuple[Consolidated, ...]
    unmatched_denials: tuple[str, ...]  # evidence ids of denials that matched nothing


class Merger:
    """Evidence grouped into incidents, in memory."""

    def __init__(self) -> None:
        self._index: dict[tuple[int, str], list[tuple[Footprint, str]]] = defaultdict(list)
        self._pending: dict[tuple[int, str], list[tuple[Footprint, Evidence]]] = defaultdict(list)
        self._evidence: dict[str, list[Evidence]] = {}
        self._reports: dict[str, set[str]] = defaultdict(set)
        self._unmatched: dict[str, Evidence] = {}
        self._anchors: dict[str, Footprint] = {}

    def _candidates(self, print_: Footprint) -> list[str]:
        """Incidents with a piece of evidence that `print_` matches, in a fixed order."""
        return sorted(
            {
                incident
                for key in probe_keys(print_)
                for day in days(print_)
                for other, incident in self._index.get((day, key), ())
                if match_score(print_, other) is not None
            }
        )

    def _anchor(self, incident: str) -> Footprint:
        if incident not in self._anchors:
            self._anchors[incident] = anchor(incident, self._evidence[incident])
        return self._anchors[incident]

    def _file(self, print_: Footprint, incident: str) -> None:
        for key in block_keys(print_):
            for day in days(print_):
                self._index[(day, key)].append((print_, incident))

    def add(self, evidence: Evidence) -> str | None:
        """File one piece of evidence; returns its incident's id, or None for a denial
        that matches no incident yet."""
        print_ = footprint(evidence)
        incident: str | None = None
        if print_.mergeable:
            incident = best_incident(
                print_, self._candidates(print_), self._anchor, self._reports.__getitem__
            )
        if incident is None:
            if print_.stance == Stance.DENY:
                self._unmatched[print_.id] = evidence
                if print_.mergeable:
                    for key in block_keys(print_):
                        for day in days(print_):
                            self._pending[(day, key)].append((print_, evidence))
                return None
            incident = print_.id
            while incident in self._evidence:
                incident += "+"
            self._evidence[incident] = []
        self._evidence[incident].append(replace(evidence, incident_id=incident))
        self._anchors.pop(incident, None)
        if print_.report is not None:
            self._reports[incident].add(print_.report)
        if print_.mergeable:
            self._file(print_, incident)
            if print_.stance == Stance.AFFIRM:
                self._claim_denials(print_, incident)
        return incident

    def _claim_denials(self, print_: Footprint, incident: str) -> None:
        """Attach waiting denials that match the evidence just filed."""
        for key in probe_keys(print_):
            for day in days(print_):
                for denial, evidence in self._pending.get((day, key), ()):
                    if denial.id not in self._unmatched or match_score(denial, print_) is None:
                        continue
                    del self._unmatched[denial.id]
                    self._evidence[incident].append(replace(evidence, incident_id=incident))
                    self._anchors.pop(incident, None)

    def result(self) -> MergeResult:
        return MergeResult(
            incidents=tuple(
                consolidate(incident, evidence) for incident, evidence in self._evidence.items()
            ),
            unmatched_denials=tuple(self._unmatched),
        )


def merge_evidence(evidence: Sequence[Evidence]) -> MergeResult:
    """Group a whole collection at once. Affirming evidence goes first, the most precise
    first, so that vaguer reports join incidents the precise ones have placed; incidents
    come out in the order of their first evidence in the input."""
    position = {e.record.id: n for n, e in enumerate(evidence)}
    prints = {e.record.id: footprint(e) for e in evidence}

    def order(e: Evidence) -> tuple[int, int, float, int]:
        p = prints[e.record.id]
        width = (p.end - p.start).total_seconds() if p.start and p.end else float("inf")
        return (p.stance == Stance.DENY, p.level, width, position[e.record.id])

    merger = Merger()
    for item in sorted(evidence, key=order):
        merger.add(item)
    result = merger.result()
    first = {
        c.incident.id: min(position[e.record.id] for e in c.evidence) for c in result.incidents
    }
    return MergeResult(
        incidents=tuple(sorted(result.incidents, key=lambda c: first[c.incident.id])),
        unmatched_denials=tuple(sorted(result.unmatched_denials, key=position.__getitem__)),
    )
