"""Past one machine: two server processes behind a Redis message queue, on one PostgreSQL database."""
from __future__ import annotations

import json
import threading
import uuid
from pathlib import Path

import pytest
import socketio

from ..engines import create_database
from .conftest import LiveServer

pytestmark = pytest.mark.e2e


@pytest.fixture
def two_servers(tmp_path: Path, postgresql_url: str, redis_url: str):  # type: ignore[no-untyped-def]
    database = create_database(postgresql_url)
    servers = []
    for name in ("a", "b"):
        instance = tmp_path / name
        instance.mkdir()
        servers.append(LiveServer(instance=instance, extra_env={
            "WORKSHOP_DATABASE_URL": database, "WORKSHOP_REDIS_URL": redis_url}))
    servers[0].workshop("migrate")
    for server in servers:
        server.start()
    yield servers
    for server in servers:
        server.stop()


def test_a_screen_on_one_process_sees_ideas_sent_to_the_other(two_servers) -> None:  # type: ignore[no-untyped-def]
    first, second = two_servers
    event = first.create_event(rooms=("Plénière",))
    room = event["rooms"][0]
    moderator, screen, phone = socketio.Client(), socketio.Client(), socketio.Client()
    wall: list[dict] = []
    arrived = threading.Event()

    def on_idea(payload: dict) -> None:
        wall.extend(payload["ideas"])
        arrived.set()

    counts: list[int] = []
    two_phones = threading.Event()

    def on_presence(payload: dict) -> None:
        counts.append(payload["connected"])
        if payload["connected"] == 2:
            two_phones.set()

    screen.on("ideas_submitted", on_idea)
    screen.on("presence_changed", on_presence)
    moderator.connect(first.url, auth={"code": room["code"], "role": "moderator", "token": room["moderator_token"]},
                      transports=["websocket"])
    screen.connect(first.url, auth={"code": room["code"], "role": "screen"}, transports=["websocket"])
    phone.connect(second.url, auth={"code": room["code"], "role": "participant"}, transports=["websocket"])
    try:
        activity = moderator.call("create_activity", {"type": "brainstorm", "prompt": "Priorités ?", "config": {},
                                                      "op_id": uuid.uuid4().hex}, timeout=10)["activity_id"]
        assert moderator.call("set_phase", {"activity_id": activity, "phase": "open", "op_id": uuid.uuid4().hex},
                              timeout=10)["ok"]
        op_id = uuid.uuid4().hex
        ack = phone.call("submit_idea", {"activity_id": activity, "text": "Accès aux soins", "op_id": op_id}, timeout=10)
        assert ack["ok"], ack
        assert arrived.wait(10), "the screen on process A never heard of the idea sent to process B"
        assert [idea["text"] for idea in wall] == ["Accès aux soins"]
        # The same op_id sent to the other process is still one idea: the journal is in the shared database.
        phone_on_first = socketio.Client()
        phone_on_first.connect(first.url, auth={"code": room["code"], "role": "participant"}, transports=["websocket"])
        again = phone_on_first.call("submit_idea", {"activity_id": activity, "text": "Accès aux soins", "op_id": op_id},
                                    timeout=10)
        # One phone on each process: the count shared through Redis says two, on the screen of process A.
        assert two_phones.wait(10), counts
        phone_on_first.disconnect()
        assert again["ok"] is False and again["error"]["code"] == "invalid_op_id"  # another phone cannot reuse it
        exported = json.loads(second.workshop("export", room["code"], "--format", "json"))
        assert [idea["text"] for idea in exported["activities"][0]["ideas"]] == ["Accès aux soins"]
    finally:
        for client in (moderator, screen, phone):
            client.disconnect()
