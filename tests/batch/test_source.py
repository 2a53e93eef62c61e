"""The corpus in chunks: every record read once, as ``analyze`` reads it, with its line."""

from __future__ import annotations

import json

import pytest

from newscheck.batch.source import plan_chunks, read_chunk
from newscheck.errors import InputError
from newscheck.ingest.read import read_documents
from newscheck.model import Skipped
from newscheck.settings import IngestSettings


def record(n: int) -> dict:
    return {"title": f"Report {n}", "text": f"Body of report {n}. " * 20,
            "url": f"https://example.org/{n}", "published": "2024-03-14", "outlet": "Example"}


def write_corpus(path, lines) -> str:
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return str(path)


def test_chunks_cover_every_record_once_in_order_with_blank_lines_between(tmp_path):
    lines = [json.dumps(record(n)) for n in range(7)]
    lines.insert(3, "")
    corpus = write_corpus(tmp_path / "c.jsonl", lines)
    chunks = list(plan_chunks(corpus, 3))
    assert [c.index for c in chunks] == [0, 1, 2]
    read = [d for c in chunks for d in read_chunk(c, IngestSettings())]
    assert [d.title for d in read] == [f"Report {n}" for n in range(7)]


def test_a_chunk_reads_its_records_as_analyze_reads_the_file(tmp_path):
    corpus = write_corpus(tmp_path / "c.jsonl", [json.dumps(record(n)) for n in range(5)])
    chunked = [d for c in plan_chunks(corpus, 2) for d in read_chunk(c, IngestSettings())]
    whole, skipped = read_documents([corpus], IngestSettings())
    assert skipped == []
    assert chunked == whole


def test_a_bad_record_is_skipped_with_its_line_and_reason_and_the_rest_read(tmp_path):
    lines = [json.dumps(record(0)), "{not json", json.dumps({"title": "no body"}),
             json.dumps(record(3))]
    corpus = write_corpus(tmp_path / "c.jsonl", lines)
    read = [d for c in plan_chunks(corpus, 10) for d in read_chunk(c, IngestSettings())]
    skipped = [d for d in read if isinstance(d, Skipped)]
    assert [s.input for s in skipped] == [f"{corpus}#2", f"{corpus}#3"]
    assert all(s.reason for s in skipped)
    assert [d.title for d in read if not isinstance(d, Skipped)] == ["Report 0", "Report 3"]


def test_a_corpus_of_another_kind_is_refused_with_what_a_batch_reads(tmp_path):
    other = tmp_path / "reports.txt"
    other.write_text("text", encoding="utf-8")
    with pytest.raises(InputError, match=r"\.jsonl .* or \.parquet"):
        list(plan_chunks(str(other), 10))


def test_parquet_rows_read_as_json_lines_records(tmp_path):
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    rows = [record(n) for n in range(5)]
    path = tmp_path / "c.parquet"
    pq.write_table(pa.Table.from_pylist(rows), path, row_group_size=3)
    chunks = list(plan_chunks(str(path), 2))
    assert len(chunks) == 3  # rows 0-1, 2 of the first group; rows 3-4 of the second
    read = [d for c in chunks for d in read_chunk(c, IngestSettings())]
    assert [d.title for d in read] == [f"Report {n}" for n in range(5)]
    assert read[0].published.isoformat() == "2024-03-14"
