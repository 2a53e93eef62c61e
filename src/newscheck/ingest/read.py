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

import dataclasses
import datetime as dt
import email.utils
import errno
import glob
import html as html_lib
import json
import os
import re
import stat
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Any, TextIO
from urllib.parse import urlsplit

import httpx

from ..model import Document, Skipped
from ..settings import IngestSettings
from .clean import looks_like_headline, strip_site_name

USER_AGENT = "newscheck/0.1 (+https://pypi.org/project/newscheck/)"

_EXTENSIONS = {
    ".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl",
    ".rss": "feed", ".atom": "feed", ".xml": "feed", ".rdf": "feed",
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
    wide = _wide_encoding(data)
    if wide is not None:
        # UTF-16 or UTF-32 (Windows "Unicode" text): NUL bytes are expected
        try:
            data = data.decode(wide).lstrip("\ufeff").encode("utf-8")
        except UnicodeDecodeError:
            raise _Unreadable(f"looks like {wide.upper()} text but does not decode") from None
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


def _wide_encoding(data: bytes) -> str | None:
    """``utf-32``/``utf-16`` (with their byte order) when the bytes are such text, else None.

    A byte-order mark decides; without one, the pattern of NUL bytes does: text in the
    Latin, Greek or Cyrillic scripts stored as UTF-16 has a NUL in (nearly) every other
    byte, and as UTF-32 in two or three of every four, on the side of the byte order.
    """
    if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        return "utf-32"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    sample = data[:4096]
    n = len(sample) // 4 * 4
    if n < 8 or b"\x00" not in sample:
        return None

    def nul_share(offset: int, step: int) -> float:
        positions = range(offset, n, step)
        return sum(1 for i in positions if sample[i] == 0) / len(positions)

    if nul_share(2, 4) > 0.95 and nul_share(3, 4) > 0.95 and nul_share(0, 4) < 0.05:
        return "utf-32-le"
    if nul_share(0, 4) > 0.95 and nul_share(1, 4) > 0.95 and nul_share(3, 4) < 0.05:
        return "utf-32-be"
    if nul_share(1, 2) > 0.6 and nul_share(0, 2) < 0.05:
        return "utf-16-le"
    if nul_share(0, 2) > 0.6 and nul_share(1, 2) < 0.05:
        return "utf-16-be"
    return None


def _sniff(text: str) -> str:
    """``html``, ``feed``, ``json``, ``jsonl`` or ``txt`` for content of unknown kind."""
    head = text.lstrip()[:4096].lower()
    if head.startswith(("<?xml", "<rss", "<feed", "<rdf:rdf")) and re.search(
        r"<(?:rss|feed|rdf:rdf)[\s>]", head
    ):
        return "feed"
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


def _parse_html(
    markup: str,
    input: str,
    fmt: str,
    url: str | None = None,
    settings: IngestSettings | None = None,
) -> Document:
    """Main text and metadata of an HTML page (trafilatura).

    The title loses the site's name at its ends (:func:`~newscheck.ingest.clean.strip_site_name`);
    the outlet is the page's site name, else its domain (:func:`domain_outlet`); a homepage
    or listing page is :class:`_Unreadable` (:func:`_listing_reason`).
    """
    import trafilatura

    settings = settings or IngestSettings()

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
    page_url = _clean_str(data.get("url")) or url
    reason = _listing_reason(markup, text, url, settings)
    if reason:
        raise _Unreadable(f"not an article: a homepage or listing page ({reason})")
    site = _site_name(data)
    domain = domain_outlet(page_url) or domain_outlet(url)
    title = _clean_str(data.get("title"))
    if title:
        # A subdomain can be the site ("harborblog.example.com" is "Harbor Blog").
        sub = domain.split(".")[0] if domain and domain.count(".") >= 2 else None
        sub = sub if sub and len(sub) >= 4 else None
        names = [n for n in (site, domain, _domain_label(domain), sub) if n]
        title = strip_site_name(title, names, settings.site_name_similarity)
    return Document(
        input=input,
        text=text,
        format=fmt,
        title=title,
        outlet=site or domain,
        url=page_url,
        published=parse_date(data.get("date")),
    )


# Structured-data types of a single article (schema.org); a page declaring one is never
# taken for a listing.
_ARTICLE_TYPES = re.compile(
    r"[\"'](?:News|Reportage|Analysis|Opinion|Review|Scholarly|Tech|Satirical|Background)?"
    r"Article[\"']|[\"'](?:BlogPosting|LiveBlogPosting|Report|SocialMediaPosting)[\"']"
)
# A path segment naming a section, not an article: one plain word ("/world/", "/sport").
_SECTION_SEGMENT = re.compile(r"[a-z]{2,20}")


def _page_signals(markup: str) -> dict[str, Any] | None:
    """What tells a listing page from an article in an HTML page (None: unparsable).

    ``article_meta``: any sign of a single article (``og:type`` "article",
    ``article:published_time``, a schema.org Article or BlogPosting); ``og_type``;
    ``density``: share of the body's visible characters inside links; ``teasers``: number of
    ``<article>`` elements; ``headline_links``: distinct targets of links that are headings
    (``<h2><a>`` or ``<a><h3>``); ``anchors``: the normalised texts of all links.
    """
    try:
        import lxml.html

        tree = lxml.html.document_fromstring(markup)
    except (ValueError, TypeError, lxml.etree.ParserError):
        return None

    def meta(key: str) -> str:
        for node in tree.iterfind(".//meta"):
            if (node.get("property") or node.get("name") or "").lower() == key:
                return (node.get("content") or "").strip().lower()
        return ""

    og_type = meta("og:type")
    article_meta = og_type.startswith("article") or bool(meta("article:published_time"))
    for script in tree.iterfind(".//script"):
        if "ld+json" in (script.get("type") or "") and _ARTICLE_TYPES.search(script.text or ""):
            article_meta = True
    for node in list(tree.iter("script", "style", "noscript", "template")):
        node.drop_tree()
    body = tree.find("body")
    if body is None:
        return None
    total = len("".join(body.text_content().split()))
    anchors = list(body.iter("a"))
    linked = sum(len("".join(a.text_content().split())) for a in anchors)
    headings = {"h1", "h2", "h3", "h4", "h5", "h6"}
    headline_anchors = [
        a
        for a in anchors
        if a.get("href")
        and (
            any(p.tag in headings for p in a.iterancestors())
            or any(d.tag in headings for d in a.iterdescendants())
        )
    ]
    headline_links = {a.get("href") for a in headline_anchors}
    headline_chars = sum(len("".join(a.text_content().split())) for a in headline_anchors)
    return {
        "article_meta": article_meta,
        "og_type": og_type,
        "density": linked / total if total else 0.0,
        "teasers": sum(1 for _ in body.iter("article")),
        "headline_links": len(headline_links),
        "headline_share": headline_chars / total if total else 0.0,
        "anchors": {" ".join(a.text_content().split()).lower() for a in anchors},
    }


def _listing_reason(
    markup: str, text: str, url: str | None, settings: IngestSettings
) -> str | None:
    """Why an HTML page is a homepage or listing page, or None for an article (or unsure).

    Conservative (a real article must never be skipped): a page with any article metadata
    is an article. Without it, a page is a listing when

    * the URL it was fetched from is a site's root ("/"), or a bare section path
      ("/world/") with as many headline links;
    * it holds several ``<article>`` teasers and ``listing_min_headlines`` headline links
      that make ``listing_headline_share`` of its visible text;
    * most of its visible text is in links and most of the extracted text is link text.

    Args:
        markup: The page.
        text: The text extracted from it.
        url: The URL the page was fetched from (not its canonical link, which pages often
            point at their front page); None for a local file.
        settings: Thresholds.
    """
    signals = _page_signals(markup)
    if signals is None or signals["article_meta"]:
        return None
    heads = signals["headline_links"]
    if url and _URL.match(url):
        parts = urlsplit(url)
        segments = [seg for seg in parts.path.lower().split("/") if seg]
        if not segments and not parts.query:
            return "the site's front page"
        if (
            len(segments) <= 2
            and all(_SECTION_SEGMENT.fullmatch(seg) for seg in segments)
            and not parts.query
            and heads >= settings.listing_min_headlines
            and signals["headline_share"] >= settings.listing_headline_share
        ):
            return f"section path {parts.path}, {heads} headline links"
    if (
        heads >= settings.listing_min_headlines
        and signals["headline_share"] >= settings.listing_headline_share
        and signals["teasers"] >= 3
    ):
        return f"{heads} headline links in {signals['teasers']} article teasers"
    paragraphs = [" ".join(p.split()).lower() for p in text.split("\n") if p.strip()]
    size = sum(len(p) for p in paragraphs)
    in_links = sum(len(p) for p in paragraphs if p in signals["anchors"])
    if (
        signals["density"] >= settings.listing_link_density
        and size
        and in_links / size >= settings.listing_link_density
    ):
        return f"{signals['density']:.0%} of its text in links, most extracted lines are links"
    return None


# Host prefixes that name a server, not the site: "www.harbortimes.co.uk".
_HOST_PREFIX = re.compile(r"^(?:www\d?|m|mobile|amp|edition|beta)\.")
# Second-level labels under a country code: "harbortimes.co.uk", "diario.com.ar".
_SECOND_LEVEL = frozenset({"co", "com", "org", "net", "gov", "ac", "edu", "or", "ne", "go",
                           "gob", "nic", "ltd", "plc", "info", "web"})  # fmt: skip


def domain_outlet(url: str | None) -> str | None:
    """The outlet named by a URL's domain: its host without "www." (or "m.", "amp.").

    "https://www.harbortimes.co.uk/news/x" -> "harbortimes.co.uk". The host is kept whole
    (rather than made into "Harbor Times") because a domain is an exact, checkable name
    and word boundaries cannot be recovered from it.
    """
    if not url or not _URL.match(url):
        return None
    try:
        host = (urlsplit(url).hostname or "").lower().rstrip(".")
    except ValueError:
        return None
    if not host or "." not in host or re.fullmatch(r"[\d.]+|\[.*\]", host):
        return None
    return _HOST_PREFIX.sub("", host) or None


def _domain_label(domain: str | None) -> str | None:
    """The name part of a domain: "harbortimes.co.uk" -> "harbortimes"."""
    if not domain:
        return None
    labels = domain.split(".")
    if len(labels) >= 3 and labels[-2] in _SECOND_LEVEL and len(labels[-1]) == 2:
        return labels[-3]
    return labels[-2] if len(labels) >= 2 else labels[0]


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


def _parse(
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


_URL_DATE = re.compile(r"/((?:19|20)\d\d)/(0?[1-9]|1[0-2])/(0?[1-9]|[12]\d|3[01])(?=/|$)")


def url_date(url: str | None, *, today: dt.date | None = None) -> dt.date | None:
    """The publication date a news URL's path spells as ``/YYYY/MM/DD/``, or None.

    News sites file articles by day ("https://example.org/2018/04/17/world/x.html"); the
    path is read, never the query or fragment, the three parts must make a real date, and
    a date after ``today`` is not a publication date. A path with only a year and month
    ("/2018/04/") gives nothing: the day would be invented.
    """
    if not url:
        return None
    try:
        path = urlsplit(url).path
    except ValueError:
        return None
    m = _URL_DATE.search(path)
    if m is None:
        return None
    try:
        day = dt.date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None
    return None if day > (today or dt.date.today()) else day


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
        yield _guard(lambda: _parse_html(text, input, fmt, url, settings), input)
    elif kind == "json":
        yield from _parse_json(text, input, fmt)
    elif kind == "jsonl":
        yield from _parse_jsonl(text, input, fmt)
    elif kind == "feed":
        yield from _read_feed(input, text.encode("utf-8"), fetch=None)
    else:
        yield _parse_text(text, input, fmt)


# --------------------------------------------------------------------------- files


_SPECIAL_FILES = (
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
)


def _os_reason(exc: OSError, path: str) -> str:
    """The one-line reason an operating-system error gives for a path."""
    if exc.errno == errno.ELOOP:
        return "symlink loop"
    if isinstance(exc, FileNotFoundError):
        if os.path.islink(path):
            return f"broken symbolic link (to {os.readlink(path)})"
        return "no such file or directory"
    if isinstance(exc, PermissionError):
        return "permission denied"
    return f"cannot read: {exc.strerror or exc}"


def _read_bytes(path: str, settings: IngestSettings) -> bytes | str:
    """A regular file's bytes (at most ``max_bytes``), or the reason they cannot be had.

    The file's kind is checked before it is opened: opening a FIFO would block until some
    other process writes to it, and a device may never end.
    """
    try:
        info = os.stat(path)
    except OSError as exc:
        return _os_reason(exc, path)
    if not stat.S_ISREG(info.st_mode):
        kind = next((name for test, name in _SPECIAL_FILES if test(info.st_mode)), "not a file")
        return f"special file ({kind}), not a document: not opened"
    if info.st_size > settings.max_bytes:
        return f"too large ({info.st_size:,} bytes; the limit is {settings.max_bytes:,})"
    try:
        # O_NONBLOCK: should the path have become a FIFO since the check, never wait on it.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(fd, "rb") as fh:
            data = fh.read(settings.max_bytes + 1)
    except OSError as exc:
        return _os_reason(exc, path)
    if len(data) > settings.max_bytes:
        return f"too large (over {settings.max_bytes:,} bytes, the limit)"
    return data


def _read_file(path: str, settings: IngestSettings) -> Iterator[Document | Skipped]:
    data = _read_bytes(path, settings)
    if isinstance(data, str):
        yield Skipped(input=path, reason=data)
        return
    yield from documents_from_bytes(data, path, settings)


def documents_from_bytes(
    data: bytes, name: str, settings: IngestSettings
) -> Iterator[Document | Skipped]:
    """The documents of a file's bytes, read exactly as the same file on disk is read.

    For bytes that arrive without a path (an upload, a pasted report): the kind comes from
    ``name``'s extension, else from the content, as for a file.

    Args:
        data: The file's content.
        name: Its file name; it becomes each document's ``input``.
        settings: Size limit (``max_bytes``) and the listing-page thresholds.

    Yields:
        A :class:`Document` per report, or a :class:`Skipped` with the reason.
    """
    if len(data) > settings.max_bytes:
        yield Skipped(
            input=name, reason=f"too large ({len(data):,} bytes; the limit is {settings.max_bytes:,})"
        )
        return
    if not data.strip():
        yield Skipped(input=name, reason="empty")
        return
    try:
        text = _decode(data)
    except _Unreadable as exc:
        yield Skipped(input=name, reason=str(exc))
        return
    kind = _EXTENSIONS.get(os.path.splitext(name)[1].lower()) or _sniff(text)
    if kind == "txt" and _sniff(text) == "feed":
        # A feed saved as text is still a feed: its markup must not become report text.
        kind = "feed"
    if kind == "feed":
        yield from _read_feed(name, data, fetch=None)
        return
    yield from _parse(text, kind, name, kind, settings=settings)


def _walk(directory: str) -> list[tuple[str, str | None]]:
    """Files under a directory, sorted by path, each with None or the reason it is skipped.

    Hidden files and folders are left out. A folder that cannot be listed, and a link to
    a folder already read on the way down (a loop), is named with its reason; links to
    other folders are followed.
    """
    found: list[tuple[str, str | None]] = []
    seen: set[str] = set()

    def visit(folder: str) -> None:
        real = os.path.realpath(folder)
        if real in seen:
            found.append((folder, "symlink loop (a link to a folder already read)"))
            return
        seen.add(real)
        try:
            with os.scandir(folder) as listing:
                entries = sorted(listing, key=lambda e: e.name)
        except OSError as exc:
            found.append((folder, _os_reason(exc, folder)))
            return
        for entry in entries:
            if entry.name.startswith("."):
                continue
            try:
                is_dir = entry.is_dir()
            except OSError:
                is_dir = False
            if is_dir:
                visit(entry.path)
            else:
                found.append((entry.path, None))

    visit(directory)
    return sorted(found, key=lambda item: os.path.relpath(item[0], directory))


def _read_path(path: str, settings: IngestSettings) -> Iterator[Document | Skipped]:
    if os.path.isdir(path):
        files = _walk(path)
        if not files:
            yield Skipped(input=path, reason="directory holds no files")
        for f, reason in files:
            if reason is not None:
                yield Skipped(input=f, reason=reason)
            else:
                yield from _read_file(f, settings)
    else:
        yield from _read_file(path, settings)


# --------------------------------------------------------------------------- URLs


@dataclass(frozen=True, slots=True, kw_only=True)
class _Fetched:
    """A page's bytes as fetched, within the size and time limits."""

    url: str
    content_type: str
    content: bytes
    charset: str | None

    @property
    def text(self) -> str:
        try:
            return self.content.decode(self.charset or "utf-8", errors="replace")
        except LookupError:
            return self.content.decode("utf-8", errors="replace")


def _fetch(client: httpx.Client, url: str, settings: IngestSettings) -> _Fetched | str:
    """The page, or the reason it could not be had.

    The body is streamed: reading stops at ``max_bytes`` and at ``timeout`` seconds in
    all, so a server that sends forever, or drip-feeds, cannot hold the run.
    """
    deadline = time.monotonic() + settings.timeout
    too_large = f"too large (over {settings.max_bytes:,} bytes, the limit)"
    try:
        with client.stream(
            "GET",
            url,
            headers={"User-Agent": USER_AGENT},
            follow_redirects=True,
            timeout=settings.timeout,
        ) as response:
            if response.status_code >= 400:
                return f"HTTP {response.status_code}"
            declared = response.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > settings.max_bytes:
                return too_large
            chunks: list[bytes] = []
            size = 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > settings.max_bytes:
                    return too_large
                if time.monotonic() > deadline:
                    return f"timed out after {settings.timeout:g} s"
                chunks.append(chunk)
            return _Fetched(
                url=str(response.url),
                content_type=response.headers.get("content-type", "").lower(),
                content=b"".join(chunks),
                charset=response.charset_encoding,
            )
    except httpx.TimeoutException:
        return f"timed out after {settings.timeout:g} s"
    except httpx.HTTPError as exc:
        return f"could not fetch: {exc.__class__.__name__}: {exc}".rstrip(": ")


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
    page = _fetch(client, url, settings)
    if isinstance(page, str):
        yield Skipped(input=url, reason=page)
        return
    content_type = page.content_type
    if page.content[:16].startswith(tuple(m for m, _ in _MAGIC)):
        yield Skipped(input=url, reason=f"not a text, HTML or JSON document ({content_type})")
        return
    text = page.text
    if _is_feed(content_type, text):
        yield from _read_feed(
            url, page.content, fetch=lambda link: _read_url(link, settings, client)
        )
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
    for item in _parse(text, kind, url, "url", url=page.url, settings=settings):
        if isinstance(item, Document) and (item.url is None or item.outlet is None):
            # A page read from a URL always has an outlet: its domain at least.
            item = _replace_url(item, item.url or page.url, item.outlet or domain_outlet(page.url))
        yield item


def _replace_url(doc: Document, url: str, outlet: str | None = None) -> Document:
    return Document(
        input=doc.input, text=doc.text, format=doc.format, title=doc.title,
        outlet=outlet or doc.outlet, url=url, published=doc.published,
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


def _refuse_entities(content: bytes) -> None:
    """:class:`_Unreadable` when a feed declares XML entities (an "entity bomb").

    The feed is parsed once with defusedxml, which refuses entity declarations and
    external references instead of expanding them. A feed that is not well-formed XML is
    left to feedparser's lenient parser, which expands no declared entity.
    """
    from xml.etree.ElementTree import ParseError

    from defusedxml import DefusedXmlException, EntitiesForbidden
    from defusedxml.ElementTree import fromstring

    try:
        fromstring(content, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except EntitiesForbidden:
        raise _Unreadable(
            "feed refused: it declares XML entities (entity expansion is off)"
        ) from None
    except DefusedXmlException:
        raise _Unreadable("feed refused: it refers to external files or DTDs") from None
    except ParseError:
        pass


def _read_feed(
    feed_input: str,
    content: bytes,
    *,
    fetch: Callable[[str], Iterator[Document | Skipped]] | None,
) -> Iterator[Document | Skipped]:
    """The reports of an RSS or Atom feed.

    Args:
        feed_input: The feed's URL or file path.
        content: The feed's bytes.
        fetch: Reads an entry's linked page (feeds read by URL); None for a feed file,
            whose entries are read from the text the feed itself carries.
    """
    import feedparser

    try:
        _refuse_entities(content)
    except _Unreadable as exc:
        yield Skipped(input=feed_input, reason=str(exc))
        return
    # Bytes, never a str: feedparser fetches a str that looks like a URL.
    feed = feedparser.parse(bytes(content))
    if not feed.entries:
        is_feed = bool(feed.get("version"))
        yield Skipped(
            input=feed_input,
            reason="feed has no entries" if is_feed else "XML that is not an RSS or Atom feed",
        )
        return
    site = _clean_str(feed.feed.get("title"))
    for n, entry in enumerate(feed.entries, start=1):
        link = entry.get("link")
        where = link if fetch is not None and link else f"{feed_input}#{n}"
        title = _clean_str(entry.get("title"))
        published = None
        for key in ("published_parsed", "updated_parsed"):
            if entry.get(key):
                published = dt.date(*entry[key][:3])
                break
        if fetch is None:
            reason = "linked pages are read only for feeds given by URL"
        else:
            reason = "entry has no link"
        if link and fetch is not None:
            fetched = list(fetch(link))
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
        if len(re.findall(r"[.!?。！？][\"'”’)]*(?:\s|$)", text)) >= 3:
            yield Document(
                input=where, text=text, format="url" if fetch else "feed", title=title,
                outlet=site, url=link, published=published,
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
                # Bounded: a stream that never ends is cut at the limit and refused.
                text = stream.read(settings.max_bytes + 1)
                if len(text.encode("utf-8", errors="replace")) > settings.max_bytes:
                    yield Skipped(
                        input="-", reason=f"too large (the limit is {settings.max_bytes:,} bytes)"
                    )
                    continue
                yield from _parse(text, _sniff(text), "-", "stdin", settings=settings)
            elif _URL.match(raw):
                if client is None and own_client is None:
                    own_client = httpx.Client(
                        headers={"User-Agent": USER_AGENT},
                        follow_redirects=True,
                        timeout=settings.timeout,
                    )
                yield from _read_url(raw, settings, client or own_client)
            elif os.path.lexists(raw):
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
