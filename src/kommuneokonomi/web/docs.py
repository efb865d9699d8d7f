"""The API reference at /docs: Swagger UI from the package's own static files (static/vendor), so it works
offline and tells no other host which API is being read (the online validator badge is off)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse

router = APIRouter(include_in_schema=False)


@router.get("/docs", response_class=HTMLResponse)
def swagger_ui(request: Request) -> HTMLResponse:
    page = get_swagger_ui_html(
        openapi_url=request.app.openapi_url,
        title=f"{request.app.title} · API",
        swagger_js_url="/static/vendor/swagger-ui-bundle.js",
        swagger_css_url="/static/vendor/swagger-ui.css",
        swagger_favicon_url="/static/favicon.svg",
        swagger_ui_parameters={"validatorUrl": None},
    )
    # its language, and a small stylesheet of ours after Swagger UI's (the title wraps on a phone)
    html = bytes(page.body).decode().replace("<html>", '<html lang="en">', 1)
    html = html.replace("</head>", '<link rel="stylesheet" href="/static/docs.css">\n</head>', 1)
    return HTMLResponse(html)
