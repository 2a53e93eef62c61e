"""``newscheck analyze`` (read, cross-check, print and store) and ``newscheck extract``
(read and clean only)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import typer
from rich.console import Console
from rich.markup import escape

from ..render.common import count
from .common import (
    DB_OPTION,
    FORMAT_HELP,
    INPUTS_HELP,
    SETTINGS_OPTION,
    VERBOSE_OPTION,
    check_format,
    check_output,
    fail,
    load,
    open_store,
    print_report,
    quietly,
    read,
    skip_printer,
    write_output,
)
from .progress import Progress, StoredProgress

LABEL_CHARS = 120
"""Longest label of an analysis run from the command line (its inputs, cut)."""

ANALYZE_EPILOG = (
    "Examples:\n\n"
    "  newscheck analyze reports/\n\n"
    "  newscheck analyze a.html b.txt https://example.org/feed.xml -f json -o report.json\n\n"
    "  cat story.txt | newscheck analyze - -f markdown\n\n"
    "Inputs that cannot be analysed are listed on stderr with their reasons."
)
EXTRACT_EPILOG = (
    "Examples:\n\n"
    "  newscheck extract page.html\n\n"
    "  newscheck extract reports/ https://example.org/feed.xml -o texts.jsonl\n\n"
    "Each line is one JSON object: id, input, url, title, outlet, published, language,"
    " words, text."
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
    verbose: bool = VERBOSE_OPTION,
    db: str | None = DB_OPTION,
    no_store: bool = typer.Option(
        False, "--no-store", help="Do not keep the analysis in the store."
    ),
) -> None:
    """Analyse reports, print the cross-checked report and keep it in the store."""
    err = Console(stderr=True)
    check_format(fmt, err)
    check_output(output, err)
    overrides: dict = {"models.embedder": embedder} if embedder else {}
    if jobs is not None:
        overrides["models.jobs"] = jobs
    settings = load(settings_file, overrides, err)
    store = None if no_store else open_store(db, err)
    bar = Progress(err, enabled=not quiet and not verbose and err.is_terminal)
    run = _Run(store, bar, settings)
    report, skipped = run.analyze(inputs, verbose, err)
    stored_error = run.keep(report)

    if output is not None:
        from ..render import render

        write_output(output, render(report, fmt), err)
        err.print(f"wrote {fmt} report to {escape(str(output))}", highlight=False, soft_wrap=True)
    else:
        print_report(report, fmt)

    if not report.articles:
        reasons = "; ".join(f"{s.input}: {s.reason}" for s in report.skipped[:5])
        err.print(
            f"[red]error:[/red] nothing could be analysed ({escape(reasons) or 'no inputs found'})",
            soft_wrap=True,
        )
        raise typer.Exit(1)
    show = skip_printer(err)
    printed = set(skipped) if verbose else set()
    for s in report.skipped:
        if s not in printed:
            show(s)
    if stored_error is not None:
        fail(err, f"the analysis could not be stored: {escape(stored_error)}", 1)
    if run.record is not None and not quiet:
        err.print(
            f"stored as analysis {run.record.id} in {escape(store.url)}: "
            f"`newscheck show {run.record.id}` prints it again, `newscheck serve` shows it in a browser",
            highlight=False,
            soft_wrap=True,
        )


class _Run:
    """One analysis from the command line: its record in ``store`` (None: not kept), its
    progress on ``bar``."""

    def __init__(self, store, bar: Progress, settings) -> None:
        self.store, self.bar, self.settings = store, bar, settings
        self.record = None

    def analyze(self, inputs: list[str], verbose: bool, err: Console):
        """The report of ``inputs`` and the inputs skipped while reading them. A failure
        (or Ctrl-C) fails the stored analysis, says why and exits 1 (2 for settings)."""
        from ..context import Context
        from ..errors import NewscheckError, SettingsError
        from ..pipeline import analyze_documents

        progress = self.bar
        try:
            if self.store is not None:
                self.record = self.store.create_analysis(inputs=len(inputs), label=_label(inputs))
                self.store.start_analysis(self.record.id)
                progress = StoredProgress(self.bar, self.store, self.record.id,
                                          self.settings.web.progress_interval)  # fmt: skip
            ctx = Context(settings=self.settings, progress=progress)
            docs, skipped = read(inputs, self.settings, ctx, verbose, err)
            report = analyze_documents(docs, ctx, skipped)
        except (NewscheckError, KeyboardInterrupt) as exc:
            self.bar.close()
            self._abandon("interrupted" if isinstance(exc, KeyboardInterrupt) else str(exc))
            if isinstance(exc, KeyboardInterrupt):
                raise
            err.print(f"[red]error:[/red] {escape(str(exc))}", highlight=False, soft_wrap=True)
            raise typer.Exit(2 if isinstance(exc, SettingsError) else 1) from None
        self.bar.close()
        return report, skipped

    def _abandon(self, why: str) -> None:
        """Fail the stored analysis with ``why`` and close the store, quietly."""
        if self.store is None:
            return
        if self.record is not None:
            quietly(lambda: self.store.fail_analysis(self.record.id, why))
        quietly(self.store.close)

    def keep(self, report) -> str | None:
        """Store the finished report and close the store; why it could not be, or None."""
        from ..errors import NewscheckError

        if self.store is None or self.record is None:
            return None
        try:
            self.store.finish_analysis(self.record.id, report)
        except NewscheckError as exc:
            return str(exc)
        finally:
            self.store.close()
        return None


def _label(inputs: list[str]) -> str:
    """What an analysis run from the command line is called in the store: its inputs, cut
    to :data:`LABEL_CHARS` (the page's list shows it on one line)."""
    text = " ".join(inputs)
    return text if len(text) <= LABEL_CHARS else text[: LABEL_CHARS - 1] + "…"


def extract(
    inputs: list[str] = typer.Argument(..., metavar="INPUT", help=INPUTS_HELP),
    output: Path | None = typer.Option(
        None, "-o", "--output", metavar="FILE", help="Write the JSON Lines to FILE."
    ),
    settings_file: Path | None = SETTINGS_OPTION,
    verbose: bool = VERBOSE_OPTION,
) -> None:
    """Write the cleaned text and metadata of each report as JSON Lines (no analysis)."""
    from ..context import Context
    from ..pipeline import clean_documents

    err = Console(stderr=True)
    check_output(output, err)
    settings = load(settings_file, {}, err)
    ctx = Context(settings=settings)
    docs, skipped = read(inputs, settings, ctx, verbose, err)
    articles, dropped = clean_documents(docs, ctx)
    lines = [json.dumps(_extracted(a), ensure_ascii=False) + "\n" for a in articles]
    if output is not None:
        write_output(output, "".join(lines), err)
        err.print(f"wrote {count(len(lines), 'report')} to {escape(str(output))}",
                  highlight=False, soft_wrap=True)
    else:
        sys.stdout.writelines(lines)
    show = skip_printer(err)
    for s in [*([] if verbose else skipped), *dropped]:
        show(s)
    if not articles:
        fail(err, "nothing could be extracted", 1)


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
