"""What a new user meets first: error messages that keep every character, read-only
commands that refuse a database that is not there, and small wording."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from truce.cli import app

from ..conftest import ROOT

runner = CliRunner()


def truce(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_an_error_message_keeps_its_brackets(tmp_path: Path, seed_case: Path) -> None:
    terms = (seed_case / "terms.yaml").read_text("utf-8")
    bad = tmp_path / "terms.yaml"
    bad.write_text(terms.replace("agreement: energy-ceasefire-2025", "agreement: X [Y]"), "utf-8")
    code, _, err = truce("terms", "import", str(bad), "--db", f"sqlite:///{tmp_path / 't.db'}")
    assert code == 1
    assert "is not an id of [a-z0-9-]" in err
    assert "'X [Y]'" in err


def test_a_read_only_command_on_a_missing_database_says_so_and_creates_nothing(
    tmp_path: Path,
) -> None:
    typo = tmp_path / "no-such-folder" / "truce.db"
    for args in (
        ["rule", "--agreement", "energy-ceasefire-2025"],
        ["export", "--format", "csv", "--out", str(tmp_path / "out.csv")],
        ["report", "--agreement", "energy-ceasefire-2025", "--out", str(tmp_path / "r.html")],
        ["incidents", "list"],
        ["audit", "verify"],
        ["users", "list"],
        ["terms", "list"],
    ):
        code, _, err = truce(*args, "--db", f"sqlite:///{typo}")
        assert code == 1, args
        assert f"no database at {typo}" in " ".join(err.split()), args
        assert len(err.strip().splitlines()) <= 2, err  # one message (Rich may wrap it)
    assert not typo.parent.exists()
    assert not (tmp_path / "out.csv").exists()


def test_a_writing_command_creates_the_file_but_not_missing_folders(
    tmp_path: Path, seed_case: Path
) -> None:
    terms = str(seed_case / "terms.yaml")
    typo = tmp_path / "no-such-folder" / "truce.db"
    code, _, err = truce("terms", "import", terms, "--db", f"sqlite:///{typo}")
    assert code == 1
    assert f"folder {typo.parent} does not exist" in " ".join(err.split())
    assert not typo.parent.exists()
    fresh = tmp_path / "truce.db"
    code, _, err = truce("terms", "import", terms, "--db", f"sqlite:///{fresh}")
    assert code == 0, err
    assert fresh.exists()


def test_a_reused_report_id_says_what_is_wrong(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'truce.db'}"
    line = (
        '{{"id": "m-01", "published": "2025-03-20T08:00:00+02:00", "source": "Governor",'
        ' "source_alignment": "UA", "text": "{text}"}}\n'
    )
    first, second = tmp_path / "first.jsonl", tmp_path / "second.jsonl"
    first.write_text(line.format(text="A drone hit a substation in Kharkiv."), "utf-8")
    second.write_text(line.format(text="A missile hit a school in Sumy."), "utf-8")
    assert truce("reports", "import", str(first), "--db", db)[0] == 0
    code, _, err = truce("reports", "import", str(second), "--db", db)
    flat = " ".join(err.split())
    assert code == 1
    assert "second.jsonl" in flat and "field 'id'" in flat
    assert "report id 'm-01' is already stored with different content" in flat


def test_taxonomy_lists_the_codes_the_docs_show() -> None:
    from truce.domain import REASONS, TARGETS

    code, out, _ = truce("taxonomy", "--json")
    assert code == 0
    data = json.loads(out)
    assert [t["code"] for t in data["targets"]] == list(TARGETS)
    assert [r["reason"] for r in data["reasons"]] == [r.value for r in REASONS]
    assert data["verdicts"] == ["violation", "no_violation", "undetermined"]
    assert {"UA", "RU", "US", "unknown"} <= {p["code"] for p in data["parties"]}
    page = (ROOT / "docs" / "taxonomy.md").read_text("utf-8")
    for name in [*TARGETS, *(r.value for r in REASONS)]:
        assert f"`{name}`" in page, name
    code, out, _ = truce("taxonomy")
    assert code == 0 and "protected_target_in_window" in out


def test_an_unknown_target_points_to_the_taxonomy_command(tmp_path: Path) -> None:
    rows = tmp_path / "incidents.csv"
    rows.write_text("id,occurred_at,country,perpetrator,target\nx,2025-03-18,UA,RU,power\n")
    code, _, err = truce("incidents", "import", str(rows), "--db", f"sqlite:///{tmp_path / 'd.db'}")
    assert code == 1 and "`truce taxonomy` lists the codes" in " ".join(err.split())


def test_the_evaluation_scripts_say_what_is_missing(tmp_path: Path) -> None:
    import subprocess
    import sys

    alignment = subprocess.run(
        [sys.executable, str(ROOT / "scripts/evaluate_alignment.py"), "--readouts", str(tmp_path / "x")],
        capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert alignment.returncode == 1 and "Traceback" not in alignment.stderr
    assert "the readouts are not at" in alignment.stderr
    gold = tmp_path / "gold.json"
    gold.write_text(
        json.dumps({"as_of": "2025-04-30", "evidence": "nowhere/evidence.jsonl", "accounts": []})
    )
    commitments = subprocess.run(
        [sys.executable, str(ROOT / "scripts/evaluate_commitments.py"), str(gold)],
        capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert commitments.returncode == 1 and "Traceback" not in commitments.stderr
    assert "nowhere/evidence.jsonl" in commitments.stderr


def test_small_things_a_user_notices(tmp_path: Path, seed_case: Path) -> None:
    db = f"sqlite:///{tmp_path / 'truce.db'}"
    one = tmp_path / "one.jsonl"
    one.write_text(
        '{"id": "r1", "published": "2025-03-20T08:00:00+02:00", "source": "Governor",'
        ' "source_alignment": "UA", "text": "A drone hit a substation in Kharkiv."}\n'
    )
    code, out, _ = truce("reports", "import", str(one), "--db", db)
    assert code == 0 and "stored 1 report;" in " ".join(out.split())
    assert "1 reports" not in out and "1 new incidents" not in out

    accounts = sorted(str(p) for p in (seed_case / "accounts").glob("*.md"))
    code, out, _ = truce("compare", *accounts, "-q", "--html", str(tmp_path / "c.html"))
    assert code == 0 and out == "" and (tmp_path / "c.html").exists()

    truce("terms", "import", str(seed_case / "terms.yaml"), "--db", db)
    code, out, _ = truce(
        "rule", "-a", "energy-ceasefire-2025", "--min-corroboration", "both_sides", "--db", db
    )
    flat = " ".join(out.split())
    assert code == 0 and "ruled 0 incidents; left out 1 incident corroborated less well" in flat

    text = tmp_path / "note.txt"
    text.write_text("A drone hit a substation in Kharkiv overnight, the governor said.")
    code, _, err = truce("extract", str(text), "-q")
    assert code == 0 and "dated by its modification time" in err and "--published" in err
    code, _, err = truce("extract", str(text), "-q", "--published", "2025-03-20T08:00:00+02:00")
    assert code == 0 and "modification time" not in err


def test_swapped_coordinates_are_stored_with_a_warning(tmp_path: Path) -> None:
    rows = tmp_path / "incidents.csv"
    rows.write_text(
        "id,occurred_at,place,lat,lon,country,perpetrator,target\n"
        "kyiv,2025-03-20,Kyiv,50.450001,30.523333,UA,RU,civilian.residential\n"
        "kyiv-in-iran,2025-03-20,Kyiv,30.523333,50.450001,UA,RU,civilian.residential\n"
    )
    code, _, err = truce("incidents", "import", str(rows), "--db", f"sqlite:///{tmp_path / 'd.db'}")
    assert code == 0
    warnings = [line for line in err.splitlines() if line.startswith("warning:")]
    assert len(warnings) == 1
    assert f"{rows}:3" in warnings[0] and "swapped" in warnings[0]
