"""Results kept from each committed ballot or idea are the results recomputed from the database, whatever happens between.

A random room (ideas added, ballots valid and refused, replaced and emptied, ideas hidden and restored, profiles
changed, activities closed and reopened, the server restarted) goes through the group-commit writer, which applies
each committed ballot or idea to the kept input; after every step the kept results must equal ``compute_results`` read from the database.
"""
from __future__ import annotations

import random
from dataclasses import replace

import pytest

from sqlalchemy import delete, insert, update

from workshop.models import Activity, Idea, Participant
from workshop.services import agenda, contributions, room_cache
from workshop.services.participants import update_profile
from workshop.services.results_state import kept_people, live_results
from workshop.services.state import compute_results
from workshop.services.writer import GroupCommitWriter

from .helpers import make_room, op
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


def test_the_people_kept_for_results_follow_joins_and_profiles_across_changes_of_phase(ctx) -> None:
    """The room's people (public ids, profile tags) are kept apart from the activity's input, which a change of phase
    reads again: a phone that joined since, and a profile changed since, must be in them as the database has them."""
    if not ctx.db.is_sqlite:
        pytest.skip("results are kept in the process on SQLite only (one server process)")
    grouped = replace(ctx, writer=GroupCommitWriter(ctx.db))
    room = make_room(grouped)
    brainstorm = room.activity("brainstorm")
    early = room.participant()
    idea = contributions.submit_idea(grouped, early, activity_id=brainstorm, text="Accès aux soins", op_id=op())
    vote = room.activity("dot_voting", config={"source_activity_id": brainstorm, "budget": 5, "max_per_item": 3})

    def people_after_a_change_of_phase(phase: str) -> dict:  # type: ignore[type-arg]
        agenda.set_phase(grouped, room_id=room.room_id, activity_id=vote, phase=phase)  # the input is read again
        kept, recomputed = _compare(grouped, vote)
        assert kept == recomputed
        with ctx.db.read() as session:
            return kept_people(session, room.room_id)

    assert set(people_after_a_change_of_phase("closed")) == {early.participant_id}  # read, and kept
    late = room.participant()  # joins through the hot path
    assert people_after_a_change_of_phase("open")[late.participant_id] == (late.public_id, {})
    tags = {"region": "oriental", "sex": "femme"}
    update_profile(grouped, late, pseudonym=None, tags=tags, op_id=op())  # through the ORM
    contributions.cast_votes(grouped, late, activity_id=vote, allocations=[{"target_id": idea["idea_id"], "points": 2}],
                             op_id=op())
    assert people_after_a_change_of_phase("closed")[late.participant_id] == (late.public_id, tags)


def test_any_delete_and_any_change_to_participants_move_the_participants_version(ctx) -> None:
    """A room deleted takes its participants with it (the database's cascade, no statement on participants), and
    SQLite may give a later room the same id: any DELETE moves the version the room's people are kept under."""
    if not ctx.db.is_sqlite:
        pytest.skip("the room cache is SQLite's (one server process)")
    room = make_room(replace(ctx, writer=GroupCommitWriter(ctx.db)))  # the writer keeps the room cache
    cache = room_cache.cache_of_engine(ctx.db.engine)
    for change in (delete(Idea).where(Idea.id == -1),  # deletes nothing: the statement is what counts
                   update(Participant).where(Participant.room_id == room.room_id).values(pseudonym="Amina"),
                   insert(Participant).values(room_id=room.room_id, public_id="p_inserted", token_hash="x" * 64,
                                              tags={})):
        before = cache.participants_version
        with ctx.db.write() as session:
            session.execute(change)
        assert cache.participants_version >= before + 2, change  # when it runs, and when its transaction ends
    before = cache.participants_version
    room.participant()  # through the hot path
    assert cache.participants_version >= before + 2
    before = cache.participants_version
    with ctx.db.write() as session:
        session.execute(update(Activity).where(Activity.id == -1).values(prompt="x"))
    assert cache.participants_version == before  # a change of phase or of an activity keeps the people
