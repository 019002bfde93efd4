"""Group commit: one writer per process runs the queued write jobs in one transaction, one SAVEPOINT each.

A phone's command used to be its own transaction: BEGIN IMMEDIATE, a few statements, COMMIT (an fsync with
``synchronous=FULL``, holding gevent's only hub). Under load the commits, not the work, bounded the server. Here
every caller hands its job to the writer and waits; the writer takes whatever is queued (up to ``max_batch``),
opens one transaction, runs each job inside its own SAVEPOINT, commits once, and only then wakes the callers:

- a job that raises (a refusal, a constraint) rolls back its SAVEPOINT alone; its caller gets the exception, the
  other jobs of the batch are unaffected;
- a caller returns only after the COMMIT that holds its job: an acknowledgement still means committed;
- if the COMMIT itself fails, every caller of the batch gets that error (nothing of theirs was acknowledged).

The writer is a thread; under gevent's monkey-patching that is a greenlet and the queue and events are
cooperative, so the batch forms naturally while the writer commits: the handlers that ran meanwhile queued
their jobs. Jobs run in the order they were queued, one after the other, exactly as separate transactions
would have (budgets and journal checks in a job see every earlier job of the batch).
"""
from __future__ import annotations

import logging
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Generic, TypeVar

from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from ..db import Database
from . import hot_path_pg, room_cache
from .hot_path import CORE_JOB_CONNECTION

log = logging.getLogger(__name__)

T = TypeVar("T")


@dataclass
class _Job(Generic[T]):
    work: Callable[[Session], T]
    core_only: bool = False  # the job writes through Core on the session's connection, never through ORM objects
    done: threading.Event = field(default_factory=threading.Event)
    result: Any = None
    error: BaseException | None = None


@dataclass
class BatchStats:
    """Counters for the benchmark and the notes: how many jobs each commit carried."""

    batches: int = 0
    jobs: int = 0
    largest: int = 0


class RecentOperations:
    """When each actor's journaled commands were written, in this process: the rate limit without a query.

    Only the writer touches it, one job at a time, so a check and the count that follows it cannot interleave
    with another job's. An actor first seen here is seeded from the journal (entries another process, or this
    one before a restart, wrote), so restarting the server does not reset anyone's budget.
    """

    def __init__(self) -> None:
        self._times: dict[str, deque[datetime]] = {}

    def since(self, actor: str, since: datetime, seed: Callable[[], list[datetime]]) -> int:
        times = self._times.get(actor)
        if times is None:
            times = self._times[actor] = deque(sorted(seed()))
        while times and times[0] <= since:
            times.popleft()
        return len(times)

    def first_seen(self, actor: str) -> None:
        """An actor just created (a new participant): no journal entry to seed from."""
        self._times.setdefault(actor, deque())

    def count(self, actor: str, when: datetime) -> None:
        self._times.setdefault(actor, deque()).append(when)


class GroupCommitWriter:
    """The process's one writer; ``execute(work)`` returns ``work(session)`` once its batch is committed."""

    def __init__(self, db: Database, max_batch: int = 256) -> None:
        self.db = db
        self.max_batch = max_batch
        self.stats = BatchStats()
        self.recent = RecentOperations()
        self._queue: deque[_Job[Any]] = deque()
        self._wake = threading.Event()
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self._running = False  # set by the writer thread itself: cheaper to test per job than Thread.is_alive()
        # The writer's own thread (a greenlet under gevent), to refuse a job that queues another. Not a
        # threading.local: under gevent, the first look at one from each new handler greenlet builds that
        # greenlet's dictionary, about 8 µs, a tenth of a ballot's work.
        self._writer_ident: int | None = None
        self._off_hub = _native_thread_runner() if db.is_sqlite else None
        room_cache.install(db.engine)  # SQLite: this process's writes are the file's; its caches follow them
        hot_path_pg.install(db.engine)  # PostgreSQL: a job's deferred statements go before SQLAlchemy's

    @property
    def pending(self) -> int:
        """Jobs queued for the next batch."""
        return len(self._queue)

    def execute(self, work: Callable[[Session], T], *, core_only: bool = False) -> T:
        """Run ``work`` in the next batch; raises what it raised, or the batch's commit error."""
        if threading.get_ident() == self._writer_ident:
            raise RuntimeError("a write job cannot queue another one (it would wait for its own batch)")
        job: _Job[T] = _Job(work, core_only)
        self._start()
        self._queue.append(job)
        self._wake.set()
        job.done.wait()
        if job.error is not None:
            raise job.error
        return job.result  # type: ignore[no-any-return]

    def _start(self) -> None:
        if self._running:
            return
        with self._lock:
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._run, name="workshop-writer", daemon=True)
                self._thread.start()

    def _run(self) -> None:
        self._writer_ident = threading.get_ident()
        self._running = True
        try:
            self._serve()
        finally:
            self._running = False
            self._writer_ident = None  # a greenlet's id is its address: a later handler could have it

    def _serve(self) -> None:
        while True:
            self._wake.wait()
            self._wake.clear()
            while self._queue:
                batch = [self._queue.popleft() for _ in range(min(self.max_batch, len(self._queue)))]
                self._commit(batch)
                # Let the handlers that became runnable queue their jobs before the next batch (gevent: a yield).
                time.sleep(0)

    def _commit(self, batch: list[_Job[Any]]) -> None:
        effects: list[Callable[[], None]] = []
        try:
            with self.db.write() as session:
                connection = session.connection()
                driver = connection.connection.driver_connection
                raw = driver if self.db.is_sqlite else None
                info = connection.info  # the DB-API connection's: it outlives this checkout, hence finally
                try:
                    if self.db.is_sqlite:
                        self._run_jobs(session, connection, raw, batch, info, effects)
                    else:
                        self._run_postgresql_jobs(session, driver, batch, info)
                finally:
                    info.pop("after_commit", None)
                if self._off_hub is not None:
                    session.flush()
                    # SQLite's COMMIT waits for the disk (fsync, synchronous=FULL) inside C, holding gevent's only
                    # hub: every socket of the room would wait with it. A native thread commits instead, while the
                    # hub serves the phones (and queues the next batch). pysqlite's own commit that follows, when
                    # the block ends, finds no transaction open and does nothing.
                    self._off_hub(raw.execute, ("COMMIT",))
        except Exception as error:  # the COMMIT (or BEGIN) failed: nothing of this batch is acknowledged
            log.exception("group commit of %d jobs failed", len(batch))
            for job in batch:
                job.result, job.error = None, error
            effects = []
            cache = room_cache.cache_of_engine(self.db.engine)
            if cache is not None:  # what the hot path wrote itself is gone with the batch
                cache.bump()
        for effect in effects:  # what the committed jobs leave in the process's caches (services/room_cache.py)
            try:
                effect()
            except Exception:  # noqa: BLE001 - a cache that cannot follow is dropped, never the acknowledgement
                log.exception("cache effect failed")
        self.stats.batches += 1
        self.stats.jobs += len(batch)
        self.stats.largest = max(self.stats.largest, len(batch))
        for job in batch:
            job.done.set()

    def _run_jobs(self, session: Session, connection: Connection, raw: Any, batch: list[_Job[Any]],
                  info: dict[Any, Any], effects: list[Callable[[], None]]) -> None:
        """Each job in its SAVEPOINT; the effects of those that succeeded go to ``effects`` (run after the COMMIT)."""
        for job in batch:
            job_effects: list[Callable[[], None]] = []
            info["after_commit"] = job_effects
            try:
                if job.core_only and raw is not None:
                    # SQLite: the SAVEPOINT in SQL on the driver's connection, where the hot path writes; the
                    # job changes no ORM object, so SQLAlchemy has nothing of it to roll back.
                    raw.execute("SAVEPOINT job")
                    session.info[CORE_JOB_CONNECTION] = connection
                    try:
                        job.result = job.work(session)
                    except BaseException:
                        raw.execute("ROLLBACK TO job")
                        raw.execute("RELEASE job")
                        raise
                    finally:
                        session.info.pop(CORE_JOB_CONNECTION, None)
                    raw.execute("RELEASE job")
                elif job.core_only:
                    # The connection's own SAVEPOINT: the ORM's (SessionTransaction bookkeeping) cost a sixth
                    # of a burst; a job that changes no ORM object leaves the session nothing to roll back.
                    with session.connection().begin_nested():
                        job.result = job.work(session)
                else:
                    with session.begin_nested():
                        job.result = job.work(session)
                effects.extend(job_effects)
            except Exception as error:  # noqa: BLE001 (the caller gets it, whatever it is)
                job.error = error
                if job.core_only and raw is not None:
                    session.connection().info["room_cache_changed"] = True  # its rows are gone: read again

    @staticmethod
    def _run_postgresql_jobs(session: Session, driver: Any, batch: list[_Job[Any]], info: dict[Any, Any]) -> None:
        """PostgreSQL: each job in its SAVEPOINT; a hot-path job's SAVEPOINT, writes and RELEASE travel with its
        reads (``hot_path_pg``: three round trips for a ballot instead of eleven), the last one's with the COMMIT."""
        for index, job in enumerate(batch):
            try:
                if job.core_only:
                    hot_path_pg.begin_job(info)
                    succeeded = False
                    try:
                        job.result = job.work(session)
                        succeeded = True
                    finally:  # a failing RELEASE's flush fails the job; a failing COMMIT the batch
                        hot_path_pg.end_job(driver, info, succeeded, commit=succeeded and index == len(batch) - 1)
                else:
                    with session.begin_nested():
                        job.result = job.work(session)
            except hot_path_pg.CommitFailed:
                raise
            except Exception as error:  # noqa: BLE001 (the caller gets it, whatever it is)
                job.error = error


def _native_thread_runner() -> Callable[..., Any] | None:
    """gevent's pool of real threads, when the process runs under gevent's monkey-patching; else None."""
    try:
        from gevent import get_hub
        from gevent.monkey import is_module_patched
    except ImportError:  # pragma: no cover - gevent is a dependency; threading mode simply does not need this
        return None
    if not is_module_patched("threading"):
        return None
    return lambda function, arguments: get_hub().threadpool.apply(function, arguments)
