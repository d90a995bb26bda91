"""Rulings: every incident against every version of the terms (CONTRACTS §1)."""

from truce.rules.engine import Rulings, TimeState, Truth, decide, rule
from truce.rules.explain import explain
from truce.rules.frame import IncidentFrame
from truce.rules.stored import rule_stored

__all__ = [
    "IncidentFrame",
    "Rulings",
    "TimeState",
    "Truth",
    "decide",
    "explain",
    "rule",
    "rule_stored",
]
