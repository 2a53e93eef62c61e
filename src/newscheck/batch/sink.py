"""Where a batch writes its reports: one JSON report (the contract, docs/contract.md) per
story, as JSON Lines or as files in a folder.

``jsonl`` writes one compact report per line to a file; ``folder`` writes
``<story id>.json`` per story and ``skipped-<n>.json`` for each chunk's records that could
not be analysed. Reports are written as they come: nothing is held for the end.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from ..model import Report
from ..report import to_json

FORMATS = ("jsonl", "folder")


class Sink(Protocol):
    def write(self, report: Report) -> None: ...

    def close(self) -> None: ...


class JsonLinesSink:
    """One report per line of ``path``."""

    def __init__(self, path: Path) -> None:
        self._file = open(path, "w", encoding="utf-8")  # noqa: SIM115 - closed by close()

    def write(self, report: Report) -> None:
        self._file.write(to_json(report, indent=None))

    def close(self) -> None:
        self._file.close()


class FolderSink:
    """One file per story report in ``folder`` (made if missing)."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        self._skipped = 0

    def write(self, report: Report) -> None:
        if report.stories:
            name = report.stories[0].id
        else:
            self._skipped += 1
            name = f"skipped-{self._skipped}"
        (self.folder / f"{name}.json").write_text(to_json(report), encoding="utf-8")

    def close(self) -> None:
        """Nothing stays open: each report is written whole."""


def open_sink(out: Path, fmt: str) -> Sink:
    """The sink ``fmt`` names (:data:`FORMATS`), writing to ``out``."""
    if fmt == "jsonl":
        return JsonLinesSink(out)
    if fmt == "folder":
        return FolderSink(out)
    raise ValueError(f"unknown batch output format '{fmt}' (choose from {', '.join(FORMATS)})")
