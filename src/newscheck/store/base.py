"""The store's interface and the SQL both backends share.

:class:`Store` is the Protocol the server and the CLI program against. :class:`SqlStore`
implements every method once, in SQL that SQLite and PostgreSQL both accept; a backend
(``sqlite.py``, ``postgres.py``) only says how to connect, how to open a transaction and
how to lock the schema for migrations.

Each thread gets its own connection (the server calls the store from its request threads
and its background runner at once); every write is one transaction, so a write that
returned is committed, and a crash leaves either all of it or none.
"""

from __future__ import annotations

import datetime as dt
import json
import secrets
import threading
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager, suppress
from typing import Any, ClassVar, Protocol, runtime_checkable

from ..errors import AnalysisBusy, StoreError
from ..model import AnalysisRecord, Article, Report
from ..report import from_dict, to_dict, utc_now
from .follow import FollowingSql
from .migrations import current_version, migrate

INTERRUPTED = "interrupted: the server stopped before the analysis finished"

_RECORD_COLUMNS = (
    "id, status, created_at, updated_at, finished_at, label, inputs, stage, done, total, "
    "error, title, n_articles, n_skipped, n_stories, n_conflicts"
)
_ARTICLE_COLUMNS = "id, input, text, title, outlet, url, published, body_start, words, language"


@runtime_checkable
class Store(Protocol):
    """Where analyses, their reports and the articles they read are kept.

    Ids are opaque strings. Every method may be called from many threads at once.
    """

    url: str
    """Where the store is, for display (a password is masked)."""

    def schema_version(self) -> int:
        """The version of the newest migration applied to the database."""
        ...

    def create_analysis(self, *, inputs: int, label: str | None = None) -> AnalysisRecord:
        """A new analysis, ``queued``, with a new unique id."""
        ...

    def start_analysis(self, analysis_id: str) -> None:
        """Mark the analysis ``running``."""
        ...

    def set_progress(self, analysis_id: str, stage: str, done: int, total: int) -> None:
        """Record the latest progress of a running analysis."""
        ...

    def finish_analysis(self, analysis_id: str, report: Report) -> AnalysisRecord:
        """Store the report, its articles and counts, and mark the analysis ``done``."""
        ...

    def fail_analysis(self, analysis_id: str, error: str) -> None:
        """Mark the analysis ``failed`` with a one-line reason."""
        ...

    def get_analysis(self, analysis_id: str) -> AnalysisRecord | None:
        """The analysis, or None for an unknown id."""
        ...

    def list_analyses(self, *, limit: int, offset: int) -> tuple[list[AnalysisRecord], int]:
        """One page of analyses, newest first, and how many there are in all."""
        ...

    def get_report(self, analysis_id: str) -> Report | None:
        """The stored report with its articles' cleaned texts; None until done."""
        ...

    def get_report_dict(self, analysis_id: str) -> dict[str, Any] | None:
        """The contract JSON exactly as it was stored; None until done."""
        ...

    def get_article(self, article_id: str) -> Article | None:
        """A stored article with its cleaned text, or None for an unknown id."""
        ...

    def put_articles(self, articles: Iterable[Article]) -> int:
        """Store the articles not stored yet; returns how many were new."""
        ...

    def delete_analysis(self, analysis_id: str) -> bool:
        """Remove an analysis, its report, its article list and the articles only it read.

        An article another analysis also read, or a followed report's version holds,
        stays. One transaction: all of it goes, or
        nothing does.

        Returns:
            True when it was deleted, False for an unknown id.

        Raises:
            AnalysisBusy: the analysis is ``queued`` or ``running`` (its runner would
                write to it afterwards); wait for it to finish.
        """
        ...

    def recover(self) -> int:
        """Mark analyses left queued or running by a dead process as failed."""
        ...

    def serving(self) -> AbstractContextManager[None]:
        """Hold the store for one server process while the block runs.

        Raises:
            StoreError: another process holds it (a second server would fail the first
                one's analyses in progress when it recovers at start).
        """
        ...

    def close(self) -> None:
        """Close every connection."""
        ...


def one_line(text: str) -> str:
    """``text`` with its whitespace runs (newlines included) collapsed to one space."""
    return " ".join(str(text).split())


def _record(row: Sequence[Any]) -> AnalysisRecord:
    return AnalysisRecord(
        id=row[0], status=row[1], created_at=row[2], updated_at=row[3], finished_at=row[4],
        label=row[5], inputs=row[6], stage=row[7], done=row[8], total=row[9], error=row[10],
        title=row[11], articles=row[12], skipped=row[13], stories=row[14], conflicts=row[15],
    )


def _article(row: Sequence[Any]) -> Article:
    return Article(
        id=row[0], input=row[1], text=row[2], title=row[3], outlet=row[4], url=row[5],
        published=dt.date.fromisoformat(row[6]) if row[6] else None,
        body_start=row[7], words=row[8], language=row[9],
    )


class SqlStore(FollowingSql):
    """Every :class:`Store` method, in SQL shared by the backends (and, from
    :class:`~newscheck.store.follow.FollowingSql`, every method of following the news).

    Subclasses set ``dialect`` and ``placeholder`` and implement :meth:`_connect`,
    :meth:`_transaction` and :meth:`_lock_schema`. The SQL below is written with ``?``
    markers, turned into the driver's marker once.
    """

    dialect: ClassVar[str] = ""
    placeholder: ClassVar[str] = "?"
    errors: ClassVar[tuple[type[BaseException], ...]] = ()

    def __init__(self, url: str) -> None:
        self.url = url
        self._local = threading.local()
        self._connections: list[Any] = []
        self._lock = threading.Lock()
        self._closed = False
        self._last_ms = 0
        self._migrate()

    def _migrate(self) -> None:
        """Create the schema or bring it to the latest version, in one locked transaction."""
        with self._tx() as cur:
            self._lock_schema(cur)
            migrate(cur, self.dialect, utc_now(), self.placeholder)

    # ------------------------------------------------------------------ backend hooks

    def _connect(self) -> Any:
        """A new connection (called once per thread)."""
        raise NotImplementedError

    def _transaction(self, conn: Any, write: bool) -> AbstractContextManager[Any]:
        """A context yielding a cursor in a transaction: committed on exit, rolled back
        on error. ``write`` asks for the write lock up front where the backend has one."""
        raise NotImplementedError

    def _lock_schema(self, cur: Any) -> None:
        """Serialise migrations between processes, inside the open transaction."""

    def _lock_articles(self, cur: Any) -> None:
        """Serialise the writes that add or remove articles, inside the open transaction.

        Deleting an article no analysis links to any more must not race an analysis that
        is linking it at the same moment. SQLite writers are serialised already
        (``BEGIN IMMEDIATE``); PostgreSQL takes a transaction advisory lock.
        """

    def _usable(self, conn: Any) -> bool:
        """False when a connection was lost and must be replaced."""
        return True

    # ------------------------------------------------------------------ plumbing

    def _sql(self, sql: str) -> str:
        return sql if self.placeholder == "?" else sql.replace("?", self.placeholder)

    def _conn(self) -> Any:
        if self._closed:
            raise StoreError(f"the store {self.url} is closed")
        conn = getattr(self._local, "conn", None)
        if conn is not None and not self._usable(conn):
            self._forget(conn)
            conn = None
        if conn is None:
            conn = self._connect()
            self._local.conn = conn
            with self._lock:
                self._connections.append(conn)
        return conn

    def _forget(self, conn: Any) -> None:
        with self._lock:
            if conn in self._connections:
                self._connections.remove(conn)
        # the connection is already lost: closing it is a courtesy
        with suppress(Exception):
            conn.close()
        self._local.conn = None

    @contextmanager
    def _tx(self, *, write: bool = True) -> Iterator[Any]:
        """A cursor in one transaction; driver errors become :class:`StoreError`."""
        try:
            with self._transaction(self._conn(), write) as cur:
                yield cur
        except self.errors as e:
            raise StoreError(f"store {self.url}: {one_line(str(e)) or type(e).__name__}") from e

    def _execute(self, cur: Any, sql: str, params: Sequence[Any] = ()) -> Any:
        cur.execute(self._sql(sql), tuple(params))
        return cur

    def _new_id(self) -> str:
        # 12 hex digits of milliseconds (time-ordered, strictly increasing within this
        # store) and 4 random ones, so that two processes never pick the same id
        with self._lock:
            ms = max(int(time.time() * 1000), self._last_ms + 1)
            self._last_ms = ms
        return f"{ms:012x}{secrets.token_hex(2)}"

    def _select_record(self, cur: Any, analysis_id: str) -> AnalysisRecord | None:
        row = self._execute(
            cur, f"SELECT {_RECORD_COLUMNS} FROM analyses WHERE id = ?", (analysis_id,)
        ).fetchone()
        return _record(row) if row else None

    def _update(self, analysis_id: str, sets: str, params: Sequence[Any]) -> None:
        with self._tx() as cur:
            self._execute(cur, f"UPDATE analyses SET {sets} WHERE id = ?", (*params, analysis_id))
            if cur.rowcount == 0:
                raise StoreError(f"unknown analysis '{analysis_id}'")

    def _insert_articles(self, cur: Any, articles: Iterable[Article], now: str) -> int:
        new = 0
        for a in articles:
            self._execute(
                cur,
                f"INSERT INTO articles ({_ARTICLE_COLUMNS}, created_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING",
                (a.id, a.input, a.text, a.title, a.outlet, a.url,
                 a.published.isoformat() if a.published else None,
                 a.body_start, a.words, a.language, now),
            )
            new += max(cur.rowcount, 0)
        return new

    # ------------------------------------------------------------------ the interface

    def schema_version(self) -> int:
        with self._tx(write=False) as cur:
            return current_version(cur)

    def create_analysis(self, *, inputs: int, label: str | None = None) -> AnalysisRecord:
        now = utc_now()
        record = AnalysisRecord(id=self._new_id(), status="queued", created_at=now,
                                updated_at=now, label=label, inputs=inputs)
        with self._tx() as cur:
            self._execute(
                cur,
                "INSERT INTO analyses (id, status, created_at, updated_at, label, inputs) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (record.id, record.status, now, now, label, inputs),
            )
        return record

    def start_analysis(self, analysis_id: str) -> None:
        self._update(analysis_id, "status = ?, updated_at = ?", ("running", utc_now()))

    def set_progress(self, analysis_id: str, stage: str, done: int, total: int) -> None:
        self._update(analysis_id, "stage = ?, done = ?, total = ?, updated_at = ?",
                     (stage, done, total, utc_now()))

    def finish_analysis(self, analysis_id: str, report: Report) -> AnalysisRecord:
        now = utc_now()
        data = json.dumps(to_dict(report), ensure_ascii=False)
        with self._tx() as cur:
            if self._select_record(cur, analysis_id) is None:
                raise StoreError(f"unknown analysis '{analysis_id}'")
            self._lock_articles(cur)
            self._insert_articles(cur, report.articles, now)
            # finishing twice replaces the list instead of adding to it
            self._execute(cur, "DELETE FROM analysis_articles WHERE analysis_id = ?",
                          (analysis_id,))
            for position, a in enumerate(report.articles):
                self._execute(
                    cur,
                    "INSERT INTO analysis_articles (analysis_id, position, article_id) "
                    "VALUES (?, ?, ?)",
                    (analysis_id, position, a.id),
                )
            self._execute(
                cur,
                "UPDATE analyses SET status = ?, updated_at = ?, finished_at = ?, error = ?, "
                "title = ?, n_articles = ?, n_skipped = ?, n_stories = ?, n_conflicts = ?, "
                "report = ? WHERE id = ?",
                ("done", now, now, None,
                 report.stories[0].title if report.stories else None,
                 len(report.articles), len(report.skipped), len(report.stories),
                 sum(len(s.conflicts) for s in report.stories), data, analysis_id),
            )
            record = self._select_record(cur, analysis_id)
        assert record is not None
        return record

    def fail_analysis(self, analysis_id: str, error: str) -> None:
        now = utc_now()
        self._update(analysis_id, "status = ?, error = ?, updated_at = ?, finished_at = ?",
                     ("failed", one_line(error), now, now))

    def get_analysis(self, analysis_id: str) -> AnalysisRecord | None:
        with self._tx(write=False) as cur:
            return self._select_record(cur, analysis_id)

    def list_analyses(self, *, limit: int, offset: int) -> tuple[list[AnalysisRecord], int]:
        if limit < 0 or offset < 0:
            raise ValueError(f"limit and offset must not be negative (got {limit}, {offset})")
        with self._tx(write=False) as cur:
            rows = self._execute(
                cur,
                f"SELECT {_RECORD_COLUMNS} FROM analyses "
                "ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?",
                (limit, offset),
            ).fetchall()
            total = self._execute(cur, "SELECT COUNT(*) FROM analyses").fetchone()[0]
        return [_record(r) for r in rows], int(total)

    def _report_text(self, cur: Any, analysis_id: str) -> str | None:
        row = self._execute(cur, "SELECT report FROM analyses WHERE id = ?",
                            (analysis_id,)).fetchone()
        return row[0] if row else None

    def get_report(self, analysis_id: str) -> Report | None:
        with self._tx(write=False) as cur:
            text = self._report_text(cur, analysis_id)
            if text is None:
                return None
            rows = self._execute(
                cur,
                f"SELECT {', '.join('a.' + c.strip() for c in _ARTICLE_COLUMNS.split(','))} "
                "FROM analysis_articles j JOIN articles a ON a.id = j.article_id "
                "WHERE j.analysis_id = ? ORDER BY j.position",
                (analysis_id,),
            ).fetchall()
        articles = {a.id: a for a in map(_article, rows)}
        return from_dict(json.loads(text), articles)

    def get_report_dict(self, analysis_id: str) -> dict[str, Any] | None:
        with self._tx(write=False) as cur:
            text = self._report_text(cur, analysis_id)
        return json.loads(text) if text is not None else None

    def get_article(self, article_id: str) -> Article | None:
        with self._tx(write=False) as cur:
            row = self._execute(cur, f"SELECT {_ARTICLE_COLUMNS} FROM articles WHERE id = ?",
                                (article_id,)).fetchone()
        return _article(row) if row else None

    def put_articles(self, articles: Iterable[Article]) -> int:
        with self._tx() as cur:
            self._lock_articles(cur)
            return self._insert_articles(cur, articles, utc_now())

    def delete_analysis(self, analysis_id: str) -> bool:
        with self._tx() as cur:
            self._lock_articles(cur)
            row = self._execute(cur, "SELECT status FROM analyses WHERE id = ?",
                                (analysis_id,)).fetchone()
            if row is None:
                return False
            if row[0] in ("queued", "running"):
                raise AnalysisBusy(analysis_id, row[0])
            read = [r[0] for r in self._execute(
                cur, "SELECT DISTINCT article_id FROM analysis_articles WHERE analysis_id = ?",
                (analysis_id,),
            ).fetchall()]
            # the links first: the articles' foreign keys forbid the other order
            self._execute(cur, "DELETE FROM analysis_articles WHERE analysis_id = ?",
                          (analysis_id,))
            for article_id in read:
                self._execute(
                    cur,
                    "DELETE FROM articles WHERE id = ? AND NOT EXISTS "
                    "(SELECT 1 FROM analysis_articles WHERE article_id = ?) AND NOT EXISTS "
                    "(SELECT 1 FROM report_versions WHERE article_id = ?)",
                    (article_id, article_id, article_id),
                )
            self._execute(cur, "DELETE FROM analyses WHERE id = ?", (analysis_id,))
        return True

    def recover(self) -> int:
        now = utc_now()
        with self._tx() as cur:
            self._execute(
                cur,
                "UPDATE analyses SET status = ?, error = ?, updated_at = ?, finished_at = ? "
                "WHERE status IN (?, ?)",
                ("failed", INTERRUPTED, now, now, "queued", "running"),
            )
            return max(cur.rowcount, 0)

    def close(self) -> None:
        with self._lock:
            self._closed = True
            connections, self._connections = self._connections, []
        for conn in connections:
            # one that fails to close must not keep the others open
            with suppress(Exception):
                conn.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.url!r})"
