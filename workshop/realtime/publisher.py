"""Delivers service messages to Socket.IO rooms, and coalesces results and presence for the live screens."""
from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import Any

from flask_socketio import SocketIO

from ..services.context import ServiceContext
from ..services.journal import prune_journal
from ..services.publisher import BATCHED_LISTS, Audience, Published, ResultsChanged, ToParticipant
from ..services.state import results_snapshot
from .changes import Changes, LocalChanges
from .presence import Presence
from .rooms import audience_room, participant_room

log = logging.getLogger(__name__)

PRUNE_EVERY_SECONDS = 600  # the journal's old entries go every ten minutes (services/journal.py says which)
# The longest a batched list item (an idea for the projector) waits for others: well under the projector's
# 250 ms budget, and a burst of a thousand ideas becomes a few messages per screen instead of a thousand.
BATCH_SECONDS = 0.1
# While this process's writer has commands queued (a room's burst: a thousand ballots in a fraction of a second),
# the tick's snapshots (results and connected counts) wait, at most this long and then until the next tick:
# computing and encoding a 1,000-item vote's results in the middle of the burst only delays the burst's
# acknowledgements, and the next snapshot includes everything anyway.
BUSY_DEFER_SECONDS = 1.0


class SocketPublisher:
    """Messages go out at once; results and connected counts at most once per interval, and only when changed.

    Emitting each vote to every screen would cost O(votes × screens); a snapshot every few hundred
    milliseconds keeps the projector live at a bounded cost whatever the room does. The items of a list message
    (``BATCHED_LISTS``: new ideas) wait at most ``BATCH_SECONDS`` to go out together; any other message to the
    same audience sends them first, so each audience still sees events in the order they happened.
    """

    def __init__(self, socketio: SocketIO, presence: Presence, interval_seconds: float,
                 changes: Changes | None = None, clock: Callable[[], float] = time.monotonic) -> None:
        self.socketio = socketio
        self.presence = presence
        self.interval_seconds = interval_seconds
        # Which process sends which snapshot: this one its own (one process), or one for all (Redis, changes.py).
        self.changes: Changes = changes or LocalChanges()
        self.context: ServiceContext | None = None
        self._lock = threading.Lock()
        self._started = False
        self._batches: dict[tuple[str, str], list[Any]] = {}  # (event, socket room) -> list items waiting
        self._batch_scheduled = False
        self.clock = clock
        self._busy_since: float | None = None  # when the writer was first seen busy at a tick, since the last flush

    def publish(self, messages: list[Published]) -> None:
        for message in messages:
            if isinstance(message, ResultsChanged):
                self.changes.results_changed(message.activity_id)
                continue
            if isinstance(message, ToParticipant):
                self.socketio.emit(message.event, message.payload, to=participant_room(message.public_id))
                continue
            batched = BATCHED_LISTS.get(message.event) if self.interval_seconds > 0 else None
            for audience in message.audiences:
                room = audience_room(message.room_code, audience)
                if batched is not None:
                    self._hold(message.event, room, message.payload[batched])
                    continue
                self.send_batches(room)
                self.socketio.emit(message.event, message.payload, to=room)

    def _hold(self, event: str, room: str, items: list[Any]) -> None:
        with self._lock:
            self._batches.setdefault((event, room), []).extend(items)
            if self._batch_scheduled:
                return
            self._batch_scheduled = True
        self.socketio.start_background_task(self._send_batches_later)

    def _send_batches_later(self) -> None:
        self.socketio.sleep(BATCH_SECONDS)
        with self._lock:
            self._batch_scheduled = False  # items held from now on schedule the next send
        self.send_batches()

    def send_batches(self, room: str | None = None) -> None:
        """Send the list items held for ``room`` (every room when None), one message per event."""
        with self._lock:
            if not self._batches:
                return
            taken = [(key, self._batches.pop(key)) for key in list(self._batches) if room is None or key[1] == room]
        for (event, to_room), items in taken:
            self.socketio.emit(event, {BATCHED_LISTS[event]: items}, to=to_room)

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
                self.flush_unless_busy()
                if ticks % 20 == 0:
                    self.presence.keep_alive()
                if self.context is not None and ticks % max(1, round(PRUNE_EVERY_SECONDS / self.interval_seconds)) == 0:
                    prune_journal(self.context)
            except Exception:  # the loop must outlive one bad snapshot
                log.exception("results broadcast failed")

    def flush_unless_busy(self) -> bool:
        """``flush``, unless the writer has commands queued now and has had them at every tick since the last
        flush for less than ``BUSY_DEFER_SECONDS``; True when it flushed."""
        writer = self.context.writer if self.context is not None else None
        if writer is not None and writer.pending > 0:
            now = self.clock()
            if self._busy_since is None:
                self._busy_since = now
            if now - self._busy_since < BUSY_DEFER_SECONDS:
                return False
        self._busy_since = None
        self.flush()
        return True

    def flush(self) -> None:
        """Send what changed since the last flush (tests call this directly)."""
        self.presence.push()  # before the changed rooms: whoever counts them sees this process's phones
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
            # Every audience that may see them in one emit: python-socketio encodes the payload once for all the
            # rooms it is given (a thousand ideas on the wall are 130 KB of JSON, four times a second).
            shown_to = [audience_room(snapshot.room_code, Audience.MODERATORS)]
            if snapshot.public:
                shown_to.append(audience_room(snapshot.room_code, Audience.SCREENS))
            if snapshot.revealed:  # phones see results only once revealed
                shown_to.append(audience_room(snapshot.room_code, Audience.PARTICIPANTS))
            self.socketio.emit("results_updated", payload, to=shown_to)
            if not snapshot.public:  # hidden results: the projector still counts what came in
                self.socketio.emit("received_updated", {"activity_id": snapshot.activity_id,
                                                        "received": snapshot.received},
                                   to=audience_room(snapshot.room_code, Audience.SCREENS))
