"""Issue 7 against the real server process (gevent, websocket): a phone that floods does not stall the others,
and a refused connection says why in the documented ``{code, message}`` shape."""
from __future__ import annotations

import threading
from typing import Any

import pytest
import requests
import socketio

from .conftest import LiveServer
from .test_live_room import Phone, Room, ok, op

pytestmark = pytest.mark.e2e

FLOOD = 3000  # what one hostile phone queued at once in the probe (an honest phone then waited 7 s)


def test_an_honest_phone_gets_its_ack_while_another_floods(live_server: LiveServer) -> None:
    room = Room(live_server)
    brainstorm = room.activity("brainstorm", "Vos priorités ?")
    honest = Phone(live_server, room.code).connect()
    flooder = Phone(live_server, room.code).connect()
    acks: list[Any] = []
    lock = threading.Lock()

    def count(*args: Any) -> None:
        with lock:
            acks.append(args[0] if args else None)

    sent = 0
    for index in range(FLOOD):  # no waiting between them: the whole flood is on the wire at once
        try:
            flooder.sio.emit("submit_idea", {"activity_id": brainstorm, "text": f"flood {index}", "op_id": op("flood")},
                             callback=count)
        except socketio.exceptions.SocketIOError:
            break  # the server already closed the flooder's connection
        sent += 1
    # While the flood is being read, the honest phone's idea is acknowledged (Phone.call fails after its timeout).
    assert ok(honest.call("submit_idea", {"activity_id": brainstorm, "text": "Accès aux soins", "op_id": op()},
                          timeout=10))["approved"] is True
    assert requests.get(f"{live_server.url}/", timeout=10).status_code == 200
    flooder.disconnected.wait(10)
    codes = {(ack or {}).get("error", {}).get("code") for ack in acks if not (ack or {}).get("ok")}
    # Refused in memory, cheaply: rate_limited, never an error of the database or of the server.
    assert codes <= {"rate_limited", "too_many_ideas"}, codes
    assert "rate_limited" in codes
    assert flooder.disconnected.is_set()  # it kept sending after being refused: the server closed it
    stored = [idea for activity in room.export()["activities"] for idea in activity.get("ideas", [])]
    assert len(stored) <= 1 + 30  # the honest idea and at most one burst of the flooder's
    honest.close()
    room.moderator.close()


def test_a_refused_connection_says_why_as_code_and_message(live_server: LiveServer) -> None:
    client = socketio.Client(reconnection=False)
    refused: list[Any] = []
    client.on("connect_error", lambda data=None: refused.append(data))
    with pytest.raises(socketio.exceptions.ConnectionError):
        client.connect(live_server.url, auth={"code": "ZZZZZZ", "role": "participant", "lang": "en"},
                       transports=["websocket"], wait_timeout=10)
    # Socket.IO's connect_error: the message, and the data the pages read (``error.data``): {code, message}.
    message = "No room has this code. Check the code on the screen."
    assert refused == [{"message": message, "data": {"code": "unknown_room", "message": message}}]
