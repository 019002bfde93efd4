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


class LocalPresence:
    """In memory: exact for one process, which is the one-laptop case."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._connections: dict[str, Counter[str]] = defaultdict(Counter)

    def joined(self, code: str, participant: str) -> None:
        with self._lock:
            self._connections[code][participant] += 1

    def left(self, code: str, participant: str) -> None:
        with self._lock:
            room = self._connections[code]
            room[participant] -= 1
            if room[participant] <= 0:
                del room[participant]

    def connected(self, code: str) -> int:
        with self._lock:
            return len(self._connections.get(code, ()))

    def keep_alive(self) -> None:
        """Nothing outlives this process, so nothing needs refreshing."""


class RedisPresence:
    """Each process mirrors its own connections into a Redis hash that expires if the process dies.

    The union over every live process's hash is the room's count; a killed process's phones drop
    out after ``ttl_seconds`` instead of being counted forever.
    """

    def __init__(self, redis_url: str, ttl_seconds: int = 30) -> None:
        import redis

        self.redis = redis.Redis.from_url(redis_url)
        self.ttl_seconds = ttl_seconds
        self.process = f"{os.getpid()}-{uuid.uuid4().hex[:8]}"
        self.rooms: set[str] = set()  # the rooms this process has phones in, whose hashes it keeps alive

    def _key(self, code: str) -> str:
        return f"workshop:presence:{code}:{self.process}"

    def joined(self, code: str, participant: str) -> None:
        self.rooms.add(code)
        # One field changes per connection: rewriting the whole hash made a reconnect storm quadratic.
        pipe = self.redis.pipeline()
        pipe.hincrby(self._key(code), participant, 1)
        pipe.expire(self._key(code), self.ttl_seconds)
        pipe.execute()

    def left(self, code: str, participant: str) -> None:
        if self.redis.hincrby(self._key(code), participant, -1) <= 0:
            self.redis.hdel(self._key(code), participant)

    def connected(self, code: str) -> int:
        everyone: set[bytes] = set()
        for key in self.redis.scan_iter(match=f"workshop:presence:{code}:*", count=100):
            everyone.update(self.redis.hkeys(key))
        return len(everyone)

    def keep_alive(self) -> None:
        for code in list(self.rooms):
            self.redis.expire(self._key(code), self.ttl_seconds)
