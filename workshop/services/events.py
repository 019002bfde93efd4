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
from ..models import Event, Room, Strategy
from ..models.events import room_by_code
from .access import issue_credential
from .context import ServiceContext

_rng = secrets.SystemRandom()


@dataclass(frozen=True)
class CreatedEvent:
    event_id: int
    title: str
    rooms: list[tuple[str, str]]  # (name, code)
    moderator_token: str  # opens every room of the event and its pages (strategy, event documents)
    room_tokens: tuple[str, ...] = ()  # one per room, in ``rooms`` order: that room's console only


def _unused_code(session: Session) -> str:
    while True:
        code = generate_join_code(_rng)
        if session.scalar(room_by_code(code)) is None:
            return code


def create_event(ctx: ServiceContext, *, title: object, room_names: list[object],
                 room_kinds: list[str] | None = None, scope: str = "national", template: str | None = None,
                 parent_event_id: int | None = None, region: str | None = None,
                 session: Session | None = None) -> CreatedEvent:
    """Create an event with its rooms, its strategy (SNI, or SRI declining a parent SNI) and a moderator token.

    With ``session`` the event is created inside the caller's transaction (templates, declination, import).
    """
    clean_title = checked_text(title, max_length=200, field="title")
    if not room_names:
        raise DomainError("rooms_required")
    names = [checked_text(name, max_length=200, field="room") for name in room_names]
    if len(names) > 20:
        raise DomainError("too_many_rooms", maximum=20)
    kinds = room_kinds or ["workshop"] * len(names)
    if session is None:
        with ctx.db.write() as own_session:
            return create_event(ctx, title=clean_title, room_names=list(names), room_kinds=kinds, scope=scope,
                                template=template, parent_event_id=parent_event_id, region=region,
                                session=own_session)
    event = Event(title=clean_title, scope=scope, template=template, created_at=ctx.clock())
    session.add(event)
    session.flush()
    rooms = []
    room_ids = []
    for position, (name, kind) in enumerate(zip(names, kinds, strict=True)):
        room = Room(event_id=event.id, name=name, code=_unused_code(session), position=position, kind=kind)
        session.add(room)
        session.flush()
        rooms.append((room.name, room.code))
        room_ids.append(room.id)
    parent_strategy_id = None
    if scope == "regional":
        if parent_event_id is None:
            raise DomainError("no_strategy")
        parent = session.scalar(select(Strategy).where(Strategy.event_id == parent_event_id))
        if parent is None or parent.kind != "sni":
            raise DomainError("no_strategy")
        parent_strategy_id = parent.id
    session.add(Strategy(event_id=event.id, kind="sri" if scope == "regional" else "sni", title=clean_title,
                         region=region, parent_strategy_id=parent_strategy_id, created_at=ctx.clock()))
    token = issue_credential(session, event_id=event.id, label=f"event {event.id}")
    room_tokens = tuple(issue_credential(session, event_id=event.id, room_id=room_id, label=f"room {code}")
                        for room_id, code in zip(room_ids, (code for _name, code in rooms), strict=True))
    return CreatedEvent(event_id=event.id, title=event.title, rooms=rooms, moderator_token=token,
                        room_tokens=room_tokens)


def find_room(session: Session, code: object) -> Room:
    """The room with this join code (typed loosely by people), or ``unknown_room``."""
    if not isinstance(code, str):
        raise DomainError("unknown_room")
    room = session.scalar(room_by_code(normalize_join_code(code)[:6]))
    if room is None:
        raise DomainError("unknown_room")
    return room


def list_events(ctx: ServiceContext, event_ids: frozenset[int] | None,
                room_ids: frozenset[int] = frozenset()) -> list[dict[str, Any]]:
    """Events with their rooms, newest first; ``event_ids`` None means all of them. ``room_ids`` adds rooms one may
    moderate on their own (a facilitator's link): their event is listed with those rooms only."""
    with ctx.db.read() as session:
        query = select(Event).order_by(Event.id.desc())
        if event_ids is not None:
            room_events = set(session.scalars(select(Room.event_id).where(Room.id.in_(room_ids)))) if room_ids else set()
            query = query.where(Event.id.in_(set(event_ids) | room_events))
        return [
            {"id": event.id, "title": event.title,
             "rooms": [{"name": room.name, "code": room.code} for room in event.rooms
                       if event_ids is None or event.id in event_ids or room.id in room_ids]}
            for event in session.scalars(query)
        ]
