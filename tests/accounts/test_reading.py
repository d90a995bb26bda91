"""Reading accounts from every format, and refusing bad files with their name."""

from __future__ import annotations

import csv
import gzip
import io
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from truce.accounts import read_account, read_account_text
from truce.cli import app
from truce.errors import BadInput


def test_markdown_front_matter_gives_date_url_and_party(accounts: tuple[Path, Path]) -> None:
    account = read_account(accounts[0])
    assert account.date is not None and account.date.isoformat() == "2025-03-18"
    assert account.party == "US"
    assert account.title == "Readout of the President's call with President Putin"
    assert not any("###" in p for p in account.paragraphs)


def test_text_headline_is_a_title_not_a_statement(accounts: tuple[Path, Path]) -> None:
    account = read_account(accounts[1])
    assert account.title == "Telephone conversation with the President of the United States"
    assert account.paragraphs[0].startswith("Vladimir Putin held")


def test_html_drops_navigation_and_keeps_the_article(tmp_path: Path) -> None:
    page = tmp_path / "readout.html"
    page.write_text(
        "<html><head><title>Site</title>"
        '<meta property="article:published_time" content="2025-03-18T19:00:00+03:00">'
        '<link rel="canonical" href="http://en.kremlin.ru/events/president/news/1"></head>'
        "<body><nav><a>Home</a><a>News</a></nav><header>Skip to content</header>"
        "<article><h1>Telephone conversation</h1><p>Putin <b>responded positively</b>.</p>"
        "<ul><li>First point agreed.</li><li>Second point agreed.</li></ul></article>"
        "<footer>All rights reserved</footer></body></html>",
        "utf-8",
    )
    account = read_account(page)
    assert account.paragraphs == (
        "Putin responded positively.",
        "First point agreed.",
        "Second point agreed.",
    )
    assert account.title == "Telephone conversation"
    assert account.party == "RU"
    assert account.published is not None and account.published.hour == 19


def test_one_row_of_a_readouts_csv(tmp_path: Path) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["link", "headline", "date", "location", "summary", "body"])
    writer.writerow(
        [
            "http://en.kremlin.ru/events/president/news/67315",
            "Meeting",
            "2021-12-07T20:15:00Z",
            "Sochi",
            "Putin spoke with Biden.",
            "The leaders agreed to talk again.",
        ]
    )
    path = tmp_path / "kremlin.csv.gz"
    path.write_bytes(gzip.compress(buffer.getvalue().encode()))
    account = read_account(f"{path}#67315")
    assert account.paragraphs == ("Putin spoke with Biden.", "The leaders agreed to talk again.")
    assert account.party == "RU" and str(account.date) == "2021-12-07"
    with pytest.raises(BadInput, match=r"kremlin\.csv\.gz.*'link'.*99999"):
        read_account(f"{path}#99999")


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("empty.txt", b"  \n", "empty file"),
        ("binary.txt", b"\x00\x01\x02abc", "binary file"),
        ("latin1.txt", "Déclaration du président.".encode("latin-1"), "not UTF-8"),
        ("nothing.md", b"---\ntitle: x\n---\n\n123 456\n", "no sentences"),
    ],
)
def test_bad_files_exit_1_naming_the_file(
    write_bytes: Callable[[str, bytes], Path], name: str, data: bytes, message: str
) -> None:
    path = write_bytes(name, data)
    result = CliRunner().invoke(app, ["compare", str(path), str(path), "--json"])
    assert result.exit_code == 1
    assert name in result.stderr and message in result.stderr
    assert result.stdout == ""


def test_an_account_kept_as_text_reads_as_its_file(seed_case: Path) -> None:
    path = seed_case / "accounts" / "kremlin-2025-03-18.md"
    kept = read_account_text(path.read_text("utf-8"), path.name, account_id="a2")
    read = read_account(path, account_id="a2")
    assert (kept.paragraphs, kept.title, kept.date, kept.party) == (
        read.paragraphs,
        read.title,
        read.date,
        read.party,
    )
