"""The shapes of the HTTP API, for its OpenAPI description (``/openapi.json``, ``/docs``).

These models document the API; the handlers in :mod:`newscheck.server.app` still build
their answers as plain dicts, so what a route returns is never re-serialised through them
(the ``report`` must stay exactly the contract JSON, key order included). The tests check
that :class:`Record` has exactly the fields of :class:`newscheck.model.AnalysisRecord` plus
``url``, so the description cannot drift from the model.

The report contract itself is not a pydantic model: :func:`contract_components` turns its
JSON Schema (``report-v1.schema.json``) into OpenAPI components that these models point at.
"""

from __future__ import annotations

import json
import re
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, WithJsonSchema

from ..model import AnalysisStatus

REPORT_REF = "#/components/schemas/Report"

_REPORT_DESCRIPTION = (
    "The report: the contract JSON (`newscheck.report/1`, see docs/contract.md), exactly "
    "as `newscheck analyze -f json` writes it. Null until the analysis is done."
)


def _component(name: str) -> str:
    """The component name of a part of the contract (``story`` -> ``ReportStory``)."""
    return "Report" + "".join(w.capitalize() for w in re.split(r"[^A-Za-z0-9]+", name))


def contract_components() -> dict[str, dict[str, Any]]:
    """The report contract's JSON Schema as OpenAPI components (``Report`` and its parts).

    OpenAPI 3.1 schemas are JSON Schema 2020-12, the contract's dialect, so only the
    document-level keys go and the internal ``$defs`` references are pointed at the
    components.
    """
    from ..report import json_schema

    text = re.sub(
        r'"#/\$defs/([^"]+)"',
        lambda m: json.dumps(f"#/components/schemas/{_component(m.group(1))}"),
        json.dumps(json_schema()),
    )
    schema = json.loads(text)
    defs = schema.pop("$defs", {})
    for key in ("$schema", "$id"):
        schema.pop(key, None)
    schema["description"] = (
        "The report contract `newscheck.report/1` (docs/contract.md): stories with their "
        "claims, conflicts, quotes, timeline, sources and brief. Every evidence `sentence` "
        "is an exact substring of its article's `text` (GET /api/articles/{article_id}), "
        "at `start`..`end` when the evidence gives them (since 1.4)."
    )
    return {"Report": schema} | {_component(name): part for name, part in defs.items()}


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


def _something(*fields: str) -> dict[str, Any]:
    """A JSON Schema saying at least one of ``fields`` is given and not empty."""
    return {
        "anyOf": [
            {"required": [f], "properties": {f: {"minItems": 1, "minLength": 1}}} for f in fields
        ]
    }


# --------------------------------------------------------------------------- answers


class InputProblem(_Model):
    """An input that was refused or skipped, with a one-line reason."""

    input: str = Field(
        description="The input: a file name, `pasted-N.txt`, `posted.json#N` or a URL.",
        examples=["photo.png"],
    )
    reason: str = Field(
        description="Why it was not read.",
        examples=["binary file (PNG), not a text, HTML or JSON document"],
    )


class Error(_Model):
    """Every error answer: a sentence, and the inputs at fault when inputs were the cause."""

    detail: str = Field(
        description="What went wrong, in one sentence; a limit names its setting.",
        examples=["too many URLs: 120; the limit is 100 (setting web.max_urls)"],
    )
    errors: list[InputProblem] = Field(
        default_factory=list,
        description="Present when the request was refused because of some of its inputs: "
        "each one with its reason.",
    )


class Health(_Model):
    """The server's state."""

    status: Literal["ok"] = Field(description="Always `ok` when the server answers.")
    store: str = Field(
        description="The store the server writes to, as a URL; a password is masked.",
        examples=["sqlite:////home/me/.local/share/newscheck/newscheck.db"],
    )
    schema_version: int = Field(description="The store's schema version.", examples=[1])
    models: Literal["loading", "loaded", "failed"] = Field(
        description="`loading` for the first seconds after the start (analyses posted "
        "meanwhile wait), then `loaded`; `failed` when they cannot be loaded."
    )
    models_error: str | None = Field(
        default=None, description="Why the models could not be loaded; only when `failed`."
    )


class Accepted(_Model):
    """A queued analysis: poll `url` until its status is `done` or `failed`."""

    id: str = Field(description="The analysis id (opaque).", examples=["01a22ab420ba8f0b"])
    status: Literal["queued"]
    inputs: int = Field(
        ge=1, description="How many inputs were sent: files, pasted texts, articles, URLs."
    )
    skipped: list[InputProblem] = Field(
        description="Inputs that could not be read already (also in the report's "
        "`skipped`). URLs are fetched when the analysis runs; those that fail show up in the "
        "report's `skipped`."
    )
    url: str = Field(
        description="Where to poll the analysis.", examples=["/api/analyses/01a22ab420ba8f0b"]
    )


_Time = Annotated[str, Field(json_schema_extra={"format": "date-time"})]


class Record(_Model):
    """One analysis: its state, progress and a summary of its report."""

    id: str = Field(description="The analysis id (opaque).", examples=["01a22ab420ba8f0b"])
    status: AnalysisStatus = Field(
        description="`queued` -> `running` -> `done` or `failed`. Analyses left queued or "
        "running by a server that stopped are `failed` (`interrupted: ...`)."
    )
    created_at: _Time = Field(description="ISO 8601, UTC.", examples=["2026-05-02T09:30:00Z"])
    updated_at: _Time = Field(description="ISO 8601, UTC: the last change of state or progress.")
    finished_at: _Time | None = Field(description="When it became `done` or `failed`.")
    label: str | None = Field(description="The label given when it was posted.")
    inputs: int = Field(ge=0, description="How many inputs were sent.")
    stage: str | None = Field(
        description="The stage running (`read`, `extract`, `cross-check`...), written at "
        "most every `web.progress_interval` seconds."
    )
    done: int = Field(ge=0, description="Progress within the stage: items done...")
    total: int = Field(ge=0, description="...out of this many (0 when unknown).")
    error: str | None = Field(description="One line saying why, when `failed`.")
    title: str | None = Field(description="The first story's title, once `done`.")
    articles: int = Field(ge=0, description="Articles in the report, once `done`.")
    skipped: int = Field(ge=0, description="Inputs skipped, once `done`.")
    stories: int = Field(ge=0, description="Stories in the report, once `done`.")
    conflicts: int = Field(ge=0, description="Conflicts across the stories, once `done`.")
    url: str = Field(
        description="This analysis in the API.", examples=["/api/analyses/01a22ab420ba8f0b"]
    )


class RecordPage(_Model):
    """A page of analyses, newest first (without their reports)."""

    items: list[Record]
    total: int = Field(ge=0, description="How many analyses the store holds.")
    limit: int = Field(ge=1, description="The page size asked for.")
    offset: int = Field(ge=0, description="How many analyses were passed over.")


class Analysis(Record):
    """One analysis, with its report once it is done."""

    report: Annotated[
        dict[str, Any] | None,
        WithJsonSchema(
            {"anyOf": [{"$ref": REPORT_REF}, {"type": "null"}], "description": _REPORT_DESCRIPTION}
        ),
    ]


class ArticleText(_Model):
    """An article as the analysis read it, with its cleaned text."""

    id: str = Field(description="The article id (from its content; opaque).")
    input: str = Field(description="Where it came from: a file name, `posted.json#N`, a URL.")
    outlet: str | None
    title: str | None
    url: str | None
    published: Annotated[str, Field(json_schema_extra={"format": "date"})] | None = Field(
        description="The publication date, ISO 8601."
    )
    words: int = Field(ge=0, description="Words of the body.")
    language: str | None = Field(description="ISO 639-1 code, or null when none stands out.")
    body_start: int = Field(
        ge=0, description="Where the body begins in `text`, after the headline."
    )
    text: str = Field(
        description="The cleaned text: every evidence `sentence` of a report is an exact "
        "substring of it, at the evidence's `start`..`end` (code points) when given."
    )


# --------------------------------------------------------------------------- request bodies


class ArticleIn(BaseModel):
    """A report to analyse, read as a `.json` file given to `newscheck analyze` is read."""

    model_config = ConfigDict(
        extra="allow",
        json_schema_extra={
            "description": "A report to analyse. Only `text` is needed; the field names a "
            "`.json` file may use are understood too (`body`, `content`, `headline`, "
            "`source`, `date`...). `url` is metadata: it is not fetched."
        },
    )

    text: str = Field(min_length=1, description="The report's text (plain text).")
    title: str | None = Field(default=None, description="The headline.")
    outlet: str | None = Field(default=None, description="Who published it.")
    url: str | None = Field(default=None, description="Where it was published (not fetched).")
    published: str | None = Field(
        default=None, description="The publication date, ISO 8601 (a time may follow)."
    )


class Submission(_Model):
    """Articles and URLs to analyse together (at least one), with an optional label."""

    model_config = ConfigDict(extra="forbid", json_schema_extra=_something("articles", "urls"))

    articles: list[ArticleIn] = Field(default_factory=list)
    urls: list[str] = Field(
        default_factory=list,
        description="http or https URLs of pages or RSS/Atom feeds, fetched by the server "
        "when the analysis runs (at most `web.max_urls`).",
    )
    label: str | None = Field(
        default=None, max_length=200, description="A name for the analysis in the list."
    )


class UploadForm(_Model):
    """Files, pasted reports and URLs (at least one), as the web page sends them."""

    model_config = ConfigDict(
        extra="forbid", json_schema_extra=_something("files", "texts", "urls")
    )

    files: list[Annotated[bytes, WithJsonSchema({"type": "string", "format": "binary"})]] = Field(
        default_factory=list,
        description="Any number of files: txt, md, html, json, jsonl, RSS/Atom; read as the "
        "CLI reads the same files. An unreadable one is skipped with its reason.",
    )
    texts: list[str] = Field(
        default_factory=list,
        description="Any number of pasted reports, one per field (`pasted-1.txt`...). One "
        "may start with a `Title:`/`Outlet:`/`Published:`/`URL:` header.",
    )
    urls: str = Field(default="", description="URLs to fetch, one per line.")
    label: str = Field(default="", max_length=200, description="A name for the analysis.")


class TextForm(_Model):
    """The same fields without files (at least one text or URL), URL-encoded."""

    model_config = ConfigDict(extra="forbid", json_schema_extra=_something("texts", "urls"))

    texts: list[str] = Field(default_factory=list, description="Pasted reports, one per field.")
    urls: str = Field(default="", description="URLs to fetch, one per line.")
    label: str = Field(default="", max_length=200, description="A name for the analysis.")


RESPONSE_MODELS = (Error, Health, Accepted, Record, RecordPage, Analysis, ArticleText)
REQUEST_MODELS = (ArticleIn, Submission, UploadForm, TextForm)
