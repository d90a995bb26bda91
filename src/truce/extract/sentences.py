"""Splitting a report into sentences, without breaking at "м. Харків" or "с. Велика"."""

from __future__ import annotations

import re

_END = re.compile(r"[.!?…]+[»\"”)]*\s+(?=[«\"“(]?[A-ZА-ЯІЇЄҐЁ0-9])|\n+")
_ABBREVIATION = re.compile(
    r"(?:^|\s)(?:[а-яіїєґ]{1,2}|[A-ZА-ЯІЇЄҐ]|obl|vil|смт|пгт|ул|вул|просп|Mr|Mrs|Dr|St|No|Nos|№)\.[»\"”)]*\s+$"
)


def split_sentences(text: str) -> list[tuple[int, str]]:
    """Sentences with their start offsets."""
    out: list[tuple[int, str]] = []
    start = 0
    for m in _END.finditer(text):
        if m.group().strip() and _ABBREVIATION.search(text[max(0, m.start() - 8) : m.end()]):
            continue
        piece = text[start : m.end()]
        if piece.strip():
            out.append((start, piece))
        start = m.end()
    if text[start:].strip():
        out.append((start, text[start:]))
    return out
