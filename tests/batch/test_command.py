"""``newscheck batch`` on the command line: usage errors before any work, every record
accounted for in the output."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from newscheck.cli import app


def batch(*args: str):
    return CliRunner().invoke(app, ["batch", *args])


def test_a_corpus_of_another_kind_is_refused_before_anything_is_written(tmp_path):
    other = tmp_path / "report.txt"
    other.write_text("A report.", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = batch(str(other), "--out", str(out))
    assert result.exit_code == 1
    assert "a batch reads a .jsonl" in result.output
    assert not out.exists()


def test_usage_errors_exit_2(tmp_path):
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("{}\n", encoding="utf-8")
    out = str(tmp_path / "out.jsonl")
    assert batch(str(corpus), "--out", out, "--address", "auto").exit_code == 2
    unknown = batch(str(corpus), "--out", out, "--engine", "spark")
    assert unknown.exit_code == 2
    assert "unknown batch engine 'spark' (known: local, ray)" in unknown.output
    assert batch(str(corpus), "--out", out, "--format", "csv").exit_code == 2
    assert batch(str(corpus), "--out", out, "--work", str(tmp_path / "none")).exit_code == 2


def test_records_that_cannot_be_read_are_written_with_their_reasons(tmp_path):
    corpus = tmp_path / "c.jsonl"
    corpus.write_text('{"title": "no text"}\n[1, 2]\n\n{broken\n', encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = batch(str(corpus), "--out", str(out))
    assert result.exit_code == 1
    assert "nothing could be analysed" in result.output
    (report,) = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert report["stories"] == []
    assert [s["input"] for s in report["skipped"]] == [
        f"{corpus}#1", f"{corpus}#2", f"{corpus}#4"
    ]
