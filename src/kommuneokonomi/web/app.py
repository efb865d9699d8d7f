"""The web application: REST API (/api, OpenAPI at /openapi.json) and the Danish web UI, on one store."""

from __future__ import annotations

import logging
from importlib import resources
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException

from kommuneokonomi import __version__
from kommuneokonomi.documents import DocumentError
from kommuneokonomi.knowledge.corpus import NoTextsError
from kommuneokonomi.parameters import ParameterError
from kommuneokonomi.rules.kommuner import MunicipalDataError
from kommuneokonomi.rules.params import RuleError
from kommuneokonomi.store import Store
from kommuneokonomi.web import api, docs, explain, pages
from kommuneokonomi.web.state import AppState

STATIC = Path(str(resources.files("kommuneokonomi.web"))) / "static"
log = logging.getLogger("kommuneokonomi.web")


def create_app(db: str | None = None) -> FastAPI:
    app = FastAPI(
        title="kommuneokonomi",
        version=__version__,
        description="Økonomiaftalerne mellem Regeringen og KL som data, regler og tekst: nøgletal med "
        "kilder, regler med spor, søgning og aftalepunkter.",
        docs_url=None,  # served by web/docs.py from the package's static files, not from a CDN
        redoc_url=None,
    )
    app.state.kommuneokonomi = AppState(Store(db))
    app.include_router(api.router)
    app.include_router(pages.router)
    app.include_router(docs.router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    def error(request: Request, status: int, message: str):
        if request.url.path.startswith("/api") or "text/html" not in request.headers.get("accept", ""):
            return JSONResponse({"fejl": message}, status_code=status)
        return pages.error_page(request, status, message)

    @app.exception_handler(HTTPException)  # Starlette's base class: also 404 for unknown paths and 405
    async def http_error(request: Request, exc: HTTPException):
        return error(request, exc.status_code, str(exc.detail))

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError):
        return error(request, 422, explain.validation_message(exc.errors()))

    for kind, status in (
        (RuleError, 422),
        (MunicipalDataError, 422),
        (DocumentError, 422),
        (ParameterError, 500),
        (NoTextsError, 404),
    ):
        app.add_exception_handler(kind, _handler(error, status))
    return app


def _handler(error, status: int):
    async def handle(request: Request, exc: Exception):
        if status >= 500:
            log.error("%s: %s", type(exc).__name__, exc)
        return error(request, status, str(exc))

    return handle
