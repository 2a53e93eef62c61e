"""``newscheck serve``: the web page and the HTTP API (the ``web`` extra)."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console
from rich.markup import escape

from .common import DB_OPTION, SETTINGS_OPTION, fail, load

SERVE_EPILOG = (
    "Examples:\n\n"
    "  newscheck serve\n\n"
    "  newscheck serve --host 0.0.0.0 --port 8080 --db postgresql://user@db/newscheck\n\n"
    "Open http://127.0.0.1:8000/ in a browser; the API is described at /docs."
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
    from ..errors import NewscheckError

    err = Console(stderr=True)
    settings = load(settings_file, {}, err)
    if not 0 < port < 65536:
        err.print(f"[red]error:[/red] port must be between 1 and 65535, got {port}")
        raise typer.Exit(2)
    try:
        from ..server import serve as run_server

        run_server(
            host=host, port=port, db=db, settings=settings, allow_private_urls=allow_private_urls
        )
    except NewscheckError as exc:
        fail(err, escape(str(exc)), 1)
