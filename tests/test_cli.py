"""The command line as a user runs it (a subprocess, the real entry point)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
NEWSCHECK = [sys.executable, "-m", "newscheck.cli"]

ARTICLE = (
    "Title: Council approves harbour budget\nOutlet: Test Gazette\nPublished: 2026-03-10\n\n"
    "The city council approved a budget of 12 million crowns for the harbour on Monday. "
    "The vote passed by 21 votes to 9 after a debate that lasted four hours. "
    "Mayor Petra Lindahl said the money would pay for new cranes and a safer quay. "
    "\"This is a good day for the harbour,\" Lindahl said after the vote.\n"
)


def run(*args, stdin: str | None = None, cwd=None):
    return subprocess.run(
        [*NEWSCHECK, *args], input=stdin, capture_output=True, text=True, cwd=cwd, timeout=300
    )


def test_usage_error_exits_2():
    r = run("analyze", "x.txt", "-f", "pdf")
    assert r.returncode == 2
    assert "unknown format 'pdf'" in r.stderr


def test_unknown_setting_exits_2_with_the_key(tmp_path):
    bad = tmp_path / "s.toml"
    bad.write_text("[stories]\nthreshhold = 0.5\n")
    r = run("analyze", str(tmp_path), "--settings", str(bad))
    assert r.returncode == 2
    assert "stories.threshhold" in r.stderr


def test_nothing_analysable_exits_1_with_reasons(tmp_path):
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "scan.pdf").write_bytes(b"%PDF-1.4\n\x00\x01\x02binary")
    r = run("analyze", str(tmp_path), "-f", "json", "--embedder", "hashing")
    assert r.returncode == 1
    data = json.loads(r.stdout)
    reasons = {Path(s["input"]).name: s["reason"] for s in data["skipped"]}
    assert set(reasons) == {"empty.txt", "scan.pdf"}
    assert "nothing could be analysed" in r.stderr


@pytest.mark.slow
def test_stdin_and_a_bad_file_in_one_batch(tmp_path):
    (tmp_path / "bin.dat").write_bytes(bytes(range(256)) * 4)
    r = run("analyze", "-", str(tmp_path / "bin.dat"), "-f", "json", "-q", stdin=ARTICLE)
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    assert [a["input"] for a in data["articles"]] == ["-"]
    assert data["articles"][0]["outlet"] == "Test Gazette"
    assert data["skipped"][0]["input"].endswith("bin.dat")
    assert "skipped" in r.stderr


@pytest.mark.slow
def test_output_file_in_markdown(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE)
    out = tmp_path / "r.md"
    r = run("analyze", str(tmp_path / "a.txt"), "-f", "markdown", "-o", str(out))
    assert r.returncode == 0, r.stderr
    text = out.read_text()
    assert text.startswith("# newscheck report")
    assert "Council approves harbour budget" in text


def test_settings_command_prints_toml_that_loads_back(tmp_path):
    r = run("settings")
    assert r.returncode == 0
    assert "[stories]" in r.stdout
    path = tmp_path / "s.toml"
    path.write_text(r.stdout)
    from newscheck.settings import Settings, load_settings

    assert load_settings(path) == Settings()
