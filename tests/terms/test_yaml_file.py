from datetime import UTC, datetime
from pathlib import Path

import pytest

from truce.errors import BadInput
from truce.terms import dump_terms, load_terms, parse_terms

VALID = """
agreement: energy-ceasefire-2025
title: Energy ceasefire
versions:
  - id: kremlin
    according_to: RU
    source: "Kremlin readout, 18 March 2025"
    bound: [RU, UA]
    protects: [infrastructure.energy]
    excludes: []
    area: [UA, RU]
    starts: 2025-03-18T17:00:00+03:00
    duration: P30D
  - id: whitehouse
    according_to: US
    bound: [RU, UA]
    protects: [infrastructure]
    starts: 2025-03-18T17:00:00+03:00
    ends: 2025-05-01T00:00:00Z
"""


def test_reads_every_field() -> None:
    agreement = parse_terms(VALID)
    kremlin, whitehouse = agreement.versions
    assert agreement.id == "energy-ceasefire-2025"
    assert kremlin.bound == ("RU", "UA")
    assert kremlin.protects == ("infrastructure.energy",)
    assert kremlin.area == ("UA", "RU")
    assert kremlin.window_end == datetime(2025, 4, 17, 14, tzinfo=UTC)
    assert whitehouse.window_end == datetime(2025, 5, 1, tzinfo=UTC)
    assert whitehouse.area == ()


def test_calendar_month_durations() -> None:
    version = parse_terms(VALID.replace("P30D", "P1M")).versions[0]
    assert version.window_end == datetime(2025, 4, 18, 14, tzinfo=UTC)


def test_dump_reads_back_equal() -> None:
    agreement = parse_terms(VALID)
    assert parse_terms(dump_terms(agreement)) == agreement


@pytest.mark.parametrize(
    ("change", "line", "field", "message"),
    [
        (
            ("agreement: energy-ceasefire-2025", "agreement: Energy Ceasefire"),
            2,
            "agreement",
            "not an id",
        ),
        (
            ("protects: [infrastructure.energy]", "protects: [energy]"),
            9,
            "versions[0].protects",
            "unknown taxonomy code 'energy'",
        ),
        (
            ("excludes: []", "excludes: [civilian.hospital]"),
            10,
            "versions[0].excludes",
            "civilian.hospital",
        ),
        (
            (
                "bound: [RU, UA]\n    protects: [infrastructure.energy]",
                "bound: [RU, XX]\n    protects: [infrastructure.energy]",
            ),
            8,
            "versions[0].bound",
            "unknown party code 'XX'",
        ),
        (
            ("according_to: RU", "according_to: Russia"),
            6,
            "versions[0].according_to",
            "unknown party code",
        ),
        (
            (
                "starts: 2025-03-18T17:00:00+03:00\n    duration",
                "starts: 2025-02-30T17:00:00+03:00\n    duration",
            ),
            12,
            "versions[0].starts",
            "not an ISO 8601",
        ),
        (
            (
                "starts: 2025-03-18T17:00:00+03:00\n    duration",
                "starts: 2025-03-18T17:00:00\n    duration",
            ),
            12,
            "versions[0].starts",
            "UTC offset",
        ),
        (
            ("starts: 2025-03-18T17:00:00+03:00\n    duration", "starts: 2025-03-18\n    duration"),
            12,
            "versions[0].starts",
            "needs a time",
        ),
        (("duration: P30D", "duration: 30 days"), 13, "versions[0].duration", "ISO 8601 duration"),
        (("duration: P30D", "duration: P0D"), 13, "versions[0].duration", "longer than zero"),
        (
            ("duration: P30D", "duration: P30D\n    ends: 2025-05-01T00:00:00Z"),
            14,
            "versions[0].ends",
            "not both",
        ),
        (
            ("ends: 2025-05-01T00:00:00Z", "ends: 2025-03-01T00:00:00Z"),
            19,
            "versions[1].ends",
            "after 'starts'",
        ),
        (("    according_to: US\n", ""), 14, "versions[1].according_to", "missing required field"),
        (("id: whitehouse", "id: kremlin"), 14, "versions[1].id", "duplicate version id"),
        (
            ("    area: [UA, RU]", "    area: [UA, RU]\n    areas: [UA]"),
            12,
            "versions[0].areas",
            "unknown field",
        ),
        (("area: [UA, RU]", "area: [UA, ZZ]"), 11, "versions[0].area", "unknown country code 'ZZ'"),
    ],
)
def test_errors_name_line_and_field(
    change: tuple[str, str], line: int, field: str, message: str
) -> None:
    old, new = change
    assert old in VALID
    with pytest.raises(BadInput) as info:
        parse_terms(VALID.replace(old, new, 1), file="terms.yaml")
    error = info.value
    assert (error.file, error.field) == ("terms.yaml", field)
    assert error.line == line
    assert message in str(error)


def test_missing_versions_and_bad_yaml() -> None:
    with pytest.raises(BadInput, match="versions"):
        parse_terms("agreement: x\n")
    with pytest.raises(BadInput, match="not valid YAML") as info:
        parse_terms("agreement: x\nversions: [\n", file="t.yaml")
    assert info.value.file == "t.yaml"


def test_file_errors(tmp_path: Path) -> None:
    binary = tmp_path / "terms.yaml"
    binary.write_bytes(b"\xff\xfe\x00agreement")
    with pytest.raises(BadInput, match="not UTF-8"):
        load_terms(binary)
    with pytest.raises(BadInput, match="cannot read"):
        load_terms(tmp_path / "missing.yaml")
