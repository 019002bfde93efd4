"""Several server processes on one Redis: the connected count and who sends the coalesced snapshots."""
from __future__ import annotations

import time
import uuid

import redis

from workshop.realtime.changes import LEASE_KEY, RedisChanges
from workshop.realtime.presence import RedisPresence


def test_a_phone_is_counted_once_whatever_its_tabs_and_processes(redis_url: str) -> None:
    first, second = RedisPresence(redis_url), RedisPresence(redis_url)
    code = uuid.uuid4().hex[:6]
    first.joined(code, "p1")
    first.joined(code, "p1")  # a second tab on the same process
    second.joined(code, "p1")
    second.joined(code, "p2")
    assert first.connected(code) == 1, "the second process's phones reach Redis at its tick, not one by one"
    second.push()  # its tick
    assert first.connected(code) == second.connected(code) == 2
    first.left(code, "p1")
    first.left(code, "p1")
    assert first.connected(code) == 2  # p1 is still on the second process
    second.left(code, "p1")
    second.push()
    assert first.connected(code) == 1
    second.left(code, "p2")
    second.joined(code, "p3")  # within one tick: what Redis gets is the last state of each phone
    second.left(code, "p3")
    second.push()
    assert first.connected(code) == 0


def test_a_connection_storm_reaches_redis_in_one_round_trip_per_tick(redis_url: str) -> None:
    process = RedisPresence(redis_url)
    client = redis.Redis.from_url(redis_url)
    code = uuid.uuid4().hex[:6]
    before = client.info("stats")["total_commands_processed"]
    for number in range(200):
        process.joined(code, f"p{number}")
    assert client.info("stats")["total_commands_processed"] == before + 1, "a phone's join went to Redis alone"
    process.push()
    assert process.connected(code) == 200


def test_a_dead_process_drops_out_and_a_starved_one_comes_back(redis_url: str) -> None:
    alive, dead = RedisPresence(redis_url), RedisPresence(redis_url)
    code = uuid.uuid4().hex[:6]
    alive.joined(code, "p1")
    dead.joined(code, "p2")
    dead.push()  # its last tick
    assert alive.connected(code) == 2
    client = redis.Redis.from_url(redis_url)
    client.delete(dead._key(code))  # what its expiry does once it stops refreshing
    assert alive.connected(code) == 1
    client.delete(alive._key(code))  # expired while the process was starved of CPU past the TTL
    assert alive.connected(code) == 0
    alive.keep_alive()
    assert alive.connected(code) == 1
    assert client.ttl(alive._key(code)) > 0


def test_one_process_at_a_time_takes_every_process_s_changes(redis_url: str) -> None:
    client = redis.Redis.from_url(redis_url)
    client.delete(LEASE_KEY)
    first, second = RedisChanges(client, 0.05), RedisChanges(client, 0.05)
    first.results_changed(1)
    second.results_changed(2)
    second.presence_changed("ROOM")
    assert first.take() == ({1}, set())  # the lease holder: its own change (the other's is still in its process)
    first.flushed()
    assert second.take() == (set(), set())  # the lease is kept about one interval: it pushes, and leaves them
    second.flushed()
    deadline = time.monotonic() + 5
    taken: tuple[set[int], set[str]] = (set(), set())
    while time.monotonic() < deadline and not any(taken):
        time.sleep(0.02)
        taken = first.take()  # whichever process comes first after the lease takes what the other pushed
        first.flushed()
    assert taken == ({2}, {"ROOM"})
    time.sleep(0.06)
    assert second.take() == (set(), set())  # taken once, by one process
    second.flushed()
