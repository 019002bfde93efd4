"""Issue 7 §8: moderator access one can take back, and links that open what they say."""
from __future__ import annotations

import pytest

from workshop.services.access import issue_console_token
from workshop.services.events import create_event


@pytest.fixture
def event(app):  # type: ignore[no-untyped-def]
    return create_event(app.extensions["workshop"], title="Rencontre nationale SNI",
                        room_names=["Plénière", "Atelier santé"])


def signed_in(app, token: str):  # type: ignore[no-untyped-def]
    client = app.test_client()
    assert client.post("/m/login", data={"token": token}).status_code == 302
    return client


def copy_of(app, client):  # type: ignore[no-untyped-def]
    """Another browser holding a copy of ``client``'s session cookie (stolen before logout)."""
    cookie = client.get_cookie("session")
    thief = app.test_client()
    thief.set_cookie("session", cookie.value)
    return thief


def opens_console(client, code: str) -> bool:  # type: ignore[no-untyped-def]
    return client.get(f"/m/{code}").status_code == 200


def test_a_cookie_copied_before_logout_no_longer_opens_the_console(app, event) -> None:
    code = event.rooms[0][1]
    moderator = signed_in(app, event.moderator_token)
    thief = copy_of(app, moderator)
    assert opens_console(thief, code)
    moderator.post("/m/logout")
    assert not opens_console(moderator, code)
    assert thief.get(f"/m/{code}").status_code == 302  # back to the login page


def test_a_new_console_link_ends_the_sessions_of_the_previous_one(app, event) -> None:
    ctx = app.extensions["workshop"]
    before_restart = signed_in(app, issue_console_token(ctx))
    assert before_restart.get("/m/").status_code == 200
    issue_console_token(ctx)  # what `workshop run` does at each start
    assert before_restart.get("/m/").status_code == 302


def test_revoke_all_ends_every_other_session(app, event) -> None:
    code = event.rooms[0][1]
    owner = signed_in(app, issue_console_token(app.extensions["workshop"]))
    facilitator = signed_in(app, event.moderator_token)
    assert opens_console(facilitator, code)
    assert facilitator.post("/m/revoke-all").status_code == 403  # the console owner's button only
    assert owner.post("/m/revoke-all").status_code == 302
    assert not opens_console(facilitator, code)
    assert opens_console(owner, code)
    assert "Revoke all other sessions" in owner.get("/m/?lang=en").get_data(as_text=True)
    # The facilitator's link itself still works: a new session from it.
    assert opens_console(signed_in(app, event.moderator_token), code)


def test_a_room_link_opens_that_room_only(app, event) -> None:
    (_plenary, plenary), (_workshop, workshop) = event.rooms
    facilitator = signed_in(app, event.room_tokens[1])
    assert opens_console(facilitator, workshop)
    assert facilitator.get(f"/m/{plenary}").status_code == 403
    listed = facilitator.get("/m/").get_data(as_text=True)
    assert workshop in listed and plenary not in listed
    # The event's shared strategy is every room's work; the event's documents and files are the organiser's.
    assert facilitator.get(f"/m/events/{event.event_id}/strategy").status_code == 200
    assert facilitator.get(f"/m/events/{event.event_id}/download/sni").status_code == 403
    assert facilitator.get(f"/m/{workshop}/download/json").status_code == 200
    organiser = signed_in(app, event.moderator_token)
    assert opens_console(organiser, plenary) and opens_console(organiser, workshop)


def test_a_room_link_on_the_socket(app, event) -> None:
    socketio = app.extensions["socketio"]
    (_plenary, plenary), (_workshop, workshop) = event.rooms
    own = socketio.test_client(app, auth={"code": workshop, "role": "moderator", "token": event.room_tokens[1]})
    other = socketio.test_client(app, auth={"code": plenary, "role": "moderator", "token": event.room_tokens[1]})
    assert own.is_connected() and not other.is_connected()


def test_a_connected_console_stops_at_logout(app, event) -> None:
    """The socket of a console opened before logout: its next command is refused, like the next page."""
    code = event.rooms[0][1]
    browser = signed_in(app, event.moderator_token)
    console = app.extensions["socketio"].test_client(app, auth={"code": code, "role": "moderator"},
                                                     flask_test_client=browser)
    assert console.is_connected()
    assert console.emit("set_premoderation", {"enabled": True}, callback=True)["ok"] is True
    browser.post("/m/logout")
    refused = console.emit("set_premoderation", {"enabled": False}, callback=True)
    assert refused["ok"] is False and refused["error"]["code"] == "forbidden"
