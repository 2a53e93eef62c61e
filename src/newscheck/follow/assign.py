"""Which story a new report joins, or whether it opens one.

Two steps, so that the cost follows the number of recent stories, not of every story
ever seen:

1. **Candidates.** The stories with a report dated within ``follow.window_days`` of the
   new reports, or updated within as many days of today, are read from the store (indexes
   on their dates) and their vectors put in an approximate nearest-neighbour index
   (usearch HNSW, cosine). Each new report asks it for its ``follow.candidates`` nearest
   stories among those dated within the window of its own date or updated lately. (A
   report without a published date is dated the day it is ingested: the stories being
   followed now are its candidates, whatever their reports' dates.)
2. **Decision.** The same-event decider of :mod:`newscheck.stories` (``group_stories``
   with the configured clusterer) groups the new reports together with the most recent
   ``follow.members_compared`` reports of every candidate story. A new report grouped with
   reports of a followed story joins that story; new reports grouped only among themselves
   open one new story together.
3. **Merges.** A new report grouped with reports of two or more followed stories shows
   them to be one event: they are merged into the oldest (opened first), which the new
   reports join. Stories linked through several new reports' groups merge together.

The ANN index only proposes; whether two reports tell of one event is decided in one
place, the same for ``analyze`` and for ``ingest``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from .. import stories
from ..model import Analysis, FollowedStory
from ..settings import Settings
from ..store.follow import Following, Member, StoryRow


@dataclass(frozen=True, slots=True, kw_only=True)
class Assignment:
    """New reports put in one story; ``opens`` when the story is new; ``merged``: the
    followed stories found to be this one, to merge into it."""

    story: str
    reports: tuple[Member, ...]
    opens: bool
    merged: tuple[str, ...] = ()


class StoryIndex:
    """An ANN index (usearch HNSW, cosine, half precision) over story vectors, kept in step
    with the stories of the window being assigned to.

    Building HNSW costs far more than searching it (about a tenth of a millisecond per
    story added, against a few microseconds per search, on this machine), so one index is
    kept for as long as its owner runs (``newscheck watch`` keeps it from poll to poll):
    :meth:`sync` adds only the stories that entered the window or whose vector changed,
    and removes those that left it. A one-off ``ingest`` builds it once for its window.
    """

    def __init__(self) -> None:
        self._index = None
        self._rows: dict[int, StoryRow] = {}  # key in the index -> the story
        self._keys: dict[str, int] = {}  # story id -> key
        self._next = 0

    def __len__(self) -> int:
        return len(self._keys)

    def sync(self, rows: Sequence[StoryRow]) -> None:
        """Make the index hold exactly the stories of ``rows`` that have a vector."""
        wanted = {r.id: r for r in rows if r.vector}
        for story, key in list(self._keys.items()):
            row = wanted.get(story)
            if row is not None and row.vector == self._rows[key].vector:
                self._rows[key] = row  # new dates, same vector: nothing to re-index
                continue
            self._index.remove(key)
            del self._rows[key], self._keys[story]
        fresh = [r for story, r in wanted.items() if story not in self._keys]
        if not fresh:
            return
        vectors = np.vstack([np.frombuffer(r.vector, dtype=np.float32) for r in fresh])
        if self._index is None:
            from usearch.index import Index

            self._index = Index(ndim=vectors.shape[1], metric="cos", dtype="f16")
        keys = np.arange(self._next, self._next + len(fresh), dtype=np.uint64)
        self._next += len(fresh)
        self._index.add(keys, vectors)
        for key, row in zip(keys.tolist(), fresh):
            self._rows[key] = row
            self._keys[row.id] = key

    def nearest(self, vector: np.ndarray, date: str, k: int, window_days: int,
                touched_since: str) -> list[str]:
        """The ids of the ``k`` stories nearest ``vector`` that have a report within
        ``window_days`` of ``date`` or were updated on or after ``touched_since``,
        nearest first."""
        if not self._keys or k <= 0:
            return []
        lo, hi = window([date], window_days)
        asked = min(len(self._keys), 4 * k)
        while True:
            found = self._index.search(np.asarray(vector, dtype=np.float32), asked)
            rows = [self._rows[int(key)] for key in found.keys]
            near = [r.id for r in rows if (r.last_date >= lo and r.first_date <= hi)
                    or r.updated_at >= touched_since]
            if len(near) >= k or asked >= len(self._keys):
                return near[:k]
            asked = min(len(self._keys), asked * 4)


def window(dates: Sequence[str], days: int) -> tuple[str, str]:
    """The ISO dates ``days`` before the first and after the last of ``dates``."""
    first = dt.date.fromisoformat(min(dates)) - dt.timedelta(days=days)
    last = dt.date.fromisoformat(max(dates)) + dt.timedelta(days=days)
    return first.isoformat(), last.isoformat()


def assign(
    pending: Sequence[tuple[Member, Analysis]],
    store: Following,
    settings: Settings,
    *,
    clusterer: stories.Clusterer,
    analyses_of: Callable[[Sequence[Member]], Mapping[str, Analysis]],
    today: dt.date,
    index: StoryIndex | None = None,
) -> list[Assignment]:
    """Decide the story of each report not in one yet.

    Args:
        pending: The reports to place, each with its analysis (its story vector read).
        store: Where the followed stories are.
        settings: ``follow`` (window, candidates, members compared) and ``stories`` (the
            decider's weights and threshold).
        clusterer: The story clusterer the settings name (``Context.clusterer``).
        analyses_of: The analyses of followed reports, by article id (from the stored
            extractions).
        today: The day of the ingest: stories updated within the window of it are
            candidates too.
        index: The index of story vectors to bring up to date and ask (one kept from an
            earlier call costs only the stories changed since); None builds one.

    Returns:
        One assignment per story that receives reports (with the stories merged into
        it), new stories last.
    """
    if not pending:
        return []
    follow = settings.follow
    touched = window([today.isoformat()], follow.window_days)[0]
    index = index if index is not None else StoryIndex()
    index.sync(store.stories_between(
        *window([m.date for m, _ in pending], follow.window_days), touched))
    candidates: dict[str, None] = {}
    for member, analysis in pending:
        if analysis.vector is not None:
            for story in index.nearest(analysis.vector, member.date, follow.candidates,
                                       follow.window_days, touched):
                candidates.setdefault(story)
    owner: dict[str, str] = {}
    existing: list[Member] = []
    for story in candidates:
        for m in store.members(story, follow.members_compared):
            owner[m.article] = story
            existing.append(m)
    found = analyses_of(existing)
    compared = [found[m.article] for m in existing if m.article in found]
    new_by_article = {a.article.id: (m, a) for m, a in pending}
    groups = stories.group_stories(
        [*compared, *(a for _, a in pending)], settings.stories, clusterer=clusterer
    )
    return _place(groups, new_by_article, owner, store)


def _place(groups: Sequence[Sequence[str]], new_by_article: Mapping[str, tuple[Member, Analysis]],
           owner: Mapping[str, str], store: Following) -> list[Assignment]:
    """The assignments the decider's ``groups`` make: each group's new reports join the
    followed story its other reports belong to, or open one; followed stories sharing a
    group with new reports are one, kept under the oldest."""
    merged = _Stories()
    joined: dict[str, list[Member]] = {}
    opened: list[Assignment] = []
    for group in groups:
        new = [new_by_article[i][0] for i in group if i in new_by_article]
        if not new:
            continue
        followed = sorted({owner[i] for i in group if i in owner})
        if followed:
            merged.join(followed)
            joined.setdefault(followed[0], []).extend(new)
        else:
            opened.append(Assignment(story=stories.story_id([new[0].article]),
                                     reports=tuple(new), opens=True))
    placed: dict[str, Assignment] = {}
    for story, reports in joined.items():
        one = merged.members(story)
        into = min(one, key=lambda s: _age(store.get_story(s)))
        prior = placed.get(into)
        placed[into] = Assignment(
            story=into, opens=False,
            reports=(*(prior.reports if prior else ()), *reports),
            merged=tuple(s for s in one if s != into),
        )
    return [*placed.values(), *opened]


def _age(story: FollowedStory) -> tuple:
    """Sorts the oldest story first: opened first; among stories opened in the same second,
    the one whose reports were published first (a dated one before an undated one)."""
    first = story.first_published
    return story.created_at, first is None, first or "", story.id


class _Stories:
    """Followed stories found to be one event (union-find over story ids)."""

    def __init__(self) -> None:
        self._parent: dict[str, str] = {}

    def _root(self, story: str) -> str:
        while self._parent.setdefault(story, story) != story:
            story = self._parent[story]
        return story

    def join(self, together: Sequence[str]) -> None:
        """Record that ``together`` are one story."""
        for story in together[1:]:
            self._parent[self._root(story)] = self._root(together[0])

    def members(self, story: str) -> list[str]:
        """Every story found to be one with ``story`` (itself included), sorted."""
        root = self._root(story)
        return sorted(s for s in self._parent if self._root(s) == root)
