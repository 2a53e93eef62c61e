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
"""

from __future__ import annotations

import base64
import contextlib
import dataclasses
import hashlib
import json
import re
from collections.abc import Awaitable, Callable, MutableMapping
from pathlib import Path
from typing import Any

import httpx
from fastapi import FastAPI, HTTPException, Query, Request
from fastapi import Path as PathParam
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.openapi.utils import get_openapi
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import Match, Route

from .. import __version__
from ..context import Context
from ..errors import NotInstalledError
from ..ingest import documents_from_bytes
from ..model import AnalysisRecord, Document, Skipped
from ..settings import Settings
from ..store import AnalysisBusy
from .fetch import Resolver, fetch_documents, url_problem
from .jobs import Job, Runner
from .schemas import (
    REQUEST_MODELS,
    Accepted,
    Analysis,
    ArticleText,
    Error,
    Health,
    RecordPage,
    contract_components,
)

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
FORM_FIELDS = ("files", "texts", "urls", "label")
MAX_LABEL_CHARS = 200
"""A longer label is refused (422): it is a name for a list, not a document."""
MAX_OFFSET = 2**63 - 1
"""The largest ``offset`` SQLite and PostgreSQL take (a 64-bit integer); more is 422."""

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]


# --------------------------------------------------------------------------- errors


class _BodyTooLarge(Exception):
    """Raised from the request stream once more than the limit has been received."""


class _Unusable(Exception):
    """A request that cannot be used: 413 or 422 with a detail and per-input errors."""

    def __init__(self, status: int, detail: str, errors: list[dict[str, str]] | None = None):
        super().__init__(detail)
        self.status = status
        self.detail = detail
        self.errors = errors


def _error(status: int, detail: str, errors: list[dict[str, str]] | None = None) -> JSONResponse:
    body: dict[str, Any] = {"detail": detail}
    if errors is not None:
        body["errors"] = errors
    return JSONResponse(body, status_code=status)


def _too_large_detail(limit: int) -> str:
    return f"request body too large: the limit is {limit:,} bytes (setting web.max_upload_bytes)"


class _Guard:
    """Outermost ASGI layer: the body size limit and the security headers.

    The limit is checked on the declared ``Content-Length`` and again on the bytes as they
    arrive, so a chunked body without a length is cut at the limit too.
    """

    def __init__(self, app: Callable[..., Awaitable[None]], *, max_body: int) -> None:
        self.app = app
        self.max_body = max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def send_with_headers(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                headers = list(message.get("headers", []))
                present = {k.lower() for k, _ in headers}
                headers += [(k, v) for k, v in SECURITY_HEADERS if k not in present]
                message["headers"] = headers
            await send(message)

        declared = dict(scope.get("headers", [])).get(b"content-length", b"")
        if declared.isdigit() and int(declared) > self.max_body:
            await _error(413, _too_large_detail(self.max_body))(scope, receive, send_with_headers)
            return
        received = 0

        async def limited_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_body:
                    raise _BodyTooLarge
            return message

        try:
            await self.app(scope, limited_receive, send_with_headers)
        except _BodyTooLarge:
            if started:
                raise
            await _error(413, _too_large_detail(self.max_body))(scope, receive, send_with_headers)


# --------------------------------------------------------------------------- reading a request


@dataclasses.dataclass(slots=True)
class _Inputs:
    """What a request asks to analyse, as read so far."""

    documents: list[Document] = dataclasses.field(default_factory=list)
    skipped: list[Skipped] = dataclasses.field(default_factory=list)
    urls: list[str] = dataclasses.field(default_factory=list)
    url_errors: list[dict[str, str]] = dataclasses.field(default_factory=list)
    submitted: int = 0
    label: str | None = None

    def add(self, items) -> None:
        for item in items:
            (self.skipped if isinstance(item, Skipped) else self.documents).append(item)


def _check_counts(inputs: _Inputs, settings: Settings, count: int, urls: int) -> None:
    """413 when a request brings more reports or URLs than the settings allow."""
    web = settings.web
    if urls > web.max_urls:
        raise _Unusable(
            413, f"too many URLs: {urls:,}; the limit is {web.max_urls:,} (setting web.max_urls)"
        )
    if count > web.max_files:
        raise _Unusable(
            413,
            f"too many reports: {count:,}; the limit is {web.max_files:,} files, pasted texts "
            "and URLs together (setting web.max_files)",
        )


def _add_urls(inputs: _Inputs, urls: list[str]) -> None:
    for raw in urls:
        url = raw.strip()
        if not url:
            continue
        problem = url_problem(url)
        if problem is None:
            inputs.urls.append(url)
        else:
            inputs.url_errors.append({"input": url[:200], "reason": problem})


def _label(value: Any) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise _Unusable(422, f"'label' must be a string, not {_json_type(value)}")
    # Control characters (NUL above all, which PostgreSQL refuses in text) become spaces.
    value = " ".join("".join(c if c.isprintable() else " " for c in value).split())
    if len(value) > MAX_LABEL_CHARS:
        raise _Unusable(422, f"'label' is longer than {MAX_LABEL_CHARS} characters")
    return value or None


def _json_type(value: Any) -> str:
    return {dict: "an object", list: "a list", str: "a string", bool: "a boolean",
            type(None): "null"}.get(type(value), "a number")  # fmt: skip


def _read_json(body: bytes, settings: Settings) -> _Inputs:
    """A JSON body: a list of article objects, or ``{"articles", "urls", "label"}``."""
    try:
        data = json.loads(body)
    except (ValueError, UnicodeDecodeError) as exc:
        raise _Unusable(422, f"malformed JSON: {exc}") from None
    try:
        # JSON may escape half a UTF-16 pair ("\ud800"): Python reads it as a lone
        # surrogate that no UTF-8 writer (the reader, the store) accepts later.
        json.dumps(data, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        raise _Unusable(
            422, "malformed JSON: a string holds an unpaired surrogate escape (\\ud800-\\udfff)"
        ) from None
    inputs = _Inputs()
    if isinstance(data, list):
        articles, urls = data, []
    elif isinstance(data, dict):
        unknown = sorted(set(data) - {"articles", "urls", "label"})
        if unknown:
            raise _Unusable(
                422,
                f"unknown field(s) {', '.join(map(repr, unknown))}; expected 'articles', "
                "'urls' and 'label'",
            )
        articles, urls = data.get("articles", []), data.get("urls", [])
        if not isinstance(articles, list):
            raise _Unusable(422, f"'articles' must be a list, not {_json_type(articles)}")
        if not isinstance(urls, list) or not all(isinstance(u, str) for u in urls):
            raise _Unusable(422, "'urls' must be a list of strings")
        inputs.label = _label(data.get("label"))
    else:
        raise _Unusable(422, f"expected a list of articles or an object, not {_json_type(data)}")
    _check_counts(inputs, settings, len(articles) + len(urls), len(urls))
    inputs.submitted = len(articles) + len(urls)
    if articles:
        # The same path as a .json file given to the CLI: one reader for both.
        data = json.dumps(articles, ensure_ascii=False).encode("utf-8")
        inputs.add(documents_from_bytes(data, "posted.json", settings.ingest))
    _add_urls(inputs, urls)
    return inputs


def _file_name(upload: UploadFile, n: int) -> str:
    """The base name of an uploaded file (a browser may send a path), or ``upload-N``."""
    name = re.split(r"[\\/]", upload.filename or "")[-1].strip()
    name = "".join(c for c in name if c.isprintable())[:200]
    return name or f"upload-{n}"


async def _read_form(request: Request, settings: Settings) -> _Inputs:
    """A form: ``files``, ``texts``, ``urls`` (one per line) and ``label``.

    Multipart, or URL-encoded when it carries no files.
    """
    web = settings.web
    try:
        form = await request.form(
            max_files=web.max_files + 1,
            max_fields=web.max_files + web.max_urls + 16,
            max_part_size=web.max_upload_bytes,
        )
    except StarletteHTTPException as exc:  # Starlette's own, raised by the form parser
        detail = str(exc.detail)
        if detail.startswith("Too many"):
            raise _Unusable(
                413,
                f"too many reports; the limit is {web.max_files:,} (setting web.max_files)",
            ) from None
        raise _Unusable(422, f"malformed multipart body: {detail}") from None
    inputs = _Inputs()
    unknown = sorted({key for key in form if key not in FORM_FIELDS})
    if unknown:
        raise _Unusable(
            422,
            f"unknown form field(s) {', '.join(map(repr, unknown))}; expected "
            f"{', '.join(map(repr, FORM_FIELDS))}",
        )
    uploads: list[UploadFile] = []
    for value in form.getlist("files"):
        if isinstance(value, str) and not value:
            continue  # a file input left empty, as some clients send it
        if not isinstance(value, UploadFile):
            raise _Unusable(422, "field 'files' must hold file uploads (use 'texts' for text)")
        if value.filename or value.size:  # a file input left empty sends an empty part
            uploads.append(value)
    texts = []
    for value in form.getlist("texts"):
        if not isinstance(value, str):
            raise _Unusable(422, "field 'texts' must hold text, not files (use 'files')")
        if value.strip():
            texts.append(value)
    urls: list[str] = []
    for value in form.getlist("urls"):
        if not isinstance(value, str):
            raise _Unusable(422, "field 'urls' must be text, one URL per line")
        urls += [line for line in value.splitlines() if line.strip()]
    labels = form.getlist("label")
    if len(labels) > 1:
        raise _Unusable(422, "field 'label' given more than once")
    inputs.label = _label(labels[0] if labels else None)
    _check_counts(inputs, settings, len(uploads) + len(texts) + len(urls), len(urls))
    inputs.submitted = len(uploads) + len(texts) + len(urls)
    for n, upload in enumerate(uploads, start=1):
        data = await upload.read()
        inputs.add(
            await run_in_threadpool(
                lambda d=data, name=_file_name(upload, n): list(
                    documents_from_bytes(d, name, settings.ingest)
                )
            )
        )
    for n, text in enumerate(texts, start=1):
        inputs.add(
            await run_in_threadpool(
                lambda t=text, name=f"pasted-{n}.txt": list(
                    documents_from_bytes(t.encode("utf-8"), name, settings.ingest)
                )
            )
        )
    _add_urls(inputs, urls)
    return inputs


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


def _swagger_assets() -> Path:
    """The folder holding Swagger UI's script and stylesheet (the fastapi-offline package)."""
    try:
        import fastapi_offline
    except ImportError:
        raise NotInstalledError("fastapi-offline", "web") from None
    return Path(fastapi_offline.__file__).parent / "static"


def _safe_id(value: str) -> str:
    return re.sub(r"[^A-Za-z0-9_-]", "_", value)[:64]


# --------------------------------------------------------------------------- the description

DESCRIPTION = """\
Cross-check news reports: post them, get an analysis id back at once, poll until the
analysis is `done`, then read its report (the contract JSON of `docs/contract.md`) or
download it as JSON, Markdown or HTML.

Analyses run in the background, one store holds them (SQLite or PostgreSQL). Every error
answer is JSON `{"detail": "...", "errors": [{"input", "reason"}]}`; `errors` is there
only when some inputs were the cause. Limits are settings of the `[web]` section
(`newscheck settings` shows them); a refusal names the setting.

The server has no accounts: put it behind a reverse proxy with access control (docs/api.md).
"""

TAGS = [
    {"name": "analyses", "description": "Post reports, poll the analysis, read its report, "
     "delete it."},
    {"name": "articles", "description": "The cleaned text the evidence sentences come from."},
    {"name": "status", "description": "Is the server up, which store, are the models loaded."},
]

_EXAMPLE_TEXT = (
    "The town council approved next year's budget on Tuesday by seven votes to two, "
    "the mayor's office said."
)
# The request bodies POST /api/analyses reads itself (see _read_json and _read_form):
# described here because the handler takes the raw request.
_POST_BODY: dict[str, Any] = {
    "required": True,
    "description": "JSON (a list of articles, or an object with `articles`, `urls` and "
    "`label`), or form data (`files`, `texts`, `urls` one per line, `label`). At most "
    "`web.max_upload_bytes` bytes, `web.max_files` reports (files, texts, articles, lines "
    "of a JSON Lines file and URLs together) and `web.max_urls` URLs.",
    "content": {
        "application/json": {
            "schema": {
                "oneOf": [
                    {
                        "type": "array",
                        "title": "Articles",
                        "minItems": 1,
                        "items": {"$ref": "#/components/schemas/ArticleIn"},
                    },
                    {"$ref": "#/components/schemas/Submission"},
                ]
            },
            "examples": {
                "articles": {
                    "summary": "A list of articles",
                    "value": [
                        {
                            "title": "Council approves budget",
                            "outlet": "Town Gazette",
                            "published": "2026-05-02",
                            "url": "https://gazette.example/budget",
                            "text": _EXAMPLE_TEXT,
                        },
                        {"text": "Councillors voted 7 to 2 on Tuesday to approve the budget."},
                    ],
                },
                "articles_urls_label": {
                    "summary": "Articles, URLs and a label",
                    "value": {
                        "label": "budget vote",
                        "articles": [{"text": _EXAMPLE_TEXT}],
                        "urls": ["https://news.example/2026/05/budget"],
                    },
                },
            },
        },
        "multipart/form-data": {
            "schema": {"$ref": "#/components/schemas/UploadForm"},
            "encoding": {"files": {"contentType": "application/octet-stream"}},
            "examples": {
                "form": {
                    "summary": "A pasted report, URLs and a label",
                    "value": {
                        "texts": ["Title: Council approves budget\n\n" + _EXAMPLE_TEXT],
                        "urls": "https://news.example/2026/05/budget\n"
                        "https://other.example/feed.xml",
                        "label": "budget vote",
                    },
                }
            },
        },
        "application/x-www-form-urlencoded": {
            "schema": {"$ref": "#/components/schemas/TextForm"},
            "examples": {
                "form": {
                    "summary": "A pasted report",
                    "value": {"texts": [_EXAMPLE_TEXT], "label": "budget vote"},
                }
            },
        },
    },
}


def _fail(description: str) -> dict[str, Any]:
    return {"model": Error, "description": description}


def _describe(app: FastAPI) -> dict[str, Any]:
    """The OpenAPI document: FastAPI's, plus the request and report schemas it cannot see."""
    doc = get_openapi(
        title=app.title,
        version=app.version,
        summary=app.summary,
        description=app.description,
        routes=app.routes,
        tags=app.openapi_tags,
    )
    schemas = doc.setdefault("components", {}).setdefault("schemas", {})
    from pydantic.json_schema import models_json_schema

    _, defs = models_json_schema(
        [(m, "validation") for m in REQUEST_MODELS], ref_template="#/components/schemas/{model}"
    )
    schemas.update(defs.get("$defs", {}))
    schemas.update(contract_components())
    fastapi_422 = "#/components/schemas/HTTPValidationError"
    for operations in doc["paths"].values():
        for operation in operations.values():
            answers = operation.get("responses", {})
            # FastAPI adds a 422 to every route with parameters; only the query parameters
            # of the list can be invalid (a route that can answer 422 documents its own).
            unprompted = answers.get("422", {}).get("content", {}).get("application/json", {})
            if unprompted.get("schema", {}).get("$ref") == fastapi_422:
                del answers["422"]
            # The handlers return plain dicts (see schemas.py), so FastAPI puts a free-object
            # schema beside the documented model's reference: keep the reference alone.
            for answer in answers.values():
                for media in answer.get("content", {}).values():
                    if "$ref" in media.get("schema", {}):
                        media["schema"] = {"$ref": media["schema"]["$ref"]}
    if fastapi_422 not in json.dumps(doc["paths"]):
        schemas.pop("HTTPValidationError", None)
        schemas.pop("ValidationError", None)
    return doc


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
            app.openapi_schema = _describe(app)
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]

    @app.exception_handler(_Unusable)
    async def unusable(request: Request, exc: _Unusable) -> JSONResponse:
        return _error(exc.status, exc.detail, exc.errors)

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
        response = _error(405, f"method {request.method} not allowed here")
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
        return _error(422, f"invalid parameters: {detail}", errors)

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
            413: _fail(
                "Too large: the body is over `web.max_upload_bytes` (declared or chunked), "
                "or more than `web.max_files` reports or `web.max_urls` URLs."
            ),
            415: _fail("The body is neither JSON nor form data."),
            422: _fail(
                "Unusable: malformed JSON or form, wrong types, an unknown field, a URL that "
                "is not http/https, or nothing to analyse (`errors` names each input)."
            ),
        },
        openapi_extra={"requestBody": _POST_BODY},
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
            inputs = await run_in_threadpool(_read_json, body, settings)
        elif kind in ("multipart/form-data", "application/x-www-form-urlencoded"):
            inputs = await _read_form(request, settings)
        else:
            raise HTTPException(
                415,
                "send application/json (a list of articles, or an object with 'articles' "
                "and 'urls') or multipart/form-data (fields files, texts, urls, label)",
            )
        if inputs.url_errors:
            raise _Unusable(
                422,
                "some URLs cannot be fetched: only http and https URLs with a host are",
                inputs.url_errors,
            )
        _check_counts(inputs, settings, len(inputs.documents) + len(inputs.urls), 0)
        if not inputs.documents and not inputs.urls:
            errors = [{"input": s.input, "reason": s.reason} for s in inputs.skipped]
            detail = (
                "nothing to analyse: no input could be read"
                if errors
                else "nothing to analyse: send articles, files, texts or URLs"
            )
            raise _Unusable(422, detail, errors)
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
            422: _fail("`limit` or `offset` out of bounds, or not a number."),
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
            404: _fail("No analysis with this id."),
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
            404: _fail("No analysis with this id (or it was deleted already)."),
            409: _fail("The analysis is queued or running: wait for it to finish."),
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
            404: _fail("No analysis with this id, or no such format."),
            409: _fail("The analysis is not done (queued, running or failed: the detail says)."),
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
            404: _fail("No article with this id."),
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

    swagger = _swagger_assets()

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
    app.add_middleware(_Guard, max_body=web.max_upload_bytes)
    return app
