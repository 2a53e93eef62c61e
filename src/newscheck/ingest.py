"""Read inputs into :class:`~newscheck.model.Document` objects.

An input is a file, a directory (read recursively), a glob, ``-`` for stdin, or an
http(s) URL (an HTML page or an RSS/Atom feed). Every input is accounted for: it yields
one or more documents, or a :class:`~newscheck.model.Skipped` with a one-line reason.

Formats: plain text and Markdown (with an optional ``Title:``/``Outlet:``/``Published:``/
``URL:`` header or YAML front matter), HTML (main text and metadata by trafilatura), JSON
(one article object or a list) and JSON Lines (one article per line). A file with another
extension is sniffed.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import glob
import html as html_lib
import json
import os
import re
import sys
from collections.abc import Iterator, Sequence
from html.parser import HTMLParser
from typing import Any, TextIO

import httpx

from .clean import looks_like_headline
from .model import Document, Skipped
from .settings import IngestSettings

USER_AGENT = "newscheck/0.1 (+https://pypi.org/project/newscheck/)"

_EXTENSIONS = {
    ".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl",
}  # fmt: skip
_MAGIC = (
    (b"%PDF", "PDF"), (b"\x89PNG", "PNG"), (b"\xff\xd8\xff", "JPEG"), (b"GIF8", "GIF"),
    (b"PK\x03\x04", "ZIP"), (b"\x1f\x8b", "gzip"), (b"\xd0\xcf\x11\xe0", "MS Office"),
    (b"{\\rtf", "RTF"), (b"\x7fELF", "executable"), (b"RIFF", "RIFF media"),
    (b"OggS", "Ogg"), (b"ID3", "MP3"), (b"7z\xbc\xaf", "7z"), (b"Rar!", "RAR"),
    (b"SQLite format 3", "SQLite"), (b"wOFF", "font"),
)  # fmt: skip
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
_GLOB_CHARS = re.compile(r"[*?\[]")
_URL = re.compile(r"^https?://", re.IGNORECASE)


# --------------------------------------------------------------------------- dates


_DATE_FORMATS = (
    "%B %d, %Y", "%b %d, %Y", "%b. %d, %Y", "%d %B %Y", "%d %b %Y", "%d %b. %Y",
    "%B %d %Y", "%b %d %Y", "%Y/%m/%d", "%Y.%m.%d", "%d %B, %Y", "%Y%m%d",
)  # fmt: skip


def parse_date(value: Any) -> dt.date | None:
    """A calendar date from an ISO date/datetime or a common written form; else None.

    Only explicit dates are read ("2026-03-14", "2026-03-14T09:30:00Z", "March 14, 2026",
    "14 March 2026", RFC 2822 as in feeds); nothing relative ("yesterday") and nothing
    ambiguous ("03/04/2026") is guessed.
    """
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        return None
    s = " ".join(value.split())
    if not s:
        return None
    iso = re.match(r"^(\d{4}-\d{2}-\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$", s)
    if iso:
        try:
            return dt.date.fromisoformat(iso.group(1))
        except ValueError:
            return None
    try:
        return email.utils.parsedate_to_datetime(s).date()
    except (TypeError, ValueError, IndexError):
        pass
    # Drop a leading weekday and a trailing time of day: "Friday, March 13, 2026 4:12 pm".
    s = re.sub(r"^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+", "", s, flags=re.IGNORECASE)
    s = re.sub(
        r"(?:,?\s+(?:at\s+)?\d{1,2}[:.]\d{2}.*|,?\s+\d{1,2}\s*[ap]\.?m\.?.*)$",
        "",
        s,
        flags=re.IGNORECASE,
    )
    s = re.sub(r"(\d)(?:st|nd|rd|th)\b", r"\1", s)
    for fmt in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(s, fmt).date()
        except ValueError:
            continue
    return None


# --------------------------------------------------------------------------- bytes -> text


class _Unreadable(Exception):
    """An input that is not a document; the message is the reason."""


def _decode(data: bytes) -> str:
    """Text of a file's bytes, or :class:`_Unreadable` with the reason."""
    for magic, name in _MAGIC:
        if data.startswith(magic):
            raise _Unreadable(f"binary file ({name}), not a text, HTML or JSON document")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        # UTF-16 with a byte-order mark (Windows "Unicode" text): NUL bytes are expected
        try:
            data = data.decode("utf-16").encode("utf-8")
        except UnicodeDecodeError:
            raise _Unreadable("UTF-16 byte-order mark but undecodable content") from None
    head = data[:8192]
    if b"\x00" in head:
        raise _Unreadable("binary file, not a text, HTML or JSON document")
    text: str | None = None
    for encoding in ("utf-8-sig",):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            pass
    if text is None:
        try:
            candidate = data.decode("cp1252")
            # Only when it round-trips: cp1252 maps almost every byte, so check nothing was
            # lost.
            if candidate.encode("cp1252") == data:
                text = candidate
        except (UnicodeDecodeError, UnicodeEncodeError):
            pass
    if text is None:
        raise _Unreadable("not UTF-8 or Windows-1252 text, nor HTML or JSON")
    sample = text[:8192]
    controls = sum(1 for c in sample if ord(c) < 32 and c not in "\n\r\t\f\v")
    if controls > max(2, len(sample) // 100):
        raise _Unreadable("binary file, not a text, HTML or JSON document")
    return text


def _sniff(text: str) -> str:
    """``html``, ``json``, ``jsonl`` or ``txt`` for content of unknown kind."""
    head = text.lstrip()[:4096].lower()
    if head.startswith(("<!doctype html", "<html")) or re.search(r"<(?:body|p)[\s>]", head):
        return "html"
    if head.startswith(("{", "[")):
        try:
            json.loads(text)
            return "json"
        except ValueError:
            pass
        lines = [ln for ln in text.splitlines() if ln.strip()]
        if lines:
            try:
                if isinstance(json.loads(lines[0]), dict):
                    return "jsonl"
            except ValueError:
                pass
    return "txt"


# --------------------------------------------------------------------------- formats


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


def _parse_html(markup: str, input: str, fmt: str, url: str | None = None) -> Document:
    """Main text and metadata of an HTML page (trafilatura)."""
    import trafilatura

    result = trafilatura.bare_extraction(
        markup,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        deduplicate=False,
        # Read the page's own date only: no guessing from the text.
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    data: dict[str, Any] = {}
    if result is not None:
        data = result.as_dict() if hasattr(result, "as_dict") else dict(result)
    text = (data.get("text") or "").strip()
    if text:
        # trafilatura puts one block per line: make the paragraph breaks explicit.
        text = re.sub(r"\n+", "\n\n", text)
    else:
        # A fragment too small for trafilatura to find an article in: take its text as
        # is and let cleaning judge it.
        text = _fragment_text(markup)
    if not text:
        raise _Unreadable("no article text found in the HTML page")
    return Document(
        input=input,
        text=text,
        format=fmt,
        title=_clean_str(data.get("title")),
        outlet=_site_name(data),
        url=_clean_str(data.get("url")) or url,
        published=parse_date(data.get("date")),
    )


def _site_name(data: dict[str, Any]) -> str | None:
    """The page's own site name; trafilatura's fallback to the host name is no name."""
    name = _clean_str(data.get("sitename"))
    if name is None or name == data.get("hostname") or re.fullmatch(r"[\w.-]+\.[a-z]{2,}", name):
        return None
    return name


def _clean_str(value: Any) -> str | None:
    if isinstance(value, dict):
        value = value.get("name") or value.get("title")
    if isinstance(value, list):
        value = next((v for v in value if isinstance(v, str) and v.strip()), None)
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None


def _field(obj: dict[str, Any], name: str) -> Any:
    for key in _FIELDS[name]:
        if key in obj and obj[key] not in (None, "", []):
            return obj[key]
    return None


def _from_object(obj: Any, input: str, fmt: str) -> Document:
    """A document from one JSON article object."""
    if not isinstance(obj, dict):
        raise _Unreadable(f"expected a JSON object for an article, got {type(obj).__name__}")
    text = _field(obj, "text")
    if isinstance(text, list):
        text = "\n\n".join(str(t) for t in text if isinstance(t, str))
    if not isinstance(text, str) or not text.strip():
        raise _Unreadable("JSON article has no 'text' (or 'body'/'content') field")
    return Document(
        input=input,
        text=text,
        format=fmt,
        title=_clean_str(_field(obj, "title")),
        outlet=_clean_str(_field(obj, "outlet")),
        url=_clean_str(_field(obj, "url")),
        published=parse_date(_field(obj, "published")),
    )


def _parse_json(text: str, input: str, fmt: str) -> Iterator[Document | Skipped]:
    try:
        data = json.loads(text)
    except ValueError as exc:
        yield Skipped(input=input, reason=f"invalid JSON: {exc}")
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


def _parse_jsonl(text: str, input: str, fmt: str) -> Iterator[Document | Skipped]:
    any_line = False
    for n, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        any_line = True
        where = f"{input}#{n}"
        try:
            obj = json.loads(line)
        except ValueError as exc:
            yield Skipped(input=where, reason=f"invalid JSON on line {n}: {exc}")
            continue
        yield _guard(lambda obj=obj, where=where: _from_object(obj, where, fmt), where)
    if not any_line:
        yield Skipped(input=input, reason="empty")


def _guard(make, input: str) -> Document | Skipped:
    try:
        return make()
    except _Unreadable as exc:
        return Skipped(input=input, reason=str(exc))


def _parse(text: str, kind: str, input: str, fmt: str, url: str | None = None):
    """Documents of decoded content of a known kind."""
    if not text.strip():
        yield Skipped(input=input, reason="empty")
    elif kind == "html":
        yield _guard(lambda: _parse_html(text, input, fmt, url), input)
    elif kind == "json":
        yield from _parse_json(text, input, fmt)
    elif kind == "jsonl":
        yield from _parse_jsonl(text, input, fmt)
    else:
        yield _parse_text(text, input, fmt)


# --------------------------------------------------------------------------- files


def _read_file(path: str, settings: IngestSettings) -> Iterator[Document | Skipped]:
    try:
        size = os.path.getsize(path)
        if size > settings.max_bytes:
            yield Skipped(
                input=path,
                reason=f"too large ({size:,} bytes; the limit is {settings.max_bytes:,})",
            )
            return
        with open(path, "rb") as fh:
            data = fh.read(settings.max_bytes + 1)
    except FileNotFoundError:
        yield Skipped(input=path, reason="no such file or directory")
        return
    except PermissionError:
        yield Skipped(input=path, reason="permission denied")
        return
    except OSError as exc:
        yield Skipped(input=path, reason=f"cannot read: {exc.strerror or exc}")
        return
    if not data.strip():
        yield Skipped(input=path, reason="empty")
        return
    try:
        text = _decode(data)
    except _Unreadable as exc:
        yield Skipped(input=path, reason=str(exc))
        return
    kind = _EXTENSIONS.get(os.path.splitext(path)[1].lower()) or _sniff(text)
    yield from _parse(text, kind, path, kind)


def _walk(directory: str) -> list[str]:
    """Files under a directory, hidden files and folders skipped, sorted by path."""
    found: list[str] = []
    for root, dirs, files in os.walk(directory):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found.extend(os.path.join(root, f) for f in files if not f.startswith("."))
    rel = sorted(os.path.relpath(p, directory) for p in found)
    return [os.path.join(directory, r) for r in rel]


def _read_path(path: str, settings: IngestSettings) -> Iterator[Document | Skipped]:
    if os.path.isdir(path):
        files = _walk(path)
        if not files:
            yield Skipped(input=path, reason="directory holds no files")
        for f in files:
            yield from _read_file(f, settings)
    else:
        yield from _read_file(path, settings)


# --------------------------------------------------------------------------- URLs


def _fetch(client: httpx.Client, url: str, settings: IngestSettings) -> httpx.Response | str:
    """The response, or the reason it could not be had."""
    try:
        response = client.get(
            url,
            headers={"User-Agent": USER_AGENT},
            follow_redirects=True,
            timeout=settings.timeout,
        )
    except httpx.TimeoutException:
        return f"timed out after {settings.timeout:g} s"
    except httpx.HTTPError as exc:
        return f"could not fetch: {exc.__class__.__name__}: {exc}".rstrip(": ")
    if response.status_code >= 400:
        return f"HTTP {response.status_code}"
    if len(response.content) > settings.max_bytes:
        return f"too large ({len(response.content):,} bytes; the limit is {settings.max_bytes:,})"
    return response


def _response_text(response: httpx.Response) -> str:
    try:
        return response.text
    except (LookupError, UnicodeDecodeError):
        return response.content.decode("utf-8", errors="replace")


def _is_feed(content_type: str, text: str) -> bool:
    if any(t in content_type for t in ("rss", "atom")):
        return True
    head = text.lstrip()[:2048].lower()
    return ("xml" in content_type or head.startswith(("<?xml", "<rss"))) and (
        "<rss" in head or "<feed" in head or "<rdf:rdf" in head
    )


def _read_url(
    url: str, settings: IngestSettings, client: httpx.Client
) -> Iterator[Document | Skipped]:
    response = _fetch(client, url, settings)
    if isinstance(response, str):
        yield Skipped(input=url, reason=response)
        return
    content_type = response.headers.get("content-type", "").lower()
    if response.content[:8].startswith(tuple(m for m, _ in _MAGIC)):
        yield Skipped(input=url, reason=f"not a text, HTML or JSON document ({content_type})")
        return
    text = _response_text(response)
    final_url = str(response.url)
    if _is_feed(content_type, text):
        yield from _read_feed(url, response.content, settings, client)
        return
    if "html" in content_type:
        kind = "html"
    elif "json" in content_type:
        kind = "jsonl" if "ndjson" in content_type or "jsonl" in content_type else "json"
    elif content_type.startswith("text/plain"):
        kind = "txt"
    elif content_type and not content_type.startswith(("text/", "application/xml")):
        yield Skipped(input=url, reason=f"not a text, HTML or JSON document ({content_type})")
        return
    else:
        kind = _sniff(text)
    for item in _parse(text, kind, url, "url", url=final_url):
        if isinstance(item, Document) and item.url is None:
            item = _replace_url(item, final_url)
        yield item


def _replace_url(doc: Document, url: str) -> Document:
    return Document(
        input=doc.input, text=doc.text, format=doc.format, title=doc.title,
        outlet=doc.outlet, url=url, published=doc.published,
    )  # fmt: skip


class _TextOfHTML(HTMLParser):
    """Plain text of an HTML fragment (a feed summary), one paragraph per block."""

    _BLOCKS = frozenset({"p", "div", "br", "li", "h1", "h2", "h3", "h4", "blockquote", "tr"})

    _HIDDEN = frozenset({"script", "style", "noscript", "template", "head", "svg"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in self._HIDDEN:
            self.hidden += 1
        elif tag in self._BLOCKS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        elif tag in self._BLOCKS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(data)


def _fragment_text(fragment: str) -> str:
    parser = _TextOfHTML()
    parser.feed(fragment)
    parser.close()
    text = html_lib.unescape("".join(parser.parts))
    paragraphs = (" ".join(p.split()) for p in re.split(r"\n\s*\n", text))
    return "\n\n".join(p for p in paragraphs if p)


def _read_feed(
    feed_url: str, content: bytes, settings: IngestSettings, client: httpx.Client
) -> Iterator[Document | Skipped]:
    import feedparser

    feed = feedparser.parse(content)
    if not feed.entries:
        yield Skipped(input=feed_url, reason="feed has no entries")
        return
    site = _clean_str(feed.feed.get("title"))
    for n, entry in enumerate(feed.entries, start=1):
        link = entry.get("link")
        where = link or f"{feed_url}#{n}"
        title = _clean_str(entry.get("title"))
        published = None
        for key in ("published_parsed", "updated_parsed"):
            if entry.get(key):
                published = dt.date(*entry[key][:3])
                break
        reason = "entry has no link"
        if link:
            fetched = list(_read_url(link, settings, client))
            docs = [d for d in fetched if isinstance(d, Document)]
            if len(docs) == 1:
                doc = docs[0]
                yield Document(
                    input=where,
                    text=doc.text,
                    format="url",
                    title=doc.title or title,
                    outlet=doc.outlet or site,
                    url=doc.url or link,
                    published=doc.published or published,
                )
                continue
            reason = (
                fetched[0].reason
                if fetched and isinstance(fetched[0], Skipped)
                else ("the linked page is not a single article")
            )
        summary = ""
        if entry.get("content"):
            summary = entry["content"][0].get("value", "")
        summary = summary or entry.get("summary", "")
        text = _fragment_text(summary) if summary else ""
        # A teaser is not a report: use the feed's own text only when it says something.
        if len(re.findall(r"[.!?][\"'”’)]*(?:\s|$)", text)) >= 3:
            yield Document(
                input=where, text=text, format="url", title=title, outlet=site,
                url=link, published=published,
            )  # fmt: skip
        else:
            yield Skipped(input=where, reason=f"{reason}, and the feed gives only a short summary")


# --------------------------------------------------------------------------- public API


def iter_documents(
    inputs: Sequence[str],
    settings: IngestSettings,
    *,
    stdin: TextIO | None = None,
    client: httpx.Client | None = None,
) -> Iterator[Document | Skipped]:
    """Read every input, in order, into documents.

    Args:
        inputs: Files, directories (recursive), globs, ``-`` for stdin, or http(s) URLs.
        settings: Size limit and network timeout.
        stdin: Stream read for ``-`` (default ``sys.stdin``).
        client: HTTP client for URLs (default: one made here and closed at the end).

    Yields:
        A :class:`Document` per report found, or a :class:`Skipped` with the reason for
        each input (or part of one: a file in a folder, a line of a JSON Lines file) that
        cannot be read. No input goes unaccounted for.
    """
    own_client: httpx.Client | None = None
    try:
        for raw in inputs:
            if raw == "-":
                stream = stdin if stdin is not None else sys.stdin
                text = stream.read()
                if len(text.encode("utf-8", errors="replace")) > settings.max_bytes:
                    yield Skipped(
                        input="-", reason=f"too large (the limit is {settings.max_bytes:,} bytes)"
                    )
                    continue
                yield from _parse(text, _sniff(text), "-", "stdin")
            elif _URL.match(raw):
                if client is None and own_client is None:
                    own_client = httpx.Client(
                        headers={"User-Agent": USER_AGENT},
                        follow_redirects=True,
                        timeout=settings.timeout,
                    )
                yield from _read_url(raw, settings, client or own_client)
            elif os.path.exists(raw):
                yield from _read_path(raw, settings)
            elif _GLOB_CHARS.search(raw):
                matches = sorted(glob.glob(raw, recursive=True))
                if not matches:
                    yield Skipped(input=raw, reason="no files match this pattern")
                for match in matches:
                    yield from _read_path(match, settings)
            else:
                yield Skipped(input=raw, reason="no such file or directory")
    finally:
        if own_client is not None:
            own_client.close()


def read_documents(
    inputs: Sequence[str],
    settings: IngestSettings,
    *,
    stdin: TextIO | None = None,
    client: httpx.Client | None = None,
) -> tuple[list[Document], list[Skipped]]:
    """All documents and all skipped inputs of :func:`iter_documents`, in input order."""
    docs: list[Document] = []
    skipped: list[Skipped] = []
    for item in iter_documents(inputs, settings, stdin=stdin, client=client):
        (docs if isinstance(item, Document) else skipped).append(item)
    return docs, skipped
