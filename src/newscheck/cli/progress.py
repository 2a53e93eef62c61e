"""Progress of a long run: a bar on the terminal, and the stored analysis's progress."""

from __future__ import annotations

import time

from rich.console import Console

from .common import quietly


class Progress:
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
            from rich.progress import BarColumn, MofNCompleteColumn, TextColumn
            from rich.progress import Progress as Bar

            self.progress = Bar(
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


class StoredProgress:
    """Progress to the terminal bar, and to the store at most every ``interval`` seconds."""

    def __init__(self, bar: Progress, store, analysis_id: str, interval: float) -> None:
        self.bar, self.store, self.id, self.interval = bar, store, analysis_id, interval
        self.last = 0.0

    def __call__(self, stage: str, done: int, total: int) -> None:
        self.bar(stage, done, total)
        now = time.monotonic()
        if now - self.last >= self.interval or (total and done >= total):
            self.last = now
            # progress is a courtesy: a busy store must not sink the run
            quietly(lambda: self.store.set_progress(self.id, stage, done, total))
