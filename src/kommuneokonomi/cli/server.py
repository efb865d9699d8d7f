"""`kommuneokonomi serve`: the REST API and the web interface (uvicorn, imported when the server starts)."""

from __future__ import annotations

import os
from typing import Annotated

import typer

from kommuneokonomi.cli.common import DbOption, app, err, open_store


def register() -> None:
    app.command()(serve)


def serve(
    host: Annotated[str, typer.Option("--host", help="adressen serveren lytter på")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=1, max=65535)] = 8000,
    db: DbOption = None,
    workers: Annotated[int, typer.Option("--workers", min=1, max=16, help="processer")] = 1,
) -> None:
    """Start REST API'et og web-brugerfladen (127.0.0.1 medmindre andet angives)."""
    import uvicorn

    from kommuneokonomi.store import ENV_VAR

    store = open_store(db)  # fail early, with a clear message, on a bad database
    os.environ[ENV_VAR] = store.url
    err.print(
        f"kommuneokonomi på http://{host}:{port} (database {store.url.split('@')[-1]})", highlight=False
    )
    uvicorn.run(
        "kommuneokonomi.web.app:create_app",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_level="warning",
    )
