"""URLs: a page or feed fetched within the size and time limits, then read by its kind.

The body is streamed so that a server that sends forever cannot hold the run; a feed's
entries are read through their linked pages (:mod:`.feeds`), anything else by its content
type, else sniffed (:mod:`.formats`). A page read from a URL always has an outlet.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass

import httpx

from ..model import Document, Skipped
from ..settings import IngestSettings
from .decode import MAGIC, sniff
from .feeds import read_feed
from .formats import parse
from .metadata import domain_outlet
from .pages import decode_page

USER_AGENT = "newscheck/0.1 (+https://pypi.org/project/newscheck/)"


def new_client(settings: IngestSettings) -> httpx.Client:
    """An HTTP client that names newscheck, follows redirects and waits ``timeout`` s."""
    return httpx.Client(
        headers={"User-Agent": USER_AGENT},
        follow_redirects=True,
        timeout=settings.timeout,
    )


@dataclass(frozen=True, slots=True, kw_only=True)
class _Fetched:
    """A page's bytes as fetched, within the size and time limits."""

    url: str
    content_type: str
    content: bytes
    charset: str | None

    @property
    def text(self) -> str:
        """The body decoded in the charset it declares (HTTP, byte-order mark or
        ``<meta>``), else UTF-8, else the detected one (:func:`.pages.decode_page`)."""
        return decode_page(self.content, self.charset)


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


def read_url(
    url: str, settings: IngestSettings, client: httpx.Client
) -> Iterator[Document | Skipped]:
    page = _fetch(client, url, settings)
    if isinstance(page, str):
        yield Skipped(input=url, reason=page)
        return
    content_type = page.content_type
    if page.content[:16].startswith(tuple(m for m, _ in MAGIC)):
        yield Skipped(input=url, reason=f"not a text, HTML or JSON document ({content_type})")
        return
    text = page.text
    if _is_feed(content_type, text):
        yield from read_feed(
            url, page.content, fetch=lambda link: read_url(link, settings, client),
            settings=settings,
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
        kind = sniff(text)
    for item in parse(text, kind, url, "url", url=page.url, settings=settings):
        if isinstance(item, Document) and (item.url is None or item.outlet is None):
            # A page read from a URL always has an outlet: its domain at least.
            item = _replace_url(item, item.url or page.url, item.outlet or domain_outlet(page.url))
        yield item


def _replace_url(doc: Document, url: str, outlet: str | None = None) -> Document:
    return Document(
        input=doc.input, text=doc.text, format=doc.format, title=doc.title,
        outlet=outlet or doc.outlet, url=url, published=doc.published,
    )  # fmt: skip
