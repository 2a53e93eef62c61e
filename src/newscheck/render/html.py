"""The report as one self-contained HTML page (inline CSS, no scripts, no external assets).

Every word from a report is escaped, and the page carries its own Content-Security-Policy
(:func:`policy`): a file opened from disk has no server to send one, and the policy lets
no script run, nothing load, and only the page's own stylesheet (named by its hash) apply.
"""

from __future__ import annotations

import base64
import hashlib
from html import escape
from importlib import resources

from ..model import Conflict, Evidence, Report, Story
from .common import STATUS_LABEL, articles_by_id, card_sources, claim_counts, count, labels


def _css() -> str:
    return resources.files("newscheck.render").joinpath("report.css").read_text("utf-8")


def policy(css: str) -> str:
    """The page's Content-Security-Policy: nothing but the stylesheet ``css`` (inline)."""
    digest = base64.b64encode(hashlib.sha256(css.encode("utf-8")).digest()).decode("ascii")
    return f"default-src 'none'; style-src 'sha256-{digest}'; base-uri 'none'; form-action 'none'"


def _evidence(items: tuple[Evidence, ...], names: dict[str, str]) -> str:
    return "".join(
        f'<blockquote class="ev"><span class="src">{escape(names.get(e.article, e.article))}</span>'
        f"{escape(e.sentence)}</blockquote>"
        for e in items
    )


def _story(story: Story, report: Report, names: dict[str, str]) -> str:
    """A story's section: its header and reports, then each part it has."""
    h: list[str] = [
        f'<section class="story" id="{escape(story.id)}">',
        *_header(story),
        *_reports(story, report),
        *_brief(story),
        *_conflicts(story, names),
        *_possible_differences(story, names),
        *_claims(story, names),
        *_quotes(story, names),
        *_timeline(story, names),
        *_positions(story, names),
        *_sources(story, names),
        "</section>",
    ]
    return "\n".join(h)


def _header(story: Story) -> list[str]:
    counts = claim_counts(story)
    h = [
        f"<h2>{escape(story.title)}</h2>",
        (
            f'<p class="meta">{count(len(story.articles), "report")} · '
            f'<span class="corroborated">{counts["corroborated"]} corroborated</span> · '
            f'<span class="contested">{counts["contested"]} contested</span> · '
            f'<span class="single_source">{counts["single_source"]} single-source</span> · '
            f"{count(len(story.conflicts), 'conflict')}</p>"
        ),
    ]
    if story.error:
        h.append(f'<p class="error">Cross-check failed: {escape(story.error)}</p>')
    return h


def _reports(story: Story, report: Report) -> list[str]:
    arts = articles_by_id(report)
    h = ["<table><tr><th>id</th><th>outlet</th><th>headline</th><th>published</th>"
         + "<th>words</th><th>copy of</th></tr>"]
    for aid in story.articles:
        a = arts[aid]
        h.append(
            f"<tr><td>{a.id}</td><td>{escape(a.outlet or '—')}</td><td>{escape(a.title or '—')}</td>"
            f"<td>{a.published.isoformat() if a.published else '—'}</td><td>{a.words}</td>"
            f"<td>{escape(a.copy_of or '')}</td></tr>"
        )
    h.append("</table>")
    return h


def _brief(story: Story) -> list[str]:
    if not story.brief:
        return []
    h = ["<h3>Brief</h3><ul class='brief'>"]
    for b in story.brief:
        h.append(f"<li>{escape(b.text)} <span class='cites'>[{escape(', '.join(b.cites))}]</span></li>")
    h.append("</ul>")
    return h


def _sides(x: Conflict, names: dict[str, str]) -> list[str]:
    """A conflict's sides, each its value over its sentences, and the closing tags."""
    h = [f"<div class='side'><p class='value'>{escape(side.value)}</p>"
         f"{_evidence(side.evidence, names)}</div>" for side in x.sides]
    h.append("</div></div>")
    return h


def _conflicts(story: Story, names: dict[str, str]) -> list[str]:
    if not story.conflicts:
        return []
    h = ["<h3>Conflicts</h3>"]
    for x in story.conflicts:
        h.append(
            f"<div class='conflict'><h4>{escape(x.topic)} <span class='kind'>{escape(x.kind)}</span></h4>"
            f"<p class='note'>{escape(x.note)}</p><div class='sides'>"
        )
        h += _sides(x, names)
    return h


def _possible_differences(story: Story, names: dict[str, str]) -> list[str]:
    if not story.possible_differences:
        return []
    h = ["<h3>Possible differences</h3><p class='note'>Set apart by the judges, "
         + "not counted as conflicts.</p>"]
    for x in story.possible_differences:
        h.append(
            f"<div class='conflict possible'><h4>{escape(x.topic)} <span class='kind'>"
            f"{escape(x.kind)}</span></h4><p class='note'>{escape(x.doubt)}</p>"
            "<div class='sides'>"
        )
        h += _sides(x, names)
    return h


def _claims(story: Story, names: dict[str, str]) -> list[str]:
    if not story.claims:
        return []
    h = ["<h3>Claims</h3>"]
    for c in story.claims:
        h.append(
            f"<details class='claim {c.status}'><summary><span class='status'>"
            f"{STATUS_LABEL[c.status]}</span> {escape(c.text)} "
            f"<span class='cites'>({c.independent_sources} independent)</span></summary>"
            f"{_evidence(c.evidence, names)}</details>"
        )
    return h


def _quotes(story: Story, names: dict[str, str]) -> list[str]:
    if not story.quotes:
        return []
    h = ["<h3>Quotes</h3><table><tr><th>speaker</th><th>role</th><th>quote</th><th>report</th></tr>"]
    for q in story.quotes:
        speaker = (q.speaker or "unattributed") + (" (anonymous)" if q.anonymous else "")
        h.append(
            f"<tr><td>{escape(speaker)}</td><td>{escape(q.role or '')}</td>"
            f"<td>“{escape(q.text)}”</td><td>{escape(names.get(q.article, q.article))}</td></tr>"
        )
    h.append("</table>")
    return h


def _timeline(story: Story, names: dict[str, str]) -> list[str]:
    if not story.timeline:
        return []
    h = ["<h3>Timeline</h3><ol class='timeline'>"]
    for ev in story.timeline:
        h.append(f"<li><b>{escape(ev.when)}</b> {escape(ev.what)}{_evidence(ev.evidence, names)}</li>")
    h.append("</ol>")
    return h


def _positions(story: Story, names: dict[str, str]) -> list[str]:
    if not story.positions:
        return []
    h = ["<h3>Positions</h3><table><tr><th>actor</th><th>stance</th><th>issue</th><th>evidence</th></tr>"]
    for p in story.positions:
        h.append(
            f"<tr><td>{escape(p.actor)}</td><td>{escape(p.stance)}</td><td>{escape(p.issue)}</td>"
            f"<td>{_evidence(p.evidence, names)}</td></tr>"
        )
    h.append("</table>")
    return h


def _sources(story: Story, names: dict[str, str]) -> list[str]:
    """The source cards, best first, then each card's grounds in words."""
    if not story.sources:
        return []
    cards = sorted(story.sources, key=lambda c: -c.score)
    h = [
        "<h3>Source cards</h3><table><tr><th>report</th><th>score /100</th><th>corroborated</th>"
        + "<th>contested</th><th>single source</th><th>named / anonymous sources</th><th>flags</th></tr>"
    ]
    for c in cards:
        h.append(
            f"<tr><td>{escape(names.get(c.article, c.article))}</td>"
            f"<td><meter min='0' max='1' value='{c.score:.2f}'></meter> {round(c.score * 100)}</td>"
            f"<td>{c.corroborated}</td><td>{c.contested}</td><td>{c.single_source}</td>"
            f"<td>{escape(card_sources(c))}</td><td>{escape(', '.join(c.flags))}</td></tr>"
        )
    h.append("</table><ul class='reasons'>")
    for c in cards:
        if c.reasons:
            h.append(f"<li><strong>{escape(names.get(c.article, c.article))}</strong>: "
                     f"{round(c.score * 100)}/100: {escape('; '.join(c.reasons))}.</li>")
    h.append("</ul>")
    return h


def render_html(report: Report) -> str:
    """The whole report as a self-contained HTML document."""
    names = labels(report)
    css = _css()
    body = [
        "<!doctype html>",
        "<html lang='en'><head><meta charset='utf-8'>",
        f'<meta http-equiv="Content-Security-Policy" content="{policy(css)}">',
        "<meta name='viewport' content='width=device-width, initial-scale=1'>",
        "<title>newscheck report</title>",
        f"<style>{css}</style></head><body>",
        "<header><h1>newscheck report</h1>",
        (
            f"<p class='meta'>Generated {escape(report.generated_at)} · "
            f"{count(len(report.articles), 'report')} · "
            f"{count(len(report.stories), 'story', 'stories')} · "
            f"{len(report.skipped)} skipped</p></header><main>"
        ),
    ]
    body += [_story(s, report, names) for s in report.stories]
    if report.skipped:
        body.append("<section><h2>Skipped inputs</h2><table><tr><th>input</th><th>reason</th></tr>")
        body += [f"<tr><td>{escape(s.input)}</td><td>{escape(s.reason)}</td></tr>" for s in report.skipped]
        body.append("</table></section>")
    body.append("</main></body></html>")
    return "\n".join(body) + "\n"
