"""Domain types, the target taxonomy, party codes and places: the vocabulary of CONTRACTS §1."""

from truce.domain.models import (
    REASONS,
    Agreement,
    GeoPrecision,
    Incident,
    Occurrence,
    Reason,
    Report,
    Ruling,
    TermsVersion,
    TimePrecision,
    Verdict,
)
from truce.domain.parties import (
    INDEPENDENT,
    MEDIA,
    UNKNOWN,
    countries,
    is_alignment,
    is_country,
    is_perpetrator,
)
from truce.domain.places import country_zones, day_bounds, region_key
from truce.domain.taxonomy import TARGET_CODES, TARGETS, covers, is_target, protected_codes

__all__ = [
    "INDEPENDENT",
    "MEDIA",
    "REASONS",
    "TARGETS",
    "TARGET_CODES",
    "UNKNOWN",
    "Agreement",
    "GeoPrecision",
    "Incident",
    "Occurrence",
    "Reason",
    "Report",
    "Ruling",
    "TermsVersion",
    "TimePrecision",
    "Verdict",
    "countries",
    "country_zones",
    "covers",
    "day_bounds",
    "is_alignment",
    "is_country",
    "is_perpetrator",
    "is_target",
    "protected_codes",
    "region_key",
]
