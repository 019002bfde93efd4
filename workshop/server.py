"""Serving the room from one process: gevent's WSGI server, tuned for a thousand phones on one core."""
from __future__ import annotations

import logging
import socket

from flask import Flask

log = logging.getLogger(__name__)

# Werkzeug's backlog of 128 turns a 1,000-phone reconnect storm into a 15 s wait.
LISTEN_BACKLOG = 2048


def serve(app: Flask, host: str, port: int) -> None:
    """Serve until interrupted. Requires ``gevent.monkey.patch_all()`` to have run first (the CLI does it)."""
    from gevent import socket as gevent_socket
    from gevent.pywsgi import WSGIHandler, WSGIServer

    class NoDelayHandler(WSGIHandler):
        # Without TCP_NODELAY a broadcast followed by an ack to one phone waits ~40 ms on Nagle's algorithm.
        def __init__(self, sock, address, server, rfile=None):  # type: ignore[no-untyped-def]
            try:
                sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            except OSError:
                pass
            super().__init__(sock, address, server, rfile)

        def run_application(self):  # type: ignore[no-untyped-def]
            super().run_application()
            # simple-websocket has consumed the socket: reading it again as HTTP would log garbage.
            if self.environ.get("HTTP_UPGRADE", "").lower() == "websocket":
                self.close_connection = True

    listener = gevent_socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind((host, port))
    listener.listen(LISTEN_BACKLOG)
    server = WSGIServer(listener, app, handler_class=NoDelayHandler, log=None, error_log=log)
    server.serve_forever()
