"""The description of the API: the OpenAPI document ``/openapi.json`` serves and ``/docs`` shows.

FastAPI writes most of it from the routes of :mod:`newscheck.server.app` (their summaries,
docstrings and ``responses``); this module holds what it cannot see: the overview
(:data:`DESCRIPTION`, :data:`TAGS`), the request bodies ``POST /api/analyses`` reads itself
(:data:`POST_BODY`, with examples), the error answers (:func:`fail`), and the request and
report schemas (:func:`describe` adds them and tidies FastAPI's defaults). The ``/docs``
page's Swagger UI files come from :func:`swagger_assets`.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi

from ..errors import NotInstalledError
from .schemas import REQUEST_MODELS, Error, contract_components

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
# The request bodies POST /api/analyses reads itself (see uploads.read_json and read_form):
# described here because the handler takes the raw request.
POST_BODY: dict[str, Any] = {
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


def fail(description: str) -> dict[str, Any]:
    return {"model": Error, "description": description}


def describe(app: FastAPI) -> dict[str, Any]:
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


def swagger_assets() -> Path:
    """The folder holding Swagger UI's script and stylesheet (the fastapi-offline package)."""
    try:
        import fastapi_offline
    except ImportError:
        raise NotInstalledError("fastapi-offline", "web") from None
    return Path(fastapi_offline.__file__).parent / "static"
