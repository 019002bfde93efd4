"""How services tell the room what changed, after commit, without knowing about sockets."""
from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, Protocol


class Audience(StrEnum):
    MODERATORS = "moderators"
    SCREENS = "screens"
    PARTICIPANTS = "participants"


@dataclass(frozen=True)
class Message:
    """One past-tense fact for some of a room's audiences; different audiences may get different payloads."""

    event: str
    room_code: str
    audiences: frozenset[Audience]
    payload: dict[str, Any]


def to(*audiences: Audience) -> frozenset[Audience]:
    return frozenset(audiences)


EVERYONE = to(Audience.MODERATORS, Audience.SCREENS, Audience.PARTICIPANTS)


class Publisher(Protocol):
    def publish(self, messages: list[Message]) -> None:
        """Deliver messages; called only after the transaction that produced them committed."""

    def results_changed(self, room_code: str, activity_id: int) -> None:
        """Note that an activity's results moved; delivery is coalesced by the publisher."""


@dataclass
class RecordingPublisher:
    """Keeps what would have been sent; the publisher of service tests and of the command line."""

    messages: list[Message] = field(default_factory=list)
    dirty_results: list[tuple[str, int]] = field(default_factory=list)

    def publish(self, messages: list[Message]) -> None:
        self.messages.extend(messages)

    def results_changed(self, room_code: str, activity_id: int) -> None:
        self.dirty_results.append((room_code, activity_id))

    def events(self, name: str) -> list[Message]:
        return [message for message in self.messages if message.event == name]
