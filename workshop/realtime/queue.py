"""Redis connections of a server process: a bounded pool that makes a greenlet wait, never fail, for one.

redis-py's default pool opens a connection per concurrent caller up to 100, then raises ``MaxConnectionsError``.
Under gevent every connecting phone is a greenlet: a storm of 1,250 phones on one process published and counted
through Redis at once, the pool ran out, and the Socket.IO queue logged "Cannot publish to redis" while phones
were lost. A ``BlockingConnectionPool`` queues the callers instead (a round trip to Redis is short).
"""
from __future__ import annotations

from typing import Any

import redis
import socketio

REDIS_CONNECTIONS = 32  # per pool, per process; Redis serves them one command at a time anyway
REDIS_WAIT_SECONDS = 60  # longer than any storm's queue; past it the caller gets redis' ConnectionError


def redis_client(url: str) -> redis.Redis:
    return redis.Redis(connection_pool=redis.BlockingConnectionPool.from_url(
        url, max_connections=REDIS_CONNECTIONS, timeout=REDIS_WAIT_SECONDS))


class PooledRedisManager(socketio.RedisManager):  # type: ignore[misc]
    """python-socketio's Redis message queue, on the bounded pool (its own client is redis' default)."""

    def _redis_connect(self) -> None:
        # python-socketio's own method, but for the pool: it is where the manager makes its client.
        self.redis: Any = redis_client(self.redis_url)
        self.pubsub = self.redis.pubsub(ignore_subscribe_messages=True)
        self.connected = True
