"""Hostile values at the command line's doors: a `javascript:` URL or an oversized report
is refused with one line naming the file, line and field, and nothing is stored."""

from __future__ import annotations

import json
from pathlib import Path

import sqlalchemy as sa
from typer.testing import CliRunner

from truce.cli import app
from truce.domain import MAX_REPORT_TEXT

runner = CliRunner()
HEADER = "id,occurred_at,place,country,perpetrator,target,source,url,text\n"


def _count(db: str, table: str) -> int:
    engine = sa.create_engine(db)
    try:
        with engine.connect() as conn:
            return int(conn.execute(sa.text(f"SELECT count(*) FROM {table}")).scalar_one())
    except sa.exc.DBAPIError:  # no table yet: the database was never written
        return 0
    finally:
        engine.dispose()


def _run(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stderr


def test_incidents_import_refuses_a_javascript_url(db_url: str, tmp_path: Path) -> None:
    path = tmp_path / "incidents.csv"
    path.write_text(
        HEADER
        + "a,2025-03-18,Kharkiv,UA,RU,civilian.residential,x,https://example.org/a,t\n"
        + "b,2025-03-18,Kharkiv,UA,RU,civilian.residential,x,javascript:alert(1),t\n",
        encoding="utf-8",
    )
    code, err = _run("incidents", "import", str(path), "--db", db_url)
    assert code == 1
    assert f"{path}:3, field 'url'" in err and "not an http(s) URL" in err
    assert len(err.strip().splitlines()) == 1
    assert _count(db_url, "incidents") == 0


def test_reports_import_refuses_a_javascript_url_in_free_text(db_url: str, tmp_path: Path) -> None:
    path = tmp_path / "reports.jsonl"
    good = {"id": "r1", "published": "2025-03-19T08:00:00+02:00", "text": "Shelling of Kherson."}
    bad = {**good, "id": "r2", "url": "javascript:alert(1)"}
    path.write_text(json.dumps(good) + "\n" + json.dumps(bad) + "\n", encoding="utf-8")
    code, err = _run("reports", "import", str(path), "--db", db_url)
    assert code == 1
    assert f"{path}:2, field 'url'" in err
    assert _count(db_url, "reports") == 0


def test_a_report_over_the_bound_is_refused_naming_it(db_url: str, tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    path.write_text("Shelling of Kherson. " * (MAX_REPORT_TEXT // 10), encoding="utf-8")
    code, err = _run("reports", "import", str(path), "--db", db_url)
    assert code == 1
    assert f"{path}, field 'text'" in err and f"{MAX_REPORT_TEXT:,}" in err
    assert _count(db_url, "reports") == 0


def test_an_account_with_a_javascript_source_url_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text(
        "---\ntitle: Readout\nsource_url: javascript:alert(1)\n---\nThe sides agreed.\n",
        encoding="utf-8",
    )
    other = tmp_path / "b.md"
    other.write_text("The sides discussed a halt.\n", encoding="utf-8")
    code, err = _run("compare", str(path), str(other), "--json")
    assert code == 1
    assert f"{path}, field 'source_url'" in err
