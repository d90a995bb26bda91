"""The committed example is what the generator makes from the claims data (skipped
where the data, outside the repository, is absent)."""

from __future__ import annotations

import csv
import importlib.util
import io
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CLAIMS = ROOT.parent / "shared" / "data" / "moratorium-2025" / "claims.csv"
EXAMPLE = ROOT / "examples" / "moratorium-2025"


@pytest.mark.skipif(not CLAIMS.exists(), reason="../shared/data/moratorium-2025 is absent")
def test_incidents_csv_is_rebuilt_byte_for_byte() -> None:
    spec = importlib.util.spec_from_file_location(
        "build_moratorium_example", ROOT / "scripts" / "build_moratorium_example.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    with CLAIMS.open(encoding="utf-8", newline="") as handle:
        claims = list(csv.DictReader(handle))
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=module.COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(module.rows(claims))
    assert buffer.getvalue() == (EXAMPLE / "incidents.csv").read_text("utf-8")


def test_every_claim_is_a_row_with_its_source_address() -> None:
    with (EXAMPLE / "incidents.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    claims = [r for r in rows if r["stance"] == "affirm"]
    assert [r["id"] for r in claims] == [f"c{n:03d}" for n in range(1, 101)]
    assert all(r["url"].startswith(("http://", "https://")) for r in rows)
    assert all(r["source_alignment"] in ("RU", "UA") for r in rows)
    denials = [r for r in rows if r["stance"] == "deny"]
    assert len(denials) == 14
    assert all(r["id"].split("-denied-by-")[0] in {c["id"] for c in claims} for r in denials)
