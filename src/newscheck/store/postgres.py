"""The PostgreSQL backend, for several server processes or hosts sharing one store.

psycopg 3 is imported when a PostgreSQL store is opened, never before (the ``postgres``
extra). Each thread gets its own connection in autocommit mode, and every method runs in
one explicit transaction; a connection that was lost (server restart) is replaced on the
next call. Committed means durable here as PostgreSQL defines it (``synchronous_commit``
of the server, on by default).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, ClassVar

from ..errors import NotInstalledError, StoreError
from .base import SqlStore, one_line
from .migrations import ADVISORY_LOCK_KEY

# The session lock a server holds on its store (any constant other than the migrations').
SERVE_LOCK_KEY = ADVISORY_LOCK_KEY + 1
# The transaction lock taken by the writes that add or remove articles.
ARTICLES_LOCK_KEY = ADVISORY_LOCK_KEY + 2


def mask_url(url: str) -> str:
    """``url`` with its password (in the address or as a ``password=`` parameter) masked."""
    from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

    parts = urlsplit(url)
    netloc = parts.netloc
    if "@" in netloc:
        userinfo, host = netloc.rsplit("@", 1)
        if ":" in userinfo:
            userinfo = userinfo.split(":", 1)[0] + ":***"
        netloc = f"{userinfo}@{host}"
    query = parts.query
    if query:
        pairs = parse_qsl(query, keep_blank_values=True)
        query = urlencode([(k, "***" if k.lower() == "password" else v) for k, v in pairs],
                          safe="*")
    return urlunsplit((parts.scheme, netloc, parts.path, query, parts.fragment))


class PostgresStore(SqlStore):
    """The store in a PostgreSQL database (``postgresql://user:password@host:port/db``)."""

    dialect: ClassVar[str] = "postgresql"
    placeholder: ClassVar[str] = "%s"

    def __init__(self, dsn: str, *, timeout: float = 30.0) -> None:
        try:
            import psycopg
        except ImportError:
            raise NotInstalledError("psycopg", "postgres") from None
        self._psycopg = psycopg
        self.errors = (psycopg.Error,)  # type: ignore[misc]
        self._dsn = dsn
        self.timeout = timeout
        super().__init__(mask_url(dsn))

    def _connect(self) -> Any:
        try:
            return self._psycopg.connect(self._dsn, autocommit=True,
                                         connect_timeout=max(1, int(self.timeout)))
        except self._psycopg.Error as e:
            raise StoreError(
                f"cannot connect to the PostgreSQL store {self.url}: {one_line(str(e))}"
            ) from e

    def _usable(self, conn: Any) -> bool:
        return not (conn.closed or conn.broken)

    @contextmanager
    def _transaction(self, conn: Any, write: bool) -> Iterator[Any]:
        with conn.transaction(), conn.cursor() as cur:
            yield cur

    @contextmanager
    def serving(self) -> Iterator[None]:
        """Hold the store for one server: a session advisory lock on its own connection.

        PostgreSQL releases it when that connection ends, also when the server process is
        killed.
        """
        conn = self._connect()
        try:
            with conn.cursor() as cur:
                cur.execute("SELECT pg_try_advisory_lock(%s)", (SERVE_LOCK_KEY,))
                if not cur.fetchone()[0]:
                    raise StoreError(
                        f"the store {self.url} is in use by another newscheck server; stop "
                        "it, or give this one another store with --db"
                    )
            yield
        finally:
            conn.close()

    def _lock_articles(self, cur: Any) -> None:
        # released when the transaction ends
        cur.execute("SELECT pg_advisory_xact_lock(%s)", (ARTICLES_LOCK_KEY,))

    def _lock_schema(self, cur: Any) -> None:
        # released when the migrating transaction ends
        cur.execute("SELECT pg_advisory_xact_lock(%s)", (ADVISORY_LOCK_KEY,))
