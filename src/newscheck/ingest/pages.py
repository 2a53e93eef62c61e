"""HTML pages: the article's text and metadata, and homepages and listings told apart.

:func:`parse_html` reads a page's main text and metadata with trafilatura (its default
options, readers' comments left out), then leaves out the lines that stand on the page
only as links, related stories and "Read more: ..." lines (:func:`link_lines`); a page
that is a homepage or a list of links to articles is refused (:func:`listing_reason`).
:func:`decode_page` decodes a fetched page in the charset it declares, as a browser does.
:func:`fragment_text` reads a small HTML fragment (a feed summary) as plain text.
"""

from __future__ import annotations

import codecs
import html as html_lib
import re
from html.parser import HTMLParser
from typing import Any
from urllib.parse import urlsplit

from ..model import Document
from ..settings import IngestSettings
from .clean import strip_site_name
from .decode import Unreadable
from .metadata import URL, clean_str, domain_label, domain_outlet, parse_date

# trafilatura's options: its defaults (tables of the article body kept, images and inline
# formatting left out, no deduplication) except that readers' comments are not the report
# and the page's date is its own (no guessing from the text).
EXTRACTION_OPTIONS: dict[str, Any] = {
    "with_metadata": True,
    "include_comments": False,
    "date_extraction_params": {"extensive_search": False, "original_date": True},
}


def parse_html(
    markup: str,
    input: str,
    fmt: str,
    url: str | None = None,
    settings: IngestSettings | None = None,
) -> Document:
    """Main text and metadata of an HTML page (trafilatura).

    Lines that stand on the page only as links are left out (:func:`link_lines`).
    The title loses the site's name at its ends (:func:`~newscheck.ingest.clean.strip_site_name`);
    the outlet is the page's site name, else its domain (:func:`domain_outlet`); a homepage
    or listing page is :class:`Unreadable` (:func:`listing_reason`).
    """
    import trafilatura

    settings = settings or IngestSettings()

    result = trafilatura.bare_extraction(markup, url=url, **EXTRACTION_OPTIONS)
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
        text = fragment_text(markup)
    if not text:
        raise Unreadable("no article text found in the HTML page")
    page_url = clean_str(data.get("url")) or url
    reason = listing_reason(markup, text, url, settings)
    if reason:
        raise Unreadable(f"not an article: a homepage or listing page ({reason})")
    text = _without_link_lines(text, markup, settings)
    site = _site_name(data)
    domain = domain_outlet(page_url) or domain_outlet(url)
    title = clean_str(data.get("title"))
    if title:
        # A subdomain can be the site ("harborblog.example.com" is "Harbor Blog").
        sub = domain.split(".")[0] if domain and domain.count(".") >= 2 else None
        sub = sub if sub and len(sub) >= 4 else None
        names = [n for n in (site, domain, domain_label(domain), sub) if n]
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


def listing_reason(
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
    if url and URL.match(url):
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


# A charset declared in a page's <meta> tag ("<meta charset=...>", or http-equiv
# Content-Type "text/html; charset=...").
_META_CHARSET = re.compile(rb"<meta[^>]*?charset\s*=\s*[\"']?\s*([A-Za-z0-9._:-]+)", re.IGNORECASE)
# Labels browsers read as a wider charset (WHATWG Encoding Standard): a page labelled
# Latin-1 or ASCII is Windows-1252, one labelled GB2312 or GBK is GB18030.
_BROWSER_CHARSET = {
    "iso8859-1": "cp1252", "ascii": "cp1252",
    "gb2312": "gb18030", "gbk": "gb18030",
}  # fmt: skip
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def page_charset(content: bytes, declared: str | None) -> str | None:
    """The charset to decode a page's bytes with, or None when nothing declares one.

    In the order browsers follow: a byte-order mark, the charset of the HTTP
    Content-Type (``declared``), then a ``<meta>`` charset in the page's first 4 KB. A
    name Python does not know is no answer; Latin-1, ASCII and GB2312 labels are read as
    the wider charsets browsers use for them (``_BROWSER_CHARSET``).
    """
    for bom, name in _BOMS:
        if content.startswith(bom):
            return name
    meta = _META_CHARSET.search(content[:4096])
    for label in (declared, meta.group(1).decode("ascii") if meta else None):
        if not label:
            continue
        try:
            name = codecs.lookup(label.strip()).name
        except LookupError:
            continue
        return _BROWSER_CHARSET.get(name, name)
    return None


def decode_page(content: bytes, declared: str | None) -> str:
    """A fetched page's text: decoded in its declared charset (:func:`page_charset`), else
    as UTF-8, else in the charset detected from its bytes (trafilatura's
    ``decode_file``, with charset_normalizer)."""
    from trafilatura.utils import decode_file

    charset = page_charset(content, declared)
    if charset is not None:
        try:
            return content.decode(charset)
        except UnicodeDecodeError:
            pass
    return decode_file(content)


# Elements inside a line of text; any other element is a block (a paragraph, list item,
# heading, cell, div...).
_INLINE = frozenset(
    {"a", "abbr", "b", "bdi", "cite", "em", "font", "i", "mark", "q", "s", "small", "span",
     "strong", "sub", "sup", "time", "u"}
)  # fmt: skip
_OWN_TEXT_BLOCKS = ("h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "td", "th", "dd", "dt", "blockquote")
_BULLET = re.compile(r"^[-•*]\s+")


def _norm(text: str) -> str:
    return " ".join(text.split())


def link_lines(markup: str, settings: IngestSettings) -> frozenset[str]:
    """Texts that stand on a page only as links: related stories, menus, "Read more" lines.

    A link of at least ``link_line_min_words`` words stands alone when its block (the
    nearest element that is not inline) holds nothing else, or only a label of at most
    ``link_label_max_words`` words ending in a colon before it ("Read more: ..."). A text
    that is also a block's own text somewhere on the page, with no link in that block (a
    subheading a table of contents links to), is not one.
    """
    try:
        import lxml.html

        tree = lxml.html.document_fromstring(markup)
    except (ValueError, TypeError, lxml.etree.ParserError):
        return frozenset()
    alone: set[str] = set()
    for anchor in tree.iter("a"):
        text = _norm(anchor.text_content())
        if len(text.split()) < settings.link_line_min_words:
            continue
        block = anchor.getparent()
        while block is not None and block.tag in _INLINE:
            block = block.getparent()
        whole = _norm(block.text_content()) if block is not None else text
        label = whole[: -len(text)].strip() if whole.endswith(text) else None
        if label == "" or (
            label and label.endswith(":") and len(label.split()) <= settings.link_label_max_words
        ):
            alone.add(text)
    own = {
        _norm(block.text_content())
        for block in tree.iter(*_OWN_TEXT_BLOCKS)
        if next(block.iter("a"), None) is None
    }
    return frozenset(alone - own)


def _without_link_lines(text: str, markup: str, settings: IngestSettings) -> str:
    """``text`` without its lines that stand on the page only as links (:func:`link_lines`),
    bulleted or after their label; unchanged when that would leave nothing."""
    links = link_lines(markup, settings)
    if not links:
        return text
    kept = []
    for line in text.split("\n\n"):
        bare = _BULLET.sub("", _norm(line))
        label, _, rest = bare.partition(":")
        labelled = rest.strip() if len(label.split()) <= settings.link_label_max_words else None
        if bare not in links and labelled not in links:
            kept.append(line)
    return "\n\n".join(kept) or text


def _site_name(data: dict[str, Any]) -> str | None:
    """The page's own site name; trafilatura's fallback to the host name is no name."""
    name = clean_str(data.get("sitename"))
    if name is None or name == data.get("hostname") or re.fullmatch(r"[\w.-]+\.[a-z]{2,}", name):
        return None
    return name


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


def fragment_text(fragment: str) -> str:
    parser = _TextOfHTML()
    parser.feed(fragment)
    parser.close()
    text = html_lib.unescape("".join(parser.parts))
    paragraphs = (" ".join(p.split()) for p in re.split(r"\n\s*\n", text))
    return "\n\n".join(p for p in paragraphs if p)
