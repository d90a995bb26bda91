"""Grouping whole collections (`truce merge`)."""

from __future__ import annotations

from dataclasses import replace

from truce.merge import Merger, merge_evidence

from .conftest import report


def test_one_strike_three_reports_and_a_near_miss() -> None:
    result = merge_evidence(
        [
            report("governor"),
            report("house", target="civilian.residential"),
            report("wire", place="Харків", occurred_at="2025-03-20", source_alignment="media"),
            report("mod", "deny", source_alignment="RU", occurred_at="2025-03-20"),
        ]
    )
    groups = {
        m.incident.id: (m.reports, m.incident.corroboration, m.incident.denied_by)
        for m in result.incidents
    }
    assert groups == {
        "governor": (("governor", "wire", "mod"), "multiple_sources", ("RU",)),
        "house": (("house",), "single_source", ()),
    }
    assert result.unmatched_denials == ()


def test_two_strikes_one_report_lists_stay_two_incidents() -> None:
    first = report("post")
    second = replace(first, record=replace(first.record, id="post#2"))
    result = merge_evidence([first, second])
    assert len(result.incidents) == 2


def test_a_denial_waits_for_the_incident_it_denies() -> None:
    merger = Merger()
    assert merger.add(report("mod", "deny", source_alignment="RU")) is None
    assert merger.result().unmatched_denials == ("mod",)
    assert merger.add(report("governor")) == "governor"
    result = merger.result()
    assert result.unmatched_denials == ()
    assert result.incidents[0].reports == ("governor", "mod")


def test_a_vague_report_joins_the_closest_of_two_strikes() -> None:
    result = merge_evidence(
        [
            report("kharkiv"),
            report("chuhuiv", place="Chuhuiv", occurred_at="2025-03-20T23:00:00+02:00"),
            report(
                "late", occurred_at="2025-03-20T22:50:00+02:00", place=None, region="Kharkiv Oblast"
            ),
        ]
    )
    owner = {r: m.incident.id for m in result.incidents for r in m.reports}
    assert owner["late"] == "chuhuiv"
