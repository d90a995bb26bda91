"""Build examples/moratorium-2025/incidents.csv from the project's claims data.

Usage: python scripts/build_moratorium_example.py PATH/TO/moratorium-2025/claims.csv

The claims data (../shared/data/moratorium-2025/claims.csv, gathered for the project
from public pages, each row with its source address) holds one row per claim a party
made: who claimed, whom it accused, when and where, the facility, a taxonomy code, the
party that denied it and the rows that describe the same strike. This script turns it
into report rows in truce's incident layout (CONTRACTS §2, with `stance`), so that
`truce reports import` merges the rows that describe one strike and attaches denials:

- one `affirm` row per claim, id = the claim id; the claimant is the `source` (with the
  outlet that carried the claim) and the `source_alignment`, the accused the
  `perpetrator`;
- a clock time where the claim gives one, with its zone's UTC offset on that day (Kyiv
  moved to UTC+3 on 30 March 2025), else the date alone (day precision);
- one `deny` row per denial (`<claim>-denied-by-<party>`), with the denying party as
  source; the data records who denied, not where, so the row carries the claim's address
  and says so;
- the place as a settlement the gazetteer can resolve (the facility and the outlet's
  wording stay in `target_detail` and `text`), empty when the claim names only a district
  or a region;
- the target code refined from the facility's description where the data gives a parent
  code (`infrastructure.energy.oil` → refining, pipeline, storage or production): the
  versions of the moratorium disagree exactly there. The table is `REFINE` below.

Only facts and short quotations travel (the data's own rule); the output is committed,
and the example needs nothing outside the repository.

It then imports the rows into a scratch database as `truce reports import` does, and
compares the incidents merging forms with the data's `same_as` groups (the rows that
describe one strike). Where they differ it writes the analyst's corrections,
`corrections.txt` (`split INCIDENT REPORT…` or `join KEEP OTHER`), which `run.sh` applies with
`truce incidents split` and `truce incidents join`, audited like any correction.
"""

from __future__ import annotations

import csv
import re
import sys
import tempfile
from collections import defaultdict
from datetime import datetime
from pathlib import Path
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "moratorium-2025"
OUT = EXAMPLE / "incidents.csv"
CORRECTIONS = EXAMPLE / "corrections.txt"
COLUMNS = (
    "id", "occurred_at", "place", "lat", "lon", "country", "region", "perpetrator",
    "target", "target_detail", "weapon", "killed", "injured", "source",
    "source_alignment", "reported_at", "url", "text", "stance", "time_precision",
)  # fmt: skip
CLAIMANTS = {"RU": "Russian authorities", "UA": "Ukrainian authorities"}

# Parent codes refined by the facility's description: the first pattern that matches
# wins; a description none matches keeps the data's code (a parent code that some
# versions' lists do not settle, which the rules then rule undetermined).
REFINE: dict[str, list[tuple[str, str]]] = {
    "infrastructure.energy.oil": [
        (r"refiner", "infrastructure.energy.oil.refining"),
        (r"depot|storage|tank farm", "infrastructure.energy.oil.storage"),
        (r"pumping|pipeline|transshipment", "infrastructure.energy.oil.pipeline"),
        (r"field|well|production", "infrastructure.energy.oil.production"),
    ],
    "infrastructure.energy.gas": [
        (r"office|administrative", "infrastructure.energy.gas"),
        (r"storage", "infrastructure.energy.gas.storage"),
        (r"condensate field|gas field|production", "infrastructure.energy.gas.production"),
        (
            r"metering|measuring|gas station|distribution station|compressor|pipeline"
            r"|transmission",
            "infrastructure.energy.gas.pipeline",
        ),
    ],
    "infrastructure.energy.generation": [
        (r"type not stated", "infrastructure.energy"),
    ],
}

# Places that name a facility or an area rather than a settlement, as the settlement
# nearest to what they describe (the rest are cleaned by `settlement`).
PLACES = {
    "Sudzha gas metering station (GIS Sudzha), near Sudzha": "Sudzha",
    "Sudzha gas metering station": "Sudzha",
    "Sudzha gas distribution station": "Sudzha",
    "Botiieve wind power station": "Botiieve",
    "near Kropotkin / Kavkazskaya railway station": "Kropotkin",
    "Stepnoye (Krasnaya Yaruga energy facility)": "Krasnaya Yaruga",
    "Cape Tarkhankut": "Cape Tarkhankut",
    "Cape Tarkhankut (off the coast)": "Cape Tarkhankut",
}
_AREA_ONLY = re.compile(r"oblast|krai|district|not stated|crimea|unspecified", re.I)


def settlement(place: str) -> str:
    """The settlement a claim's place names, or '' when it names only an area."""
    if place in PLACES:
        return PLACES[place]
    name = re.sub(r"\([^)]*\)", "", place)
    name = re.split(r"[,;/]", name)[0].strip()
    name = re.sub(r"^(near|vicinity of)\s+|\s+area$", "", name).strip()
    if not name or _AREA_ONLY.search(name):
        return ""
    return name


def occurred_at(date: str, time: str, zone: str) -> str:
    if not time:
        return date
    local = datetime.fromisoformat(f"{date}T{time}").replace(tzinfo=ZoneInfo(zone))
    return local.isoformat()


def target(code: str, facility: str) -> str:
    for pattern, refined in REFINE.get(code, []):
        if re.search(pattern, facility, re.I):
            return refined
    return code


def outlet(url: str) -> str:
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.").rstrip(".")


def rows(claims: list[dict[str, str]]) -> list[dict[str, str]]:
    out = []
    for claim in claims:
        base = {
            "occurred_at": occurred_at(claim["date"], claim["time"], claim["tz"]),
            "place": settlement(claim["place"]),
            "lat": "",
            "lon": "",
            "country": claim["country"],
            "region": claim["region"],
            "perpetrator": claim["accused"],
            "target": target(claim["target_class"], claim["facility"]),
            "target_detail": claim["facility"],
            "weapon": claim["weapon"],
            "killed": "",
            "injured": "",
            "reported_at": "",
            "url": claim["source_url"],
            "time_precision": "",
        }
        claimant = claim["claimed_by"]
        out.append(
            {
                **base,
                "id": claim["id"],
                "source": f"{CLAIMANTS[claimant]}, via {outlet(claim['source_url'])}",
                "source_alignment": claimant,
                "text": f"{claim['place']}: {claim['quote']}",
                "stance": "affirm",
            }
        )
        for party in filter(None, claim["denied_by"].split(";")):
            party = party.strip()
            out.append(
                {
                    **base,
                    "id": f"{claim['id']}-denied-by-{party}",
                    "source": f"{CLAIMANTS[party]} (denial)",
                    "source_alignment": party,
                    "text": f"{party} publicly denied claim {claim['id']} (the claims data"
                    " records who denied it; the address is the claim's own).",
                    "stance": "deny",
                }
            )
    return out


def same_strike(claims: list[dict[str, str]]) -> dict[str, str]:
    """Each claim → the first claim id of its `same_as` group."""
    group = {claim["id"]: claim["id"] for claim in claims}

    def root(x: str) -> str:
        while group[x] != x:
            x = group[x]
        return x

    for claim in claims:
        for other in filter(None, (o.strip() for o in claim["same_as"].split(";"))):
            a, b = sorted((root(claim["id"]), root(other)))
            group[b] = a
    return {claim: root(claim) for claim in group}


def merged_by_truce(path: Path) -> dict[str, str]:
    """Each report row → the incident `truce reports import` puts it in."""
    import sqlalchemy as sa

    from truce.merge import read_report_file
    from truce.store import Store, schema

    with (
        tempfile.TemporaryDirectory() as scratch,
        Store(f"sqlite:///{scratch}/scratch.db") as store,
    ):
        store.add_reports(read_report_file(path), source_file=str(path))
        e = schema.evidence
        with store.engine.connect() as conn:
            query = sa.select(e.c.id, e.c.incident_id)
            return {row.id: row.incident_id for row in conn.execute(query)}


def corrections(claims: list[dict[str, str]], placed: dict[str, str]) -> list[list[str]]:
    """Splits, then joins, that turn truce's incidents into the `same_as` groups."""
    strike = same_strike(claims)
    rows_of = defaultdict(list)  # claim → its report rows (the claim and its denials)
    for row, _ in placed.items():
        rows_of[row.split("-denied-by-")[0]].append(row)
    out: list[list[str]] = []
    members: dict[str, list[str]] = defaultdict(list)
    for claim in strike:
        members[placed[claim]].append(claim)
    incident_of = {claim: placed[claim] for claim in strike}
    for incident, claims_in in sorted(members.items()):
        parts: dict[str, list[str]] = defaultdict(list)
        for claim in sorted(claims_in):
            parts[strike[claim]].append(claim)
        staying = strike[incident] if incident in strike else sorted(parts)[0]
        for group, moving in sorted(parts.items()):
            if group == staying:
                continue
            reports = [r for claim in moving for r in sorted(rows_of[claim])]
            out.append(["split", incident, *reports])
            for claim in moving:
                incident_of[claim] = moving[0]
    by_strike: dict[str, set[str]] = defaultdict(set)
    for claim, incident in incident_of.items():
        by_strike[strike[claim]].add(incident)
    for _, incidents in sorted(by_strike.items()):
        keep, *others = sorted(incidents)
        for other in others:
            out.append(["join", keep, other])
    return out


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__.splitlines()[2], file=sys.stderr)
        return 2
    with open(argv[1], encoding="utf-8", newline="") as handle:
        claims = list(csv.DictReader(handle))
    out = rows(claims)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(out)
    print(f"{OUT}: {len(out)} rows from {len(claims)} claims")
    fixes = corrections(claims, merged_by_truce(OUT))
    with CORRECTIONS.open("w", encoding="utf-8") as handle:
        handle.write(
            "# An analyst's corrections to automatic merging, from the claims data's same_as\n"
            "# column (written by scripts/build_moratorium_example.py; applied by run.sh).\n"
            "# split INCIDENT REPORT...: these reports describe another strike (the rule put\n"
            "#   claims of one region and day together that the data keeps apart).\n"
            "# join KEEP OTHER: the data says both describe one strike (the two sides'\n"
            "#   versions name different kinds of target, so the rule kept them apart).\n"
        )
        for fix in fixes:
            handle.write(" ".join(fix) + "\n")
    print(f"{CORRECTIONS}: {len(fixes)} corrections")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
