"""The command line: ``analyze``, ``extract``, ``serve``, ``list``, ``show``, ``delete``,
``settings``.

Only this module prints or exits. Exit codes: 0 when at least one report was analysed
(or extracted), 1 when nothing could be (or the store failed), 2 on a usage or settings
error (a bad option, a settings file out of range, an output path that cannot be written).

``analyze`` keeps each analysis in the store (``--db``; by default ``$NEWSCHECK_DB`` or a
SQLite file in the user's data folder) so that ``newscheck serve`` shows it and ``newscheck
show`` prints it again; ``--no-store`` keeps nothing.
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

import typer
import typer.core
from rich.console import Console

from . import __version__

# Typer labels every parameter with its Python type ("<list[str]>", "<bool>"), which means
# nothing to a user: an argument that names its metavar shows that alone, a flag nothing.
_argument_type = typer.core.TyperArgument.display_type_rich
_option_type = typer.core.TyperOption.display_type_rich
typer.core.TyperArgument.display_type_rich = lambda self, ctx: (  # type: ignore[method-assign]
    None if self.metavar else _argument_type(self, ctx)
)
typer.core.TyperOption.display_type_rich = lambda self, ctx: (  # type: ignore[method-assign]
    None if self.is_flag else _option_type(self, ctx)
)

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    rich_markup_mode="rich",
    help="Cross-check news reports: stories, claims, conflicts, quotes and sources, with evidence.",
)

FORMAT_HELP = "Output format: text (terminal view), json (the report contract), markdown or html."
INPUTS_HELP = (
    "Files, folders (read recursively), globs, URLs or RSS/Atom feeds; '-' reads stdin."
)
DB_HELP = (
    "The store: a SQLite file path or a postgresql:// URL (default: $NEWSCHECK_DB, else a "
    "file in your data folder)."
)
# Options several commands share (one definition each).
DB_OPTION = typer.Option(None, "--db", metavar="PATH|URL", help=DB_HELP)
SETTINGS_OPTION = typer.Option(
    None,
    "--settings",
    metavar="FILE",
    help="TOML file overriding default settings (see `newscheck settings`).",
)


class _Progress:
    """A progress bar on stderr that appears only once a run has taken about two seconds."""

    DELAY = 2.0

    def __init__(self, console: Console, enabled: bool) -> None:
        self.console = console
        self.enabled = enabled
        self.start = time.monotonic()
        self.progress = None
        self.tasks: dict[str, int] = {}

    def __call__(self, stage: str, done: int, total: int) -> None:
        if not self.enabled:
            return
        if self.progress is None:
            if time.monotonic() - self.start < self.DELAY:
                return
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

            self.progress = Progress(
                TextColumn("{task.description:>12}"),
                BarColumn(),
                MofNCompleteColumn(),
                console=self.console,
                transient=True,
            )
            self.progress.start()
        if stage not in self.tasks:
            self.tasks[stage] = self.progress.add_task(stage, total=total or None)
        self.progress.update(self.tasks[stage], completed=done, total=total or None)

    def close(self) -> None:
        if self.progress is not None:
            self.progress.stop()


def _version(value: bool) -> None:
    if value:
        typer.echo(f"newscheck {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: bool | None = typer.Option(
        None,
        "--version",
        callback=_version,
        is_eager=True,
        help="Show the version and exit.",
    ),
) -> None:
    """newscheck: cross-check news reports."""


def _output_error(output: Path) -> str | None:
    """Why the report cannot be written to ``output``, checked before any work; or None."""
    if output.is_dir():
        return f"cannot write to {output}: it is a folder"
    folder = output.parent if str(output.parent) else Path(".")
    if not folder.is_dir():
        return f"cannot write to {output}: folder {folder} does not exist"
    if not os.access(folder, os.W_OK) or (output.exists() and not os.access(output, os.W_OK)):
        return f"cannot write to {output}: permission denied"
    return None


def _load(settings_file: Path | None, overrides: dict, err: Console):
    from .errors import SettingsError
    from .settings import load_settings

    try:
        return load_settings(settings_file, **overrides)
    except SettingsError as exc:
        err.print(f"[red]error:[/red] {exc}", highlight=False, soft_wrap=True)
        raise typer.Exit(2) from None


def _skip_printer(err: Console) -> Callable:
    from rich.markup import escape

    def show(skipped) -> None:
        err.print(
            f"[yellow]skipped[/yellow] {escape(skipped.input)}: {escape(skipped.reason)}",
            highlight=False,
            soft_wrap=True,
        )

    return show


def _read(inputs: list[str], settings, ctx, verbose: bool, err: Console):
    """Ingest every input; with ``verbose``, each skipped one is printed as it is met."""
    from .model import Skipped
    from .pipeline import read_inputs

    if not verbose:
        return read_inputs(inputs, ctx, stdin=sys.stdin)
    from .ingest import read as ingest

    show = _skip_printer(err)
    docs, skipped = [], []
    for item in ingest.iter_documents(inputs, settings.ingest, stdin=sys.stdin):
        if isinstance(item, Skipped):
            show(item)
            skipped.append(item)
        else:
            docs.append(item)
    return docs, skipped


@app.command(
    epilog="Examples:\n\n"
    "  newscheck analyze reports/\n\n"
    "  newscheck analyze a.html b.txt https://example.org/feed.xml -f json -o report.json\n\n"
    "  cat story.txt | newscheck analyze - -f markdown\n\n"
    "Inputs that cannot be analysed are listed on stderr with their reasons.",
)
def analyze(
    inputs: list[str] = typer.Argument(..., metavar="INPUT", help=INPUTS_HELP),
    fmt: str = typer.Option("text", "-f", "--format", metavar="FORMAT", help=FORMAT_HELP),
    output: Path | None = typer.Option(
        None, "-o", "--output", metavar="FILE", help="Write the report to FILE."
    ),
    settings_file: Path | None = SETTINGS_OPTION,
    embedder: str | None = typer.Option(
        None,
        "--embedder",
        metavar="NAME",
        help="Sentence embedder by name: minilm-onnx (default) or hashing.",
    ),
    jobs: int | None = typer.Option(
        None,
        "-j",
        "--jobs",
        metavar="N",
        help="Parse reports in N processes at once (default 1; each loads its own parser).",
    ),
    quiet: bool = typer.Option(False, "-q", "--quiet", help="No progress bar."),
    verbose: bool = typer.Option(
        False, "-v", "--verbose", help="Print each skipped input as it is met."
    ),
    db: str | None = DB_OPTION,
    no_store: bool = typer.Option(
        False, "--no-store", help="Do not keep the analysis in the store."
    ),
) -> None:
    """Analyse reports, print the cross-checked report and keep it in the store."""
    from rich.markup import escape

    from .errors import NewscheckError, SettingsError
    from .render import FORMATS, render

    err = Console(stderr=True)
    if fmt not in FORMATS:
        err.print(f"[red]error:[/red] unknown format '{fmt}' (choose from {', '.join(FORMATS)})")
        raise typer.Exit(2)
    if output is not None and (problem := _output_error(output)):
        err.print(f"[red]error:[/red] {escape(problem)}", highlight=False, soft_wrap=True)
        raise typer.Exit(2)
    overrides: dict = {"models.embedder": embedder} if embedder else {}
    if jobs is not None:
        overrides["models.jobs"] = jobs
    settings = _load(settings_file, overrides, err)

    from .context import Context
    from .pipeline import analyze_documents

    store = record = None
    if not no_store:
        store = _open_store(db, err)
    bar = _Progress(err, enabled=not quiet and not verbose and err.is_terminal)
    progress = bar
    try:
        if store is not None:
            record = store.create_analysis(inputs=len(inputs), label=_label(inputs))
            store.start_analysis(record.id)
            progress = _StoredProgress(bar, store, record.id, settings.web.progress_interval)
        ctx = Context(settings=settings, progress=progress)
        docs, skipped = _read(inputs, settings, ctx, verbose, err)
        report = analyze_documents(docs, ctx, skipped)
    except (NewscheckError, KeyboardInterrupt) as exc:
        bar.close()
        if store is not None:
            why = "interrupted" if isinstance(exc, KeyboardInterrupt) else str(exc)
            if record is not None:
                _quietly(lambda: store.fail_analysis(record.id, why))
            _quietly(store.close)
        if isinstance(exc, KeyboardInterrupt):
            raise
        err.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2 if isinstance(exc, SettingsError) else 1) from None
    bar.close()
    stored_error = None
    if store is not None and record is not None:
        try:
            store.finish_analysis(record.id, report)
        except NewscheckError as exc:
            stored_error = str(exc)
        finally:
            store.close()

    if output is not None:
        try:
            output.write_text(render(report, fmt), encoding="utf-8")
        except OSError as exc:
            err.print(f"[red]error:[/red] cannot write to {escape(str(output))}: {exc.strerror}")
            raise typer.Exit(2) from None
        err.print(f"wrote {fmt} report to {output}")
    elif fmt == "text":
        from .render.terminal import print_report

        print_report(report, Console())
    else:
        sys.stdout.write(render(report, fmt))

    if not report.articles:
        reasons = "; ".join(f"{s.input}: {s.reason}" for s in report.skipped[:5])
        err.print(
            f"[red]error:[/red] nothing could be analysed ({escape(reasons) or 'no inputs found'})",
            soft_wrap=True,
        )
        raise typer.Exit(1)
    show = _skip_printer(err)
    printed = set(skipped) if verbose else set()
    for s in report.skipped:
        if s not in printed:
            show(s)
    if stored_error is not None:
        err.print(
            f"[red]error:[/red] the analysis could not be stored: {escape(stored_error)}",
            soft_wrap=True,
        )
        raise typer.Exit(1)
    if record is not None and not quiet:
        err.print(
            f"stored as analysis {record.id} in {escape(store.url)}: "
            f"`newscheck show {record.id}` prints it again, `newscheck serve` shows it in a browser",
            highlight=False,
            soft_wrap=True,
        )


class _StoredProgress:
    """Progress to the terminal bar, and to the store at most every ``interval`` seconds."""

    def __init__(self, bar: _Progress, store, analysis_id: str, interval: float) -> None:
        self.bar, self.store, self.id, self.interval = bar, store, analysis_id, interval
        self.last = 0.0

    def __call__(self, stage: str, done: int, total: int) -> None:
        self.bar(stage, done, total)
        now = time.monotonic()
        if now - self.last >= self.interval or (total and done >= total):
            self.last = now
            # progress is a courtesy: a busy store must not sink the run
            _quietly(lambda: self.store.set_progress(self.id, stage, done, total))


def _label(inputs: list[str]) -> str:
    """What an analysis run from the command line is called in the store: its inputs."""
    text = " ".join(inputs)
    return text if len(text) <= 120 else text[:119] + "…"


def _quietly(action: Callable[[], object]) -> None:
    """Run a clean-up step whose own failure must not hide the error being reported."""
    try:
        action()
    except Exception:  # noqa: BLE001, S110 - the original error is the one to show
        pass


def _open_store(db: str | None, err: Console):
    """The store named by ``--db`` (or the default), or exit 1 with the reason."""
    from rich.markup import escape

    from .errors import NewscheckError
    from .registry import make_store

    try:
        return make_store(db)
    except NewscheckError as exc:
        err.print(f"[red]error:[/red] {escape(str(exc))}", highlight=False, soft_wrap=True)
        raise typer.Exit(1) from None


@app.command(
    epilog="Examples:\n\n"
    "  newscheck extract page.html\n\n"
    "  newscheck extract reports/ https://example.org/feed.xml -o texts.jsonl\n\n"
    "Each line is one JSON object: id, input, url, title, outlet, published, language,"
    " words, text.",
)
def extract(
    inputs: list[str] = typer.Argument(..., metavar="INPUT", help=INPUTS_HELP),
    output: Path | None = typer.Option(
        None, "-o", "--output", metavar="FILE", help="Write the JSON Lines to FILE."
    ),
    settings_file: Path | None = SETTINGS_OPTION,
    verbose: bool = typer.Option(
        False, "-v", "--verbose", help="Print each skipped input as it is met."
    ),
) -> None:
    """Write the cleaned text and metadata of each report as JSON Lines (no analysis)."""
    from rich.markup import escape

    from .context import Context
    from .pipeline import clean_documents

    err = Console(stderr=True)
    if output is not None and (problem := _output_error(output)):
        err.print(f"[red]error:[/red] {escape(problem)}", highlight=False, soft_wrap=True)
        raise typer.Exit(2)
    settings = _load(settings_file, {}, err)
    ctx = Context(settings=settings)
    docs, skipped = _read(inputs, settings, ctx, verbose, err)
    articles, dropped = clean_documents(docs, ctx)
    lines = [json.dumps(_extracted(a), ensure_ascii=False) + "\n" for a in articles]
    if output is not None:
        try:
            output.write_text("".join(lines), encoding="utf-8")
        except OSError as exc:
            err.print(f"[red]error:[/red] cannot write to {escape(str(output))}: {exc.strerror}")
            raise typer.Exit(2) from None
        err.print(f"wrote {len(lines)} reports to {output}")
    else:
        sys.stdout.writelines(lines)
    show = _skip_printer(err)
    for s in [*([] if verbose else skipped), *dropped]:
        show(s)
    if not articles:
        err.print("[red]error:[/red] nothing could be extracted", highlight=False)
        raise typer.Exit(1)


def _extracted(article) -> dict:
    """One line of ``newscheck extract``: the article's metadata and cleaned body."""
    return {
        "id": article.id,
        "input": article.input,
        "url": article.url,
        "title": article.title,
        "outlet": article.outlet,
        "published": article.published.isoformat() if article.published else None,
        "language": getattr(article, "language", None),
        "words": article.words,
        "text": article.text[article.body_start :],
    }


@app.command(
    epilog="Examples:\n\n"
    "  newscheck serve\n\n"
    "  newscheck serve --host 0.0.0.0 --port 8080 --db postgresql://user@db/newscheck\n\n"
    "Open http://127.0.0.1:8000/ in a browser; the API is described at /docs.",
)
def serve(
    host: str = typer.Option("127.0.0.1", "--host", metavar="HOST", help="Address to listen on."),
    port: int = typer.Option(8000, "--port", metavar="PORT", help="Port to listen on."),
    db: str | None = DB_OPTION,
    settings_file: Path | None = SETTINGS_OPTION,
    allow_private_urls: bool = typer.Option(
        False,
        "--allow-private-urls",
        help="Let analyses fetch URLs on loopback and private networks (refused by default).",
    ),
) -> None:
    """Run the web page and the HTTP API."""
    from rich.markup import escape

    from .errors import NewscheckError

    err = Console(stderr=True)
    settings = _load(settings_file, {}, err)
    if not 0 < port < 65536:
        err.print(f"[red]error:[/red] port must be between 1 and 65535, got {port}")
        raise typer.Exit(2)
    try:
        from .server import serve as run_server

        run_server(
            host=host, port=port, db=db, settings=settings, allow_private_urls=allow_private_urls
        )
    except NewscheckError as exc:
        err.print(f"[red]error:[/red] {escape(str(exc))}", highlight=False, soft_wrap=True)
        raise typer.Exit(1) from None


@app.command("list")
def list_analyses(
    db: str | None = DB_OPTION,
    limit: int = typer.Option(20, "-n", "--limit", metavar="N", help="Show the N newest."),
) -> None:
    """List the analyses in the store, newest first."""
    from rich.markup import escape
    from rich.table import Table

    err = Console(stderr=True)
    store = _open_store(db, err)
    try:
        records, total = store.list_analyses(limit=max(1, limit), offset=0)
    finally:
        store.close()
    if not records:
        err.print(f"no analyses in {escape(store.url)}", highlight=False)
        return
    from rich import box

    table = Table(
        title=f"{len(records)} of {total} analyses in {escape(store.url)}",
        caption="reports / stories / conflicts",
        box=box.SIMPLE_HEAD,
    )
    table.add_column("id", no_wrap=True)
    table.add_column("status", no_wrap=True)
    table.add_column("created (UTC)", no_wrap=True)
    table.add_column("counts", no_wrap=True, justify="right")
    out = Console()
    # the other columns never wrap: the title takes what the terminal has left
    width = max(12, out.width - 66)
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


@app.command("show")
def show(
    analysis_id: str = typer.Argument(..., metavar="ID", help="An id from `newscheck list`."),
    fmt: str = typer.Option("text", "-f", "--format", metavar="FORMAT", help=FORMAT_HELP),
    db: str | None = DB_OPTION,
) -> None:
    """Print a stored analysis's report again, in any format."""
    from rich.markup import escape

    from .render import FORMATS, render

    err = Console(stderr=True)
    if fmt not in FORMATS:
        err.print(f"[red]error:[/red] unknown format '{fmt}' (choose from {', '.join(FORMATS)})")
        raise typer.Exit(2)
    store = _open_store(db, err)
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
    if fmt == "text":
        from .render.terminal import print_report

        print_report(report, Console())
    else:
        sys.stdout.write(render(report, fmt))


@app.command(
    "delete",
    epilog="Example:\n\n  newscheck delete 01a22ab420ba8f0b 01a22ab4ff3c0a11",
)
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
    from rich.markup import escape

    from .errors import StoreError
    from .store import AnalysisBusy

    err = Console(stderr=True, highlight=False, soft_wrap=True)
    out = Console(highlight=False, soft_wrap=True)
    store = _open_store(db, err)
    failed = False
    try:
        for aid in analysis_ids:
            try:
                deleted = store.delete_analysis(aid)
            except AnalysisBusy as exc:
                err.print(f"{escape(aid)}: still {exc.status}: not deleted (wait for it to finish)")
                failed = True
            except StoreError as exc:
                err.print(f"[red]error:[/red] {escape(aid)}: {escape(str(exc))}")
                failed = True
            else:
                if deleted:
                    out.print(f"{escape(aid)}: deleted")
                else:
                    err.print(f"{escape(aid)}: no such analysis in {escape(store.url)}")
                    failed = True
    finally:
        store.close()
    if failed:
        raise typer.Exit(1)


@app.command("settings")
def show_settings(
    settings_file: Path | None = typer.Option(
        None, "--settings", metavar="FILE", help="Show the defaults merged with this TOML file."
    ),
) -> None:
    """Print the settings (defaults, or merged with a file) as TOML."""
    from .errors import SettingsError
    from .settings import load_settings, to_toml

    try:
        typer.echo(to_toml(load_settings(settings_file)), nl=False)
    except SettingsError as exc:
        Console(stderr=True).print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from None


def main() -> None:
    app()


if __name__ == "__main__":  # pragma: no cover
    main()
