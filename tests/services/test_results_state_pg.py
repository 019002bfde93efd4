"""On PostgreSQL, results kept in a process and brought up to date from the rows written since (any process's) are
the results recomputed from the database, whatever happens between (services/results_state_pg.py)."""
from __future__ import annotations

import random
from dataclasses import replace

import pytest

from workshop.db import Database
from workshop.domain.errors import DomainError
from workshop.domain.profiles import PROFILE_TAGS
from workshop.models import Activity
from workshop.services import agenda, contributions, moderation
from workshop.services.participants import update_profile
from workshop.services.results_state_pg import live_results
from workshop.services.state import compute_results, received_count
from workshop.services.writer import GroupCommitWriter

from .helpers import make_room, op


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
        room = make_room(first)
        brainstorm = room.activity("brainstorm", config={"max_per_participant": 50})
        phones = [room.participant() for _ in range(6)]
        ideas = [contributions.submit_idea(rng.choice([first, second]), rng.choice(phones), activity_id=brainstorm,
                                           text=f"Idée {index}", op_id=op())["idea_id"] for index in range(8)]
        vote = room.activity("dot_voting", config={"source_activity_id": brainstorm, "budget": 5, "max_per_item": 3})
        poll = room.activity("poll", config={"options": ["Oui", "Non", "Peut-être"], "multiple": True,
                                             "max_choices": 2})
        hidden: set[int] = set()
        incremental = 0
        for _step in range(50):
            action = rng.random()
            phone = rng.choice(phones)
            by = rng.choice([first, second])
            try:
                if action < 0.12:  # the brainstorm stays open: its own results follow its ideas
                    ideas.append(contributions.submit_idea(by, phone, activity_id=brainstorm, op_id=op(),
                                                           text=f"Idée {len(ideas)}")["idea_id"])
                elif action < 0.45:
                    allocations = [{"target_id": rng.choice(ideas + [999_999]), "points": rng.randint(1, 3)}
                                   for _ in range(rng.randint(0, 3))]
                    contributions.cast_votes(by, phone, activity_id=vote, allocations=allocations, op_id=op())
                elif action < 0.65:
                    choices = rng.sample(range(3), rng.randint(0, 2))
                    contributions.cast_votes(by, phone, activity_id=poll, op_id=op(),
                                             allocations=[{"target_id": choice, "points": 1} for choice in choices])
                elif action < 0.73:
                    idea = rng.choice(ideas)
                    if idea in hidden:
                        moderation.restore_idea(by, room_id=room.room_id, idea_id=idea)
                        hidden.discard(idea)
                    else:
                        moderation.hide_idea(by, room_id=room.room_id, idea_id=idea)
                        hidden.add(idea)
                elif action < 0.8:
                    update_profile(by, phone, pseudonym=None, op_id=op(), tags={
                        key: rng.choice(values) for key, values in PROFILE_TAGS.items() if rng.random() < 0.7})
                elif action < 0.86:
                    phones.append(room.participant())  # a phone that joins mid-vote: unknown to the kept input
                elif action < 0.93:
                    target = rng.choice([vote, poll, brainstorm])
                    agenda.set_phase(by, room_id=room.room_id, activity_id=target, phase="closed")
                    agenda.set_phase(by, room_id=room.room_id, activity_id=target, phase="open")
                else:  # the first process restarts: what it kept is gone, the database stays
                    ctx.db.shared["pg_results"].clear()
            except DomainError:
                pass  # refused ballots (unknown or hidden item, over budget) change nothing
            for activity_id in (vote, poll, brainstorm):
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
