"""Which of English, Ukrainian and Russian a report is written in.

A rule on letters and a few function words, measured on the labelled set (see README):
Latin script is English; in Cyrillic text the letters і ї є ґ occur only in Ukrainian and
ы э ъ ё only in Russian, and short texts without either are told by words only one of
the two languages has ("вчора" / "вчера", "що" / "что"). A declared `lang` is believed.
"""

from __future__ import annotations

import re

from truce.extract.cues import cues

LANGUAGES = ("en", "uk", "ru")
_UK = re.compile(r"[іїєґІЇЄҐ'’ʼ]")
_RU = re.compile(r"[ыэъёЫЭЪЁ]")
_CYRILLIC = re.compile(r"[а-яА-ЯіїєґІЇЄҐёЁ]")
_LATIN = re.compile(r"[a-zA-Z]")
_WORDS = re.compile(r"[а-яіїєґё']+")
_UK_WORDS = cues("language", "uk_words")
_RU_WORDS = cues("language", "ru_words")


def detect_language(text: str, declared: str | None = None) -> str:
    if declared in LANGUAGES:
        return declared
    cyrillic = len(_CYRILLIC.findall(text))
    if cyrillic < len(_LATIN.findall(text)):
        return "en"
    words = _WORDS.findall(text.lower())
    uk = 2 * len(_UK.findall(text)) + sum(w in _UK_WORDS for w in words)
    ru = 2 * len(_RU.findall(text)) + sum(w in _RU_WORDS for w in words)
    if uk == ru:
        # No telling letter or word: ask the two dictionaries which knows more of it.
        uk, ru = _known(words, "uk"), _known(words, "ru")
    if uk == ru:
        # Ukrainian text rarely runs a sentence without і, ї or є.
        return "ru" if cyrillic > 30 and not _UK.search(text) else "uk"
    return "uk" if uk > ru else "ru"


def _known(words: list[str], lang: str) -> int:
    """How many of the words pymorphy3's dictionary for `lang` knows (slow: ties only)."""
    from truce.extract.morphology import known_word

    return sum(known_word(w, lang) for w in words if len(w) > 2)
