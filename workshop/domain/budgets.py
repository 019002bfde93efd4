"""Budgets of attempts in memory: a token bucket, and one bucket per key (a connection, an address).

Pure: the clock is given. Used before any database work — the socket's flood guard, new identities, room codes.
"""
from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable


class TokenBucket:
    """``capacity`` tokens, refilled continuously at ``per_second``; ``take`` says whether one was left."""

    __slots__ = ("capacity", "per_second", "tokens", "updated", "clock")

    def __init__(self, capacity: float, per_second: float, clock: Callable[[], float]) -> None:
        self.capacity, self.per_second, self.clock = capacity, per_second, clock
        self.tokens = float(capacity)
        self.updated = clock()

    def _refill(self) -> None:
        now = self.clock()
        self.tokens = min(self.capacity, self.tokens + (now - self.updated) * self.per_second)
        self.updated = now

    def available(self) -> bool:
        self._refill()
        return self.tokens >= 1

    def take(self) -> bool:
        self._refill()
        if self.tokens >= 1:
            self.tokens -= 1
            return True
        return False


class KeyedBudget:
    """One bucket per key, at most ``max_keys`` of them (the least recently used is forgotten: it is the one most
    likely to be full again), so that a flood of new keys cannot grow memory without bound."""

    def __init__(self, capacity: float, per_second: float, clock: Callable[[], float], max_keys: int = 10_000) -> None:
        self.capacity, self.per_second, self.clock, self.max_keys = capacity, per_second, clock, max_keys
        self._buckets: OrderedDict[str, TokenBucket] = OrderedDict()

    def _bucket(self, key: str) -> TokenBucket:
        bucket = self._buckets.get(key)
        if bucket is None:
            bucket = self._buckets[key] = TokenBucket(self.capacity, self.per_second, self.clock)
            while len(self._buckets) > self.max_keys:
                self._buckets.popitem(last=False)
        else:
            self._buckets.move_to_end(key)
        return bucket

    def available(self, key: str) -> bool:
        return self._bucket(key).available()

    def take(self, key: str) -> bool:
        return self._bucket(key).take()

    def forget(self, key: str) -> None:
        self._buckets.pop(key, None)
