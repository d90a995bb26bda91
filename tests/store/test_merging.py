"""Merging in the database: reports attach to stored incidents as they arrive, on both
engines, and analysts' joins and splits are audited."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
import sqlalchemy as sa

from truce.audit import verify
from truce.domain import Corroboration, Evidence, Report, Stance
from truce.errors import BadInput
from truce.merge import Merger, merge_evidence, read_evidence
from truce.store import Store

from ..conftest import ROOT
from ..merge.conftest import report

DEV = ROOT / "evaluation" / "merge" / "dev.csv"


def as_report(item: Evidence) -> tuple[Report, list]:  # type: ignore[type-arg]
    record = item.record
    return (
        Report(
            id=item.report_id or record.id,
            source=record.source,
            source_alignment=record.source_alignment,
            published=record.reported_at,
            stance=Stance(item.stance).value,
        ),
        [record],
    )


def groups_of(store: Store) -> set[frozenset[str]]:
    ids = [i.id for i in store.incidents()]
    return {frozenset(reports) for reports in store.reports_of(ids).values()}


def test_reports_arriving_one_by_one_attach_to_their_incident(db_url: str) -> None:
    with Store(db_url) as store:
        first = store.add_reports([as_report(report("governor"))])
        second = store.add_reports(
            [
                as_report(report("wire", place="Харків", source_alignment="media")),
                as_report(report("house", target="civilian.residential")),
            ]
        )
        (kharkiv,) = store.find_incidents(target="infrastructure.energy")
        assert (first.incidents, second.incidents, second.merged) == (1, 1, 1)
        assert kharkiv.id == "governor"
        assert store.reports_of([kharkiv.id]) == {"governor": ["governor", "wire"]}
        assert kharkiv.corroboration == "multiple_sources"
        assert [p.incident for p in second.placement["wire"]] == ["governor"]


def test_a_denial_stored_first_is_claimed_by_the_strike_it_denies(db_url: str) -> None:
    denial = report("mod", "deny", source="Russian MoD", source_alignment="RU")
    with Store(db_url) as store:
        stored = store.add_reports([as_report(denial)])
        assert stored.placement["mod"][0].incident is None
        assert store.count_incidents() == 0
        store.add_reports([as_report(report("governor"))])
        (incident,) = store.incidents()
        assert incident.denied_by == ("RU",)
        assert incident.corroboration == "single_source"
        assert store.reports_of([incident.id]) == {incident.id: ["mod", "governor"]}


def test_a_denial_earlier_in_the_batch_is_claimed_once_and_placed(db_url: str) -> None:
    """A waiting denial is filed under several blocks; claiming it once must take it out
    of all of them, and its placement must name the incident it joined."""
    denial = report(
        "mod", "deny", occurred_at="2025-03-20", source="Russian MoD", source_alignment="RU"
    )
    with Store(db_url) as store:
        stored = store.add_reports([as_report(denial), as_report(report("governor"))])
        (incident,) = store.incidents()
        assert store.reports_of([incident.id]) == {incident.id: ["mod", "governor"]}
        assert incident.denied_by == ("RU",)
        assert [p.incident for p in stored.placement["mod"]] == [incident.id]


@pytest.mark.parametrize("batch", [1, 3])
def test_a_denial_joins_when_the_incident_grows_to_meet_it(db_url: str, batch: int) -> None:
    """`x` at 04:15 does not overlap a denial of 06:00; `y`, dated the day, joins `x` and
    does: the denial joins `x`, as the in-memory merger decides taking them in turn."""
    arriving = [
        report("x"),
        report("mod", "deny", occurred_at="2025-03-20T06:00:00+02:00", source_alignment="RU"),
        report("y", occurred_at="2025-03-20", source_alignment="media"),
    ]
    merger = Merger()
    for item in arriving:
        merger.add(item)
    expected = {frozenset(m.reports) for m in merger.result().incidents}
    assert expected == {frozenset({"x", "y", "mod"})}
    with Store(db_url) as store:
        for at in range(0, len(arriving), batch):
            store.add_reports([as_report(e) for e in arriving[at : at + batch]])
        assert groups_of(store) == expected
        (incident,) = store.incidents()
        assert incident.denied_by == ("RU",)


def test_coded_incidents_are_never_merged_automatically(db_url: str) -> None:
    with Store(db_url) as store:
        coded = [report("c1").record, report("c2", source="another analyst").record]
        store.add_incidents(coded)
        store.add_reports([as_report(report("governor"))])
        assert store.count_incidents() == 3
        assert store.add_incidents(coded).unchanged == 2  # re-import: unchanged


def test_the_store_forms_the_same_incidents_as_merge(tmp_path: Path, sqlite_url: str) -> None:
    if not DEV.exists():
        pytest.skip("the labelled merge set is not in this checkout")
    plain = tmp_path / "dev.csv"
    with (
        DEV.open(encoding="utf-8", newline="") as source,
        plain.open("w", encoding="utf-8", newline="") as out,
    ):
        rows = list(csv.DictReader(source))
        fields = [k for k in rows[0] if not k.startswith("gold_")]
        writer = csv.DictWriter(out, fieldnames=fields)
        writer.writeheader()
        writer.writerows({k: r[k] for k in fields} for r in rows)
    evidence = read_evidence(plain)
    expected = {frozenset(m.reports) for m in merge_evidence(evidence).incidents}
    gold: dict[str, set[str]] = {}
    for row in rows:
        gold.setdefault(row["gold_incident"], set()).add(row["id"])
    with Store(sqlite_url) as store:
        for at in range(0, len(evidence), 7):  # as the API's group commits would
            store.add_reports([as_report(e) for e in evidence[at : at + 7]])
        assert groups_of(store) == expected == {frozenset(g) for g in gold.values()}


def test_join_and_split_are_audited_and_consolidate_again(db_url: str) -> None:
    with Store(db_url, actor="analyst:ana") as store:
        store.add_reports(
            [
                as_report(report("governor")),
                as_report(report("mod", source="Russian MoD", source_alignment="RU")),
                as_report(report("far", place="Lviv", occurred_at="2025-03-20")),
            ]
        )
        assert store.incident("governor").corroboration == Corroboration.BOTH_SIDES
        left, new = store.split_incident("governor", ["mod"])
        assert (left.corroboration, new.id, new.corroboration) == (
            "single_source",
            "mod",
            "single_source",
        )
        joined = store.join_incidents("governor", "far")
        assert store.reports_of([joined.id]) == {"governor": ["governor", "far"]}
        assert joined.when.precision.value == "minute"
        actions = [e.action for e in store.audit_entries()][-2:]
        assert actions == ["incidents.split", "incidents.join"]
        assert verify(store.iter_audit()).ok
        with pytest.raises(BadInput, match="no report 'nope'"):
            store.split_incident("governor", ["nope"])
        with pytest.raises(BadInput, match="at least one report"):
            store.split_incident("governor", ["governor", "far"])
        with store.engine.connect() as conn:
            gone = conn.execute(sa.text("SELECT count(*) FROM incidents WHERE id = 'far'"))
            assert gone.scalar_one() == 0


def test_incidents_filter_by_least_corroboration(db_url: str) -> None:
    with Store(db_url) as store:
        store.add_reports(
            [
                as_report(report("governor")),
                as_report(report("iaea", source="IAEA", source_alignment="independent")),
                as_report(report("other", place="Odesa")),
            ]
        )
        assert [i.id for i in store.find_incidents(min_corroboration=Corroboration.BOTH_SIDES)] == [
            "governor"
        ]
        assert len(store.find_incidents(min_corroboration=Corroboration.SINGLE_SOURCE)) == 2
