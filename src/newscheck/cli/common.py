"""What the commands share: option definitions, errors on stderr, settings, reading, the store."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import NoReturn

import typer
from rich.console import Console
from rich.markup import escape

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
VERBOSE_OPTION = typer.Option(
    False, "-v", "--verbose", help="Print each skipped input as it is met."
)


def fail(err: Console, message: str, code: int) -> NoReturn:
    """Print ``error: message`` (already escaped where it holds input) and exit ``code``."""
    err.print(f"[red]error:[/red] {message}", highlight=False, soft_wrap=True)
    raise typer.Exit(code)


def check_format(fmt: str, err: Console) -> None:
    """Exit 2 unless ``fmt`` is a format the renderers know."""
    from ..render import FORMATS

    if fmt not in FORMATS:
        err.print(f"[red]error:[/red] unknown format '{fmt}' (choose from {', '.join(FORMATS)})")
        raise typer.Exit(2)


def check_output(output: Path | None, err: Console) -> None:
    """Exit 2 when the report cannot be written to ``output``, before any work is done."""
    if output is not None and (problem := _output_error(output)):
        fail(err, escape(problem), 2)


def _output_error(output: Path) -> str | None:
    """Why the report cannot be written to ``output``; or None."""
    if output.is_dir():
        return f"cannot write to {output}: it is a folder"
    folder = output.parent if str(output.parent) else Path(".")
    if not folder.is_dir():
        return f"cannot write to {output}: folder {folder} does not exist"
    if not os.access(folder, os.W_OK) or (output.exists() and not os.access(output, os.W_OK)):
        return f"cannot write to {output}: permission denied"
    return None


def write_output(output: Path, text: str, err: Console) -> None:
    """Write ``text`` to ``output``, or exit 2 saying why it cannot be written."""
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as exc:
        err.print(f"[red]error:[/red] cannot write to {escape(str(output))}: {exc.strerror}")
        raise typer.Exit(2) from None


def print_report(report, fmt: str) -> None:
    """The report on stdout: the terminal view (coloured on a terminal) or its text."""
    if fmt == "text":
        from ..render.terminal import print_report as draw

        draw(report, Console())
    else:
        from ..render import render

        sys.stdout.write(render(report, fmt))


def load(settings_file: Path | None, overrides: dict, err: Console):
    """The settings (defaults, the file, then ``overrides``), or exit 2 saying what is wrong."""
    from ..errors import SettingsError
    from ..settings import load_settings

    try:
        return load_settings(settings_file, **overrides)
    except SettingsError as exc:
        fail(err, escape(str(exc)), 2)


def skip_printer(err: Console) -> Callable:
    """Prints one skipped input with its reason on stderr."""

    def show(skipped) -> None:
        err.print(
            f"[yellow]skipped[/yellow] {escape(skipped.input)}: {escape(skipped.reason)}",
            highlight=False,
            soft_wrap=True,
        )

    return show


def read(inputs: list[str], settings, ctx, verbose: bool, err: Console):
    """Ingest every input; with ``verbose``, each skipped one is printed as it is met."""
    from ..model import Skipped
    from ..pipeline import read_inputs

    if not verbose:
        return read_inputs(inputs, ctx, stdin=sys.stdin)
    from ..ingest import read as ingest

    show = skip_printer(err)
    docs, skipped = [], []
    for item in ingest.iter_documents(inputs, settings.ingest, stdin=sys.stdin):
        if isinstance(item, Skipped):
            show(item)
            skipped.append(item)
        else:
            docs.append(item)
    return docs, skipped


def open_store(db: str | None, err: Console):
    """The store named by ``--db`` (or the default), or exit 1 with the reason."""
    from ..errors import NewscheckError
    from ..registry import make_store

    try:
        return make_store(db)
    except NewscheckError as exc:
        fail(err, escape(str(exc)), 1)


def quietly(action: Callable[[], object]) -> None:
    """Run a clean-up step whose own failure must not hide the error being reported."""
    try:
        action()
    except Exception:  # noqa: BLE001, S110 - the original error is the one to show
        pass
