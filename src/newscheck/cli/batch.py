"""``newscheck batch``: analyse a corpus (JSON Lines or Parquet), one report per story."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console
from rich.markup import escape

from .common import SETTINGS_OPTION, fail, load

BATCH_EPILOG = (
    "Examples:\n\n"
    "  newscheck batch corpus.jsonl --out stories.jsonl\n\n"
    "  newscheck batch corpus.parquet --out stories/ --format folder --engine ray\n\n"
    "  newscheck batch corpus.jsonl --out stories.jsonl --engine ray --address auto\n\n"
    "Each line of the output is one story's report (the JSON contract, docs/contract.md);"
    " records that could not be analysed are in reports of no story, with their reasons."
    " The engines and the scaling figures: docs/scaling.md."
)


def batch(
    corpus: str = typer.Argument(
        ..., metavar="INPUT", help="A .jsonl or .parquet file of articles."
    ),
    out: Path = typer.Option(
        ..., "--out", "-o", metavar="OUT",
        help="The JSON Lines file (or folder, with --format folder) to write.",
    ),
    engine: str = typer.Option(
        "local", "--engine", metavar="NAME",
        help="Where the work runs: local (this process) or ray.",
    ),
    address: str | None = typer.Option(
        None, "--address", metavar="ADDRESS",
        help="The Ray cluster to join: host:port, ray://host:port or 'auto' (the one running "
        "here); default: start a local one.",
    ),
    fmt: str = typer.Option(
        "jsonl", "--format", "-f", metavar="FORMAT",
        help="jsonl (one report per line) or folder (one file per story).",
    ),
    work: Path | None = typer.Option(
        None, "--work", metavar="DIR",
        help="Folder for the analyses between the two halves (every worker must see it).",
    ),
    settings_file: Path | None = SETTINGS_OPTION,
) -> None:
    """Analyse a corpus in batches, grouping stories by blocking; one report per story."""
    from ..batch.run import run_batch
    from ..batch.sink import FORMATS, open_sink
    from ..batch.source import corpus_kind
    from ..errors import InputError, NewscheckError, SettingsError
    from ..registry import make_engine

    err = Console(stderr=True)
    if fmt not in FORMATS:
        fail(err, f"unknown format '{escape(fmt)}' (choose from {', '.join(FORMATS)})", 2)
    if address is not None and engine != "ray":
        fail(err, "--address names a Ray cluster: use it with --engine ray", 2)
    if work is not None and not work.is_dir():
        fail(err, f"--work {escape(str(work))}: no such folder", 2)
    settings = load(settings_file, {}, err)
    try:
        corpus_kind(corpus)
    except InputError as exc:
        fail(err, escape(str(exc)), 1)
    try:
        sink = open_sink(out, fmt)
    except OSError as exc:
        fail(err, f"cannot write to {escape(str(out))}: {escape(exc.strerror or str(exc))}", 2)
    try:
        runner = make_engine(engine, settings, address)
        try:
            summary = run_batch(corpus, sink, runner, settings,
                                work_folder=str(work) if work else None)
        finally:
            runner.close()
    except NewscheckError as exc:
        fail(err, escape(str(exc)), 2 if isinstance(exc, SettingsError) else 1)
    finally:
        sink.close()
    err.print(
        f"{summary.articles} reports in {summary.stories} stories "
        f"({summary.blocks} blocks, the largest of {summary.largest_block}); "
        f"{summary.skipped} skipped, with their reasons in the output; wrote {escape(str(out))}",
        highlight=False, soft_wrap=True,
    )
    if not summary.articles:
        fail(err, "nothing could be analysed", 1)
