"""Sentence splitting for official prose: abbreviations ("U.S.", "Mr.", "Joseph R. Biden"),
list items, quotations and numbers ("1.5 hours") must not end a sentence.

Rules rather than a model: readouts are edited, well-punctuated English, and a rule
that fails can be read and fixed.
"""

from __future__ import annotations

import re

# Words that end in a full stop without ending a sentence (compared case-insensitively,
# without the final full stop).
_ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "st",
        "jr",
        "sr",
        "gen",
        "lt",
        "col",
        "maj",
        "capt",
        "cmdr",
        "adm",
        "sgt",
        "rep",
        "sen",
        "gov",
        "pres",
        "amb",
        "no",
        "nos",
        "vol",
        "fig",
        "art",
        "sec",
        "para",
        "approx",
        "est",
        "dept",
        "univ",
        "inc",
        "ltd",
        "co",
        "corp",
        "bros",
        "vs",
        "etc",
        "al",
        "e.g",
        "i.e",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "mon",
        "tue",
        "wed",
        "thu",
        "fri",
        "sat",
        "sun",
        "u.s",
        "u.k",
        "u.n",
        "e.u",
        "u.s.a",
        "a.m",
        "p.m",
        "d.c",
    ]
)
# After an abbreviation that can also end a sentence ("… with the U.S. The talks …"),
# these words start a new one.
_STARTERS = frozenset(
    [
        "the",
        "a",
        "an",
        "he",
        "she",
        "they",
        "it",
        "we",
        "i",
        "in",
        "on",
        "at",
        "this",
        "that",
        "these",
        "those",
        "both",
        "during",
        "after",
        "before",
        "however",
        "meanwhile",
        "also",
        "there",
        "his",
        "her",
        "their",
        "our",
        "its",
    ]
)
_CLOSERS = "\"'”’)]»"
_OPENERS = "\"'“‘([«"
_END = re.compile(r"[.!?…]+")
_LIST_ITEM = re.compile(r"^\s*(?:[-*•]|\(?\d{1,2}[.)]|\(?[a-z][.)])\s+")


def split_sentences(paragraph: str) -> list[str]:
    """The sentences of one paragraph, in order, each stripped."""
    text = paragraph.strip()
    if not text:
        return []
    text = _LIST_ITEM.sub("", text)
    sentences: list[str] = []
    start = 0
    depth = 0  # inside parentheses a full stop does not end the sentence
    for match in _END.finditer(text):
        end = match.end()
        depth = text.count("(", start, match.start()) - text.count(")", start, match.start())
        while end < len(text) and text[end] in _CLOSERS:
            end += 1
        if end < len(text) and not text[end].isspace():
            continue  # "1.5", "U.S.-Russia", "e.g.,"
        rest = text[end:].lstrip()
        if not rest:
            break
        if depth > 0 and ")" not in text[match.start() : end]:
            continue
        if _inside_quote(text, start, end):
            continue  # a quotation of several sentences stays with its "…," X said.
        if not _starts_sentence(rest):
            continue
        if match.group() == "." and _is_abbreviation(text[start : match.start()], rest):
            continue
        sentences.append(text[start:end].strip())
        start = len(text) - len(rest)
    tail = text[start:].strip()
    if tail:
        sentences.append(tail)
    return [s for s in sentences if s]


def _inside_quote(text: str, start: int, end: int) -> bool:
    """True when a quotation opened in this sentence is still open at `end` and is
    closed later in the paragraph (an unclosed quote never swallows the paragraph)."""
    before = text[start:end]
    straight = before.count('"')
    curly_open = before.count("“") - before.count("”")
    if straight % 2 == 1:
        return '"' in text[end:]
    return curly_open > 0 and "”" in text[end:]


def _starts_sentence(rest: str) -> bool:
    first = rest[0]
    if first in _OPENERS:
        following = rest[1:2]
        return not following or following.isupper() or following.isdigit()
    return first.isupper() or first.isdigit()


def _is_abbreviation(before: str, rest: str) -> bool:
    word_match = re.search(r"(\S+)$", before)
    if not word_match:
        return False
    word = word_match.group(1).lstrip(_OPENERS).lower()
    if re.fullmatch(r"[a-z]", word):
        return True  # an initial: "Joseph R. Biden"
    if word not in _ABBREVIATIONS:
        return False
    next_word = re.match(r"[\"'“‘]?(\w+)", rest)
    starter = next_word.group(1).lower() if next_word else ""
    # "U.S." or "a.m." can end a sentence; titles ("Mr.", "Dr.") never do.
    can_end = "." in word or word in {"etc", "inc", "ltd", "co", "corp", "al"}
    return not (can_end and starter in _STARTERS)
