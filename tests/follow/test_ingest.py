"""Ingesting reports over time: versions, story assignment, re-analysis from stored extractions."""

from __future__ import annotations

import datetime as dt
import shutil

import pytest
from conftest import EXAMPLES

from newscheck.follow.diff import story_diff
from newscheck.follow.ingest import ingest, ingest_documents
from newscheck.model import Document
from newscheck.store import open_store

pytestmark = pytest.mark.slow

# The report held back from the examples: one more report of the port strike.
LATE = "westport_star.txt"
UNRELATED = Document(
    input="library.txt", format="txt", title="Town library reopens after two-year renovation",
    outlet="Test Gazette", url="https://gazette.test/library-reopens",
    published=dt.date(2026, 3, 14),
    text=(
        "The public library in Oskarby reopened on Saturday after a renovation that took two "
        "years and cost 3.1 million crowns. Head librarian Ingrid Falk said the building now "
        "has a reading garden, a children's floor and longer opening hours. About 800 people "
        "visited on the first day, she said. The town council paid for most of the work, "
        "with a grant of 400,000 crowns from a regional arts fund. \"People have waited a "
        "long time for this,\" Falk said. Evening concerts in the garden start in May."
    ),
)


@pytest.fixture
def store(tmp_path):
    s = open_store(tmp_path / "follow.db")
    yield s
    s.close()


@pytest.fixture
def examples_but_one(tmp_path):
    """The examples without :data:`LATE`, in a folder of their own."""
    folder = tmp_path / "examples"
    shutil.copytree(EXAMPLES, folder)
    (folder / LATE).unlink()
    return folder


def _count(store, table: str) -> int:
    with store._tx(write=False) as cur:
        cur.execute(f"SELECT COUNT(*) FROM {table}")
        return cur.fetchone()[0]


def _story_of(result, name: str) -> str:
    """The story of the report read from the file ``name``."""
    return next(i.story for i in result.ingested if i.input.endswith(name))


def test_ingesting_the_examples_twice_adds_nothing_the_second_time(ctx, store):
    first = ingest([str(EXAMPLES)], ctx, store)
    assert {i.outcome for i in first.ingested} == {"added"}
    assert all(i.story for i in first.ingested)
    versions = {u.story: u.version for u in first.updates}
    assert set(versions) == {i.story for i in first.ingested}
    counts = {t: _count(store, t) for t in ("followed_reports", "report_versions", "articles",
                                             "stories", "story_versions")}

    second = ingest([str(EXAMPLES)], ctx, store)
    assert [i.outcome for i in second.ingested] == ["unchanged"] * len(first.ingested)
    assert [i.story for i in second.ingested] == [i.story for i in first.ingested]
    assert second.updates == ()
    assert {t: _count(store, t) for t in counts} == counts
    assert counts["followed_reports"] == len(first.ingested)


def test_the_examples_make_the_stories_analyze_makes(ctx, store):
    from newscheck.pipeline import analyze

    result = ingest([str(EXAMPLES)], ctx, store)
    ours = {frozenset(i.article for i in result.ingested if i.story == s)
            for s in {i.story for i in result.ingested}}
    theirs = {frozenset(s.articles) for s in analyze([str(EXAMPLES)], ctx=ctx).stories}
    assert ours == theirs


def test_a_new_report_joins_its_story_and_diff_names_what_it_adds(ctx, store,
                                                                  examples_but_one):
    first = ingest([str(examples_but_one)], ctx, store)
    port = _story_of(first, "meridian_wire.txt")
    bridge = _story_of(first, "valley_courier.txt")
    assert port != bridge
    before = store.get_story(port)

    late = examples_but_one / LATE
    shutil.copy(EXAMPLES / LATE, late)
    result = ingest([str(late)], ctx, store)
    (added,) = result.ingested
    assert (added.outcome, added.story) == ("added", port)
    assert [(u.story, u.version, u.cause) for u in result.updates] == [
        (port, before.version + 1, "1 report added")]
    assert store.get_story(bridge).version == 1  # the other story is left alone

    changes = story_diff(store, port)
    assert (changes.since, changes.version) == (before.version, before.version + 1)
    assert [s.article.id for s in changes.sources_added] == [added.article]
    assert changes.sources_updated == ()
    assert any(e.article == added.article for c in changes.new_claims
               for e in c.claim.evidence), "the new report's claims are named"


def test_an_unrelated_report_opens_a_new_story(ctx, store):
    ingest([str(EXAMPLES)], ctx, store)
    stories = {s.id for s in store.list_stories()}
    result = ingest_documents([UNRELATED], ctx, store)
    (got,) = result.ingested
    assert got.outcome == "added" and got.story not in stories
    assert [u.story for u in result.updates] == [got.story]
    assert store.get_story(got.story).title == UNRELATED.title


def test_a_changed_text_under_the_same_input_is_a_new_version(ctx, store, tmp_path):
    page = tmp_path / "meridian_wire.txt"
    shutil.copy(EXAMPLES / "meridian_wire.txt", page)
    story = _story_of(ingest([str(EXAMPLES / "northshore_ledger.txt"), str(page)], ctx, store),
                      page.name)

    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("4%", "4.5%").replace("4 per cent", "4.5 per cent")
                    + "\nCorrection: an earlier version misstated the size of the offer.\n",
                    encoding="utf-8")
    result = ingest([str(page)], ctx, store)
    (changed,) = result.ingested
    assert (changed.outcome, changed.version, changed.story) == ("new version", 2, story)
    assert [u.cause for u in result.updates] == ["1 report updated"]
    assert _count(store, "followed_reports") == 2
    assert store.get_story(story).reports == 2

    changes = story_diff(store, story)
    assert [s.article.id for s in changes.sources_updated] == [changed.article]
    assert changes.sources_updated[0].replaces is not None
    assert changes.sources_added == ()
    assert ingest([str(page)], ctx, store).ingested[0].outcome == "unchanged"


def test_a_story_is_rebuilt_without_parsing_its_reports_again(ctx, store, examples_but_one):
    ingest([str(examples_but_one)], ctx, store)
    parsed: list[str] = []
    nlp = ctx.nlp

    class Counting:
        def __getattr__(self, name):
            return getattr(nlp, name)

        def pipe(self, texts, **kwargs):
            texts = list(texts)
            parsed.extend(texts)
            return nlp.pipe(texts, **kwargs)

        def __call__(self, text):
            parsed.append(text)
            return nlp(text)

    ctx._nlp = Counting()
    try:
        result = ingest([str(EXAMPLES / LATE)], ctx, store)
    finally:
        ctx._nlp = nlp
    assert result.updates and len(parsed) == 1  # the new report only


def test_a_killed_ingest_is_resumed_by_the_next(ctx, store, monkeypatch):
    from newscheck.follow import ingest as follow_ingest

    def killed(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(follow_ingest, "assign", killed)
    with pytest.raises(KeyboardInterrupt):
        ingest([str(EXAMPLES)], ctx, store)
    assert _count(store, "stories") == 0
    stored = _count(store, "followed_reports")
    assert stored > 0  # the versions written before the kill stay
    monkeypatch.undo()

    result = ingest([str(EXAMPLES)], ctx, store)
    assert {i.outcome for i in result.ingested} == {"unchanged"}
    assert all(i.story for i in result.ingested)
    assert result.updates and store.stale_stories() == []
    assert _count(store, "followed_reports") == stored


def test_two_followed_stories_of_one_event_are_merged_when_a_report_joins_both(ctx, store):
    import dataclasses

    # A decider strict enough to split the strike: two reports, two followed stories.
    strict = dataclasses.replace(ctx.settings, stories=dataclasses.replace(
        ctx.settings.stories, threshold=0.99, attach_margin=0.0))
    splitting = dataclasses.replace(ctx, settings=strict, _clusterer=None)
    first = ingest([str(EXAMPLES / "meridian_wire.txt")], splitting, store)
    second = ingest([str(EXAMPLES / "calderanow24.txt")], splitting, store)
    old, young = first.ingested[0].story, second.ingested[0].story
    assert old != young

    # The usual decider groups a third report of the strike with both.
    result = ingest([str(EXAMPLES / LATE)], ctx, store)
    (added,) = result.ingested
    assert added.story == old  # the oldest story stays
    (update,) = result.updates  # the survivor, rebuilt once
    assert (update.story, update.version, update.merged_from) == (old, 2, (young,))
    assert update.cause == f"1 report added; merged from {young}"
    assert store.get_story(young).merged_into == old
    assert [s.id for s in store.list_stories()] == [old]
    assert len(store.members(old)) == 3

    changes = story_diff(store, old)
    assert changes.merged_from == (young,)
    assert {s.article.id for s in changes.sources_added} == {
        added.article, second.ingested[0].article}
