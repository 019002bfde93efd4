"""Flood control for the socket, in memory, before any handler runs or any database is touched.

One hostile phone sent 10,000 ``submit_idea`` at once: each refusal went through the database and honest phones
waited seconds for their acks. The guard sits where python-socketio reads an event off a connection (``install``)
and, per connection (Engine.IO session):

- refuses event names Socket.IO reserves (``connect``, ``disconnect`` …): a client must not run those handlers;
- takes one token from a bucket (``Limits.burst`` tokens, refilled at ``Limits.per_second``): none left → the
  event is acknowledged ``rate_limited`` at once, by the reading greenlet, without a handler greenlet;
- bounds the events of one connection being handled at the same time (``Limits.in_flight``): the queue one
  phone can build is short, whatever it sends;
- disconnects a connection that keeps being refused (a second bucket, of refusals): an honest phone's outbox
  backs off after one ``rate_limited``, a flooder does not.

The phones' hot commands (``inline_events``: ideas and ballots) run in the greenlet that read them off their
connection instead of one started for each event, as python-socketio otherwise does: starting that greenlet cost
about a tenth of a ballot's CPU in a burst. Such a command waits for its batch's commit (a few milliseconds;
seconds if a long moderator job holds the writer, far below the 20 s ping timeout that would drop the phone) and
reads nothing else of that connection meanwhile, so one phone's ideas and ballots are handled one after the other,
in the order sent. That order holds among hot commands only: another command of the phone (its profile) still gets
a greenlet of its own, as everything else does (the moderator's commands, which may run for seconds); every other
phone has its own connection and greenlet.
"""
from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from socketio import packet

from ..domain.budgets import TokenBucket

log = logging.getLogger(__name__)

# Names the Socket.IO protocol and clients keep for themselves: never handlers a client may trigger.
RESERVED_EVENTS = frozenset({"connect", "connect_error", "disconnect", "disconnecting", "newListener",
                             "removeListener", "error", "ping", "pong", "message"})

ADMITTED, REFUSED, DISCONNECT = "admitted", "refused", "disconnect"


@dataclass(frozen=True)
class Limits:
    burst: int = 30  # events one connection may send at once (an outbox replay sends one at a time)
    per_second: float = 10.0  # sustained events per second per connection
    in_flight: int = 8  # events of one connection being handled at the same time
    refusals_burst: int = 200  # refusals a connection may collect at once before it is disconnected
    refusals_per_second: float = 20.0


# A moderator's console (or a facilitator's script) sends bursts an honest phone never does — a whole agenda, a
# board re-sorted — and a moderator is authenticated: the budget is ten times larger, the same mechanism.
MODERATOR_LIMITS = Limits(burst=300, per_second=100.0, in_flight=32, refusals_burst=2000, refusals_per_second=200.0)


class FloodGuard:
    """Per-connection budgets. ``admit`` before handling an event, ``done`` after, ``forget`` at disconnect;
    ``trust`` gives one connection other limits (a moderator's, once authenticated)."""

    def __init__(self, limits: Limits = Limits(), clock: Callable[[], float] = time.monotonic) -> None:
        self.limits, self.clock = limits, clock
        self._limits: dict[str, Limits] = {}
        self._events: dict[str, TokenBucket] = {}
        self._refusals: dict[str, TokenBucket] = {}
        self._in_flight: dict[str, int] = {}
        self._lock = threading.Lock()  # threading mode (tests); under gevent nothing here yields

    def trust(self, connection: str, limits: Limits) -> None:
        with self._lock:
            self._limits[connection] = limits
            self._events.pop(connection, None)
            self._refusals.pop(connection, None)

    def admit(self, connection: str) -> str:
        with self._lock:
            limits = self._limits.get(connection, self.limits)
            events = self._events.get(connection)
            if events is None:
                events = self._events[connection] = TokenBucket(limits.burst, limits.per_second, self.clock)
            busy = self._in_flight.get(connection, 0)
            if busy < limits.in_flight and events.take():
                self._in_flight[connection] = busy + 1
                return ADMITTED
            refusals = self._refusals.get(connection)
            if refusals is None:
                refusals = self._refusals[connection] = TokenBucket(limits.refusals_burst, limits.refusals_per_second,
                                                                    self.clock)
            return REFUSED if refusals.take() else DISCONNECT

    def done(self, connection: str) -> None:
        with self._lock:
            busy = self._in_flight.get(connection, 0)
            if busy > 1:
                self._in_flight[connection] = busy - 1
            else:
                self._in_flight.pop(connection, None)

    def forget(self, connection: str) -> None:
        with self._lock:
            self._limits.pop(connection, None)
            self._events.pop(connection, None)
            self._refusals.pop(connection, None)
            self._in_flight.pop(connection, None)


Refusal = Callable[[str, str], Mapping[str, Any]]  # (socket sid, error code) → the ack's payload


def install(server: Any, guard: FloodGuard, refusal: Refusal, inline_events: frozenset[str] = frozenset()) -> None:
    """Put ``guard`` in front of ``server``'s event dispatch (python-socketio ``Server``).

    ``refusal`` gives the acknowledgement of a refused event in the client's language: ``{"ok": False, "error":
    {"code", "message"}}``, the documented shape. Every refused event with an ack id gets exactly that one ack.
    """
    handle_eio_message = server._handle_eio_message  # noqa: SLF001 (where a connection's frames are decoded)
    handle_event = server._handle_event  # noqa: SLF001 (the one place an event is read off a connection)
    handle_event_internal = server._handle_event_internal  # noqa: SLF001
    handle_disconnect = server._handle_disconnect  # noqa: SLF001

    def acknowledge(eio_sid: str, namespace: str, ack_id: int | None, sid: str | None, code: str) -> None:
        if ack_id is not None:
            server._send_packet(eio_sid, server.packet_class(  # noqa: SLF001
                packet.ACK, namespace=namespace, id=ack_id, data=[dict(refusal(sid or "", code))]))

    def guarded_event(eio_sid: str, namespace: str | None, ack_id: int | None, data: list[Any]) -> None:
        namespace = namespace or "/"
        sid = server.manager.sid_from_eio_sid(eio_sid, namespace)
        event = data[0] if data else None
        if not isinstance(event, str) or event in RESERVED_EVENTS:
            log.info("refused event: reserved or invalid name")
            acknowledge(eio_sid, namespace, ack_id, sid, "invalid_payload")
            return
        if sid is None or not server.manager.is_connected(sid, namespace):
            handle_event(eio_sid, namespace, ack_id, data)  # python-socketio logs and drops it
            return
        verdict = guard.admit(eio_sid)
        if verdict == ADMITTED:
            if event in inline_events:  # in this greenlet (see the module's docstring); it calls guard.done
                try:
                    guarded_internal(server, sid, eio_sid, data, namespace, ack_id)
                except Exception:  # noqa: BLE001 - as in a greenlet of its own: logged, the connection read on
                    log.exception("event %s failed outside its handler", event)
                return
            try:
                handle_event(eio_sid, namespace, ack_id, data)
            except BaseException:
                guard.done(eio_sid)
                raise
            return
        acknowledge(eio_sid, namespace, ack_id, sid, "rate_limited")
        if verdict == DISCONNECT:
            log.warning("connection disconnected: it kept sending after being refused")
            guard.forget(eio_sid)
            server.disconnect(sid, namespace=namespace)

    def guarded_internal(target_server: Any, sid: str, eio_sid: str, data: list[Any], namespace: str,
                         ack_id: int | None) -> None:
        try:
            handle_event_internal(target_server, sid, eio_sid, data, namespace, ack_id)
        finally:
            guard.done(eio_sid)

    def guarded_disconnect(eio_sid: str, namespace: str | None, *args: Any, **kwargs: Any) -> Any:
        guard.forget(eio_sid)
        return handle_disconnect(eio_sid, namespace, *args, **kwargs)

    def guarded_message(eio_sid: str, data: Any) -> None:
        try:
            handle_eio_message(eio_sid, data)
        except (ValueError, TypeError, KeyError, IndexError, AttributeError, RecursionError) as error:
            # A frame no Socket.IO client writes (bad JSON, unknown packet type, a missing attachment): one line,
            # and the connection is closed — python-socketio would log a traceback and carry on.
            log.info("malformed Socket.IO packet refused: %s", type(error).__name__)
            guard.forget(eio_sid)
            server.eio.disconnect(eio_sid)

    server._handle_eio_message = guarded_message  # noqa: SLF001
    server.eio.on("message", guarded_message)  # Engine.IO holds the handler it was given at start, not the name
    server._handle_event = guarded_event  # noqa: SLF001
    server._handle_event_internal = guarded_internal  # noqa: SLF001
    server._handle_disconnect = guarded_disconnect  # noqa: SLF001
