"""Text to documents, by format: plain text, Markdown, HTML, JSON, JSON Lines and feeds.

Text and Markdown may open with a ``Title:``/``Outlet:``/``Published:``/``URL:`` header
or YAML front matter; JSON holds one article object or a list (field names as common
crawlers write them); JSON Lines one article per line. :func:`parse` reads decoded
content of a known kind; HTML pages are read by :mod:`.pages`, feeds by :mod:`.feeds`.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from typing import Any

from ..model import Document, Skipped
from ..settings import IngestSettings
from .clean import looks_like_headline
from .decode import Unreadable, json_type, load_json
from .feeds import read_feed
from .metadata import clean_str, domain_outlet, parse_date, url_date
from .pages import parse_html

_FIELDS = {
    "text": ("text", "body", "content", "maintext", "article", "articleBody", "article_body",
             "full_text", "fulltext", "story"),
    "title": ("title", "headline", "heading", "name"),
    "outlet": ("outlet", "source", "site_name", "sitename", "siteName", "publisher",
               "source_name", "publication", "newspaper"),
    "url": ("url", "link", "canonical_url", "canonical", "href", "source_url"),
    "published": ("published", "date", "published_at", "publishedAt", "date_publish",
                  "datePublished", "pubDate", "pub_date", "published_date", "publication_date",
                  "created_at"),
}  # fmt: skip
_HEADER_KEYS = {
    "title": "title", "headline": "title",
    "outlet": "outlet", "source": "outlet", "publisher": "outlet", "site": "outlet",
    "published": "published", "date": "published",
    "url": "url", "link": "url",
}  # fmt: skip
_HEADER_LINE = re.compile(r"^([A-Za-z][A-Za-z _-]{0,24}):[ \t]*(.*?)\s*$")


def _parse_text(text: str, input: str, fmt: str) -> Document:
    """A text or Markdown report with its optional metadata header or front matter."""
    meta: dict[str, str] = {}
    lines = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff").split("\n")
    start = 0
    while start < len(lines) and not lines[start].strip():
        start += 1
    body_from = start
    if start < len(lines) and lines[start].strip() == "---":
        end = next(
            (i for i in range(start + 1, len(lines)) if lines[i].strip() in ("---", "...")), None
        )
        if end is not None:
            for ln in lines[start + 1 : end]:
                _header_line(ln, meta)
            body_from = end + 1
    else:
        header: dict[str, str] = {}
        i = start
        while i < len(lines) and _HEADER_LINE.match(lines[i]):
            _header_line(lines[i], header)
            i += 1
        # A header is a run of "Key: value" lines with at least one known key, then a
        # blank line: a body paragraph that happens to start "Note: ..." is not one.
        if header and i > start and (i == len(lines) or not lines[i].strip()):
            meta = header
            body_from = i
    body = "\n".join(lines[body_from:]).strip("\n")
    if fmt == "md":
        body = _unmark(body)
    title = meta.get("title")
    if not title:
        first, _, rest = body.lstrip().partition("\n")
        if rest.startswith("\n") or rest.lstrip(" \t").startswith("\n"):
            candidate = first.strip().lstrip("#").strip()
            if looks_like_headline(candidate):
                title = candidate
    return Document(
        input=input,
        text=body,
        format=fmt,
        title=title or None,
        outlet=meta.get("outlet") or None,
        url=meta.get("url") or None,
        published=parse_date(meta.get("published")),
    )


_MD_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_MD_LINK = re.compile(r"\[([^\]]+)\]\((?:[^()]|\([^)]*\))*\)")
_MD_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_MD_EMPHASIS = re.compile(r"(?<![\w*])([*_])(?=\S)(.+?)(?<=\S)\1(?![\w*])")
_MD_LINE = re.compile(r"^(?:#{1,6}\s+|>\s?)|^\s*(?:[-*_]\s*){3,}$|\s+#+\s*$", re.MULTILINE)


def _unmark(text: str) -> str:
    """Markdown to plain text: links to their words; images, emphasis, headings, rules go.

    Only markup is removed; the words stay exactly as written.
    """
    text = _MD_IMAGE.sub("", text)
    text = _MD_LINK.sub(r"\1", text)
    text = _MD_STRONG.sub(r"\2", text)
    text = _MD_EMPHASIS.sub(r"\2", text)
    return _MD_LINE.sub("", text)


def _header_line(line: str, meta: dict[str, str]) -> None:
    m = _HEADER_LINE.match(line)
    if not m:
        return
    key = _HEADER_KEYS.get(m.group(1).strip().lower().replace("_", " ").split(" ")[0])
    value = m.group(2).strip().strip("\"'")
    if key and value and key not in meta:
        meta[key] = value


def _field(obj: dict[str, Any], name: str) -> Any:
    return _keyed_field(obj, name)[1]


def _keyed_field(obj: dict[str, Any], name: str) -> tuple[str, Any]:
    """The first of a field's names the object fills, and its value (None when none)."""
    for key in _FIELDS[name]:
        if key in obj and obj[key] not in (None, "", []):
            return key, obj[key]
    return name, None


def _from_object(obj: Any, input: str, fmt: str) -> Document:
    """A document from one JSON article object."""
    if not isinstance(obj, dict):
        raise Unreadable(f"expected a JSON object for an article, got {type(obj).__name__}")
    key, text = _keyed_field(obj, "text")
    if isinstance(text, list):
        # A body given as its paragraphs.
        if not any(isinstance(t, str) for t in text):
            raise Unreadable(f"JSON article's {key!r} field is a list without strings")
        text = "\n\n".join(t for t in text if isinstance(t, str))
    if text is not None and not isinstance(text, str):
        raise Unreadable(f"JSON article's {key!r} field is {json_type(text)}, not a string")
    if text is None or not text.strip():
        raise Unreadable("JSON article has no 'text' (or 'body'/'content') field")
    return Document(
        input=input,
        text=text,
        format=fmt,
        title=clean_str(_field(obj, "title")),
        outlet=clean_str(_field(obj, "outlet")),
        url=clean_str(_field(obj, "url")),
        published=parse_date(_field(obj, "published")),
    )


def _parse_json(
    text: str, input: str, fmt: str, max_depth: int
) -> Iterator[Document | Skipped]:
    try:
        data = load_json(text, max_depth)
    except Unreadable as exc:
        yield Skipped(input=input, reason=str(exc))
        return
    if isinstance(data, dict):
        for key in ("articles", "items", "documents", "data"):
            if isinstance(data.get(key), list) and _field(data, "text") is None:
                data = data[key]
                break
    if isinstance(data, list):
        if not data:
            yield Skipped(input=input, reason="empty JSON list")
            return
        for n, obj in enumerate(data, start=1):
            where = f"{input}#{n}" if len(data) > 1 else input
            yield _guard(lambda obj=obj, where=where: _from_object(obj, where, fmt), where)
        return
    yield _guard(lambda: _from_object(data, input, fmt), input)


def _parse_jsonl(
    text: str, input: str, fmt: str, max_depth: int
) -> Iterator[Document | Skipped]:
    any_line = False
    for n, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        any_line = True
        where = f"{input}#{n}"
        try:
            obj = load_json(line, max_depth, what=f"JSON on line {n}")
        except Unreadable as exc:
            yield Skipped(input=where, reason=str(exc))
            continue
        yield _guard(lambda obj=obj, where=where: _from_object(obj, where, fmt), where)
    if not any_line:
        yield Skipped(input=input, reason="empty")


def _guard(make, input: str) -> Document | Skipped:
    try:
        return make()
    except Unreadable as exc:
        return Skipped(input=input, reason=str(exc))


def parse(
    text: str,
    kind: str,
    input: str,
    fmt: str,
    url: str | None = None,
    settings: IngestSettings | None = None,
):
    """Documents of decoded content of a known kind.

    A document that names its URL but no outlet gets the URL's domain as its outlet
    (:func:`domain_outlet`), as a fetched page does: "nytimes.com" tells a reader more than
    "report 7", and the outlet is what groups one site's furniture. One with no published
    date gets the date its URL's path spells, if any (:func:`url_date`).
    """
    for item in _parse_kind(text, kind, input, fmt, url, settings):
        if isinstance(item, Document) and item.url:
            if item.outlet is None:
                item = dataclasses.replace(item, outlet=domain_outlet(item.url))
            if item.published is None:
                item = dataclasses.replace(item, published=url_date(item.url))
        yield item


def _parse_kind(
    text: str,
    kind: str,
    input: str,
    fmt: str,
    url: str | None = None,
    settings: IngestSettings | None = None,
):
    if not text.strip():
        yield Skipped(input=input, reason="empty")
    elif kind == "html":
        yield _guard(lambda: parse_html(text, input, fmt, url, settings), input)
    elif kind == "json":
        yield from _parse_json(text, input, fmt, (settings or IngestSettings()).max_json_depth)
    elif kind == "jsonl":
        yield from _parse_jsonl(text, input, fmt, (settings or IngestSettings()).max_json_depth)
    elif kind == "feed":
        yield from read_feed(input, text.encode("utf-8"), fetch=None, settings=settings)
    else:
        yield _parse_text(text, input, fmt)
