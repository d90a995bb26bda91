"""`truce serve`: the REST API and the dashboard on uvicorn."""

from __future__ import annotations

from typing import Annotated

import typer

from truce.cli.app import DbOption


def serve_command(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=0, max=65535, help="Port to listen on.")] = 8000,
    public: Annotated[
        bool,
        typer.Option("--public", help="Let anyone read without a token (writes still need one)."),
    ] = False,
    cors_origin: Annotated[
        list[str] | None,
        typer.Option(
            "--cors-origin",
            help="Allow browsers from this origin (repeatable); CORS is off otherwise.",
        ),
    ] = None,
    max_body: Annotated[
        int, typer.Option(min=1, help="Largest request body in bytes; larger ones get 413.")
    ] = 1024 * 1024,
    access_log: Annotated[
        bool,
        typer.Option("--access-log/--no-access-log", help="Log each request (never its token)."),
    ] = True,
    request_timeout: Annotated[
        float,
        typer.Option(
            "--request-timeout",
            min=0.1,
            help="Seconds a request may take to arrive whole (head and body); slower ones"
            " get 408 and are disconnected.",
        ),
    ] = 30.0,
    db: DbOption = None,
) -> None:
    """Serve the REST API under /api/v1 (OpenAPI at /api/v1/openapi.json) and the
    dashboard at / (it asks for a token unless --public).

    A report is acknowledged (2xx) only after it is committed. Tokens come from
    [bold]truce users add[/].

    Example: [bold]truce serve --port 8000 --db sqlite:///truce.db[/]
    """
    from truce.api import Settings, serve

    settings = Settings(
        db=db,
        public=public,
        cors_origins=tuple(cors_origin or ()),
        max_body=max_body,
        writer_process=True,
    )
    serve(settings, host=host, port=port, access_log=access_log, request_timeout=request_timeout)
