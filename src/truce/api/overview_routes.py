"""`/api/v1/dashboard/…`: what the served dashboard draws, asked for piece by piece
(viewer role). Counts and pages come from the dashboard's index in SQL
(`truce.web.overview`), so the answer's size follows the screen, not the store."""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import date
from typing import Annotated, Any, TypeVar

from fastapi import APIRouter, Depends, Path, Query, Request
from starlette.concurrency import run_in_threadpool

from truce.api.access import Caller, GuardedRoute, authorize
from truce.domain import Corroboration, Verdict
from truce.errors import BadInput, NotFound
from truce.store import Store
from truce.store.overview import Facets
from truce.web import overview

# `GuardedRoute` as on the main router: the caller is checked before anything else.
router = APIRouter(route_class=GuardedRoute)

AgreementQuery = Annotated[
    str | None,
    Query(
        pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$",
        max_length=100,
        description="The agreement (default: the first stored).",
    ),
]
JSONObject: dict[int | str, dict[str, Any]] = {
    200: {"content": {"application/json": {"schema": {"type": "object"}}}}
}


class FacetQuery:
    """The filters every dashboard route takes, as query parameters."""

    def __init__(
        self,
        version: Annotated[
            str | None,
            Query(
                pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$",
                description="Verdicts under this version (default: the first).",
            ),
        ] = None,
        verdict: Annotated[Verdict | None, Query(description="Only this verdict.")] = None,
        party: Annotated[
            str | None, Query(pattern=r"^([A-Z]{2}|unknown)$", description="Perpetrator.")
        ] = None,
        day_from: Annotated[
            date | None, Query(alias="from", description="From this local day.")
        ] = None,
        day_to: Annotated[date | None, Query(alias="to", description="To this local day.")] = None,
        alignment: Annotated[
            str | None,
            Query(pattern=r"^([A-Z]{2}|media|independent)$", description="Reported by."),
        ] = None,
        min_corroboration: Annotated[
            Corroboration | None, Query(description="Corroborated at least this well.")
        ] = None,
        q: Annotated[
            str | None,
            Query(
                max_length=200,
                pattern=r"^[^\x00-\x1f]*$",
                description="Text in the id, place, region, target, source or text.",
            ),
        ] = None,
        bbox: Annotated[
            str | None,
            Query(
                pattern=r"^-?\d{1,3}(\.\d{1,12})?(,-?\d{1,3}(\.\d{1,12})?){3}$",
                max_length=100,
                description="The map's extent: south,west,north,east in degrees.",
            ),
        ] = None,
        placed: Annotated[
            bool | None,
            Query(description="true: only incidents on the map; false: only those not on it."),
        ] = None,
    ) -> None:
        self.version = version
        box = parse_bbox(bbox) if bbox is not None else None
        self.facets = Facets(
            verdict=list(Verdict).index(verdict) if verdict is not None else None,
            party=party,
            day_from=day_from.isoformat() if day_from else None,
            day_to=day_to.isoformat() if day_to else None,
            alignment=alignment,
            min_corroboration=min_corroboration.rank if min_corroboration else None,
            text=q.strip() or None if q else None,
            box=box,
            placed=placed,
        )

    def resolve(self, store: Store, agreement: str | None) -> tuple[str, Facets]:
        """The agreement's id and the facets with the version's position filled in."""
        agreement_id, _ = overview.agreement_of(store, agreement)
        versions = overview.ensure_index(store, agreement_id)
        position = 0
        if self.version is not None:
            if self.version not in versions:
                raise NotFound(f"agreement '{agreement_id}' has no version '{self.version}'")
            position = versions.index(self.version)
        f = self.facets
        return agreement_id, Facets(
            position, f.verdict, f.party, f.day_from, f.day_to, f.alignment,
            f.min_corroboration, f.text, f.box, f.placed,
        )  # fmt: skip


def parse_bbox(text: str) -> tuple[float, float, float, float]:
    """`south,west,north,east` in degrees, or `BadInput` naming `bbox`: four finite
    numbers, latitudes within ±90 and longitudes within ±180, south ≤ north, west ≤ east.
    The query's pattern refuses most bad text first; this holds without it."""
    parts = text.split(",")
    if len(parts) != 4:
        raise BadInput("four numbers are needed: south,west,north,east", field="bbox")
    try:
        south, west, north, east = (float(v) for v in parts)
    except ValueError:
        raise BadInput("south,west,north,east must be numbers", field="bbox") from None
    if not all(math.isfinite(v) for v in (south, west, north, east)):
        raise BadInput("south,west,north,east must be finite", field="bbox")
    if not (-90 <= south <= north <= 90 and -180 <= west <= east <= 180):
        raise BadInput("south,west,north,east must be within the globe", field="bbox")
    return south, west, north, east


def _store(request: Request) -> Store:
    store: Store = request.app.state.store
    return store


Filters = Annotated[FacetQuery, Depends()]
T = TypeVar("T")


async def _faceted(
    request: Request,
    filters: FacetQuery,
    agreement: str | None,
    answer: Callable[[Store, str, Facets], T],
) -> T:
    """`answer` for the request's agreement and facets, off the event loop (the index
    may be brought up to date first, which reads and writes the database)."""

    def work() -> T:
        store = _store(request)
        agreement_id, facets = filters.resolve(store, agreement)
        return answer(store, agreement_id, facets)

    return await run_in_threadpool(work)


@router.get(
    "/dashboard/summary",
    response_model=None,
    responses=JSONObject,
    summary="The dashboard's frame: versions, codes, counts, accounts, commitments.",
)
async def get_summary(
    request: Request,
    caller: Annotated[Caller, Depends(authorize)],
    agreement: AgreementQuery = None,
) -> dict[str, Any]:
    """`incidents` and `placed` are counts; the incidents themselves come page by page
    from `/dashboard/incidents` and as map cells from `/dashboard/map`."""
    return await run_in_threadpool(overview.summary, _store(request), agreement)


@router.get(
    "/dashboard/compliance",
    response_model=None,
    responses=JSONObject,
    summary="Verdict counts per version and perpetrator, filtered.",
)
async def get_compliance(
    request: Request,
    caller: Annotated[Caller, Depends(authorize)],
    filters: Filters,
    agreement: AgreementQuery = None,
) -> dict[str, Any]:
    """`rows`: `[version position, perpetrator, verdict position, count]` for every
    version (the `version` and `verdict` filters do not apply here)."""
    return {"rows": await _faceted(request, filters, agreement, overview.compliance)}


@router.get(
    "/dashboard/timeline",
    response_model=None,
    responses=JSONObject,
    summary="Incidents per local day, perpetrator and verdict under one version, filtered.",
)
async def get_timeline(
    request: Request,
    caller: Annotated[Caller, Depends(authorize)],
    filters: Filters,
    agreement: AgreementQuery = None,
) -> dict[str, Any]:
    """`rows`: `[day or null, perpetrator, verdict position, count]`."""
    return {"rows": await _faceted(request, filters, agreement, overview.timeline)}


@router.get(
    "/dashboard/incidents",
    response_model=None,
    responses=JSONObject,
    summary="One page of incidents with their verdict under one version, filtered.",
)
async def get_incident_page(
    request: Request,
    caller: Annotated[Caller, Depends(authorize)],
    filters: Filters,
    agreement: AgreementQuery = None,
    limit: Annotated[int, Query(ge=1, le=500, description="Items per page (at most 500).")] = 50,
    offset: Annotated[int, Query(ge=0, le=10**9, description="Items to skip.")] = 0,
) -> dict[str, Any]:
    """`{"total", "offset", "limit", "items": [{"id", "day", "occurred_at", "place",
    "perpetrator", "target", "verdict", "reason", "map_precision"}]}`, in the order the
    incidents occurred; `map_precision` null means not on the map."""

    def page(store: Store, agreement_id: str, facets: Facets) -> dict[str, Any]:
        return overview.incident_page(store, agreement_id, facets, limit=limit, offset=offset)

    return await _faceted(request, filters, agreement, page)


@router.get(
    "/dashboard/map",
    response_model=None,
    responses=JSONObject,
    summary="The map's markers for an extent and zoom: one per cell, with counts.",
)
async def get_map(
    request: Request,
    caller: Annotated[Caller, Depends(authorize)],
    filters: Filters,
    agreement: AgreementQuery = None,
    zoom: Annotated[int, Query(ge=0, le=20, description="The map's zoom level.")] = 5,
) -> dict[str, Any]:
    """`cells`: `{"lat", "lon", "count", "verdicts": [per verdict], "incident" (the id
    when the cell holds one), "precision", "box": [south, west, north, east]}`."""

    def cells(store: Store, agreement_id: str, facets: Facets) -> list[dict[str, Any]]:
        return overview.map_cells(store, agreement_id, facets, zoom)

    return {"cells": await _faceted(request, filters, agreement, cells)}


@router.get(
    "/dashboard/incidents/{incident_id}",
    response_model=None,
    responses=JSONObject,
    summary="One incident as the incident panel shows it, with every version's ruling.",
)
async def get_incident_detail(
    request: Request,
    caller: Annotated[Caller, Depends(authorize)],
    incident_id: Annotated[str, Path(pattern=r"^[^\x00-\x1f]{1,200}$")],
    agreement: AgreementQuery = None,
) -> dict[str, Any]:
    """`row` (values under the `columns` of `GET /dashboard`), `rulings` (reason
    positions per version), `explanations` and `reports`."""

    def work() -> dict[str, Any]:
        store = _store(request)
        agreement_id, _ = overview.agreement_of(store, agreement)
        return overview.incident_detail(store, agreement_id, incident_id)

    return await run_in_threadpool(work)
