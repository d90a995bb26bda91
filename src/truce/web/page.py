"""The served dashboard's page: the same template as the offline file, with its
scripts and styles linked from `/static/` and its data fetched from the API."""

from __future__ import annotations

from functools import cache

from truce.web.report import env

# The served page may talk to its own origin only (the API and /static/).
SERVED_CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:;"
    " connect-src 'self'; base-uri 'none'; form-action 'none'"
)


@cache
def dashboard_page() -> str:
    """The page at `/` of `truce serve`. It holds no data, so it needs no token; the
    data route under /api/v1 asks for one unless the server runs with --public."""
    return env.get_template("dashboard.html.j2").render(
        offline=False, csp=SERVED_CSP, title="truce dashboard", truce_version=None
    )
