"""Component `records`: drafts become the records of CONTRACTS §4."""

from __future__ import annotations

import pytest

from .conftest import only


@pytest.mark.parametrize(
    ("text", "precision"),
    [
        ("Russian drones struck a substation in Kharkiv.", "settlement"),
        ("Russian drones struck a substation in Kharkiv oblast.", "region"),
        ("Russian drones struck a substation in Ukraine.", "country"),
    ],
)
def test_the_precision_says_what_was_resolved(text: str, precision: str) -> None:
    [record] = only("records", text).records
    assert record.geo_precision == precision
    assert record.target == "infrastructure.energy.grid" and record.perpetrator == "RU"


def test_a_record_carries_the_report_and_its_language() -> None:
    [record] = only("records", "Ворог атакував Суми. Пошкоджено підстанцію.").records
    assert (record.input, record.lang, record.source_alignment) == ("r1", "uk", "UA")
