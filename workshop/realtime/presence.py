"""Who is connected: phones counted once each, however many tabs or processes they are connected through."""
from __future__ import annotations

import os
import threading
import uuid
from collections import Counter, defaultdict
from typing import Protocol


class Presence(Protocol):
    def joined(self, code: str, participant: str) -> None: ...

    def left(self, code: str, participant: str) -> None: ...

    def connected(self, code: str) -> int: ...

    def keep_alive(self) -> None: ...

    def push(self) -> None:
        """Send what changed here since the last push where the other processes count it (at each tick)."""
        ...


class LocalPresence:
    """In memory: exact for one process, which is the one-laptop case."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._connections: dict[str, Counter[str]] = defaultdict(Counter)

    def joined(self, code: str, participant: str) -> None:
        self.add(code, participant)

    def left(self, code: str, participant: str) -> None:
        self.remove(code, participant)

    def add(self, code: str, participant: str) -> int:
        """Count one more connection of ``participant``; returns how many it now has in this process."""
        with self._lock:
            self._connections[code][participant] += 1
            return self._connections[code][participant]

    def remove(self, code: str, participant: str) -> int:
        """One connection fewer; returns how many ``participant`` still has in this process."""
        with self._lock:
            room = self._connections[code]
            room[participant] -= 1
            remaining = room[participant]
            if remaining <= 0:
                del room[participant]
            return max(0, remaining)

    def connected(self, code: str) -> int:
        with self._lock:
            return len(self._connections.get(code, ()))

    def participants(self) -> dict[str, list[str]]:
        """Every room's connected participants, for a process that mirrors them elsewhere."""
        with self._lock:
            return {code: list(room) for code, room in self._connections.items()}

    def keep_alive(self) -> None:
        """Nothing outlives this process, so nothing needs refreshing."""

    def push(self) -> None:
        """Nothing is shared."""


# The union of the live processes' sets, counted inside Redis: nothing but a number comes back. Sets of processes
# that died (expired) leave the room's list of processes on the way. Standalone Redis: the script reads keys it is
# not given (a Redis Cluster would refuse it).
_COUNT = """
local live = {}
for _, key in ipairs(redis.call('SMEMBERS', KEYS[1])) do
  if redis.call('EXISTS', key) == 1 then table.insert(live, key) else redis.call('SREM', KEYS[1], key) end
end
if #live == 0 then return 0 end
if #live == 1 then return redis.call('SCARD', live[1]) end
redis.call('SUNIONSTORE', KEYS[2], unpack(live))
local count = redis.call('SCARD', KEYS[2])
redis.call('DEL', KEYS[2])
return count
"""


class RedisPresence:
    """Each process mirrors the participants it has connections of into a Redis set that expires if it dies.

    A participant is added when its first connection to this process arrives and removed when its last one leaves
    (the process counts its connections in memory), so Redis sees one change per phone, not per tab; and the changes
    go to Redis together at the process's next tick (``push``, before it pushes its changed rooms), one round trip
    for a whole connection storm's tick instead of one per phone. The room's count is the size of the union of the
    live processes' sets, computed by Redis: counting used to fetch every process's whole hash at each flush, a storm
    of 5,000 phones pulled tens of thousands of fields a second.
    """

    def __init__(self, redis_url: str, ttl_seconds: int = 30) -> None:
        from .queue import redis_client

        self.redis = redis_client(redis_url)
        self.ttl_seconds = ttl_seconds
        self.process = f"{os.getpid()}-{uuid.uuid4().hex[:8]}"
        self.local = LocalPresence()
        self._count = self.redis.register_script(_COUNT)
        self._lock = threading.Lock()
        self._pending: dict[str, dict[str, bool]] = {}  # room -> participant -> present (the last change wins)

    def _key(self, code: str) -> str:
        return f"workshop:presence:{code}:{self.process}"

    @staticmethod
    def _processes_key(code: str) -> str:
        return f"workshop:presence:{code}"

    def joined(self, code: str, participant: str) -> None:
        if self.local.add(code, participant) == 1:
            self._change(code, participant, True)

    def left(self, code: str, participant: str) -> None:
        if self.local.remove(code, participant) == 0:
            self._change(code, participant, False)

    def _change(self, code: str, participant: str, present: bool) -> None:
        with self._lock:
            self._pending.setdefault(code, {})[participant] = present

    def push(self) -> None:
        with self._lock:
            pending, self._pending = self._pending, {}
        if not pending:
            return
        pipe = self.redis.pipeline(transaction=False)
        for code, changes in pending.items():
            present = [participant for participant, here in changes.items() if here]
            gone = [participant for participant, here in changes.items() if not here]
            if gone:
                pipe.srem(self._key(code), *gone)
            if present:
                pipe.sadd(self._key(code), *present)
                pipe.expire(self._key(code), self.ttl_seconds)
                pipe.sadd(self._processes_key(code), self._key(code))
                pipe.expire(self._processes_key(code), self.ttl_seconds)
        pipe.execute()

    def connected(self, code: str) -> int:
        self.push()  # this process's own changes count at once
        return int(self._count(keys=[self._processes_key(code), f"workshop:presence-count:{code}"]))

    def keep_alive(self) -> None:
        self.push()
        for code, participants in self.local.participants().items():
            pipe = self.redis.pipeline(transaction=False)
            pipe.expire(self._key(code), self.ttl_seconds)
            pipe.expire(self._processes_key(code), self.ttl_seconds)
            kept, _ = pipe.execute()
            if not kept and participants:
                # The set expired (this process was starved of CPU past the TTL): put its phones back.
                pipe.sadd(self._key(code), *participants)
                pipe.expire(self._key(code), self.ttl_seconds)
                pipe.sadd(self._processes_key(code), self._key(code))
                pipe.expire(self._processes_key(code), self.ttl_seconds)
                pipe.execute()
