"""Ready-made events: « Rencontre nationale SNI » and « Rencontre régionale SRI », each with a working agenda.

Texts are marked with ``N_`` for extraction and translated when the event is created, in the language of
the person creating it: the agenda is the room's content from then on, editable like any other.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ..domain.errors import DomainError
from .agenda import create_activity_in
from .capacities import questionnaire_in
from ..domain.vocabulary import N_
from .context import ServiceContext
from .events import CreatedEvent, create_event, find_room


@dataclass(frozen=True)
class ActivitySpec:
    type: str
    prompt: str
    config: dict[str, Any] = field(default_factory=dict)
    source: int | None = None  # index, in the same room's agenda, of the activity whose ideas or clusters it uses


@dataclass(frozen=True)
class RoomSpec:
    name: str
    kind: str
    agenda: tuple[ActivitySpec, ...]


@dataclass(frozen=True)
class EventTemplate:
    key: str
    title: str
    scope: str
    rooms: tuple[RoomSpec, ...]
    # The event assesses organisations: its questionnaire (the OCA template) is made with it (docs/capacities.md).
    with_questionnaire: bool = False


CRITERIA_FOR_CLUSTERS = ["impact", "faisabilite", "urgence", "alignement"]

THEMATIC_WORKSHOP = (
    ActivitySpec("word_cloud", N_("In one to three words: what blocks migrant people's access to their rights?")),
    ActivitySpec("brainstorm", N_("Which problems should our advocacy tackle first? One idea per card."),
                 {"max_per_participant": 5, "max_length": 200, "live_results": True}),
    ActivitySpec("dot_voting", N_("Which clusters matter most? Spend your points."),
                 {"target": "clusters", "budget": 5, "max_per_item": 3}, source=1),
    ActivitySpec("criteria_scoring", N_("Score each cluster on the criteria."),
                 {"target": "clusters", "criteria": CRITERIA_FOR_CLUSTERS}, source=1),
    ActivitySpec("matrix", N_("Place each cluster: impact and feasibility."), {"target": "clusters"}, source=1),
)

TEMPLATES = {
    "sni": EventTemplate("sni", N_("National meeting SNI"), "national", (
        RoomSpec(N_("Plenary"), "plenary", (
            ActivitySpec("poll", N_("Which kind of organisation do you come from?"),
                         {"options": [N_("Migrant-led organisation"), N_("Association or NGO"),
                                      N_("Public institution"), N_("International organisation"),
                                      N_("Research or expertise"), N_("Other")]}),
            ActivitySpec("word_cloud", N_("In one word: what do you expect from this meeting?")),
            ActivitySpec("scale", N_("How well do public services serve migrant people today?"),
                         {"items": [N_("Health"), N_("Education"), N_("Justice")]}),
        )),
        RoomSpec(N_("Thematic workshop 1"), "workshop", THEMATIC_WORKSHOP),
        RoomSpec(N_("Thematic workshop 2"), "workshop", THEMATIC_WORKSHOP),
        RoomSpec(N_("Restitution"), "plenary", (
            ActivitySpec("points_100", N_("Share 100 points among the axes of the national strategy."),
                         {"target": "axes"}),
            ActivitySpec("criteria_scoring", N_("Score the axes on the criteria."),
                         {"target": "axes", "criteria": ["impact", "faisabilite", "urgence", "opportunite",
                                                          "valeur_ajoutee", "coalition", "risque", "alignement"]}),
        )),
    )),
    "sri": EventTemplate("sri", N_("Regional meeting SRI"), "regional", (
        RoomSpec(N_("Regional plenary"), "plenary", (
            ActivitySpec("word_cloud", N_("In one word: the first obstacle in our region?")),
            ActivitySpec("criteria_scoring", N_("Score the national axes for our region."),
                         {"target": "axes", "criteria": ["impact", "faisabilite", "urgence", "opportunite",
                                                          "alignement"]}),
        )),
        RoomSpec(N_("Regional workshop"), "workshop", (
            ActivitySpec("brainstorm", N_("What must change in the region: regional powers, actors, asks?"),
                         {"max_per_participant": 5}),
            ActivitySpec("dot_voting", N_("Which regional ideas should become axes?"),
                         {"target": "clusters", "budget": 5}, source=0),
            ActivitySpec("ranking", N_("Rank the axes for the region."), {"target": "axes"}),
        )),
    )),
    "oca": EventTemplate("oca", N_("Organisational capacity self-assessment"), "national", (
        RoomSpec(N_("Self-assessment"), "plenary", (
            ActivitySpec("questionnaire", N_("Self-assessment of our organisation's capacities: initial assessment"),
                         {"round": "initial"}),
        )),
        # The two capacity-building workshops built on the diagnosis (docs/capacity-building.md): the trainer adds
        # the pre-test and post-test quizzes; the satisfaction scale closes the day.
        *(RoomSpec(name, "training", (
            ActivitySpec("scale", N_("How useful was this workshop for your organisation?"), {}),
        )) for name in (N_("Capacity-building workshop 1"), N_("Capacity-building workshop 2"))),
    ), with_questionnaire=True),
}


def create_event_from_template(ctx: ServiceContext, *, template: object, title: object = None,
                               translate: Callable[[str], str] = lambda text: text,
                               parent_event_id: int | None = None, region: str | None = None) -> CreatedEvent:
    """Create the event, its rooms and their agendas (all in draft) in one transaction."""
    if template not in TEMPLATES:
        raise DomainError("unknown_template")
    spec = TEMPLATES[str(template)]
    with ctx.db.write() as session:
        created = create_event(
            ctx, title=title if title else translate(spec.title), room_names=[translate(room.name) for room in spec.rooms],
            room_kinds=[room.kind for room in spec.rooms], scope=spec.scope, template=spec.key,
            parent_event_id=parent_event_id, region=region, session=session)
        for room_spec, (_name, code) in zip(spec.rooms, created.rooms, strict=True):
            room = find_room(session, code)
            made: list[int] = []
            for activity in room_spec.agenda:
                config = _translated(dict(activity.config), translate)
                if activity.source is not None:
                    config["source_activity_id"] = made[activity.source]
                made.append(create_activity_in(session, ctx, room_id=room.id, type_name=activity.type,
                                               prompt=translate(activity.prompt), config=config).id)
        if spec.with_questionnaire:
            questionnaire_in(session, created.event_id, ctx.clock)
    return created


def _translated(config: dict[str, Any], translate: Callable[[str], str]) -> dict[str, Any]:
    for key in ("options", "items"):
        if key in config:
            config[key] = [translate(text) for text in config[key]]
    return config
