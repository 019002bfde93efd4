"""The moderator's hand on the idea wall: hide, restore, approve, merge."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..activities import activity_type
from ..domain.errors import DomainError
from ..domain.numbers import checked_id
from ..models import Activity, Idea, Participant, Room
from ..models.activities import activities_of_room
from .agenda import MODERATOR, activity_changed
from .items import depends_on
from .context import ServiceContext
from .operations import run_once
from .publisher import Audience, Message, Published, ResultsChanged, ToParticipant, to
from .views import idea_view

MAX_MERGE = 50


def _room_idea(session: Session, room_id: int, idea_id: object) -> Idea:
    idea_id = checked_id(idea_id, field="idea_id", unknown="unknown_idea")
    idea = session.get(Idea, idea_id)
    if idea is None:
        raise DomainError("unknown_idea", idea_id=idea_id)
    activity = session.get(Activity, idea.activity_id)
    if activity is None or activity.room_id != room_id:
        raise DomainError("unknown_idea", idea_id=idea_id)
    return idea


def _idea_messages(session: Session, room: Room, ideas: list[Idea]) -> list[Published]:
    """Moderators get the full idea; screens get it with ``on_wall`` so they add or drop the card."""
    messages: list[Published] = []
    authors = dict(session.execute(select(Participant.id, Participant.public_id).where(
        Participant.id.in_({idea.participant_id for idea in ideas if idea.participant_id}))).all())
    for idea in ideas:
        moderator_view = idea_view(idea, participant_public_id=authors.get(idea.participant_id), for_moderator=True)
        public_view = idea_view(idea, participant_public_id=None, for_moderator=False) | {"on_wall": idea.on_wall}
        messages.append(Message("idea_changed", room.code, to(Audience.MODERATORS), {"idea": moderator_view}))
        messages.append(Message("idea_changed", room.code, to(Audience.SCREENS), {"idea": public_view}))
        author = authors.get(idea.participant_id)
        if author is not None:  # the author's phone says « masquée par l'animation » instead of « Envoyé »
            messages.append(ToParticipant("my_idea_changed", room.code, author, {"idea": {
                "id": idea.id, "activity_id": idea.activity_id, "hidden": idea.hidden, "approved": idea.approved}}))
    # Votes on these ideas now have other items (phones need the new list) and other results.
    activity_ids = {idea.activity_id for idea in ideas}
    for activity in session.scalars(activities_of_room(room.id)):
        if activity.id in activity_ids:
            messages.append(ResultsChanged(room.code, activity.id))
        elif any(depends_on(activity, source) for source in activity_ids):
            messages.extend(activity_changed(session, room, activity))
            messages.append(ResultsChanged(room.code, activity.id))
    return messages


def _moderate(ctx: ServiceContext, room_id: int, kind: str, op_id: object,
              change: Callable[[Session], list[Idea]]) -> dict[str, Any]:
    def work(session: Session) -> tuple[dict[str, Any], list[Published]]:
        room = session.get(Room, room_id)
        if room is None:
            raise DomainError("unknown_room")
        ideas = change(session)
        session.flush()
        return {"ok": True}, _idea_messages(session, room, ideas)

    return run_once(ctx, op_id=op_id, actor=MODERATOR, kind=kind, room_id=room_id, work=work, rate_limited=False)


def hide_idea(ctx: ServiceContext, *, room_id: int, idea_id: object, op_id: object = None) -> dict[str, Any]:
    """Take an idea off the projector and out of votes; it stays in the record."""
    def change(session: Session) -> list[Idea]:
        idea = _room_idea(session, room_id, idea_id)
        idea.hidden = True
        return [idea]
    return _moderate(ctx, room_id, "hide_idea", op_id, change)


def restore_idea(ctx: ServiceContext, *, room_id: int, idea_id: object, op_id: object = None) -> dict[str, Any]:
    """Put a hidden idea back."""
    def change(session: Session) -> list[Idea]:
        idea = _room_idea(session, room_id, idea_id)
        idea.hidden = False
        return [idea]
    return _moderate(ctx, room_id, "restore_idea", op_id, change)


def approve_idea(ctx: ServiceContext, *, room_id: int, idea_id: object, op_id: object = None) -> dict[str, Any]:
    """Let a pre-moderated idea reach the projector."""
    def change(session: Session) -> list[Idea]:
        idea = _room_idea(session, room_id, idea_id)
        idea.approved = True
        return [idea]
    return _moderate(ctx, room_id, "approve_idea", op_id, change)


def merge_ideas(ctx: ServiceContext, *, room_id: int, target_id: object, source_ids: object,
                op_id: object = None) -> dict[str, Any]:
    """Fold duplicates into one card: their texts stay attached and their votes count for the target."""
    if not isinstance(source_ids, list) or not source_ids or len(source_ids) > MAX_MERGE:
        raise DomainError("invalid_type", field="source_ids", expected="list")

    def change(session: Session) -> list[Idea]:
        target = _room_idea(session, room_id, target_id)
        if target.merged_into_id is not None:
            raise DomainError("idea_already_merged", idea_id=target.id)
        sources = [_room_idea(session, room_id, source_id) for source_id in source_ids]
        changed = [target]
        for source in sources:
            if source.id == target.id:
                raise DomainError("merge_into_itself", idea_id=target.id)
            if source.activity_id != target.activity_id:
                raise DomainError("merge_across_activities")
            # Ideas already merged into the source follow it, so merges never chain.
            followers = list(session.scalars(select(Idea).where(Idea.merged_into_id == source.id)))
            for follower in followers:
                follower.merged_into_id = target.id
            source.merged_into_id = target.id
            changed.extend([source, *followers])
        return changed
    return _moderate(ctx, room_id, "merge_ideas", op_id, change)


def unmerge_idea(ctx: ServiceContext, *, room_id: int, idea_id: object, op_id: object = None) -> dict[str, Any]:
    """Give a merged idea its own card again."""
    def change(session: Session) -> list[Idea]:
        idea = _room_idea(session, room_id, idea_id)
        if idea.merged_into_id is None:
            raise DomainError("idea_not_merged", idea_id=idea.id)
        idea.merged_into_id = None
        return [idea]
    return _moderate(ctx, room_id, "unmerge_idea", op_id, change)
