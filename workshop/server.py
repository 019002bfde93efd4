"""Serving the room from one process: gevent's WSGI server, tuned for a thousand phones on one core."""
from __future__ import annotations

import logging
import socket

from flask import Flask

log = logging.getLogger(__name__)

# Werkzeug's backlog of 128 turns a 1,000-phone reconnect storm into a 15 s wait.
LISTEN_BACKLOG = 2048
_BAD_REQUEST = b"HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n"


def serve(app: Flask, host: str, port: int, header_timeout: float = 20) -> None:
    """Serve until interrupted. Requires ``gevent.monkey.patch_all()`` to have run first (the CLI does it).

    ``header_timeout``: seconds a connection has to send its request line and headers (each request of a
    kept-alive connection too).
    """
    from gevent import socket as gevent_socket
    from gevent.pywsgi import WSGIHandler, WSGIServer

    class NoDelayHandler(WSGIHandler):
        # Without TCP_NODELAY a broadcast followed by an ack to one phone waits ~40 ms on Nagle's algorithm.
        def __init__(self, sock, address, server, rfile=None):  # type: ignore[no-untyped-def]
            try:
                sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            except OSError:
                pass
            # A connection that sends its request line and headers slowly, or never, is closed after this: half-open
            # requests would otherwise hold a greenlet and a socket each for ever (a cheap way to exhaust them).
            sock.settimeout(header_timeout)
            super().__init__(sock, address, server, rfile)

        def run_application(self):  # type: ignore[no-untyped-def]
            # The application itself has no read deadline: a websocket lives for the whole workshop.
            self.socket.settimeout(None)
            try:
                super().run_application()
            finally:
                if self.socket is not None:
                    self.socket.settimeout(header_timeout)  # the next request of a kept-alive connection
            # simple-websocket has consumed the socket: reading it again as HTTP would log garbage.
            if self.environ.get("HTTP_UPGRADE", "").lower() == "websocket":
                self.close_connection = True

        def _handle_client_error(self, ex):  # type: ignore[no-untyped-def]
            # gevent prints a traceback and the client's address; one line without the address is enough.
            if isinstance(ex, TimeoutError):
                return None  # headers never came: close without an answer
            log.info("invalid HTTP request: %s", type(ex).__name__)
            return ("400", _BAD_REQUEST)

    listener = gevent_socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind((host, port))
    listener.listen(LISTEN_BACKLOG)
    server = WSGIServer(listener, app, handler_class=NoDelayHandler, log=None, error_log=log)
    server.serve_forever()
