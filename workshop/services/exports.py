"""The room as data: the JSON export of docs/events.md, read in one snapshot."""
from __future__ import annotations

from typing import Any

from sqlalchemy import select

from ..models import Ballot, Participant, Vote
from ..models.activities import activities_of_room
from ..models.contributions import ideas_of_activity
from .context import ServiceContext
from .events import find_room
from .state import compute_results


def export_room(ctx: ServiceContext, code: str, *, include_hidden: bool = True) -> dict[str, Any]:
    """Every activity of a room with its ideas, votes and results; participants appear only as opaque ids."""
    with ctx.db.read() as session:
        room = find_room(session, code)
        public_ids = dict(session.execute(select(Participant.id, Participant.public_id)
                                          .where(Participant.room_id == room.id)).all())
        activities = []
        for activity in session.scalars(activities_of_room(room.id)):
            ideas = [
                {"id": idea.id, "op_id": idea.op_id, "text": idea.text, "hidden": idea.hidden,
                 "approved": idea.approved, "merged_into": idea.merged_into_id,
                 "participant": public_ids.get(idea.participant_id), "created_at": idea.created_at.isoformat() + "Z"}
                for idea in session.scalars(ideas_of_activity(activity.id))
                if include_hidden or not idea.hidden
            ]
            # One query for the whole activity (not one per ballot); a scored criterion travels with its points.
            votes = [
                {"participant": public_ids.get(participant_id), "target_id": target_id, "points": points}
                | ({"criterion": criterion} if criterion else {})
                for participant_id, target_id, criterion, points in session.execute(
                    select(Ballot.participant_id, Vote.target_id, Vote.criterion, Vote.points)
                    .join(Vote, Vote.ballot_id == Ballot.id).where(Ballot.activity_id == activity.id)
                    .order_by(Ballot.id, Vote.target_id, Vote.criterion))
            ]
            activities.append({
                "id": activity.id, "type": activity.type, "prompt": activity.prompt, "phase": activity.phase,
                "position": activity.position, "config": dict(activity.config), "ideas": ideas, "votes": votes,
                "results": compute_results(session, activity),
            })
        return {
            "room": {"code": room.code, "name": room.name, "event": {"id": room.event.id, "title": room.event.title},
                     "participants": len(public_ids)},
            "activities": activities,
        }
