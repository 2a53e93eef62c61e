"""The driver of a batch: chunks to the engine, entries into the block index, blocks back
to the engine, reports to the sink."""

from __future__ import annotations

import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Protocol

from ..model import Report
from ..settings import Settings
from .sink import Sink
from .source import Chunk, corpus_kind, plan_chunks
from .work import ChunkResult, Workspace, open_index, skipped_report


class Engine(Protocol):
    """Where the two tasks of a batch run; results come back in input order."""

    def analyze_chunks(self, chunks: Iterable[Chunk], work: Workspace) -> Iterator[ChunkResult]:
        """:func:`~newscheck.batch.work.analyze_chunk` of each chunk, in order."""
        ...

    def cross_check(self, blocks: int, work: Workspace) -> Iterator[list[Report]]:
        """:func:`~newscheck.batch.work.cross_check_block` of blocks ``0..blocks-1``, in order."""
        ...

    def close(self) -> None:
        """Release what the engine started."""
        ...


@dataclass(frozen=True, slots=True, kw_only=True)
class BatchSummary:
    """What a batch did, in counts."""

    chunks: int
    articles: int
    """Reports analysed and blocked (a report found twice counts once)."""
    skipped: int
    """Records not analysed, each written with its reason."""
    blocks: int
    largest_block: int
    stories: int
    """Story reports written (reports in other languages included)."""


def run_batch(
    corpus: str, sink: Sink, engine: Engine, settings: Settings, *, work_folder: str | None = None
) -> BatchSummary:
    """Analyse the corpus at ``corpus`` and write one report per story to ``sink``.

    Args:
        corpus: A ``.jsonl`` or ``.parquet`` file of article records.
        sink: Where the reports go, as they are made.
        engine: Runs the tasks (:data:`newscheck.registry.ENGINES`).
        settings: The run's settings (``batch`` for chunks and blocks).
        work_folder: Where the spill and the block index live while the batch runs
            (default: the system's temporary folder); removed at the end.

    Raises:
        InputError: the corpus is missing or not a JSON Lines or Parquet file.
    """
    corpus_kind(corpus)
    with tempfile.TemporaryDirectory(prefix="newscheck-batch-", dir=work_folder) as folder:
        work = Workspace(settings, folder)
        index = open_index(work)
        chunks = articles = skipped = stories = 0
        try:
            for result in engine.analyze_chunks(
                plan_chunks(corpus, settings.batch.chunk_articles), work
            ):
                repeated = index.add(result.chunk, result.entries)
                lost = [*result.skipped, *repeated]
                if lost:
                    sink.write(skipped_report(lost))
                for report in result.standalone:
                    sink.write(report)
                chunks += 1
                articles += len(result.entries) - len(repeated) + len(result.standalone)
                skipped += len(lost)
                stories += len(result.standalone)
            blocks = index.form_blocks()
            largest = max(index.sizes(), default=0)
        finally:
            index.close()
        for reports in engine.cross_check(blocks, work):
            for report in reports:
                sink.write(report)
            stories += len(reports)
    return BatchSummary(chunks=chunks, articles=articles, skipped=skipped, blocks=blocks,
                        largest_block=largest, stories=stories)

