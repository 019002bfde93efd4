"""The reference of the benchmark of record: a bare python-socketio gevent server, no database, no Flask.

    python -m tests.bench.bare --port 5055

It serves the same load generator (``tests.bench.load``) as the product, so it answers what the scenario waits
for and nothing more: every event is counted and acknowledged at once (a catch-all handler); ``room_state`` on
connect (with the phone's identity, kept in memory for reconnects, and the ideas counted so far as the item
list a reconnecting phone of a vote gets); ``idea_submitted`` to the screens before the ack of an idea, and
``activity_changed`` to everyone on ``set_phase``, because the scenario times those.

The transport is the product's (gevent's WSGI server with TCP_NODELAY and a 2,048 backlog, the same ping
settings, the same text-only packets, the same garbage-collector tuning): the ratio of the two then measures
the application, not the server's plumbing.
"""
from __future__ import annotations

import argparse
import gc
import itertools
import secrets
from typing import Any


def build(sio_module: Any, text_packet: type, redis_url: str | None = None) -> Any:
    # With several processes (tests.bench.scale), broadcasts go through Redis like the product's.
    manager = sio_module.RedisManager(redis_url) if redis_url else None
    sio = sio_module.Server(async_mode="gevent", ping_interval=10, ping_timeout=20, serializer=text_packet,
                            max_http_buffer_size=64 * 1024, client_manager=manager)
    identities: dict[str, str] = {}  # token -> public id
    ideas: list[dict[str, Any]] = []
    counter = itertools.count(1)
    acks = [0]

    @sio.event
    def connect(sid: str, _environ: dict[str, Any], auth: dict[str, Any] | None = None) -> None:
        auth = auth or {}
        role = auth.get("role", "participant")
        sio.enter_room(sid, role)
        state: dict[str, Any] = {"role": role, "items": ideas}
        if role == "participant":
            token = auth.get("token")
            if token not in identities:
                token = secrets.token_urlsafe(24)
                identities[token] = "p_" + secrets.token_hex(6)
            state = {"role": role, "participant": {"id": identities[token]}, "participant_token": token,
                     "items": ideas}
        sio.emit("room_state", state, to=sid, ignore_queue=True)  # as the product: this connection is local

    @sio.on("*")
    def any_event(event: str, _sid: str, data: Any = None) -> dict[str, Any]:
        acks[0] += 1
        number = next(counter)
        if event == "submit_idea" and isinstance(data, dict):
            idea = {"id": number, "text": data.get("text")}
            ideas.append(idea)
            sio.emit("idea_submitted", {"idea": idea}, to="screen")
            return {"ok": True, "idea_id": number, "approved": True}
        if event == "set_phase" and isinstance(data, dict):
            sio.emit("activity_changed", {"activity": {"id": data.get("activity_id"), "phase": data.get("phase")}})
        return {"ok": True, "activity_id": number, "count": acks[0]}

    return sio


def main() -> None:
    from gevent import monkey

    monkey.patch_all()
    import socketio

    from workshop.realtime.transport import TextPacket
    from workshop.server import serve

    parser = argparse.ArgumentParser(prog="python -m tests.bench.bare")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--redis", help="message queue between several bare processes")
    args = parser.parse_args()

    def health(environ: dict[str, Any], start_response: Any) -> list[bytes]:
        start_response("200 OK", [("Content-Type", "text/plain")])
        return [b"ok"]

    app = socketio.WSGIApp(build(socketio, TextPacket, args.redis), health)
    gc.collect()
    gc.freeze()
    gc.set_threshold(50_000, 50, 1000)
    serve(app, "127.0.0.1", args.port)  # type: ignore[arg-type]


if __name__ == "__main__":
    main()
