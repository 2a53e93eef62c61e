"""Watching feeds: conditional requests, new items only, retries; no network (a mock transport)."""

from __future__ import annotations

import dataclasses

import httpx
import pytest
from conftest import EXAMPLES

from newscheck.context import Context
from newscheck.follow.watch import poll, read_feed_list, watch
from newscheck.server.fetch import guarded_client
from newscheck.settings import Settings
from newscheck.store import open_store

FEED_URL = "https://wire.test/feed.xml"


def rss(*items: str) -> bytes:
    return ("<?xml version='1.0'?><rss version='2.0'><channel><title>Test Wire</title>"
            "<link>https://wire.test/</link><description>news</description>"
            + "".join(items) + "</channel></rss>").encode()


def item(guid: str, *, link: str | None = None, text: str = "Short teaser.") -> str:
    link_tag = f"<link>{link}</link>" if link else ""
    return (f"<item><title>Item {guid}</title>{link_tag}<guid>{guid}</guid>"
            f"<pubDate>Fri, 13 Mar 2026 10:00:00 GMT</pubDate>"
            f"<description><![CDATA[{text}]]></description></item>")


class Wire:
    """A news site behind a mock transport: one feed (with an ETag) and its pages."""

    def __init__(self) -> None:
        self.feed = rss()
        self.etag = '"v0"'
        self.honours_validators = True
        self.pages: dict[str, httpx.Response] = {}
        self.requests: list[str] = []

    def publish(self, content: bytes, etag: str) -> None:
        self.feed, self.etag = content, etag

    def handler(self, request: httpx.Request) -> httpx.Response:
        url = f"https://{request.headers['host']}{request.url.raw_path.decode()}"
        self.requests.append(url)
        if url == FEED_URL:
            if self.honours_validators and request.headers.get("if-none-match") == self.etag:
                return httpx.Response(304)
            return httpx.Response(200, content=self.feed, headers={
                "content-type": "application/rss+xml", "etag": self.etag})
        return self.pages.get(url, httpx.Response(404))


@pytest.fixture
def wire():
    return Wire()


@pytest.fixture
def store(tmp_path):
    s = open_store(tmp_path / "watch.db")
    yield s
    s.close()


def client_for(wire: Wire, settings: Settings | None = None) -> httpx.Client:
    return guarded_client(settings or Settings(), transport=httpx.MockTransport(wire.handler),
                          resolver=lambda host, port: ["93.184.216.34"])


def page(name: str) -> httpx.Response:
    return httpx.Response(200, content=(EXAMPLES / name).read_bytes(),
                          headers={"content-type": "text/plain; charset=utf-8"})


@pytest.mark.slow
def test_a_new_item_is_ingested_once_and_a_304_fetches_nothing(ctx, store, wire):
    wire.pages["https://wire.test/a"] = page("meridian_wire.txt")
    wire.pages["https://wire.test/b"] = page("northshore_ledger.txt")
    wire.publish(rss(item("a", link="https://wire.test/a")), '"v1"')
    with client_for(wire) as client:
        first = poll(FEED_URL, ctx, store, client)
        assert first.new_items == 1 and first.error is None
        assert [i.outcome for i in first.result.ingested] == ["added"]
        assert wire.requests == [FEED_URL, "https://wire.test/a"]

        wire.requests.clear()
        again = poll(FEED_URL, ctx, store, client)
        assert again.not_modified and again.result is None
        assert wire.requests == [FEED_URL]

        wire.requests.clear()
        wire.publish(rss(item("b", link="https://wire.test/b"),
                         item("a", link="https://wire.test/a")), '"v2"')
        third = poll(FEED_URL, ctx, store, client)
        assert third.new_items == 1
        assert [i.input for i in third.result.ingested] == ["https://wire.test/b"]
        assert wire.requests == [FEED_URL, "https://wire.test/b"]  # item a is not fetched

        wire.requests.clear()
        wire.honours_validators = False  # a server that answers 200 every time
        fourth = poll(FEED_URL, ctx, store, client)
        assert (fourth.new_items, fourth.result, fourth.not_modified) == (0, None, False)
        assert wire.requests == [FEED_URL]
    assert len(store.list_stories()) >= 1
    with store._tx(write=False) as cur:
        cur.execute("SELECT COUNT(*) FROM followed_reports")
        assert cur.fetchone()[0] == 2


@pytest.mark.slow
def test_a_local_feed_file_is_read_again_only_when_it_changes(ctx, store, tmp_path, wire):
    body = (EXAMPLES / "valley_courier.txt").read_text(encoding="utf-8").split("\n\n", 1)[1]
    feed = tmp_path / "feed.xml"
    feed.write_bytes(rss(item("c", text=body)))
    with client_for(wire) as client:
        first = poll(str(feed), ctx, store, client)
        assert [i.outcome for i in first.result.ingested] == ["added"]
        assert poll(str(feed), ctx, store, client).not_modified
        more = (EXAMPLES / "ridgeline_times.md").read_text(encoding="utf-8").split("\n\n", 1)[1]
        feed.write_bytes(rss(item("d", text=more), item("c", text=body)))
        second = poll(str(feed), ctx, store, client)
    assert second.new_items == 1
    assert [i.outcome for i in second.result.ingested] == ["added"]
    assert wire.requests == []  # items without links are read from the feed itself


def test_an_unreadable_item_is_tried_again_then_given_up(store, wire):
    settings = Settings()
    settings = dataclasses.replace(
        settings, follow=dataclasses.replace(settings.follow, item_retries=1))
    ctx = Context(settings=settings)
    wire.honours_validators = False
    wire.pages["https://wire.test/x"] = httpx.Response(503)
    wire.publish(rss(item("x", link="https://wire.test/x")), '"v1"')
    with client_for(wire) as client:
        polls = [poll(FEED_URL, ctx, store, client) for _ in range(3)]
    assert [p.new_items for p in polls] == [1, 1, 0]
    assert "HTTP 503" in polls[0].result.skipped[0].reason
    assert wire.requests.count("https://wire.test/x") == 2


def test_a_private_address_is_refused(store, wire):
    ctx = Context()
    wire.publish(rss(item("x", link="https://wire.test/x")), '"v1"')
    client = guarded_client(Settings(), transport=httpx.MockTransport(wire.handler),
                            resolver=lambda host, port: ["10.0.0.5"])
    with client:
        got = poll(FEED_URL, ctx, store, client)
    assert "private" in got.error and wire.requests == []


def test_a_feed_that_cannot_be_read_is_reported(store, wire, tmp_path):
    ctx = Context()
    with client_for(wire) as client:
        assert poll(str(tmp_path / "missing.xml"), ctx, store, client).error.startswith(
            "cannot read")
        wire.publish(b"<html>not a feed</html>", '"v1"')
        assert "not an RSS or Atom feed" in poll(FEED_URL, ctx, store, client).error


def test_watch_polls_every_feed_each_round_until_stopped(store, wire, tmp_path):
    ctx = Context()
    waits: list[float] = []

    def sleep(seconds: float) -> None:
        waits.append(seconds)
        if len(waits) == 2:
            raise KeyboardInterrupt

    feeds = [FEED_URL, str(tmp_path / "missing.xml")]
    seen = []
    with client_for(wire) as client, pytest.raises(KeyboardInterrupt):
        for result in watch(feeds, ctx, store, client, every=600, sleep=sleep):
            seen.append(result.feed)
    assert seen == feeds * 2 and len(waits) == 2 and 0 < waits[0] <= 600
    with client_for(wire) as client:
        assert len(list(watch(feeds, ctx, store, client, every=600, once=True))) == 2


def test_feed_list(tmp_path):
    path = tmp_path / "feeds.txt"
    path.write_text(f"# morning feeds\n{FEED_URL}\n\n  feeds/local.xml  \n{FEED_URL}\n")
    assert read_feed_list(path) == [FEED_URL, "feeds/local.xml"]
