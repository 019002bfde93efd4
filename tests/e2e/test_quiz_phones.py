"""Phones take a training's pre-test and post-test over real Socket.IO connections to the server process.

Same day: answers pair by phone. Different days: other phones (the room's next morning) pair by the code each
person makes. What the phones were told must be what the export (a separate process) reads back.
"""
from __future__ import annotations

import json
import threading
import uuid
from collections.abc import Iterator

import pytest
import socketio
from docx import Document

from .conftest import LiveServer

pytestmark = pytest.mark.e2e

QUESTIONS = """Qui approuve les comptes annuels d'une association ?
- Le bureau
* L'assemblée générale
- Le trésorier

Quelles pièces justifient une dépense ?
* Une facture
* Un reçu
- Une promesse

Combien de temps garder les pièces comptables ?
- Un an
- Trois ans
* Dix ans
"""
# The right options per question, and wrong ones.
RIGHT = {0: [1], 1: [0, 1], 2: [2]}
WRONG = {0: [0], 1: [2], 2: [0]}


class Phone:
    """A participant's phone: a real Socket.IO client that keeps the last room state it was sent."""

    def __init__(self, server: LiveServer, code: str) -> None:
        self.client = socketio.Client()
        self.state: dict = {}
        self.received = threading.Event()
        self.client.on("room_state", self._state)
        self.client.connect(server.url, auth={"code": code, "role": "participant"}, transports=["websocket"])
        assert self.received.wait(10), "no room state"

    def _state(self, state: dict) -> None:
        self.state = state
        self.received.set()

    def answer(self, activity_id: int, right: set[int], *, code: str | None = None, extra: list | None = None) -> dict:
        allocations = [{"target_id": 0, "points": 1, "criterion": f"code:{code}"}] if code else []
        for question in range(3):
            for option in (RIGHT if question in right else WRONG)[question]:
                allocations.append({"target_id": question, "points": 1, "criterion": f"option:{option}"})
        return self.client.call("cast_votes", {"activity_id": activity_id, "allocations": allocations + (extra or []),
                                               "op_id": uuid.uuid4().hex}, timeout=10)

    def reconnect_state(self, server: LiveServer, code: str) -> dict:
        self.received.clear()
        self.client.disconnect()
        token = self.state["participant_token"]  # the phone's identity in the room, kept in its browser
        self.client.connect(server.url, auth={"code": code, "role": "participant", "token": token},
                            transports=["websocket"])
        assert self.received.wait(10)
        return self.state


@pytest.fixture
def room(live_server: LiveServer) -> dict:
    return live_server.create_event(title="Formation : gestion financière des associations",
                                    rooms=("Atelier de renforcement",))["rooms"][0]


@pytest.fixture
def moderator(live_server: LiveServer, room: dict) -> Iterator[socketio.Client]:
    client = socketio.Client()
    client.connect(live_server.url, auth={"code": room["code"], "role": "moderator", "token": room["moderator_token"]},
                   transports=["websocket"])
    yield client
    client.disconnect()


def call(client: socketio.Client, event: str, payload: dict) -> dict:
    ack = client.call(event, payload, timeout=10)
    assert ack["ok"], ack
    return ack


def quiz(moderator: socketio.Client, prompt: str, config: dict) -> int:
    activity_id = call(moderator, "create_activity", {"type": "quiz", "prompt": prompt, "config": config})["activity_id"]
    call(moderator, "set_phase", {"activity_id": activity_id, "phase": "open"})
    return activity_id


def exported(server: LiveServer, code: str, activity_id: int) -> dict:
    document = json.loads(server.workshop("export", code, "--format", "json"))
    return next(activity for activity in document["activities"] if activity["id"] == activity_id)


def test_phones_take_the_pre_and_post_test_and_pair_by_phone(live_server: LiveServer, room: dict,
                                                             moderator: socketio.Client) -> None:
    pre = quiz(moderator, "Pré-test : gestion financière", {"questions": QUESTIONS})
    phones = [Phone(live_server, room["code"]) for _ in range(5)]
    try:
        shown = next(activity for activity in phones[0].state["activities"] if activity["id"] == pre)
        assert all("correct" not in question for question in shown["config"]["questions"])  # answers stay hidden
        assert [question["multiple"] for question in shown["config"]["questions"]] == [False, True, False]
        before = [set(), {0}, {0}, {1, 2}, {0, 1, 2}]
        for phone, right in zip(phones, before):
            assert phone.answer(pre, right)["ok"]
        # Strict: an option the question does not have, a pairing code this quiz does not take, two radio choices.
        for extra, code in (([{"target_id": 0, "points": 1, "criterion": "option:7"}], "unknown_target"),
                            ([{"target_id": 0, "points": 1, "criterion": "code:FA07"}], "unknown_target"),
                            ([{"target_id": 2, "points": 1, "criterion": "option:1"}], "too_many_choices")):
            refused = phones[0].answer(pre, set(), extra=extra)
            assert (refused["ok"], refused["error"]["code"]) == (False, code)
        call(moderator, "set_phase", {"activity_id": pre, "phase": "closed"})

        post = quiz(moderator, "Post-test : gestion financière", {"pre_test_id": pre, "show_answers": True})
        after = [{0, 1}, {0, 1, 2}, {0}, {0, 1, 2}]  # the fifth phone left before the end
        for phone, right in zip(phones, after):
            assert phone.answer(post, right)["ok"]
        state = phones[0].reconnect_state(live_server, room["code"])
        shown = next(activity for activity in state["activities"] if activity["id"] == post)
        assert [question["correct"] for question in shown["config"]["questions"]] == [[1], [0, 1], [2]]
        mine = state["my_ballots"][str(post)]
        assert sorted((allocation["target_id"], allocation["criterion"]) for allocation in mine) == [
            (0, "option:1"), (1, "option:0"), (1, "option:1"), (2, "option:0")]  # restored after a reload
        call(moderator, "set_phase", {"activity_id": post, "phase": "closed"})
        call(moderator, "set_phase", {"activity_id": post, "phase": "revealed"})
    finally:
        for phone in phones:
            phone.client.disconnect()

    results = exported(live_server, room["code"], post)["results"]
    assert results["moment"] == "apres" and results["same_questions"] is True
    assert (results["respondents"], results["before_respondents"]) == (4, 5)
    paired = results["paired"]
    # Scores (% of 3 questions) before 0, 33.3, 33.3, 66.7 and after 66.7, 100, 33.3, 100 for the four phones.
    assert paired["n"] == 4
    assert (paired["before_mean"], paired["after_mean"], paired["mean_change"]) == (33.3, 75.0, 41.7)
    assert (paired["improved"], paired["unchanged"], paired["worsened"]) == (3, 1, 0)
    # Changes 66.7, 66.7, 0, 33.3: s = 31.9, so 41.7 ± t(0.975, 3) · 31.9 / √4 ≈ 41.7 ± 50.8 (four people: wide).
    assert paired["interval"] == [-9.1, 92.4]
    assert results["unpaired"] == {"before": 1, "after": 0, "duplicate_codes": 0}
    assert [question["before"]["percent"] for question in results["questions"]] == [60.0, 40.0, 40.0]
    assert [question["now"]["percent"] for question in results["questions"]] == [100.0, 75.0, 50.0]

    # The command line writes the capacity-building report from the same database.
    report = live_server.instance / "rapport.docx"
    live_server.workshop("export", room["code"], "--format", "renforcement", "--out", str(report))
    text = "\n".join(paragraph.text for paragraph in Document(str(report)).paragraphs)
    assert "Rapport d'atelier de renforcement des capacités" in text
    assert "4 personnes ont répondu avant et après : score moyen 33,3 % → 75,0 %" in text


def test_on_the_next_day_other_phones_pair_by_their_code(live_server: LiveServer, room: dict,
                                                         moderator: socketio.Client) -> None:
    pre = quiz(moderator, "Pré-test (jour 1)", {"questions": QUESTIONS, "pairing": "code"})
    day_one = [Phone(live_server, room["code"]) for _ in range(3)]
    try:
        refused = day_one[0].answer(pre, {0})
        assert (refused["ok"], refused["error"]["code"]) == (False, "pairing_code_missing")
        refused = day_one[0].answer(pre, {0}, code="Fatima")
        assert (refused["ok"], refused["error"]["code"]) == (False, "invalid_pairing_code")
        for phone, (code, right) in zip(day_one, (("FA07", set()), ("مر03", {0}), ("ZA11", {1}))):
            assert phone.answer(pre, right, code=code)["ok"]
    finally:
        for phone in day_one:
            phone.client.disconnect()
    call(moderator, "set_phase", {"activity_id": pre, "phase": "closed"})

    post = quiz(moderator, "Post-test (jour 2)", {"pre_test_id": pre})
    day_two = [Phone(live_server, room["code"]) for _ in range(3)]  # new phones: only the codes can pair them
    try:
        for phone, (code, right) in zip(day_two, (("fa 7", {0, 1, 2}), ("مر3", {0, 1}), ("SA05", {0, 1, 2}))):
            assert phone.answer(post, right, code=code)["ok"]
    finally:
        for phone in day_two:
            phone.client.disconnect()

    activity = exported(live_server, room["code"], post)
    results = activity["results"]
    assert results["paired"]["n"] == 2
    assert (results["paired"]["before_mean"], results["paired"]["after_mean"]) == (16.7, 83.3)
    assert results["unpaired"] == {"before": 1, "after": 1, "duplicate_codes": 0}
    assert {vote["criterion"] for vote in activity["votes"] if vote["criterion"].startswith("code:")} == \
        {"code:fa 7", "code:مر3", "code:SA05"}
