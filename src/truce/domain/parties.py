"""Who acts and who speaks: party codes and source alignment (CONTRACTS §1).

Party codes are ISO 3166-1 alpha-2. The list comes from the IANA time zone database's
`iso3166.tab` (shipped by the `tzdata` package), so it stays current without a table of
our own.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

UNKNOWN = "unknown"
MEDIA = "media"
INDEPENDENT = "independent"


@cache
def countries() -> dict[str, str]:
    """ISO 3166-1 alpha-2 code → English name."""
    table = resources.files("tzdata").joinpath("zoneinfo", "iso3166.tab").read_text("utf-8")
    out: dict[str, str] = {}
    for line in table.splitlines():
        if line and not line.startswith("#"):
            code, name = line.split("\t", 1)
            out[code] = name
    return out


def is_country(code: str) -> bool:
    return code in countries()


def is_perpetrator(code: str) -> bool:
    """A perpetrator is a party code or `unknown`."""
    return code == UNKNOWN or is_country(code)


def is_alignment(value: str) -> bool:
    """A source speaks for a party, for the press (`media`) or for a monitor (`independent`)."""
    return value in (MEDIA, INDEPENDENT) or is_country(value)
