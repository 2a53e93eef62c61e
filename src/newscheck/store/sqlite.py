"""The SQLite backend: one file, no server; the default store.

The file is opened in WAL mode (readers never wait for the writer) with
``synchronous=FULL``: every commit is synced to disk before the call returns, so an
acknowledged write survives a killed process and a power loss alike. The cost is one
``fsync`` per write, a few milliseconds, against writes that come at most a few times a
second (progress) or once per analysis (the report). Writers take the lock up front
(``BEGIN IMMEDIATE``) and wait up to ``timeout`` seconds for another writer, so
concurrent threads and processes queue instead of failing.
"""

from __future__ import annotations

import fcntl
import os
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, ClassVar, TypeVar

from ..errors import StoreError
from .base import SqlStore

T = TypeVar("T")


class SqliteStore(SqlStore):
    """The store in a SQLite file (created, with its folders, when missing)."""

    dialect: ClassVar[str] = "sqlite"
    placeholder: ClassVar[str] = "?"
    errors: ClassVar[tuple[type[BaseException], ...]] = (sqlite3.Error,)

    def __init__(self, path: str | Path, *, timeout: float = 30.0) -> None:
        self.path = Path(path).expanduser().resolve()
        self.timeout = timeout
        if self.path.is_dir():
            raise StoreError(
                f"{self.path} is a folder; give the SQLite store a file path "
                f"(--db or NEWSCHECK_DB), e.g. {self.path / 'newscheck.db'}"
            )
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            blocking = next((p for p in self.path.parents if p.exists()), None)
            reason = (f"{blocking} is a file, not a folder"
                      if blocking is not None and not blocking.is_dir() else e.strerror or e)
            raise StoreError(
                f"cannot create the folder of the store {self.path}: {reason}; "
                "choose another path with --db or NEWSCHECK_DB"
            ) from e
        try:
            super().__init__(f"sqlite:///{self.path}")
        except StoreError as e:
            self.close()
            cause = e.__cause__ or e
            hint = ("the file is not a newscheck store"
                    if "not a database" in str(cause)
                    else "check that the file and its folder are writable")
            raise StoreError(
                f"cannot open the SQLite store {self.path}: {cause}; {hint}, or choose "
                "another path with --db or NEWSCHECK_DB"
            ) from e

    def _retry_locked(self, step: Callable[[], T]) -> T:
        """``step()``, tried again while SQLite answers "locked" without waiting.

        SQLite skips the busy handler in a few cases around a database file being created
        or switched to WAL by several connections at once (first opens racing each other);
        those answer "database is locked" at once, so they are retried here, up to the
        same ``timeout``.
        """
        deadline = time.monotonic() + self.timeout
        pause = 0.005
        while True:
            try:
                return step()
            except (sqlite3.OperationalError, StoreError) as e:
                cause = e.__cause__ if isinstance(e, StoreError) else e
                locked = isinstance(cause, sqlite3.OperationalError) and (
                    "locked" in str(cause) or "busy" in str(cause))
                if not locked or time.monotonic() + pause > deadline:
                    raise
                time.sleep(pause)
                pause = min(pause * 2, 0.2)

    def _migrate(self) -> None:
        self._retry_locked(super()._migrate)

    def _connect(self) -> sqlite3.Connection:
        try:
            # isolation_level=None: transactions are opened explicitly below
            conn = sqlite3.connect(self.path, timeout=self.timeout, isolation_level=None,
                                   check_same_thread=False)
        except sqlite3.Error as e:
            raise StoreError(f"cannot open the SQLite store {self.path}: {e}") from e

        def setup() -> str:
            conn.execute(f"PRAGMA busy_timeout = {int(self.timeout * 1000)}")
            mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            conn.execute("PRAGMA synchronous = FULL")
            conn.execute("PRAGMA foreign_keys = ON")
            return mode

        try:
            mode = self._retry_locked(setup)
        except sqlite3.Error as e:
            conn.close()
            raise StoreError(f"cannot open the SQLite store {self.path}: {e}") from e
        if str(mode).lower() != "wal":
            conn.close()
            raise StoreError(
                f"the SQLite store {self.path} cannot use write-ahead logging (journal mode "
                f"stays '{mode}'); put it on a local disk"
            )
        return conn

    @contextmanager
    def _transaction(self, conn: sqlite3.Connection, write: bool) -> Iterator[Any]:
        cur = conn.cursor()
        cur.execute("BEGIN IMMEDIATE" if write else "BEGIN")
        try:
            yield cur
        except BaseException:
            conn.rollback()
            raise
        else:
            conn.commit()
        finally:
            cur.close()

    @contextmanager
    def serving(self) -> Iterator[None]:
        """Hold the store for one server: an exclusive lock on ``<file>.serve-lock``.

        The operating system drops the lock when the process ends, however it ends, so a
        killed server never leaves the store held.
        """
        lock_path = self.path.with_name(self.path.name + ".serve-lock")
        handle = open(lock_path, "a+", encoding="utf-8")  # noqa: SIM115 - held for the block
        try:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                handle.seek(0)
                holder = handle.read().strip() or "another process"
                raise StoreError(
                    f"the store {self.path} is in use by another newscheck server ({holder}); "
                    "stop it, or give this one another store with --db"
                ) from None
            handle.seek(0)
            handle.truncate()
            handle.write(f"pid {os.getpid()}")
            handle.flush()
            yield
        finally:
            handle.close()  # releases the lock

    def integrity_check(self) -> str:
        """SQLite's own check of the file: ``"ok"`` when it is sound."""
        with self._tx(write=False) as cur:
            return ", ".join(str(r[0]) for r in cur.execute("PRAGMA integrity_check"))
