"""Rulings: every incident against every version of the terms (CONTRACTS §1)."""

from truce.rules.engine import Rulings, TimeState, Truth, decide, rule
from truce.rules.explain import explain
from truce.rules.frame import IncidentFrame
from truce.rules.stored import TallyCounter, rule_stored, rule_stored_chunks

__all__ = [
    "IncidentFrame",
    "Rulings",
    "TallyCounter",
    "TimeState",
    "Truth",
    "decide",
    "explain",
    "rule",
    "rule_stored",
    "rule_stored_chunks",
]
