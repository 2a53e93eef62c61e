"""Shared helpers for the benchmark scripts.

Each benchmark reads ``../shared/data`` (relative to the project root, or the folder in
``NEWSCHECK_DATA``), prints a table, and writes its section of ``docs/benchmarks.md`` as
``docs/benchmarks/<name>.md``; ``python -m benchmarks.run_all`` (``make bench``) runs them
all and assembles ``docs/benchmarks.md``.
"""

from __future__ import annotations

import datetime as dt
import os
import platform
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SECTIONS = ROOT / "docs" / "benchmarks"


def data_dir() -> Path:
    return Path(os.environ.get("NEWSCHECK_DATA", ROOT.parent / "shared" / "data"))


class Skip(Exception):
    """The data a benchmark needs is absent: the message is the one-line reason."""


def require(*parts: str) -> Path:
    """Path to a data file or folder under the data directory, or raise :class:`Skip`."""
    path = data_dir().joinpath(*parts)
    if not path.exists():
        raise Skip(f"{path} is absent (evaluation data lives in ../shared/data)")
    return path


def machine() -> str:
    return (
        f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"{dt.date.today().isoformat()}"
    )


def table(header: list[str], rows: list[list[object]]) -> str:
    def fmt(v: object) -> str:
        return f"{v:.3f}" if isinstance(v, float) else str(v)

    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(fmt(v) for v in r) + " |" for r in rows]
    return "\n".join(lines)


def write_section(name: str, title: str, command: str, body: str) -> Path:
    """Write one benchmark's section (figures, command, machine) and print it."""
    SECTIONS.mkdir(parents=True, exist_ok=True)
    text = (
        f"## {title}\n\nCommand: `{command}`  \nMachine: {machine()}\n\n{body.strip()}\n"
    )
    path = SECTIONS / f"{name}.md"
    path.write_text(text, encoding="utf-8")
    print(text)
    return path


def main_guard(fn) -> None:
    """Run a benchmark's ``main``; a :class:`Skip` prints its reason and exits 0."""
    try:
        fn()
    except Skip as exc:
        print(f"skipped: {exc}", file=sys.stderr)
