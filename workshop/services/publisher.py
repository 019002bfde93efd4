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


@dataclass(frozen=True)
class ResultsChanged:
    """An activity's results moved; the publisher coalesces these into periodic snapshots."""

    room_code: str
    activity_id: int


@dataclass(frozen=True)
class ToParticipant:
    """One fact for every connection of one participant (their own idea hidden, for instance), never for others."""

    event: str
    room_code: str
    public_id: str
    payload: dict[str, Any]


Published = Message | ResultsChanged | ToParticipant

# Messages whose payload is one list (event -> the list's key) that the socket publisher may merge: the ideas of a
# burst go to the projector and the console a few per message rather than one message each (the pages take the
# list either way). A service still publishes each as it happens, with a list of one.
BATCHED_LISTS: dict[str, str] = {"ideas_submitted": "ideas"}


class PreEncoded(str):
    """A value already encoded as JSON text: the socket layer splices it into the message as it is.

    For a large part of a message that many clients receive unchanged (a vote's activity list in every
    reconnecting phone's ``room_state``): encoded once, not once per client.
    """


def to(*audiences: Audience) -> frozenset[Audience]:
    return frozenset(audiences)


EVERYONE = to(Audience.MODERATORS, Audience.SCREENS, Audience.PARTICIPANTS)


class Publisher(Protocol):
    def publish(self, messages: list[Published]) -> None:
        """Deliver messages; called only after the transaction that produced them committed."""


@dataclass
class RecordingPublisher:
    """Keeps what would have been sent; the publisher of service tests and of the command line."""

    messages: list[Message] = field(default_factory=list)
    dirty_results: list[tuple[str, int]] = field(default_factory=list)

    def publish(self, messages: list[Published]) -> None:
        for message in messages:
            if isinstance(message, ResultsChanged):
                self.dirty_results.append((message.room_code, message.activity_id))
            else:
                self.messages.append(message)

    def events(self, name: str) -> list[Message]:
        return [message for message in self.messages if message.event == name]
