"""``newscheck settings``: the settings as TOML, defaults or merged with a file."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console
from rich.markup import escape


def show_settings(
    settings_file: Path | None = typer.Option(
        None, "--settings", metavar="FILE", help="Show the defaults merged with this TOML file."
    ),
) -> None:
    """Print the settings (defaults, or merged with a file) as TOML."""
    from ..errors import SettingsError
    from ..settings import load_settings, to_toml

    try:
        typer.echo(to_toml(load_settings(settings_file)), nl=False)
    except SettingsError as exc:
        Console(stderr=True).print(f"[red]error:[/red] {escape(str(exc))}", highlight=False,
                                   soft_wrap=True)
        raise typer.Exit(2) from None
