"""``/api/analyses``: post reports, list and poll analyses, download a report, delete one.

Posting answers at once (202) with the analysis id; :class:`~newscheck.server.jobs.Runner`
analyses in the background and the store keeps the record and the report.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Any

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi import Path as PathParam
from fastapi.responses import JSONResponse, Response
from starlette.concurrency import run_in_threadpool

from ...model import AnalysisRecord, Report
from ...settings import Settings
from ...store import AnalysisBusy
from ..jobs import Job, Runner
from ..openapi import POST_BODY, fail
from ..schemas import Accepted, Analysis, RecordPage
from ..uploads import Inputs, Unusable, check_counts, read_form, read_json
from . import not_found
from .pages import inline_hashes

# Where each report format comes from, its media type and its file extension.
REPORT_FORMATS = {
    "json": ("json", "application/json"),
    "md": ("markdown", "text/markdown; charset=utf-8"),
    "html": ("html", "text/html; charset=utf-8"),
}
MAX_OFFSET = 2**63 - 1
"""The largest ``offset`` SQLite and PostgreSQL take (a 64-bit integer); more is 422."""

_ANALYSIS_ID = "The analysis id, as `POST /api/analyses` gave it."


def _record(record: AnalysisRecord) -> dict[str, Any]:
    out = dataclasses.asdict(record)
    out["url"] = f"/api/analyses/{record.id}"
    return out


def _safe_id(value: str) -> str:
    return re.sub(r"[^A-Za-z0-9_-]", "_", value)[:64]


async def _inputs(request: Request, settings: Settings) -> Inputs:
    """The posted reports and URLs, read as the body's content type says; refused (415,
    413, 422) when the body cannot be read, is over a limit or holds nothing to analyse."""
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
    return inputs


def _report_response(report: Report, ext: str, analysis_id: str) -> Response:
    """The report in the format of ``ext``, named for download; an HTML report may use its
    inline stylesheet and no script."""
    from ...render import render

    fmt, media_type = REPORT_FORMATS[ext]
    text = render(report, fmt)
    headers = {
        "Content-Disposition": f'inline; filename="newscheck-{_safe_id(analysis_id)}.{ext}"'
    }
    if ext == "html":
        # The report is a standalone page with its stylesheet inline: allow exactly
        # that stylesheet, and no script at all.
        styles = inline_hashes(text, "style") or "'none'"
        headers["Content-Security-Policy"] = (
            f"default-src 'none'; style-src {styles}; "
            "img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
        )
    return Response(text.encode("utf-8"), media_type=media_type, headers=headers)


def analyses_router(store: Any, runner: Runner, settings: Settings) -> APIRouter:
    """The analyses routes over ``store``, queueing on ``runner``, limited by ``settings.web``."""
    router = APIRouter(tags=["analyses"])
    _add_post(router, store, runner, settings)
    _add_reads(router, store, settings)
    _add_delete(router, store)
    _add_report(router, store)
    return router


def _add_post(router: APIRouter, store: Any, runner: Runner, settings: Settings) -> None:
    @router.post(
        "/api/analyses",
        status_code=202,
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
        inputs = await _inputs(request, settings)
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


def _add_reads(router: APIRouter, store: Any, settings: Settings) -> None:
    web = settings.web

    @router.get(
        "/api/analyses",
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

    @router.get(
        "/api/analyses/{analysis_id}",
        summary="Poll an analysis",
        responses={
            200: {"model": Analysis, "description": "The analysis, with its report once done."},
            404: fail("No analysis with this id."),
        },
    )
    def get_analysis(analysis_id: str = PathParam(description=_ANALYSIS_ID)) -> dict[str, Any]:
        """One analysis: its state and progress, and its report once it is done.

        `status` goes `queued` -> `running` -> `done` or `failed`. While running, `stage`,
        `done` and `total` say how far it is. When done, `report` is the contract JSON
        (docs/contract.md) and the counts and `title` are filled; when failed, `error` is
        one line saying why.
        """
        record = store.get_analysis(analysis_id)
        if record is None:
            raise not_found("analysis", analysis_id)
        out = _record(record)
        out["report"] = store.get_report_dict(analysis_id) if record.status == "done" else None
        return out


def _add_report(router: APIRouter, store: Any) -> None:
    @router.get(
        "/api/analyses/{analysis_id}/report.{ext}",
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
        analysis_id: str = PathParam(description=_ANALYSIS_ID),
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
            raise not_found("analysis", analysis_id)
        if record.status != "done":
            why = f": {record.error}" if record.error else ""
            raise HTTPException(
                409, f"analysis '{analysis_id}' is {record.status}{why}; its report is not ready"
            )
        report = store.get_report(analysis_id)
        if report is None:
            raise not_found("report of analysis", analysis_id)
        return _report_response(report, ext, analysis_id)


def _add_delete(router: APIRouter, store: Any) -> None:
    @router.delete(
        "/api/analyses/{analysis_id}",
        status_code=204,
        summary="Delete an analysis",
        response_class=Response,
        responses={
            204: {"description": "Deleted: the analysis, its report, and the articles no "
                  "other analysis read. No body."},
            404: fail("No analysis with this id (or it was deleted already)."),
            409: fail("The analysis is queued or running: wait for it to finish."),
        },
    )
    def delete_analysis(analysis_id: str = PathParam(description=_ANALYSIS_ID)) -> Response:
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
            raise not_found("analysis", analysis_id)
        return Response(status_code=204)
