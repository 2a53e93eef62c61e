"""The report as Markdown, with the evidence quoted under every statement.

Every word from a report goes through :func:`_md`, so that a Markdown viewer shows it as
written: never as a tag, a link, an image, emphasis or a table cell of its own.
"""

from __future__ import annotations

import re

from ..model import Evidence, Report, Story
from .common import STATUS_LABEL, articles_by_id, card_sources, claim_counts, count, labels

# What Markdown (CommonMark and GFM tables) reads as markup in running text.
_MARKUP = re.compile(r"([\\`*_\[\]<>|~])")


def _md(text: str) -> str:
    """Text as Markdown shows it word for word, on one line (a line break in a report's
    words would end the list item or table row it is in)."""
    return _MARKUP.sub(r"\\\1", " ".join(text.split()))


def _quote_evidence(items: tuple[Evidence, ...], names: dict[str, str], indent: str = "") -> list[str]:
    return [f"{indent}> {_md(e.sentence)} — *{_md(names.get(e.article, e.article))}*"
            for e in items]  # fmt: skip


def _story(story: Story, report: Report, names: dict[str, str]) -> list[str]:
    """A story's section: its header and reports, then each part it has."""
    return [
        *_header(story),
        *_reports(story, report),
        *_brief(story),
        *_conflicts(story, names),
        *_possible_differences(story, names),
        *_claims(story, names),
        *_quotes(story, names),
        *_timeline(story, names),
        *_positions(story),
        *_sources(story, names),
    ]


def _header(story: Story) -> list[str]:
    counts = claim_counts(story)
    out = [
        f"## {_md(story.title)}",
        "",
        (
            f"Story `{story.id}`: {count(len(story.articles), 'report')}, "
            f"{counts['corroborated']} corroborated, {counts['contested']} contested and "
            f"{count(counts['single_source'], 'single-source claim')}, "
            f"{count(len(story.conflicts), 'conflict')}."
        ),
        "",
    ]
    if story.error:
        out += [f"**Cross-check failed:** {_md(story.error)}", ""]
    return out


def _reports(story: Story, report: Report) -> list[str]:
    arts = articles_by_id(report)
    out = [
        "| id | outlet | headline | published | words | copy of |",
        "|---|---|---|---|---|---|",
    ]
    for aid in story.articles:
        a = arts[aid]
        out.append(
            f"| {a.id} | {_md(a.outlet or '—')} | {_md(a.title or '—')} | "
            f"{a.published.isoformat() if a.published else '—'} | {a.words} | {a.copy_of or ''} |"
        )
    out.append("")
    return out


def _brief(story: Story) -> list[str]:
    if not story.brief:
        return []
    return ["### Brief", "", *(f"- {_md(b.text)} [{', '.join(b.cites)}]" for b in story.brief), ""]


def _conflicts(story: Story, names: dict[str, str]) -> list[str]:
    if not story.conflicts:
        return []
    out = ["### Conflicts", ""]
    for x in story.conflicts:
        out += [f"#### {x.id}: {_md(x.topic)} ({x.kind})", "", f"*{_md(x.note)}*", ""]
        for side in x.sides:
            out.append(f"- **{_md(side.value)}**")
            out += _quote_evidence(side.evidence, names, "  ")
        out.append("")
    return out


def _possible_differences(story: Story, names: dict[str, str]) -> list[str]:
    if not story.possible_differences:
        return []
    out = ["### Possible differences", "",
           "*Set apart by the judges, not counted as conflicts:*", ""]
    for x in story.possible_differences:
        out.append(f"- `{x.id}` {_md(x.topic)} ({x.kind}): "
                   + " vs ".join(f"**{_md(side.value)}**" for side in x.sides)
                   + f" — {_md(x.doubt)}")
        for side in x.sides:
            out += _quote_evidence(side.evidence, names, "  ")
    out.append("")
    return out


def _claims(story: Story, names: dict[str, str]) -> list[str]:
    if not story.claims:
        return []
    out = ["### Claims", ""]
    for c in story.claims:
        out.append(
            f"- `{c.id}` **{STATUS_LABEL[c.status]}** "
            f"({count(c.independent_sources, 'independent source')}): {_md(c.text)}"
        )
        out += _quote_evidence(c.evidence, names, "  ")
    out.append("")
    return out


def _quotes(story: Story, names: dict[str, str]) -> list[str]:
    if not story.quotes:
        return []
    out = ["### Quotes", "", "| speaker | role | quote | report |", "|---|---|---|---|"]
    for q in story.quotes:
        speaker = (q.speaker or "unattributed") + (" (anonymous)" if q.anonymous else "")
        out.append(
            f"| {_md(speaker)} | {_md(q.role or '')} | “{_md(q.text)}” | "
            f"{_md(names.get(q.article, q.article))} |"
        )
    out.append("")
    return out


def _timeline(story: Story, names: dict[str, str]) -> list[str]:
    if not story.timeline:
        return []
    out = ["### Timeline", ""]
    for ev in story.timeline:
        out.append(f"- **{_md(ev.when)}**: {_md(ev.what)}")
        out += _quote_evidence(ev.evidence, names, "  ")
    out.append("")
    return out


def _positions(story: Story) -> list[str]:
    if not story.positions:
        return []
    out = ["### Positions", "", "| actor | stance | issue | evidence |", "|---|---|---|---|"]
    for p in story.positions:
        ev = "; ".join(f"“{e.sentence}” ({e.article})" for e in p.evidence)
        out.append(f"| {_md(p.actor)} | {_md(p.stance)} | {_md(p.issue)} | {_md(ev)} |")
    out.append("")
    return out


def _sources(story: Story, names: dict[str, str]) -> list[str]:
    """The source cards, best first, then each card's grounds in words."""
    if not story.sources:
        return []
    cards = sorted(story.sources, key=lambda c: -c.score)
    out = [
        "### Source cards",
        "",
        "| report | score /100 | corroborated | contested | single source | named / anonymous sources | flags |",
        "|---|---|---|---|---|---|---|",
    ]
    for c in cards:
        out.append(
            f"| {_md(names.get(c.article, c.article))} | {round(c.score * 100)} | {c.corroborated} | "
            f"{c.contested} | {c.single_source} | {_md(card_sources(c))} | "
            f"{_md(', '.join(c.flags))} |"
        )
    out.append("")
    for c in cards:
        if c.reasons:
            out.append(f"- **{_md(names.get(c.article, c.article))}**: "
                       f"{round(c.score * 100)}/100: {_md('; '.join(c.reasons))}.")
    out.append("")
    return out


def render_markdown(report: Report) -> str:
    """The whole report as a Markdown document."""
    names = labels(report)
    out = [
        "# newscheck report",
        "",
        (
            f"Generated {report.generated_at}: {count(len(report.articles), 'report')} in "
            f"{count(len(report.stories), 'story', 'stories')}, "
            f"{count(len(report.skipped), 'input')} skipped."
        ),
        "",
    ]
    for story in report.stories:
        out += _story(story, report, names)
    if report.skipped:
        out += ["## Skipped inputs", "", "| input | reason |", "|---|---|"]
        out += [f"| {_md(s.input)} | {_md(s.reason)} |" for s in report.skipped]
        out.append("")
    return "\n".join(out)
