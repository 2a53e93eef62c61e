"""Turning a POST body into documents, URLs and skipped inputs, under the ``[web]`` limits.

``POST /api/analyses`` takes JSON (:func:`read_json`: a list of article objects, or
``{"articles", "urls", "label"}``) or a form (:func:`read_form`: ``files``, ``texts``,
``urls`` one per line, ``label``; multipart, or URL-encoded without files). Both give
:class:`Inputs`: the documents read, the inputs that could not be (``skipped``), the URLs
to fetch when the analysis runs, and the label.

A refusal is an :class:`Unusable`, answered as JSON ``{"detail", "errors"}``:

- **413**: more than ``web.max_upload_bytes`` bytes (checked by :class:`Guard`, the
  outermost ASGI layer, on the declared ``Content-Length`` and again on the bytes as they
  arrive), more than ``web.max_files`` reports (files, texts, articles and URLs together)
  or more than ``web.max_urls`` URLs (:func:`check_counts`).
- **422**: malformed JSON or form, JSON nested deeper than ``ingest.max_json_depth``, a
  wrong type, an unknown field, a label longer than ``web.max_label_chars``, a file where
  text is expected or text where a file is.

An unreadable file is not a refusal: it is listed in ``skipped`` and the rest goes on. URLs
that cannot be fetched (not http/https) are gathered in ``url_errors``; the route refuses
them, and a request with nothing left to analyse, with 422 (:mod:`newscheck.server.app`).
"""

from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from fastapi import Request
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..ingest.decode import Unreadable, json_type, load_json
from ..ingest.read import documents_from_bytes
from ..model import Document, Skipped
from ..settings import Settings, WebSettings
from .fetch import url_problem

FORM_FIELDS = ("files", "texts", "urls", "label")

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]


# --------------------------------------------------------------------------- errors


class _BodyTooLarge(Exception):
    """Raised from the request stream once more than the limit has been received."""


class Unusable(Exception):
    """A request that cannot be used: 413 or 422 with a detail and per-input errors."""

    def __init__(self, status: int, detail: str, errors: list[dict[str, str]] | None = None):
        super().__init__(detail)
        self.status = status
        self.detail = detail
        self.errors = errors


def error_response(
    status: int, detail: str, errors: list[dict[str, str]] | None = None
) -> JSONResponse:
    """A refusal as JSON: ``{"detail"}``, plus ``errors`` when some inputs were the cause."""
    body: dict[str, Any] = {"detail": detail}
    if errors is not None:
        body["errors"] = errors
    return JSONResponse(body, status_code=status)


def _too_large(limit: int) -> JSONResponse:
    return error_response(
        413,
        f"request body too large: the limit is {limit:,} bytes (setting web.max_upload_bytes)",
    )


class Guard:
    """Outermost ASGI layer: the body size limit, and headers added to every response.

    The limit is checked on the declared ``Content-Length`` and again on the bytes as they
    arrive, so a chunked body without a length is cut at the limit too.

    Args:
        app: The application inside.
        max_body: The largest body taken, in bytes; more is answered 413.
        headers: ``(name, value)`` pairs (lower-case bytes) added to every response that
            does not set that header itself (the server's security headers).
    """

    def __init__(
        self,
        app: Callable[..., Awaitable[None]],
        *,
        max_body: int,
        headers: tuple[tuple[bytes, bytes], ...] = (),
    ) -> None:
        self.app = app
        self.max_body = max_body
        self.headers = headers

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
                headers += [(k, v) for k, v in self.headers if k not in present]
                message["headers"] = headers
            await send(message)

        declared = dict(scope.get("headers", [])).get(b"content-length", b"")
        if declared.isdigit() and int(declared) > self.max_body:
            await _too_large(self.max_body)(scope, receive, send_with_headers)
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
            await _too_large(self.max_body)(scope, receive, send_with_headers)


# --------------------------------------------------------------------------- reading a request


@dataclasses.dataclass(slots=True)
class Inputs:
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


def check_counts(settings: Settings, count: int, urls: int) -> None:
    """413 when a request brings more reports or URLs than the settings allow."""
    web = settings.web
    if urls > web.max_urls:
        raise Unusable(
            413, f"too many URLs: {urls:,}; the limit is {web.max_urls:,} (setting web.max_urls)"
        )
    if count > web.max_files:
        raise Unusable(
            413,
            f"too many reports: {count:,}; the limit is {web.max_files:,} files, pasted texts "
            "and URLs together (setting web.max_files)",
        )


def _add_urls(inputs: Inputs, urls: list[str], web: WebSettings) -> None:
    for raw in urls:
        url = raw.strip()
        if not url:
            continue
        problem = url_problem(url, max_chars=web.max_url_chars)
        if problem is None:
            inputs.urls.append(url)
        else:
            inputs.url_errors.append({"input": url[:200], "reason": problem})


def _label(value: Any, web: WebSettings) -> str | None:
    """The analysis's label, on one line; refused (422) when it is not a string or longer
    than ``web.max_label_chars``: it is a name for a list, not a document."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise Unusable(422, f"'label' must be a string, not {json_type(value)}")
    # Control characters (NUL above all, which PostgreSQL refuses in text) become spaces.
    value = " ".join("".join(c if c.isprintable() else " " for c in value).split())
    if len(value) > web.max_label_chars:
        raise Unusable(
            422,
            f"'label' is longer than {web.max_label_chars} characters "
            "(setting web.max_label_chars)",
        )
    return value or None


def read_json(body: bytes, settings: Settings) -> Inputs:
    """A JSON body: a list of article objects, or ``{"articles", "urls", "label"}``."""
    try:
        data = load_json(body, settings.ingest.max_json_depth)
    except Unreadable as exc:
        raise Unusable(422, f"request body: {exc}") from None
    try:
        # JSON may escape half a UTF-16 pair ("\ud800"): Python reads it as a lone
        # surrogate that no UTF-8 writer (the reader, the store) accepts later.
        json.dumps(data, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        raise Unusable(
            422,
            "request body: invalid JSON: a string holds an unpaired surrogate escape "
            "(\\ud800-\\udfff)",
        ) from None
    inputs = Inputs()
    if isinstance(data, list):
        articles, urls = data, []
    elif isinstance(data, dict):
        unknown = sorted(set(data) - {"articles", "urls", "label"})
        if unknown:
            raise Unusable(
                422,
                f"unknown field(s) {', '.join(map(repr, unknown))}; expected 'articles', "
                "'urls' and 'label'",
            )
        articles, urls = data.get("articles", []), data.get("urls", [])
        if not isinstance(articles, list):
            raise Unusable(422, f"'articles' must be a list, not {json_type(articles)}")
        if not isinstance(urls, list) or not all(isinstance(u, str) for u in urls):
            raise Unusable(422, "'urls' must be a list of strings")
        inputs.label = _label(data.get("label"), settings.web)
    else:
        raise Unusable(422, f"expected a list of articles or an object, not {json_type(data)}")
    check_counts(settings, len(articles) + len(urls), len(urls))
    inputs.submitted = len(articles) + len(urls)
    if articles:
        # The same path as a .json file given to the CLI: one reader for both.
        data = json.dumps(articles, ensure_ascii=False).encode("utf-8")
        inputs.add(documents_from_bytes(data, "posted.json", settings.ingest))
    _add_urls(inputs, urls, settings.web)
    return inputs


def _file_name(upload: UploadFile, n: int) -> str:
    """The base name of an uploaded file (a browser may send a path), or ``upload-N``."""
    name = re.split(r"[\\/]", upload.filename or "")[-1].strip()
    name = "".join(c for c in name if c.isprintable())[:200]
    return name or f"upload-{n}"


async def read_form(request: Request, settings: Settings) -> Inputs:
    """A form: ``files``, ``texts``, ``urls`` (one per line) and ``label``.

    Multipart, or URL-encoded when it carries no files.
    """
    form = await _parse_form(request, settings.web)
    uploads, texts, urls, label = _form_fields(form)
    inputs = Inputs(label=_label(label, settings.web))
    check_counts(settings, len(uploads) + len(texts) + len(urls), len(urls))
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
    _add_urls(inputs, urls, settings.web)
    return inputs


async def _parse_form(request: Request, web: WebSettings):
    """The request's form, parsed within the limits: too many parts is 413, a malformed
    body 422."""
    try:
        return await request.form(
            max_files=web.max_files + 1,
            max_fields=web.max_files + web.max_urls + 16,
            max_part_size=web.max_upload_bytes,
        )
    except StarletteHTTPException as exc:  # Starlette's own, raised by the form parser
        detail = str(exc.detail)
        if detail.startswith("Too many"):
            raise Unusable(
                413,
                f"too many reports; the limit is {web.max_files:,} (setting web.max_files)",
            ) from None
        raise Unusable(422, f"malformed multipart body: {detail}") from None


def _form_fields(form) -> tuple[list[UploadFile], list[str], list[str], str | None]:
    """The form's uploaded files, pasted texts, URLs (one per line) and label, each checked
    for its kind (422 for a file where text belongs, an unknown field, two labels)."""
    unknown = sorted({key for key in form if key not in FORM_FIELDS})
    if unknown:
        raise Unusable(
            422,
            f"unknown form field(s) {', '.join(map(repr, unknown))}; expected "
            f"{', '.join(map(repr, FORM_FIELDS))}",
        )
    uploads: list[UploadFile] = []
    for value in form.getlist("files"):
        if isinstance(value, str) and not value:
            continue  # a file input left empty, as some clients send it
        if not isinstance(value, UploadFile):
            raise Unusable(422, "field 'files' must hold file uploads (use 'texts' for text)")
        if value.filename or value.size:  # a file input left empty sends an empty part
            uploads.append(value)
    texts = []
    for value in form.getlist("texts"):
        if not isinstance(value, str):
            raise Unusable(422, "field 'texts' must hold text, not files (use 'files')")
        if value.strip():
            texts.append(value)
    urls: list[str] = []
    for value in form.getlist("urls"):
        if not isinstance(value, str):
            raise Unusable(422, "field 'urls' must be text, one URL per line")
        urls += [line for line in value.splitlines() if line.strip()]
    labels = form.getlist("label")
    if len(labels) > 1:
        raise Unusable(422, "field 'label' given more than once")
    return uploads, texts, urls, labels[0] if labels else None
