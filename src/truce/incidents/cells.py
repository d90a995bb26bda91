"""CSV cells a spreadsheet will not run, and back (OWASP "CSV injection").

Excel, LibreOffice and Google Sheets read a cell that starts with `=`, `+`, `-`, `@`, a
tab or a carriage return as a formula, so a report's text such as `=cmd|' /C calc'!A0`
would run when an analyst opens the export. The export writes such a cell with a single
quote in front, which every spreadsheet shows as "this is text" and hides.

The rule, both ways (README, Exports):

- writing, a cell starting with one of `= + - @ TAB CR` **or with a quote** gets one
  more quote in front; a plain number (`-33.5`, `+3`) is left as it is, since a
  spreadsheet reads it as the number it is and runs nothing;
- reading a truce CSV, a cell starting with a quote followed by one of those characters
  (or by another quote) loses that first quote, and nothing else changes.

Quoting a leading quote too is what makes the round trip exact: a source's `'quoted'`
is written `''quoted'` and read back as `'quoted'`; a lone `'x` is never touched.
"""

from __future__ import annotations

import re

# What spreadsheets take as the start of a formula (OWASP), and the quote itself.
_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
QUOTE = "'"
_NUMBER = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?")


def neutralise(cell: str) -> str:
    """The cell as a spreadsheet will show it without running it (see the module)."""
    if not cell.startswith((*_TRIGGERS, QUOTE)):
        return cell
    if cell[0] in "+-" and _NUMBER.fullmatch(cell):
        return cell
    return QUOTE + cell


def restore(cell: str) -> str:
    """Undo `neutralise`: drop the quote it added, and only that."""
    if len(cell) > 1 and cell[0] == QUOTE and cell[1] in (*_TRIGGERS, QUOTE):
        return cell[1:]
    return cell
