"""Small builders for service tests: a room with a brainstorm, participants, op ids."""
from __future__ import annotations

import uuid
from dataclasses import dataclass

from workshop.services import agenda
from workshop.services.context import ServiceContext
from workshop.services.events import CreatedEvent, create_event
from workshop.services.participants import Joined, join_room


def op() -> str:
    return uuid.uuid4().hex


@dataclass
class Room:
    ctx: ServiceContext
    event: CreatedEvent
    code: str
    room_id: int

    def participant(self) -> Joined:
        return join_room(self.ctx, code=self.code, token=None)

    def activity(self, type_name: str, prompt: str = "Question ?", config: dict | None = None, *,
                 phase: str | None = "open") -> int:
        activity_id = agenda.create_activity(self.ctx, room_id=self.room_id, type_name=type_name, prompt=prompt,
                                             config=config or {}, op_id=op())["activity_id"]
        if phase in ("open", "closed", "revealed"):
            agenda.set_phase(self.ctx, room_id=self.room_id, activity_id=activity_id, phase="open")
        if phase in ("closed", "revealed"):
            agenda.set_phase(self.ctx, room_id=self.room_id, activity_id=activity_id, phase="closed")
        if phase == "revealed":
            agenda.set_phase(self.ctx, room_id=self.room_id, activity_id=activity_id, phase="revealed")
        return activity_id


def make_room(ctx: ServiceContext, name: str = "Plénière") -> Room:
    event = create_event(ctx, title="Rencontre nationale SNI", room_names=[name])
    code = event.rooms[0][1]
    with ctx.db.read() as session:
        from workshop.services.events import find_room

        room_id = find_room(session, code).id
    return Room(ctx, event, code, room_id)
