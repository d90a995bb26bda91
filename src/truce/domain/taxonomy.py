"""The target taxonomy of CONTRACTS §1, as data.

Codes are dotted paths; a code covers itself and all its descendants. Every part of
truce asks `covers` rather than comparing strings, so that "infrastructure" protecting
"infrastructure.energy.grid" is decided in one place.
"""

from __future__ import annotations

TARGETS: dict[str, str] = {
    "infrastructure": "infrastructure (any kind)",
    "infrastructure.energy": "energy facilities of any kind",
    "infrastructure.energy.generation": "power plants: thermal, CHP, hydro, nuclear, solar, wind",
    "infrastructure.energy.grid": "substations, transformers, transmission and distribution lines",
    "infrastructure.energy.oil": "refineries, oil depots, fuel storage, oil pipelines",
    "infrastructure.energy.gas": "gas production, pipelines, compressor stations, gas storage",
    "infrastructure.transport": "railways, stations, bridges, roads, airports, rolling stock",
    "infrastructure.port": "sea and river ports, terminals, port cranes",
    "infrastructure.water": "water supply and treatment, non-hydro dams, canals",
    "infrastructure.telecom": "telecom, TV and radio towers, internet",
    "civilian": "civilian objects (any kind)",
    "civilian.residential": "houses, apartment blocks, dormitories",
    "civilian.healthcare": "hospitals, clinics, ambulances, maternity wards",
    "civilian.education": "schools, kindergartens, universities",
    "civilian.commercial": "shops, markets, malls, offices, hotels, restaurants",
    "civilian.industrial": "factories and warehouses not in energy or defence",
    "civilian.agriculture": "farms, grain storage, elevators",
    "civilian.cultural": "churches, museums, theatres, monuments",
    "civilian.administrative": "government and municipal buildings",
    "civilian.humanitarian": "aid convoys and hubs, evacuation points, shelters",
    "civilian.vehicle": "civilian cars, buses, trains in service",
    "maritime": "maritime (any kind)",
    "maritime.vessel": "merchant and civilian ships",
    "military": "positions, troops, equipment, airfields, bases",
    "military.industry": "defence industry",
}

TARGET_CODES: tuple[str, ...] = tuple(TARGETS)


def is_target(code: str) -> bool:
    return code in TARGETS


def covers(parent: str, code: str) -> bool:
    """True when `parent` is `code` or one of its ancestors (`infrastructure` covers
    `infrastructure.energy.grid`; `infrastructure.energy` does not cover `infrastructure`)."""
    return code == parent or code.startswith(parent + ".")


def protected_codes(
    protects: list[str] | tuple[str, ...], excludes: list[str] | tuple[str, ...]
) -> frozenset[str]:
    """Every taxonomy code a version protects: covered by some `protects` entry and by
    no `excludes` entry."""
    return frozenset(
        code
        for code in TARGET_CODES
        if any(covers(p, code) for p in protects) and not any(covers(e, code) for e in excludes)
    )
