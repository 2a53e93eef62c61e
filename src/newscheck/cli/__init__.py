"""The command line: ``analyze``, ``extract``, ``serve``, ``list``, ``show``, ``delete``,
``settings``, and following the news: ``ingest``, ``stories``, ``diff``, ``watch``.

Only this package prints or exits. Exit codes: 0 when at least one report was analysed
(or extracted), 1 when nothing could be (or the store failed), 2 on a usage or settings
error (a bad option, a settings file out of range, an output path that cannot be written).

``analyze`` keeps each analysis in the store (``--db``; by default ``$NEWSCHECK_DB`` or a
SQLite file in the user's data folder) so that ``newscheck serve`` shows it and ``newscheck
show`` prints it again; ``--no-store`` keeps nothing.

One module per group of commands: :mod:`.analyze` (``analyze``, ``extract``),
:mod:`.stored` (``list``, ``show``, ``delete``), :mod:`.follow` (``ingest``, ``stories``,
``diff``, ``watch``; ``show`` of a story), :mod:`.serve`, :mod:`.settings`; what they
share is in :mod:`.common` and :mod:`.progress`. This module makes the Typer app and names
the commands.
"""

from __future__ import annotations

import typer
import typer.core

from .. import __version__
from .analyze import ANALYZE_EPILOG, EXTRACT_EPILOG, analyze, extract
from .batch import BATCH_EPILOG, batch
from .follow import DIFF_EPILOG, INGEST_EPILOG, WATCH_EPILOG, diff, ingest, list_stories, watch
from .serve import SERVE_EPILOG, serve
from .settings import show_settings
from .stored import DELETE_EPILOG, delete, list_analyses, show

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


app.command(epilog=ANALYZE_EPILOG)(analyze)
app.command(epilog=EXTRACT_EPILOG)(extract)
app.command(epilog=SERVE_EPILOG)(serve)
app.command("list")(list_analyses)
app.command("show")(show)
app.command("delete", epilog=DELETE_EPILOG)(delete)
app.command("settings")(show_settings)
app.command(epilog=BATCH_EPILOG)(batch)
app.command(epilog=INGEST_EPILOG)(ingest)
app.command("stories")(list_stories)
app.command(epilog=DIFF_EPILOG)(diff)
app.command(epilog=WATCH_EPILOG)(watch)


def main() -> None:
    app()
