"""Commitments: the promises with dates that a call or a readout produces, read from
the accounts' statements and tracked against later reports to kept, partly kept,
broken, pending or unverified."""

from truce.commitments.checking import Check, check_commitment, check_commitments
from truce.commitments.extraction import (
    DEFAULT_GRACE_DAYS,
    Commitment,
    commitments_of,
    extract_commitments,
)
from truce.commitments.files import commitment_from_json, read_commitments

__all__ = [
    "DEFAULT_GRACE_DAYS",
    "Check",
    "Commitment",
    "check_commitment",
    "check_commitments",
    "commitment_from_json",
    "commitments_of",
    "extract_commitments",
    "read_commitments",
]
