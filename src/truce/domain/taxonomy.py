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
    "infrastructure.energy.oil.production": "oil wells and fields, oil production sites",
    "infrastructure.energy.oil.refining": "oil refineries",
    "infrastructure.energy.oil.pipeline": "oil pipelines, pumping and transshipment stations",
    "infrastructure.energy.oil.storage": "oil depots, tank farms, fuel storage",
    "infrastructure.energy.gas": "gas production, pipelines, compressor stations, gas storage",
    "infrastructure.energy.gas.production": "gas and condensate fields, wells, gas processing",
    "infrastructure.energy.gas.pipeline": "gas pipelines, compressor, metering and distribution"
    " stations",
    "infrastructure.energy.gas.storage": "underground gas storage, gas holders",
    "infrastructure.energy.coal": "coal mines and coal processing",
    "infrastructure.energy.heating": "heat-only boiler houses and district heating networks",
    "infrastructure.energy.equipment": "energy machine-building: factories of energy equipment",
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


def _listed(
    code: str, protects: list[str] | tuple[str, ...], excludes: list[str] | tuple[str, ...]
) -> bool:
    """Whether a version's lists name `code`: under some `protects` entry, under no
    `excludes` entry."""
    return any(covers(p, code) for p in protects) and not any(covers(e, code) for e in excludes)


def protected_codes(
    protects: list[str] | tuple[str, ...], excludes: list[str] | tuple[str, ...]
) -> frozenset[str]:
    """Every taxonomy code a version protects whatever the target turns out to be: the
    code and every code under it are listed (`infrastructure.energy.oil` is protected by a
    list that names refineries, oil pipelines, oil storage and oil production alike)."""
    return frozenset(
        code
        for code in TARGET_CODES
        if all(_listed(c, protects, excludes) for c in TARGET_CODES if covers(code, c))
    )


def unsettled_codes(
    protects: list[str] | tuple[str, ...], excludes: list[str] | tuple[str, ...]
) -> frozenset[str]:
    """Codes a version's lists do not settle: the code covers some codes the version
    protects and some it does not, so whether it is protected depends on which kind of
    facility was struck. A list that protects refineries and oil pipelines but not oil
    production cannot say whether "an oil facility" was protected; the rules rule such a
    target undetermined (`missing_target`) rather than guess."""
    protected = protected_codes(protects, excludes)
    return frozenset(
        code
        for code in TARGET_CODES
        if code not in protected
        and any(_listed(c, protects, excludes) for c in TARGET_CODES if covers(code, c))
    )
