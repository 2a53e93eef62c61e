"""Story assignment: ANN candidates within the time window, the decision by the stories decider."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest

from newscheck.follow.assign import StoryIndex, assign, window
from newscheck.model import Analysis, Article
from newscheck.registry import make_clusterer
from newscheck.settings import Settings
from newscheck.store import open_store
from newscheck.store.follow import StoryRow

NOW = "2026-03-20T10:00:00Z"
FERRY = ("Ferry crews in Portown walked out on Monday over pay, stopping every crossing to "
         "the islands. The crews' union said 300 members joined the strike.")
BAKERY = ("A bakery in Hillside won the regional bread prize for its rye loaf, judges said on "
          "Sunday. The owners plan to open a second shop next spring.")


def unit(seed: int, dim: int = 16) -> np.ndarray:
    v = np.random.default_rng(seed).normal(size=dim).astype(np.float32)
    return v / np.linalg.norm(v)


def row(story: str, first: str, last: str, vector: np.ndarray,
        updated: str = "2026-03-10T10:00:00Z") -> StoryRow:
    return StoryRow(id=story, first_date=first, last_date=last, updated_at=updated,
                    vector=vector.tobytes())


def test_the_index_proposes_only_stories_of_the_window_nearest_first():
    v, w = unit(1), unit(2)
    index = StoryIndex()
    index.sync([
        # the same vector, a year before, updated then
        row("s_far", "2025-01-01", "2025-01-03", v, updated="2025-01-03T10:00:00Z"),
        row("s_near", "2026-03-08", "2026-03-10", v),
        row("s_other", "2026-03-09", "2026-03-09", w),
        # reports of a year before, but a report was added today
        row("s_followed", "2025-02-01", "2025-02-02", w, updated="2026-03-12T08:00:00Z"),
        StoryRow(id="s_unbuilt", first_date="2026-03-10", last_date="2026-03-10",
                 updated_at="2026-03-10", vector=None),
    ])
    assert len(index) == 4
    recent = "2026-03-11"
    assert index.nearest(v, "2026-03-12", 1, 7, recent) == ["s_near"]
    assert index.nearest(v, "2026-03-12", 5, 7, "2026-03-13") == ["s_near", "s_other"]
    assert set(index.nearest(v, "2026-03-12", 5, 7, recent)) == {
        "s_near", "s_other", "s_followed"}
    assert index.nearest(v, "2025-01-05", 5, 7, "2026-03-13") == ["s_far"]
    assert StoryIndex().nearest(v, "2026-03-12", 3, 7, recent) == []


def test_sync_adds_only_what_changed_and_drops_what_left():
    v, w = unit(1), unit(2)
    index = StoryIndex()
    index.sync([row("s1", "2026-03-01", "2026-03-01", v), row("s2", "2026-03-01", "2026-03-02", w)])
    keys = dict(index._keys)
    # s1 gets a new report (new dates, same vector), s2 is rebuilt (new vector), s3 is new
    index.sync([row("s1", "2026-03-01", "2026-03-05", v), row("s2", "2026-03-01", "2026-03-02", v),
                row("s3", "2026-03-05", "2026-03-05", w)])
    assert index._keys["s1"] == keys["s1"] and index._keys["s2"] != keys["s2"]
    assert len(index) == 3
    assert index.nearest(w, "2026-03-05", 1, 7, "9") == ["s3"]
    assert index.nearest(v, "2026-03-10", 1, 5, "9") == ["s1"]  # by its new dates
    index.sync([row("s3", "2026-03-05", "2026-03-05", w)])  # s1 and s2 left the window
    assert len(index) == 1 and index.nearest(v, "2026-03-05", 3, 7, "9") == ["s3"]


def test_window():
    assert window(["2026-03-10", "2026-03-02"], 3) == ("2026-02-27", "2026-03-13")


@pytest.fixture
def store(tmp_path):
    s = open_store(tmp_path / "assign.db")
    yield s
    s.close()


def _report(store, n: int, text: str, day: dt.date, vector: np.ndarray):
    """A followed report (stored) and its analysis (an article and a story vector)."""
    a = Article(id=f"a{n:04d}", input=f"in/{n}.txt", text=text, title=f"Report {n}",
                url=f"https://example.org/{n}", published=day, words=len(text.split()))
    store.add_version(report_id=f"r{n}", identity=a.url, article=a, content_hash=a.id,
                      date=day.isoformat(), extraction=None, now=NOW)
    return Analysis(article=a, vector=vector)


def test_a_report_joins_the_recent_story_of_its_event_and_never_an_old_one(store):
    settings = Settings()
    ferry = unit(3)
    analyses = {}
    # The same event's words and vector in an old story (out of the window) and a recent one.
    for story, numbers, day in (("s_old", (1, 2), dt.date(2026, 1, 5)),
                                ("s_recent", (3, 4), dt.date(2026, 3, 10))):
        for n in numbers:
            a = _report(store, n, FERRY, day, ferry)
            analyses[a.article.id] = a
        now = f"{day.isoformat()}T18:00:00Z"  # each story followed on the day of its reports
        store.assign(story, store.unassigned(), title=story, now=now)
        store.put_story_version(story, report="{}", cause="", title=story,
                                vector=ferry.tobytes(),
                                articles=[f"a{n:04d}" for n in numbers], now=now)
    new = _report(store, 5, FERRY, dt.date(2026, 3, 11), ferry)
    other = _report(store, 6, BAKERY, dt.date(2026, 3, 11), -ferry)  # far from the ferry
    pending = store.unassigned()
    asked: list[str] = []
    members = store.members

    def spy(story, limit=None):
        asked.append(story)
        return members(story, limit)

    store.members = spy
    got = assign(list(zip(pending, [new, other])), store, settings,
                 clusterer=make_clusterer(settings.stories),
                 analyses_of=lambda ms: {m.article: analyses[m.article] for m in ms},
                 today=dt.date(2026, 3, 11))
    assert [(a.story, [m.report for m in a.reports], a.opens) for a in got] == [
        ("s_recent", ["r5"], False),
        (got[1].story, ["r6"], True),
    ]
    assert asked == ["s_recent"]  # the old story is never read


def _followed(store, story: str, numbers: tuple[int, ...], text: str, vector: np.ndarray,
              day: dt.date, analyses: dict, opened: str | None = None) -> None:
    """Reports ``numbers`` of ``text`` published on ``day``, followed as ``story`` (opened
    at ``opened``, else that evening)."""
    for n in numbers:
        a = _report(store, n, text, day, vector)
        analyses[a.article.id] = a
    now = opened or f"{day.isoformat()}T18:00:00Z"
    store.assign(story, store.unassigned(), title=story, now=now)
    store.put_story_version(story, report="{}", cause="", title=story, vector=vector.tobytes(),
                            articles=[f"a{n:04d}" for n in numbers], now=now)


def _place(store, new: list[Analysis], analyses: dict):
    settings = Settings()
    return assign(list(zip(store.unassigned(), new)), store, settings,
                  clusterer=make_clusterer(settings.stories),
                  analyses_of=lambda ms: {m.article: analyses[m.article] for m in ms},
                  today=dt.date(2026, 3, 11))


def test_a_report_grouped_with_two_followed_stories_merges_them_into_the_oldest(store):
    ferry, analyses = unit(3), {}
    # one event followed as two stories; s1 was opened after s2
    _followed(store, "s2", (1, 2), FERRY, ferry, dt.date(2026, 3, 9), analyses)
    _followed(store, "s1", (3, 4), FERRY, ferry, dt.date(2026, 3, 10), analyses)
    new = _report(store, 5, FERRY, dt.date(2026, 3, 11), ferry)
    got = _place(store, [new], analyses)
    assert [(a.story, [m.report for m in a.reports], a.opens, a.merged) for a in got] == [
        ("s2", ["r5"], False, ("s1",))]


def test_a_report_grouped_with_one_followed_story_merges_nothing(store):
    ferry, analyses = unit(3), {}
    _followed(store, "s2", (1, 2), FERRY, ferry, dt.date(2026, 3, 9), analyses)
    # another event, also a candidate (within the window), never grouped with the ferry
    _followed(store, "s1", (3, 4), BAKERY, -ferry, dt.date(2026, 3, 10), analyses)
    new = _report(store, 5, FERRY, dt.date(2026, 3, 11), ferry)
    got = _place(store, [new], analyses)
    assert [(a.story, [m.report for m in a.reports], a.merged) for a in got] == [
        ("s2", ["r5"], ())]


def test_of_two_stories_opened_in_the_same_second_the_earlier_published_is_kept(store):
    ferry, analyses = unit(3), {}
    _followed(store, "s1", (1, 2), FERRY, ferry, dt.date(2026, 3, 10), analyses, opened=NOW)
    _followed(store, "s2", (3, 4), FERRY, ferry, dt.date(2026, 3, 9), analyses, opened=NOW)
    new = _report(store, 5, FERRY, dt.date(2026, 3, 11), ferry)
    assert [(a.story, a.merged) for a in _place(store, [new], analyses)] == [("s2", ("s1",))]
