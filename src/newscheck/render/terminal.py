"""The terminal view (rich): stories, conflicts side by side, brief, quotes, source cards.

A report's words reach the terminal as words: Rich markup in them is escaped where it
would be read, and control characters (an escape sequence could clear the screen, retitle
the window or rewrite what was printed) are shown as U+FFFD (:func:`printable`).
"""

from __future__ import annotations

import dataclasses
import io
import re
from typing import Any

from rich.console import Console, Group
from rich.markup import escape
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from ..model import Report, Story
from .common import STATUS_LABEL, articles_by_id, card_sources, claim_counts, count, labels

MAX_CLAIMS = 12
MAX_QUOTES = 12
# C0 and C1 control characters but the tab and the line break.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def printable(value: Any) -> Any:
    """``value`` (a report, or any of its parts) with every control character in its
    strings shown as U+FFFD."""
    if isinstance(value, str):
        return _CONTROL.sub("\ufffd", value)
    if isinstance(value, tuple):
        return tuple(printable(v) for v in value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {f.name: printable(getattr(value, f.name))
                   for f in dataclasses.fields(value) if f.init}  # fmt: skip
        return dataclasses.replace(value, **changes)
    return value


def _ids(cites) -> str:
    return ", ".join(cites)


def _sorted_ids(ids) -> list[str]:
    """Article ids in report order (a2 before a10)."""
    return sorted(set(ids), key=lambda i: (len(i), i))


def _story(story: Story, report: Report, names: dict[str, str]) -> list:
    """A story's renderables: its header and reports, then each section it has."""
    return [
        *_header(story),
        _reports(story, report, names),
        *_brief(story),
        *_conflicts(story, names),
        *_possible_differences(story),
        *_claims(story),
        *_quotes(story),
        *_timeline(story),
        *_positions(story),
        *_sources(story, names),
    ]


def _header(story: Story) -> list:
    counts = claim_counts(story)
    parts: list = [
        Panel(
            Text.from_markup(
                f"[bold]{escape(story.title)}[/bold]\n"
                f"{count(len(story.articles), 'report')} · {counts['corroborated']} corroborated"
                f" · {counts['contested']} contested · "
                f"{count(counts['single_source'], 'single-source claim')}"
                f" · {count(len(story.conflicts), 'conflict')}"
            ),
            title=f"Story {story.id}",
            title_align="left",
            border_style="cyan",
        )
    ]
    if story.error:
        parts.append(Text("cross-check failed: " + story.error, style="bold red"))
    return parts


def _reports(story: Story, report: Report, names: dict[str, str]) -> Panel:
    arts = articles_by_id(report)
    reports = Text()
    for aid in story.articles:
        a = arts[aid]
        reports.append(f"{a.id:<4} ", style="bold")
        reports.append(names[aid], style="cyan")
        meta = [a.published.isoformat() if a.published else "undated", count(a.words, "word")]
        reports.append(" · " + " · ".join(meta), style="dim")
        if a.copy_of:
            reports.append(f" · copy of {a.copy_of}", style="magenta")
        reports.append("\n     " + (a.title or "(no headline)") + "\n")
    return Panel(reports, title="Reports", title_align="left", border_style="dim")


def _brief(story: Story) -> list:
    if not story.brief:
        return []
    lines = Text()
    for b in story.brief:
        lines.append("• " + b.text + " ")
        lines.append(f"[{_ids(b.cites)}]\n", style="dim")
    return [Panel(lines, title="Brief", title_align="left", border_style="green")]


def _conflicts(story: Story, names: dict[str, str]) -> list:
    """Each conflict as a table, its sides side by side with their sentences."""
    if not story.conflicts:
        return []
    parts: list = [Text("Conflicts", style="bold red")]
    for x in story.conflicts:
        ct = Table(
            title=escape(f"{x.id} · {x.kind} · {x.topic}"),
            title_justify="left",
            caption=escape(x.note),
            caption_justify="left",
            expand=True,
            show_lines=True,
        )
        for side in x.sides:
            who = ", ".join(dict.fromkeys(names.get(e.article, e.article) for e in side.evidence))
            ct.add_column(Text(f"“{side.value}” — {who}"), ratio=1)
        ct.add_row(
            *[
                Text("\n".join(f"[{e.article}] {e.sentence}" for e in side.evidence))
                for side in x.sides
            ]
        )
        parts.append(ct)
    return parts


def _possible_differences(story: Story) -> list:
    if not story.possible_differences:
        return []
    lines = Text()
    for x in story.possible_differences:
        lines.append(f"{x.id} · {x.kind} · {x.topic}: ", style="bold")
        lines.append(" vs ".join(f"“{side.value}”" for side in x.sides))
        lines.append(f" — {x.doubt}\n", style="dim")
    return [Panel(lines, title="Possible differences (not counted as conflicts)",
                  title_align="left", border_style="yellow")]


def _claims(story: Story) -> list:
    """The first :data:`MAX_CLAIMS` claims, corroborated first."""
    if not story.claims:
        return []
    ct = Table(title="Claims", title_justify="left", expand=True)
    ct.add_column("id", no_wrap=True)
    ct.add_column("status", no_wrap=True)
    ct.add_column("sources", justify="right")
    ct.add_column("claim", ratio=4)
    ct.add_column("reports")
    style = {"corroborated": "green", "contested": "red", "single_source": "yellow"}
    ordered = sorted(
        story.claims,
        key=lambda c: (["corroborated", "contested", "single_source"].index(c.status)),
    )
    for c in ordered[:MAX_CLAIMS]:
        ct.add_row(
            c.id,
            Text(STATUS_LABEL[c.status], style=style[c.status]),
            str(c.independent_sources),
            Text(c.text),
            _ids(_sorted_ids(e.article for e in c.evidence)),
        )
    if len(story.claims) > MAX_CLAIMS:
        ct.caption = f"{count(len(story.claims) - MAX_CLAIMS, 'more claim')} in the JSON output"
    return [ct]


def _quotes(story: Story) -> list:
    """The first :data:`MAX_QUOTES` quotes."""
    if not story.quotes:
        return []
    qt = Table(title="Quotes", title_justify="left", expand=True)
    qt.add_column("speaker")
    qt.add_column("role")
    qt.add_column("quote", ratio=4)
    qt.add_column("in", no_wrap=True)
    for q in story.quotes[:MAX_QUOTES]:
        speaker = q.speaker or "unattributed"
        if q.anonymous:
            speaker += " (anonymous)"
        qt.add_row(Text(speaker), Text(q.role or ""), Text(f"“{q.text}”"), q.article)
    if len(story.quotes) > MAX_QUOTES:
        qt.caption = f"{count(len(story.quotes) - MAX_QUOTES, 'more quote')} in the JSON output"
    return [qt]


def _timeline(story: Story) -> list:
    if not story.timeline:
        return []
    tt = Table(title="Timeline", title_justify="left", expand=True)
    tt.add_column("when", no_wrap=True)
    tt.add_column("what", ratio=4)
    tt.add_column("reports")
    for ev in story.timeline:
        tt.add_row(ev.when, Text(ev.what), _ids(_sorted_ids(e.article for e in ev.evidence)))
    return [tt]


def _positions(story: Story) -> list:
    if not story.positions:
        return []
    pt = Table(title="Positions", title_justify="left", expand=True)
    pt.add_column("actor", ratio=3)
    pt.add_column("stance", no_wrap=True)
    pt.add_column("issue", ratio=3)
    pt.add_column("reports", ratio=2)
    for p in story.positions:
        pt.add_row(Text(p.actor), Text(p.stance), Text(p.issue), _ids(_sorted_ids(e.article for e in p.evidence)))
    return [pt]


def _sources(story: Story, names: dict[str, str]) -> list:
    """The source cards, best first, then each card's grounds in words."""
    if not story.sources:
        return []
    cards = sorted(story.sources, key=lambda c: -c.score)
    st = Table(title="Source cards", title_justify="left", expand=True)
    st.add_column("report")
    st.add_column("score /100", justify="right")
    st.add_column("corr.", justify="right")
    st.add_column("cont.", justify="right")
    st.add_column("single", justify="right")
    st.add_column("named / anon. sources", justify="right")
    st.add_column("flags")
    for c in cards:
        st.add_row(
            Text(names.get(c.article, c.article)),
            f"{round(c.score * 100)}",
            str(c.corroborated),
            str(c.contested),
            str(c.single_source),
            card_sources(c),
            ", ".join(c.flags),
        )
    why = Text()
    for c in cards:
        if c.reasons:
            why.append(f"{names.get(c.article, c.article)}: ", style="bold")
            why.append(f"{round(c.score * 100)}/100: " + "; ".join(c.reasons) + ".\n")
    return [st, why] if why else [st]


def renderables(report: Report) -> list:
    """Everything the terminal view shows, as rich renderables."""
    report = printable(report)
    names = labels(report)
    out: list = []
    n_copies = sum(1 for a in report.articles if a.copy_of)
    out.append(
        Text.from_markup(
            f"[bold]newscheck[/bold] · {count(len(report.articles), 'report')} analysed"
            f" ({count(n_copies, 'syndicated copy', 'syndicated copies')})"
            f" · {count(len(report.stories), 'story', 'stories')}"
            f" · {len(report.skipped)} skipped"
        )
    )
    for story in report.stories:
        out.append(Group(*_story(story, report, names)))
    if report.skipped:
        sk = Table(title="Skipped inputs", title_justify="left", expand=True)
        sk.add_column("input")
        sk.add_column("reason", ratio=2)
        for s in report.skipped:
            sk.add_row(Text(s.input), Text(s.reason))
        out.append(sk)
    return out


def print_report(report: Report, console: Console) -> None:
    for r in renderables(report):
        console.print(r)
        console.print()


def render_text(report: Report, width: int = 120) -> str:
    """The terminal view as plain text (no colour), e.g. for ``-o report.txt``."""
    buf = io.StringIO()
    console = Console(file=buf, width=width, color_system=None, force_terminal=False)
    print_report(report, console)
    return buf.getvalue()
