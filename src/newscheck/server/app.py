"""The HTTP API and the web page's files (see ``docs/api.md`` for the reference).

Routes::

    GET    /healthz                                 store and model status
    POST   /api/analyses                            queue an analysis (JSON or multipart)
    GET    /api/analyses?limit=&offset=             analyses, newest first
    GET    /api/analyses/{id}                       one analysis, with its report when done
    DELETE /api/analyses/{id}                       delete an analysis (not while it runs)
    GET    /api/analyses/{id}/report.{json,md,html} the report as the CLI renders it
    GET    /api/articles/{article_id}               an article's cleaned text
    GET    /, /static/...                           the web page (``server/static``)
    GET    /docs, /openapi.json                     the OpenAPI description

Every response carries a Content-Security-Policy that allows only the server's own
scripts and styles, ``nosniff`` and ``no-referrer``. A request body larger than
``web.max_upload_bytes`` is refused with 413 whether it declares its length or not.

This module assembles the application: the runner, the error answers, the routers and the
middleware. Where the rest lives: :mod:`.routes` holds the routes, one router per concern,
:mod:`.uploads` reads a posted body (the body-size guard, the 413 and 422 rules),
:mod:`.openapi` describes the API, :mod:`.schemas` holds the documented models, :mod:`.jobs`
runs the analyses and :mod:`.fetch` fetches posted URLs.
"""

from __future__ import annotations

import contextlib
from typing import Any

import httpx
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.routing import BaseRoute, Match, Route

from .. import __version__
from ..context import Context
from ..settings import Settings
from .fetch import Resolver, fetch_documents
from .jobs import Runner
from .openapi import DESCRIPTION, TAGS, describe
from .routes.analyses import analyses_router
from .routes.articles import articles_router
from .routes.health import health_router
from .routes.pages import mount_files, pages_router
from .uploads import Guard, Unusable, error_response

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
)
SECURITY_HEADERS = (
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
)


def build_app(
    *,
    store: Any,
    settings: Settings,
    ctx: Context | None = None,
    allow_private_urls: bool = False,
    transport: httpx.BaseTransport | None = None,
    resolver: Resolver | None = None,
) -> FastAPI:
    """The FastAPI application (see :func:`newscheck.server.create_app`)."""
    runner = Runner(
        store,
        settings,
        ctx=ctx,
        fetch=lambda urls: fetch_documents(
            urls,
            settings,
            allow_private=allow_private_urls,
            transport=transport,
            resolver=resolver,
        ),
    )

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI):
        runner.start()
        try:
            yield
        finally:
            runner.close()

    app = FastAPI(
        title="newscheck",
        summary="Cross-check news reports: stories, claims, conflicts, quotes and sources.",
        description=DESCRIPTION,
        version=__version__,
        openapi_tags=TAGS,
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.store = store
    app.state.runner = runner
    app.state.settings = settings

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            app.openapi_schema = describe(app)
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
    routers = (
        health_router(store, runner),
        analyses_router(store, runner, settings),
        articles_router(store),
        pages_router(app.openapi_url or ""),
    )
    for router in routers:
        app.include_router(router)
    _add_error_answers(app, [route for router in routers for route in router.routes])
    mount_files(app)
    app.add_middleware(Guard, max_body=settings.web.max_upload_bytes, headers=SECURITY_HEADERS)
    return app


def _add_error_answers(app: FastAPI, routes: list[BaseRoute]) -> None:
    """Every refusal as the API's one error body (``{"detail", "errors"}``); a 405 names
    the methods ``routes`` take on the path."""

    @app.exception_handler(Unusable)
    async def unusable(request: Request, exc: Unusable) -> JSONResponse:
        return error_response(exc.status, exc.detail, exc.errors)

    @app.exception_handler(405)
    async def not_allowed(request: Request, exc: Exception) -> JSONResponse:
        # Starlette's Allow names the methods of the first route on the path only; one path
        # here may have several routes (GET and POST /api/analyses): name them all.
        methods = {
            method
            for route in routes
            if isinstance(route, Route) and route.matches(request.scope)[0] is not Match.NONE
            for method in route.methods or ()
        }
        response = error_response(405, f"method {request.method} not allowed here")
        response.headers["Allow"] = ", ".join(sorted(methods))
        return response

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        # The same error body as every other refusal, one entry per bad parameter.
        errors = [
            {"input": ".".join(str(p) for p in e.get("loc", ()) if p != "query") or "request",
             "reason": str(e.get("msg", "invalid"))}
            for e in exc.errors()
        ]  # fmt: skip
        detail = "; ".join(f"{e['input']}: {e['reason']}" for e in errors)
        return error_response(422, f"invalid parameters: {detail}", errors)
