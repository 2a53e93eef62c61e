"""The report contract (``newscheck.report/1``): a :class:`~newscheck.model.Report` as JSON.

The shape is the public interface documented in ``docs/contract.md``; ``to_dict`` is the
only place that maps domain objects to it, and every renderer reads the same dict or the
``Report`` itself. Field order is fixed so that the same input gives the same bytes
(apart from ``generated_at``).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
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
    Side,
    Skipped,
    SourceCard,
    Story,
    StoryClaim,
    TimelineEvent,
)


def _evidence(items: tuple[Evidence, ...]) -> list[dict[str, Any]]:
    # ``start``/``end`` only when known (contract 1.4) and ``asserter`` only when someone
    # other than the report asserts it (contract 1.1): both optional, so a reader of an
    # older report finds the same shape
    return [
        {"article": e.article, "sentence": e.sentence,
         **({"start": e.start, "end": e.end}
            if e.start is not None and e.end is not None else {}),
         **({"asserter": e.asserter, "asserter_anonymous": e.asserter_anonymous}
            if e.asserter is not None else {})}
        for e in items
    ]


def article_dict(a: Article) -> dict[str, Any]:
    """An article as the contract writes it (``stories[].articles[]`` and ``articles[]``)."""
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


def claim_dict(c: StoryClaim) -> dict[str, Any]:
    """A story claim as the contract writes it, with its evidence."""
    out: dict[str, Any] = {
        "id": c.id,
        "text": c.text,
        "status": c.status,
        "independent_sources": c.independent_sources,
        "evidence": _evidence(c.evidence),
    }
    if c.basis is not None:
        out["basis"] = c.basis
    return out


def conflict_dict(x: Conflict) -> dict[str, Any]:
    """A conflict (or a possible difference) as the contract writes it, side by side."""
    out: dict[str, Any] = {
        "id": x.id,
        "topic": x.topic,
        "kind": x.kind,
        "sides": [{"value": s.value, "evidence": _evidence(s.evidence)} for s in x.sides],
        "note": x.note,
        "claims": list(x.claims),
    }
    if x.confidence is not None:
        out["confidence"] = x.confidence
    if x.doubt:
        out["doubt"] = x.doubt
    return out


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
        # contract 1.2, optional: absent on cards of reports that predate them
        **({"named_sources": c.named_sources} if c.named_sources is not None else {}),
        **({"anonymous_sources": c.anonymous_sources,
            "anonymous_descriptions": list(c.anonymous_descriptions)}
           if c.anonymous_sources is not None else {}),
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
        "claims": [claim_dict(c) for c in s.claims],
        "conflicts": [conflict_dict(x) for x in s.conflicts],
        "possible_differences": [conflict_dict(x) for x in s.possible_differences],
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
        "articles": [article_dict(a) for a in report.articles],
        "skipped": [{"input": s.input, "reason": s.reason} for s in report.skipped],
        "stories": [_story(s) for s in report.stories],
    }


def _evidence_of(items: list[dict[str, Any]]) -> tuple[Evidence, ...]:
    # offsets are optional (contract 1.4): a report written before them loads without
    return tuple(Evidence(article=e["article"], sentence=e["sentence"],
                          start=e.get("start"), end=e.get("end"),
                          asserter=e.get("asserter"),
                          asserter_anonymous=bool(e.get("asserter_anonymous", False)))
                 for e in items)


def _article_of(d: dict[str, Any], stored: Article | None) -> Article:
    published = d.get("published")
    return Article(
        id=d["id"],
        input=d["input"],
        text=stored.text if stored else "",
        title=d.get("title"),
        outlet=d.get("outlet"),
        url=d.get("url"),
        published=dt.date.fromisoformat(published) if published else None,
        body_start=stored.body_start if stored else 0,
        words=d.get("words", 0),
        copy_of=d.get("copy_of"),
        language=d.get("language"),
    )


def _story_of(d: dict[str, Any]) -> Story:
    return Story(
        id=d["id"],
        title=d["title"],
        articles=tuple(d["articles"]),
        claims=tuple(
            StoryClaim(id=c["id"], text=c["text"], status=c["status"],
                       independent_sources=c["independent_sources"],
                       evidence=_evidence_of(c["evidence"]), basis=c.get("basis"))
            for c in d.get("claims", ())
        ),
        conflicts=tuple(_conflict_of(x) for x in d.get("conflicts", ())),
        possible_differences=tuple(_conflict_of(x) for x in d.get("possible_differences", ())),
        # quote offsets are not in the contract: -1 marks them unknown
        quotes=tuple(
            Quote(article=q["article"], text=q["text"], start=-1, end=-1,
                  speaker=q.get("speaker"), role=q.get("role"),
                  anonymous=bool(q.get("anonymous", False)))
            for q in d.get("quotes", ())
        ),
        timeline=tuple(
            TimelineEvent(when=t["when"], what=t["what"], evidence=_evidence_of(t["evidence"]))
            for t in d.get("timeline", ())
        ),
        sources=tuple(
            SourceCard(article=c["article"], score=c["score"], corroborated=c["corroborated"],
                       contested=c["contested"], single_source=c["single_source"],
                       anonymous_quotes=c["anonymous_quotes"], named_quotes=c["named_quotes"],
                       flags=tuple(c.get("flags", ())),
                       specifics_per_100_words=c.get("specifics_per_100_words", 0.0),
                       reasons=tuple(c.get("reasons", ())),
                       named_sources=c.get("named_sources"),
                       anonymous_sources=c.get("anonymous_sources"),
                       anonymous_descriptions=tuple(c.get("anonymous_descriptions", ())))
            for c in d.get("sources", ())
        ),
        positions=tuple(
            Position(actor=p["actor"], issue=p["issue"], stance=p["stance"],
                     evidence=_evidence_of(p["evidence"]))
            for p in d.get("positions", ())
        ),
        brief=tuple(BriefSentence(text=b["text"], cites=tuple(b["cites"]))
                    for b in d.get("brief", ())),
        error=d.get("error"),
        note=d.get("note"),
    )


def _conflict_of(x: dict[str, Any]) -> Conflict:
    return Conflict(
        id=x["id"], topic=x["topic"], kind=x["kind"],
        sides=tuple(Side(value=s["value"], evidence=_evidence_of(s["evidence"]))
                    for s in x["sides"]),
        note=x["note"], claims=tuple(x.get("claims", ())),
        confidence=x.get("confidence"), doubt=x.get("doubt", ""),
    )


def from_dict(data: dict[str, Any], articles: Mapping[str, Article] | None = None) -> Report:
    """Rebuild a :class:`~newscheck.model.Report` from the contract's JSON object.

    The inverse of :func:`to_dict`: ``to_dict(from_dict(to_dict(r))) == to_dict(r)`` and
    the renderers give the same output for both reports. What the contract leaves out is
    rebuilt as its default: offsets of evidence written before contract 1.4 are None,
    quote offsets -1, claim members, salience and conflict weights empty or zero.

    Args:
        data: The contract JSON object (``newscheck.report/1``).
        articles: Stored articles by id, which give each article its cleaned ``text`` and
            ``body_start`` (the contract does not carry them); without them (or for an id
            they lack) the text is empty. The report's own fields win for the rest, since
            ``input`` and ``copy_of`` belong to the run, not to the text.

    Returns:
        The report.
    """
    articles = articles or {}
    return Report(
        schema=data["schema"],
        generated_at=data["generated_at"],
        articles=tuple(_article_of(a, articles.get(a["id"])) for a in data["articles"]),
        skipped=tuple(Skipped(input=s["input"], reason=s["reason"]) for s in data["skipped"]),
        stories=tuple(_story_of(s) for s in data["stories"]),
    )


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
