"""Versioned schema migrations of the analysis store.

``MIGRATIONS`` is the ordered list of schema changes, each with its SQL per dialect
(``sqlite``, ``postgresql``). The ``schema_version`` table records which were applied.
:func:`migrate` applies the missing ones in ONE transaction taken under a lock, so two
processes opening the same database at once apply each migration exactly once: SQLite
takes the write lock with ``BEGIN IMMEDIATE``, PostgreSQL an advisory transaction lock.

To change the schema, append a migration; never edit one that has shipped.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..errors import StoreError


@dataclass(frozen=True, slots=True, kw_only=True)
class Migration:
    """One schema change: its version (1, 2, ...), what it does, its SQL per dialect."""

    version: int
    description: str
    sql: dict[str, tuple[str, ...]]


# Column types shared by both dialects: TEXT for strings and the report (kept as the exact
# JSON text, key order included), INTEGER/BIGINT for counts. Times are ISO 8601 UTC strings.
_V1_TABLES = (
    """CREATE TABLE articles (
        id TEXT PRIMARY KEY,
        input TEXT NOT NULL,
        text TEXT NOT NULL,
        title TEXT,
        outlet TEXT,
        url TEXT,
        published TEXT,
        body_start INTEGER NOT NULL DEFAULT 0,
        words INTEGER NOT NULL DEFAULT 0,
        language TEXT,
        created_at TEXT NOT NULL
    )""",
    """CREATE TABLE analyses (
        id TEXT PRIMARY KEY,
        status TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        finished_at TEXT,
        label TEXT,
        inputs INTEGER NOT NULL DEFAULT 0,
        stage TEXT,
        done INTEGER NOT NULL DEFAULT 0,
        total INTEGER NOT NULL DEFAULT 0,
        error TEXT,
        title TEXT,
        n_articles INTEGER NOT NULL DEFAULT 0,
        n_skipped INTEGER NOT NULL DEFAULT 0,
        n_stories INTEGER NOT NULL DEFAULT 0,
        n_conflicts INTEGER NOT NULL DEFAULT 0,
        report TEXT
    )""",
    """CREATE TABLE analysis_articles (
        analysis_id TEXT NOT NULL REFERENCES analyses (id),
        position INTEGER NOT NULL,
        article_id TEXT NOT NULL REFERENCES articles (id),
        PRIMARY KEY (analysis_id, position)
    )""",
    "CREATE INDEX analysis_articles_article ON analysis_articles (article_id)",
    "CREATE INDEX analyses_status ON analyses (status)",
)


def _v2_tables(blob: str) -> tuple[str, ...]:
    """Following the news: reports and their versions, stories and their versions, the
    per-article extraction kept for re-analysis, and the state of watched feeds.

    ``blob`` is the dialect's type for raw bytes (the story vectors and the extraction's
    sentence vectors, float32).
    """
    return (
        """CREATE TABLE stories (
            id TEXT PRIMARY KEY,
            title TEXT NOT NULL,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            first_date TEXT NOT NULL,
            last_date TEXT NOT NULL,
            reports INTEGER NOT NULL DEFAULT 0,
            version INTEGER NOT NULL DEFAULT 0,
            stale INTEGER NOT NULL DEFAULT 1,
            vector """ + blob + """
        )""",
        # A followed report is one URL (or one input without URL); each text it has had
        # is a version, keyed by the content hash of the cleaned text.
        """CREATE TABLE followed_reports (
            id TEXT PRIMARY KEY,
            identity TEXT NOT NULL UNIQUE,
            story_id TEXT REFERENCES stories (id),
            latest INTEGER NOT NULL,
            created_at TEXT NOT NULL
        )""",
        """CREATE TABLE report_versions (
            report_id TEXT NOT NULL REFERENCES followed_reports (id),
            version INTEGER NOT NULL,
            content_hash TEXT NOT NULL,
            article_id TEXT NOT NULL REFERENCES articles (id),
            report_date TEXT NOT NULL,
            ingested_at TEXT NOT NULL,
            PRIMARY KEY (report_id, version)
        )""",
        """CREATE TABLE story_versions (
            story_id TEXT NOT NULL REFERENCES stories (id),
            version INTEGER NOT NULL,
            created_at TEXT NOT NULL,
            cause TEXT NOT NULL,
            report TEXT NOT NULL,
            PRIMARY KEY (story_id, version)
        )""",
        """CREATE TABLE extractions (
            article_id TEXT NOT NULL REFERENCES articles (id),
            fingerprint TEXT NOT NULL,
            data TEXT NOT NULL,
            vectors """ + blob + """ NOT NULL,
            PRIMARY KEY (article_id, fingerprint)
        )""",
        """CREATE TABLE feeds (
            url TEXT PRIMARY KEY,
            etag TEXT,
            last_modified TEXT,
            checked_at TEXT
        )""",
        """CREATE TABLE feed_items (
            feed_url TEXT NOT NULL REFERENCES feeds (url),
            item TEXT NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 0,
            done INTEGER NOT NULL DEFAULT 0,
            seen_at TEXT NOT NULL,
            PRIMARY KEY (feed_url, item)
        )""",
        "CREATE INDEX followed_reports_story ON followed_reports (story_id)",
        "CREATE INDEX report_versions_article ON report_versions (article_id)",
        "CREATE INDEX stories_last_date ON stories (last_date)",
        "CREATE INDEX stories_updated ON stories (updated_at)",
        "CREATE INDEX stories_stale ON stories (stale)",
    )


# A story's current reports: the version of each that its ``latest`` names.
_V3_CURRENT = (
    "FROM followed_reports r JOIN report_versions v ON v.report_id = r.id "
    "AND v.version = r.latest WHERE r.story_id = stories.id"
)

# Publication dates apart from ingest days: ``report_date`` (which places a report among
# stories) is its ingest day when it is undated, so a story's listed dates come from the
# new ``published`` instead, read back from the stored articles.
_V3_DATES = (
    "ALTER TABLE report_versions ADD COLUMN published TEXT",
    ("UPDATE report_versions SET published = "
     "(SELECT a.published FROM articles a WHERE a.id = report_versions.article_id)"),
    "ALTER TABLE stories ADD COLUMN published_first TEXT",
    "ALTER TABLE stories ADD COLUMN published_last TEXT",
    "ALTER TABLE stories ADD COLUMN ingested_first TEXT",
    (f"UPDATE stories SET published_first = (SELECT MIN(v.published) {_V3_CURRENT}), "
     f"published_last = (SELECT MAX(v.published) {_V3_CURRENT}), "
     "ingested_first = COALESCE((SELECT SUBSTR(MIN(v.ingested_at), 1, 10) "
     "FROM followed_reports r JOIN report_versions v ON v.report_id = r.id "
     "WHERE r.story_id = stories.id), SUBSTR(created_at, 1, 10))"),
)

# Followed stories found to be one event are merged into the oldest: the others stay as
# rows naming it, and the version of it that first held their reports.
_V4_MERGES = (
    "ALTER TABLE stories ADD COLUMN merged_into TEXT",
    "ALTER TABLE stories ADD COLUMN merged_version INTEGER",
    "CREATE INDEX stories_merged_into ON stories (merged_into)",
)


MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        version=1,
        description="articles, analyses and the articles of each analysis",
        sql={"sqlite": _V1_TABLES, "postgresql": _V1_TABLES},
    ),
    Migration(
        version=2,
        description="followed reports and their versions, stories and their versions, "
        "extractions, watched feeds",
        sql={"sqlite": _v2_tables("BLOB"), "postgresql": _v2_tables("BYTEA")},
    ),
    Migration(
        version=3,
        description="publication dates of report versions and stories, apart from "
        "ingest days",
        sql={"sqlite": _V3_DATES, "postgresql": _V3_DATES},
    ),
    Migration(
        version=4,
        description="followed stories merged into another when found to be one event",
        sql={"sqlite": _V4_MERGES, "postgresql": _V4_MERGES},
    ),
)

LATEST = MIGRATIONS[-1].version

_VERSION_TABLE = (
    "CREATE TABLE IF NOT EXISTS schema_version ("
    "version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at TEXT NOT NULL)"
)

# Any constant shared by every newscheck process: the key of the advisory lock that
# serialises migrations on one PostgreSQL database ("newschek" in ASCII).
ADVISORY_LOCK_KEY = 0x6E65777363686B


def current_version(cur: Any) -> int:
    """The highest applied migration (0 for an empty database) read through ``cur``."""
    cur.execute("SELECT MAX(version) FROM schema_version")
    row = cur.fetchone()
    return int(row[0]) if row and row[0] is not None else 0


def migrate(cur: Any, dialect: str, now: str, placeholder: str = "?") -> list[int]:
    """Apply the missing migrations through ``cur``, inside the caller's transaction.

    The caller holds the lock (``BEGIN IMMEDIATE`` or the advisory lock) so that the
    version read here cannot change before the migrations are recorded.

    Args:
        cur: A cursor in an open, locked transaction.
        dialect: ``sqlite`` or ``postgresql``.
        now: The time to record as ``applied_at``.
        placeholder: The driver's parameter marker.

    Returns:
        The versions applied now (empty when the schema was already the latest).

    Raises:
        StoreError: The database was written by a newer newscheck.
    """
    cur.execute(_VERSION_TABLE)
    version = current_version(cur)
    if version > LATEST:
        raise StoreError(
            f"the store's schema is version {version} but this newscheck knows up to "
            f"{LATEST}: upgrade newscheck, or point --db / NEWSCHECK_DB at another store"
        )
    applied = []
    for m in MIGRATIONS:
        if m.version <= version:
            continue
        for statement in m.sql[dialect]:
            cur.execute(statement)
        cur.execute(
            "INSERT INTO schema_version (version, description, applied_at) "
            f"VALUES ({placeholder}, {placeholder}, {placeholder})",
            (m.version, m.description, now),
        )
        applied.append(m.version)
    return applied
