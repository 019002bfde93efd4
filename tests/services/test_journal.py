"""The journal forgets what replays and the rate limit no longer need, and nothing else."""
from dataclasses import replace
from datetime import timedelta

from sqlalchemy import func, select

from workshop.models import Idea, Operation
from workshop.services import agenda, contributions
from workshop.services.journal import prune_journal

from .helpers import make_room, op


def journal(ctx) -> set[str]:  # type: ignore[no-untyped-def]
    with ctx.db.read() as session:
        return set(session.scalars(select(Operation.op_id)))


def test_old_entries_of_closed_rooms_go_and_replays_in_open_rooms_still_dedupe(ctx) -> None:
    closed_room, open_room = make_room(ctx, "Atelier 1"), make_room(ctx, "Atelier 2")
    finished = closed_room.activity("brainstorm")
    running = open_room.activity("brainstorm")
    old_idea, old_open_idea = op(), op()
    phone, other = closed_room.participant(), open_room.participant()
    contributions.submit_idea(ctx, phone, activity_id=finished, text="Hier", op_id=old_idea)
    first = contributions.submit_idea(ctx, other, activity_id=running, text="Toujours ouvert", op_id=old_open_idea)
    agenda.set_phase(ctx, room_id=closed_room.room_id, activity_id=finished, phase="closed")

    later = replace(ctx, clock=lambda: ctx.clock() + timedelta(hours=ctx.settings.journal_retention_hours + 1))
    fresh = op()
    contributions.submit_idea(later, other, activity_id=running, text="Maintenant", op_id=fresh)
    before = journal(ctx)
    pruned = prune_journal(later)

    after = journal(ctx)
    assert old_idea in before and old_idea not in after, "an old entry of a room with nothing open is forgotten"
    assert {old_open_idea, fresh} <= after, "the open room keeps its entries: a phone may still replay them"
    assert pruned.deleted == len(before - after) > 0 and pruned.kept == len(after)
    again = contributions.submit_idea(later, other, activity_id=running, text="Toujours ouvert", op_id=old_open_idea)
    assert again == first
    with ctx.db.read() as session:
        assert session.scalar(select(func.count()).select_from(Idea).where(Idea.text == "Toujours ouvert")) == 1


def test_recent_entries_stay_whatever_the_room(ctx) -> None:
    room = make_room(ctx)
    brainstorm = room.activity("brainstorm")
    contributions.submit_idea(ctx, room.participant(), activity_id=brainstorm, text="Récente", op_id=op())
    agenda.set_phase(ctx, room_id=room.room_id, activity_id=brainstorm, phase="closed")
    before = journal(ctx)
    assert prune_journal(ctx).deleted == 0
    assert journal(ctx) == before
