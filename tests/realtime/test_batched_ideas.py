"""New ideas reach the projector and the console in batches of at most BATCH_SECONDS, each once, in order."""
from __future__ import annotations

import time

from workshop.realtime.publisher import BATCH_SECONDS

from .conftest import op, received


def _received_in_order(client) -> list[tuple[str, object]]:  # type: ignore[no-untyped-def]
    return [(message["name"], message["args"][0]) for message in client.get_received()]


def _open_brainstorm(moderator) -> int:  # type: ignore[no-untyped-def]
    created = moderator.emit("create_activity", {"type": "brainstorm", "prompt": "Vos priorités ?", "config": {},
                                                 "op_id": op()}, callback=True)
    assert moderator.emit("set_phase", {"activity_id": created["activity_id"], "phase": "open", "op_id": op()},
                          callback=True)["ok"]
    return created["activity_id"]


def test_a_burst_of_ideas_reaches_the_screen_in_few_messages_each_idea_once_in_order(connect, room, app) -> None:
    app.extensions["workshop"].publisher.interval_seconds = 0.25  # as served (the tests' default sends at once)
    moderator = connect(code=room["code"], role="moderator", token=room["token"])
    screen = connect(code=room["code"], role="screen")
    phones = [connect(code=room["code"], role="participant") for _ in range(6)]
    brainstorm = _open_brainstorm(moderator)
    for client in (moderator, screen):
        client.get_received()

    texts = [f"Idée {number}" for number in range(12)]
    acked = [phones[number % 6].emit("submit_idea", {"activity_id": brainstorm, "text": text, "op_id": op()},
                                     callback=True) for number, text in enumerate(texts)]
    assert all(ack["ok"] for ack in acked)
    time.sleep(BATCH_SECONDS * 4)

    batches = received(screen, "ideas_submitted")
    on_screen = [idea for batch in batches for idea in batch["ideas"]]
    assert [idea["text"] for idea in on_screen] == texts  # each once, in the order committed
    assert [idea["id"] for idea in on_screen] == [ack["idea_id"] for ack in acked]
    assert len(batches) < len(texts)  # sent together, not one message per idea
    assert all("participant" not in idea for idea in on_screen)
    console = [idea for batch in received(moderator, "ideas_submitted") for idea in batch["ideas"]]
    assert [idea["id"] for idea in console] == [ack["idea_id"] for ack in acked]
    assert all(idea["participant"].startswith("p_") for idea in console)


def test_a_message_to_the_same_screen_sends_the_waiting_ideas_first(connect, room, app) -> None:
    app.extensions["workshop"].publisher.interval_seconds = 0.25
    moderator = connect(code=room["code"], role="moderator", token=room["token"])
    screen = connect(code=room["code"], role="screen")
    phone = connect(code=room["code"], role="participant")
    brainstorm = _open_brainstorm(moderator)
    screen.get_received()

    ack = phone.emit("submit_idea", {"activity_id": brainstorm, "text": "Une idée à masquer", "op_id": op()},
                     callback=True)
    # Hidden at once, before the batch's delay is over: the screen must not get the hide before the idea.
    assert moderator.emit("hide_idea", {"idea_id": ack["idea_id"], "op_id": op()}, callback=True) == {"ok": True}
    time.sleep(BATCH_SECONDS * 3)

    events = [(name, payload) for name, payload in _received_in_order(screen)
              if name in ("ideas_submitted", "idea_changed")]
    assert [name for name, _ in events] == ["ideas_submitted", "idea_changed"]
    assert events[0][1]["ideas"][0]["id"] == ack["idea_id"]
    assert events[1][1]["idea"]["id"] == ack["idea_id"] and events[1][1]["idea"]["on_wall"] is False
