"""On PostgreSQL, results kept in a process and brought up to date from the rows written since (any process's) are
the results recomputed from the database, whatever happens between (services/results_state_pg.py)."""
from __future__ import annotations

import random
from dataclasses import replace

import pytest

from workshop.db import Database
from workshop.models import Activity
from workshop.services.results_state_pg import live_results
from workshop.services.state import compute_results, received_count
from workshop.services.writer import GroupCommitWriter

from .helpers import make_room
from .random_room import random_room


@pytest.mark.parametrize("seed", range(4))
def test_kept_results_follow_every_process_s_commands(ctx, settings, seed: int) -> None:
    if ctx.db.is_sqlite:
        pytest.skip("PostgreSQL's kept results (SQLite's: tests/services/test_results_state.py)")
    rng = random.Random(seed)
    # Groups of one shown (min_group_size 1): the results then depend on every profile's tags too.
    ctx = replace(ctx, db=Database(settings.database_url, min_group_size=1))
    first = replace(ctx, writer=GroupCommitWriter(ctx.db))  # the process that sends the snapshots
    other_db = Database(settings.database_url, min_group_size=1)
    second = replace(ctx, db=other_db, writer=GroupCommitWriter(other_db))  # another process, writing too
    try:
        room = random_room(first, make_room(first), rng, ideas_per_phone=50)

        def restart() -> None:  # the first process restarts: what it kept is gone, the database stays
            ctx.db.shared["pg_results"].clear()

        incremental = 0
        for _step in range(50):
            room.step(rng, rng.choice([first, second]), restart)
            for activity_id in room.activities:
                before = ctx.db.shared["pg_results"].get(activity_id)
                with ctx.db.read() as session:
                    activity = session.get(Activity, activity_id)
                    kept = live_results(session, activity)
                    assert kept is not None, "nothing kept: the test would compare the recomputation with itself"
                    assert kept == (compute_results(session, activity), received_count(session, activity))
                if before is not None and ctx.db.shared["pg_results"].get(activity_id) is before:
                    incremental += 1
        assert incremental > 20, "the kept input was read in full at every step: nothing was brought up to date"
    finally:
        other_db.dispose()
        ctx.db.dispose()
