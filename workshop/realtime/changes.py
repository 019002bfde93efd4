"""What changed since the live screens were last told, and which process tells them.

Results and connected counts are coalesced: a snapshot per interval, only of what changed. With one process, it
flushes its own changes. With several behind Redis, each used to flush its own: every process recomputed the same
activity's results from the database at every interval (four processes, four identical snapshots, each then sent
through the message queue and decoded by every process) and counted the same room's phones. Here the changes go
to two shared Redis sets, and at each tick the one process that takes a short lease takes every change of every
process and flushes it: one snapshot per changed activity per interval for the whole set of processes.

A change is taken only after the commit that made it (the services publish after committing), and the flusher
reads the database after taking it, so the snapshot it sends includes that change.
"""
from __future__ import annotations

import os
import threading
import uuid
from typing import Any, Protocol

RESULTS_KEY, ROOMS_KEY, LEASE_KEY = "workshop:changed:results", "workshop:changed:presence", "workshop:changed:lease"
# The flusher's lease while it works: if its process dies mid-flush another takes over after this (ms).
LEASE_WHILE_FLUSHING_MS = 10_000


class Changes(Protocol):
    def results_changed(self, activity_id: int) -> None: ...

    def presence_changed(self, code: str) -> None: ...

    def take(self) -> tuple[set[int], set[str]]:
        """The changed activities and rooms this process is to flush now (often none, with several processes)."""
        ...

    def flushed(self) -> None:
        """Called after every ``take``, once what it returned has been sent."""
        ...


class LocalChanges:
    """One process: its own changes, flushed by itself."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._results: set[int] = set()
        self._rooms: set[str] = set()

    def results_changed(self, activity_id: int) -> None:
        with self._lock:
            self._results.add(activity_id)

    def presence_changed(self, code: str) -> None:
        with self._lock:
            self._rooms.add(code)

    def take(self) -> tuple[set[int], set[str]]:
        with self._lock:
            taken = self._results, self._rooms
            self._results, self._rooms = set(), set()
        return taken

    def flushed(self) -> None:
        """Nothing is shared."""


class RedisChanges(LocalChanges):
    """Several processes: each tick pushes this process's changes to Redis; the lease holder takes everyone's."""

    def __init__(self, client: Any, interval_seconds: float) -> None:
        super().__init__()
        self.redis = client
        self.process = f"{os.getpid()}-{uuid.uuid4().hex[:8]}"
        # After a flush the lease is kept a little less than one interval: the next flush is the next tick of
        # whichever process comes first after that, so the cluster flushes about once per interval.
        self.lease_after_flush_ms = max(1, int(interval_seconds * 1000 * 0.8))
        self._leased = False

    def take(self) -> tuple[set[int], set[str]]:
        mine, rooms = super().take()
        pipe = self.redis.pipeline(transaction=False)
        if mine:
            pipe.sadd(RESULTS_KEY, *mine)
        if rooms:
            pipe.sadd(ROOMS_KEY, *rooms)
        pipe.set(LEASE_KEY, self.process, nx=True, px=LEASE_WHILE_FLUSHING_MS)
        self._leased = bool(pipe.execute()[-1])
        if not self._leased:
            return set(), set()  # another process flushes this interval; our changes wait in Redis for it
        pipe = self.redis.pipeline(transaction=True)  # taken and emptied at once: a change pushed meanwhile stays
        pipe.smembers(RESULTS_KEY)
        pipe.delete(RESULTS_KEY)
        pipe.smembers(ROOMS_KEY)
        pipe.delete(ROOMS_KEY)
        activities, _, codes, _ = pipe.execute()
        return {int(value) for value in activities}, {value.decode() for value in codes}

    def flushed(self) -> None:
        if self._leased:
            self._leased = False
            self.redis.pexpire(LEASE_KEY, self.lease_after_flush_ms)
