"""Following the news from the command line: ingest, stories, show, diff, watch (subprocesses)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
NEWSCHECK = [sys.executable, "-m", "newscheck.cli"]
LATE = "westport_star.txt"


def run(*args: str):
    return subprocess.run([*NEWSCHECK, *args], capture_output=True, text=True, timeout=300)


def outcomes(stdout: str, outcome: str) -> int:
    """How many reports an ingest's output says were ``outcome``."""
    return sum(line.startswith(outcome) for line in stdout.splitlines())


@pytest.mark.slow
def test_ingest_twice_then_a_new_report_and_diff_names_it(tmp_path):
    db = str(tmp_path / "news.db")
    folder = tmp_path / "examples"
    shutil.copytree(EXAMPLES, folder)
    (folder / LATE).unlink()

    first = run("ingest", str(folder), "--db", db, "-q")
    assert first.returncode == 0, first.stderr
    assert outcomes(first.stdout, "added") == 9 and "version 1:" in first.stdout
    again = run("ingest", str(folder), "--db", db, "-q")
    assert again.returncode == 0, again.stderr
    assert outcomes(again.stdout, "unchanged") == 9 and "no story changed" in again.stdout

    shutil.copy(EXAMPLES / LATE, folder / LATE)
    late = run("ingest", str(folder / LATE), "--db", db, "-q")
    assert late.returncode == 0, late.stderr
    story = late.stdout.split("story ")[1].split()[0].rstrip(",")
    assert f"story {story} version 2: 1 report added" in late.stdout

    listed = run("stories", "--db", db)
    assert listed.returncode == 0 and story in listed.stdout
    # listed by the dates its reports were published: its undated report, placed by the
    # day it was ingested, does not stretch them to today
    (line,) = [x for x in listed.stdout.splitlines() if story in x]
    assert "2026-03-13…2026-03-15" in line

    text = run("diff", story, "--db", db)
    assert text.returncode == 0, text.stderr
    assert "version 2 against version 1" in text.stdout
    assert "Sources added (1)" in text.stdout and LATE in text.stdout

    data = json.loads(run("diff", story, "--db", db, "-f", "json").stdout)
    assert (data["schema"], data["story"], data["since"], data["version"]) == (
        "newscheck.diff/1", story, 1, 2)
    assert [a["input"] for a in data["sources_added"]] == [str(folder / LATE)]
    whole = json.loads(run("diff", story, "--since", "0", "--db", db, "-f", "json").stdout)
    assert len(whole["sources_added"]) == 7  # the port strike: 6 reports and the late one

    shown = run("show", story, "-f", "json", "--db", db)
    assert shown.returncode == 0, shown.stderr
    report = json.loads(shown.stdout)
    assert [s["id"] for s in report["stories"]] == [story]
    assert len(report["articles"]) == 7


def test_follow_commands_name_what_is_wrong(tmp_path):
    db = str(tmp_path / "news.db")
    missing = run("diff", "s0123456789", "--db", db)
    assert missing.returncode == 1 and "no story s0123456789" in missing.stderr
    assert run("show", "s0123456789", "--db", db).returncode == 1
    bad_date = run("stories", "--since", "last week", "--db", db)
    assert bad_date.returncode == 2 and "YYYY-MM-DD" in bad_date.stderr
    assert "no stories" in run("stories", "--db", db).stderr
    bad_every = run("watch", str(tmp_path / "feeds.txt"), "--every", "soon", "--db", db)
    assert bad_every.returncode == 2 and "not a duration" in bad_every.stderr
    no_list = run("watch", str(tmp_path / "feeds.txt"), "--once", "--db", db)
    assert no_list.returncode == 2 and "cannot read" in no_list.stderr


@pytest.mark.slow
def test_watch_once_picks_up_a_new_item_of_a_local_feed_file(tmp_path):
    db = str(tmp_path / "news.db")
    body = (EXAMPLES / "valley_courier.txt").read_text(encoding="utf-8").split("\n\n", 1)[1]
    feed = tmp_path / "feed.xml"
    feed.write_text(
        "<?xml version='1.0'?><rss version='2.0'><channel><title>Valley wire</title>"
        "<link>https://valley.test/</link><description>news</description>"
        "<item><title>Bridge partly collapses</title><guid>valley-1</guid>"
        f"<description><![CDATA[{body}]]></description></item></channel></rss>",
        encoding="utf-8",
    )
    feeds = tmp_path / "feeds.txt"
    feeds.write_text(f"# local\n{feed}\n", encoding="utf-8")
    first = run("watch", str(feeds), "--once", "--db", db)
    assert first.returncode == 0, first.stderr
    assert "1 new item" in first.stdout and "added" in first.stdout
    second = run("watch", str(feeds), "--once", "--db", db)
    assert second.returncode == 0 and "not modified" in second.stdout


@pytest.mark.slow
def test_a_killed_ingest_loses_nothing_and_the_next_one_completes_it(tmp_path):
    import signal
    import sqlite3
    import time

    db = tmp_path / "news.db"
    proc = subprocess.Popen([*NEWSCHECK, "ingest", str(EXAMPLES), "--db", str(db), "-q"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def count(table: str) -> int:
        try:
            with sqlite3.connect(db, timeout=30) as conn:
                return conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
        except sqlite3.OperationalError:  # not created yet
            return 0

    deadline = time.monotonic() + 240
    while proc.poll() is None and count("report_versions") == 0 and time.monotonic() < deadline:
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)  # as soon as the first report is stored
    proc.wait()
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        # every stored version is whole: its article and its extraction are there too
        assert conn.execute(
            "SELECT COUNT(*) FROM report_versions v WHERE NOT EXISTS "
            "(SELECT 1 FROM articles a WHERE a.id = v.article_id) OR NOT EXISTS "
            "(SELECT 1 FROM extractions e WHERE e.article_id = v.article_id)").fetchone()[0] == 0
        kept = conn.execute("SELECT COUNT(*) FROM followed_reports").fetchone()[0]

    done = run("ingest", str(EXAMPLES), "--db", str(db), "-q")
    assert done.returncode == 0, done.stderr
    assert outcomes(done.stdout, "unchanged") == kept
    assert outcomes(done.stdout, "added") == 10 - kept
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT COUNT(*) FROM followed_reports").fetchone()[0] == 10
        assert conn.execute("SELECT COUNT(*) FROM followed_reports WHERE story_id IS NULL"
                            ).fetchone()[0] == 0
        assert conn.execute("SELECT COUNT(*) FROM stories WHERE stale = 1").fetchone()[0] == 0


def _merged_store(db: str) -> None:
    """A store where story s0000000002 was merged into s0000000001, whose version 2 then
    holds both reports (built by hand: no model runs)."""
    import datetime as dt

    from newscheck.model import Article, Report, Story
    from newscheck.report import to_dict
    from newscheck.store import open_store

    now = "2026-12-08T09:00:00Z"
    reports = [Article(id=f"a{n}", input=f"in/{n}.txt", text=f"The ferry line {n} stopped.",
                       title=f"Ferry {n}", url=f"https://example.org/{n}",
                       published=dt.date(2026, 3, n), words=4) for n in (1, 2, 3)]
    store = open_store(db)
    try:
        def version(story: str, held: list[Article]) -> None:
            report = Report(generated_at=now, articles=tuple(held), skipped=(), stories=(
                Story(id=story, title="Ferry", articles=tuple(a.id for a in held)),))
            store.put_story_version(story, report=json.dumps(to_dict(report)), cause="x",
                                    title="Ferry", vector=None,
                                    articles=[a.id for a in held], now=now)

        for n, story in ((1, "s0000000001"), (2, "s0000000002"), (3, None)):
            a = reports[n - 1]
            store.add_version(report_id=f"r{n}", identity=a.url, article=a, content_hash=a.id,
                              date=a.published.isoformat(), extraction=None, now=now)
            if story:
                store.assign(story, store.unassigned(), title="Ferry", now=now)
                version(story, [a])
        store.assign("s0000000001", store.unassigned(), title=None, now=now,
                     merged=["s0000000002"])
        version("s0000000001", reports)
    finally:
        store.close()


def test_a_merged_story_is_shown_and_diffed_as_the_story_it_was_merged_into(tmp_path):
    db = str(tmp_path / "news.db")
    _merged_store(db)
    listed = run("stories", "--db", db)
    assert "s0000000001" in listed.stdout and "s0000000002" not in listed.stdout

    note = "story s0000000002 was merged into story s0000000001 (one event)"
    text = run("diff", "s0000000002", "--db", db)
    assert text.returncode == 0 and note in text.stderr
    assert "story s0000000001: version 2 against version 1" in text.stdout
    assert "merged from s0000000002" in text.stdout
    data = json.loads(run("diff", "s0000000001", "--db", db, "-f", "json").stdout)
    assert data["merged_from"] == ["s0000000002"]
    assert sorted(a["id"] for a in data["sources_added"]) == ["a2", "a3"]
    assert json.loads(run("diff", "s0000000001", "--since", "0", "--db", db, "-f", "json"
                          ).stdout)["merged_from"] == ["s0000000002"]

    shown = run("show", "s0000000002", "-f", "json", "--db", db)
    assert shown.returncode == 0 and note in shown.stderr
    assert [s["id"] for s in json.loads(shown.stdout)["stories"]] == ["s0000000001"]
