"""The commands over the store: ``newscheck list``, ``show`` and ``delete``."""

from __future__ import annotations

import typer
from rich.console import Console
from rich.markup import escape

from ..render.common import count
from .common import DB_OPTION, FORMAT_HELP, check_format, open_store, print_report

DELETE_EPILOG = "Example:\n\n  newscheck delete 01a22ab420ba8f0b 01a22ab4ff3c0a11"
# What the columns of `newscheck list` other than the title take of the terminal's width.
_LIST_FIXED_WIDTH = 66


def list_analyses(
    db: str | None = DB_OPTION,
    limit: int = typer.Option(20, "-n", "--limit", metavar="N", help="Show the N newest."),
) -> None:
    """List the analyses in the store, newest first."""
    from rich import box
    from rich.table import Table

    err = Console(stderr=True)
    store = open_store(db, err)
    try:
        records, total = store.list_analyses(limit=max(1, limit), offset=0)
    finally:
        store.close()
    if not records:
        err.print(f"no analyses in {escape(store.url)}", highlight=False)
        return
    table = Table(
        title=f"{len(records)} of {count(total, 'analysis', 'analyses')} in {escape(store.url)}",
        caption="reports / stories / conflicts",
        box=box.SIMPLE_HEAD,
    )
    table.add_column("id", no_wrap=True)
    table.add_column("status", no_wrap=True)
    table.add_column("created (UTC)", no_wrap=True)
    table.add_column("counts", no_wrap=True, justify="right")
    out = Console()
    # the other columns never wrap: the title takes what the terminal has left
    width = max(12, out.width - _LIST_FIXED_WIDTH)
    table.add_column("title (or error)", overflow="ellipsis", no_wrap=True, max_width=width)
    for r in records:
        table.add_row(
            r.id,
            r.status,
            r.created_at.replace("T", " ")[:16],
            f"{r.articles} / {r.stories} / {r.conflicts}",
            escape(f"error: {r.error}" if r.error else r.title or r.label or ""),
        )
    out.print(table)


def show(
    analysis_id: str = typer.Argument(
        ..., metavar="ID", help="An analysis id from `newscheck list` (16 hex digits) or a "
        "story id from `newscheck stories` ('s' and 10 hex digits)."),
    fmt: str = typer.Option("text", "-f", "--format", metavar="FORMAT", help=FORMAT_HELP),
    db: str | None = DB_OPTION,
) -> None:
    """Print a stored analysis's report again, or a followed story's latest report."""
    from .follow import is_story_id, show_story

    err = Console(stderr=True)
    check_format(fmt, err)
    if is_story_id(analysis_id):
        show_story(analysis_id, fmt, db, err)
        return
    store = open_store(db, err)
    try:
        record = store.get_analysis(analysis_id)
        report = store.get_report(analysis_id) if record is not None else None
    finally:
        store.close()
    if record is None:
        err.print(f"[red]error:[/red] no analysis {escape(analysis_id)} in {escape(store.url)}")
        raise typer.Exit(1)
    if report is None:
        why = f": {record.error}" if record.error else ""
        err.print(
            f"[red]error:[/red] analysis {escape(analysis_id)} is {record.status}{escape(why)}",
            soft_wrap=True,
        )
        raise typer.Exit(1)
    print_report(report, fmt)


def delete(
    analysis_ids: list[str] = typer.Argument(
        ..., metavar="ID", help="One or more ids from `newscheck list`."
    ),
    db: str | None = DB_OPTION,
) -> None:
    """Delete stored analyses, their reports and the articles no other analysis read.

    One line per id. Exits 1 when any could not be deleted: an unknown id, or an
    analysis still queued or running (wait for it to finish).
    """
    err = Console(stderr=True, highlight=False, soft_wrap=True)
    out = Console(highlight=False, soft_wrap=True)
    store = open_store(db, err)
    try:
        failed = [aid for aid in analysis_ids if not _delete_one(store, aid, out, err)]
    finally:
        store.close()
    if failed:
        raise typer.Exit(1)


def _delete_one(store, aid: str, out: Console, err: Console) -> bool:
    """Delete one analysis and say so on ``out``; or say on ``err`` why not and give False."""
    from ..errors import StoreError
    from ..store import AnalysisBusy

    try:
        deleted = store.delete_analysis(aid)
    except AnalysisBusy as exc:
        err.print(f"{escape(aid)}: still {exc.status}: not deleted (wait for it to finish)")
        return False
    except StoreError as exc:
        err.print(f"[red]error:[/red] {escape(aid)}: {escape(str(exc))}")
        return False
    if not deleted:
        err.print(f"{escape(aid)}: no such analysis in {escape(store.url)}")
        return False
    out.print(f"{escape(aid)}: deleted")
    return True
