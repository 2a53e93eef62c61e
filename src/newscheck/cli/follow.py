"""The commands that follow the news: ``ingest``, ``stories``, ``diff``, ``watch``, and
``show`` for a story.

Ids: a followed story is ``s`` and 10 hex digits (from ``newscheck stories``); an analysis
is 16 hex digits (from ``newscheck list``). ``newscheck show`` takes either.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
from pathlib import Path

import typer
from rich.console import Console
from rich.markup import escape

from ..render.common import count
from .common import (
    DB_OPTION,
    INPUTS_HELP,
    SETTINGS_OPTION,
    VERBOSE_OPTION,
    fail,
    load,
    open_store,
    print_report,
    read,
    skip_printer,
)
from .progress import Progress

INGEST_EPILOG = (
    "Examples:\n\n"
    "  newscheck ingest reports/\n\n"
    "  newscheck ingest https://example.org/feed.xml --db newsroom.db\n\n"
    "A report read again with the same text changes nothing; a changed text under the same"
    " URL (or file) is the report's next version. Stories that changed are cross-checked"
    " again: `newscheck diff STORY` shows what changed."
)
DIFF_EPILOG = (
    "Examples:\n\n"
    "  newscheck diff s0be7376ecf\n\n"
    "  newscheck diff s0be7376ecf --since 1 -f json"
)
WATCH_EPILOG = (
    "FEEDS is a text file with one feed per line: an http(s) URL or a local feed file"
    " (lines starting with # are left out).\n\n"
    "Examples:\n\n"
    "  newscheck watch feeds.txt --every 15m\n\n"
    "  newscheck watch feeds.txt --once\n\n"
    "Ctrl-C stops it; what was ingested stays."
)
STORY_ID = re.compile(r"^s[0-9a-f]{10}$")
_DURATION = re.compile(r"^(\d+(?:\.\d+)?)\s*([smhd]?)$")
_SECONDS = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}
# The columns of `newscheck stories` before the title, with the width their values take,
# and what they take of the terminal's width with their padding.
_STORY_COLUMNS = {"story": 11, "reports": 7, "version": 7, "dates": 21}
_STORIES_FIXED_WIDTH = sum(_STORY_COLUMNS.values()) + 3 * len(_STORY_COLUMNS) + 2


def is_story_id(text: str) -> bool:
    """True for a followed story's id (``s`` and 10 hex digits), never an analysis id."""
    return bool(STORY_ID.match(text))


def ingest(
    inputs: list[str] = typer.Argument(..., metavar="INPUT", help=INPUTS_HELP),
    db: str | None = DB_OPTION,
    settings_file: Path | None = SETTINGS_OPTION,
    quiet: bool = typer.Option(False, "-q", "--quiet", help="No progress bar."),
    verbose: bool = VERBOSE_OPTION,
) -> None:
    """Add reports to the store: new ones, new versions of known ones; re-check their stories."""
    from ..context import Context
    from ..errors import NewscheckError
    from ..follow.ingest import ingest_documents

    err = Console(stderr=True, highlight=False, soft_wrap=True)
    settings = load(settings_file, {}, err)
    store = open_store(db, err)
    bar = Progress(err, enabled=not quiet and not verbose and err.is_terminal)
    try:
        ctx = Context(settings=settings, progress=bar)
        docs, skipped = read(inputs, settings, ctx, verbose, err)
        result = ingest_documents(docs, ctx, store, skipped)
    except NewscheckError as exc:
        bar.close()
        fail(err, escape(str(exc)), 1)
    finally:
        store.close()
    bar.close()
    print_ingest(result, Console(highlight=False, soft_wrap=True))
    show = skip_printer(err)
    printed = set(skipped) if verbose else set()
    for s in result.skipped:
        if s not in printed:
            show(s)
    if not result.ingested:
        fail(err, "nothing could be ingested", 1)


def print_ingest(result, out: Console) -> None:
    """One line per report read (what became of it) and one per story cross-checked."""
    style = {"added": "green", "unchanged": "dim", "new version": "yellow"}
    for i in result.ingested:
        outcome = i.outcome if i.outcome != "new version" else f"version {i.version}"
        out.print(
            f"[{style[i.outcome]}]{outcome:<11}[/] {escape(i.input)}"
            f"  [dim]report {i.report}, story {i.story or '-'}[/]"
        )
    for u in result.updates:
        problem = f"  [red]{escape(u.error)}[/red]" if u.error else ""
        out.print(f"[bold]story {u.story}[/bold] version {u.version}: {escape(u.cause)}: "
                  f"{escape(u.title)}{problem}")
    if not result.updates and result.ingested:
        out.print("[dim]no story changed[/dim]")


def list_stories(
    since: str | None = typer.Option(
        None, "--since", metavar="DATE", help="Only stories with a report on or after DATE "
        "(YYYY-MM-DD)."),
    limit: int = typer.Option(50, "-n", "--limit", metavar="N", help="Show the N most "
                              "recently updated."),
    db: str | None = DB_OPTION,
) -> None:
    """List the followed stories, most recently updated first."""
    from rich import box
    from rich.table import Table

    err = Console(stderr=True)
    if since is not None:
        try:
            since = dt.date.fromisoformat(since).isoformat()
        except ValueError:
            fail(err, f"--since takes a date as YYYY-MM-DD, not '{escape(since)}'", 2)
    store = open_store(db, err)
    try:
        found = store.list_stories(since=since, limit=max(1, limit))
    finally:
        store.close()
    if not found:
        err.print(f"no stories in {escape(store.url)}", highlight=False)
        return
    table = Table(box=box.SIMPLE_HEAD, caption="`newscheck show STORY` prints one, "
                  "`newscheck diff STORY` what changed")
    for name, width in _STORY_COLUMNS.items():
        table.add_column(name, no_wrap=True, min_width=width)
    out = Console()
    # the other columns never wrap: the title takes what the terminal has left
    table.add_column("title", overflow="ellipsis", no_wrap=True,
                     max_width=max(12, out.width - _STORIES_FIXED_WIDTH))
    for s in found:
        table.add_row(s.id, str(s.reports), str(s.version), story_dates(s), escape(s.title))
    out.print(table)


def story_dates(story) -> str:
    """A story's dates as listed: when its reports were published (``first…last``), or,
    when none is dated, the day its first report was ingested, marked as such."""
    first, last = story.first_published, story.last_published
    if first is None:
        return f"ingested {story.first_ingested}"
    return first if first == last else f"{first}…{last}"


def live_story(store, story_id: str, err: Console):
    """The followed story ``story_id`` names, or None: a story merged into another is
    followed to it, with a one-line note on ``err``."""
    story = store.get_story(story_id)
    if story is not None and story.merged_into is not None:
        err.print(f"story {story_id} was merged into story {story.merged_into} (one event): "
                  f"showing {story.merged_into}")
        story = store.get_story(story.merged_into)
    return story


def show_story(story_id: str, fmt: str, db: str | None, err: Console) -> None:
    """Print a followed story's latest report in ``fmt``, or exit 1 saying why not."""
    from ..report import from_dict

    store = open_store(db, err)
    try:
        story = live_story(store, story_id, err)
        found = store.story_version(story.id) if story is not None else None
        data = json.loads(found[1]) if found else None
        articles = store.get_articles([a["id"] for a in data["articles"]]) if data else {}
    finally:
        store.close()
    if data is None:
        fail(err, f"no story {escape(story_id)} in {escape(store.url)} (or it has no "
             "cross-checked version yet)", 1)
    print_report(from_dict(data, articles), fmt)


def diff(
    story_id: str = typer.Argument(..., metavar="STORY", help="A story id from "
                                   "`newscheck stories`."),
    since: int | None = typer.Option(
        None, "--since", metavar="VERSION", help="Compare with this version (default: the "
        "one before the latest; 0: with nothing)."),
    fmt: str = typer.Option("text", "-f", "--format", metavar="FORMAT",
                            help="text (terminal view) or json."),
    db: str | None = DB_OPTION,
) -> None:
    """Show what changed in a story: new claims, claims now corroborated or contested, new
    conflicts, sources added."""
    from ..follow.diff import story_diff, to_dict

    err = Console(stderr=True, highlight=False, soft_wrap=True)
    if fmt not in ("text", "json"):
        fail(err, f"unknown format '{escape(fmt)}' (choose from text, json)", 2)
    store = open_store(db, err)
    try:
        story = live_story(store, story_id, err)
        if story is not None and since is not None and not 0 <= since < story.version:
            fail(err, f"story {story.id} has versions 1 to {story.version}: --since takes "
                 f"0 to {story.version - 1}", 2)
        changes = story_diff(store, story.id, since) if story is not None else None
    finally:
        store.close()
    if changes is None:
        fail(err, f"no story {escape(story_id)} with a cross-checked version in "
             f"{escape(store.url)}", 1)
    if fmt == "json":
        sys.stdout.write(json.dumps(to_dict(changes), ensure_ascii=False, indent=2) + "\n")
    else:
        print_diff(changes, Console(highlight=False, soft_wrap=True))


def print_diff(changes, out: Console) -> None:
    """The diff for a reader: a heading, then each kind of change with its items."""
    since = f"version {changes.since}" if changes.since else "nothing"
    out.print(f"[bold]{escape(changes.title)}[/bold]  [dim]story {changes.story}: "
              f"version {changes.version} against {since}[/dim]")
    if changes.merged_from:
        held = "its reports are" if len(changes.merged_from) == 1 else "their reports are"
        out.print(f"merged from {', '.join(changes.merged_from)}: the same event ({held} "
                  "among the sources added)")
    if changes.empty:
        out.print("nothing changed")
        return

    def section(title: str, lines: list[str]) -> None:
        if lines:
            out.print(f"\n[bold]{title}[/bold] ({len(lines)})")
            for line in lines:
                out.print(f"  {line}")

    def claim(c) -> str:
        was = f", was {c.was.replace('_', '-')}" if c.was else ""
        sources = count(c.claim.independent_sources, "source")
        return (f"{escape(c.claim.text)}  [dim]({c.claim.status.replace('_', '-')}, "
                f"{sources}{was})[/dim]")

    def source(s) -> str:
        a = s.article
        where = f"  [dim]{escape(a.url or a.input)}[/dim]"
        return f"{escape(a.outlet or '?')}: {escape(a.title or a.id)}{where}"

    section("New claims", [claim(c) for c in changes.new_claims])
    section("Now corroborated", [claim(c) for c in changes.now_corroborated])
    section("Now contested", [claim(c) for c in changes.now_contested])
    section("New conflicts", [
        f"{escape(x.topic)} [dim]({x.kind})[/dim]: "
        + " | ".join(escape(s.value) for s in x.sides) for x in changes.new_conflicts
    ])
    section("Sources added", [source(s) for s in changes.sources_added])
    section("Sources updated (new version)", [source(s) for s in changes.sources_updated])


def parse_every(text: str) -> float:
    """Seconds in a duration: ``90``, ``30s``, ``10m``, ``2h``, ``1d``.

    Raises:
        ValueError: it is not one.
    """
    m = _DURATION.match(text.strip().lower())
    if not m or float(m[1]) <= 0:
        raise ValueError(f"not a duration: '{text}' (write 90, 30s, 10m, 2h or 1d)")
    return float(m[1]) * _SECONDS[m[2]]


def watch(
    feeds_file: Path = typer.Argument(..., metavar="FEEDS", help="A text file of feeds, one "
                                      "URL or feed file path per line."),
    every: str | None = typer.Option(
        None, "--every", metavar="DURATION", help="Time between polls: 90, 30s, 10m, 2h "
        "(default: the setting follow.poll_seconds)."),
    once: bool = typer.Option(False, "--once", help="Poll each feed once, then stop."),
    allow_private: bool = typer.Option(
        False, "--allow-private", help="Let feeds and their items be fetched from private "
        "and loopback addresses (refused by default)."),
    db: str | None = DB_OPTION,
    settings_file: Path | None = SETTINGS_OPTION,
) -> None:
    """Poll RSS/Atom feeds, ingest their new items and log what changed (Ctrl-C stops)."""
    from ..follow.watch import read_feed_list

    err = Console(stderr=True, highlight=False, soft_wrap=True)
    settings = load(settings_file, {}, err)
    try:
        seconds = parse_every(every) if every else settings.follow.poll_seconds
        feeds = read_feed_list(feeds_file)
    except ValueError as exc:
        fail(err, escape(str(exc)), 2)
    except OSError as exc:
        fail(err, f"cannot read {escape(str(feeds_file))}: {escape(exc.strerror or str(exc))}", 2)
    if not feeds:
        fail(err, f"{escape(str(feeds_file))} names no feed", 2)
    run_watch(feeds, settings, db, seconds=seconds, once=once, allow_private=allow_private,
              err=err)


def run_watch(feeds: list[str], settings, db: str | None, *, seconds: float, once: bool,
              allow_private: bool, err: Console, transport=None, resolver=None) -> None:
    """Poll until Ctrl-C (or once), logging each poll on stdout and problems on stderr."""
    from ..context import Context
    from ..errors import NewscheckError
    from ..follow.watch import watch as polls
    from ..server.fetch import guarded_client

    out = Console(highlight=False, soft_wrap=True)
    store = open_store(db, err)
    client = guarded_client(settings, allow_private=allow_private, transport=transport,
                            resolver=resolver)
    err.print(f"watching {count(len(feeds), 'feed')} into {escape(store.url)}"
              + ("" if once else f", every {seconds:g} s (Ctrl-C stops)"))
    try:
        for result in polls(feeds, Context(settings=settings), store, client,
                            every=seconds, once=once):
            log_poll(result, out, err)
    except KeyboardInterrupt:
        err.print("stopped")
    except NewscheckError as exc:
        fail(err, escape(str(exc)), 1)
    finally:
        client.close()
        store.close()


def log_poll(result, out: Console, err: Console) -> None:
    """One line per poll, then the reports and stories it changed."""
    stamp = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M:%S")
    head = f"[dim]{stamp}[/dim] {escape(result.feed)}:"
    if result.error:
        err.print(f"{head} [red]{escape(result.error)}[/red]")
        return
    if result.not_modified:
        out.print(f"{head} not modified")
        return
    out.print(f"{head} {count(result.new_items, 'new item')}")
    if result.result is not None:
        print_ingest(result.result, out)
        show = skip_printer(err)
        for s in result.result.skipped:
            show(s)
