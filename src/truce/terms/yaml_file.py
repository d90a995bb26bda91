"""Reading a terms file (CONTRACTS §2) into an `Agreement`, validating every field.

Errors carry the file, the line of the offending key and a dotted field path
(`versions[1].protects`), because a terms file is edited by hand and argued over.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from isodate import ISO8601Error, parse_duration

from truce.domain import Agreement, TermsVersion, is_alignment, is_country, is_target
from truce.domain.limits import MAX_FIELD, MAX_TEXT, check_instant, check_text, check_window_end
from truce.domain.safe_yaml import Lines as _Lines
from truce.domain.safe_yaml import load_yaml
from truce.errors import BadInput

AGREEMENT_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
VERSION_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
_TOP_KEYS = {"agreement", "title", "versions"}
_VERSION_KEYS = {
    "id",
    "according_to",
    "source",
    "bound",
    "protects",
    "excludes",
    "area",
    "starts",
    "duration",
    "ends",
    "notes",
}


def load_terms(path: Path | str) -> Agreement:
    """Read and validate a terms YAML file."""
    path = Path(path)
    try:
        text = path.read_text("utf-8")
    except UnicodeDecodeError as exc:
        raise BadInput(f"not UTF-8 text ({exc.reason})", file=str(path)) from exc
    except OSError as exc:
        raise BadInput(f"cannot read: {exc.strerror}", file=str(path)) from exc
    return parse_terms(text, file=str(path))


def parse_terms(text: str, *, file: str = "<terms>") -> Agreement:
    if len(text) > MAX_TEXT:
        raise BadInput(
            f"is {len(text):,} characters long, over the limit of {MAX_TEXT:,} for a terms file",
            file=file,
        )
    doc = load_yaml(text, file=file)
    if not isinstance(doc, _Lines):
        raise BadInput("expected a mapping with 'agreement' and 'versions'", file=file, line=1)
    return _Reader(file).agreement(doc)


class _Reader:
    def __init__(self, file: str) -> None:
        self.file = file

    def error(self, where: _Lines, key: str, field: str, message: str) -> BadInput:
        return BadInput(message, file=self.file, line=where.lines.get(key, where.line), field=field)

    def agreement(self, doc: _Lines) -> Agreement:
        self._no_unknown_keys(doc, _TOP_KEYS, "")
        agreement_id = self._string(doc, "agreement", "agreement", required=True)
        assert agreement_id is not None
        if not AGREEMENT_ID.match(agreement_id):
            raise self.error(
                doc, "agreement", "agreement", f"'{agreement_id}' is not an id of [a-z0-9-]"
            )
        title = self._string(doc, "title", "title")
        raw_versions = doc.get("versions")
        if not isinstance(raw_versions, list) or not raw_versions:
            raise self.error(doc, "versions", "versions", "needs a list of one or more versions")
        versions: list[TermsVersion] = []
        seen: dict[str, int] = {}
        for index, raw in enumerate(raw_versions):
            field = f"versions[{index}]"
            if not isinstance(raw, _Lines):
                raise self.error(doc, "versions", field, "each version must be a mapping")
            version = self.version(raw, field)
            if version.id in seen:
                raise self.error(raw, "id", f"{field}.id", f"duplicate version id '{version.id}'")
            seen[version.id] = index
            versions.append(version)
        return Agreement(id=agreement_id, title=title, versions=tuple(versions))

    def version(self, raw: _Lines, field: str) -> TermsVersion:
        self._no_unknown_keys(raw, _VERSION_KEYS, field + ".")
        version_id = self._string(raw, "id", f"{field}.id", required=True)
        assert version_id is not None
        if not VERSION_ID.match(version_id):
            raise self.error(raw, "id", f"{field}.id", f"'{version_id}' is not a valid version id")
        according_to = self._string(raw, "according_to", f"{field}.according_to", required=True)
        assert according_to is not None
        if not is_alignment(according_to):
            raise self.error(
                raw,
                "according_to",
                f"{field}.according_to",
                f"unknown party code '{according_to}' (use ISO 3166-1 alpha-2, e.g. UA, RU, US)",
            )
        bound = self._codes(raw, "bound", f"{field}.bound", is_country, "party code", required=True)
        protects = self._codes(
            raw, "protects", f"{field}.protects", is_target, "taxonomy code", required=True
        )
        if not protects:
            raise self.error(raw, "protects", f"{field}.protects", "must list at least one code")
        excludes = self._codes(raw, "excludes", f"{field}.excludes", is_target, "taxonomy code")
        area = self._area(raw, f"{field}.area")
        starts = self._instant(raw, "starts", f"{field}.starts", required=True)
        assert starts is not None
        duration = self._duration(raw, f"{field}.duration")
        ends = self._instant(raw, "ends", f"{field}.ends")
        if duration is not None and ends is not None:
            raise self.error(
                raw, "ends", f"{field}.ends", "give either 'duration' or 'ends', not both"
            )
        if ends is not None and ends <= starts:
            raise self.error(raw, "ends", f"{field}.ends", "must be after 'starts'")
        if duration is not None:
            try:
                check_window_end(starts, parse_duration(duration), f"{field}.duration")
            except BadInput as exc:
                raise self.error(raw, "duration", f"{field}.duration", exc.message) from None
        return TermsVersion(
            id=version_id,
            according_to=according_to,
            source=self._string(raw, "source", f"{field}.source"),
            bound=bound,
            protects=protects,
            excludes=excludes,
            area=area,
            starts=starts,
            duration=duration,
            ends=ends,
            notes=self._string(raw, "notes", f"{field}.notes"),
        )

    def _no_unknown_keys(self, raw: _Lines, allowed: set[str], prefix: str) -> None:
        for key in raw:
            if key not in allowed:
                raise self.error(
                    raw,
                    key,
                    f"{prefix}{key}",
                    f"unknown field (expected one of: {', '.join(sorted(allowed))})",
                )

    def _string(self, raw: _Lines, key: str, field: str, *, required: bool = False) -> str | None:
        value = raw.get(key)
        if value is None or value == "":
            if required:
                raise self.error(raw, key, field, "missing required field")
            return None
        if isinstance(value, (list, dict)):
            raise self.error(raw, key, field, "must be text")
        text = str(value).strip()
        limit = MAX_TEXT if key == "notes" else MAX_FIELD
        try:
            return check_text(text, field, limit=limit)
        except BadInput as exc:
            raise self.error(raw, key, field, exc.message) from None

    def _codes(
        self,
        raw: _Lines,
        key: str,
        field: str,
        valid: Any,
        kind: str,
        *,
        required: bool = False,
    ) -> tuple[str, ...]:
        if key not in raw or raw[key] is None:
            if required:
                raise self.error(raw, key, field, "missing required field")
            return ()
        value = raw[key]
        if not isinstance(value, list):
            raise self.error(raw, key, field, f"must be a list of {kind}s")
        codes = []
        for item in value:
            if isinstance(item, (list, dict)):
                raise self.error(raw, key, field, f"must be a list of {kind}s")
            code = str(item)
            if not valid(code):
                raise self.error(
                    raw, key, field, f"unknown {kind} '{code}' (`truce taxonomy` lists them)"
                )
            if code not in codes:
                codes.append(code)
        return tuple(codes)

    def _area(self, raw: _Lines, field: str) -> tuple[str, ...]:
        value = raw.get("area")
        if value is None:
            return ()
        if not isinstance(value, list):
            raise self.error(raw, "area", field, "must be a list of country codes or region names")
        area = []
        for item in value:
            if isinstance(item, (list, dict)):
                raise self.error(raw, "area", field, "each entry must be text")
            name = check_text(str(item).strip(), field)
            if not name:
                raise self.error(raw, "area", field, "empty area entry")
            if re.fullmatch(r"[A-Z]{2}", name) and not is_country(name):
                raise self.error(raw, "area", field, f"unknown country code '{name}'")
            area.append(name)
        return tuple(area)

    def _instant(
        self, raw: _Lines, key: str, field: str, *, required: bool = False
    ) -> datetime | None:
        text = self._string(raw, key, field, required=required)
        if text is None:
            return None
        try:
            value = datetime.fromisoformat(text)
        except ValueError as exc:
            raise self.error(
                raw, key, field, f"'{text}' is not an ISO 8601 date-time ({exc})"
            ) from exc
        if value.tzinfo is None or len(text) <= 10:
            raise self.error(
                raw,
                key,
                field,
                f"'{text}' needs a time and a UTC offset, e.g. 2025-03-18T17:00:00+03:00",
            )
        try:
            check_instant(value, field, text=text)
        except BadInput as exc:
            raise self.error(raw, key, field, exc.message) from None
        return value

    def _duration(self, raw: _Lines, field: str) -> str | None:
        text = self._string(raw, "duration", field)
        if text is None:
            return None
        try:
            length = parse_duration(text)
        except (ISO8601Error, ValueError, OverflowError):
            raise self.error(
                raw, "duration", field, f"'{text}' is not an ISO 8601 duration such as P30D"
            ) from None
        probe = datetime(2000, 1, 1, tzinfo=UTC)
        try:
            end = probe + length
        except (OverflowError, ValueError):  # longer than the calendar holds
            raise self.error(
                raw, "duration", field, f"'{text}' is longer than the calendar holds"
            ) from None
        if end <= probe:
            raise self.error(raw, "duration", field, "must be longer than zero")
        return text
