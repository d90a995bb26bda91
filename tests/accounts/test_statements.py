"""Typing, attribution and details, on sentences written the way readouts are."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from truce.accounts import Statement, read_account, statements_of
from truce.accounts.reading import Account


def analyse(*sentences: str, party: str | None = "RU") -> list[Statement]:
    account = Account("a1", "x.txt", tuple(sentences), date=date(2025, 3, 18), party=party)
    return statements_of(account)


def test_types_and_actors_of_the_set_forms() -> None:
    proposal, commitment, demand, claim = analyse(
        "Donald Trump proposed that the parties refrain from strikes on energy facilities.",
        "Vladimir Putin responded positively to this initiative and gave the order.",
        "It was stressed that the key condition is an end to foreign military aid.",
        "The Russian President noted the importance of the talks.",
    )
    assert (proposal.type, proposal.actor, proposal.modality) == ("proposal", "US", "proposed")
    assert (commitment.type, commitment.actor) == ("commitment", "RU")
    assert commitment.modality == "responded positively"
    assert commitment.refers_to == proposal.id  # "this initiative"
    assert commitment.scope == ("infrastructure.energy",)
    assert (demand.type, demand.actor) == ("demand", "RU")  # the account's own side speaks
    assert (claim.type, claim.actor) == ("claim", "RU")


def test_the_leaders_are_both_sides() -> None:
    (statement,) = analyse("Putin spoke with Trump. The leaders agreed to meet again.")[1:]
    assert statement.actors == ("RU", "US") and statement.actor is None


def test_scope_terms_map_to_the_taxonomy() -> None:
    broad, energy, sea = analyse(
        "They agreed on an energy and infrastructure ceasefire.",
        "They agreed to halt strikes on energy infrastructure.",
        "They agreed on a maritime ceasefire in the Black Sea.",
    )
    assert broad.scope == ("infrastructure",)
    assert energy.scope == ("infrastructure.energy",)
    assert sea.scope == ("infrastructure.port", "maritime")


def test_numbers_dates_and_durations_are_resolved_against_the_account_date() -> None:
    (statement,) = analyse(
        "Russia and Ukraine will exchange 175 prisoners of war for 175 on 19 March, "
        "and the halt lasts thirty days from tomorrow."
    )
    assert [q.label() for q in statement.numbers] == ["175 prisoners of war"]
    assert [d.value for d in statement.dates] == ["2025-03-19", "2025-03-19"]
    assert [d.value for d in statement.durations] == ["P30D"]


def test_a_quotation_is_said_by_whoever_follows_it(tmp_path: Path) -> None:
    path = tmp_path / "ua.txt"
    path.write_text('"Our morale is firm. Russia must stop," Volodymyr Zelenskyy said.\n', "utf-8")
    (statement,) = statements_of(read_account(path))
    assert statement.actor == "UA" and statement.type == "demand"
