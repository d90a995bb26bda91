"""VIINA event files (CSV) → incidents.

The layout is VIINA's codebook (github.com/zhukovyuri/VIINA, README "Codebook"):
`event_id, report_id, location, tempid, source, date (YYYYMMDD), time (HH:MM), url,
text, lang, address, longitude, latitude, GEO_PRECISION, GEO_API`, then one column per
event label: `t_<type>` and `a_<actor>`. Labels come as binary indicators (`t_artillery`
or `t_artillery_b`, 0 or 1) or predicted probabilities (`t_artillery_pred`); a binary
indicator wins over a probability, and a probability counts from 0.5.

VIINA 2.0 (2023-) publishes `event_info` (one row per report and place), `event_labels`
(the same `event_id` with the labels) and `event_1pd` (one event per place and day,
`event_id_1pd`, binary labels, GeoNames fields `asciiname`, `ADM1_NAME`). It changed what
the actor labels mean: `a_rus` / `a_ukr` now say that a side took part, and
`a_rus_init` / `a_ukr_init` say which side started it. A file with `*_init` columns is
read that way: the initiator is the perpetrator, participation alone names nobody. A
file without them is VIINA 1.0, whose codebook defines `a_rus` as "initiated by".

Where the labels leave the perpetrator or the target open (the `t_*` labels of 2.0 say
how a strike was made: raid, airstrike, artillery, drone), the row's text is read by
truce's extractor; the report counts how many rows each rule decided.

VIINA's date and time are those of the news report, read as Kyiv time; the incident is
dated to the report's local day and the report's time is kept as `reported_at`.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from truce.domain import GeoPrecision, Incident
from truce.errors import BadInput
from truce.incidents.layouts.places import (
    country_code,
    locate,
    region_named,
    settlement_named,
)
from truce.incidents.layouts.reading import (
    LayoutRead,
    Progress,
    Tally,
    build_incident,
    number,
    read_csv_layout,
)
from truce.incidents.layouts.text import NOTHING, TextReading, read_row_text

PREFIX = "viina:"
PREFIX_1PD = "viina:1pd-"  # event_1pd ids are another sequence than event_info's
REQUIRED = ("date",)
ID_COLUMNS = ("event_id", "event_id_1pd")
REPORT_ZONE = ZoneInfo("Europe/Kyiv")

# Labels naming the weapon, most specific first.
WEAPON_LABELS: dict[str, str] = {
    "t_uav": "drone",
    "t_drone": "drone",
    "t_missile": "missile",
    "t_airstrike": "airstrike",
    "t_artillery": "artillery",
    "t_ied": "mine or IED",
}
# Labels naming what was struck: they win over the text.
TARGET_LABELS: dict[str, str] = {
    "t_hospital": "civilian.healthcare",
    "t_hospitals": "civilian.healthcare",
}
# Labels that say who was hurt or who fought, not what was hit: used when the text
# names no target.
FALLBACK_TARGET_LABELS: dict[str, str] = {
    "t_infrastructure": "infrastructure",
    "t_civcas": "civilian",
    "t_milcas": "military",
    "t_armor": "military",
    "t_firefight": "military",
}
# Labels of attacks that say how, not what: a raid, an air strike or shelling may hit a
# substation or a trench; the target comes from the text, or stays unknown.
VAGUE_ATTACK_LABELS = frozenset({"t_property", "t_raid"})
ATTACK_LABELS = (
    frozenset(WEAPON_LABELS)
    | frozenset(TARGET_LABELS)
    | frozenset(FALLBACK_TARGET_LABELS)
    | VAGUE_ATTACK_LABELS
)
# Labels of reports that are not attacks; a row with only these is skipped. The first
# one present names the skipped row in the report.
OTHER_LABELS: tuple[str, ...] = (
    "t_san", "t_arrest", "t_control", "t_occupy", "t_cyber", "t_aad", "t_killing",
    "t_nmil", "t_mil", "t_loc", "t_airalert", "t_retreat",
)  # fmt: skip
ACTOR_LABELS: dict[str, str] = {"a_rus": "RU", "a_ukr": "UA"}  # 2.0: took part; 1.0: started
INITIATOR_LABELS: dict[str, str] = {"a_rus_init": "RU", "a_ukr_init": "UA"}  # 2.0
OTHER_ACTOR_LABELS = frozenset({"a_civ", "a_other"})
KNOWN_LABELS = (
    ATTACK_LABELS
    | frozenset(OTHER_LABELS)
    | frozenset(ACTOR_LABELS)
    | frozenset(INITIATOR_LABELS)
    | OTHER_ACTOR_LABELS
)

# GEO_PRECISION (the geocoder's level of the matched address): street or settlement →
# settlement; district (raion) or province → region.
GEO_PRECISIONS: dict[str, GeoPrecision] = {
    "HOUSE": GeoPrecision.SETTLEMENT,
    "STREET": GeoPrecision.SETTLEMENT,
    "ADDRESS": GeoPrecision.SETTLEMENT,
    "METRO": GeoPrecision.SETTLEMENT,
    "LOCALITY": GeoPrecision.SETTLEMENT,
    "CITY": GeoPrecision.SETTLEMENT,
    "SETTLEMENT": GeoPrecision.SETTLEMENT,
    "DISTRICT": GeoPrecision.SETTLEMENT,
    "ADM3": GeoPrecision.SETTLEMENT,
    "ADM2": GeoPrecision.REGION,
    "AREA": GeoPrecision.REGION,
    "ADM1": GeoPrecision.REGION,
    "PROVINCE": GeoPrecision.REGION,
    "COUNTRY": GeoPrecision.COUNTRY,
    "ADM0": GeoPrecision.COUNTRY,
}
# VIINA's source short names → the outlet and whom it speaks for (CONTRACTS §1): state
# or state-company media of a party carry that party's code; other press is `media`.
SOURCES: dict[str, tuple[str, str]] = {
    "24tvua": ("24 Kanal", "media"),
    "espreso": ("Espreso", "media"),
    "forbesua": ("Forbes Ukraine", "media"),
    "interfaxua": ("Interfax-Ukraine", "media"),
    "kp": ("Komsomolskaya Pravda", "media"),
    "liga": ("LIGA.net", "media"),
    "liveuamap": ("Liveuamap", "media"),
    "meduza": ("Meduza", "media"),
    "militarnyy": ("Militarnyi", "media"),
    "mz": ("Mediazona", "media"),
    "ng": ("Nezavisimaya Gazeta", "media"),
    "ntv": ("NTV", "RU"),
    "nv": ("NV", "media"),
    "pravdaua": ("Ukrainska Pravda", "media"),
    "ria": ("RIA Novosti", "RU"),
    "unian": ("UNIAN", "media"),
}
# event_1pd and event_info name the region as GeoNames/GAUL do in English
# (`ADM1_NAME`: "Donets'k", "Kiev City") and the settlement as `asciiname`.
FIELDS = {
    "id": "event_id",
    "occurred_at": "date",
    "reported_at": "time",
    "lat": "latitude",
    "lon": "longitude",
    "url": "url",
    "text": "text",
}


def read_viina(
    path: Path | str, *, now: datetime | None = None, progress: Progress | None = None
) -> LayoutRead:
    """Every attack in a VIINA event file, as incidents; other reports skipped and counted."""
    path = Path(path)
    id_field = "event_id"

    def check(columns: Iterable[str]) -> None:
        nonlocal id_field
        names = list(columns)
        if not any(column in names for column in ID_COLUMNS):
            raise BadInput("missing column", file=str(path), line=1, field="event_id")
        id_field = "event_id" if "event_id" in names else "event_id_1pd"
        if not any(_is_label(column) for column in names):
            raise BadInput(
                "no t_* or a_* label columns",
                file=str(path),
                line=1,
                field="t_*",
                hint="join VIINA's event_labels file to its event_info file on event_id",
            )

    read = read_csv_layout(
        path,
        REQUIRED,
        "event_id",
        _incident,
        now=now or datetime.now(UTC),
        progress=progress,
        check_columns=check,
    )
    return read if id_field == "event_id" else _with_id_field(read, id_field)


def _with_id_field(read: LayoutRead, id_field: str) -> LayoutRead:
    return LayoutRead(
        read.incidents, read.skipped, read.unmapped, id_field, read.decided, read.inferred
    )


def _is_label(column: str) -> bool:
    return column.startswith(("t_", "a_"))


def labels(row: dict[str, str]) -> dict[str, bool]:
    """Each label of the row (without `_b` / `_pred`) → whether it applies."""
    found: dict[str, tuple[int, bool]] = {}  # label → (rank of its column kind, value)
    for column, cell in row.items():
        if not _is_label(column) or not cell:
            continue
        if column.endswith("_b"):
            label, rank = column[:-2], 2
        elif column.endswith("_pred"):
            label, rank = column[:-5], 0
        else:
            label, rank = column, 1
        value = number(cell, column)
        assert value is not None
        if not 0 <= value <= 1:
            raise BadInput(f"{value} is not between 0 and 1", field=column)
        if label not in found or found[label][0] < rank:
            found[label] = (rank, value >= 0.5)
    return {label: value for label, (_, value) in found.items()}


def _incident(row: dict[str, str], tally: Tally, now: datetime) -> Incident | None:
    if "event_id" in row:
        event_id, incident_id = row["event_id"], PREFIX + row["event_id"]
        if not event_id:
            raise BadInput("missing event id", field="event_id")
    else:
        event_id = row.get("event_id_1pd", "")
        incident_id = PREFIX_1PD + event_id
        if not event_id:
            raise BadInput("missing event id", field="event_id_1pd")
    found = labels(row)
    present = {label for label, value in found.items() if value}
    for label in sorted(present - KNOWN_LABELS):
        tally.note(label, "1", "label not mapped")
    if not present & ATTACK_LABELS:
        main = next((label for label in OTHER_LABELS if label in present), None)
        tally.skip("t_*", main or "(no label)", "row skipped: not an attack")
        return None

    lat = number(row.get("latitude"), "latitude", limit=90)
    lon = number(row.get("longitude"), "longitude", limit=180)
    precision = _geo_precision(row, lat, tally)
    parts = [p.strip() for p in row.get("address", "").split(",") if p.strip()]
    if not parts and row.get("asciiname"):
        parts = [row["asciiname"]]
    nearest = locate(lat, lon, parts) if lat is not None and lon is not None else None
    country = next((c for c in map(country_code, parts) if c), None)
    if country is None and nearest is not None:
        country = nearest.country
    if country is None:
        tally.note("address", row.get("address"), "country unknown")
    region = next((r for r in (region_named(p, country) for p in parts) if r), None)
    if region is None and row.get("ADM1_NAME"):
        region = region_named(row["ADM1_NAME"], country)
    if region is None and nearest is not None and nearest.country == country:
        region = nearest.region

    source, alignment = _source(row, tally)
    day = _day(row.get("date", ""))
    text = row.get("text") or None
    reading = _Reading(text, date.fromisoformat(day), row.get("lang"), alignment)
    initiators = any(column.startswith(tuple(INITIATOR_LABELS)) for column in row)
    target, detail = _target(present, reading, tally)
    return build_incident(
        {
            "id": incident_id,
            "occurred_at": day,
            "reported_at": _reported_at(row),
            "place": _place(parts, country, lat, lon, precision),
            "lat": lat,
            "lon": lon,
            "country": country,
            "region": region,
            "geo_precision": precision.value if precision else None,
            "perpetrator": _perpetrator(present, initiators, reading, tally),
            "target": target,
            "target_detail": detail,
            "weapon": next((w for label, w in WEAPON_LABELS.items() if label in present), None),
            "source": source,
            "source_alignment": alignment,
            "url": row.get("url") or None,
            "text": row.get("text") or None,
            "lang": row.get("lang") or None,
        },
        now=now,
        fields=FIELDS,
    )


def _day(text: str) -> str:
    try:
        return datetime.strptime(text, "%Y%m%d").date().isoformat()
    except ValueError:
        raise BadInput(f"'{text}' is not a date in YYYYMMDD form", field="date") from None


def _reported_at(row: dict[str, str]) -> str | None:
    text = row.get("time", "")
    if not text:
        return None
    try:
        clock = datetime.strptime(text, "%H:%M").time()
    except ValueError:
        raise BadInput(f"'{text}' is not a time in HH:MM form", field="time") from None
    day = datetime.strptime(_day(row.get("date", "")), "%Y-%m-%d").date()
    return datetime.combine(day, clock, REPORT_ZONE).isoformat()


def _geo_precision(row: dict[str, str], lat: float | None, tally: Tally) -> GeoPrecision | None:
    value = row.get("GEO_PRECISION", "")
    if not value:
        return None
    precision = GEO_PRECISIONS.get(value.upper())
    if precision is None:
        tally.note("GEO_PRECISION", value, "geo precision taken as region")
        return GeoPrecision.REGION if lat is not None else None
    return precision


def _place(
    parts: list[str],
    country: str | None,
    lat: float | None,
    lon: float | None,
    precision: GeoPrecision | None,
) -> str | None:
    """The settlement the address names, spelt as the gazetteer spells it; only when the
    geocoder matched a settlement or finer."""
    if precision not in (None, GeoPrecision.SETTLEMENT):
        return None
    names = [p for p in parts if country_code(p) is None and region_named(p, country) is None]
    if not names:
        return None
    found = settlement_named(names, lat, lon)
    if found is not None:
        return found.name
    # the most specific part: the end away from the country name
    return names[-1] if parts and country_code(parts[0]) else names[0]


class _Reading:
    """The row's text, read by the extractor only when a rule needs it."""

    def __init__(self, text: str | None, day: date, lang: str | None, alignment: str | None):
        self._args = (text, day, lang, alignment)
        self._value: TextReading | None = None

    def get(self) -> TextReading:
        if self._value is None:
            text, day, lang, alignment = self._args
            self._value = read_row_text(text, day=day, lang=lang, alignment=alignment)
        return self._value


def _perpetrator(present: set[str], initiators: bool, reading: _Reading, tally: Tally) -> str:
    """The initiator label (2.0), else the text's attribution, else unknown. Without
    initiator columns (1.0) the actor labels are VIINA's initiator labels of the day."""
    labels = INITIATOR_LABELS if initiators else ACTOR_LABELS
    parties = {code for label, code in labels.items() if label in present}
    if len(parties) == 1:
        party = parties.pop()
        tally.decide("perpetrator", "a_*_init label" if initiators else "a_* label (VIINA 1.0)")
        return party
    if parties:
        tally.note("a_*", " and ".join(sorted(present & set(labels))), "both sides labelled")
    said = reading.get().perpetrator
    if said in ("RU", "UA"):
        tally.decide("perpetrator", "text attribution", said)
        return said
    tally.decide("perpetrator", "none: unknown")
    if initiators and present & set(ACTOR_LABELS):
        taking_part = " and ".join(sorted(present & set(ACTOR_LABELS)))
        tally.note("a_*", taking_part, "perpetrator unknown (took part; no initiator named)")
    elif not parties:
        other = sorted(present & OTHER_ACTOR_LABELS)
        tally.note("a_*", other[0] if other else "(no actor label)", "perpetrator unknown")
    return "unknown"


def _target(present: set[str], reading: _Reading, tally: Tally) -> tuple[str | None, str | None]:
    """A label that names what was hit; else what the text says was hit; else a label
    saying who was hurt or who fought; else unknown."""
    target = next((code for label, code in TARGET_LABELS.items() if label in present), None)
    if target is not None:
        tally.decide("target", "t_hospital label")
        return target, None
    said = reading.get()
    if said is not NOTHING and said.target is not None:
        tally.decide("target", "text", said.target)
        return said.target, said.target_detail
    fallback = next(
        ((label, code) for label, code in FALLBACK_TARGET_LABELS.items() if label in present),
        None,
    )
    if fallback is not None:
        tally.decide("target", f"{fallback[0]} label")
        return fallback[1], None
    tally.decide("target", "none: unknown")
    how = sorted(present & (VAGUE_ATTACK_LABELS | frozenset(WEAPON_LABELS)))
    named = how[0] if how else "(no target label)"
    tally.note("t_*", named, "target unknown (the text names none)")
    return None, None


def _source(row: dict[str, str], tally: Tally) -> tuple[str | None, str | None]:
    # event_1pd lists the sources of the reports it joins ("pravdaua, nv"): the first
    short = row.get("source", "") or row.get("sources", "").split(",")[0].strip()
    if not short:
        return "VIINA", None
    if short.lower() not in SOURCES:
        tally.note("source", short, "source alignment unknown")
        return f"{short} (VIINA)", None
    name, alignment = SOURCES[short.lower()]
    return f"{name} (VIINA)", alignment
