"""The report contract (``newscheck.report/1``): a :class:`~newscheck.model.Report` as JSON.

The shape is the public interface documented in ``docs/contract.md``; ``to_dict`` is the
only place that maps domain objects to it, and every renderer reads the same dict or the
``Report`` itself. Field order is fixed so that the same input gives the same bytes
(apart from ``generated_at``).
"""

from __future__ import annotations

import datetime as dt
import json
from importlib import resources
from typing import Any

from .model import (
    Article,
    BriefSentence,
    Conflict,
    Evidence,
    Position,
    Quote,
    Report,
    SourceCard,
    Story,
    StoryClaim,
    TimelineEvent,
)


def _evidence(items: tuple[Evidence, ...]) -> list[dict[str, Any]]:
    return [{"article": e.article, "sentence": e.sentence} for e in items]


def _article(a: Article) -> dict[str, Any]:
    return {
        "id": a.id,
        "input": a.input,
        "outlet": a.outlet,
        "title": a.title,
        "published": a.published.isoformat() if a.published else None,
        "words": a.words,
        "copy_of": a.copy_of,
        "url": a.url,
        **({"language": a.language} if a.language is not None else {}),
    }


def _claim(c: StoryClaim) -> dict[str, Any]:
    return {
        "id": c.id,
        "text": c.text,
        "status": c.status,
        "independent_sources": c.independent_sources,
        "evidence": _evidence(c.evidence),
    }


def _conflict(x: Conflict) -> dict[str, Any]:
    return {
        "id": x.id,
        "topic": x.topic,
        "kind": x.kind,
        "sides": [{"value": s.value, "evidence": _evidence(s.evidence)} for s in x.sides],
        "note": x.note,
        "claims": list(x.claims),
    }


def _quote(q: Quote) -> dict[str, Any]:
    return {
        "speaker": q.speaker,
        "role": q.role,
        "anonymous": q.anonymous,
        "text": q.text,
        "article": q.article,
    }


def _timeline(t: TimelineEvent) -> dict[str, Any]:
    return {"when": t.when, "what": t.what, "evidence": _evidence(t.evidence)}


def _source(c: SourceCard) -> dict[str, Any]:
    return {
        "article": c.article,
        "score": round(c.score, 3),
        "corroborated": c.corroborated,
        "contested": c.contested,
        "single_source": c.single_source,
        "anonymous_quotes": c.anonymous_quotes,
        "named_quotes": c.named_quotes,
        "flags": list(c.flags),
        "specifics_per_100_words": c.specifics_per_100_words,
        "reasons": list(c.reasons),
    }


def _position(p: Position) -> dict[str, Any]:
    return {"actor": p.actor, "issue": p.issue, "stance": p.stance, "evidence": _evidence(p.evidence)}


def _brief(b: BriefSentence) -> dict[str, Any]:
    return {"text": b.text, "cites": list(b.cites)}


def _story(s: Story) -> dict[str, Any]:
    out = {
        "id": s.id,
        "title": s.title,
        "articles": list(s.articles),
        "claims": [_claim(c) for c in s.claims],
        "conflicts": [_conflict(x) for x in s.conflicts],
        "quotes": [_quote(q) for q in s.quotes],
        "timeline": [_timeline(t) for t in s.timeline],
        "sources": [_source(c) for c in s.sources],
        "positions": [_position(p) for p in s.positions],
        "brief": [_brief(b) for b in s.brief],
    }
    if s.error is not None:
        # only on a story whose cross-check failed, so other reports keep their bytes
        out["error"] = s.error
    if s.note is not None:
        out["note"] = s.note
    return out


def to_dict(report: Report) -> dict[str, Any]:
    """The report as the contract's JSON object."""
    return {
        "schema": report.schema,
        "generated_at": report.generated_at,
        "articles": [_article(a) for a in report.articles],
        "skipped": [{"input": s.input, "reason": s.reason} for s in report.skipped],
        "stories": [_story(s) for s in report.stories],
    }


def to_json(report: Report, *, indent: int | None = 2) -> str:
    """The report as JSON text (UTF-8, not ASCII-escaped)."""
    return json.dumps(to_dict(report), ensure_ascii=False, indent=indent) + "\n"


def utc_now() -> str:
    """The current time as the contract writes it: ISO 8601, UTC, seconds."""
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat().replace(
        "+00:00", "Z"
    )


def json_schema() -> dict[str, Any]:
    """The JSON Schema of the contract (packaged as ``report-v1.schema.json``)."""
    text = resources.files("newscheck").joinpath("report-v1.schema.json").read_text("utf-8")
    return json.loads(text)
