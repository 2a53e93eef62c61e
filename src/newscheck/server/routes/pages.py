"""The web page (``/``, ``/static/...``) and the API's ``/docs`` page, served offline."""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

from fastapi import APIRouter, FastAPI, HTTPException
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import FileResponse, HTMLResponse, Response
from fastapi.staticfiles import StaticFiles

from ..openapi import swagger_assets

STATIC = Path(__file__).resolve().parent.parent / "static"


def inline_hashes(html: str, tag: str) -> str:
    """The CSP source list allowing exactly the inline ``<tag>`` blocks of ``html``."""
    blocks = re.findall(rf"<{tag}>(.*?)</{tag}>", html, flags=re.DOTALL)
    return " ".join(
        "'sha256-" + base64.b64encode(hashlib.sha256(b.encode("utf-8")).digest()).decode() + "'"
        for b in blocks
    )


def pages_router(openapi_url: str) -> APIRouter:
    """The ``/docs`` page (describing ``openapi_url``) and the web page's ``/``."""
    router = APIRouter(include_in_schema=False)

    @router.get("/docs")
    def docs() -> HTMLResponse:
        # Swagger UI's files ship inside the fastapi-offline package and are served from
        # here: the page works on a machine with no internet, and loads nothing from
        # elsewhere. It starts with one inline script, allowed by its hash.
        page = get_swagger_ui_html(
            openapi_url=openapi_url,
            title="newscheck API",
            swagger_js_url="/docs-static/swagger-ui-bundle.js",
            swagger_css_url="/docs-static/swagger-ui.css",
            swagger_favicon_url="/static/favicon.svg",
        )
        html = page.body.decode("utf-8")
        page.headers["Content-Security-Policy"] = (
            f"default-src 'self'; script-src 'self' {inline_hashes(html, 'script')}; "
            "style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; "
            "base-uri 'none'; frame-ancestors 'none'"
        )
        return page

    @router.get("/")
    def index() -> Response:
        page = STATIC / "index.html"
        if not page.is_file():
            raise HTTPException(404, "the web page is not installed (server/static/index.html)")
        return FileResponse(page, media_type="text/html; charset=utf-8")

    return router


def mount_files(app: FastAPI) -> None:
    """Serve the web page's files under ``/static`` and Swagger UI's under ``/docs-static``
    (mounts, which a router cannot carry)."""
    app.mount("/static", StaticFiles(directory=STATIC, check_dir=False), name="static")
    app.mount("/docs-static", StaticFiles(directory=swagger_assets()), name="docs-static")
