"""A room's venue facts in the console: its name (in several languages) broadcast to its pages, and the head-count
the moderator expects.

The renaming itself is ``identity.rename_room(session, code, name=None, theme=None, versions=None)``, the one place a
room is renamed (the console's ``edit_room`` and the command line's ``edit-room`` both call it).
"""
from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from ..domain.errors import DomainError
from ..models import Room
from .context import ServiceContext
from .identity import rename_room
from .operations import run_once
from .publisher import EVERYONE, Audience, Message, Published, to

MAX_EXPECTED_COUNT = 5000


def room_identity(room: Room) -> dict[str, Any]:
    return {"code": room.code, "name": room.name, "theme": room.theme, "kind": room.kind, "event_id": room.event_id,
            "versions": dict(room.versions or {})}


def rename_room_command(ctx: ServiceContext, *, room_id: int, name: object = None, theme: object = None,
                        versions: object = None, op_id: object = None) -> dict[str, Any]:
    """The console's rename (socket ``edit_room``): every screen and phone of the room hears the new name."""

    def work(session: Session) -> tuple[dict[str, Any], list[Published]]:
        room = session.get(Room, room_id)
        if room is None:
            raise DomainError("unknown_room")
        rename_room(session, room.code, name=name, theme=theme, versions=versions)
        heard = {"name": room.name, "versions": dict(room.versions or {})}
        return {"ok": True, "room": room_identity(room)}, [Message("room_changed", room.code, EVERYONE, heard)]

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
