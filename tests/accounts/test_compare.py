"""Comparing two unseen accounts written like the seed's readouts."""

from __future__ import annotations

from pathlib import Path

from truce.accounts import compare_files


def test_scope_and_duration_differ_on_matched_statements(accounts: tuple[Path, Path]) -> None:
    comparison = compare_files(accounts)
    energy = [
        m
        for m in comparison.matches
        if any(
            d.kind == "scope" and d.a == "infrastructure" and d.b == "infrastructure.energy"
            for d in m.differences
        )
    ]
    assert energy, "the two scopes should be a scope difference on a match"
    assert any(
        d.kind == "duration" and d.a is None and d.b == "P30D"
        for m in energy
        for d in m.differences
    )


def test_what_only_one_side_says(accounts: tuple[Path, Path]) -> None:
    comparison = compare_files(accounts)
    only = [comparison.statement(s) for s in comparison.unmatched]
    exchange = [s for s in only if "175" in s.text]
    condition = [s for s in only if "intelligence" in s.text]
    assert exchange and exchange[0].account == "a2"
    assert [q.value for q in exchange[0].numbers] == [175]
    assert condition and condition[0].type == "demand" and condition[0].actor == "RU"


def test_identical_statements_match_without_differences(accounts: tuple[Path, Path]) -> None:
    comparison = compare_files(accounts)
    iran = [
        m
        for m in comparison.matches
        if all("Iran" in comparison.statement(s).text for s in m.statements)
    ]
    assert len(iran) == 1 and iran[0].score > 0.8
    assert iran[0].differences == ()


def test_json_is_the_contract_shape(accounts: tuple[Path, Path]) -> None:
    data = compare_files(accounts).as_json()
    assert set(data) == {"accounts", "matches", "unmatched"}
    statement = data["accounts"][0]["statements"][0]
    assert {"id", "text", "type", "actor", "details"} <= set(statement)
    assert set(statement["details"]) == {
        "scope",
        "numbers",
        "dates",
        "durations",
        "parties",
        "modality",
    }
    match = data["matches"][0]
    assert set(match) == {"statements", "score", "differences"}
    assert all(set(d) == {"kind", "a", "b"} for m in data["matches"] for d in m["differences"])


def test_three_accounts_are_compared_pairwise(accounts: tuple[Path, Path], tmp_path: Path) -> None:
    third = tmp_path / "ua.txt"
    third.write_text(
        "President Zelenskyy said Ukraine would support a halt to strikes on energy "
        "infrastructure for 30 days.\n\nThe presidents also discussed Iran.\n",
        "utf-8",
    )
    comparison = compare_files([*accounts, third])
    pairs = {tuple(s.split(".")[0] for s in m.statements) for m in comparison.matches}
    assert {("a1", "a3"), ("a2", "a3")} <= pairs
    matched = {s for m in comparison.matches for s in m.statements}
    assert not matched & set(comparison.unmatched)
