"""Events and their rooms."""
from __future__ import annotations

import secrets
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain.codes import generate_join_code, normalize_join_code
from ..domain.errors import DomainError
from ..domain.text import checked_text
from ..models import Event, Room
from ..models.events import room_by_code
from .access import issue_credential
from .context import ServiceContext

_rng = secrets.SystemRandom()


@dataclass(frozen=True)
class CreatedEvent:
    event_id: int
    title: str
    rooms: list[tuple[str, str]]  # (name, code)
    moderator_token: str


def _unused_code(session: Session) -> str:
    while True:
        code = generate_join_code(_rng)
        if session.scalar(room_by_code(code)) is None:
            return code


def create_event(ctx: ServiceContext, *, title: object, room_names: list[object]) -> CreatedEvent:
    """Create an event with its rooms and a moderator token for it."""
    clean_title = checked_text(title, max_length=200, field="title")
    if not room_names:
        raise DomainError("rooms_required")
    names = [checked_text(name, max_length=200, field="room") for name in room_names]
    if len(names) > 20:
        raise DomainError("too_many_rooms", maximum=20)
    with ctx.db.write() as session:
        event = Event(title=clean_title, created_at=ctx.clock())
        session.add(event)
        session.flush()
        rooms = []
        for position, name in enumerate(names):
            room = Room(event_id=event.id, name=name, code=_unused_code(session), position=position)
            session.add(room)
            session.flush()
            rooms.append((room.name, room.code))
        token = issue_credential(session, event_id=event.id, label=f"event {event.id}")
        return CreatedEvent(event_id=event.id, title=event.title, rooms=rooms, moderator_token=token)


def find_room(session: Session, code: object) -> Room:
    """The room with this join code (typed loosely by people), or ``unknown_room``."""
    if not isinstance(code, str):
        raise DomainError("unknown_room")
    room = session.scalar(room_by_code(normalize_join_code(code)[:6]))
    if room is None:
        raise DomainError("unknown_room")
    return room


def list_events(ctx: ServiceContext, event_ids: frozenset[int] | None) -> list[dict[str, Any]]:
    """Events with their rooms, newest first; ``event_ids`` None means all of them."""
    with ctx.db.read() as session:
        query = select(Event).order_by(Event.id.desc())
        if event_ids is not None:
            query = query.where(Event.id.in_(event_ids))
        return [
            {"id": event.id, "title": event.title,
             "rooms": [{"name": room.name, "code": room.code} for room in event.rooms]}
            for event in session.scalars(query)
        ]
