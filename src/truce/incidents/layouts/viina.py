"""VIINA event files (CSV) → incidents.

The layout is VIINA's codebook (github.com/zhukovyuri/VIINA, README "Codebook"):
`event_id, report_id, location, tempid, source, date (YYYYMMDD), time (HH:MM), url,
text, lang, address, longitude, latitude, GEO_PRECISION, GEO_API`, then one column per
event label: `t_<type>` and `a_<actor>`. Labels come as binary indicators (`t_artillery`
or `t_artillery_b`, 0 or 1) or predicted probabilities (`t_artillery_pred`); a binary
indicator wins over a probability, and a probability counts from 0.5.

VIINA's date and time are those of the news report, read as Kyiv time; the incident is
dated to the report's local day and the report's time is kept as `reported_at`.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from truce.domain import GeoPrecision, Incident
from truce.errors import BadInput
from truce.incidents.layouts.places import (
    country_code,
    nearest_place,
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

PREFIX = "viina:"
REQUIRED = ("event_id", "date")
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
# Labels naming what was struck, most specific first.
TARGET_LABELS: dict[str, str] = {
    "t_hospital": "civilian.healthcare",
    "t_hospitals": "civilian.healthcare",
    "t_infrastructure": "infrastructure",
    "t_civcas": "civilian",
    "t_milcas": "military",
    "t_armor": "military",
    "t_firefight": "military",
    "t_raid": "military",
}
# Labels of attacks whose target cannot be told from the label.
VAGUE_ATTACK_LABELS = frozenset({"t_property"})
ATTACK_LABELS = frozenset(WEAPON_LABELS) | frozenset(TARGET_LABELS) | VAGUE_ATTACK_LABELS
# Labels of reports that are not attacks; a row with only these is skipped. The first
# one present names the skipped row in the report.
OTHER_LABELS: tuple[str, ...] = (
    "t_san", "t_arrest", "t_control", "t_occupy", "t_cyber", "t_aad", "t_killing",
    "t_nmil", "t_mil", "t_loc",
)  # fmt: skip
ACTOR_LABELS: dict[str, str] = {"a_rus": "RU", "a_ukr": "UA"}
OTHER_ACTOR_LABELS = frozenset({"a_civ", "a_other"})
KNOWN_LABELS = (
    ATTACK_LABELS | frozenset(OTHER_LABELS) | frozenset(ACTOR_LABELS) | OTHER_ACTOR_LABELS
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

    def has_labels(columns: Iterable[str]) -> None:
        if not any(_is_label(column) for column in columns):
            raise BadInput(
                "no t_* or a_* label columns",
                file=str(path),
                line=1,
                field="t_*",
                hint="join VIINA's event_labels file to its event_info file on event_id",
            )

    return read_csv_layout(
        path,
        REQUIRED,
        "event_id",
        _incident,
        now=now or datetime.now(UTC),
        progress=progress,
        check_columns=has_labels,
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
    event_id = row.get("event_id", "")
    if not event_id:
        raise BadInput("missing event id", field="event_id")
    present = {label for label, value in labels(row).items() if value}
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
    nearest = nearest_place(lat, lon) if lat is not None and lon is not None else None
    country = next((c for c in map(country_code, parts) if c), None)
    if country is None and nearest is not None:
        country = nearest.country
    if country is None:
        tally.note("address", row.get("address"), "country unknown")
    region = next((r for r in (region_named(p, country) for p in parts) if r), None)
    if region is None and nearest is not None and nearest.country == country:
        region = nearest.region

    source, alignment = _source(row, tally)
    return build_incident(
        {
            "id": PREFIX + event_id,
            "occurred_at": _day(row.get("date", "")),
            "reported_at": _reported_at(row),
            "place": _place(parts, country, lat, lon, precision),
            "lat": lat,
            "lon": lon,
            "country": country,
            "region": region,
            "geo_precision": precision.value if precision else None,
            "perpetrator": _perpetrator(present, tally),
            "target": _target(present, tally),
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


def _perpetrator(present: set[str], tally: Tally) -> str:
    parties = {code for label, code in ACTOR_LABELS.items() if label in present}
    if len(parties) == 1:
        return parties.pop()
    if parties:
        tally.note("a_*", "a_rus and a_ukr", "perpetrator unknown (both labelled)")
    else:
        other = sorted(present & OTHER_ACTOR_LABELS)
        tally.note("a_*", other[0] if other else "(no actor label)", "perpetrator unknown")
    return "unknown"


def _target(present: set[str], tally: Tally) -> str | None:
    target = next((code for label, code in TARGET_LABELS.items() if label in present), None)
    if target is None:
        vague = sorted(present & VAGUE_ATTACK_LABELS)
        tally.note("t_*", vague[0] if vague else "(no target label)", "target unknown")
    return target


def _source(row: dict[str, str], tally: Tally) -> tuple[str | None, str | None]:
    short = row.get("source", "")
    if not short:
        return "VIINA", None
    if short.lower() not in SOURCES:
        tally.note("source", short, "source alignment unknown")
        return f"{short} (VIINA)", None
    name, alignment = SOURCES[short.lower()]
    return f"{name} (VIINA)", alignment
