"""Writing versions back out, in the layout of CONTRACTS §2.

Used for the stored history (each revision keeps its text) and for drafts, so that what
truce writes can be read back by `load_terms` unchanged.
"""

from __future__ import annotations

from typing import Any

import yaml

from truce.domain import Agreement, TermsVersion


def version_to_dict(version: TermsVersion) -> dict[str, Any]:
    """A version as plain data, with fields in the contract's order and absent ones left out."""
    data = version.to_data()
    return {key: value for key, value in data.items() if value is not None}


def dump_terms(agreement: Agreement) -> str:
    doc: dict[str, Any] = {"agreement": agreement.id}
    if agreement.title:
        doc["title"] = agreement.title
    doc["versions"] = [version_to_dict(v) for v in agreement.versions]
    return yaml.safe_dump(
        doc, sort_keys=False, allow_unicode=True, width=100, default_flow_style=None
    )
