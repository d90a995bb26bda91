"""Published totals: what a party said it counted ("more than 60 violations"), read
from a small YAML file so the report can set each beside the claims truce holds.

A total is a claim about many incidents at once, none of them named; truce cannot rule
it, only say how many itemised claims stand behind it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from truce.domain import is_country
from truce.errors import BadInput

QUALIFIERS = ("exactly", "more than", "about", "several")
_KEYS = {"claimant", "accused", "who", "stated", "figure", "qualifier", "since", "as_of", "url"}


@dataclass(frozen=True, slots=True)
class PublishedTotal:
    """One party's published count of the other's violations over a period."""

    claimant: str
    accused: str
    who: str
    stated: str  # the party's words, short
    figure: int | None  # None when the words give no number ("several hundred")
    qualifier: str
    since: date
    as_of: date
    url: str

    def as_json(self) -> dict[str, Any]:
        return {
            "claimant": self.claimant,
            "accused": self.accused,
            "who": self.who,
            "stated": self.stated,
            "figure": self.figure,
            "qualifier": self.qualifier,
            "since": self.since.isoformat(),
            "as_of": self.as_of.isoformat(),
            "url": self.url,
        }


def _date(value: Any, *, file: str, field: str) -> date:
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise BadInput(f"not a date: {value!r}", file=file, field=field) from None


def load_totals(path: Path | str) -> list[PublishedTotal]:
    """Read a totals file: a YAML list of `claimant, accused, who, stated, figure,
    qualifier, since, as_of, url`."""
    file = str(path)
    try:
        doc = yaml.safe_load(Path(path).read_text("utf-8"))
    except OSError as exc:
        raise BadInput(f"cannot read: {exc.strerror}", file=file) from exc
    except (UnicodeDecodeError, yaml.YAMLError) as exc:
        raise BadInput(f"not a YAML file: {exc}", file=file) from exc
    if not isinstance(doc, list):
        raise BadInput("expected a list of totals", file=file)
    out = []
    for n, entry in enumerate(doc):
        where = f"[{n}]"
        if not isinstance(entry, dict):
            raise BadInput("expected a mapping", file=file, field=where)
        unknown = sorted(set(entry) - _KEYS)
        if unknown:
            raise BadInput("unknown field", file=file, field=f"{where}.{unknown[0]}")
        for key in ("claimant", "accused"):
            if not is_country(str(entry.get(key, ""))):
                raise BadInput("not a party code", file=file, field=f"{where}.{key}")
        figure = entry.get("figure")
        if figure is not None and (not isinstance(figure, int) or figure < 0):
            raise BadInput("not a count", file=file, field=f"{where}.figure")
        qualifier = str(entry.get("qualifier", "exactly"))
        if qualifier not in QUALIFIERS:
            raise BadInput(f"one of {', '.join(QUALIFIERS)}", file=file, field=f"{where}.qualifier")
        out.append(
            PublishedTotal(
                claimant=str(entry["claimant"]),
                accused=str(entry["accused"]),
                who=str(entry.get("who", "")),
                stated=str(entry.get("stated", "")),
                figure=figure,
                qualifier=qualifier,
                since=_date(entry.get("since"), file=file, field=f"{where}.since"),
                as_of=_date(entry.get("as_of"), file=file, field=f"{where}.as_of"),
                url=str(entry.get("url", "")),
            )
        )
    return out
