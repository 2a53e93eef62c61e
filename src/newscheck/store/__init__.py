"""The analysis store: analyses, their reports and the articles they read; and the
reports and stories followed over time (:mod:`.follow`).

``open_store(db)`` opens (and creates or migrates) a store and returns a :class:`Store`:

- ``None``: ``$NEWSCHECK_DB`` when set, else ``newscheck.db`` in the user's data folder
  (see :func:`default_db`);
- ``postgresql://...`` or ``postgres://...``: a PostgreSQL database (the ``postgres``
  extra);
- anything else: the path of a SQLite file (``sqlite:///`` in front is allowed), created
  with its folders when missing.

Importing this package opens nothing and imports no database driver.
"""

from __future__ import annotations

import os
from pathlib import Path

from .base import INTERRUPTED, AnalysisBusy, SqlStore, Store
from .follow import Following

__all__ = [
    "INTERRUPTED", "AnalysisBusy", "Following", "SqlStore", "Store", "default_db", "open_store",
]

ENV = "NEWSCHECK_DB"


def default_db() -> str:
    """The store used when none is named: ``$NEWSCHECK_DB``, else a SQLite file in the
    user's data folder (``~/.local/share/newscheck/newscheck.db`` on Linux)."""
    env = os.environ.get(ENV, "").strip()
    if env:
        return env
    from platformdirs import user_data_path

    return str(user_data_path("newscheck") / "newscheck.db")


def open_store(db: str | os.PathLike[str] | None = None, *, timeout: float = 30.0) -> Store:
    """Open the store ``db`` names, creating its schema or migrating it to the latest.

    Args:
        db: A PostgreSQL URL, a SQLite file path, or None for :func:`default_db`.
        timeout: Seconds to wait for a busy database (another writer, a connection).

    Returns:
        The open store; close it with ``close()``.

    Raises:
        StoreError: The store cannot be opened, created or migrated (the message says why
            and what to do).
        NotInstalledError: A PostgreSQL URL was given and psycopg is not installed.
    """
    target = default_db() if db is None else os.fspath(db)
    if target.startswith(("postgresql://", "postgres://")):
        from .postgres import PostgresStore

        return PostgresStore(target, timeout=timeout)
    from .sqlite import SqliteStore

    for prefix in ("sqlite:///", "sqlite://"):
        if target.startswith(prefix):
            # sqlite:////abs/path and sqlite:///rel/path as SQLAlchemy writes them
            target = target[len(prefix):]
            break
    return SqliteStore(Path(target), timeout=timeout)
