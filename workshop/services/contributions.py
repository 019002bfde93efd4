"""What participants send: ideas and ballots, each checked and committed before it is acknowledged."""
from __future__ import annotations

from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from ..activities import activity_type
from ..domain.ballots import parse_allocations
from ..domain.errors import DomainError
from ..domain.phases import accepts_contributions
from ..domain.text import checked_text
from ..models import Activity, Ballot, Idea, Room, Vote
from .agenda import room_activity
from .items import votable_among
from .context import ServiceContext
from .operations import run_once
from .participants import Joined
from .publisher import Audience, Message, Published, ResultsChanged, to
from .views import idea_view

# The absolute ceiling; each activity type sets its own, lower, limit, and names it when it refuses a text.
MAX_TEXT_LENGTH = 1000
# Texts longer than this are refused before the activity is even read (a paste of a whole document).
UNREAD_TEXT_LENGTH = 20_000


def _open_activity(session: Session, joined: Joined, activity_id: object, input_kind: str) -> Activity:
    activity = room_activity(session, joined.room_id, activity_id)
    if not accepts_contributions(activity.current_phase):
        raise DomainError("activity_not_open", activity_id=activity.id)
    if activity_type(activity.type).input_kind != input_kind:
        raise DomainError("wrong_input_kind", expected=activity_type(activity.type).input_kind)
    return activity


def submit_idea(ctx: ServiceContext, joined: Joined, *, activity_id: object, text: object,
                op_id: object) -> dict[str, Any]:
    """Add one idea (or word-cloud answer); acknowledged with its id once committed."""
    clean = checked_text(text, max_length=UNREAD_TEXT_LENGTH)

    def work(session: Session) -> tuple[dict[str, Any], list[Published]]:
        activity = _open_activity(session, joined, activity_id, "idea")
        kind = activity_type(activity.type)
        already = session.scalar(select(func.count()).select_from(Idea).where(
            Idea.activity_id == activity.id, Idea.participant_id == joined.participant_id))
        # The activity's own limit first: a refusal names the 280 characters the phone showed, not the ceiling.
        kind.check_idea(activity.config, clean, already or 0)
        if len(clean) > MAX_TEXT_LENGTH:
            raise DomainError("text_too_long", field="text", max_length=MAX_TEXT_LENGTH, length=len(clean))
        room = session.get(Room, joined.room_id)
        assert room is not None
        idea = Idea(activity_id=activity.id, participant_id=joined.participant_id, op_id=str(op_id), text=clean,
                    approved=not room.premoderation, created_at=ctx.clock())
        session.add(idea)
        session.flush()
        messages: list[Published] = [Message("idea_submitted", room.code, to(Audience.MODERATORS),
                            {"idea": idea_view(idea, participant_public_id=joined.public_id, for_moderator=True)})]
        if idea.on_wall:
            messages.append(Message("idea_submitted", room.code, to(Audience.SCREENS),
                                    {"idea": idea_view(idea, participant_public_id=None, for_moderator=False)}))
        messages.append(ResultsChanged(room.code, activity.id))
        return {"ok": True, "idea_id": idea.id, "approved": idea.approved}, messages

    return run_once(ctx, op_id=op_id, actor=joined.public_id, kind="submit_idea", room_id=joined.room_id, work=work)


def cast_votes(ctx: ServiceContext, joined: Joined, *, activity_id: object, allocations: object,
               op_id: object) -> dict[str, Any]:
    """Replace this participant's ballot for the activity; checked against the budget in the same transaction."""
    parse_allocations(allocations)  # the shape every ballot shares, refused before any database work

    def work(session: Session) -> tuple[dict[str, Any], list[Published]]:
        activity = _open_activity(session, joined, activity_id, "ballot")
        kind = activity_type(activity.type)
        # The activity's own rules (keys, criteria, points, each item once), in the transaction that writes the ballot
        parsed = kind.parse_ballot(activity.config, allocations)
        targets = votable_among(session, activity, {allocation.target_id for allocation in parsed})
        kind.check_ballot(activity.config, parsed, targets)
        ballot = session.scalar(
            select(Ballot).where(Ballot.activity_id == activity.id, Ballot.participant_id == joined.participant_id)
            .with_for_update()  # PostgreSQL: two ballots of one phone queue here; SQLite's BEGIN IMMEDIATE already does
        )
        if ballot is None:
            ballot = Ballot(activity_id=activity.id, participant_id=joined.participant_id, updated_at=ctx.clock())
            session.add(ballot)
            session.flush()
        else:
            ballot.updated_at = ctx.clock()
            session.execute(delete(Vote).where(Vote.ballot_id == ballot.id))
        session.add_all(Vote(ballot_id=ballot.id, target_id=allocation.target_id, points=allocation.points,
                             criterion=allocation.criterion) for allocation in parsed)
        return {"ok": True}, [ResultsChanged(joined.room_code, activity.id)]

    return run_once(ctx, op_id=op_id, actor=joined.public_id, kind="cast_votes", room_id=joined.room_id, work=work)

