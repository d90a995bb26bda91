"""The one exception hierarchy of truce.

The CLI maps every `TruceError` to exit code 1 and one line on stderr; the API (later)
maps them to 4xx. Keeping the location (file, line, field) on the error, not in a
formatted string, lets each edge present it its own way.
"""

from __future__ import annotations


class TruceError(Exception):
    """Base of every error truce reports to a user rather than crashing on."""


class BadInput(TruceError):
    """Input that cannot be accepted, located as precisely as we can."""

    def __init__(
        self,
        message: str,
        *,
        file: str | None = None,
        line: int | None = None,
        field: str | None = None,
        hint: str | None = None,
    ) -> None:
        self.message = message
        self.file = file
        self.line = line
        self.field = field
        self.hint = hint
        super().__init__(str(self))

    def __str__(self) -> str:
        where = []
        if self.file:
            where.append(self.file if self.line is None else f"{self.file}:{self.line}")
        elif self.line is not None:
            where.append(f"line {self.line}")
        if self.field:
            where.append(f"field '{self.field}'")
        text = f"{', '.join(where)}: {self.message}" if where else self.message
        return f"{text} ({self.hint})" if self.hint else text

    def located(self, *, file: str | None = None, line: int | None = None) -> BadInput:
        """The same error with a location filled in where it was missing."""
        return BadInput(
            self.message,
            file=self.file or file,
            line=self.line if self.line is not None else line,
            field=self.field,
            hint=self.hint,
        )


class NotFound(TruceError):
    """A named object (agreement, version, incident) is not stored."""


class Conflict(TruceError):
    """A write that contradicts what is already stored."""


class Unavailable(TruceError):
    """The database cannot do what was asked, for reasons outside the input: a read-only
    file or folder, a full disk, a server gone. Not the user's data at fault, so the API
    answers 503; the CLI still exits 1 with one line."""
