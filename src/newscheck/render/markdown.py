"""The report as Markdown, with the evidence quoted under every statement."""

from __future__ import annotations

from ..model import Evidence, Report, Story
from .common import STATUS_LABEL, articles_by_id, card_sources, claim_counts, labels


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _quote_evidence(items: tuple[Evidence, ...], names: dict[str, str], indent: str = "") -> list[str]:
    return [f"{indent}> {e.sentence} — *{names.get(e.article, e.article)}*" for e in items]


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
        f"## {story.title}",
        "",
        (
            f"Story `{story.id}`: {len(story.articles)} reports, "
            f"{counts['corroborated']} corroborated, {counts['contested']} contested and "
            f"{counts['single_source']} single-source claims, {len(story.conflicts)} conflicts."
        ),
        "",
    ]
    if story.error:
        out += [f"**Cross-check failed:** {_cell(story.error)}", ""]
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
            f"| {a.id} | {_cell(a.outlet or '—')} | {_cell(a.title or '—')} | "
            f"{a.published.isoformat() if a.published else '—'} | {a.words} | {a.copy_of or ''} |"
        )
    out.append("")
    return out


def _brief(story: Story) -> list[str]:
    if not story.brief:
        return []
    return ["### Brief", "", *(f"- {b.text} [{', '.join(b.cites)}]" for b in story.brief), ""]


def _conflicts(story: Story, names: dict[str, str]) -> list[str]:
    if not story.conflicts:
        return []
    out = ["### Conflicts", ""]
    for x in story.conflicts:
        out += [f"#### {x.id}: {x.topic} ({x.kind})", "", f"*{x.note}*", ""]
        for side in x.sides:
            out.append(f"- **{side.value}**")
            out += _quote_evidence(side.evidence, names, "  ")
        out.append("")
    return out


def _possible_differences(story: Story, names: dict[str, str]) -> list[str]:
    if not story.possible_differences:
        return []
    out = ["### Possible differences", "",
           "*Set apart by the judges, not counted as conflicts:*", ""]
    for x in story.possible_differences:
        out.append(f"- `{x.id}` {x.topic} ({x.kind}): "
                   + " vs ".join(f"**{side.value}**" for side in x.sides)
                   + f" — {x.doubt}")
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
            f"- `{c.id}` **{STATUS_LABEL[c.status]}** ({c.independent_sources} independent "
            f"source{'s' if c.independent_sources != 1 else ''}): {c.text}"
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
            f"| {_cell(speaker)} | {_cell(q.role or '')} | “{_cell(q.text)}” | "
            f"{names.get(q.article, q.article)} |"
        )
    out.append("")
    return out


def _timeline(story: Story, names: dict[str, str]) -> list[str]:
    if not story.timeline:
        return []
    out = ["### Timeline", ""]
    for ev in story.timeline:
        out.append(f"- **{ev.when}**: {ev.what}")
        out += _quote_evidence(ev.evidence, names, "  ")
    out.append("")
    return out


def _positions(story: Story) -> list[str]:
    if not story.positions:
        return []
    out = ["### Positions", "", "| actor | stance | issue | evidence |", "|---|---|---|---|"]
    for p in story.positions:
        ev = "; ".join(f"“{e.sentence}” ({e.article})" for e in p.evidence)
        out.append(f"| {_cell(p.actor)} | {_cell(p.stance)} | {_cell(p.issue)} | {_cell(ev)} |")
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
            f"| {_cell(names.get(c.article, c.article))} | {round(c.score * 100)} | {c.corroborated} | "
            f"{c.contested} | {c.single_source} | {_cell(card_sources(c))} | "
            f"{', '.join(c.flags)} |"
        )
    out.append("")
    for c in cards:
        if c.reasons:
            out.append(f"- **{_cell(names.get(c.article, c.article))}**: "
                       f"{round(c.score * 100)}/100: {'; '.join(c.reasons)}.")
    out.append("")
    return out


def render_markdown(report: Report) -> str:
    """The whole report as a Markdown document."""
    names = labels(report)
    out = [
        "# newscheck report",
        "",
        (
            f"Generated {report.generated_at}: {len(report.articles)} reports in "
            f"{len(report.stories)} stories, {len(report.skipped)} inputs skipped."
        ),
        "",
    ]
    for story in report.stories:
        out += _story(story, report, names)
    if report.skipped:
        out += ["## Skipped inputs", "", "| input | reason |", "|---|---|"]
        out += [f"| {_cell(s.input)} | {_cell(s.reason)} |" for s in report.skipped]
        out.append("")
    return "\n".join(out)
