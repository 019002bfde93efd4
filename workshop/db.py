"""Engines and transactions: SQLite tuned for durability under concurrent writers, or PostgreSQL."""
from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from .domain.prioritization import MIN_GROUP_SIZE

SQLITE_PRAGMAS = ("journal_mode=WAL", "synchronous=FULL", "busy_timeout=10000", "foreign_keys=ON")

# PostgreSQL, per server process. A connection the pool opens past ``pool_size`` is closed when it comes back, and
# PostgreSQL forks a backend for each new one (~5 ms of its CPU here): with 10 + 20, a storm of 400 phones over four
# processes opened 197 sessions, most of PostgreSQL's CPU of the storm; with 20 + 4, connecting 1,000 phones over
# four processes still opened 161. So no overflow at all: greenlets wait for one of the kept connections (a queue,
# cooperative under gevent), which every caller holds for a few statements and never while waiting for another
# one. Four processes keep 4 × 20 = 80, under PostgreSQL's default max_connections (100). A greenlet may wait up to
# two minutes for a connection (a storm of thousands of phones queues there, which is no reason to refuse them).
PG_POOL_SIZE, PG_MAX_OVERFLOW, PG_POOL_TIMEOUT = 20, 0, 120


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record):  # type: ignore[no-untyped-def]
        # pysqlite's own implicit BEGIN is disabled so that the "begin" hook below decides the kind of BEGIN.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        for pragma in SQLITE_PRAGMAS:
            cursor.execute("PRAGMA " + pragma)
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection):  # type: ignore[no-untyped-def]
        # Writers take the write lock up front (BEGIN IMMEDIATE): a deferred BEGIN that reads then writes
        # fails with "database is locked" instead of waiting when another writer got there first.
        connection.exec_driver_sql(connection.get_execution_options().get("sqlite_begin", "BEGIN"))


def create_private_file(path: Path) -> None:
    """Create ``path`` readable by its owner only (0600), in a directory only its owner enters, if it is not there.

    The database holds every participant's words and the moderators' token hashes: on a shared laptop it is not for
    other accounts. SQLite gives its -wal and -shm files the database file's permissions.
    """
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    if not path.exists():
        os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))


class Database:
    """One engine, and sessions that own exactly one transaction each."""

    def __init__(self, url: str, *, min_group_size: int = MIN_GROUP_SIZE) -> None:
        self.url = make_url(url)
        self.is_sqlite = self.url.get_backend_name() == "sqlite"
        if self.is_sqlite:
            database = self.url.database
            if database and database != ":memory:":
                create_private_file(Path(database))
            self.engine = create_engine(self.url, connect_args={"check_same_thread": False, "timeout": 10})
            _configure_sqlite(self.engine)
            writer_engine = self.engine.execution_options(sqlite_begin="BEGIN IMMEDIATE")
            reader_engine = self.engine
        else:
            # No pool_pre_ping: it is a round trip before every checkout. A connection PostgreSQL dropped (a restart)
            # fails its statement instead; SQLAlchemy then recognises the disconnect and replaces every pooled
            # connection, so one transaction fails (nothing of it is acknowledged: a phone replays its op_id).
            self.engine = create_engine(self.url, pool_size=PG_POOL_SIZE, max_overflow=PG_MAX_OVERFLOW,
                                        pool_timeout=PG_POOL_TIMEOUT)
            writer_engine = self.engine
            # Reads without BEGIN and COMMIT: two round trips fewer per read (a connecting phone makes two). Under
            # READ COMMITTED every statement already saw its own snapshot, so a read loses no consistency.
            reader_engine = self.engine.execution_options(isolation_level="AUTOCOMMIT")
        # What services share between transactions lives with this database, in every session's ``info``: the
        # results' min group size (services/state.compute_results, without a Flask app), and the caches of a vote's
        # item list (its version and the bytes phones fetch: services/item_lists.py), of the phones' encoded
        # activity list, PostgreSQL's kept results (services/results_state_pg.py) and the part of a room's state
        # every phone shares, kept under the room's stamp on PostgreSQL (services/state.py); tests build many
        # databases in one process.
        self.shared: dict[str, Any] = {"min_group_size": min_group_size, "target_lists": {}, "item_lists": {},
                                       "encoded_activities": {}, "pg_results": {}, "phone_room_parts": {}}
        self._readers = sessionmaker(reader_engine, expire_on_commit=False, info=self.shared)
        self._writers = sessionmaker(writer_engine, expire_on_commit=False, info=self.shared)

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A write transaction: committed when the block ends, rolled back if it raises."""
        with self._writers() as session, session.begin():
            yield session

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A read: nothing is to be written here (on PostgreSQL each statement commits on its own)."""
        with self._readers() as session, session.begin():
            yield session

    def dispose(self) -> None:
        self.engine.dispose()
