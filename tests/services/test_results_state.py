"""Results kept from each committed ballot or idea are the results recomputed from the database, whatever happens between.

A random room (ideas added, ballots valid and refused, replaced and emptied, ideas hidden and restored, profiles
changed, activities closed and reopened, the server restarted) goes through the group-commit writer, which applies
each committed ballot or idea to the kept input; after every step the kept results must equal ``compute_results`` read from the database.
"""
from __future__ import annotations

import random
from dataclasses import replace

import pytest

from workshop.domain.errors import DomainError
from workshop.domain.profiles import PROFILE_TAGS
from workshop.models import Activity
from workshop.services import agenda, contributions, moderation, room_cache
from workshop.services.participants import update_profile
from workshop.services.results_state import live_results
from workshop.services.state import compute_results
from workshop.services.writer import GroupCommitWriter

from .helpers import make_room, op


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
    room = make_room(grouped)
    brainstorm = room.activity("brainstorm")
    phones = [room.participant() for _ in range(6)]
    ideas = [contributions.submit_idea(grouped, rng.choice(phones), activity_id=brainstorm, text=f"Idée {index}",
                                       op_id=op())["idea_id"] for index in range(8)]
    vote = room.activity("dot_voting", config={"source_activity_id": brainstorm, "budget": 5, "max_per_item": 3})
    poll = room.activity("poll", config={"options": ["Oui", "Non", "Peut-être"], "multiple": True, "max_choices": 2})
    hidden: set[int] = set()
    incremental = 0
    for _step in range(60):
        action = rng.random()
        phone = rng.choice(phones)
        try:
            if action < 0.1:  # the brainstorm stays open: new ideas to vote on, and its own results follow
                ideas.append(contributions.submit_idea(grouped, phone, activity_id=brainstorm, op_id=op(),
                                                       text=f"Idée {len(ideas)}")["idea_id"])
            elif action < 0.45:
                allocations = [{"target_id": rng.choice(ideas + [999_999]), "points": rng.randint(1, 3)}
                               for _ in range(rng.randint(0, 3))]
                contributions.cast_votes(grouped, phone, activity_id=vote, allocations=allocations, op_id=op())
            elif action < 0.65:
                choices = rng.sample(range(3), rng.randint(0, 2))
                contributions.cast_votes(grouped, phone, activity_id=poll,
                                         allocations=[{"target_id": choice, "points": 1} for choice in choices],
                                         op_id=op())
            elif action < 0.73:
                idea = rng.choice(ideas)
                if idea in hidden:
                    moderation.restore_idea(grouped, room_id=room.room_id, idea_id=idea)
                    hidden.discard(idea)
                else:
                    moderation.hide_idea(grouped, room_id=room.room_id, idea_id=idea)
                    hidden.add(idea)
            elif action < 0.8:
                update_profile(grouped, phone, pseudonym=None, op_id=op(), tags={
                    key: rng.choice(values) for key, values in PROFILE_TAGS.items() if rng.random() < 0.7})
            elif action < 0.85:
                phones.append(room.participant())  # a phone that joins mid-vote: unknown to the kept input
            elif action < 0.92:
                target = rng.choice([vote, poll, brainstorm])
                agenda.set_phase(grouped, room_id=room.room_id, activity_id=target, phase="closed")
                agenda.set_phase(grouped, room_id=room.room_id, activity_id=target, phase="open")
            else:  # a restart: the process's caches are gone, the database stays
                grouped = replace(ctx, writer=GroupCommitWriter(ctx.db))
                cache = room_cache.cache_of_engine(ctx.db.engine)
                assert cache is not None
                cache.results.clear()
                cache.values.clear()
        except DomainError:
            pass  # refused ballots (unknown or hidden item, over budget) change nothing, kept or recomputed
        for activity_id in (vote, poll, brainstorm):
            cache = room_cache.cache_of_engine(ctx.db.engine)
            before = cache.results.get(activity_id) if cache is not None else None
            kept, recomputed = _compare(grouped, activity_id)
            assert kept == recomputed
            if before is not None and cache.results.get(activity_id) is before:
                incremental += 1
    assert incremental > 20, "the kept input was read again at every step: nothing was kept from the ballots"
