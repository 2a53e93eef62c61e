"""The local engine: every task in this process, one after the other.

One :class:`~newscheck.context.Context` loads the models once for the whole run. Within a
chunk the parse and the embedding already overlap on two threads
(:func:`newscheck.extract.stage.analyze_articles`); ``models.jobs`` parses in more
processes.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from ..context import Context
from ..model import Report
from ..settings import Settings
from .source import Chunk
from .work import ChunkResult, Workspace, analyze_chunk, cross_check_block, open_index


class LocalEngine:
    """Runs the tasks of a batch in the calling process."""

    def __init__(self, settings: Settings) -> None:
        self.ctx = Context(settings=settings)

    def analyze_chunks(self, chunks: Iterable[Chunk], work: Workspace) -> Iterator[ChunkResult]:
        spill = work.spill
        for chunk in chunks:
            yield analyze_chunk(chunk, self.ctx, spill)

    def cross_check(self, blocks: int, work: Workspace) -> Iterator[list[Report]]:
        spill = work.spill
        index = open_index(work, readonly=True)
        try:
            for block in range(blocks):
                yield cross_check_block(index.members(block), self.ctx, spill)
        finally:
            index.close()

    def close(self) -> None:
        """Nothing to stop: the models go with the context."""
