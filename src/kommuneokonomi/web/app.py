"""The web application: REST API (/api, OpenAPI at /openapi.json) and the Danish web UI, on one store."""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import AsyncIterator, Mapping
from contextlib import asynccontextmanager
from importlib import resources
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from sqlalchemy.exc import IntegrityError, SQLAlchemyError
from starlette.exceptions import HTTPException

from kommuneokonomi import __version__
from kommuneokonomi.documents import DocumentError
from kommuneokonomi.knowledge.corpus import NoTextsError
from kommuneokonomi.parameters import ParameterError
from kommuneokonomi.rules.kommuner import MunicipalDataError
from kommuneokonomi.rules.params import RuleError
from kommuneokonomi.store import Store
from kommuneokonomi.web import api, docs, explain, pages
from kommuneokonomi.web.auth import WriteAccess
from kommuneokonomi.web.state import AppState, StoreUnavailable, store_label
from kommuneokonomi.web.uploads import BodyLimit
from kommuneokonomi.web.work import Ingester

STATIC = Path(str(resources.files("kommuneokonomi.web"))) / "static"
log = logging.getLogger("kommuneokonomi.web")


def create_app(db: str | None = None, write_access: WriteAccess | None = None) -> FastAPI:
    """The app on the store `db`; writes as `write_access` allows (default: from the environment, which
    `kommuneokonomi serve` sets)."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        # build the knowledge index in the background, so the first search does not wait for all of it
        threading.Thread(target=_warm, args=(app.state.kommuneokonomi,), daemon=True).start()
        yield
        app.state.ingester.close()

    app = FastAPI(
        lifespan=lifespan,
        title="kommuneokonomi",
        version=__version__,
        description="Økonomiaftalerne mellem Regeringen og KL som data, regler og tekst: nøgletal med "
        "kilder, regler med spor, søgning og aftalepunkter.",
        docs_url=None,  # served by web/docs.py from the package's static files, not from a CDN
        redoc_url=None,
    )
    app.state.kommuneokonomi = AppState(Store(db))
    app.state.write_access = write_access or WriteAccess.from_env()
    app.state.ingester = Ingester()
    app.add_middleware(BodyLimit)
    app.include_router(api.router)
    app.include_router(pages.router)
    app.include_router(docs.router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    def error(request: Request, status: int, message: str, headers: Mapping[str, str] | None = None):
        if request.url.path.startswith("/api") or "text/html" not in request.headers.get("accept", ""):
            return JSONResponse({"fejl": message}, status_code=status, headers=headers)
        response = pages.error_page(request, status, message)
        response.headers.update(headers or {})
        return response

    @app.exception_handler(HTTPException)  # Starlette's base class: also 404 for unknown paths and 405
    async def http_error(request: Request, exc: HTTPException):
        return error(request, exc.status_code, str(exc.detail), exc.headers)

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError):
        return error(request, 422, explain.validation_message(exc.errors()))

    def unavailable(request: Request, exc: Exception):
        """503 naming the store as visitors may see it (a SQLite file by its name, not its server path); the
        cause goes to the log only, never SQL to the visitor."""
        label = store_label(app.state.kommuneokonomi.store)
        message = f"databasen {label} kan ikke bruges lige nu; prøv igen om lidt"
        log.error("%s (%s: %s)", message, type(exc).__name__, exc)
        return error(request, 503, message)

    @app.exception_handler(StoreUnavailable)
    async def store_unavailable(request: Request, exc: StoreUnavailable):
        return unavailable(request, exc)

    @app.exception_handler(SQLAlchemyError)
    async def store_error(request: Request, exc: SQLAlchemyError):
        """A store that fails under a request (down, corrupt, removed): 503 naming it, no SQL shown."""
        if isinstance(exc, IntegrityError):
            log.error("IntegrityError: %s", exc)
            return error(request, 500, "databasen afviste skrivningen; prøv igen")
        return unavailable(request, exc)

    for kind, status in (
        (RuleError, 422),
        (MunicipalDataError, 422),
        (DocumentError, 422),
        (ParameterError, 500),
        (NoTextsError, 404),
    ):
        app.add_exception_handler(kind, _handler(error, status))
    return app


def _warm(state: AppState) -> None:
    with contextlib.suppress(StoreUnavailable, NoTextsError):
        state.knowledge()


def _handler(error, status: int):
    async def handle(request: Request, exc: Exception):
        if status >= 500:
            log.error("%s: %s", type(exc).__name__, exc)
        return error(request, status, str(exc))

    return handle
