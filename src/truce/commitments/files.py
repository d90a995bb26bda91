"""Reading back the JSON that `truce commitments extract --json` writes, so extraction
and checking can run days apart (and an analyst can correct the file in between)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any, get_args

from truce.commitments.extraction import Action, Commitment, DueRule
from truce.domain.limits import check_count, check_id, check_strings, check_year, load_json
from truce.errors import BadInput


def _day(value: Any, field: str) -> date | None:
    if value is None:
        return None
    try:
        day = date.fromisoformat(str(value))
    except ValueError:
        raise BadInput(f"'{value}' is not an ISO 8601 date", field=field) from None
    check_year(day.year, field, text=str(value))
    return day


def commitment_from_json(raw: Any) -> Commitment:
    """One commitment from its §4 object; raises `BadInput` naming the field."""
    if not isinstance(raw, dict):
        raise BadInput("each commitment must be a JSON object")
    check_strings(raw, text_fields=frozenset({"text", "statement"}))
    for name in ("id", "text"):
        if not isinstance(raw.get(name), str) or not raw[name]:
            raise BadInput("missing or not text", field=name)
    check_id(raw["id"])
    action = raw.get("action", "other")
    if action not in get_args(Action):
        raise BadInput(f"unknown action {action!r}", field="action")
    rule = raw.get("due_rule", "none")
    if rule not in get_args(DueRule):
        raise BadInput(f"unknown due rule {rule!r}", field="due_rule")
    quantity = raw.get("quantity")
    if quantity is not None and (isinstance(quantity, bool) or not isinstance(quantity, int)):
        raise BadInput("must be a whole number or null", field="quantity")
    if quantity is not None:
        check_count(quantity, "quantity")
    actors = raw.get("actors") or []
    if not isinstance(actors, list) or not all(isinstance(a, str) for a in actors):
        raise BadInput("must be a list of party codes", field="actors")
    return Commitment(
        id=raw["id"],
        text=raw["text"],
        actors=tuple(actors),
        action=action,
        quantity=quantity,
        counts=raw.get("counts"),
        due=_day(raw.get("due"), "due"),
        due_rule=rule,
        account=str(raw.get("account") or ""),
        announced=_day(raw.get("announced"), "announced"),
        statement=str(raw.get("statement") or raw["id"]),
    )


def read_commitments(path: Path | str) -> list[Commitment]:
    """Every commitment of a JSON file holding a list of §4 objects."""
    path = Path(path)
    try:
        data = load_json(path.read_text("utf-8-sig"))
    except OSError as exc:
        raise BadInput(f"cannot read ({exc.strerror})", file=str(path)) from None
    except UnicodeDecodeError:
        raise BadInput("not UTF-8 text", file=str(path)) from None
    except BadInput as exc:
        raise exc.located(file=str(path)) from None
    if not isinstance(data, list):
        raise BadInput("expected a list of commitments", file=str(path))
    out = []
    for index, raw in enumerate(data):
        try:
            out.append(commitment_from_json(raw))
        except BadInput as exc:
            raise BadInput(
                f"commitment {index + 1}: {exc.message}", file=str(path), field=exc.field
            ) from None
    return out
