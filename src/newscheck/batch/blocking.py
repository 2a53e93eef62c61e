"""Blocking: which reports of a corpus may be of one story, without comparing all pairs.

Story grouping (:func:`newscheck.stories.group_stories`) decides which reports are one
story; over a corpus it runs once per *block*, the reports that could meet at all. Two
reports fall in one block when a chain of reports joins them, each link two reports whose
leads (the first ``stories.lead_sentences`` sentences) name one person, organisation,
place or event (:func:`newscheck.stories.entity_key`, so "Ana Ruiz" and "Ruiz" are one
key) and which were published in the same or the next time bucket of
``batch.window_days`` days. A key that more than ``batch.key_max_reports`` reports of one
bucket name joins nobody: it is the week's background ("police", a country), and it would
chain unrelated stories into one block. An undated report joins the dated block that
shares most of its names (and chains nothing); one that shares none meets the other
undated reports by their names. Reports whose leads name nothing stand alone. Keys join
rarest first, and a join that would make a block larger than ``batch.max_block_reports``
is not made: a name shared across a month of coverage cannot glue a whole corpus into one
block, and a block's analyses always fit in one worker's memory.

The driver keeps one row per report (id, input, chunk, keys) in a SQLite file, not in
memory; the only corpus-wide structure in memory is the union-find array, one integer
per report.
"""

from __future__ import annotations

import itertools
import sqlite3
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ..model import Analysis, Skipped
from ..settings import BatchSettings, StorySettings
from ..stories import entity_key

# Entity labels whose names place a report: who, which body, where, which event.
BLOCK_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "EVENT"})
# The time bucket of a report without a published date.
UNDATED = "undated"


@dataclass(frozen=True, slots=True, kw_only=True)
class Entry:
    """What the driver keeps of one analysed report: enough to block it and to find it."""

    id: str
    input: str
    keys: tuple[str, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class Member:
    """A report of a block, and the chunk whose spill file holds its analysis."""

    id: str
    chunk: int


def block_keys(analysis: Analysis, stories: StorySettings, batch: BatchSettings) -> tuple[str, ...]:
    """The keys under which a report meets others: each lead name in its time bucket and
    in the next one, sorted."""
    sents = analysis.sentences
    lead_end = sents[min(stories.lead_sentences, len(sents)) - 1].end if sents else 0
    names = {
        key
        for e in analysis.entities
        if e.start < lead_end and e.label in BLOCK_LABELS
        and (key := entity_key(e.text, e.label)) is not None
    }
    published = analysis.article.published
    if published is None:
        buckets: tuple[str, ...] = (UNDATED,)
    else:
        bucket = published.toordinal() // batch.window_days
        buckets = (str(bucket), str(bucket + 1))
    return tuple(sorted(f"{name}@{b}" for name in names for b in buckets))


class BlockIndex:
    """Every analysed report's entry, on disk, and the blocks they fall in.

    Reports are added chunk by chunk (:meth:`add`), then :meth:`form_blocks` forms the blocks,
    numbered by the input position of their first report; :meth:`members` reads one back.
    A file opened with ``readonly`` serves the workers of a distributed engine.
    """

    def __init__(self, path: Path, settings: BatchSettings, *, readonly: bool = False) -> None:
        self.settings = settings
        uri = f"file:{path}?mode=ro" if readonly else f"file:{path}"
        self._db = sqlite3.connect(uri, uri=True, check_same_thread=False)
        if not readonly:
            self._db.executescript(
                "CREATE TABLE IF NOT EXISTS articles (row INTEGER PRIMARY KEY, id TEXT UNIQUE,"
                " input TEXT, chunk INTEGER, block INTEGER);"
                "CREATE TABLE IF NOT EXISTS keys (name TEXT, bucket TEXT, row INTEGER);"
            )

    def add(self, chunk: int, entries: Iterable[Entry]) -> list[Skipped]:
        """Keep the entries of one chunk; a report already kept from an earlier chunk is
        returned as skipped, naming the first."""
        skipped: list[Skipped] = []
        with self._db:
            for e in entries:
                cur = self._db.execute(
                    "INSERT OR IGNORE INTO articles (id, input, chunk) VALUES (?, ?, ?)",
                    (e.id, e.input, chunk),
                )
                if cur.rowcount == 0:
                    (first,) = self._db.execute(
                        "SELECT input FROM articles WHERE id = ?", (e.id,)
                    ).fetchone()
                    skipped.append(Skipped(input=e.input, reason=f"the same report as {first}"))
                    continue
                self._db.executemany(
                    "INSERT INTO keys (name, bucket, row) VALUES (?, ?, ?)",
                    [(*k.rpartition("@")[::2], cur.lastrowid) for k in e.keys],
                )
        return skipped

    def form_blocks(self) -> int:
        """Form the blocks; the number of blocks."""
        (n,) = self._db.execute("SELECT COALESCE(MAX(row), 0) FROM articles").fetchone()
        forest = _Forest(n, self.settings.max_block_reports)
        with self._db:
            self._db.execute("CREATE INDEX IF NOT EXISTS by_name ON keys (name, bucket, row)")
        self._join_shared(forest, dated=True)
        attached = self._attach_undated(forest)
        self._join_shared(forest, dated=False, besides=attached)
        roots = np.array([forest.find(r) for r in range(n + 1)], dtype=np.int64)
        # a block's number: the rank of its first report (the smallest row, the root)
        firsts = np.unique(roots[1:])
        number = np.searchsorted(firsts, roots)
        with self._db:
            self._db.executemany(
                "UPDATE articles SET block = ? WHERE row = ?",
                ((int(number[r]), r) for r in range(1, n + 1)),
            )
            self._db.execute("CREATE INDEX IF NOT EXISTS by_block ON articles (block, row)")
        return len(firsts)

    def _join_shared(self, forest: _Forest, *, dated: bool,
                     besides: set[int] = frozenset()) -> None:
        """Join the reports under each key (a name in a bucket) that 2 to
        ``key_max_reports`` of them share: the dated buckets, or the undated one (leaving
        out the reports in ``besides``). The rarest keys join first: when a block would
        pass ``max_block_reports``, the most specific names have already made it."""
        shared = self._db.execute(
            "SELECT k.name, k.bucket, k.row FROM keys k JOIN (SELECT name, bucket,"
            f" COUNT(*) AS n FROM keys WHERE bucket {'!=' if dated else '='} ?1"
            " GROUP BY name, bucket HAVING n BETWEEN 2 AND ?2) USING (name, bucket)"
            " ORDER BY n, k.name, k.bucket, k.row",
            (UNDATED, self.settings.key_max_reports),
        )
        last, first = None, 0
        for name, bucket, row in shared:
            if row in besides:
                continue
            if (name, bucket) == last:
                forest.join(first, row)
            else:
                last, first = (name, bucket), row

    def _attach_undated(self, forest: _Forest) -> set[int]:
        """Put each undated report in the dated block sharing most of its names (ties: the
        earlier block); names more than ``key_max_reports`` dated reports carry do not
        count. The undated reports attached, which join nothing else (no chaining through
        them)."""
        pairs = self._db.execute(
            "SELECT DISTINCT u.row, u.name, d.row FROM keys u JOIN keys d ON d.name = u.name"
            " WHERE u.bucket = ?1 AND d.bucket != ?1 AND u.name IN (SELECT name FROM keys"
            " WHERE bucket != ?1 GROUP BY name HAVING COUNT(DISTINCT row) <= ?2)"
            " ORDER BY u.row",
            (UNDATED, self.settings.key_max_reports),
        )
        targets: dict[int, int] = {}
        for row, found in itertools.groupby(pairs, key=lambda p: p[0]):
            names: dict[int, set[str]] = defaultdict(set)
            for _, name, other in found:
                names[forest.find(other)].add(name)
            targets[row] = min(names, key=lambda root: (-len(names[root]), root))
        return {row for row, root in targets.items() if forest.join(row, root)}

    def members(self, block: int) -> tuple[Member, ...]:
        """The reports of one block, in input order."""
        rows = self._db.execute(
            "SELECT id, chunk FROM articles WHERE block = ? ORDER BY row", (block,)
        )
        return tuple(Member(id=i, chunk=c) for i, c in rows)

    def sizes(self) -> Sequence[int]:
        """The number of reports of each block, by block number."""
        return [n for (n,) in self._db.execute(
            "SELECT COUNT(*) FROM articles GROUP BY block ORDER BY block"
        )]

    def close(self) -> None:
        self._db.close()


class _Forest:
    """Union-find over report rows, with the size of each set and a largest size."""

    def __init__(self, n: int, largest: int) -> None:
        self.parent = np.arange(n + 1, dtype=np.int64)
        self.size = np.ones(n + 1, dtype=np.int64)
        self.largest = largest

    def find(self, x: int) -> int:
        parent = self.parent
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = int(parent[x])
        return x

    def join(self, a: int, b: int) -> bool:
        """Join the sets of ``a`` and ``b`` under the smaller root (the earlier report),
        unless the union would pass the largest size; whether they are now one set."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return True
        if self.size[ra] + self.size[rb] > self.largest:
            return False
        low, high = min(ra, rb), max(ra, rb)
        self.parent[high] = low
        self.size[low] += self.size[high]
        return True
