"""Drafting each side's terms from its own account."""

from __future__ import annotations

from pathlib import Path

import pytest

from truce.accounts import draft_terms, read_account
from truce.errors import BadInput
from truce.terms import parse_terms


def test_each_side_drafts_its_own_scope(accounts: tuple[Path, Path]) -> None:
    us = draft_terms(read_account(accounts[0]), according_to="US", agreement="energy-2025")
    ru = draft_terms(
        read_account(accounts[1], on_date=__import__("datetime").date(2025, 3, 18)),
        according_to="RU",
        agreement="energy-2025",
    )
    assert us.version.protects == ("infrastructure",) and us.version.duration is None
    assert ru.version.protects == ("infrastructure.energy",) and ru.version.duration == "P30D"
    assert ru.version.bound == ("RU", "UA")
    assert ru.version.starts.isoformat() == "2025-03-18T00:00:00+03:00"
    # What is printed reads back as terms, and says where each field came from.
    for draft in (us, ru):
        version = parse_terms(draft.yaml()).versions[0]
        assert version.protects == draft.version.protects
        assert "a1.s" in (version.notes or "")


def test_a_start_the_text_does_not_give_is_flagged(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text("---\ndate: '2025-03-18'\n---\nThe leaders agreed on an energy ceasefire.\n")
    draft = draft_terms(read_account(path), according_to="US", agreement="x")
    assert draft.placeholder_start and "CHECK starts" in draft.yaml()


def test_no_halt_is_bad_input(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("The presidents discussed Iran.\n")
    with pytest.raises(BadInput, match=r"a\.txt.*no commitment to halt strikes"):
        draft_terms(read_account(path), according_to="US", agreement="x")
