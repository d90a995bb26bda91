"""Terms: each party's version of an agreement, read from YAML, stored and written back."""

from truce.terms.importing import import_terms
from truce.terms.yaml_dump import dump_terms, version_to_dict
from truce.terms.yaml_file import load_terms, parse_terms

__all__ = ["dump_terms", "import_terms", "load_terms", "parse_terms", "version_to_dict"]
