"""The application factory: one store, one report writer, the routes, the error
handlers, and nothing the deployment did not ask for (no CORS unless configured)."""

from __future__ import annotations

import sys
import threading
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa
from fastapi import Depends, FastAPI
from fastapi.middleware.cors import CORSMiddleware

from truce import __version__
from truce.api.access import PREFIX, Tokens, authorize
from truce.api.errors import BodyLimit, ErrorBody, install_error_handlers
from truce.api.extraction import Extractions
from truce.api.http import MAX_HEAD, REQUEST_TIMEOUT, GuardedHttp
from truce.api.intake import ReportWriter, find_extractor
from truce.api.pages import mount_dashboard
from truce.api.routes import router
from truce.errors import TruceError
from truce.store import Store
from truce.web import overview

MIB = 1024 * 1024


@dataclass(frozen=True)
class Settings:
    """How `truce serve` runs: the database, whether anyone may read without a token,
    the origins allowed by CORS (none: CORS stays off), the largest request body, and
    where reports are written."""

    db: str | None = None
    public: bool = False
    cors_origins: Sequence[str] = field(default_factory=tuple)
    max_body: int = MIB
    # Store reports in a writer process (`truce serve`), not a thread of this one.
    writer_process: bool = False


def _full_sync(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.close()


def durable_store(url: str | None) -> Store:
    """The API acknowledges a report only after its commit reached the disk: on SQLite
    that is WAL with synchronous=FULL (the CLI's default, NORMAL, survives a killed
    process but not a power cut)."""
    store = Store(url)
    if store.engine.dialect.name == "sqlite":
        sa.event.listen(store.engine, "connect", _full_sync)
        store.engine.dispose()  # connections opened while migrating had the old setting
    return store


def _warm(store: Store) -> None:
    """Build the dashboard's indexes while the server already answers: a store filled
    from the command line would otherwise make its first reader wait for one ruling of
    every incident. A failure here is only a cost moved to that first reader."""
    try:
        overview.warm(store)
    except (TruceError, sa.exc.SQLAlchemyError) as error:
        print(f"truce serve: the dashboard's index was not built ahead: {error}", file=sys.stderr)


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or Settings()
    store = durable_store(settings.db)
    writer = ReportWriter(store, process=settings.writer_process)
    extractor = find_extractor()
    extractions = (
        None if extractor is None else Extractions(extractor, process=settings.writer_process)
    )

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        writer.start()
        threading.Thread(target=_warm, args=(store,), name="truce-warm", daemon=True).start()
        if extractions is not None:
            extractions.start()
        try:
            yield
        finally:
            if extractions is not None:
                extractions.stop()
            writer.stop()
            store.close()

    app = FastAPI(
        title="truce",
        version=__version__,
        description=(
            "Ceasefire monitoring and verification. Bearer tokens from"
            " `truce users add`; roles viewer < monitor < analyst < admin."
        ),
        openapi_url=f"{PREFIX}/openapi.json",
        # No Swagger UI: it would be 1.5 MB of vendored script for a page that the
        # OpenAPI document above already serves to any client (docs/dashboard.md).
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
        responses={
            code: {"model": ErrorBody, "description": text}
            for code, text in (
                (400, "A request that cannot be read as one"),
                (401, "No or unknown token"),
                (403, "Role too low"),
                (404, "No such object (an id, agreement or version not stored)"),
                (408, "The request did not arrive whole in time (`truce serve --request-timeout`)"),
                (409, "The id is taken: stored with other content, or by another object"),
                (413, "The body is over the size limit (`truce serve --max-body`)"),
                (422, "Invalid input; `field` names it"),
                (503, "The database cannot be written or reached"),
            )
        },
    )
    app.state.store = store
    app.state.writer = writer
    app.state.tokens = Tokens(store)
    app.state.public = settings.public
    app.state.extractor = extractor
    app.state.extractions = extractions
    app.include_router(router, prefix=PREFIX, dependencies=[Depends(authorize)])
    mount_dashboard(app)
    install_error_handlers(app)
    if settings.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=list(settings.cors_origins),
            allow_methods=["GET", "POST", "PUT", "DELETE"],
            allow_headers=["Authorization", "Content-Type"],
        )
    app.add_middleware(BodyLimit, limit=settings.max_body)
    return app


def serve(
    settings: Settings,
    *,
    host: str,
    port: int,
    access_log: bool = True,
    request_timeout: float = REQUEST_TIMEOUT,
) -> None:
    """Run the API on uvicorn until interrupted. A request must arrive whole within
    `request_timeout` seconds (`GuardedHttp`); idle keep-alive connections close after
    5 s; at most 1,000 connections are served at once (more get 503)."""
    import uvicorn

    # The report writer thread and the event loop share the GIL; handing it over every
    # 0.5 ms instead of 5 ms keeps a commit from holding up requests already parsed.
    sys.setswitchinterval(0.0005)
    app = create_app(settings)
    protocol = type("Http", (GuardedHttp,), {"request_timeout": request_timeout})
    uvicorn.run(
        app,
        host=host,
        port=port,
        access_log=access_log,
        log_level="info",
        http=protocol,
        timeout_keep_alive=5,
        limit_concurrency=1000,
        h11_max_incomplete_event_size=MAX_HEAD,
    )
