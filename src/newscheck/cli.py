"""The command line: ``newscheck analyze INPUT...``.

Only this module prints or exits. Exit codes: 0 when at least one report was analysed,
1 when nothing could be analysed, 2 on a usage or settings error.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import typer
from rich.console import Console

from . import __version__

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Cross-check news reports: stories, claims, conflicts, quotes and sources, with evidence.",
)

FORMAT_HELP = "Output format: text (terminal view), json (the report contract), markdown or html."


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
        None, "--version", callback=_version, is_eager=True, help="Show the version and exit."
    ),
) -> None:
    """newscheck: cross-check news reports."""


@app.command()
def analyze(
    inputs: list[str] = typer.Argument(
        ..., help="Files, directories (recursive), globs, URLs or feeds; '-' reads stdin."
    ),
    fmt: str = typer.Option("text", "-f", "--format", help=FORMAT_HELP),
    output: Path | None = typer.Option(None, "-o", "--output", help="Write the report to FILE."),
    settings_file: Path | None = typer.Option(
        None, "--settings", help="TOML file overriding default settings (see `newscheck settings`)."
    ),
    embedder: str | None = typer.Option(
        None, "--embedder", help="Sentence embedder by name: minilm-onnx (default) or hashing."
    ),
    quiet: bool = typer.Option(False, "-q", "--quiet", help="No progress bar."),
) -> None:
    """Analyse reports and print the cross-checked report."""
    from rich.markup import escape

    from .errors import NewscheckError, SettingsError
    from .render import FORMATS, render
    from .settings import load_settings

    err = Console(stderr=True)
    if fmt not in FORMATS:
        err.print(f"[red]error:[/red] unknown format '{fmt}' (choose from {', '.join(FORMATS)})")
        raise typer.Exit(2)
    overrides = {"models.embedder": embedder} if embedder else {}
    try:
        settings = load_settings(settings_file, **overrides)
    except SettingsError as exc:
        err.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from None

    from .context import Context
    from .pipeline import analyze as run

    progress = _Progress(err, enabled=not quiet and err.is_terminal)
    ctx = Context(settings=settings, progress=progress)
    try:
        report = run(inputs, ctx=ctx, stdin=sys.stdin)
    except NewscheckError as exc:
        progress.close()
        err.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2 if isinstance(exc, SettingsError) else 1) from None
    progress.close()

    if output is not None:
        output.write_text(render(report, fmt), encoding="utf-8")
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
    for s in report.skipped:
        err.print(
            f"[yellow]skipped[/yellow] {escape(s.input)}: {escape(s.reason)}",
            highlight=False,
            soft_wrap=True,
        )


@app.command("settings")
def show_settings(
    settings_file: Path | None = typer.Option(
        None, "--settings", help="Show the defaults merged with this TOML file."
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
