"""Results kept from each committed ballot or idea are the results recomputed from the database, whatever happens between.

A random room (ideas added, ballots valid and refused, replaced and emptied, ideas hidden and restored, profiles
changed, activities closed and reopened, the server restarted) goes through the group-commit writer, which applies
each committed ballot or idea to the kept input; after every step the kept results must equal ``compute_results`` read from the database.
"""
from __future__ import annotations

import random
from dataclasses import replace

import pytest

from workshop.models import Activity
from workshop.services import room_cache
from workshop.services.results_state import live_results
from workshop.services.state import compute_results
from workshop.services.writer import GroupCommitWriter

from .helpers import make_room
from .random_room import random_room


def _compare(ctx, activity_id: int) -> tuple[object, object]:  # type: ignore[no-untyped-def]
    """(kept results and count, recomputed results and count) read in one snapshot."""
    from workshop.services.state import received_count

    with ctx.db.read() as session:
        activity = session.get(Activity, activity_id)
        kept = live_results(session, activity)
        assert kept is not None, "the vote's input is not kept: the test would compare the recomputation with itself"
        return kept, (compute_results(session, activity), received_count(session, activity))


@pytest.mark.parametrize("seed", range(6))
def test_kept_results_equal_the_recomputed_results_after_random_commands(ctx, seed: int) -> None:
    if not ctx.db.is_sqlite:
        pytest.skip("results are kept in the process on SQLite only (one server process)")
    rng = random.Random(seed)
    grouped = replace(ctx, writer=GroupCommitWriter(ctx.db))
    room = random_room(grouped, make_room(grouped), rng)

    def restart() -> None:  # the process's caches are gone, the database stays
        nonlocal grouped
        grouped = replace(ctx, writer=GroupCommitWriter(ctx.db))
        cache = room_cache.cache_of_engine(ctx.db.engine)
        assert cache is not None
        cache.results.clear()
        cache.values.clear()

    incremental = 0
    for _step in range(60):
        room.step(rng, grouped, restart)
        for activity_id in room.activities:
            cache = room_cache.cache_of_engine(ctx.db.engine)
            before = cache.results.get(activity_id) if cache is not None else None
            kept, recomputed = _compare(grouped, activity_id)
            assert kept == recomputed
            if before is not None and cache.results.get(activity_id) is before:
                incremental += 1
    assert incremental > 20, "the kept input was read again at every step: nothing was kept from the ballots"
