"""Cap the size of a WebSocket message where it is read, not after it has been buffered whole.

engineio checks ``max_http_buffer_size`` on a message once simple-websocket has assembled all of it, so one
phone sending a 64 MB frame makes the server hold 64 MB first. simple-websocket can cut a frame off as soon
as it passes a limit; engineio's gevent and threading drivers just never tell it the limit. This gives it.
"""
from __future__ import annotations

from typing import Any

from flask_socketio import SocketIO


def limit_websocket_messages(socketio: SocketIO, max_bytes: int) -> None:
    engine = socketio.server.eio
    base = engine._async.get("websocket")  # noqa: SLF001 (engineio keeps its driver table there)
    if base is None or getattr(base, "workshop_limited", False):
        return

    class LimitedWebSocket(base):  # type: ignore[misc, valid-type]
        workshop_limited = True

        def __init__(self, handler: Any, server: Any, **kwargs: Any) -> None:
            super().__init__(handler, server, **kwargs)
            if hasattr(self, "server_args"):  # simple-websocket drivers; gevent-websocket has no such option
                self.server_args["max_message_size"] = max_bytes

    # A copy: the driver table is shared by every engine of this process (tests build many apps).
    engine._async = dict(engine._async, websocket=LimitedWebSocket)  # noqa: SLF001
