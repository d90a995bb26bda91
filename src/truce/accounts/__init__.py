"""Accounts of one event: read them, split them into typed and attributed statements,
align them across sides, report the differences a monitor can check, and draft each
side's terms from its own words."""

from truce.accounts.compare import (
    AccountStatements,
    Comparison,
    Difference,
    Match,
    compare_accounts,
    compare_files,
)
from truce.accounts.draft import Draft, draft_terms
from truce.accounts.reading import Account, read_account, read_account_text
from truce.accounts.statements import Statement, reported_promise, statements_of

__all__ = [
    "Account",
    "AccountStatements",
    "Comparison",
    "Difference",
    "Draft",
    "Match",
    "Statement",
    "compare_accounts",
    "compare_files",
    "draft_terms",
    "read_account",
    "read_account_text",
    "reported_promise",
    "statements_of",
]
