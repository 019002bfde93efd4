"""Small builders for service tests: a room with a brainstorm, participants, op ids."""
from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import select

from workshop.models import Activity
from workshop.services import agenda, clustering, contributions
from workshop.services.context import ServiceContext
from workshop.services.event_templates import create_event_from_template
from workshop.services.events import CreatedEvent, create_event, find_room
from workshop.services.participants import Joined, join_room, update_profile


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
        room_id = find_room(session, code).id
    return Room(ctx, event, code, room_id)


def rooms_of(ctx, created):  # type: ignore[no-untyped-def]
    with ctx.db.read() as session:
        found = []
        for _name, code in created.rooms:
            room = find_room(session, code)
            agenda_ = list(session.scalars(select(Activity).where(Activity.room_id == room.id).order_by(Activity.position)))
            found.append((room.id, room.code, room.kind, [(a.id, a.type, dict(a.config)) for a in agenda_]))
        return found


def run_workshop(ctx, room_id: int, code: str, activities: list, ideas_by_cluster: dict[str, list[str]],  # type: ignore[no-untyped-def]
                 scores: dict[str, int], tags: dict[str, str] | None = None):
    """Brainstorm, cluster, score the clusters, reveal: a thematic workshop in a few calls."""
    brainstorm, scoring = activities[1][0], activities[3][0]
    agenda.set_phase(ctx, room_id=room_id, activity_id=brainstorm, phase="open")
    phone = join_room(ctx, code=code, token=None)
    if tags:
        update_profile(ctx, phone, pseudonym=None, tags=tags, op_id=op())
    cluster_ids = {}
    for label, texts in ideas_by_cluster.items():
        ids = [contributions.submit_idea(ctx, phone, activity_id=brainstorm, text=text, op_id=op())["idea_id"]
               for text in texts]
        cluster_ids[label] = clustering.create_cluster(ctx, room_id=room_id, activity_id=brainstorm, label=label,
                                                       idea_ids=ids, actor="console")["cluster_id"]
    agenda.set_phase(ctx, room_id=room_id, activity_id=brainstorm, phase="closed")
    agenda.set_phase(ctx, room_id=room_id, activity_id=scoring, phase="open")
    for voter in range(3):
        voter_phone = join_room(ctx, code=code, token=None)
        allocations = [{"target_id": cluster_ids[label], "criterion": criterion, "points": score}
                       for label, score in scores.items() for criterion in ("impact", "faisabilite", "urgence", "alignement")]
        contributions.cast_votes(ctx, voter_phone, activity_id=scoring, allocations=allocations, op_id=op())
    agenda.set_phase(ctx, room_id=room_id, activity_id=scoring, phase="closed")
    agenda.set_phase(ctx, room_id=room_id, activity_id=scoring, phase="revealed")
    return brainstorm, cluster_ids


def national_meeting(ctx):  # type: ignore[no-untyped-def]
    """A national event from the template whose two workshops brainstormed, clustered and scored."""
    created = create_event_from_template(ctx, template="sni", title="Rencontre nationale SNI 2026")
    rooms = rooms_of(ctx, created)
    health_room, education_room = rooms[1], rooms[2]
    first = run_workshop(ctx, health_room[0], health_room[1], health_room[3],
                         {"Accès aux soins": ["Hôpital refuse sans papiers", "AMO pour tous"],
                          "Papiers": ["Carte de séjour trop chère"]}, {"Accès aux soins": 5, "Papiers": 3})
    second = run_workshop(ctx, education_room[0], education_room[1], education_room[3],
                          {"Scolarisation": ["Inscription sans acte de naissance"], "Santé à l'école": ["Infirmerie"]},
                          {"Scolarisation": 4, "Santé à l'école": 2})
    return created, rooms, first, second
