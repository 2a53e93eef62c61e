"""HTML pages: the article body kept and the page furniture left out, pages read in their
charset, homepages and listing pages told from articles."""

from __future__ import annotations

import os

import httpx
import pytest

from newscheck.ingest.pages import listing_reason, page_charset, parse_html
from newscheck.ingest.web import read_url
from newscheck.model import Document
from newscheck.settings import IngestSettings

S = IngestSettings()
LISTINGS = os.path.join(os.path.dirname(os.path.dirname(__file__)), "data", "listing")


def test_listing_by_url_path():
    with open(os.path.join(LISTINGS, "section_page.html"), encoding="utf-8") as fh:
        section = fh.read()
    no_teasers = section.replace("<article", "<div").replace("</article>", "</div>")
    text = "Council officials said on Monday that the plan would be reviewed again next week."
    # A site's root is its front page; a bare section path with many headline links is a
    # section page.
    assert "front page" in listing_reason(no_teasers, text, "https://quayside.test/", S)
    assert "section path" in listing_reason(no_teasers, text, "https://quayside.test/business/", S)
    # Near-misses: an article's slug, and a local file (no URL to judge by).
    assert (
        listing_reason(
            no_teasers, text, "https://quayside.test/business/ferry-landing-to-close", S
        )
        is None
    )
    assert listing_reason(no_teasers, text, None, S) is None
    # Article metadata always wins.
    tagged = no_teasers.replace("<head>", '<head><meta property="og:type" content="article">')
    assert listing_reason(tagged, text, "https://quayside.test/", S) is None


def _page(body: str) -> str:
    """A news page: navigation, a cookie banner, the article ``body``, related links and a
    footer around it."""
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Harbour bridge to close for repairs | Quayside Post</title>
<meta property="og:type" content="article"><meta property="og:site_name" content="Quayside Post">
</head><body>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li>
<li><a href="/sport">Sport</a></li><li><a href="/business">Business</a></li></ul></nav></header>
<div id="cookie-banner"><p>We use cookies to improve your experience on our site.
<a href="/privacy">Cookie policy</a></p><button>Accept all cookies</button></div>
<main><article><h1>Harbour bridge to close for repairs</h1>{body}</article>
<aside><h3>Related stories</h3><ul>
<li><a href="/news/ferry-fares-rise">Ferry fares to rise in spring</a></li>
<li><a href="/news/ring-road-works">Ring road works delayed again</a></li>
<li><a href="/news/council-budget">Council budget approved after long debate</a></li></ul></aside>
</main>
<footer><p>© 2026 Quayside Post. All rights reserved.</p>
<ul><li><a href="/about">About us</a></li><li><a href="/contact">Contact</a></li></ul></footer>
</body></html>"""


BODY = """
<p>The harbour bridge will close to traffic for six weeks from Monday while engineers replace
its worn bearings, the city council said on Thursday.</p>
<p>Council officials said the closure was needed after an inspection in March found corrosion
on two of the bridge's four supports.</p>
<h2>Diversions in place</h2>
<p>Drivers will be sent along the ring road, which the council expects to add about ten
minutes to a crossing at peak hours.</p>
<p>The council listed the changes that take effect on Monday:</p>
<ul><li>Buses on route 4 will run via the ring road</li>
<li>The ferry will run every 15 minutes at peak hours</li>
<li>Cyclists may still cross on the footway</li></ul>
<h2>Work to finish in June</h2>
<p>Engineers expect the work to be finished by the middle of June, weather permitting, the
council's transport director told reporters.</p>
<table><tr><th>Crossing</th><th>Usual time</th><th>During the works</th></tr>
<tr><td>Ring road by car</td><td>12 minutes</td><td>22 minutes</td></tr>
<tr><td>Ferry</td><td>9 minutes</td><td>9 minutes</td></tr></table>
<p>A second phase, to resurface the bridge deck, is planned for next year and will need
shorter closures at night.</p>
"""

FURNITURE = [
    "Home",
    "Sport",
    "We use cookies",
    "Accept all cookies",
    "Related stories",
    "Ferry fares to rise in spring",
    "Council budget approved",
    "All rights reserved",
    "About us",
]


def test_article_body_keeps_lists_subheadings_and_tables():
    doc = parse_html(_page(BODY), "bridge.html", "html")
    text = " ".join(doc.text.split())
    for part in (
        "Diversions in place",
        "Buses on route 4 will run via the ring road",
        "The ferry will run every 15 minutes at peak hours",
        "Cyclists may still cross on the footway",
        "Work to finish in June",
        # A table of the article body is part of the report (trafilatura's default).
        "Ring road by car",
        "22 minutes",
        "shorter closures at night",
    ):
        assert part in text, part
    for part in FURNITURE:
        assert part not in text, part
    # One block per line of the page, each a paragraph of its own.
    assert "\n\n- Cyclists may still cross on the footway\n\nWork to finish in June\n\n" in doc.text
    assert doc.title == "Harbour bridge to close for repairs"
    assert doc.outlet == "Quayside Post"


@pytest.mark.parametrize(
    ("charset", "words"),
    [
        ("windows-1252", "Café owners in Münster said the €2 rise was “unfair”."),
        ("gb2312", "港口大桥周一起封闭六周，市议会周四表示。"),
    ],
)
def test_page_read_in_the_charset_it_declares(charset, words):
    # Served without a charset in its Content-Type, the page's own <meta charset> decides
    # (then detection); UTF-8 is not assumed.
    body = f"<p>{words}</p>" + BODY
    page = _page(body).replace('<meta charset="utf-8">', f'<meta charset="{charset}">')
    content = page.encode(charset, errors="xmlcharrefreplace")

    def handler(request):
        return httpx.Response(200, content=content, headers={"content-type": "text/html"})

    client = httpx.Client(transport=httpx.MockTransport(handler))
    (doc,) = read_url("https://quayside.test/news/bridge", IngestSettings(), client)
    assert isinstance(doc, Document)
    assert words in doc.text
    assert "\ufffd" not in doc.text


def test_page_charset():
    assert page_charset(b'<html><head><meta charset="gb2312">', None) == "gb18030"
    assert page_charset(b'<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">',
                        None) == "cp1252"  # fmt: skip
    # The HTTP header wins over the page; an unknown name is no answer; a byte-order mark
    # wins over both.
    assert page_charset(b'<meta charset="gb2312">', "utf-8") == "utf-8"
    assert page_charset(b'<meta charset="x-no-such">', None) is None
    assert page_charset("\ufeff<p>x</p>".encode("utf-16-le"), "latin-1") == "utf-16"


def test_links_standing_alone_in_the_body_are_left_out():
    # Related-story links inside the article element, alone on their line or after a short
    # label, are furniture; a heading that a table of contents also links to is not.
    contents = (
        '<ul><li><a href="#diversions">Diversions in place</a></li>'
        '<li><a href="#june">Work to finish in June</a></li></ul>'
    )
    related = (
        '<p>Read more: <a href="/news/ferry-fares">Ferry fares to rise again in spring</a></p>'
        '<ul><li><a href="/news/ring-road">Ring road works delayed for a third time</a></li>'
        '<li><a href="/news/budget">Council budget approved after a long debate</a></li></ul>'
    )
    body = BODY.replace("<h2>Diversions", contents + "<h2>Diversions", 1) + related
    doc = parse_html(_page(body), "bridge.html", "html")
    text = " ".join(doc.text.split())
    for part in ("Read more", "Ferry fares to rise again", "Ring road works delayed",
                 "Council budget approved"):  # fmt: skip
        assert part not in text, part
    for part in ("Diversions in place", "Work to finish in June", "Cyclists may still cross",
                 "shorter closures at night"):  # fmt: skip
        assert part in text, part
