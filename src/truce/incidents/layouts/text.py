"""What a row's own words say: target, weapon and attacker, read by truce's extractor.

ACLED's `notes` and VIINA's `text` often say what a label cannot (which facility was
hit, who launched the drones). They are read by the same code that reads free-text
reports (`truce.extract`), so there is one lexicon and one set of rules: an interception
sentence does not set the weapon, "civilian infrastructure" is `civilian` with its
words kept as the detail, a strike on the enemy's equipment is `military`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time
from functools import lru_cache
from zoneinfo import ZoneInfo

from truce.domain import Report
from truce.extract import ExtractedRecord, extract

UNKNOWN = "unknown"
# "struck Ukrainian forces at the railway station, destroying 10 Grad MLRS": a target
# word after a preposition of place says where the strike was, not what it hit, when
# the text names another target.
_WHERE = r"(?:at|near|in|inside|outside|by|біля|поблизу|в районі|у районі|возле|около|в районе)"
_LANGS = {"ua": "uk", "uk": "uk", "ru": "ru", "en": "en"}


@dataclass(frozen=True, slots=True)
class TextReading:
    """What the extractor read in one row's text; None where it found nothing."""

    target: str | None = None
    target_detail: str | None = None
    weapon: str | None = None
    perpetrator: str | None = None  # a party code, never "unknown"


NOTHING = TextReading()


def read_row_text(
    text: str | None,
    *,
    day: date | None = None,
    lang: str | None = None,
    alignment: str | None = None,
) -> TextReading:
    """The target, weapon and perpetrator the row's text gives (the first incident the
    extractor finds in it that names a target, else its first). `day` is the row's date,
    so that the text's own dates read relative to it."""
    if not text or not text.strip():
        return NOTHING
    return _read(text.strip(), day, _LANGS.get((lang or "").casefold()), alignment)


@lru_cache(maxsize=4096)
def _read(text: str, day: date | None, lang: str | None, alignment: str | None) -> TextReading:
    published = (
        datetime.combine(day, time(23, 59), ZoneInfo("Europe/Kyiv")) if day is not None else None
    )
    report = Report(id="row", text=text, lang=lang, source_alignment=alignment, published=published)
    records = extract(report)
    if not records:
        return NOTHING
    named = [r for r in records if r.target]
    hit = [r for r in named if not _named_as_where(text, r.target_detail)]
    chosen: ExtractedRecord = (hit or named or records)[0]
    weapon = chosen.weapon or next((r.weapon for r in records if r.weapon), None)
    perpetrator = next((r.perpetrator for r in records if r.perpetrator != UNKNOWN), None)
    return TextReading(chosen.target, chosen.target_detail, weapon, perpetrator)


def _named_as_where(text: str, detail: str | None) -> bool:
    if not detail:
        return False
    pattern = rf"\b{_WHERE}\s+(?:the\s+|a\s+|an\s+)?{re.escape(detail)}"
    return re.search(pattern, text, re.IGNORECASE) is not None
