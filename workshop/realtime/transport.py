"""Cap the size of a WebSocket message where it is read, not after it has been buffered whole.

engineio checks ``max_http_buffer_size`` on a message once simple-websocket has assembled all of it, so one
phone sending a 64 MB frame makes the server hold 64 MB first. simple-websocket can cut a frame off as soon
as it passes a limit; engineio's gevent and threading drivers just never tell it the limit. This gives it.
"""
from __future__ import annotations

import json
from typing import Any

import socketio
from flask_socketio import SocketIO

from ..services.publisher import PreEncoded


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


class _SplicingJSON:
    """``json`` for packets: a top-level payload value that is ``PreEncoded`` goes into the text as it is."""

    @staticmethod
    def dumps(data: Any, **options: Any) -> str:
        if (isinstance(data, list) and len(data) == 2 and isinstance(data[1], dict)
                and any(type(value) is PreEncoded for value in data[1].values())):
            parts = [json.dumps(name, **options) + ":" + (value if type(value) is PreEncoded
                                                          else json.dumps(value, **options))
                     for name, value in data[1].items()]
            return "[" + json.dumps(data[0], **options) + ",{" + ",".join(parts) + "}]"
        return json.dumps(data, **options)

    @staticmethod
    def loads(text: str | bytes, **options: Any) -> Any:
        return json.loads(text, **options)


class TextPacket(socketio.packet.Packet):
    """The app never sends bytes: skip the recursive walk of every payload looking for some.

    python-socketio checks each emitted payload for binary parts without stopping at the first answer; on a
    1,000-item ``room_state`` that was a sixth of a reconnect storm's CPU in the bench.
    """

    json = _SplicingJSON

    @classmethod
    def data_is_binary(cls, data: Any) -> bool:
        return False


def quiet_engine_errors(app: Any) -> None:
    """An Engine.IO frame that cannot be decoded at all (an unknown packet type) raises out of the websocket
    handler, and the WSGI server prints a traceback with the client's address. Here it is one line without it."""
    import logging

    log = logging.getLogger(__name__)
    inner = app.wsgi_app

    def wsgi_app(environ: dict[str, Any], start_response: Any) -> Any:
        if not environ.get("PATH_INFO", "").startswith("/socket.io"):
            return inner(environ, start_response)
        try:
            return inner(environ, start_response)
        except (ValueError, TypeError, KeyError, IndexError, UnicodeDecodeError) as error:
            log.info("malformed Engine.IO frame, connection closed: %s", type(error).__name__)
            return []

    app.wsgi_app = wsgi_app
