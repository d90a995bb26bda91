"""The dashboard's static files, shipped in `truce/web/static/`, and the hashes that let
a strict Content-Security-Policy admit them when they are inlined into one file."""

from __future__ import annotations

import base64
import hashlib
from functools import cache
from importlib.resources import files

STATIC = files("truce.web").joinpath("static")

# What `truce serve` hands out under /static/ (nothing else in the folder is served).
SERVED = {
    "dashboard.js": "text/javascript; charset=utf-8",
    "dashboard.css": "text/css; charset=utf-8",
    "leaflet.js": "text/javascript; charset=utf-8",
    "leaflet.css": "text/css; charset=utf-8",
    "supercluster.js": "text/javascript; charset=utf-8",
    "LICENSE-supercluster": "text/plain; charset=utf-8",
    "outlines.json": "application/json",
    "LICENSE-leaflet": "text/plain; charset=utf-8",
    "LICENSE-world-atlas": "text/plain; charset=utf-8",
}


@cache
def asset_text(name: str) -> str:
    """One static file's text (read once per process)."""
    return STATIC.joinpath(name).read_text("utf-8")


def csp_hash(text: str) -> str:
    """The CSP source expression that admits an inline script or style with this text."""
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"
