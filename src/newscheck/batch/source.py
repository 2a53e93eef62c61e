"""The corpus a batch reads, cut into chunks that any worker can read on its own.

A corpus is one JSON Lines file (one article object per line, the fields ``newscheck
analyze`` reads) or one Parquet file (one article per row, the same field names). It is
never loaded whole: :func:`plan_chunks` walks it once and describes each chunk by where it
lies (byte offsets of a JSON Lines file, a row group and a slice of it in Parquet), and
:func:`read_chunk` reads one chunk back into documents. Each record is read by the same
reader as ``analyze`` (:func:`newscheck.ingest.formats.parse`), so a line gives the same
:class:`~newscheck.model.Document` here as there, with the same input name
(``path#line``); a record that cannot be read is a :class:`~newscheck.model.Skipped` with
its reason.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError, NotInstalledError
from ..ingest.files import documents_from_bytes
from ..model import Document, Skipped
from ..settings import IngestSettings

KINDS = {".jsonl": "jsonl", ".ndjson": "jsonl", ".parquet": "parquet"}


@dataclass(frozen=True, slots=True, kw_only=True)
class Chunk:
    """Where one chunk of the corpus lies.

    Attributes:
        index: Position of the chunk in the corpus (0, 1, ...): chunks are cross-checked
            and written in this order.
        path: The corpus file.
        kind: ``jsonl`` or ``parquet``.
        start: First byte (JSON Lines) or first row of the row group (Parquet).
        stop: Byte after the last (JSON Lines) or row after the last (Parquet).
        first: Line number of the first record (JSON Lines) or the row group (Parquet).
    """

    index: int
    path: str
    kind: str
    start: int
    stop: int
    first: int


def corpus_kind(path: str) -> str:
    """``jsonl`` or ``parquet``, from the file's extension.

    Raises:
        InputError: the file is missing or of another kind.
    """
    kind = KINDS.get(Path(path).suffix.lower())
    if kind is None:
        raise InputError(
            f"{path}: a batch reads a .jsonl (one article per line) or .parquet file"
        )
    if not Path(path).is_file():
        raise InputError(f"{path}: no such file")
    return kind


def plan_chunks(path: str, size: int) -> Iterator[Chunk]:
    """The chunks of the corpus at ``path``, of ``size`` records each (the last may be
    shorter), in order. Blank lines count for no record."""
    kind = corpus_kind(path)
    if kind == "parquet":
        yield from _parquet_chunks(path, size)
        return
    index, start, records, first, offset = 0, 0, 0, 1, 0
    with open(path, "rb") as f:
        for line_no, line in enumerate(f, start=1):
            if records == 0:
                start, first = offset, line_no
            offset += len(line)
            if line.strip():
                records += 1
            if records == size:
                yield Chunk(index=index, path=path, kind=kind, start=start, stop=offset,
                            first=first)
                index, records = index + 1, 0
    if records:
        yield Chunk(index=index, path=path, kind=kind, start=start, stop=offset, first=first)


def _parquet():
    try:
        import pyarrow.parquet as pq
    except ImportError:
        raise NotInstalledError("pyarrow", "ray") from None
    return pq


def _parquet_chunks(path: str, size: int) -> Iterator[Chunk]:
    meta = _parquet().ParquetFile(path).metadata
    index = 0
    for group in range(meta.num_row_groups):
        rows = meta.row_group(group).num_rows
        for start in range(0, rows, size):
            yield Chunk(index=index, path=path, kind="parquet", start=start,
                        stop=min(rows, start + size), first=group)
            index += 1


def read_chunk(chunk: Chunk, settings: IngestSettings) -> list[Document | Skipped]:
    """The documents of one chunk, in corpus order, and its records that cannot be read."""
    if chunk.kind == "parquet":
        return list(_parquet_records(chunk, settings))
    with open(chunk.path, "rb") as f:
        f.seek(chunk.start)
        data = f.read(chunk.stop - chunk.start)
    out: list[Document | Skipped] = []
    for line_no, line in enumerate(data.split(b"\n"), start=chunk.first):
        if line.strip():
            out.extend(_record(line, f"{chunk.path}#{line_no}", settings))
    return out


def _parquet_records(chunk: Chunk, settings: IngestSettings) -> Iterator[Document | Skipped]:
    table = _parquet().ParquetFile(chunk.path).read_row_group(chunk.first)
    rows = table.slice(chunk.start, chunk.stop - chunk.start).to_pylist()
    for n, row in enumerate(rows, start=chunk.start):
        line = json.dumps(row, default=str, ensure_ascii=False).encode("utf-8")
        yield from _record(line, f"{chunk.path}#{chunk.first}:{n}", settings)


def _record(line: bytes, where: str, settings: IngestSettings) -> Iterator[Document | Skipped]:
    """One record read as ``analyze`` reads a line of JSON Lines, named by its place in the
    corpus."""
    for item in documents_from_bytes(line, where, settings, kind="jsonl"):
        yield dataclasses.replace(item, input=where)
