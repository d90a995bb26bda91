"""`truce compare`, `truce terms draft`, `truce report --accounts` and `truce bench
compare`, end to end."""

from __future__ import annotations

import json
import re
from pathlib import Path

from typer.testing import CliRunner

from truce.cli import app
from truce.store import Store
from truce.terms import parse_terms

runner = CliRunner()


def test_compare_json_and_html(accounts: tuple[Path, Path], tmp_path: Path) -> None:
    out = tmp_path / "compare.html"
    result = runner.invoke(app, ["compare", *map(str, accounts), "--json", "--html", str(out)])
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert len(data["accounts"]) == 2 and data["matches"] and data["unmatched"]
    html = out.read_text("utf-8")
    assert 'data-testid="accounts"' in html and "<script" not in html
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", html)
    assert "only here" in html and "<mark>energy infrastructure</mark>" in html


def test_compare_terminal_view(accounts: tuple[Path, Path]) -> None:
    result = runner.invoke(app, ["compare", *map(str, accounts)], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.stderr
    assert "scope: infrastructure" in result.stdout and "only here" in result.stdout


def test_compare_needs_two_accounts(accounts: tuple[Path, Path]) -> None:
    result = runner.invoke(app, ["compare", str(accounts[0])])
    assert result.exit_code != 0


def test_terms_draft_prints_terms(accounts: tuple[Path, Path]) -> None:
    result = runner.invoke(
        app,
        [
            "terms",
            "draft",
            str(accounts[1]),
            "--according-to",
            "RU",
            "--agreement",
            "energy-2025",
            "--date",
            "2025-03-18",
        ],
    )
    assert result.exit_code == 0, result.stderr
    version = parse_terms(result.stdout).versions[0]
    assert version.protects == ("infrastructure.energy",) and version.duration == "P30D"


def test_report_gains_the_accounts_section(
    sqlite_url: str, seed_case: Path, tmp_path: Path
) -> None:
    accounts = sorted((seed_case / "accounts").glob("*.md"), reverse=True)  # White House first
    out = tmp_path / "report.html"
    assert (
        runner.invoke(
            app, ["terms", "import", str(seed_case / "terms.yaml"), "--db", sqlite_url]
        ).exit_code
        == 0
    )
    result = runner.invoke(
        app,
        [
            "report",
            "-a",
            "energy-ceasefire-2025",
            "--out",
            str(out),
            "--db",
            sqlite_url,
            *[arg for a in accounts for arg in ("--accounts", str(a))],
        ],
    )
    assert result.exit_code == 0, result.stderr
    html = out.read_text("utf-8")
    section = html.split('data-testid="accounts"', 1)[1].split("</section>", 1)[0]
    assert "scope: infrastructure, maritime ≠ infrastructure.energy" in section
    assert "175" in section and section.count('class="only-label">only here<') >= 10


def test_bench_compare_reports_its_figures() -> None:
    """The figures only: how fast is for `truce bench compare` to show, not for a test."""
    result = runner.invoke(app, ["bench", "compare", "--json"])
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["words_per_account"] >= 1000 and data["seconds"] > 0


def test_compare_store_keeps_the_accounts_for_the_report(
    sqlite_url: str, seed_case: Path, tmp_path: Path
) -> None:
    accounts = [str(a) for a in sorted((seed_case / "accounts").glob("*.md"), reverse=True)]
    no_agreement = runner.invoke(app, ["compare", *accounts, "--store", "--db", sqlite_url])
    assert no_agreement.exit_code == 2 and "--agreement" in no_agreement.stderr
    stored = runner.invoke(
        app,
        ["compare", *accounts, "--store", "-a", "energy-ceasefire-2025", "--db", sqlite_url],
    )
    assert stored.exit_code == 0, stored.stderr
    assert "stored 2 new" in stored.stderr
    with Store(sqlite_url) as store:
        assert [a.name for a in store.accounts("energy-ceasefire-2025")] == [
            "whitehouse-2025-03-18.md",
            "kremlin-2025-03-18.md",
        ]
    for args in (
        ["terms", "import", str(seed_case / "terms.yaml")],
        ["report", "-a", "energy-ceasefire-2025", "--out", str(tmp_path / "r.html")],
    ):
        assert runner.invoke(app, [*args, "--db", sqlite_url]).exit_code == 0
    # Without --accounts the report compares the stored ones.
    html = (tmp_path / "r.html").read_text("utf-8")
    section = html.split('data-testid="accounts"', 1)[1].split("</section>", 1)[0]
    assert "scope: infrastructure, maritime ≠ infrastructure.energy" in section


def test_a_row_of_a_readouts_csv_is_not_stored(sqlite_url: str, tmp_path: Path) -> None:
    result = runner.invoke(
        app,
        ["compare", "a.csv.gz#1", "b.csv.gz#2", "--store", "-a", "x", "--db", sqlite_url],
    )
    assert result.exit_code == 1 and "cannot be stored" in result.stderr
