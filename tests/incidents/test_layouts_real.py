"""The importers on the files analysts really hold: Bellingcat's TimeMap export with its
associations and sources, real VIINA 2.0 rows, and a real ACLED Ukraine export.

The files live outside the repository (`TRUCE_REAL_DATA`, default /work/realdata; where
each comes from is in docs/importers.md); each test skips when its file is absent."""

from __future__ import annotations

import json
import shutil
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

import pytest
from typer.testing import CliRunner

from truce.cli import app
from truce.domain import Incident, TimePrecision
from truce.errors import BadInput
from truce.incidents.layouts import read_acled, read_timemap, read_viina
from truce.incidents.layouts.reading import LayoutRead
from truce.rules import rule
from truce.terms import parse_terms

from .real_files import (
    ACLED_EXPORT,
    TIMEMAP_ASSOCIATIONS,
    TIMEMAP_EVENTS,
    TIMEMAP_SOURCES,
    VIINA_REVIEW,
    need,
    viina_rows,
    write_viina_1pd,
)

NOW = datetime(2026, 12, 1, tzinfo=UTC)
runner = CliRunner()


def by_id(read: LayoutRead) -> dict[str, Incident]:
    return {incident.id: incident for _, incident in read.incidents}


# TimeMap: Bellingcat's "Civilian Harm in Ukraine" export, 1,159 events


@pytest.fixture(scope="module")
def timemap() -> LayoutRead:
    need(TIMEMAP_EVENTS, TIMEMAP_ASSOCIATIONS, TIMEMAP_SOURCES)
    # the definitions are found beside the events file
    return read_timemap(TIMEMAP_EVENTS, on_duplicate="suffix", now=NOW)


def test_timemap_every_event_has_its_area_as_target(timemap: LayoutRead) -> None:
    events = json.loads(TIMEMAP_EVENTS.read_text("utf-8"))
    definitions = json.loads(TIMEMAP_ASSOCIATIONS.read_text("utf-8"))
    area = {d["id"]: d["filter_paths"][1] for d in definitions if "area" in d["filter_paths"][0]}
    incidents = by_id(timemap)
    assert len(incidents) == len(events) == 1159
    assert all(incident.target for incident in incidents.values())
    expected = Counter(next(area[a] for a in e["associations"] if a in area) for e in events)
    got = Counter(incident.target for incident in incidents.values())
    assert got["civilian.residential"] == expected["Residential"] == 495
    assert got["civilian.healthcare"] == expected["Healthcare"]
    assert got["military"] == expected["Military"]
    assert got["civilian"] == expected["Undefined"]  # a civilian area of unstated kind
    # every weapon value of the export is mapped: only Unknown (and none given) are not
    weapons = {u.value for u in timemap.unmapped if u.field == "Weapon System"}
    assert weapons <= {"Unknown", "(none given)"}
    rules = {(d.field, d.rule): d.rows for d in timemap.decided}
    assert rules[("target", "Type of area affected")] == 1159
    first = incidents["timemap:CIV0001"]
    assert first.url == "https://twitter.com/Michael1Sheldon/status/1496717647089651716"


def test_timemap_placeholder_time_means_day_precision(timemap: LayoutRead) -> None:
    incidents = by_id(timemap).values()
    assert {incident.when.precision for incident in incidents} == {TimePrecision.DAY}
    placeholder = next(u for u in timemap.unmapped if u.field == "time")
    assert (placeholder.value, placeholder.rows) == ("00:00", 1159)


def test_timemap_event_on_an_agreements_first_day_is_missing_time(timemap: LayoutRead) -> None:
    agreement = parse_terms(
        """
        agreement: first-day
        versions:
          - id: v
            according_to: UA
            bound: [RU, UA]
            protects: [civilian]
            starts: 2022-02-24T17:00:00+03:00
            duration: P30D
        """
    )
    incidents = by_id(timemap)
    on_first_day = incidents["timemap:CIV0001"]  # 02/24/2022, Chuhuiv
    later = next(i for i in incidents.values() if i.when.text == "2022-02-25")
    assert later.when.earliest > on_first_day.when.latest
    first_ruling, later_ruling = rule([on_first_day, later], agreement.versions)
    assert (first_ruling.verdict.value, first_ruling.reason.value) == (
        "undetermined",
        "missing_time",
    )
    # the next day is inside the window: what is missing there is who struck
    assert later_ruling.reason.value == "missing_perpetrator"


def test_timemap_duplicate_id_fails_naming_both_events() -> None:
    need(TIMEMAP_EVENTS, TIMEMAP_ASSOCIATIONS)
    with pytest.raises(BadInput) as caught:
        read_timemap(TIMEMAP_EVENTS, now=NOW)
    error = caught.value
    assert error.field == "id" and error.line is None  # one line: the index says where
    assert "'CIV1553'" in error.message
    assert "event 879 (10/17/2022, Kyiv)" in error.message
    assert "event 877 (10/17/2022, Kyiv)" in error.message
    assert "--on-duplicate skip" in str(error) and "--on-duplicate suffix" in str(error)


def test_timemap_duplicate_skipped_or_suffixed(timemap: LayoutRead) -> None:
    suffixed = by_id(timemap)
    first, second = suffixed["timemap:CIV1553"], suffixed["timemap:CIV1553-2"]
    assert (first.lat, second.lat) == (50.441964, 50.437661)
    skipped = read_timemap(TIMEMAP_EVENTS, on_duplicate="skip", now=NOW)
    assert (len(skipped.incidents), skipped.skipped) == (1158, 1)
    assert by_id(skipped)["timemap:CIV1553"] == first


def test_timemap_without_associations_says_which_file_is_missing(tmp_path: Path) -> None:
    need(TIMEMAP_EVENTS)
    alone = tmp_path / "export_events.json"
    shutil.copy(TIMEMAP_EVENTS, alone)
    with pytest.raises(BadInput, match="--associations") as caught:
        read_timemap(alone, now=NOW)
    assert "export_associations.json" in str(caught.value)
    given = read_timemap(alone, associations=TIMEMAP_ASSOCIATIONS, on_duplicate="skip", now=NOW)
    assert all(incident.target for _, incident in given.incidents)


def test_timemap_a_named_town_by_the_border_keeps_its_side(timemap: LayoutRead) -> None:
    # CIV1216 "Zolochiv", 17 km from Zolochiv (Kharkiv Oblast), 14 km from Graivoron (RU)
    zolochiv = by_id(timemap)["timemap:CIV1216"]
    assert (zolochiv.country, zolochiv.region) == ("UA", "Kharkiv Oblast")
    shebekino = by_id(timemap)["timemap:CIV1678"]  # no location given, in Shebekino
    assert (shebekino.country, shebekino.region) == ("RU", "Belgorod Oblast")


def test_timemap_cli_with_associations_and_on_duplicate(tmp_path: Path) -> None:
    need(TIMEMAP_EVENTS, TIMEMAP_ASSOCIATIONS)
    alone = tmp_path / "events.json"
    shutil.copy(TIMEMAP_EVENTS, alone)
    db = f"sqlite:///{tmp_path / 'truce.db'}"
    args = ["incidents", "import", "--format", "timemap", str(alone), "--db", db]
    missing = runner.invoke(app, args)
    assert missing.exit_code == 1 and "--associations" in missing.stderr
    failed = runner.invoke(app, [*args, "--associations", str(TIMEMAP_ASSOCIATIONS)])
    assert failed.exit_code == 1
    assert "event 879" in failed.stderr and ":1" not in failed.stderr.split("field")[0]
    done = runner.invoke(
        app,
        [*args, "--associations", str(TIMEMAP_ASSOCIATIONS), "--on-duplicate", "skip", "--json"],
    )
    assert done.exit_code == 0, done.stderr
    data = json.loads(done.stdout)
    assert (data["added"], data["skipped"]) == (1158, 1)


# VIINA 2.0: 97 real event_1pd rows about Ukrainian strikes (derived set, see docs)

# Rows whose text reports a strike on an energy facility and nothing else, labelled by
# hand from the text (docs/importers.md): oil depots, pumping stations, refineries,
# substations. 399662 is labelled t_mil only by VIINA and is skipped as no attack.
ENERGY_STRIKES = [
    "373644",
    "373677",
    "373678",
    "373735",
    "373736",
    "311086",
    "399662",
    "311088",
    "399666",
    "311093",
    "399670",
    "311094",
    "68112",
    "262331",
    "68139",
    "262333",
    "68140",
    "367108",
    "367109",
    "359210",
    "359211",
    "199366",
    "199367",
    "155799",
    "155803",
    "406025",
    "416512",
    "403175",
    "299997",
    "378387",
    "431627",
    "73695",
    "73700",
    "378388",
    "378389",
    "73703",
    "79112",
    "403247",
    "274557",
    "79172",
]


@pytest.fixture(scope="module")
def viina(tmp_path_factory: pytest.TempPathFactory) -> LayoutRead:
    need(VIINA_REVIEW)
    path = tmp_path_factory.mktemp("viina") / "event_1pd.csv"
    return read_viina(write_viina_1pd(path, viina_rows()), now=NOW)


def test_viina_energy_rows_get_energy_and_the_initiator(viina: LayoutRead) -> None:
    incidents = by_id(viina)
    energy = [incidents[f"viina:1pd-{i}"] for i in ENERGY_STRIKES if f"viina:1pd-{i}" in incidents]
    assert len(energy) == 39  # one skipped: labelled t_mil only
    on_energy = [i for i in energy if (i.target or "").startswith("infrastructure.energy")]
    assert len(on_energy) >= 38
    assert not [i for i in energy if i.target == "military"]  # t_raid names no target
    assert {i.perpetrator for i in energy} == {"UA"}  # a_ukr_init_b
    druzhba = incidents["viina:1pd-373735"]
    assert "нафтоперекачувальну станцію" in (druzhba.text or "")
    assert (druzhba.target, druzhba.perpetrator) == ("infrastructure.energy.oil", "UA")


def test_viina_reports_how_many_rows_each_rule_decided(viina: LayoutRead) -> None:
    rules = {(d.field, d.rule): d.rows for d in viina.decided}
    imported = len(viina.incidents)
    assert sum(n for (field, _), n in rules.items() if field == "perpetrator") == imported
    assert sum(n for (field, _), n in rules.items() if field == "target") == imported
    assert rules[("perpetrator", "a_*_init label")] >= 89
    assert rules[("target", "text")] >= 80
    # participation alone never names the attacker
    assert not any("a_* label" in rule for _, rule in rules if "init" not in rule)
    oil = next(d for d in viina.inferred if d.value == "infrastructure.energy.oil")
    assert (oil.field, oil.rule) == ("target", "text") and oil.rows >= 30


# ACLED: a real Ukraine export, 155 rows


@pytest.fixture(scope="module")
def acled() -> LayoutRead:
    need(ACLED_EXPORT)
    return read_acled(ACLED_EXPORT, now=NOW)


def test_acled_notes_cases(acled: LayoutRead) -> None:
    incidents = by_id(acled)
    assert (len(incidents), acled.skipped) == (138, 17)  # 17 strategic developments
    grad = incidents["acled:UKR122509"]  # "... at the railway station ..., destroying 10 Grad"
    assert grad.target == "military"
    enterprise = incidents["acled:UKR120676"]  # "fired at a Ukrainian military enterprise"
    assert enterprise.target == "military.industry"
    # a substation struck; "The Ukrainian military intercepted 6 Russian drones"
    substation = incidents["acled:UKR148296"]
    assert substation.target == "infrastructure.energy.grid"
    assert substation.weapon != "drone"
    # a missile strike; "air defence forces intercepted 5 Russian drones"
    assert incidents["acled:UKR139542"].weapon == "missile"


def test_acled_civilian_infrastructure_is_civilian_with_its_words(acled: LayoutRead) -> None:
    said = [
        incident
        for incident in by_id(acled).values()
        if "civilian infrastructure" in (incident.text or "").casefold()
    ]
    assert len(said) == 10
    civilian = [i for i in said if i.target == "civilian"]
    assert len(civilian) >= 9
    assert all((i.target_detail or "").casefold() == "civilian infrastructure" for i in civilian)


def test_acled_json_report_lists_what_came_from_the_notes(tmp_path: Path) -> None:
    need(ACLED_EXPORT)
    db = f"sqlite:///{tmp_path / 'truce.db'}"
    result = runner.invoke(
        app, ["incidents", "import", "--format", "acled", str(ACLED_EXPORT), "--db", db, "--json"]
    )
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    from_notes = {(d["field"], d["value"]) for d in data["inferred"] if d["rule"] == "notes"}
    assert ("target", "military.industry") in from_notes
    assert ("target", "civilian") in from_notes
    rows = {(d["field"], d["rule"]): d["rows"] for d in data["decided"]}
    assert rows[("perpetrator", "actor1")] == 130
