"""The store's tables for following the news: report versions, stories, extractions, feeds.

:class:`FollowingSql` is mixed into :class:`~newscheck.store.base.SqlStore`, so both
backends have it; :class:`Following` is the Protocol :mod:`newscheck.follow` programs
against. Every write is one transaction, and each step of an ingest leaves a state the
next ingest resumes from:

1. :meth:`add_version` stores a report's new text, its article and its extraction
   together: a report is stored whole or not at all;
2. :meth:`assign` puts reports not in a story yet into one (and opens it) and marks the
   story stale, merging into it, in the same transaction, the followed stories found to
   be the same event; a report left unassigned by a killed ingest is found by
   :meth:`unassigned` next time;
3. :meth:`put_story_version` stores a story's new cross-checked report and clears its
   stale mark, unless its reports changed meanwhile; :meth:`stale_stories` lists the
   stories still to cross-check.

Nothing is overwritten: a changed report is a new row of ``report_versions``, a
re-analysed story a new row of ``story_versions``, and a merged story keeps its row and
its versions, naming the story it was merged into.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol, runtime_checkable

from ..model import Article, FollowedStory, IngestOutcome

_STORY_COLUMNS = (
    "id, title, reports, version, published_first, published_last, ingested_first, "
    "created_at, updated_at, merged_into"
)


@dataclass(frozen=True, slots=True, kw_only=True)
class Member:
    """A followed report's current version: which article holds it, and its date."""

    report: str
    article: str
    version: int
    date: str
    """ISO date: published, else the day it was ingested."""


@dataclass(frozen=True, slots=True, kw_only=True)
class StoryRow:
    """What story assignment reads of a story: its dates and its vector (float32 bytes)."""

    id: str
    first_date: str
    last_date: str
    updated_at: str
    vector: bytes | None


@dataclass(frozen=True, slots=True, kw_only=True)
class FeedState:
    """What ``watch`` remembers of a feed: its validators and the items it has seen.

    ``done`` are the items ingested or given up; ``attempts`` counts the failed reads of
    the others.
    """

    etag: str | None = None
    last_modified: str | None = None
    done: frozenset[str] = frozenset()
    attempts: dict[str, int] = field(default_factory=dict)


@runtime_checkable
class Following(Protocol):
    """The store's methods for following reports and stories over time."""

    def latest_version(self, report_id: str) -> tuple[int, str, str | None] | None:
        """A followed report's latest version number, its content hash and its story."""
        ...

    def report_of_article(self, article_id: str) -> tuple[str, int, str | None] | None:
        """The followed report one of whose versions is this article: its id, that
        version and its story."""
        ...

    def add_version(self, *, report_id: str, identity: str, article: Article,
                    content_hash: str, date: str, extraction: tuple[str, str, bytes] | None,
                    now: str) -> tuple[int, IngestOutcome]:
        """Store a report's text as its next version (with its article and extraction)."""
        ...

    def put_extraction(self, article_id: str, fingerprint: str, data: str,
                       vectors: bytes) -> None:
        """Keep (or replace) the extraction of one article under ``fingerprint``."""
        ...

    def get_extractions(self, article_ids: Sequence[str],
                        fingerprint: str) -> dict[str, tuple[str, bytes]]:
        """The stored extractions of these articles made under ``fingerprint``."""
        ...

    def get_articles(self, article_ids: Sequence[str]) -> dict[str, Article]:
        """The stored articles among ``article_ids``, by id."""
        ...

    def unassigned(self) -> list[Member]:
        """Followed reports in no story yet, oldest first."""
        ...

    def stories_between(self, first: str, last: str, touched_since: str) -> list[StoryRow]:
        """Stories with a report dated within ``[first, last]`` (ISO dates), or updated
        on or after ``touched_since`` (an ISO date or time)."""
        ...

    def members(self, story_id: str, limit: int | None = None) -> list[Member]:
        """A story's reports (their current versions), newest ``limit`` when given,
        in date order."""
        ...

    def assign(self, story_id: str, reports: Sequence[Member], *, title: str | None,
               now: str, merged: Sequence[str] = ()) -> None:
        """Put ``reports`` in the story (opened with ``title`` when it is new) and mark
        the story stale; the stories ``merged`` were found to be this one: their reports
        move to it and they stay as rows naming it (:attr:`FollowedStory.merged_into`)."""
        ...

    def stale_stories(self) -> list[str]:
        """Stories whose reports changed since their last cross-checked version."""
        ...

    def put_story_version(self, story_id: str, *, report: str, cause: str, title: str,
                          vector: bytes | None, articles: Sequence[str], now: str) -> int:
        """Store a story's new report (contract JSON) as its next version."""
        ...

    def list_stories(self, *, since: str | None = None, limit: int = 50) -> list[FollowedStory]:
        """Live stories (none merged into another) most recently updated first; ``since``
        keeps those listed with a date on or after it."""
        ...

    def get_story(self, story_id: str) -> FollowedStory | None:
        """One followed story, or None."""
        ...

    def story_version(self, story_id: str, version: int | None = None) -> tuple[int, str] | None:
        """A story's version (the latest when None) and its report as JSON text."""
        ...

    def merged_stories(self, story_id: str, after: int, upto: int) -> list[str]:
        """The stories merged into ``story_id`` whose reports it first held in a version
        numbered after ``after`` and up to ``upto``."""
        ...

    def feed_state(self, url: str) -> FeedState:
        """What was remembered of a watched feed (empty for a new one)."""
        ...

    def record_feed(self, url: str, *, etag: str | None, last_modified: str | None,
                    done: Iterable[str], failed: Iterable[str], retries: int,
                    now: str) -> None:
        """Remember a feed's validators, the items now done, and the failed attempts."""
        ...


def _story(row: Sequence[Any]) -> FollowedStory:
    return FollowedStory(id=row[0], title=row[1], reports=row[2], version=row[3],
                         first_published=row[4], last_published=row[5],
                         first_ingested=row[6], created_at=row[7], updated_at=row[8],
                         merged_into=row[9])


def _member(row: Sequence[Any]) -> Member:
    return Member(report=row[0], article=row[1], version=row[2], date=row[3])


# A followed report's current version: the row of report_versions its ``latest`` names.
_CURRENT = (
    "SELECT r.id, v.article_id, v.version, v.report_date FROM followed_reports r "
    "JOIN report_versions v ON v.report_id = r.id AND v.version = r.latest"
)

# The current versions of a story's reports, for a subquery of an UPDATE of ``stories``.
_OF_STORY = ("FROM followed_reports r JOIN report_versions v ON v.report_id = r.id "
             "AND v.version = r.latest WHERE r.story_id = stories.id")

# A story's listed dates, from its reports: publication dates only (``report_date``
# is the ingest day of an undated report, right for placing it, wrong for listing),
# and the day its first report was ingested.
_STORY_DATES = (
    f"UPDATE stories SET published_first = (SELECT MIN(v.published) {_OF_STORY}), "
    f"published_last = (SELECT MAX(v.published) {_OF_STORY}), "
    "ingested_first = COALESCE((SELECT SUBSTR(MIN(v.ingested_at), 1, 10) FROM "
    "followed_reports r JOIN report_versions v ON v.report_id = r.id "
    "WHERE r.story_id = stories.id), SUBSTR(created_at, 1, 10)) WHERE id = ?"
)


class FollowingSql:
    """The :class:`Following` methods in SQL both backends accept (a mixin of ``SqlStore``)."""

    def latest_version(self, report_id: str) -> tuple[int, str, str | None] | None:
        with self._tx(write=False) as cur:
            return self._latest(cur, report_id)

    def _latest(self, cur: Any, report_id: str) -> tuple[int, str, str | None] | None:
        row = self._execute(
            cur,
            "SELECT v.version, v.content_hash, r.story_id FROM followed_reports r "
            "JOIN report_versions v ON v.report_id = r.id AND v.version = r.latest "
            "WHERE r.id = ?",
            (report_id,),
        ).fetchone()
        return (int(row[0]), row[1], row[2]) if row else None

    def report_of_article(self, article_id: str) -> tuple[str, int, str | None] | None:
        with self._tx(write=False) as cur:
            row = self._execute(
                cur,
                "SELECT v.report_id, v.version, r.story_id FROM report_versions v "
                "JOIN followed_reports r ON r.id = v.report_id WHERE v.article_id = ? "
                "ORDER BY v.version DESC LIMIT 1",
                (article_id,),
            ).fetchone()
        return (row[0], int(row[1]), row[2]) if row else None

    def add_version(self, *, report_id: str, identity: str, article: Article,
                    content_hash: str, date: str, extraction: tuple[str, str, bytes] | None,
                    now: str) -> tuple[int, IngestOutcome]:
        with self._tx() as cur:
            self._lock_articles(cur)
            latest = self._latest(cur, report_id)
            if latest is not None and latest[1] == content_hash:
                return latest[0], "unchanged"
            version = 1 if latest is None else latest[0] + 1
            if latest is None:
                self._execute(
                    cur,
                    "INSERT INTO followed_reports (id, identity, story_id, latest, created_at) "
                    "VALUES (?, ?, NULL, ?, ?)",
                    (report_id, identity, version, now),
                )
            self._insert_articles(cur, [article], now)
            published = article.published.isoformat() if article.published else None
            self._execute(
                cur,
                "INSERT INTO report_versions (report_id, version, content_hash, article_id, "
                "report_date, published, ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (report_id, version, content_hash, article.id, date, published, now),
            )
            if latest is not None:
                self._execute(cur, "UPDATE followed_reports SET latest = ? WHERE id = ?",
                              (version, report_id))
            if latest is not None and latest[2] is not None:
                # the story it is in must be cross-checked again (and may be dated anew)
                self._execute(cur, "UPDATE stories SET stale = 1, updated_at = ? WHERE id = ?",
                              (now, latest[2]))
                self._execute(cur, _STORY_DATES, (latest[2],))
            if extraction is not None:
                self._put_extraction(cur, article.id, *extraction)
        return version, "added" if latest is None else "new version"

    def _put_extraction(self, cur: Any, article_id: str, fingerprint: str, data: str,
                        vectors: bytes) -> None:
        # one extraction per article: one made under other settings is of no more use
        self._execute(cur, "DELETE FROM extractions WHERE article_id = ?", (article_id,))
        self._execute(
            cur,
            "INSERT INTO extractions (article_id, fingerprint, data, vectors) "
            "VALUES (?, ?, ?, ?)",
            (article_id, fingerprint, data, vectors),
        )

    def put_extraction(self, article_id: str, fingerprint: str, data: str,
                       vectors: bytes) -> None:
        with self._tx() as cur:
            self._put_extraction(cur, article_id, fingerprint, data, vectors)

    def get_extractions(self, article_ids: Sequence[str],
                        fingerprint: str) -> dict[str, tuple[str, bytes]]:
        out: dict[str, tuple[str, bytes]] = {}
        with self._tx(write=False) as cur:
            for aid in dict.fromkeys(article_ids):
                row = self._execute(
                    cur,
                    "SELECT data, vectors FROM extractions WHERE article_id = ? "
                    "AND fingerprint = ?",
                    (aid, fingerprint),
                ).fetchone()
                if row is not None:
                    out[aid] = (row[0], bytes(row[1]))
        return out

    def get_articles(self, article_ids: Sequence[str]) -> dict[str, Article]:
        found = (self.get_article(aid) for aid in dict.fromkeys(article_ids))
        return {a.id: a for a in found if a is not None}

    def unassigned(self) -> list[Member]:
        with self._tx(write=False) as cur:
            rows = self._execute(
                cur, f"{_CURRENT} WHERE r.story_id IS NULL ORDER BY r.created_at, r.id"
            ).fetchall()
        return [_member(r) for r in rows]

    def stories_between(self, first: str, last: str, touched_since: str) -> list[StoryRow]:
        with self._tx(write=False) as cur:
            rows = self._execute(
                cur,
                # two indexed lookups: an OR of both would scan every story
                "SELECT id, first_date, last_date, updated_at, vector FROM stories WHERE id IN "
                "(SELECT id FROM stories WHERE last_date >= ? AND first_date <= ? "
                "UNION SELECT id FROM stories WHERE updated_at >= ?) "
                "AND merged_into IS NULL ORDER BY id",
                (first, last, touched_since),
            ).fetchall()
        return [StoryRow(id=r[0], first_date=r[1], last_date=r[2], updated_at=r[3],
                         vector=bytes(r[4]) if r[4] is not None else None) for r in rows]

    def members(self, story_id: str, limit: int | None = None) -> list[Member]:
        newest = f"{_CURRENT} WHERE r.story_id = ? ORDER BY v.report_date DESC, r.id DESC"
        with self._tx(write=False) as cur:
            if limit is None:
                rows = self._execute(cur, newest, (story_id,)).fetchall()
            else:
                rows = self._execute(cur, newest + " LIMIT ?", (story_id, limit)).fetchall()
        return [_member(r) for r in reversed(rows)]

    def assign(self, story_id: str, reports: Sequence[Member], *, title: str | None,
               now: str, merged: Sequence[str] = ()) -> None:
        dates = sorted(m.date for m in reports)
        with self._tx() as cur:
            row = self._execute(
                cur, "SELECT first_date, last_date, version FROM stories WHERE id = ?",
                (story_id,)).fetchone()
            if row is None:
                self._execute(
                    cur,
                    "INSERT INTO stories (id, title, created_at, updated_at, first_date, "
                    "last_date, reports, version, stale) VALUES (?, ?, ?, ?, ?, ?, 0, 0, 1)",
                    (story_id, title or story_id, now, now, dates[0], dates[-1]),
                )
                row = (dates[0], dates[-1], 0)
            for m in reports:
                self._execute(cur, "UPDATE followed_reports SET story_id = ? WHERE id = ?",
                              (story_id, m.report))
            first, last = min(row[0], dates[0]), max(row[1], dates[-1])
            for other in merged:
                span = self._merge(cur, other, into=story_id, version=int(row[2]) + 1, now=now)
                first, last = min(first, span[0]), max(last, span[1])
            self._execute(
                cur,
                "UPDATE stories SET first_date = ?, last_date = ?, stale = 1, updated_at = ?, "
                "reports = (SELECT COUNT(*) FROM followed_reports WHERE story_id = ?) "
                "WHERE id = ?",
                (first, last, now, story_id, story_id),
            )
            self._execute(cur, _STORY_DATES, (story_id,))

    def _merge(self, cur: Any, story_id: str, *, into: str, version: int,
               now: str) -> tuple[str, str]:
        """Move a story's reports into ``into`` (whose next version, ``version``, is the
        first to hold them) and keep the story as a row naming it; returns its window."""
        span = self._execute(cur, "SELECT first_date, last_date FROM stories WHERE id = ?",
                             (story_id,)).fetchone()
        self._execute(cur, "UPDATE followed_reports SET story_id = ? WHERE story_id = ?",
                      (into, story_id))
        # stories merged into this one before now point to where their reports are
        self._execute(
            cur,
            "UPDATE stories SET merged_into = ?, merged_version = ? WHERE merged_into = ?",
            (into, version, story_id),
        )
        # out of the listing, the candidates (no vector) and the stories to cross-check
        self._execute(
            cur,
            "UPDATE stories SET merged_into = ?, merged_version = ?, reports = 0, stale = 0, "
            "vector = NULL, updated_at = ? WHERE id = ?",
            (into, version, now, story_id),
        )
        return span[0], span[1]

    def stale_stories(self) -> list[str]:
        with self._tx(write=False) as cur:
            rows = self._execute(cur, "SELECT id FROM stories WHERE stale = 1 ORDER BY id"
                                 ).fetchall()
        return [r[0] for r in rows]

    def put_story_version(self, story_id: str, *, report: str, cause: str, title: str,
                          vector: bytes | None, articles: Sequence[str], now: str) -> int:
        with self._tx() as cur:
            self._lock_articles(cur)
            version = int(self._execute(cur, "SELECT version FROM stories WHERE id = ?",
                                        (story_id,)).fetchone()[0]) + 1
            current = {r[1] for r in self._execute(
                cur, f"{_CURRENT} WHERE r.story_id = ?", (story_id,)).fetchall()}
            self._execute(
                cur,
                "INSERT INTO story_versions (story_id, version, created_at, cause, report) "
                "VALUES (?, ?, ?, ?, ?)",
                (story_id, version, now, cause, report),
            )
            # a report that joined (or changed) while this version was built keeps the
            # story stale: the next ingest cross-checks it again
            stale = 0 if current == set(articles) else 1
            self._execute(
                cur,
                "UPDATE stories SET version = ?, title = ?, vector = ?, stale = ?, "
                "updated_at = ? WHERE id = ?",
                (version, title, vector, stale, now, story_id),
            )
        return version

    def list_stories(self, *, since: str | None = None, limit: int = 50) -> list[FollowedStory]:
        # the date listed last: the last publication, else the first ingest
        where, params = (("AND COALESCE(published_last, ingested_first) >= ? ", (since,))
                         if since else ("", ()))
        with self._tx(write=False) as cur:
            rows = self._execute(
                cur,
                f"SELECT {_STORY_COLUMNS} FROM stories WHERE merged_into IS NULL {where}"
                "ORDER BY updated_at DESC, id LIMIT ?",
                (*params, limit),
            ).fetchall()
        return [_story(r) for r in rows]

    def get_story(self, story_id: str) -> FollowedStory | None:
        with self._tx(write=False) as cur:
            row = self._execute(cur, f"SELECT {_STORY_COLUMNS} FROM stories WHERE id = ?",
                                (story_id,)).fetchone()
        return _story(row) if row else None

    def story_version(self, story_id: str, version: int | None = None) -> tuple[int, str] | None:
        with self._tx(write=False) as cur:
            if version is None:
                row = self._execute(
                    cur,
                    "SELECT version, report FROM story_versions WHERE story_id = ? "
                    "ORDER BY version DESC LIMIT 1",
                    (story_id,),
                ).fetchone()
            else:
                row = self._execute(
                    cur,
                    "SELECT version, report FROM story_versions WHERE story_id = ? "
                    "AND version = ?",
                    (story_id, version),
                ).fetchone()
        return (int(row[0]), row[1]) if row else None

    def merged_stories(self, story_id: str, after: int, upto: int) -> list[str]:
        with self._tx(write=False) as cur:
            rows = self._execute(
                cur,
                "SELECT id FROM stories WHERE merged_into = ? AND merged_version > ? "
                "AND merged_version <= ? ORDER BY id",
                (story_id, after, upto),
            ).fetchall()
        return [r[0] for r in rows]

    def feed_state(self, url: str) -> FeedState:
        with self._tx(write=False) as cur:
            row = self._execute(cur, "SELECT etag, last_modified FROM feeds WHERE url = ?",
                                (url,)).fetchone()
            items = self._execute(
                cur, "SELECT item, attempts, done FROM feed_items WHERE feed_url = ?", (url,)
            ).fetchall()
        if row is None:
            return FeedState()
        return FeedState(
            etag=row[0], last_modified=row[1],
            done=frozenset(i for i, _, done in items if done),
            attempts={i: int(n) for i, n, done in items if not done},
        )

    def record_feed(self, url: str, *, etag: str | None, last_modified: str | None,
                    done: Iterable[str], failed: Iterable[str], retries: int,
                    now: str) -> None:
        with self._tx() as cur:
            self._execute(
                cur,
                "INSERT INTO feeds (url, etag, last_modified, checked_at) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (url) DO UPDATE SET etag = excluded.etag, "
                "last_modified = excluded.last_modified, checked_at = excluded.checked_at",
                (url, etag, last_modified, now),
            )
            for item in done:
                self._execute(
                    cur,
                    "INSERT INTO feed_items (feed_url, item, attempts, done, seen_at) "
                    "VALUES (?, ?, 0, 1, ?) ON CONFLICT (feed_url, item) DO UPDATE SET done = 1",
                    (url, item, now),
                )
            for item in failed:
                # one more failed read; given up (done) once it has failed more than
                # ``retries`` times
                self._execute(
                    cur,
                    "INSERT INTO feed_items (feed_url, item, attempts, done, seen_at) "
                    "VALUES (?, ?, 1, ?, ?) ON CONFLICT (feed_url, item) DO UPDATE SET "
                    "attempts = feed_items.attempts + 1, "
                    "done = CASE WHEN feed_items.attempts + 1 > ? THEN 1 ELSE 0 END",
                    (url, item, int(retries < 1), now, retries),
                )
