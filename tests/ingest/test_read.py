"""Reading inputs: every format, stdin, folders, globs, bad files, URLs and feeds."""

from __future__ import annotations

import datetime as dt
import io
import json
import os

import httpx
import pytest

from newscheck.ingest.read import (
    iter_documents,
    read_documents,
)
from newscheck.model import Document, Skipped
from newscheck.settings import IngestSettings

S = IngestSettings()
BODY = (
    "The council of Brennick voted on Tuesday to close the old quarry road.\n\n"
    "Residents said the road had been unsafe for years. The closure starts in June."
)
PAGE = """<!DOCTYPE html><html><head><title>Quarry road to close | Brennick Post</title>
<meta property="og:site_name" content="Brennick Post">
<meta property="og:title" content="Quarry road to close">
<meta property="article:published_time" content="2026-04-02T08:00:00Z">
<link rel="canonical" href="https://brennickpost.test/quarry-road"></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Quarry road to close</h1>
<p>The council of Brennick voted on Tuesday to close the old quarry road after a series of
accidents on its steep bends, the town clerk said.</p>
<p>Residents said the road had been unsafe for years, and several of them spoke at the
meeting in favour of the closure, which starts in June.</p>
<p>The council will spend 80,000 crowns on a new footpath along the river instead.</p>
</article><footer>Copyright 2026 Brennick Post</footer></body></html>"""


def _write(path, content, mode="w"):
    path.parent.mkdir(parents=True, exist_ok=True)
    if mode == "wb":
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return str(path)


def _only(items):
    assert len(items) == 1, items
    return items[0]


def test_txt_with_header(tmp_path):
    p = _write(tmp_path / "a.txt", f"Title: Quarry road to close\nOutlet: Brennick Post\n"
               f"Published: 2026-04-02\nURL: https://brennickpost.test/q\n\n{BODY}\n")  # fmt: skip
    doc = _only(list(iter_documents([p], S)))
    assert doc == Document(input=p, text=BODY, format="txt", title="Quarry road to close",
                           outlet="Brennick Post", url="https://brennickpost.test/q",
                           published=dt.date(2026, 4, 2))  # fmt: skip


def test_txt_first_line_headline_without_header(tmp_path):
    p = _write(tmp_path / "b.txt", f"Quarry road to close\n\n{BODY}")
    doc = _only(list(iter_documents([p], S)))
    assert doc.title == "Quarry road to close"
    assert doc.outlet is None and doc.published is None


def test_txt_first_sentence_is_not_a_headline(tmp_path):
    p = _write(tmp_path / "c.txt", BODY)
    assert _only(list(iter_documents([p], S))).title is None


def test_body_starting_with_a_label_is_not_a_header(tmp_path):
    text = "Note: the council met late.\nIt voted to close the road.\n\nMore text follows here."
    doc = _only(list(iter_documents([_write(tmp_path / "d.txt", text)], S)))
    assert doc.text == text and doc.title is None


def test_md_front_matter_and_markup(tmp_path):
    p = _write(tmp_path / "e.md", "---\ntitle: \"Quarry road to close\"\nsource: Brennick Post\n"
               "date: 2026-04-02T08:00:00Z\n---\n\n# Quarry road to close\n\n"
               "The **council** voted, [the clerk](https://x.test/c) said.\n\n"
               "![a road](https://x.test/r.jpg)\n")  # fmt: skip
    doc = _only(list(iter_documents([p], S)))
    assert (doc.format, doc.title, doc.outlet, doc.published) == (
        "md",
        "Quarry road to close",
        "Brennick Post",
        dt.date(2026, 4, 2),
    )
    assert "The council voted, the clerk said." in doc.text
    assert "**" not in doc.text and "https://" not in doc.text and "#" not in doc.text


def test_html_main_text_and_metadata(tmp_path):
    doc = _only(list(iter_documents([_write(tmp_path / "p.html", PAGE)], S)))
    assert doc.format == "html"
    assert doc.title == "Quarry road to close"
    assert doc.outlet == "Brennick Post"
    assert doc.published == dt.date(2026, 4, 2)
    assert doc.url == "https://brennickpost.test/quarry-road"
    assert "80,000 crowns" in doc.text and "Home" not in doc.text
    assert "\n\n" in doc.text  # paragraphs are blank-line separated


def test_html_without_site_name_takes_the_outlet_from_the_domain(tmp_path):
    page = PAGE.replace('<meta property="og:site_name" content="Brennick Post">', "")
    doc = _only(list(iter_documents([_write(tmp_path / "p.html", page)], S)))
    assert doc.outlet == "brennickpost.test" and doc.title == "Quarry road to close"


def test_html_without_site_name_or_url_has_no_outlet(tmp_path):
    # Nothing names the site: a local page without og:site_name or a canonical link.
    page = PAGE.replace('<meta property="og:site_name" content="Brennick Post">', "")
    page = page.replace('<link rel="canonical" href="https://brennickpost.test/quarry-road">', "")
    doc = _only(list(iter_documents([_write(tmp_path / "p.html", page)], S)))
    assert doc.outlet is None


@pytest.mark.parametrize(
    ("page_title", "site", "expected"),
    [
        ("Quarry road to close | The Brennick Post", "Brennick Post", "Quarry road to close"),
        ("Brennick Post: Quarry road to close", "Brennick Post", "Quarry road to close"),
        # No og:site_name: the domain from the canonical link names the site.
        ("Quarry road to close - BrennickPost.test", None, "Quarry road to close"),
        # Near-miss: a title's own dash, and a name that is not the site's.
        ("Ruiz - a profile", "Brennick Post", "Ruiz - a profile"),
        ("Quarry road to close - Brennock Pest", "Brennick Post",
         "Quarry road to close - Brennock Pest"),
    ],
)  # fmt: skip
def test_html_title_loses_the_site_name(tmp_path, page_title, site, expected):
    # og:title is what trafilatura takes first; sites put their name in it too.
    page = PAGE.replace('<meta property="og:title" content="Quarry road to close">',
                        f'<meta property="og:title" content="{page_title}">')  # fmt: skip
    page = page.replace(
        '<meta property="og:site_name" content="Brennick Post">',
        f'<meta property="og:site_name" content="{site}">' if site else "",
    )
    doc = _only(list(iter_documents([_write(tmp_path / "p.html", page)], S)))
    assert doc.title == expected


LISTINGS = os.path.join(os.path.dirname(os.path.dirname(__file__)), "data", "listing")


@pytest.mark.parametrize("name", ["front_page.html", "section_page.html", "front_page_links.html"])
def test_homepages_and_listing_pages_are_skipped(name):
    item = _only(list(iter_documents([os.path.join(LISTINGS, name)], S)))
    assert isinstance(item, Skipped)
    assert item.reason.startswith("not an article: a homepage or listing page (")


def test_article_with_heavy_navigation_is_not_a_listing():
    # Near-miss: 70% of the page's text is in menu links, og:type "website", but the text
    # extracted is the article's own paragraphs.
    doc = _only(list(iter_documents([os.path.join(LISTINGS, "article_heavy_nav.html")], S)))
    assert isinstance(doc, Document)
    assert doc.title == "Ferry landing to close for repairs"
    assert doc.outlet == "Quayside Courier"


def test_url_page_always_has_an_outlet():
    page = PAGE.replace('<meta property="og:site_name" content="Brennick Post">', "")
    page = page.replace('<link rel="canonical" href="https://brennickpost.test/quarry-road">', "")

    def handler(request):
        return httpx.Response(200, text=page, headers={"content-type": "text/html"})

    client = httpx.Client(transport=httpx.MockTransport(handler))
    doc = _only(
        list(iter_documents(["https://www.brennickpost.test/quarry-road"], S, client=client))
    )
    assert doc.outlet == "brennickpost.test"


def test_json_object_list_and_aliases(tmp_path):
    one = {
        "headline": "Road closes",
        "body": BODY,
        "site_name": "Post",
        "published_at": "March 14, 2026",
    }
    p1 = _write(tmp_path / "one.json", json.dumps(one))
    p2 = _write(tmp_path / "many.json", json.dumps([{"text": BODY}, {"title": "no text"}]))
    docs = list(iter_documents([p1, p2], S))
    assert docs[0] == Document(input=p1, text=BODY, format="json", title="Road closes",
                               outlet="Post", published=dt.date(2026, 3, 14))  # fmt: skip
    assert docs[1].input == f"{p2}#1" and docs[1].text == BODY
    assert isinstance(docs[2], Skipped) and docs[2].input == f"{p2}#2"
    assert "text" in docs[2].reason
    assert len(docs) == 3


def test_jsonl_bad_line_skipped_rest_read(tmp_path):
    lines = [json.dumps({"text": BODY, "outlet": "A"}), "", "{not json", json.dumps({"text": BODY})]
    p = _write(tmp_path / "feed.jsonl", "\n".join(lines) + "\n")
    items = list(iter_documents([p], S))
    assert [i.input for i in items] == [f"{p}#1", f"{p}#3", f"{p}#4"]
    assert isinstance(items[0], Document) and items[0].format == "jsonl"
    assert isinstance(items[1], Skipped) and "invalid JSON" in items[1].reason
    assert isinstance(items[2], Document)


# JSON nested deeper than Python's recursion limit: 2 KB that once crashed the reader.
DEEP = "[" * 1000 + "]" * 1000


@pytest.mark.parametrize("name", ["deep.json", "deep.dat", "deep.ndjson"])
def test_json_nested_too_deep_is_skipped_with_the_reason(tmp_path, name):
    ok = _write(tmp_path / "ok.json", json.dumps({"text": BODY}))
    skipped, doc = iter_documents([_write(tmp_path / name, DEEP), ok], S)
    assert isinstance(skipped, Skipped) and isinstance(doc, Document)  # the batch goes on
    assert "nested more than 64 levels deep" in skipped.reason
    assert "ingest.max_json_depth" in skipped.reason


def test_jsonl_with_a_deep_line_keeps_the_good_lines(tmp_path):
    lines = [json.dumps({"text": BODY}), DEEP, "[" * 100 + "]" * 100, json.dumps({"text": BODY})]
    p = _write(tmp_path / "feed.jsonl", "\n".join(lines) + "\n")
    items = list(iter_documents([p], S))
    assert [(type(i).__name__, i.input) for i in items] == [
        ("Document", f"{p}#1"), ("Skipped", f"{p}#2"), ("Skipped", f"{p}#3"), ("Document", f"{p}#4"),
    ]  # fmt: skip
    assert items[1].reason.startswith("JSON on line 2 nested more than 64 levels deep")
    # near miss: an article object a few levels deep (authors as objects) is read
    nested = {"text": BODY, "authors": [{"name": "A. Writer", "links": [{"url": "x"}]}]}
    deep_ok = _write(tmp_path / "ok.jsonl", json.dumps(nested) + "\n")
    assert isinstance(_only(list(iter_documents([deep_ok], S))), Document)


@pytest.mark.parametrize(
    ("article", "reason"),
    [
        ({"text": 123}, "JSON article's 'text' field is a number, not a string"),
        ({"body": {"p": BODY}}, "JSON article's 'body' field is an object, not a string"),
        ({"content": [1, 2]}, "JSON article's 'content' field is a list without strings"),
        ({"title": "no text"}, "JSON article has no 'text' (or 'body'/'content') field"),
    ],
)
def test_a_text_field_of_the_wrong_type_is_named(tmp_path, article, reason):
    item = _only(list(iter_documents([_write(tmp_path / "a.json", json.dumps(article))], S)))
    assert isinstance(item, Skipped) and item.reason == reason


@pytest.mark.parametrize(
    ("content", "kind"),
    [
        (PAGE, "html"),
        ("<div><p>The council voted on Tuesday to close the road.</p></div>", "html"),
        (json.dumps({"text": BODY}), "json"),
        (json.dumps({"text": BODY}) + "\n" + json.dumps({"text": BODY}) + "\n", "jsonl"),
        (BODY, "txt"),
        ("[Brennick] The council voted on Tuesday.\n\nIt closes the road.", "txt"),
    ],
)
def test_unknown_extension_is_sniffed(tmp_path, content, kind):
    items = list(iter_documents([_write(tmp_path / "report.dat", content)], S))
    assert items and all(isinstance(i, Document) and i.format == kind for i in items)


def test_stdin_sniffed(tmp_path):
    docs = list(
        iter_documents(["-"], S, stdin=io.StringIO(json.dumps({"text": BODY, "title": "T"})))
    )
    assert _only(docs) == Document(input="-", text=BODY, format="stdin", title="T")
    page = _only(list(iter_documents(["-"], S, stdin=io.StringIO(PAGE))))
    assert page.outlet == "Brennick Post" and page.format == "stdin"
    empty = _only(list(iter_documents(["-"], S, stdin=io.StringIO("  \n"))))
    assert empty == Skipped(input="-", reason="empty")


def test_directory_recursive_sorted_hidden_skipped(tmp_path):
    root = tmp_path / "in"
    _write(root / "b.txt", BODY)
    _write(root / "a" / "z.txt", BODY)
    _write(root / "a" / "c.md", BODY)
    _write(root / ".hidden.txt", BODY)
    _write(root / ".git" / "x.txt", BODY)
    docs = list(iter_documents([str(root)], S))
    assert [d.input for d in docs] == [
        os.path.join(str(root), "a", "c.md"),
        os.path.join(str(root), "a", "z.txt"),
        os.path.join(str(root), "b.txt"),
    ]
    (tmp_path / "void").mkdir()
    assert _only(list(iter_documents([str(tmp_path / "void")], S))).reason.startswith("directory")


def test_glob_sorted_and_glob_matching_nothing(tmp_path):
    _write(tmp_path / "r2.txt", BODY)
    _write(tmp_path / "r1.txt", BODY)
    _write(tmp_path / "r3.json", json.dumps({"text": BODY}))
    items = list(iter_documents([str(tmp_path / "r*.txt"), str(tmp_path / "*.pdf")], S))
    assert [i.input for i in items] == [str(tmp_path / "r1.txt"), str(tmp_path / "r2.txt"),
                                        str(tmp_path / "*.pdf")]  # fmt: skip
    assert items[2] == Skipped(input=str(tmp_path / "*.pdf"), reason="no files match this pattern")


def test_bad_files_are_skipped_with_reasons(tmp_path):
    pdf = _write(tmp_path / "scan.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "wb")
    blob = _write(tmp_path / "blob.dat", bytes(range(256)), "wb")
    empty = _write(tmp_path / "empty.txt", " \n\t\n")
    big = _write(tmp_path / "big.txt", "word " * 200)
    missing = str(tmp_path / "nope.txt")
    settings = IngestSettings(max_bytes=500)
    reasons = {
        s.input: s.reason for s in iter_documents([pdf, blob, empty, big, missing], settings)
    }
    assert reasons[pdf] == "binary file (PDF), not a text, HTML or JSON document"
    assert reasons[blob].startswith("binary file")
    assert reasons[empty] == "empty"
    assert reasons[big].startswith("too large")
    assert reasons[missing] == "no such file or directory"


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file")
def test_permission_denied(tmp_path):
    p = _write(tmp_path / "locked.txt", BODY)
    os.chmod(p, 0)
    assert _only(list(iter_documents([p], S))) == Skipped(input=p, reason="permission denied")


def test_windows_1252_text_is_read(tmp_path):
    p = _write(
        tmp_path / "w.txt",
        "The council\x92s vote was \x93final\x94, the clerk said.".encode("latin-1"),
        "wb",
    )
    assert (
        _only(list(iter_documents([p], S))).text
        == "The council’s vote was “final”, the clerk said."
    )


def test_every_input_accounted_for(tmp_path):
    good = _write(tmp_path / "ok.txt", BODY)
    inputs = [good, str(tmp_path / "missing.txt"), str(tmp_path / "*.none"), "-"]
    docs, skipped = read_documents(inputs, S, stdin=io.StringIO(""))
    assert [d.input for d in docs] == [good]
    assert {s.input for s in skipped} == set(inputs[1:])


# --------------------------------------------------------------------------- network

FEED = """<?xml version="1.0"?><rss version="2.0"><channel><title>Brennick Post</title>
<item><title>Quarry road to close</title><link>https://brennickpost.test/quarry-road</link>
<pubDate>Thu, 02 Apr 2026 08:00:00 GMT</pubDate><description>Teaser.</description></item>
<item><title>Bridge works</title><link>https://brennickpost.test/gone</link>
<pubDate>Fri, 03 Apr 2026 08:00:00 GMT</pubDate><description>&lt;p&gt;Work on the river bridge
starts in May. It will last six weeks. Buses will use the ring road. Traffic will be light.&lt;/p&gt;
</description></item>
<item><title>Fair</title><link>https://brennickpost.test/fair</link>
<description>Short teaser only.</description></item>
</channel></rss>"""


def _client(seen: list[httpx.Request]) -> httpx.Client:
    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        path = request.url.path
        if path == "/old":
            return httpx.Response(
                301, headers={"location": "https://brennickpost.test/quarry-road"}
            )
        if path == "/quarry-road":
            return httpx.Response(
                200, text=PAGE, headers={"content-type": "text/html; charset=utf-8"}
            )
        if path == "/rss":
            return httpx.Response(200, text=FEED, headers={"content-type": "application/rss+xml"})
        if path == "/slow":
            raise httpx.ReadTimeout("slow", request=request)
        if path == "/doc.pdf":
            return httpx.Response(
                200, content=b"%PDF-1.4 ...", headers={"content-type": "application/pdf"}
            )
        return httpx.Response(404, text="not here")

    return httpx.Client(transport=httpx.MockTransport(handler))


def test_url_page_redirect_and_errors():
    seen: list[httpx.Request] = []
    urls = ["https://brennickpost.test/old", "https://brennickpost.test/missing",
            "https://brennickpost.test/slow", "https://brennickpost.test/doc.pdf"]  # fmt: skip
    items = list(iter_documents(urls, S, client=_client(seen)))
    page = items[0]
    assert isinstance(page, Document)
    assert (page.input, page.format, page.title, page.outlet) == (
        urls[0],
        "url",
        "Quarry road to close",
        "Brennick Post",
    )
    assert page.published == dt.date(2026, 4, 2)
    assert items[1] == Skipped(input=urls[1], reason="HTTP 404")
    assert items[2].reason.startswith("timed out")
    assert isinstance(items[3], Skipped) and "not a text, HTML or JSON" in items[3].reason
    assert all(r.headers["user-agent"].startswith("newscheck/0.1") for r in seen)


def test_feed_entries_fetched_or_summarised_or_skipped():
    seen: list[httpx.Request] = []
    items = list(iter_documents(["https://brennickpost.test/rss"], S, client=_client(seen)))
    assert [i.input for i in items] == ["https://brennickpost.test/quarry-road",
                                        "https://brennickpost.test/gone",
                                        "https://brennickpost.test/fair"]  # fmt: skip
    fetched, summarised, skipped = items
    assert isinstance(fetched, Document) and "80,000 crowns" in fetched.text
    assert isinstance(summarised, Document)
    assert summarised.text.startswith("Work on the river bridge starts in May.")
    assert (summarised.title, summarised.outlet, summarised.published) == (
        "Bridge works",
        "Brennick Post",
        dt.date(2026, 4, 3),
    )
    assert (
        isinstance(skipped, Skipped)
        and "HTTP 404" in skipped.reason
        and "summary" in skipped.reason
    )


def test_utf16_text_with_a_byte_order_mark_is_read(tmp_path):
    from newscheck.ingest.read import read_documents
    from newscheck.settings import IngestSettings

    path = tmp_path / "notepad.txt"
    body = "The council approved the harbour budget on Monday after a long debate.\n"
    path.write_bytes("\ufeff".encode("utf-16-le") + body.encode("utf-16-le"))
    docs, skipped = read_documents([str(path)], IngestSettings())
    assert skipped == []
    assert "harbour budget" in docs[0].text


# --------------------------------------------------------------------------- bad input

BAD = os.path.join(os.path.dirname(os.path.dirname(__file__)), "data", "bad")
BAD_REASONS = {
    # file in tests/data/bad -> the start of the reason it is skipped with
    "binary.bin": "binary file",
    "empty.txt": "empty",
    "whitespace.txt": "empty",
    "bad-utf8.txt": "not UTF-8 or Windows-1252 text",
    "scan.pdf": "binary file (PDF)",
    "photo.png": "binary file (PNG)",
    "entity-bomb.rss": "feed refused: it declares XML entities",
    "not-a-feed.xml": "XML that is not an RSS or Atom feed",
    "no-text.json": "JSON article has no 'text'",
    "truncated.jsonl#2": "invalid JSON on line 2",
}
READABLE = ("utf16le-no-bom.txt", "utf16be-no-bom.txt", "utf32le-no-bom.txt", "truncated.jsonl#1")


def _bad(name):
    return os.path.join(BAD, name)


@pytest.mark.parametrize("name", sorted(BAD_REASONS))
def test_bad_corpus_file_is_skipped_with_its_reason(name):
    items = [i for i in iter_documents([_bad(name.split("#")[0])], S) if i.input == _bad(name)]
    item = _only(items)
    assert isinstance(item, Skipped)
    assert item.reason.startswith(BAD_REASONS[name]), item.reason


@pytest.mark.parametrize("name", READABLE)
def test_bad_corpus_wide_encodings_and_good_lines_are_read(name):
    items = [i for i in iter_documents([_bad(name.split("#")[0])], S) if i.input == _bad(name)]
    doc = _only(items)
    assert isinstance(doc, Document)
    assert doc.text.startswith("The district board of Almsfield approved a new bus timetable")
    assert "\x00" not in doc.text


def test_html_page_without_an_article_gives_no_report_text(tmp_path):
    from newscheck.ingest.clean import to_article
    from newscheck.settings import CleanSettings

    item = _only(list(iter_documents([_bad("no-article.html")], S)))
    if isinstance(item, Document):
        # Read, but cleaning leaves too little to be an article (the pipeline skips it).
        assert to_article(item, "a1", CleanSettings()).words < S.min_words
    else:
        # A page of menu and headline links: no article, or a listing page.
        assert "no article" in item.reason or item.reason.startswith("not an article")


def test_fifo_is_skipped_without_blocking(tmp_path):
    fifo = str(tmp_path / "pipe.txt")
    os.mkfifo(fifo)
    # A read that opened the FIFO would wait here for a writer for ever.
    item = _only(list(iter_documents([fifo], S)))
    assert item == Skipped(
        input=fifo, reason="special file (a FIFO (named pipe)), not a document: not opened"
    )


def test_socket_and_device_are_skipped_without_opening(tmp_path):
    import socket

    path = str(tmp_path / "s.sock")
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        sock.bind(path)
        reasons = {i.input: i.reason for i in iter_documents([path, "/dev/zero"], S)}
    finally:
        sock.close()
    assert reasons[path].startswith("special file (a socket)")
    assert reasons["/dev/zero"].startswith("special file (a character device)")


def test_file_over_the_limit_is_not_read(tmp_path, monkeypatch):
    huge = tmp_path / "huge.txt"
    with open(huge, "wb") as fh:
        fh.truncate(S.max_bytes + 1)  # sparse: nothing is written, nothing must be read
    monkeypatch.setattr(os, "open", lambda *a, **k: pytest.fail("a file over the limit opened"))
    item = _only(list(iter_documents([str(huge)], S)))
    assert item.reason == f"too large ({S.max_bytes + 1:,} bytes; the limit is {S.max_bytes:,})"


def test_stdin_read_is_bounded():
    class Endless(io.TextIOBase):
        def read(self, n=-1):
            assert n > 0, "stdin read without a bound"
            return "x" * n

    item = _only(list(iter_documents(["-"], IngestSettings(max_bytes=1000), stdin=Endless())))
    assert item.reason.startswith("too large")


def test_symlink_loop_and_broken_link_are_named(tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    os.symlink(b, a)
    os.symlink(a, b)
    os.symlink(tmp_path / "gone.txt", tmp_path / "dangling.txt")
    direct = _only(list(iter_documents([str(a)], S)))
    assert direct == Skipped(input=str(a), reason="symlink loop")
    reasons = {i.input: i.reason for i in iter_documents([str(tmp_path)], S)}
    assert reasons[str(a)] == reasons[str(b)] == "symlink loop"
    assert reasons[str(tmp_path / "dangling.txt")].startswith("broken symbolic link")


def test_link_to_an_enclosing_folder_is_a_loop_and_read_once(tmp_path):
    _write(tmp_path / "sub" / "r.txt", BODY)
    os.symlink(tmp_path, tmp_path / "sub" / "up")
    items = list(iter_documents([str(tmp_path)], S))
    assert [i.input for i in items if isinstance(i, Document)] == [str(tmp_path / "sub" / "r.txt")]
    loop = _only([i for i in items if isinstance(i, Skipped)])
    assert loop.input == str(tmp_path / "sub" / "up") and loop.reason.startswith("symlink loop")


def test_unreadable_folders_are_named_not_dropped(tmp_path, monkeypatch):
    # Tests run as root, for whom chmod cannot lock a folder: the listing fails instead.
    _write(tmp_path / "open" / "r.txt", BODY)
    _write(tmp_path / "locked" / "x.txt", BODY)
    real_scandir = os.scandir

    def scandir(path):
        if os.path.basename(path) in ("locked", "top"):
            raise PermissionError(13, "Permission denied", path)
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    items = list(iter_documents([str(tmp_path)], S))
    assert items[0] == Skipped(input=str(tmp_path / "locked"), reason="permission denied")
    assert [i.input for i in items[1:]] == [str(tmp_path / "open" / "r.txt")]
    (tmp_path / "top").mkdir()
    item = _only(list(iter_documents([str(tmp_path / "top")], S)))
    assert item == Skipped(input=str(tmp_path / "top"), reason="permission denied")


def test_local_feed_file_is_read_as_a_feed(tmp_path):
    feed = _write(tmp_path / "export.rss", FEED)
    items = list(iter_documents([feed], S))
    assert [i.input for i in items] == [f"{feed}#1", f"{feed}#2", f"{feed}#3"]
    teaser, full, short = items
    assert isinstance(full, Document) and full.format == "feed"
    assert full.text.startswith("Work on the river bridge starts in May.")
    assert (full.title, full.outlet, full.url) == (
        "Bridge works",
        "Brennick Post",
        "https://brennickpost.test/gone",
    )
    assert "<item>" not in full.text and "<?xml" not in (full.title or "")
    assert isinstance(teaser, Skipped) and "only for feeds given by URL" in teaser.reason
    assert isinstance(short, Skipped)


def test_how_long_a_feed_summary_must_be_is_a_setting(tmp_path):
    feed = _write(tmp_path / "export.rss", FEED)
    # "Teaser." and "Short teaser only." are one sentence each: reports only when one will do
    items = list(iter_documents([feed], IngestSettings(feed_min_sentences=1)))
    assert all(isinstance(i, Document) for i in items)
    assert items[0].text == "Teaser."


def test_atom_file_with_another_extension_is_sniffed_as_a_feed(tmp_path):
    atom = _write(
        tmp_path / "latest.txt",
        """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Harbour Notes</title>
<entry><title>Ferry timetable</title><link href="https://harbour.test/ferry"/>
<updated>2026-05-02T10:00:00Z</updated><content type="html">&lt;p&gt;The ferry will run hourly.
Fares stay the same. The first boat leaves at six. The last one returns at ten.&lt;/p&gt;</content>
</entry></feed>""",
    )
    doc = _only(list(iter_documents([atom], S)))
    assert (doc.title, doc.outlet, doc.published) == (
        "Ferry timetable",
        "Harbour Notes",
        dt.date(2026, 5, 2),
    )
    assert doc.text.startswith("The ferry will run hourly.")


def test_remote_feed_with_an_entity_bomb_is_refused():
    with open(_bad("entity-bomb.rss"), "rb") as fh:
        bomb = fh.read()

    def handler(request):
        return httpx.Response(200, content=bomb, headers={"content-type": "application/rss+xml"})

    client = httpx.Client(transport=httpx.MockTransport(handler))
    item = _only(list(iter_documents(["https://wire.test/rss"], S, client=client)))
    assert item.reason.startswith("feed refused: it declares XML entities")


def test_url_read_is_bounded_in_size_while_streaming():
    sent = []

    def body():
        for _ in range(1000):
            sent.append(1)
            yield b"x" * 1000

    def handler(request):
        return httpx.Response(200, content=body(), headers={"content-type": "text/plain"})

    client = httpx.Client(transport=httpx.MockTransport(handler))
    item = _only(list(iter_documents(["https://big.test/"], IngestSettings(max_bytes=5000),
                                     client=client)))  # fmt: skip
    assert item.reason.startswith("too large")
    assert len(sent) < 20


def test_url_read_is_bounded_in_time(monkeypatch):
    from newscheck.ingest import web

    clock = iter(range(0, 10_000, 5))
    monkeypatch.setattr(web.time, "monotonic", lambda: next(clock))

    def handler(request):
        return httpx.Response(200, content=(b"x" * 10 for _ in range(100)),
                              headers={"content-type": "text/plain"})  # fmt: skip

    client = httpx.Client(transport=httpx.MockTransport(handler))
    item = _only(list(iter_documents(["https://drip.test/"], IngestSettings(timeout=20),
                                     client=client)))  # fmt: skip
    assert item.reason == "timed out after 20 s"


def test_a_json_article_with_a_url_and_no_outlet_is_named_by_its_domain():
    import json as json_module

    from newscheck.ingest.read import documents_from_bytes
    from newscheck.settings import IngestSettings

    text = "The council approved the harbour budget on Monday after a long debate. " * 3
    rows = [
        {"text": text, "url": "https://www.example-times.co.uk/news/2026/03/budget"},
        {"text": text, "url": "https://www.example-times.co.uk/x", "outlet": "Example Times"},
        {"text": text},  # no url: the outlet stays unknown, never invented
    ]
    data = "\n".join(json_module.dumps(r) for r in rows).encode()
    docs = list(documents_from_bytes(data, "export.jsonl", IngestSettings()))
    assert [d.outlet for d in docs] == ["example-times.co.uk", "Example Times", None]


def test_a_report_without_a_date_takes_the_one_its_url_path_spells():
    import datetime as dt

    from newscheck.ingest.read import url_date

    assert url_date("https://www.example.org/2018/04/17/world/story.html?ref=hp") == dt.date(
        2018, 4, 17
    )
    assert url_date("http://example.org/politics/2018/4/7/item") == dt.date(2018, 4, 7)
    # near misses: no day, not a date, a date in the query, a number glued to the day,
    # a date still to come
    assert url_date("https://example.org/2018/04/story") is None
    assert url_date("https://example.org/2018/13/45/story") is None
    assert url_date("https://example.org/story?from=/2018/04/17/") is None
    assert url_date("https://example.org/id/2018/04/171234") is None
    assert url_date("https://example.org/2030/01/01/story", today=dt.date(2026, 11, 30)) is None


def test_a_date_the_report_gives_wins_over_its_url():
    import datetime as dt
    import json as json_module

    from newscheck.ingest.read import documents_from_bytes
    from newscheck.settings import IngestSettings

    text = "The council approved the harbour budget on Monday after a long debate. " * 3
    rows = [
        {"text": text, "url": "https://example.org/2026/03/10/budget"},
        {"text": text, "url": "https://example.org/2026/03/10/b", "published": "2026-03-11"},
    ]
    data = "\n".join(json_module.dumps(r) for r in rows).encode()
    docs = list(documents_from_bytes(data, "export.jsonl", IngestSettings()))
    assert [d.published for d in docs] == [dt.date(2026, 3, 10), dt.date(2026, 3, 11)]
