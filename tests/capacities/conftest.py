"""An assessment event made from the « oca » template, with three organisations and its questionnaire open."""
from __future__ import annotations

from dataclasses import dataclass

import pytest
from sqlalchemy import select

from workshop.models import Activity
from workshop.services import agenda
from workshop.services.context import ServiceContext
from workshop.services.event_templates import create_event_from_template
from workshop.services.events import find_room
from workshop.services.organisations import add_organisation
from workshop.services.participants import Joined, join_room

ORGANISATIONS = (("Association Afrique Solidarité", "aas"), ("Voix des femmes migrantes", "vfm"),
                 ("Jeunes sans frontières", "jsf"))


@dataclass
class Assessment:
    ctx: ServiceContext
    event_id: int
    code: str
    room_id: int
    activity_id: int
    moderator_token: str

    def phone(self) -> Joined:
        return join_room(self.ctx, code=self.code, token=None)


@pytest.fixture
def assessment(ctx) -> Assessment:  # type: ignore[no-untyped-def]
    created = create_event_from_template(ctx, template="oca")
    code = created.rooms[0][1]
    for name, slug in ORGANISATIONS:
        add_organisation(ctx, event_id=created.event_id, name=name, slug=slug)
    with ctx.db.read() as session:
        room_id = find_room(session, code).id
        activity_id = session.scalar(select(Activity.id).where(Activity.room_id == room_id,
                                                               Activity.type == "questionnaire"))
    agenda.set_phase(ctx, room_id=room_id, activity_id=activity_id, phase="open")
    return Assessment(ctx, created.event_id, code, room_id, activity_id, created.moderator_token)
