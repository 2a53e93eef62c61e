"""Polling RSS and Atom feeds and ingesting their new items (``newscheck watch``).

The feed list is a text file, one feed per line: an http(s) URL or the path of a local
feed file; blank lines and lines starting with ``#`` are left out.

Each poll of a feed by URL is a conditional request: the ``ETag`` and ``Last-Modified``
the server gave last time go back as ``If-None-Match`` and ``If-Modified-Since``, and a
``304 Not Modified`` answer ends the poll with nothing fetched. A local feed file is read
again only when its size or modification time changed. Only items not seen before are
read (an item is known by its id, else its link, else its title,
:func:`newscheck.ingest.feeds.entry_key`): its linked page through the client (the
guarded one from the CLI refuses private and loopback addresses), else the text the feed
carries. The new items are ingested (:func:`.ingest.ingest_documents`) before they are
remembered, so an item is read again after a crash, never lost; reading it again finds
it unchanged. An item whose page could not be read is tried again at the next polls, up
to ``follow.item_retries`` times, its reason logged each time.
"""

from __future__ import annotations

import dataclasses
import os
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

import httpx

from ..context import Context
from ..ingest.feeds import read_feed
from ..ingest.metadata import URL
from ..ingest.web import read_url
from ..model import Document, FeedPoll, Skipped
from ..report import utc_now
from ..settings import IngestSettings
from ..store.follow import FeedState, Following
from .assign import StoryIndex
from .ingest import ingest_documents


def read_feed_list(path: str | os.PathLike[str]) -> list[str]:
    """The feeds a feed list names, in order, each once."""
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    return list(dict.fromkeys(
        s for s in (line.strip() for line in lines) if s and not s.startswith("#")
    ))


@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
class _Fetched:
    """A feed as one poll found it: its bytes (None: not modified) and its validators."""

    content: bytes | None
    etag: str | None = None
    last_modified: str | None = None


def _fetch_url(url: str, state: FeedState, client: httpx.Client,
               settings: IngestSettings) -> _Fetched | str:
    """The feed by a conditional GET, within ``max_bytes``; or the reason it failed."""
    headers = {}
    if state.etag:
        headers["If-None-Match"] = state.etag
    if state.last_modified:
        headers["If-Modified-Since"] = state.last_modified
    try:
        with client.stream("GET", url, headers=headers, timeout=settings.timeout) as response:
            if response.status_code == 304:
                return _Fetched(content=None, etag=state.etag,
                                last_modified=state.last_modified)
            if response.status_code >= 400:
                return f"HTTP {response.status_code}"
            body = bytearray()
            for chunk in response.iter_bytes():
                body.extend(chunk)
                if len(body) > settings.max_bytes:
                    return f"too large (over {settings.max_bytes:,} bytes, the limit)"
            return _Fetched(content=bytes(body), etag=response.headers.get("etag"),
                            last_modified=response.headers.get("last-modified"))
    except httpx.HTTPError as exc:
        return f"could not fetch: {type(exc).__name__}: {exc}".rstrip(": ")


def _read_file(path: str, state: FeedState, settings: IngestSettings) -> _Fetched | str:
    """A local feed file, unless its size and modification time are those seen last."""
    try:
        info = os.stat(path)
        stamp = f"{info.st_mtime_ns}:{info.st_size}"
        if stamp == state.last_modified:
            return _Fetched(content=None, last_modified=stamp)
        if info.st_size > settings.max_bytes:
            return f"too large (over {settings.max_bytes:,} bytes, the limit)"
        return _Fetched(content=Path(path).read_bytes(), last_modified=stamp)
    except OSError as exc:
        return f"cannot read: {exc.strerror or exc}"


def poll(feed: str, ctx: Context, store: Following, client: httpx.Client, *,
         index: StoryIndex | None = None) -> FeedPoll:
    """Read a feed's new items, ingest them, and remember what was read.

    Args:
        feed: An http(s) URL or the path of a feed file.
        ctx: The models and settings.
        store: The store that follows reports and remembers feeds.
        client: Fetches the feed and its items' pages.
        index: The story index kept between polls (None: one is built if needed).
    """
    settings = ctx.settings.ingest
    state = store.feed_state(feed)
    is_url = bool(URL.match(feed))
    got = (_fetch_url(feed, state, client, settings) if is_url
           else _read_file(feed, state, settings))
    if isinstance(got, str):
        return FeedPoll(feed=feed, error=got)
    if got.content is None:
        return FeedPoll(feed=feed, not_modified=True)
    keys: list[str] = []

    def select(key: str) -> bool:
        if key in state.done:
            return False
        keys.append(key)
        return True

    items = list(read_feed(feed, got.content, settings=settings, select=select,
                           fetch=lambda link: read_url(link, settings, client)))
    if not keys:  # the feed itself could not be read, or it has no new item
        errors = [i.reason for i in items if isinstance(i, Skipped)]
        _remember(store, feed, got, [], [], ctx)
        return FeedPoll(feed=feed, error=errors[0] if errors else None)
    docs = [i for i in items if isinstance(i, Document)]
    failed = [k for k, i in zip(keys, items) if isinstance(i, Skipped)]
    result = ingest_documents(docs, ctx, store, [i for i in items if isinstance(i, Skipped)],
                              index=index)
    done = [k for k, i in zip(keys, items) if isinstance(i, Document)]
    _remember(store, feed, got, done, failed, ctx)
    return FeedPoll(feed=feed, new_items=len(keys), result=result)


def _remember(store: Following, feed: str, got: _Fetched, done: Sequence[str],
              failed: Sequence[str], ctx: Context) -> None:
    store.record_feed(feed, etag=got.etag, last_modified=got.last_modified, done=done,
                      failed=failed, retries=ctx.settings.follow.item_retries, now=utc_now())


def watch(
    feeds: Sequence[str],
    ctx: Context,
    store: Following,
    client: httpx.Client,
    *,
    every: float,
    once: bool = False,
    sleep: Callable[[float], None] = time.sleep,
) -> Iterator[FeedPoll]:
    """Poll every feed, then wait ``every`` seconds and poll again, until stopped.

    A generator: each poll is yielded as it ends, so the caller logs it at once; the
    caller stops the watch by closing it (Ctrl-C raises in the wait, between polls or in
    one, and leaves the store as the last finished write left it).

    Args:
        feeds: Feed URLs and feed file paths.
        ctx: The models and settings.
        store: The store.
        client: Fetches feeds and pages.
        every: Seconds between the starts of two rounds of polls.
        once: Poll each feed once and stop.
        sleep: Waits (tests pass one that returns at once).
    """
    index = StoryIndex()  # kept from poll to poll: only changed stories are re-indexed
    while True:
        started = time.monotonic()
        for feed in feeds:
            yield poll(feed, ctx, store, client, index=index)
        if once:
            return
        sleep(max(0.0, every - (time.monotonic() - started)))
