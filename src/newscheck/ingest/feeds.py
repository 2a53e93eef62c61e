"""RSS and Atom feeds: one report per entry.

An entry of a feed read by URL is its linked page; an entry of a feed file (or one whose
page cannot be read) is the text the feed itself carries, when it says more than a
teaser. Feeds that declare XML entities are refused before they are parsed.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator

from ..model import Document, Skipped
from ..settings import IngestSettings
from .decode import Unreadable
from .metadata import clean_str
from .pages import fragment_text


def _refuse_entities(content: bytes) -> None:
    """:class:`Unreadable` when a feed declares XML entities (an "entity bomb").

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
        raise Unreadable(
            "feed refused: it declares XML entities (entity expansion is off)"
        ) from None
    except DefusedXmlException:
        raise Unreadable("feed refused: it refers to external files or DTDs") from None
    except ParseError:
        pass


def read_feed(
    feed_input: str,
    content: bytes,
    *,
    fetch: Callable[[str], Iterator[Document | Skipped]] | None,
    settings: IngestSettings | None = None,
    select: Callable[[str], bool] | None = None,
) -> Iterator[Document | Skipped]:
    """The reports of an RSS or Atom feed.

    Args:
        feed_input: The feed's URL or file path.
        content: The feed's bytes.
        fetch: Reads an entry's linked page (feeds read by URL); None for a feed file,
            whose entries are read from the text the feed itself carries.
        settings: How long a summary must be to stand for a report (defaults when None).
        select: Called with each entry's :func:`entry_key`, in feed order; the entries it
            refuses are passed over, unread (a watched feed's items seen before).
    """
    import feedparser

    try:
        _refuse_entities(content)
    except Unreadable as exc:
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
    site = clean_str(feed.feed.get("title"))
    min_sentences = (settings or IngestSettings()).feed_min_sentences
    for n, entry in enumerate(feed.entries, start=1):
        if select is None or select(entry_key(entry)):
            yield _entry(entry, f"{feed_input}#{n}", site, fetch, min_sentences)


def entry_key(entry) -> str:
    """What names a feed entry from one poll to the next: its id (RSS ``guid``, Atom
    ``id``), else its link, else its title."""
    return clean_str(entry.get("id")) or clean_str(entry.get("link")) or (
        "title:" + (clean_str(entry.get("title")) or ""))


def _entry(entry, where: str, site: str | None,
           fetch: Callable[[str], Iterator[Document | Skipped]] | None,
           min_sentences: int) -> Document | Skipped:
    """The report of one feed entry (``where`` names it when no link does): its linked
    page when it is fetched and is one article, else the entry's own text when it holds
    ``min_sentences`` sentences, else the reason neither could be had."""
    link = entry.get("link")
    where = link if fetch is not None and link else where
    title = clean_str(entry.get("title"))
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
            return Document(
                input=where,
                text=doc.text,
                format="url",
                title=doc.title or title,
                outlet=doc.outlet or site,
                url=doc.url or link,
                published=doc.published or published,
            )
        reason = (
            fetched[0].reason
            if fetched and isinstance(fetched[0], Skipped)
            else ("the linked page is not a single article")
        )
    text = _summary_text(entry)
    # A teaser is not a report: use the feed's own text only when it says something.
    if len(re.findall(r"[.!?。！？][\"'”’)]*(?:\s|$)", text)) >= min_sentences:
        return Document(
            input=where, text=text, format="url" if fetch else "feed", title=title,
            outlet=site, url=link, published=published,
        )  # fmt: skip
    return Skipped(input=where, reason=f"{reason}, and the feed gives only a short summary")


def _summary_text(entry) -> str:
    """The plain text an entry carries: its content, else its summary."""
    summary = ""
    if entry.get("content"):
        summary = entry["content"][0].get("value", "")
    summary = summary or entry.get("summary", "")
    return fragment_text(summary) if summary else ""
