"""The store's tables for following the news, against SQLite and a private PostgreSQL alike."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import zlib

import numpy as np
import pytest

from newscheck.model import Article, Report
from newscheck.report import to_dict
from newscheck.store import Following, open_store
from newscheck.store.follow import Member
from newscheck.store.migrations import MIGRATIONS, migrate

NOW = "2026-12-01T10:00:00Z"


def article(n: int, text: str | None = None, *, dated: bool = True) -> Article:
    """An invented report; ``text`` changes its body (a new version under the same URL);
    an undated one has no published date."""
    body = text or f"The ferry line {n} carried {100 + n} passengers on its first trip."
    published = dt.date(2026, 3, 1) + dt.timedelta(days=n) if dated else None
    return Article(id=f"a{n:04x}{zlib.crc32(body.encode()):08x}", input=f"in/{n}.txt",
                   text=body, title=f"Ferry {n}", url=f"https://example.org/{n}",
                   published=published, words=len(body.split()))


def add(store, n: int, text: str | None = None, *, content: str | None = None,
        dated: bool = True, now: str = NOW):
    """Store report ``n``; an undated one is placed by its ingest day, as ``ingest`` does."""
    a = article(n, text, dated=dated)
    date = a.published.isoformat() if a.published else now[:10]
    return store.add_version(report_id=f"r{n}", identity=a.url, article=a,
                             content_hash=content or a.id, date=date,
                             extraction=("fp", json.dumps({"n": n}), b"\x00" * 8), now=now)


def one_story_report(story_id: str, articles: list[Article]) -> str:
    from newscheck.model import Story

    story = Story(id=story_id, title="Ferry", articles=tuple(a.id for a in articles))
    report = Report(generated_at=NOW, articles=tuple(articles), skipped=(), stories=(story,))
    return json.dumps(to_dict(report))


def test_store_follows(store):
    assert isinstance(store, Following)


def test_same_text_is_unchanged_and_a_changed_text_is_the_next_version(store):
    assert add(store, 1) == (1, "added")
    assert add(store, 1) == (1, "unchanged")
    assert add(store, 1, "The ferry line 1 carried 120 passengers, the operator said.") == (
        2, "new version")
    version, _, story = store.latest_version("r1")
    assert (version, story) == (2, None)
    assert store.report_of_article(article(1).id)[:2] == ("r1", 1)  # the old text is kept
    with store._tx(write=False) as cur:
        cur.execute("SELECT COUNT(*) FROM report_versions")
        assert cur.fetchone()[0] == 2
        cur.execute("SELECT COUNT(*) FROM followed_reports")
        assert cur.fetchone()[0] == 1


def test_assign_opens_a_story_and_a_new_version_makes_it_stale(store):
    add(store, 1)
    add(store, 2)
    pending = store.unassigned()
    assert [m.report for m in pending] == ["r1", "r2"]
    store.assign("s1", pending, title="Ferry", now=NOW)
    assert store.unassigned() == []
    assert store.stale_stories() == ["s1"]
    story = store.get_story("s1")
    assert (story.reports, story.version, story.first_published, story.last_published) == (
        2, 0, "2026-03-02", "2026-03-03")
    arts = [article(1), article(2)]
    v = store.put_story_version("s1", report=one_story_report("s1", arts), cause="2 added",
                                title="Ferry", vector=np.ones(4, np.float32).tobytes(),
                                articles=[a.id for a in arts], now=NOW)
    assert v == 1 and store.stale_stories() == []
    (row,) = store.stories_between("2026-01-01", "2026-12-31", "9")
    assert row.vector == np.ones(4, np.float32).tobytes()
    add(store, 2, "The ferry line 2 was cancelled after a storm, the operator said.")
    assert store.stale_stories() == ["s1"]
    assert [m.version for m in store.members("s1")] == [1, 2]


def test_a_version_built_while_reports_changed_keeps_the_story_stale(store):
    add(store, 1)
    store.assign("s1", store.unassigned(), title="Ferry", now=NOW)
    add(store, 3)
    store.assign("s1", store.unassigned(), title=None, now=NOW)
    # built from report 1 alone: report 3 joined meanwhile
    store.put_story_version("s1", report=one_story_report("s1", [article(1)]), cause="x",
                            title="Ferry", vector=None, articles=[article(1).id], now=NOW)
    assert store.stale_stories() == ["s1"]


def test_story_versions_are_all_kept_and_listed_by_window(store):
    for n in (1, 20):
        add(store, n)
        store.assign(f"s{n}", store.unassigned(), title=f"Ferry {n}", now=NOW)
        for k in (1, 2):
            store.put_story_version(f"s{n}", report=one_story_report(f"s{n}", [article(n)]),
                                    cause=f"round {k}", title=f"Ferry {n}", vector=None,
                                    articles=[article(n).id], now=NOW)
    assert store.story_version("s1")[0] == 2
    assert store.story_version("s1", 1)[0] == 1
    assert store.story_version("s1", 3) is None
    assert [r.id for r in store.stories_between("2026-03-01", "2026-03-05", "9")] == ["s1"]
    # updated lately: listed whatever the dates of its reports
    assert [r.id for r in store.stories_between("2026-03-01", "2026-03-05", NOW[:10])] == [
        "s1", "s20"]
    assert [s.id for s in store.list_stories(since="2026-03-10")] == ["s20"]
    assert {s.id for s in store.list_stories()} == {"s1", "s20"}


def test_members_limit_keeps_the_newest(store):
    for n in (1, 2, 3):
        add(store, n)
    store.assign("s1", store.unassigned(), title="Ferry", now=NOW)
    assert [m.report for m in store.members("s1", limit=2)] == ["r2", "r3"]
    assert all(isinstance(m, Member) for m in store.members("s1"))


def test_extractions_are_read_under_their_fingerprint_only(store):
    add(store, 1)
    aid = article(1).id
    assert store.get_extractions([aid], "fp") == {aid: ('{"n": 1}', b"\x00" * 8)}
    assert store.get_extractions([aid], "other") == {}
    store.put_extraction(aid, "other", "{}", b"")
    assert store.get_extractions([aid], "fp") == {}
    assert store.get_extractions([aid], "other") == {aid: ("{}", b"")}


def test_feed_items_are_done_or_retried_then_given_up(store):
    url = "https://example.org/feed.xml"
    assert store.feed_state(url).etag is None
    store.record_feed(url, etag='"v1"', last_modified="Mon, 01 Dec 2026 10:00:00 GMT",
                      done=["a"], failed=["b"], retries=1, now=NOW)
    state = store.feed_state(url)
    assert (state.etag, state.done, state.attempts) == ('"v1"', frozenset({"a"}), {"b": 1})
    store.record_feed(url, etag='"v2"', last_modified=None, done=[], failed=["b"], retries=1,
                      now=NOW)
    state = store.feed_state(url)
    assert (state.etag, state.done, state.attempts) == ('"v2"', frozenset({"a", "b"}), {})


def test_deleting_an_analysis_keeps_the_articles_of_followed_reports(store):
    add(store, 1)
    a = article(1)
    rec = store.create_analysis(inputs=1)
    store.finish_analysis(rec.id, Report(generated_at=NOW, articles=(a,), skipped=(),
                                         stories=()))
    assert store.delete_analysis(rec.id)
    assert store.get_article(a.id) == a


def test_a_version_1_store_is_migrated_and_keeps_its_analyses(tmp_path, monkeypatch):
    from newscheck.store import migrations

    path = tmp_path / "old.db"
    conn = sqlite3.connect(path)
    cur = conn.cursor()
    cur.execute("BEGIN")
    with monkeypatch.context() as m:
        m.setattr(migrations, "MIGRATIONS", MIGRATIONS[:1])
        migrate(cur, "sqlite", NOW)
    cur.execute("INSERT INTO analyses (id, status, created_at, updated_at) "
                "VALUES ('x1', 'done', ?, ?)", (NOW, NOW))
    conn.commit()
    conn.close()
    store = open_store(path)
    try:
        assert store.schema_version() == MIGRATIONS[-1].version
        assert store.get_analysis("x1").status == "done"
        assert store.list_stories() == []
    finally:
        store.close()


LATER = "2026-12-08T09:00:00Z"


def test_a_story_is_listed_by_its_publication_dates_not_by_ingest_days(store):
    add(store, 1)
    add(store, 2, dated=False, now=LATER)  # placed by its ingest day, 2026-12-08
    store.assign("s1", store.unassigned(), title="Ferry", now=LATER)
    (row,) = store.stories_between("2026-12-01", "2026-12-31", "9")
    assert (row.first_date, row.last_date) == ("2026-03-02", "2026-12-08")  # the window
    story = store.get_story("s1")
    assert (story.first_published, story.last_published) == ("2026-03-02", "2026-03-02")
    assert story.first_ingested == NOW[:10]
    assert [s.id for s in store.list_stories(since="2026-12-01")] == []
    # a correction that dates the report dates the story
    add(store, 2, "The ferry line 2 ran late, the operator said.", now=LATER)
    assert store.get_story("s1").last_published == "2026-03-03"


def test_a_story_of_undated_reports_is_known_by_its_first_ingest_day(store):
    add(store, 1, dated=False, now=LATER)
    add(store, 2, dated=False, now="2026-12-09T08:00:00Z")
    store.assign("s1", store.unassigned(), title="Ferry", now="2026-12-09T08:00:00Z")
    story = store.get_story("s1")
    assert (story.first_published, story.last_published, story.first_ingested) == (
        None, None, "2026-12-08")
    assert [s.id for s in store.list_stories(since="2026-12-08")] == ["s1"]
    assert [s.id for s in store.list_stories(since="2026-12-09")] == []


def test_merged_stories_move_their_reports_and_stay_as_rows_naming_the_survivor(store):
    for n, story, day in ((1, "s1", NOW), (2, "s2", LATER), (3, "s3", LATER)):
        add(store, n, now=day)
        store.assign(story, store.unassigned(), title=f"Ferry {n}", now=day)
        store.put_story_version(story, report=one_story_report(story, [article(n)]),
                                cause="opened", title=f"Ferry {n}",
                                vector=np.ones(4, np.float32).tobytes(),
                                articles=[article(n).id], now=day)
    add(store, 4, now=LATER)
    store.assign("s2", store.unassigned(), title=None, now=LATER, merged=["s3"])
    assert store.get_story("s3").merged_into == "s2"
    # one event again, found later: s2 (holding s3's report) into s1
    add(store, 5, now=LATER)
    store.assign("s1", store.unassigned(), title=None, now=LATER, merged=["s2"])
    assert [m.report for m in store.members("s1")] == ["r1", "r2", "r3", "r4", "r5"]
    assert store.members("s2") == [] and store.members("s3") == []
    survivor = store.get_story("s1")
    assert (survivor.reports, survivor.version, survivor.merged_into) == (5, 1, None)
    assert (survivor.first_published, survivor.last_published) == ("2026-03-02", "2026-03-06")
    assert [store.get_story(s).merged_into for s in ("s2", "s3")] == ["s1", "s1"]
    assert store.story_version("s2")[0] == 1  # its own versions are kept
    assert [s.id for s in store.list_stories()] == ["s1"]
    assert [r.id for r in store.stories_between("2026-01-01", "2026-12-31", "0")] == ["s1"]
    assert store.stale_stories() == ["s1"]  # rebuilt once, the merged ones never
    assert store.merged_stories("s1", 1, 2) == ["s2", "s3"]
    assert store.merged_stories("s1", 0, 1) == [] and store.merged_stories("s2", 1, 2) == []


def _store_at_version(db: str, version: int, monkeypatch):
    """A store whose schema stops at migration ``version``, as an older newscheck made it."""
    from newscheck.store import migrations

    with monkeypatch.context() as m:
        m.setattr(migrations, "MIGRATIONS", MIGRATIONS[:version])
        return open_store(db)


def test_a_version_2_store_is_migrated_with_its_stories_dated_by_publication(
        db, monkeypatch):
    old = _store_at_version(db, 2, monkeypatch)
    try:
        assert old.schema_version() == 2
        dated, undated = article(1), article(2, dated=False)
        with old._tx() as cur:
            old._insert_articles(cur, [dated, undated], NOW)
            old._execute(cur, "INSERT INTO stories (id, title, created_at, updated_at, "
                         "first_date, last_date, reports, version, stale) "
                         "VALUES ('s1', 'Ferry', ?, ?, '2026-03-02', '2026-12-08', 2, 1, 0)",
                         (NOW, LATER))
            old._execute(cur, "INSERT INTO stories (id, title, created_at, updated_at, "
                         "first_date, last_date, reports, version, stale) "
                         "VALUES ('s2', 'Quay', ?, ?, '2026-12-08', '2026-12-08', 1, 1, 0)",
                         (LATER, LATER))
            for rid, a, story, date, when in (("r1", dated, "s1", "2026-03-02", NOW),
                                              ("r2", undated, "s1", "2026-12-08", LATER),
                                              ("r3", undated, "s2", "2026-12-08", LATER)):
                old._execute(cur, "INSERT INTO followed_reports (id, identity, story_id, "
                             "latest, created_at) VALUES (?, ?, ?, 1, ?)",
                             (rid, rid, story, when))
                old._execute(cur, "INSERT INTO report_versions (report_id, version, "
                             "content_hash, article_id, report_date, ingested_at) "
                             "VALUES (?, 1, ?, ?, ?, ?)", (rid, a.id, a.id, date, when))
    finally:
        old.close()
    store = open_store(db)
    try:
        assert store.schema_version() == MIGRATIONS[-1].version
        s1, s2 = store.get_story("s1"), store.get_story("s2")
        assert (s1.first_published, s1.last_published, s1.first_ingested) == (
            "2026-03-02", "2026-03-02", "2026-12-01")
        assert (s2.first_published, s2.last_published, s2.first_ingested) == (
            None, None, "2026-12-08")
        assert s1.reports == 2 and store.members("s1")[-1].date == "2026-12-08"
        assert {s.id for s in store.list_stories()} == {"s1", "s2"}  # none merged
        assert store.stories_between("2026-12-01", "2026-12-31", "9")[0].last_date == (
            "2026-12-08")
    finally:
        store.close()


@pytest.mark.slow
def test_ingest_and_diff_on_this_backend(store, ctx):
    """The whole path, on SQLite and PostgreSQL alike: versions, stories, extractions read
    back (vectors as bytes), a story's versions compared."""
    from conftest import EXAMPLES

    from newscheck.follow.diff import story_diff
    from newscheck.follow.ingest import ingest

    first = ingest([str(EXAMPLES / n) for n in ("meridian_wire.txt", "northshore_ledger.txt")],
                   ctx, store)
    assert [i.outcome for i in first.ingested] == ["added", "added"]
    (story,) = {i.story for i in first.ingested}
    late = ingest([str(EXAMPLES / "westport_star.txt")], ctx, store)
    assert [(i.outcome, i.story) for i in late.ingested] == [("added", story)]
    assert [u.version for u in late.updates] == [2]
    changes = story_diff(store, story)
    assert [s.article.id for s in changes.sources_added] == [late.ingested[0].article]
    again = ingest([str(EXAMPLES / "westport_star.txt")], ctx, store)
    assert [i.outcome for i in again.ingested] == ["unchanged"] and again.updates == ()
