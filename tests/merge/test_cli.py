"""`truce merge` and `truce reports import` through the real command line."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from truce.cli import app

from ..conftest import SEED_CASE

HEADER = "id,occurred_at,place,country,region,target,source,source_alignment,reported_at,stance"
ROWS = [
    "gov,2025-03-20T04:15:00+02:00,Kharkiv,UA,,infrastructure.energy.grid,Governor,UA,2025-03-20T06:00:00+02:00,affirm",
    "wire,2025-03-20,Харків,UA,,infrastructure.energy,Reuters,media,2025-03-20T12:00:00+02:00,",
    "mod,2025-03-20,,UA,Kharkiv region,infrastructure.energy,MoD,RU,2025-03-20T20:00:00+03:00,deny",
    "house,2025-03-20,Kharkiv,UA,,civilian.residential,Governor,UA,2025-03-20T09:00:00+02:00,affirm",
]


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout + (result.stderr or "")


def write(tmp_path: Path, rows: list[str], name: str = "reports.csv") -> Path:
    path = tmp_path / name
    path.write_text("\n".join([HEADER, *rows]) + "\n", "utf-8")
    return path


def test_merge_json_is_the_contract_shape(tmp_path: Path) -> None:
    code, out = run("merge", str(write(tmp_path, ROWS)), "--json")
    assert code == 0
    data = json.loads(out)
    assert [
        (i["id"], i["reports"], i["corroboration"], i["denied_by"]) for i in data["incidents"]
    ] == [
        ("gov", ["gov", "wire", "mod"], "multiple_sources", ["RU"]),
        ("house", ["house"], "single_source", []),
    ]
    assert data["unmatched_denials"] == []
    assert data["incidents"][0]["target"] == "infrastructure.energy.grid"


def test_merge_reads_free_text_too(tmp_path: Path) -> None:
    reports = tmp_path / "reports.jsonl"
    lines = [
        {"id": "uk", "published": "2025-03-20T08:00:00+02:00", "source": "Харківська ОВА", "source_alignment": "UA",
         "text": "Вночі ворожі дрони атакували Харків. Пошкоджено підстанцію."},
        {"id": "en", "published": "2025-03-20T11:00:00+02:00", "source": "Reuters", "source_alignment": "media",
         "text": "Russian drones hit an electrical substation in Kharkiv overnight, the governor said."},
    ]  # fmt: skip
    reports.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n", "utf-8")
    code, out = run("merge", str(reports), "--json")
    assert code == 0, out
    (incident,) = json.loads(out)["incidents"]
    assert (incident["reports"], incident["corroboration"]) == (["uk", "en"], "multiple_sources")


def test_a_bad_stance_names_its_line_and_field(tmp_path: Path) -> None:
    bad = ROWS[0].replace(",affirm", ",maybe")
    code, out = run("merge", str(write(tmp_path, [ROWS[1], bad])))
    assert code == 1
    assert "reports.csv:3" in out and "stance" in out


def test_reports_import_merges_into_the_store_and_join_split_undo(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'truce.db'}"
    path = write(tmp_path, ROWS)
    code, out = run("reports", "import", str(path), "--db", db)
    assert code == 0, out
    assert "4 reports; 2 new incidents, 2 records joined" in " ".join(out.split())
    code, out = run("reports", "import", str(path), "--db", db)
    assert "4 reports already stored" in " ".join(out.split())
    code, out = run("incidents", "split", "gov", "--reports", "wire,mod", "--db", db, "--json")
    assert code == 0, out
    left, new = json.loads(out)
    assert (left["id"], left["reports"]) == ("gov", ["gov"])
    assert (new["id"], new["reports"], new["denied_by"]) == ("wire", ["wire", "mod"], ["RU"])
    assert (left["corroboration"], new["corroboration"]) == ("single_source", "single_source")
    code, out = run("incidents", "join", "gov", "wire", "--db", db)
    assert code == 0 and "reports: gov, wire, mod" in " ".join(out.split())
    code, out = run("incidents", "join", "gov", "gov", "--db", db)
    assert code == 1 and "itself" in out
    code, out = run("audit", "verify", "--db", db)
    assert code == 0 and "intact" in out


def test_the_seed_case_reports_merge_into_two_incidents() -> None:
    code, out = run("merge", str(SEED_CASE / "reports-to-merge.csv"), "--json")
    assert code == 0
    incidents = json.loads(out)["incidents"]
    assert [(i["place"], len(i["reports"]), i["denied_by"]) for i in incidents] == [
        ("Sumy", 2, []),
        ("Slovyansk", 3, ["RU"]),
    ]


def test_joining_a_coded_incident_keeps_its_record_and_split_restores_it(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'truce.db'}"
    code, out = run("incidents", "import", str(SEED_CASE / "incidents.csv"), "--db", db)
    assert code == 0, out
    code, before = run("incidents", "list", "--json", "--db", db)
    substation = next(i for i in json.loads(before) if i["id"] == "seed-03-substation")

    code, out = run("incidents", "join", "seed-02-hospital", "seed-03-substation", "--db", db)
    assert code == 0, out
    flat = " ".join(out.split())
    assert "coded: seed-02-hospital, seed-03-substation" in flat
    assert "truce incidents split seed-02-hospital --reports seed-03-substation" in flat
    code, listed = run("incidents", "list", "--json", "--db", db)
    assert "seed-03-substation" not in {i["id"] for i in json.loads(listed)}

    code, out = run(
        "incidents", "split", "seed-02-hospital", "--reports", "seed-03-substation",
        "--db", db, "--json",
    )  # fmt: skip
    assert code == 0, out
    left, restored = json.loads(out)
    assert (left["coded"], restored["coded"]) == (["seed-02-hospital"], ["seed-03-substation"])
    assert left["target"] == "civilian.healthcare"
    code, after = run("incidents", "list", "--json", "--db", db)
    again = next(i for i in json.loads(after) if i["id"] == "seed-03-substation")
    assert again == substation  # every coded field as it was before the join
