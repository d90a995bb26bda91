"""The dashboard's page and static files on `truce serve`: `/` and `/static/{name}`.

They hold no data, so they are served to anyone (the data comes from
`GET /api/v1/dashboard`, which asks for a token unless the server runs with --public).
They are plain Starlette routes, outside the API router and its access rules.
"""

from __future__ import annotations

from fastapi import FastAPI
from starlette.requests import Request
from starlette.responses import HTMLResponse, PlainTextResponse, Response
from starlette.routing import Route

from truce.web import SERVED_CSP, dashboard_page
from truce.web.assets import SERVED, asset_text

_HEADERS = {"Content-Security-Policy": SERVED_CSP, "X-Content-Type-Options": "nosniff"}


async def _page(request: Request) -> Response:
    return HTMLResponse(dashboard_page(), headers={**_HEADERS, "Cache-Control": "no-cache"})


async def _static(request: Request) -> Response:
    name = request.path_params["name"]
    if name not in SERVED:
        return PlainTextResponse("not found", status_code=404)
    return Response(
        asset_text(name),
        media_type=SERVED[name],
        headers={**_HEADERS, "Cache-Control": "public, max-age=3600"},
    )


def mount_dashboard(app: FastAPI) -> None:
    """Add the dashboard's page and files to the app."""
    app.router.routes.append(Route("/", _page, methods=["GET"], include_in_schema=False))
    app.router.routes.append(
        Route("/static/{name}", _static, methods=["GET"], include_in_schema=False)
    )
