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
