"""A vote's item list travels once per phone per version: phones get its version in ``room_state`` and
``activity_changed``, and fetch the list itself over HTTP (gzip, cached for good), which follows every change."""
import gzip
import json

import pytest

from .conftest import op, received


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path):  # type: ignore[no-untyped-def]
    """Both engines: a SQLite server answers from its room cache, PostgreSQL reads the list's fingerprint each time."""
    if request.param == "postgresql":
        from ..engines import create_database

        return create_database(request.getfixturevalue("postgresql_url"))
    return f"sqlite:///{tmp_path / 'instance' / 'workshop.db'}"


def _vote(connect, room):  # type: ignore[no-untyped-def]
    moderator = connect(code=room["code"], role="moderator", token=room["token"])
    author = connect(code=room["code"], role="participant")

    def command(name, **data):  # type: ignore[no-untyped-def]
        ack = moderator.emit(name, {**data, "op_id": op()}, callback=True)
        assert ack["ok"] is True, ack
        return ack

    brainstorm = command("create_activity", type="brainstorm", prompt="Idées ?", config={"max_per_participant": 10})
    command("set_phase", activity_id=brainstorm["activity_id"], phase="open")
    ideas = [author.emit("submit_idea", {"activity_id": brainstorm["activity_id"], "text": f"Idée {n}", "op_id": op()},
                         callback=True)["idea_id"] for n in range(3)]
    voting = command("create_activity", type="dot_voting", prompt="Priorités ?",
                     config={"source_activity_id": brainstorm["activity_id"], "budget": 3, "max_per_item": 3})
    command("set_phase", activity_id=voting["activity_id"], phase="open")
    return command, author, brainstorm["activity_id"], voting["activity_id"], ideas


def _activity(state, activity_id):  # type: ignore[no-untyped-def]
    return next(a for a in state["activities"] if a["id"] == activity_id)


def _fetch(app, code, activity_id, version, gzipped=True):  # type: ignore[no-untyped-def]
    headers = {"Accept-Encoding": "gzip, deflate, br"} if gzipped else {"Accept-Encoding": "identity"}
    return app.test_client().get(f"/p/{code}/activities/{activity_id}/items/{version}", headers=headers)


def _listed(response):  # type: ignore[no-untyped-def]
    """The ids of a fetched list (the body is gzip as sent on the wire)."""
    assert response.status_code == 200, response.data
    assert response.headers["Content-Encoding"] == "gzip"
    answer = json.loads(gzip.decompress(response.data))
    return answer["targets_version"], [item["id"] for item in answer["targets"]]


def _phone_version(connect, room, voting):  # type: ignore[no-untyped-def]
    state = received(connect(code=room["code"], role="participant"), "room_state")[0]
    assert "targets" not in _activity(state, voting)
    return _activity(state, voting)["targets_version"]


def test_phones_get_the_version_and_fetch_the_list_once_per_version_screens_get_the_list(connect, room, app) -> None:
    command, author, brainstorm, voting, ideas = _vote(connect, room)
    phone, screen = connect(code=room["code"], role="participant"), connect(code=room["code"], role="screen")
    first, second = received(phone, "room_state")[0], received(connect(code=room["code"], role="participant"),
                                                               "room_state")[0]
    assert first["activities"] == second["activities"] and first["participant"] != second["participant"]
    version = _activity(first, voting)["targets_version"]
    assert "targets" not in _activity(first, voting)
    assert [item["id"] for item in _activity(received(screen, "room_state")[0], voting)["targets"]] == ideas

    response = _fetch(app, room["code"], voting, version)
    assert _listed(response) == (version, ideas)
    assert response.headers["Cache-Control"].startswith("public, max-age=") and "immutable" in response.headers[
        "Cache-Control"]
    assert response.headers["Vary"] == "Accept-Encoding"
    plain = _fetch(app, room["code"], voting, version, gzipped=False)
    assert "Content-Encoding" not in plain.headers and json.loads(plain.data)["targets_version"] == version
    # Made once for every phone of this process: the same bytes object answers the next phone.
    kept = app.extensions["workshop"].db.shared["item_lists"][voting]
    _fetch(app, room["code"], voting, version)
    assert app.extensions["workshop"].db.shared["item_lists"][voting] is kept and kept.gzipped is kept.gzipped

    # Closing and revealing the vote: phones hear of it, with the same version and without the list.
    for phase in ("closed", "revealed"):
        command("set_phase", activity_id=voting, phase=phase)
    heard = [change["activity"] for change in received(phone, "activity_changed") if change["activity"]["id"] == voting]
    assert [change["phase"] for change in heard] == ["closed", "revealed"]
    assert all(change["targets_version"] == version and "targets" not in change for change in heard)
    shown = [change["activity"] for change in received(screen, "activity_changed") if change["activity"]["id"] == voting]
    assert [[item["id"] for item in change["targets"]] for change in shown] == [ideas, ideas]


def test_a_changed_list_gets_a_new_version_and_the_old_one_is_refused(connect, room, app) -> None:
    command, author, brainstorm, voting, ideas = _vote(connect, room)
    phone = connect(code=room["code"], role="participant")
    version = _activity(received(phone, "room_state")[0], voting)["targets_version"]

    command("hide_idea", idea_id=ideas[1])  # hidden: a new version, and the old one no longer served
    hidden = _phone_version(connect, room, voting)
    assert hidden != version
    assert _listed(_fetch(app, room["code"], voting, hidden)) == (hidden, [ideas[0], ideas[2]])
    stale = _fetch(app, room["code"], voting, version)
    assert stale.status_code == 404 and stale.headers["Cache-Control"] == "no-store"
    assert stale.json["error"]["code"] == "item_list_changed" and stale.json["current_version"] == hidden
    assert "Idée 1" not in stale.get_data(as_text=True)
    # The phones that stayed connected heard of the new version (activity_changed), without the list.
    heard = [change["activity"] for change in received(phone, "activity_changed") if change["activity"]["id"] == voting]
    assert heard and heard[-1]["targets_version"] == hidden and "targets" not in heard[-1]

    added = author.emit("submit_idea", {"activity_id": brainstorm, "text": "Une de plus", "op_id": op()}, callback=True)
    assert added["ok"] is True, added
    grown = _phone_version(connect, room, voting)
    assert grown not in (version, hidden)
    assert _listed(_fetch(app, room["code"], voting, grown)) == (grown, [ideas[0], ideas[2], added["idea_id"]])

    # Reopened: the same items keep their version (a phone holding it fetches nothing); changed items do not.
    command("set_phase", activity_id=voting, phase="closed")
    command("set_phase", activity_id=voting, phase="open")
    assert _phone_version(connect, room, voting) == grown
    command("set_phase", activity_id=voting, phase="closed")
    command("restore_idea", idea_id=ideas[1])
    received(phone, "activity_changed")
    command("set_phase", activity_id=voting, phase="open")
    reopened = [change["activity"] for change in received(phone, "activity_changed") if change["activity"]["id"] == voting]
    assert reopened[-1]["phase"] == "open" and reopened[-1]["targets_version"] not in (version, hidden, grown)
    assert _listed(_fetch(app, room["code"], voting, reopened[-1]["targets_version"]))[1] == [*ideas, added["idea_id"]]


def test_the_route_refuses_what_phones_do_not_see(connect, room, app) -> None:
    from workshop.services.events import create_event

    command, author, brainstorm, voting, ideas = _vote(connect, room)
    version = _phone_version(connect, room, voting)
    draft = command("create_activity", type="dot_voting", prompt="Brouillon ?",
                    config={"source_activity_id": brainstorm, "budget": 3, "max_per_item": 3})["activity_id"]
    console = received(connect(code=room["code"], role="moderator", token=room["token"]), "room_state")[0]
    draft_version = _activity(console, draft)["targets_version"]
    other = create_event(app.extensions["workshop"], title="Autre", room_names=["Salle"]).rooms[0][1]
    for code, activity_id, asked, status, error in (
            (room["code"], draft, draft_version, 404, "unknown_activity"),  # a draft is the moderator's business
            (room["code"], brainstorm, version, 404, "unknown_activity"),  # no list to vote on
            (room["code"], 999_999, version, 404, "unknown_activity"),
            (other, voting, version, 404, "unknown_activity"),  # another room's vote
            ("ZZZZZZ", voting, version, 404, "unknown_room"),
            (room["code"], voting, "0000000000000000", 404, "item_list_changed")):
        response = _fetch(app, code, activity_id, asked)
        assert (response.status_code, response.json["error"]["code"]) == (status, error), (code, activity_id, response.json)
        assert response.json["error"]["message"] and "Idée" not in response.get_data(as_text=True)
    assert _listed(_fetch(app, room["code"], voting, version))[1] == ideas


def test_wrong_join_codes_on_the_route_spend_the_address_budget(connect, room, app) -> None:
    command, author, brainstorm, voting, ideas = _vote(connect, room)
    version = _phone_version(connect, room, voting)
    statuses = [_fetch(app, "QQQQQQ", voting, version).status_code for _ in range(30)]
    assert statuses[0] == 404 and 429 in statuses  # guessing codes through the list route is budgeted too
    refused = _fetch(app, room["code"], voting, version)
    assert refused.status_code == 429 and refused.json["error"]["code"] == "too_many_attempts"
    assert "Idée" not in refused.get_data(as_text=True)
