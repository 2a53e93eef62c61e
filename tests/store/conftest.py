"""The stores the store tests run against: a SQLite file and a private PostgreSQL."""

from __future__ import annotations

import uuid

import pytest
from services import postgres_server

from newscheck.store import open_store


@pytest.fixture(scope="session")
def postgres_url():
    with postgres_server() as url:
        yield url


def _fresh_postgres_db(url: str) -> str:
    """A new empty database on the test server, so that each test starts empty."""
    import psycopg

    name = "t_" + uuid.uuid4().hex[:12]
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    return url.rsplit("/", 1)[0] + "/" + name


@pytest.fixture(params=["sqlite", "postgresql"])
def db(request, tmp_path) -> str:
    """Where a fresh store lives: a SQLite path (in a folder not created yet) or a URL."""
    if request.param == "sqlite":
        return str(tmp_path / "not-yet" / "newscheck.db")
    return _fresh_postgres_db(request.getfixturevalue("postgres_url"))


@pytest.fixture
def store(db):
    s = open_store(db)
    yield s
    s.close()
