"""A room's identity and venue facts: its name (in several languages) and the head-count the moderator expects.

``rename_room(session, code, ...)`` is the one place a room is renamed: the console's command and the command
line's ``edit-room`` both call it inside their own transaction.
"""
from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from ..domain.errors import DomainError
from ..domain.multilingual import checked_versions
from ..domain.text import checked_text
from ..models import Room
from .context import ServiceContext
from .events import find_room
from .operations import run_once
from .publisher import EVERYONE, Audience, Message, Published, to

MAX_ROOM_NAME_LENGTH = 200
MAX_THEME_LENGTH = 200
MAX_EXPECTED_COUNT = 5000


def rename_room(session: Session, code: str, name: object = None, theme: object = None,
                versions: object = None) -> Room:
    """Change what is given (name, theme, the name's versions in other languages); None leaves a value as it is."""
    room = find_room(session, code)
    if name is not None:
        room.name = checked_text(name, max_length=MAX_ROOM_NAME_LENGTH, field="name")
    if theme is not None:
        if not hasattr(Room, "theme"):  # a room's theme is the event identity's business (edit-room)
            raise DomainError("unknown_field", field="theme")
        setattr(room, "theme", checked_text(theme, max_length=MAX_THEME_LENGTH, field="theme"))
    if versions is not None:
        fields = {"name": MAX_ROOM_NAME_LENGTH} | ({"theme": MAX_THEME_LENGTH} if hasattr(Room, "theme") else {})
        room.versions = checked_versions(versions, fields)
    return room


def room_identity(room: Room) -> dict[str, Any]:
    return {"name": room.name, "versions": dict(room.versions or {})}


def rename_room_command(ctx: ServiceContext, *, room_id: int, name: object = None, versions: object = None,
                        op_id: object = None) -> dict[str, Any]:
    """The console's rename: every screen and phone of the room hears the new name."""

    def work(session: Session) -> tuple[dict[str, Any], list[Published]]:
        room = session.get(Room, room_id)
        if room is None:
            raise DomainError("unknown_room")
        rename_room(session, room.code, name=name, versions=versions)
        return {"ok": True, **room_identity(room)}, [Message("room_changed", room.code, EVERYONE, room_identity(room))]

    return run_once(ctx, op_id=op_id, actor="moderator", kind="rename_room", room_id=room_id, work=work,
                    rate_limited=False)


def set_expected_count(ctx: ServiceContext, *, room_id: int, expected: object, op_id: object = None) -> dict[str, Any]:
    """How many people the moderator expects in the room (None: not said); the console shows phones against it."""
    if expected is not None and (type(expected) is not int or not 1 <= expected <= MAX_EXPECTED_COUNT):
        raise DomainError("config_out_of_range", minimum=1, maximum=MAX_EXPECTED_COUNT)

    def work(session: Session) -> tuple[dict[str, Any], list[Published]]:
        room = session.get(Room, room_id)
        if room is None:
            raise DomainError("unknown_room")
        room.expected_count = expected
        return {"ok": True}, [Message("room_changed", room.code, to(Audience.MODERATORS),
                                      {"expected_count": expected})]

    return run_once(ctx, op_id=op_id, actor="moderator", kind="set_expected_count", room_id=room_id, work=work,
                    rate_limited=False)
