"""Socket tests: the Flask-SocketIO test client against an app on a real SQLite file."""
from __future__ import annotations

import uuid

import pytest

from workshop.services.events import create_event


@pytest.fixture
def socketio(app):  # type: ignore[no-untyped-def]
    return app.extensions["socketio"]


@pytest.fixture
def room(app):  # type: ignore[no-untyped-def]
    created = create_event(app.extensions["workshop"], title="Rencontre nationale SNI", room_names=["Plénière"])
    return {"code": created.rooms[0][1], "token": created.moderator_token, "event_id": created.event_id}


@pytest.fixture
def connect(app, socketio):  # type: ignore[no-untyped-def]
    """Factory: connect a client with ``auth`` and return it; all are disconnected at the end."""
    clients = []

    def make(**auth):  # type: ignore[no-untyped-def]
        client = socketio.test_client(app, auth=auth, flask_test_client=app.test_client())
        clients.append(client)
        return client

    yield make
    for client in clients:
        if client.is_connected():
            client.disconnect()


def op() -> str:
    return uuid.uuid4().hex


def received(client, name: str) -> list:  # type: ignore[no-untyped-def]
    return [message["args"][0] for message in client.get_received() if message["name"] == name]
