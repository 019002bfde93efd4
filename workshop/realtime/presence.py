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

    def rooms(self) -> dict[str, Counter[str]]:
        with self._lock:
            return {code: Counter(room) for code, room in self._connections.items() if room}

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
        self.local = LocalPresence()

    def _key(self, code: str) -> str:
        return f"workshop:presence:{code}:{self.process}"

    def _mirror(self, code: str) -> None:
        participants = self.local.rooms().get(code, Counter())
        pipe = self.redis.pipeline()
        pipe.delete(self._key(code))
        if participants:
            pipe.hset(self._key(code), mapping=dict(participants))
            pipe.expire(self._key(code), self.ttl_seconds)
        pipe.execute()

    def joined(self, code: str, participant: str) -> None:
        self.local.joined(code, participant)
        self._mirror(code)

    def left(self, code: str, participant: str) -> None:
        self.local.left(code, participant)
        self._mirror(code)

    def connected(self, code: str) -> int:
        everyone: set[bytes] = set()
        for key in self.redis.scan_iter(match=f"workshop:presence:{code}:*", count=100):
            everyone.update(self.redis.hkeys(key))
        return len(everyone)

    def keep_alive(self) -> None:
        for code in self.local.rooms():
            self.redis.expire(self._key(code), self.ttl_seconds)
