"""Reconnecting phones share one encoded activity list, and it follows every change of the vote's items."""
from .conftest import op, received


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


def _targets(state, activity_id):  # type: ignore[no-untyped-def]
    return [item["id"] for item in next(a for a in state["activities"] if a["id"] == activity_id)["targets"]]


def test_every_phone_gets_the_same_items_and_they_follow_moderation_and_new_ideas(connect, room) -> None:
    command, author, brainstorm, voting, ideas = _vote(connect, room)
    first, second = (received(connect(code=room["code"], role="participant"), "room_state")[0] for _ in range(2))
    assert _targets(first, voting) == _targets(second, voting) == ideas
    assert first["activities"] == second["activities"] and first["participant"] != second["participant"]

    command("hide_idea", idea_id=ideas[1])
    after_hide = received(connect(code=room["code"], role="participant"), "room_state")[0]
    assert _targets(after_hide, voting) == [ideas[0], ideas[2]]

    another = author.emit("submit_idea", {"activity_id": brainstorm, "text": "Une de plus", "op_id": op()}, callback=True)
    assert another["ok"] is True, another
    after_idea = received(connect(code=room["code"], role="participant"), "room_state")[0]
    assert _targets(after_idea, voting) == [ideas[0], ideas[2], another["idea_id"]]

    command("set_phase", activity_id=voting, phase="closed")
    closed = received(connect(code=room["code"], role="participant"), "room_state")[0]
    assert next(a for a in closed["activities"] if a["id"] == voting)["phase"] == "closed"


def _activity(state, activity_id):  # type: ignore[no-untyped-def]
    return next(a for a in state["activities"] if a["id"] == activity_id)


def test_a_phone_that_holds_the_item_list_reconnects_without_it_until_the_list_changes(connect, room) -> None:
    command, author, brainstorm, voting, ideas = _vote(connect, room)
    phone = connect(code=room["code"], role="participant")
    first = received(phone, "room_state")[0]
    version = _activity(first, voting)["targets_version"]
    token = first["participant_token"]
    holding = {str(voting): version}

    again = received(connect(code=room["code"], role="participant", token=token, item_lists=holding), "room_state")[0]
    assert "targets" not in _activity(again, voting) and _activity(again, voting)["targets_version"] == version
    assert again["participant"] == first["participant"]
    # Nothing held, another version, or a malformed claim: the list comes whole.
    for claim in (None, {str(voting): "0000"}, {str(voting): ["x"]}, "all", {str(brainstorm): version}):
        auth = {"code": room["code"], "role": "participant", "token": token} | ({"item_lists": claim} if claim else {})
        assert _targets(received(connect(**auth), "room_state")[0], voting) == ideas

    command("hide_idea", idea_id=ideas[1])  # the list changes: its version too, and the old one no longer holds
    after_hide = received(connect(code=room["code"], role="participant", token=token, item_lists=holding),
                          "room_state")[0]
    assert _targets(after_hide, voting) == [ideas[0], ideas[2]]
    changed = _activity(after_hide, voting)["targets_version"]
    assert changed != version
    # The phones that stayed connected heard of the new list with its version (activity_changed).
    heard = [change["activity"] for change in received(phone, "activity_changed") if change["activity"]["id"] == voting]
    assert heard and heard[-1]["targets_version"] == changed and [t["id"] for t in heard[-1]["targets"]] == [ideas[0], ideas[2]]
