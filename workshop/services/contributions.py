"""What participants send: ideas and ballots, each checked and committed before it is acknowledged."""
from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from ..activities import activity_type
from ..domain.ballots import parse_allocations
from ..domain.errors import DomainError
from ..domain.text import checked_text
from . import hot_path
from .context import ServiceContext
from .operations import run_once
from .participants import Joined
from .publisher import Audience, Message, Published, ResultsChanged, to

# The absolute ceiling; each activity type sets its own, lower, limit, and names it when it refuses a text.
MAX_TEXT_LENGTH = 1000
# Texts longer than this are refused before the activity is even read (a paste of a whole document).
UNREAD_TEXT_LENGTH = 20_000


def submit_idea(ctx: ServiceContext, joined: Joined, *, activity_id: object, text: object,
                op_id: object) -> dict[str, Any]:
    """Add one idea (or word-cloud answer); acknowledged with its id once committed."""
    clean = checked_text(text, max_length=UNREAD_TEXT_LENGTH)

    def work(session: Session) -> tuple[dict[str, Any], list[Published]]:
        db = hot_path.connection(session)
        activity = hot_path.open_activity(db, joined.room_id, activity_id, "idea", participant_id=joined.participant_id)
        kind = activity_type(activity.type)
        # The activity's own limit first: a refusal names the 280 characters the phone showed, not the ceiling.
        kind.check_idea(activity.config, clean, hot_path.ideas_given(db, activity.id, joined.participant_id))
        if len(clean) > MAX_TEXT_LENGTH:
            raise DomainError("text_too_long", field="text", max_length=MAX_TEXT_LENGTH, length=len(clean))
        created_at, approved = ctx.clock(), not activity.premoderation
        idea_id = hot_path.add_idea(db, activity_id=activity.id, participant_id=joined.participant_id,
                                    op_id=str(op_id), text=clean, approved=approved, created_at=created_at,
                                    participant_key=joined.public_id)
        seen = {"id": idea_id, "activity_id": activity.id, "text": clean, "merged_into": None,
                "created_at": created_at.isoformat() + "Z"}  # the shape of views.idea_view, without loading the row
        messages: list[Published] = [Message("ideas_submitted", activity.room_code, to(Audience.MODERATORS), {
            "ideas": [seen | {"hidden": False, "approved": approved, "participant": joined.public_id}]})]
        if approved:  # on the wall: approved, not hidden, merged into nothing (it is new)
            messages.append(Message("ideas_submitted", activity.room_code, to(Audience.SCREENS), {"ideas": [seen]}))
        messages.append(ResultsChanged(activity.room_code, activity.id))
        return {"ok": True, "idea_id": idea_id, "approved": approved}, messages

    return run_once(ctx, op_id=op_id, actor=joined.public_id, kind="submit_idea", room_id=joined.room_id, work=work,
                    core_only=True)


def cast_votes(ctx: ServiceContext, joined: Joined, *, activity_id: object, allocations: object,
               op_id: object) -> dict[str, Any]:
    """Replace this participant's ballot for the activity; checked against the budget in the same transaction."""
    shape = parse_allocations(allocations)  # the shape every ballot shares, refused before any database work
    named = [item["target_id"] for item in shape]

    def work(session: Session) -> tuple[dict[str, Any], list[Published]]:
        db = hot_path.connection(session)
        activity = hot_path.open_activity(db, joined.room_id, activity_id, "ballot", items=named)
        kind = activity_type(activity.type)
        # The activity's own rules (keys, criteria, points, each item once), in the transaction that writes the ballot
        parsed = kind.parse_ballot(activity.config, allocations)
        targets = hot_path.votable_among(session, db, activity, {allocation.target_id for allocation in parsed})
        kind.check_ballot(activity.config, parsed, targets)
        hot_path.replace_ballot(db, activity_id=activity.id, participant_id=joined.participant_id, allocations=parsed,
                                now=ctx.clock())
        return {"ok": True}, [ResultsChanged(joined.room_code, activity.id)]

    return run_once(ctx, op_id=op_id, actor=joined.public_id, kind="cast_votes", room_id=joined.room_id, work=work,
                    core_only=True)
