"""Named facilities that reports give as the place: power plants, refineries, the
Crimean Bridge, a gas field.

"The Zaporizhzhia NPP" is not in Zaporizhzhia but 50 km off in Enerhodar; "the
Glebovskoye gas field" is in Crimea, not at a Glebovka near Yaroslavl; "волгоградский
НПЗ" names Volgograd in lower case. The list (`data/facilities.tsv`, written for truce
from the facilities' public names) gives each its host settlement and region and the
forms reports write it in; the gazetteer places it at its host (GeoNames' point for the
settlement, flagged approximate), so a facility is never placed more precisely than
the town it belongs to.

A form is words separated by spaces; a word may list alternatives separated by "/",
and "*" at a word's end stands for any ending ("запорожск*" is every case of
"запорожская").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from truce.geo.names import name_key

# Between the words of a name: spaces, hyphens, quotes ("ГИС «Суджа»").
_GAP = r"[\s\-«»\"“”„]+"


@dataclass(frozen=True, slots=True)
class FacilityRow:
    """One line of the list: a facility, where it is and how it is written."""

    name: str
    kind: str  # nuclear | hydro | thermal | refinery | gas | bridge | oil terminal
    host: str  # the settlement it belongs to, as the gazetteer names it
    host_region: str
    forms: tuple[str, ...]

    @property
    def key(self) -> str:
        """Its gazetteer key (its English name's `name_key`)."""
        return name_key(self.name)


@dataclass(frozen=True, slots=True)
class FacilityMention:
    """Where a facility is named in a text (character offsets) and its gazetteer key."""

    start: int
    end: int
    text: str
    key: str
    kind: str


@cache
def facility_rows() -> tuple[FacilityRow, ...]:
    """The packaged list of facilities."""
    raw = resources.files("truce.geo").joinpath("data", "facilities.tsv").read_text("utf-8")
    rows = []
    for line in raw.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, kind, host, region, forms = line.split("\t")
        rows.append(FacilityRow(name, kind, host, region, tuple(forms.split("|"))))
    return tuple(rows)


def _word(word: str) -> str:
    alternatives = []
    for alt in word.split("/"):
        stem = re.escape(alt.rstrip("*")).replace("'", "['’ʼ]?")
        alternatives.append(stem + (r"\w*" if alt.endswith("*") else r"(?!\w)"))
    return "(?:" + "|".join(alternatives) + ")"


def _form(form: str) -> str:
    return r"(?<!\w)" + _GAP.join(_word(w) for w in form.split())


_WORD = re.compile(r"\w+")


@cache
def _by_start() -> dict[str, tuple[tuple[re.Pattern[str], FacilityRow], ...]]:
    """Each form's pattern, filed under the first three letters its first word may
    start with: a text is scanned word by word, and only a word that may open a form
    is tried (one pattern of every form at every position is many times slower)."""
    out: dict[str, list[tuple[re.Pattern[str], FacilityRow]]] = {}
    for row in facility_rows():
        for form in row.forms:
            pattern = re.compile(_form(form), re.IGNORECASE)
            first = form.split()[0]
            for alt in first.split("/"):
                out.setdefault(alt.rstrip("*")[:3].casefold(), []).append((pattern, row))
    return {k: tuple(v) for k, v in out.items()}


_LEADING = ("", "«", '"', "(", "“", "„")
_TRAILING = ("", ",", ".", ";", ":", "!", "?", ")", "»", '"', "”", "»,", "».", "),", ").")


@cache
def _heads() -> tuple[frozenset[str], tuple[str, ...]]:
    """The last words of the forms ("аес", "refinery", "мосту"), whole (with the quotes
    and punctuation a text may attach to them) and as stems."""
    alts = {
        alt.casefold().replace("'", "")
        for row in facility_rows()
        for form in row.forms
        for alt in form.split()[-1].split("/")
    }
    exact = frozenset(
        lead + a + trail
        for a in alts
        if not a.endswith("*")
        for lead in _LEADING
        for trail in _TRAILING
    )
    return exact, tuple(sorted(a[:-1] for a in alts if a.endswith("*")))


def find_facilities(text: str) -> list[FacilityMention]:
    """The facilities a text names, in order, with their offsets."""
    exact, prefixes = _heads()
    # Most texts name none: a look at their words for a form's last word tells so many
    # times faster than trying every form.
    folded = text.casefold()
    if exact.isdisjoint(folded.split()) and not any(p in folded for p in prefixes):
        return []
    starts = _by_start()
    found: list[FacilityMention] = []
    end = 0
    for word in _WORD.finditer(text):
        if word.start() < end:
            continue
        for pattern, row in starts.get(word.group()[:3].casefold(), ()):
            m = pattern.match(text, word.start())
            if m is not None:
                found.append(FacilityMention(m.start(), m.end(), m.group(), row.key, row.kind))
                end = m.end()
                break
    return found
