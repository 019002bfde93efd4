"""Phones answer the questionnaire through the real server (``workshop run``, gevent) with python-socketio clients;
the server is killed mid-way, the phones come back with their tokens and replay what their outbox still held, with
the original op ids: every answer is stored once, nothing is lost, and the scores read the same answers."""
from __future__ import annotations

import json
import uuid

import pytest

from ..e2e.conftest import LiveServer, live_server  # noqa: F401  (the server fixture)
from ..e2e.test_live_room import ConnectionLost, Phone, ok

pytestmark = pytest.mark.e2e


def test_answers_survive_a_drop_and_replay(live_server: LiveServer) -> None:  # noqa: F811
    created = json.loads(live_server.workshop("create-event", "--template", "oca", "--json"))
    event_id, room = str(created["event"]["id"]), created["rooms"][0]
    for name, slug in (("Association Afrique Solidarité", "aas"), ("Voix des femmes migrantes", "vfm")):
        live_server.workshop("add-organisation", event_id, "--name", name, "--slug", slug)
    moderator = Phone(live_server, room["code"], role="moderator", token=room["moderator_token"]).connect()
    activity_id = next(activity["id"] for activity in moderator.state["activities"]
                       if activity["type"] == "questionnaire")
    ok(moderator.call("set_phase", {"activity_id": activity_id, "phase": "open", "op_id": uuid.uuid4().hex}))
    moderator.close()

    plans = {"aas": ("president", ["2", "3", "na", "1"]), "vfm": ("salarie", ["4", "4", "3", "2"])}
    phones, outboxes = {}, {}
    for slug, (role, levels) in plans.items():
        phone = Phone(live_server, room["code"]).connect()
        state = ok(phone.call("questionnaire_state", {"activity_id": activity_id}))
        assert [organisation["slug"] for organisation in state["organisations"]] == ["aas", "vfm"]
        # The phone's outbox: one action per answer, each with its op id, kept until acknowledged.
        outboxes[slug] = [{"activity_id": activity_id, "organisation": slug, "role": role,
                           "item": f"gouvernance_{number}", "level": level, "op_id": uuid.uuid4().hex}
                          for number, level in enumerate(levels, start=1)]
        phones[slug] = phone
    for slug, phone in phones.items():  # half-way: two answers acknowledged each
        for _ in range(2):
            ok(phone.call("answer_item", outboxes[slug][0]))
            outboxes[slug].pop(0)

    # The third answer of « aas » reaches the server, but the crash eats its ack: it stays in the outbox.
    phones["aas"].sio.emit("answer_item", outboxes["aas"][0])
    live_server.kill()
    for phone in phones.values():
        with pytest.raises(ConnectionLost):
            phone.call("answer_item", {"op_id": uuid.uuid4().hex}, timeout=5)
        phone.close()

    live_server.start()
    for slug, phone in list(phones.items()):
        again = Phone(live_server, room["code"], token=phone.token).connect()
        assert again.public_id == phone.public_id  # the same phone, known by its token
        for action in outboxes[slug]:  # replayed in order, original op ids
            ack = ok(again.call("answer_item", action))
        assert ack["answered"] == 4
        mine = ok(again.call("questionnaire_state", {"activity_id": activity_id}))["mine"]
        assert mine["organisation"] == slug and mine["role"] == plans[slug][0]
        assert [mine["answers"][f"gouvernance_{number}"]["level"] for number in range(1, 5)] == plans[slug][1]
        again.close()

    document = json.loads(live_server.workshop("export-event", event_id, "--format", "capacities"))
    scores = {organisation["slug"]: organisation["rounds"][0] for organisation in document["organisations"]}
    assert scores["aas"]["respondents"] == 1 and scores["vfm"]["respondents"] == 1
    governance = {slug: next(domain for domain in view["domains"] if domain["key"] == "gouvernance")
                  for slug, view in scores.items()}
    assert (governance["aas"]["score"], governance["aas"]["items_answered"]) == (2.0, 3)  # (2 + 3 + 1) / 3, N/A out
    assert (governance["vfm"]["score"], governance["vfm"]["items_answered"]) == (3.25, 4)
