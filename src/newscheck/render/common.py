"""Small helpers shared by the renderers."""

from __future__ import annotations

from collections import Counter

from ..model import Article, Report, Story


def labels(report: Report) -> dict[str, str]:
    """A short human label per article id: the outlet, else the input's file name.

    Two articles with the same name (two reports of one outlet) are told apart by the
    first characters of their ids.
    """
    names = {a.id: a.outlet or a.input.rsplit("/", 1)[-1] for a in report.articles}
    count = Counter(names.values())
    return {
        aid: f"{name} ({aid[:7]})" if count[name] > 1 else name for aid, name in names.items()
    }


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
