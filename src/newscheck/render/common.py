"""Small helpers shared by the renderers: how a report is named, counts in words."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from ..model import Article, Report, Story

LABEL_CHARS = 60
"""Longest name of a report taken from its words (a title or first sentence); a longer one
is cut at a word and ends in "…"."""
# The end of a sentence: a full stop, question or exclamation mark (and closing quotes)
# before a space.
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*(?=\s)")
# "Mr." or "U.S." ends no sentence a name could be: a first sentence has some words.
_MIN_SENTENCE_WORDS = 4


def display_title(article: Article) -> str | None:
    """The words a reader knows a report by: its headline, else its first sentence (a
    report pasted without a headline), cut to :data:`LABEL_CHARS`; None without text."""
    words = article.title or _first_sentence(article.text[article.body_start :])
    words = " ".join(words.split())
    if len(words) <= LABEL_CHARS:
        return words or None
    cut = words[: LABEL_CHARS].rsplit(" ", 1)[0].rstrip(",;:–—-")
    return f"{cut}…"


def _first_sentence(text: str) -> str:
    paragraph = text.strip().split("\n", 1)[0]
    for end in _SENTENCE_END.finditer(paragraph):
        if len(paragraph[: end.end()].split()) >= _MIN_SENTENCE_WORDS:
            return paragraph[: end.end()]
    return paragraph


def labels(report: Report) -> dict[str, str]:
    """A short human label per article id of a report (:func:`article_labels`)."""
    return article_labels(report.articles)


def article_labels(articles: Iterable[Article]) -> dict[str, str]:
    """A short human label per article id: the outlet, else the report's headline or first
    sentence (:func:`display_title`), else the input's file name.

    Two articles with the same name (two reports of one outlet) are told apart by the
    first characters of their ids.
    """
    names = {a.id: a.outlet or display_title(a) or a.input.rsplit("/", 1)[-1] for a in articles}
    count = Counter(names.values())
    return {
        aid: f"{name} ({aid[:7]})" if count[name] > 1 else name for aid, name in names.items()
    }


def count(n: int, noun: str, plural: str | None = None) -> str:
    """``n`` and its noun, singular for one: "1 report", "3 reports", "1 story"."""
    return f"{n:,} {noun if n == 1 else plural or noun + 's'}"


def articles_by_id(report: Report) -> dict[str, Article]:
    return {a.id: a for a in report.articles}


def claim_counts(story: Story) -> dict[str, int]:
    counts = {"corroborated": 0, "contested": 0, "single_source": 0}
    for c in story.claims:
        counts[c.status] += 1
    return counts


STATUS_LABEL = {
    "corroborated": "corroborated",
    "contested": "contested",
    "single_source": "single source",
}


def card_sources(card) -> str:
    """A source card's "named / anonymous" sources: people, not quotations (quotations,
    so marked, on a card read from a report that predates the people counts)."""
    if card.named_sources is None or card.anonymous_sources is None:
        return f"{card.named_quotes} / {card.anonymous_quotes} quotes"
    return f"{card.named_sources} / {card.anonymous_sources}"
