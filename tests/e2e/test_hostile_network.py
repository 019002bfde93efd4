"""Issue 7 against the real server process (gevent, websocket): a phone that floods does not stall the others,
and a refused connection says why in the documented ``{code, message}`` shape."""
from __future__ import annotations

import threading
from typing import Any

import pytest
import requests
import socketio
import websocket

from workshop.config import Settings
from workshop.realtime.guard import Limits

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


def test_one_phone_s_ideas_are_handled_one_after_the_other_in_the_order_sent(live_server: LiveServer) -> None:
    """Ideas and ballots run in the greenlet that read them off the phone's connection (realtime/guard.py): a
    phone that sends a dozen at once never has more than one in hand, so none is refused for too many in flight
    (``Limits.in_flight``), and they are committed in the order sent."""
    limits, settings = Limits(), Settings()  # the server runs with the defaults
    sent = limits.in_flight + 4
    assert sent <= min(settings.socket_burst, settings.rate_limit_count)  # refused for nothing but too many in flight
    room = Room(live_server)
    brainstorm = room.activity("brainstorm", "Vos priorités ?", {"max_per_participant": sent})
    phone = Phone(live_server, room.code).connect()
    acks: list[Any] = [None] * sent
    answered = threading.Semaphore(0)

    def keep(index: int) -> Any:
        def on_ack(*args: Any) -> None:
            acks[index] = args[0] if args else None
            answered.release()
        return on_ack

    for index in range(sent):  # no waiting between them: all on the wire before the first commit
        phone.sio.emit("submit_idea", {"activity_id": brainstorm, "text": f"Idée {index}", "op_id": op()},
                       callback=keep(index))
    for _ in range(sent):
        assert answered.acquire(timeout=15)
    assert [ok(ack)["approved"] for ack in acks] == [True] * sent, acks
    ids = [ack["idea_id"] for ack in acks]
    assert ids == sorted(ids)  # committed in the order sent
    stored = [idea["text"] for activity in room.export()["activities"] for idea in activity.get("ideas", [])]
    assert stored == [f"Idée {index}" for index in range(sent)]
    phone.close()
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


def test_a_page_of_another_origin_cannot_open_the_socket(live_server: LiveServer) -> None:
    endpoint = f"ws://127.0.0.1:{live_server.port}/socket.io/?EIO=4&transport=websocket"
    for origin in (f"http://evil.example:{live_server.port}", "http://127.0.0.1:1"):  # DNS rebinding; another port
        with pytest.raises(websocket.WebSocketBadStatusException):
            websocket.create_connection(endpoint, origin=origin, timeout=10)
    own = websocket.create_connection(endpoint, origin=live_server.url, timeout=10)
    assert own.recv().startswith("0{")  # Engine.IO's open packet
    own.close()
    assert requests.get(f"{live_server.url}/", headers={"Host": "evil.example"}, timeout=10).status_code == 400


def test_a_half_open_request_is_closed(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Headers that never end: the server closes the connection instead of holding it for ever."""
    import socket as sockets

    instance = tmp_path / "instance"
    instance.mkdir()
    server = LiveServer(instance=instance, extra_env={"WORKSHOP_HEADER_TIMEOUT_SECONDS": "2"})
    server.workshop("migrate")
    server.start()
    try:
        with sockets.create_connection(("127.0.0.1", server.port), timeout=30) as half_open:
            half_open.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n")  # and never the blank line
            assert half_open.recv(1024) == b""  # closed by the server, well within the test's 30 s
        assert requests.get(f"{server.url}/", timeout=10).status_code == 200  # honest requests are unaffected
        assert "Traceback" not in server.log_path.read_text()
    finally:
        server.stop()


MALFORMED_FRAMES = [
    "42[", '42["submit_idea",', "42{}", '42"x"', "42[1,2,3]", "4", "49", "4x", "42/nope,[\"a\"]",
    '451-["cast_votes",{"_placeholder":true,"num":0}]',  # announces a binary attachment, then sends text
    '42["submit_idea",' + "[" * 5000 + "]" * 5000 + "]",  # nesting deeper than any JSON parser's default
    '42["submit_idea",{"activity_id":1e999}]', '42["submit_idea",NaN]', '42["' + "x" * 1000 + '"]',
    "40/admin,", "41", "43", "44", "6", "5", "\x00\xff",
]


def test_malformed_frames_leave_no_traceback(live_server: LiveServer) -> None:
    """Frames no Socket.IO client would send, straight on the websocket: the server logs no traceback and goes on."""
    room = live_server.create_event()["rooms"][0]
    endpoint = f"ws://127.0.0.1:{live_server.port}/socket.io/?EIO=4&transport=websocket"
    for frame in MALFORMED_FRAMES:
        raw = websocket.create_connection(endpoint, origin=live_server.url, timeout=10)
        raw.recv()  # open
        raw.send('40{"code":"%s","role":"participant"}' % room["code"])
        try:
            raw.recv()
            raw.send(frame)
            raw.send("3")  # a pong: keeps the exchange going if the frame was ignored
        except websocket.WebSocketException:
            pass  # the server closed the connection: what it does with a frame it cannot read
        finally:
            raw.close()
    phone = Phone(live_server, room["code"]).connect()
    assert phone.call("update_profile", {"tags": {}, "op_id": op()}, timeout=10)["ok"] is True
    phone.close()
    log = live_server.log_path.read_text()
    assert "Traceback" not in log, log[-3000:]
