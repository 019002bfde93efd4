"""One random command in a room with a brainstorm, a dot vote on its ideas and a poll: the property tests of the
results kept in a process (SQLite's and PostgreSQL's) drive the same room and compare with the recomputation."""
from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field

from workshop.domain.errors import DomainError
from workshop.domain.profiles import PROFILE_TAGS
from workshop.services import agenda, contributions, moderation
from workshop.services.context import ServiceContext
from workshop.services.participants import Joined, update_profile

from .helpers import Room, op


@dataclass
class RandomRoom:
    room: Room
    brainstorm: int
    vote: int
    poll: int
    phones: list[Joined]
    ideas: list[int]
    hidden: set[int] = field(default_factory=set)

    @property
    def activities(self) -> tuple[int, int, int]:
        return self.vote, self.poll, self.brainstorm

    def step(self, rng: random.Random, by: ServiceContext, restart: Callable[[], None]) -> None:
        """Ideas added, ballots valid and refused, replaced and emptied, ideas hidden and restored, profiles changed,
        a phone joining mid-vote, activities closed and reopened, or ``restart`` (the process's caches gone)."""
        action, phone, room = rng.random(), rng.choice(self.phones), self.room
        try:
            if action < 0.1:  # the brainstorm stays open: new ideas to vote on, and its own results follow
                self.ideas.append(contributions.submit_idea(by, phone, activity_id=self.brainstorm, op_id=op(),
                                                            text=f"Idée {len(self.ideas)}")["idea_id"])
            elif action < 0.45:
                allocations = [{"target_id": rng.choice(self.ideas + [999_999]), "points": rng.randint(1, 3)}
                               for _ in range(rng.randint(0, 3))]
                contributions.cast_votes(by, phone, activity_id=self.vote, allocations=allocations, op_id=op())
            elif action < 0.65:
                choices = rng.sample(range(3), rng.randint(0, 2))
                contributions.cast_votes(by, phone, activity_id=self.poll, op_id=op(),
                                         allocations=[{"target_id": choice, "points": 1} for choice in choices])
            elif action < 0.73:
                idea = rng.choice(self.ideas)
                if idea in self.hidden:
                    moderation.restore_idea(by, room_id=room.room_id, idea_id=idea)
                    self.hidden.discard(idea)
                else:
                    moderation.hide_idea(by, room_id=room.room_id, idea_id=idea)
                    self.hidden.add(idea)
            elif action < 0.8:
                update_profile(by, phone, pseudonym=None, op_id=op(), tags={
                    key: rng.choice(values) for key, values in PROFILE_TAGS.items() if rng.random() < 0.7})
            elif action < 0.85:
                self.phones.append(room.participant())  # a phone that joins mid-vote: unknown to the kept input
            elif action < 0.92:
                target = rng.choice(self.activities)
                agenda.set_phase(by, room_id=room.room_id, activity_id=target, phase="closed")
                agenda.set_phase(by, room_id=room.room_id, activity_id=target, phase="open")
            else:
                restart()
        except DomainError:
            pass  # refused ballots (unknown or hidden item, over budget) change nothing, kept or recomputed


def random_room(by: ServiceContext, room: Room, rng: random.Random, *, ideas_per_phone: int = 5) -> RandomRoom:
    """Six phones, eight ideas, a dot vote on them and a poll of three options, all open."""
    brainstorm = room.activity("brainstorm", config={"max_per_participant": ideas_per_phone})
    phones = [room.participant() for _ in range(6)]
    ideas = [contributions.submit_idea(by, rng.choice(phones), activity_id=brainstorm, text=f"Idée {index}",
                                       op_id=op())["idea_id"] for index in range(8)]
    vote = room.activity("dot_voting", config={"source_activity_id": brainstorm, "budget": 5, "max_per_item": 3})
    poll = room.activity("poll", config={"options": ["Oui", "Non", "Peut-être"], "multiple": True, "max_choices": 2})
    return RandomRoom(room, brainstorm, vote, poll, phones, ideas)
