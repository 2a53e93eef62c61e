"""Analyses kept on disk between the two halves of a batch.

The map half analyses a chunk of reports; the per-story half needs them again once the
blocks are known, and a corpus of analyses (tokens, claims, vectors: some hundred kB per
report) does not fit in memory. Each chunk's analyses go to a SQLite file of their own,
written by the one task that analysed the chunk, then renamed into place, so a task run
twice (a retry) leaves one whole file and concurrent tasks never share a writer. The
folder must be one every worker sees (a local folder on one machine; shared storage on a
cluster).
"""

from __future__ import annotations

import os
import pickle
import sqlite3
from collections import defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path

from ..model import Analysis
from .blocking import Member


class Spill:
    """The folder of per-chunk analysis files."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)

    def _path(self, chunk: int) -> Path:
        return self.folder / f"chunk-{chunk:07d}.sqlite"

    def write(self, chunk: int, analyses: Iterable[Analysis]) -> None:
        """Keep the analyses of one chunk (replacing an earlier write of the same chunk)."""
        final = self._path(chunk)
        partial = final.with_suffix(f".{os.getpid()}.partial")
        partial.unlink(missing_ok=True)
        db = sqlite3.connect(partial)
        try:
            with db:
                db.execute("CREATE TABLE analyses (id TEXT PRIMARY KEY, data BLOB)")
                db.executemany(
                    "INSERT OR REPLACE INTO analyses VALUES (?, ?)",
                    ((a.article.id, pickle.dumps(a, protocol=5)) for a in analyses),
                )
        finally:
            db.close()
        os.replace(partial, final)

    def read(self, members: Sequence[Member]) -> list[Analysis]:
        """The analyses of ``members``, in their order."""
        by_chunk: dict[int, list[str]] = defaultdict(list)
        for m in members:
            by_chunk[m.chunk].append(m.id)
        found: dict[str, Analysis] = {}
        for chunk, ids in by_chunk.items():
            db = sqlite3.connect(f"file:{self._path(chunk)}?mode=ro", uri=True)
            try:
                marks = ",".join("?" * len(ids))
                for aid, data in db.execute(
                    f"SELECT id, data FROM analyses WHERE id IN ({marks})", ids
                ):
                    found[aid] = pickle.loads(data)
            finally:
                db.close()
        return [found[m.id] for m in members]
