"""HTML pages: homepages and listing pages told from articles."""

from __future__ import annotations

import os

from newscheck.ingest.pages import listing_reason
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
