"""One incident's facts and corroboration from its reports, by the stated rule."""

from __future__ import annotations

from truce.domain import Corroboration, GeoPrecision, TimePrecision
from truce.merge import consolidate, corroboration, denied_by

from .conftest import report


def test_the_most_precise_time_and_place_win() -> None:
    merged = consolidate(
        "i",
        [
            report("day", occurred_at="2025-03-20", place=None, region="Kharkiv Oblast"),
            report("minute", place="Kharkiv", lat="49.98", lon="36.25"),
            report("night", occurred_at="2025-03-19", time_precision="night", place="Kharkiv"),
        ],
    ).incident
    assert merged.when.precision is TimePrecision.MINUTE
    assert (merged.place, merged.lat, merged.geo_precision) == (
        "Kharkiv",
        49.98,
        GeoPrecision.SETTLEMENT,
    )


def test_target_is_what_the_best_corroborated_sources_support() -> None:
    merged = consolidate(
        "i",
        [
            report("a", target="infrastructure.energy", source="Reuters", source_alignment="media"),
            report("b", target="infrastructure.energy.grid", source="Governor"),
            report("c", target="infrastructure.energy.generation", source="Mayor"),
        ],
    ).incident
    # Reuters' "energy facility" supports both; the substation is as supported as the
    # power plant and was reported first.
    assert merged.target == "infrastructure.energy.grid"


def test_casualties_from_the_best_sources_with_the_range() -> None:
    merged = consolidate(
        "i",
        [
            report("early", killed="1", source="Governor", reported_at="2025-03-20T06:00:00+02:00"),
            report("late", killed="3", source="Mayor", reported_at="2025-03-20T18:00:00+02:00"),
            report("un", killed="3", source="UN HRMMU", source_alignment="independent"),
        ],
    )
    assert (merged.incident.killed, merged.killed_range) == (3, (1, 3))
    assert merged.injured_range is None


def test_a_disputed_perpetrator_is_unknown() -> None:
    merged = consolidate("i", [report("a"), report("b", perpetrator="UA", source_alignment="RU")])
    assert merged.incident.perpetrator == "unknown"
    assert consolidate("i", [report("a"), report("b")]).incident.perpetrator == "RU"


def test_corroboration_levels_and_denials() -> None:
    governor = report("g", source="Governor")
    assert corroboration([governor, report("g2", source="Governor")]) is Corroboration.SINGLE_SOURCE
    assert corroboration([governor, report("m", source="Mayor")]) is Corroboration.MULTIPLE_SOURCES
    mod = report("r", source="Russian MoD", source_alignment="RU")
    assert corroboration([governor, mod]) is Corroboration.BOTH_SIDES
    iaea = report("i", source="IAEA", source_alignment="independent")
    assert corroboration([governor, mod, iaea]) is Corroboration.INDEPENDENT
    denial = report("d", "deny", source="Russian MoD", source_alignment="RU")
    assert corroboration([governor, denial]) is Corroboration.SINGLE_SOURCE
    assert denied_by([governor, denial]) == ("RU",)
    merged = consolidate("i", [governor, denial]).incident
    assert (merged.corroboration, merged.denied_by) == ("single_source", ("RU",))
