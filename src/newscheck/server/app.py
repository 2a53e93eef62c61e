"""The HTTP API and the web page's files (see ``docs/api.md`` for the reference).

Routes::

    GET  /healthz                                  store and model status
    POST /api/analyses                             queue an analysis (JSON or multipart)
    GET  /api/analyses?limit=&offset=              analyses, newest first
    GET  /api/analyses/{id}                        one analysis, with its report when done
    GET  /api/analyses/{id}/report.{json,md,html}  the report as the CLI renders it
    GET  /api/articles/{article_id}                an article's cleaned text
    GET  /, /static/...                            the web page (``server/static``)
    GET  /docs, /openapi.json                      the OpenAPI description

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
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..context import Context
from ..errors import NotInstalledError
from ..ingest import documents_from_bytes
from ..model import AnalysisRecord, Document, Skipped
from ..settings import Settings
from .fetch import Resolver, fetch_documents, url_problem
from .jobs import Job, Runner

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
    value = " ".join(value.split())
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
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.store = store
    app.state.runner = runner
    app.state.settings = settings

    @app.exception_handler(_Unusable)
    async def unusable(request: Request, exc: _Unusable) -> JSONResponse:
        return _error(exc.status, exc.detail, exc.errors)

    @app.get("/healthz", tags=["status"])
    def healthz() -> dict[str, Any]:
        """The server's state: the store it writes to and whether the models are loaded."""
        out: dict[str, Any] = {
            "status": "ok",
            "store": store.url,
            "schema_version": store.schema_version(),
            "models": runner.models,
        }
        if runner.models_error:
            out["models_error"] = runner.models_error
        return out

    @app.post("/api/analyses", status_code=202, tags=["analyses"])
    async def post_analysis(request: Request) -> JSONResponse:
        """Queue an analysis of posted reports, uploaded files, pasted texts and URLs.

        The body is JSON (a list of article objects, or ``{"articles", "urls", "label"}``)
        or multipart form data (``files``, ``texts``, ``urls`` one per line, ``label``).
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

    @app.get("/api/analyses", tags=["analyses"])
    def list_analyses(
        limit: int = Query(web.page_size, ge=1, le=web.max_page_size),
        offset: int = Query(0, ge=0),
    ) -> dict[str, Any]:
        """Analyses, newest first, a page at a time."""
        records, total = store.list_analyses(limit=limit, offset=offset)
        return {
            "items": [_record(r) for r in records],
            "total": total,
            "limit": limit,
            "offset": offset,
        }

    @app.get("/api/analyses/{analysis_id}", tags=["analyses"])
    def get_analysis(analysis_id: str) -> dict[str, Any]:
        """One analysis: its state and progress, and its report (the contract JSON) when done."""
        record = store.get_analysis(analysis_id)
        if record is None:
            raise _not_found("analysis", analysis_id)
        out = _record(record)
        out["report"] = store.get_report_dict(analysis_id) if record.status == "done" else None
        return out

    @app.get("/api/analyses/{analysis_id}/report.{ext}", tags=["analyses"])
    def get_report(analysis_id: str, ext: str) -> Response:
        """The report rendered as ``newscheck analyze -f json|markdown|html`` renders it."""
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

    @app.get("/api/articles/{article_id}", tags=["articles"])
    def get_article(article_id: str) -> dict[str, Any]:
        """An article's metadata and cleaned text (every evidence sentence is a substring)."""
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
