"""Small helpers shared by the renderers."""

from __future__ import annotations

from ..model import Article, Report, Story


def labels(report: Report) -> dict[str, str]:
    """A short human label per article id: the outlet (or input file) and the id."""
    out: dict[str, str] = {}
    for a in report.articles:
        name = a.outlet or a.input.rsplit("/", 1)[-1]
        out[a.id] = f"{name} ({a.id})"
    return out


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
