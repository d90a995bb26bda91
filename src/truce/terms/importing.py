"""Importing a terms file into the store."""

from __future__ import annotations

from pathlib import Path

import yaml

from truce.store import Store, TermsImport
from truce.terms.yaml_dump import version_to_dict
from truce.terms.yaml_file import load_terms


def import_terms(store: Store, path: Path | str) -> TermsImport:
    """Validate a terms file and store it; each version keeps its earlier revisions."""
    agreement = load_terms(path)
    texts = {
        version.id: yaml.safe_dump(
            version_to_dict(version), sort_keys=False, allow_unicode=True, default_flow_style=None
        )
        for version in agreement.versions
    }
    return store.save_agreement(agreement, texts, source_file=str(path))
