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

Where the rest lives: :mod:`.uploads` reads a posted body (the body-size guard, the 413 and
422 rules), :mod:`.openapi` describes the API, :mod:`.schemas` holds the documented models,
:mod:`.jobs` runs the analyses and :mod:`.fetch` fetches posted URLs.
"""

from __future__ import annotations

import base64
import contextlib
import dataclasses
import hashlib
import re
from pathlib import Path
from typing import Any

import httpx
from fastapi import FastAPI, HTTPException, Query, Request
from fastapi import Path as PathParam
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.concurrency import run_in_threadpool
from starlette.routing import Match, Route

from .. import __version__
from ..context import Context
from ..model import AnalysisRecord
from ..settings import Settings
from ..store import AnalysisBusy
from .fetch import Resolver, fetch_documents
from .jobs import Job, Runner
from .openapi import DESCRIPTION, POST_BODY, TAGS, describe, fail, swagger_assets
from .schemas import Accepted, Analysis, ArticleText, Health, RecordPage
from .uploads import Guard, Unusable, check_counts, error_response, read_form, read_json

STATIC = Path(__file__).resolve().parent / "static"

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
)
SECURITY_HEADERS = (
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
)
# Where each report format comes from, its media type and its file extension.
REPORT_FORMATS = {
    "json": ("json", "application/json"),
    "md": ("markdown", "text/markdown; charset=utf-8"),
    "html": ("html", "text/html; charset=utf-8"),
}
MAX_OFFSET = 2**63 - 1
"""The largest ``offset`` SQLite and PostgreSQL take (a 64-bit integer); more is 422."""


# --------------------------------------------------------------------------- responses


def _record(record: AnalysisRecord) -> dict[str, Any]:
    out = dataclasses.asdict(record)
    out["url"] = f"/api/analyses/{record.id}"
    return out


def _not_found(what: str, key: str) -> HTTPException:
    return HTTPException(404, f"no {what} with id '{key[:100]}'")


def _inline_hashes(html: str, tag: str) -> str:
    """The CSP source list allowing exactly the inline ``<tag>`` blocks of ``html``."""
    blocks = re.findall(rf"<{tag}>(.*?)</{tag}>", html, flags=re.DOTALL)
    return " ".join(
        "'sha256-" + base64.b64encode(hashlib.sha256(b.encode("utf-8")).digest()).decode() + "'"
        for b in blocks
    )


def _safe_id(value: str) -> str:
    return re.sub(r"[^A-Za-z0-9_-]", "_", value)[:64]


# --------------------------------------------------------------------------- the app


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
    web = settings.web
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

    @app.exception_handler(Unusable)
    async def unusable(request: Request, exc: Unusable) -> JSONResponse:
        return error_response(exc.status, exc.detail, exc.errors)

    @app.exception_handler(405)
    async def not_allowed(request: Request, exc: Exception) -> JSONResponse:
        # Starlette's Allow names the methods of the first route on the path only; one path
        # here may have several routes (GET and POST /api/analyses): name them all.
        methods = {
            method
            for route in app.router.routes
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

    @app.get(
        "/healthz",
        tags=["status"],
        summary="Server status",
        responses={200: {"model": Health, "description": "The server is up."}},
    )
    def healthz() -> dict[str, Any]:
        """The store the server writes to (password masked) and whether the models are loaded.

        `models` is `loading` for the first seconds after the start (analyses posted then
        wait for them), `loaded`, or `failed` with `models_error` saying why.
        """
        out: dict[str, Any] = {
            "status": "ok",
            "store": store.url,
            "schema_version": store.schema_version(),
            "models": runner.models,
        }
        if runner.models_error:
            out["models_error"] = runner.models_error
        return out

    @app.post(
        "/api/analyses",
        status_code=202,
        tags=["analyses"],
        summary="Queue an analysis",
        response_class=JSONResponse,
        responses={
            202: {"model": Accepted, "description": "Queued: poll `url`."},
            413: fail(
                "Too large: the body is over `web.max_upload_bytes` (declared or chunked), "
                "or more than `web.max_files` reports or `web.max_urls` URLs."
            ),
            415: fail("The body is neither JSON nor form data."),
            422: fail(
                "Unusable: malformed JSON or form, wrong types, an unknown field, a URL that "
                "is not http/https, or nothing to analyse (`errors` names each input)."
            ),
        },
        openapi_extra={"requestBody": POST_BODY},
    )
    async def post_analysis(request: Request) -> JSONResponse:
        """Queue an analysis of posted articles, uploaded files, pasted texts and URLs.

        Answers 202 at once with the analysis id; the analysis runs in the background
        (`web.workers` at a time, the others wait in order). Poll `GET /api/analyses/{id}`.

        - **JSON**: a list of article objects (only `text` is needed), or an object with
          `articles`, `urls` and `label`. Articles are read as a `.json` file given to
          `newscheck analyze` (`input` in the report: `posted.json#1`...).
        - **Form** (multipart, or URL-encoded without files): `files` (any number: txt, md,
          html, json, jsonl, RSS/Atom), `texts` (any number of pasted reports), `urls` (one
          field, one URL per line), `label`.

        URLs (pages or RSS/Atom feeds) are fetched when the analysis runs, never from
        loopback or private addresses (unless the server was started with
        `--allow-private-urls`), at most `web.fetch_max_bytes` bytes and
        `web.max_redirects` redirects each. A batch with some unreadable files is accepted:
        they are listed in `skipped`, never dropped silently.
        """
        kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
        if kind == "application/json":
            body = await request.body()
            inputs = await run_in_threadpool(read_json, body, settings)
        elif kind in ("multipart/form-data", "application/x-www-form-urlencoded"):
            inputs = await read_form(request, settings)
        else:
            raise HTTPException(
                415,
                "send application/json (a list of articles, or an object with 'articles' "
                "and 'urls') or multipart/form-data (fields files, texts, urls, label)",
            )
        if inputs.url_errors:
            raise Unusable(
                422,
                "some URLs cannot be fetched: only http and https URLs with a host are",
                inputs.url_errors,
            )
        check_counts(settings, len(inputs.documents) + len(inputs.urls), 0)
        if not inputs.documents and not inputs.urls:
            errors = [{"input": s.input, "reason": s.reason} for s in inputs.skipped]
            detail = (
                "nothing to analyse: no input could be read"
                if errors
                else "nothing to analyse: send articles, files, texts or URLs"
            )
            raise Unusable(422, detail, errors)
        record = await run_in_threadpool(
            store.create_analysis, inputs=inputs.submitted, label=inputs.label
        )
        runner.submit(
            Job(
                analysis_id=record.id,
                documents=tuple(inputs.documents),
                skipped=tuple(inputs.skipped),
                urls=tuple(inputs.urls),
            )
        )
        return JSONResponse(
            {
                "id": record.id,
                "status": record.status,
                "inputs": inputs.submitted,
                "skipped": [{"input": s.input, "reason": s.reason} for s in inputs.skipped],
                "url": f"/api/analyses/{record.id}",
            },
            status_code=202,
        )

    @app.get(
        "/api/analyses",
        tags=["analyses"],
        summary="List analyses",
        responses={
            200: {"model": RecordPage, "description": "A page of analyses, newest first."},
            422: fail("`limit` or `offset` out of bounds, or not a number."),
        },
    )
    def list_analyses(
        limit: int = Query(
            web.page_size,
            ge=1,
            le=web.max_page_size,
            description="Page size: default `web.page_size`, at most `web.max_page_size`.",
        ),
        offset: int = Query(0, ge=0, le=MAX_OFFSET, description="How many analyses to pass over."),
    ) -> dict[str, Any]:
        """Analyses, newest first, a page at a time, without their reports."""
        records, total = store.list_analyses(limit=limit, offset=offset)
        return {
            "items": [_record(r) for r in records],
            "total": total,
            "limit": limit,
            "offset": offset,
        }

    @app.get(
        "/api/analyses/{analysis_id}",
        tags=["analyses"],
        summary="Poll an analysis",
        responses={
            200: {"model": Analysis, "description": "The analysis, with its report once done."},
            404: fail("No analysis with this id."),
        },
    )
    def get_analysis(
        analysis_id: str = PathParam(
            description="The analysis id, as `POST /api/analyses` gave it."
        ),
    ) -> dict[str, Any]:
        """One analysis: its state and progress, and its report once it is done.

        `status` goes `queued` -> `running` -> `done` or `failed`. While running, `stage`,
        `done` and `total` say how far it is. When done, `report` is the contract JSON
        (docs/contract.md) and the counts and `title` are filled; when failed, `error` is
        one line saying why.
        """
        record = store.get_analysis(analysis_id)
        if record is None:
            raise _not_found("analysis", analysis_id)
        out = _record(record)
        out["report"] = store.get_report_dict(analysis_id) if record.status == "done" else None
        return out

    @app.delete(
        "/api/analyses/{analysis_id}",
        status_code=204,
        tags=["analyses"],
        summary="Delete an analysis",
        response_class=Response,
        responses={
            204: {"description": "Deleted: the analysis, its report, and the articles no "
                  "other analysis read. No body."},
            404: fail("No analysis with this id (or it was deleted already)."),
            409: fail("The analysis is queued or running: wait for it to finish."),
        },
    )
    def delete_analysis(
        analysis_id: str = PathParam(
            description="The analysis id, as `POST /api/analyses` gave it."
        ),
    ) -> Response:
        """Remove an analysis for good: its record, its report and its article list.

        An article (its cleaned text) goes too unless another analysis read it as well:
        articles are shared between analyses by content. An analysis that is still
        `queued` or `running` cannot be deleted (409): its worker would write to it
        afterwards; delete it once it is `done` or `failed`. There is no undo.
        """
        try:
            deleted = store.delete_analysis(analysis_id)
        except AnalysisBusy as exc:
            raise HTTPException(
                409,
                f"analysis '{analysis_id}' is {exc.status}: wait for it to finish, then "
                "delete it",
            ) from None
        if not deleted:
            raise _not_found("analysis", analysis_id)
        return Response(status_code=204)

    @app.get(
        "/api/analyses/{analysis_id}/report.{ext}",
        tags=["analyses"],
        summary="Download the report",
        response_class=Response,
        responses={
            200: {
                "description": "The report; `Content-Disposition: inline; "
                'filename="newscheck-<id>.<ext>"`.',
                "content": {
                    "application/json": {"schema": {"$ref": "#/components/schemas/Report"}},
                    "text/markdown": {"schema": {"type": "string"}},
                    "text/html": {"schema": {"type": "string"}},
                },
            },
            404: fail("No analysis with this id, or no such format."),
            409: fail("The analysis is not done (queued, running or failed: the detail says)."),
        },
    )
    def get_report(
        analysis_id: str = PathParam(
            description="The analysis id, as `POST /api/analyses` gave it."
        ),
        ext: str = PathParam(
            description="The format: `json`, `md` (Markdown) or `html`.",
            json_schema_extra={"enum": list(REPORT_FORMATS)},
        ),
    ) -> Response:
        """The report as `newscheck analyze -f json|markdown|html` writes it, byte for byte.

        The HTML report is a standalone page; its Content-Security-Policy allows its inline
        stylesheet and no script.
        """
        if ext not in REPORT_FORMATS:
            raise HTTPException(404, f"no report format '{ext[:20]}' (json, md or html)")
        record = store.get_analysis(analysis_id)
        if record is None:
            raise _not_found("analysis", analysis_id)
        if record.status != "done":
            why = f": {record.error}" if record.error else ""
            raise HTTPException(
                409, f"analysis '{analysis_id}' is {record.status}{why}; its report is not ready"
            )
        report = store.get_report(analysis_id)
        if report is None:
            raise _not_found("report of analysis", analysis_id)
        from ..render import render

        fmt, media_type = REPORT_FORMATS[ext]
        text = render(report, fmt)
        headers = {
            "Content-Disposition": f'inline; filename="newscheck-{_safe_id(analysis_id)}.{ext}"'
        }
        if ext == "html":
            # The report is a standalone page with its stylesheet inline: allow exactly
            # that stylesheet, and no script at all.
            styles = _inline_hashes(text, "style") or "'none'"
            headers["Content-Security-Policy"] = (
                f"default-src 'none'; style-src {styles}; "
                "img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
            )
        return Response(text.encode("utf-8"), media_type=media_type, headers=headers)

    @app.get(
        "/api/articles/{article_id}",
        tags=["articles"],
        summary="An article's cleaned text",
        responses={
            200: {"model": ArticleText, "description": "The article."},
            404: fail("No article with this id."),
        },
    )
    def get_article(
        article_id: str = PathParam(description="An article id from a report's `articles`."),
    ) -> dict[str, Any]:
        """An article's metadata and cleaned text.

        Every evidence `sentence` of a report is an exact substring of its article's
        `text`; `body_start` is where the body begins after the headline. Article ids come
        from the content, so the same report posted twice is one article.
        """
        article = store.get_article(article_id)
        if article is None:
            raise _not_found("article", article_id)
        return {
            "id": article.id,
            "input": article.input,
            "outlet": article.outlet,
            "title": article.title,
            "url": article.url,
            "published": article.published.isoformat() if article.published else None,
            "words": article.words,
            "language": article.language,
            "body_start": article.body_start,
            "text": article.text,
        }

    swagger = swagger_assets()

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        # Swagger UI's files ship inside the fastapi-offline package and are served from
        # here: the page works on a machine with no internet, and loads nothing from
        # elsewhere. It starts with one inline script, allowed by its hash.
        page = get_swagger_ui_html(
            openapi_url=app.openapi_url or "",
            title="newscheck API",
            swagger_js_url="/docs-static/swagger-ui-bundle.js",
            swagger_css_url="/docs-static/swagger-ui.css",
            swagger_favicon_url="/static/favicon.svg",
        )
        html = page.body.decode("utf-8")
        page.headers["Content-Security-Policy"] = (
            f"default-src 'self'; script-src 'self' {_inline_hashes(html, 'script')}; "
            "style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; "
            "base-uri 'none'; frame-ancestors 'none'"
        )
        return page

    @app.get("/", include_in_schema=False)
    def index() -> Response:
        page = STATIC / "index.html"
        if not page.is_file():
            raise HTTPException(404, "the web page is not installed (server/static/index.html)")
        return FileResponse(page, media_type="text/html; charset=utf-8")

    app.mount("/static", StaticFiles(directory=STATIC, check_dir=False), name="static")
    app.mount("/docs-static", StaticFiles(directory=swagger), name="docs-static")
    app.add_middleware(Guard, max_body=web.max_upload_bytes, headers=SECURITY_HEADERS)
    return app
