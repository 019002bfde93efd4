"""New ideas reach the projector and the console in batches of at most BATCH_SECONDS, each once, in order; results
wait while the writer is busy, at most BUSY_DEFER_SECONDS."""
from __future__ import annotations

import threading
import time

from workshop.realtime.publisher import BATCH_SECONDS, BUSY_DEFER_SECONDS

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


def test_results_wait_while_the_writer_is_busy_at_most_a_second(connect, room, app) -> None:
    """A snapshot in the middle of a burst only delays the burst's acks: while the writer has commands queued, the
    tick leaves the results for later, and sends them anyway once it has waited BUSY_DEFER_SECONDS."""
    context = app.extensions["workshop"]
    publisher, writer = context.publisher, context.writer
    now = [100.0]
    publisher.clock = lambda: now[0]
    moderator = connect(code=room["code"], role="moderator", token=room["token"])
    phone = connect(code=room["code"], role="participant")
    poll = moderator.emit("create_activity", {"type": "poll", "prompt": "Priorité ?", "config": {"options": ["a", "b"]},
                                              "op_id": op()}, callback=True)["activity_id"]
    assert moderator.emit("set_phase", {"activity_id": poll, "phase": "open", "op_id": op()}, callback=True)["ok"]
    publisher.flush()
    moderator.get_received()
    assert phone.emit("cast_votes", {"activity_id": poll, "allocations": [{"target_id": 0, "points": 1}],
                                     "op_id": op()}, callback=True) == {"ok": True}

    holding, release = threading.Event(), threading.Event()
    holder = threading.Thread(target=writer.execute, args=(lambda _session: (holding.set(), release.wait(20)),))
    holder.start()
    assert holding.wait(20)
    queued = threading.Thread(target=writer.execute, args=(lambda _session: None,))
    queued.start()
    deadline = time.monotonic() + 20
    while writer.pending < 1 and time.monotonic() < deadline:
        time.sleep(0.001)
    try:
        assert writer.pending >= 1
        assert publisher.flush_unless_busy() is False  # busy: the results wait
        now[0] += BUSY_DEFER_SECONDS / 2
        assert publisher.flush_unless_busy() is False
        assert received(moderator, "results_updated") == []
        now[0] += BUSY_DEFER_SECONDS / 2
        assert publisher.flush_unless_busy() is True  # waited long enough: sent, busy or not
        assert [update["results"]["respondents"] for update in received(moderator, "results_updated")] == [1]
    finally:
        release.set()
        holder.join(20)
        queued.join(20)
    assert writer.pending == 0
    assert publisher.flush_unless_busy() is True  # idle: at once
