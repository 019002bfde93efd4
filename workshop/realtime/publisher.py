"""Delivers service messages to Socket.IO rooms, and coalesces results and presence for the live screens."""
from __future__ import annotations

import logging
import threading
from typing import Any

from flask_socketio import SocketIO

from ..services.context import ServiceContext
from ..services.journal import prune_journal
from ..services.publisher import Audience, Published, ResultsChanged, ToParticipant
from ..services.state import results_snapshot
from .changes import Changes, LocalChanges
from .presence import Presence
from .rooms import audience_room, participant_room

log = logging.getLogger(__name__)

PRUNE_EVERY_SECONDS = 600  # the journal's old entries go every ten minutes (services/journal.py says which)


class SocketPublisher:
    """Messages go out at once; results and connected counts at most once per interval, and only when changed.

    Emitting each vote to every screen would cost O(votes × screens); a snapshot every few hundred
    milliseconds keeps the projector live at a bounded cost whatever the room does.
    """

    def __init__(self, socketio: SocketIO, presence: Presence, interval_seconds: float,
                 changes: Changes | None = None) -> None:
        self.socketio = socketio
        self.presence = presence
        self.interval_seconds = interval_seconds
        # Which process sends which snapshot: this one its own (one process), or one for all (Redis, changes.py).
        self.changes: Changes = changes or LocalChanges()
        self.context: ServiceContext | None = None
        self._lock = threading.Lock()
        self._started = False

    def publish(self, messages: list[Published]) -> None:
        for message in messages:
            if isinstance(message, ResultsChanged):
                self.changes.results_changed(message.activity_id)
                continue
            if isinstance(message, ToParticipant):
                self.socketio.emit(message.event, message.payload, to=participant_room(message.public_id))
                continue
            for audience in message.audiences:
                self.socketio.emit(message.event, message.payload, to=audience_room(message.room_code, audience))

    def presence_changed(self, room_code: str) -> None:
        self.changes.presence_changed(room_code)

    def start(self) -> None:
        """Start the coalescing loop once, in the server's concurrency model; an interval of 0 leaves it to ``flush``."""
        with self._lock:
            if self._started or self.interval_seconds <= 0:
                return
            self._started = True
        self.socketio.start_background_task(self._loop)

    def _loop(self) -> None:
        ticks = 0
        while True:
            self.socketio.sleep(self.interval_seconds)
            ticks += 1
            try:
                self.flush()
                if ticks % 20 == 0:
                    self.presence.keep_alive()
                if self.context is not None and ticks % max(1, round(PRUNE_EVERY_SECONDS / self.interval_seconds)) == 0:
                    prune_journal(self.context)
            except Exception:  # the loop must outlive one bad snapshot
                log.exception("results broadcast failed")

    def flush(self) -> None:
        """Send what changed since the last flush (tests call this directly)."""
        activities, rooms = self.changes.take()
        try:
            self._send(activities, rooms)
        finally:
            self.changes.flushed()

    def _send(self, activities: set[int], rooms: set[str]) -> None:
        for code in rooms:
            payload = {"connected": self.presence.connected(code)}
            for audience in (Audience.MODERATORS, Audience.SCREENS):
                self.socketio.emit("presence_changed", payload, to=audience_room(code, audience))
        if self.context is None:
            return
        for activity_id in activities:
            snapshot = results_snapshot(self.context, activity_id)
            if snapshot is None:
                continue
            payload: dict[str, Any] = {"activity_id": snapshot.activity_id, "results": snapshot.results}
            self.socketio.emit("results_updated", payload, to=audience_room(snapshot.room_code, Audience.MODERATORS))
            if snapshot.public:
                self.socketio.emit("results_updated", payload, to=audience_room(snapshot.room_code, Audience.SCREENS))
            else:  # hidden results: the projector still counts what came in
                self.socketio.emit("received_updated", {"activity_id": snapshot.activity_id,
                                                        "received": snapshot.received},
                                   to=audience_room(snapshot.room_code, Audience.SCREENS))
            if snapshot.revealed:
                self.socketio.emit("results_updated", payload,
                                   to=audience_room(snapshot.room_code, Audience.PARTICIPANTS))
