"""How `truce.extract` reads real published reports (evaluation/extract-real).

    python scripts/evaluate_real.py evaluation/extract-real/dev.jsonl [--errors] [--json]

Per language and overall:
- `strike_recall`: share of reports that describe a strike with at least one record;
- `quiet_right`: share of reports that describe none with no record;
- `target`: expected records whose matched record has the labelled target code (over
  records with a labelled target; an unmatched one counts as wrong); `target_class` the
  same on the code's first two levels ("infrastructure.energy", "civilian.residential");
- `perpetrator`: the same over records whose text or source's side tells the attacker;
- `within_25km`: expected records whose settlement is named in the text (its
  `place_mention` occurs there and it has coordinates) and whose matched record lies within
  25 km of it;
- `outside_theatre`: records placed in a country other than UA, RU, BY or MD from
  reports whose text names a Ukrainian or Russian place (a count: it should be 0);
- `refused`: reports the report reader refused (they give no record).

Reports go through the project's own reader (`parse_report`) with the contract's fields
only (no `lang`: the extractor detects it), so a `published` it cannot take is counted
as refused, not patched here. Expected records are matched to output records greedily,
best first, on distance, region, country and target.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from truce.domain import region_key  # noqa: E402
from truce.errors import BadInput  # noqa: E402
from truce.extract import extract  # noqa: E402
from truce.extract.reports import parse_report  # noqa: E402
from truce.geo.distance import distance_km  # noqa: E402

THEATRE = {"UA", "RU", "BY", "MD"}
NEAR_KM = 25.0
RATES = {
    "strike_recall": "strike_reports",
    "quiet_right": "quiet_reports",
    "target": "targets",
    "target_class": "targets",
    "perpetrator": "perpetrators",
    "within_25km": "placed",
}
CONTRACT_FIELDS = ("id", "published", "source", "source_alignment", "text", "url")


def _km(want: dict[str, Any], got: dict[str, Any]) -> float | None:
    if None in (want.get("lat"), want.get("lon"), got.get("lat"), got.get("lon")):
        return None
    return distance_km(want["lat"], want["lon"], got["lat"], got["lon"])


def _region(record: dict[str, Any]) -> str | None:
    value = record.get("region")
    return region_key(value) if value else None


def _class(code: str | None) -> str | None:
    return ".".join(code.split(".")[:2]) if code else None


def _affinity(want: dict[str, Any], got: dict[str, Any]) -> int:
    km = _km(want, got)
    return (
        4 * (km is not None and km <= NEAR_KM)
        + 2 * (_region(want) is not None and _region(want) == _region(got))
        + (want.get("country") == got.get("country"))
        + (want.get("target") is not None and want.get("target") == got.get("target"))
    )


def _match(expected: list[dict[str, Any]], got: list[dict[str, Any]]) -> list[Any]:
    """For each expected record the output record matched to it, or None."""
    pairs = sorted(
        ((_affinity(w, g), i, j) for i, w in enumerate(expected) for j, g in enumerate(got)),
        reverse=True,
    )
    matched: list[Any] = [None] * len(expected)
    used: set[int] = set()
    for _, i, j in pairs:
        if matched[i] is None and j not in used:
            matched[i] = got[j]
            used.add(j)
    return matched


def _run(row: dict[str, Any], *, noon: bool) -> list[dict[str, Any]] | None:
    fields = {k: row.get(k) for k in CONTRACT_FIELDS}
    if noon and len(fields["published"] or "") == 10:
        fields["published"] += "T12:00:00+00:00"
    try:
        report = parse_report(fields, default_id=row["id"])
    except BadInput:
        return None
    return [r.to_json() for r in extract(report)]


def evaluate(
    path: Path, *, show_errors: bool = False, noon: bool = False
) -> dict[str, dict[str, float]]:
    count: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for number, line in enumerate(path.read_text("utf-8").splitlines(), 1):
        if not line.strip():
            continue
        row = json.loads(line)
        tally = count[row["lang"]]
        tally["reports"] += 1
        got = _run(row, noon=noon)
        if got is None:
            tally["refused"] += 1
            got = []
        expected = row["expected"]
        if expected:
            tally["strike_reports"] += 1
            tally["strike_recall"] += bool(got)
        else:
            tally["quiet_reports"] += 1
            tally["quiet_right"] += not got
        if show_errors and bool(expected) != bool(got):
            print(f"{path.name}:{number} {row['id']}: expected {len(expected)}, got {len(got)}")
        names_place = any(
            w.get("place_mention") and w.get("country") in ("UA", "RU") for w in expected
        )
        if names_place:
            outside = [g for g in got if g.get("country") and g["country"] not in THEATRE]
            tally["outside_theatre"] += len(outside)
            for g in outside if show_errors else []:
                print(f"{row['id']}: {g.get('place_mention')!r} placed in {g['country']}")
        for want, match in zip(expected, _match(expected, got), strict=True):
            if want.get("target"):
                tally["targets"] += 1
                hit = match is not None and match.get("target") == want["target"]
                tally["target"] += hit
                tally["target_class"] += match is not None and _class(
                    match.get("target")
                ) == _class(want["target"])
                if show_errors and not hit:
                    print(f"{row['id']} target: {want['target']} ≠ {match and match.get('target')}")
            if want.get("perpetrator"):
                tally["perpetrators"] += 1
                hit = match is not None and match.get("perpetrator") == want["perpetrator"]
                tally["perpetrator"] += hit
                if show_errors and not hit:
                    print(
                        f"{row['id']} perpetrator: {want['perpetrator']} ≠ "
                        f"{match and match.get('perpetrator')}"
                    )
            mention = want.get("place_mention")
            if mention and mention in row["text"] and want.get("lat") is not None:
                tally["placed"] += 1
                km = _km(want, match) if match is not None else None
                tally["within_25km"] += km is not None and km <= NEAR_KM
                if show_errors and not (km is not None and km <= NEAR_KM):
                    where = match and (match.get("place"), match.get("country"))
                    print(f"{row['id']} place: {want['place']} ≠ {where} ({km and round(km)} km)")
    return _table(count)


def _table(count: dict[str, dict[str, int]]) -> dict[str, dict[str, float]]:
    total: dict[str, int] = defaultdict(int)
    for tally in count.values():
        for key, value in tally.items():
            total[key] += value
    table: dict[str, dict[str, float]] = {}
    for name, tally in [*sorted(count.items()), ("all", total)]:
        row: dict[str, float] = {}
        for rate, base in RATES.items():
            row[rate] = tally[rate] / tally[base] if tally[base] else float("nan")
            row[base] = tally[base]
        row["outside_theatre"] = tally["outside_theatre"]
        row["refused"] = tally["refused"]
        row["reports"] = tally["reports"]
        table[name] = row
    return table


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("split", type=Path)
    parser.add_argument("--errors", action="store_true", help="print every miss")
    parser.add_argument("--json", action="store_true")
    parser.add_argument(
        "--date-as-noon",
        action="store_true",
        help="read a date-only `published` as 12:00 UTC that day (to measure the extractor "
        "apart from the reader's refusal of dates)",
    )
    args = parser.parse_args()
    table = evaluate(args.split, show_errors=args.errors, noon=args.date_as_noon)
    if args.json:
        print(json.dumps(table, indent=2))
        return
    columns = [*RATES, "outside_theatre", "refused", "reports"]
    print("| lang | " + " | ".join(columns) + " |")
    print("|---" * (len(columns) + 1) + "|")
    for name, row in table.items():
        cells = [f"{100 * row[c]:.0f}% ({int(row[RATES[c]])})" for c in RATES]
        cells += [str(int(row[c])) for c in ("outside_theatre", "refused", "reports")]
        print(f"| {name} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
