"""Issue 7: the crafted messages a hostile phone sent on the venue Wi-Fi, and the room still standing after them."""
from __future__ import annotations

import json
import logging

import pytest
from sqlalchemy import select, update

from workshop.models import Activity, Ballot, Participant, Vote

from .conftest import op, received


@pytest.fixture
def live(connect, room):  # type: ignore[no-untyped-def]
    """A moderator, a phone, two ideas, and one open activity of each kind the probe attacked."""
    moderator = connect(code=room["code"], role="moderator", token=room["token"])
    phone = connect(code=room["code"], role="participant", lang="en")

    def create(kind: str, **config):  # type: ignore[no-untyped-def]
        ack = moderator.emit("create_activity", {"type": kind, "prompt": kind, "config": config, "op_id": op()},
                             callback=True)
        assert ack["ok"], ack
        return ack["activity_id"]

    def open_(activity_id: int) -> None:
        assert moderator.emit("set_phase", {"activity_id": activity_id, "phase": "open", "op_id": op()},
                              callback=True)["ok"]

    brainstorm = create("brainstorm")
    open_(brainstorm)
    ideas = [phone.emit("submit_idea", {"activity_id": brainstorm, "text": text, "op_id": op()}, callback=True)["idea_id"]
             for text in ("Santé", "Papiers")]
    activities = {"dot_voting": create("dot_voting", source_activity_id=brainstorm, budget=5, max_per_item=3),
                  "poll": create("poll", options=["oui", "non", "peut-être"]),
                  "points_100": create("points_100", source_activity_id=brainstorm, exact=False),
                  "scale": create("scale", items=["Accès"]),
                  "ranking": create("ranking", source_activity_id=brainstorm)}
    for activity_id in activities.values():
        open_(activity_id)
    return {"moderator": moderator, "phone": phone, "ideas": ideas, "activities": activities, "code": room["code"],
            "token": room["token"]}


def test_the_crafted_ballots_of_the_probe_are_refused(live, app) -> None:
    phone, (a, b), activities = live["phone"], live["ideas"], live["activities"]
    crafted = {
        # dot voting (budget 5, at most 3 on one item): 5 points on one item under two criteria
        "dot_voting": [{"target_id": a, "points": 3, "criterion": "a"}, {"target_id": a, "points": 2, "criterion": "b"}],
        # single-choice poll: three votes on the same option
        "poll": [{"target_id": 0, "points": 1, "criterion": c} for c in "abc"],
        # 100 points: 100 points on one item five times over
        "points_100": [{"target_id": a, "points": 100, "criterion": c} for c in "abcde"],
        # scale: five ratings of one item
        "scale": [{"target_id": 0, "points": 5, "criterion": c} for c in "abcde"],
        # ranking: the same item ranked twice
        "ranking": [{"target_id": a, "points": 1, "criterion": "a"}, {"target_id": a, "points": 2, "criterion": "b"}],
    }
    for name, allocations in crafted.items():
        ack = phone.emit("cast_votes", {"activity_id": activities[name], "allocations": allocations, "op_id": op()},
                         callback=True)
        assert ack["ok"] is False and ack["error"]["code"] == "unexpected_field", (name, ack)
        assert "criterion" in ack["error"]["message"]
        # The same without the smuggled criterion: an item twice is refused as such.
        plain = [{key: value for key, value in allocation.items() if key != "criterion"} for allocation in allocations]
        ack = phone.emit("cast_votes", {"activity_id": activities[name], "allocations": plain, "op_id": op()},
                         callback=True)
        assert ack["error"]["code"] == "duplicate_target", (name, ack)
    with app.extensions["workshop"].db.read() as session:
        assert session.scalar(select(Vote.id)) is None  # nothing of it was stored
    # An honest ballot still goes through.
    honest = [{"target_id": b, "points": 1}, {"target_id": a, "points": 2}]
    assert phone.emit("cast_votes", {"activity_id": activities["ranking"], "allocations": honest, "op_id": op()},
                      callback=True) == {"ok": True}


def test_the_room_survives_stored_data_its_rules_refuse(live, app, connect, caplog) -> None:
    """Votes written before the rules were strict, and an activity whose stored config its type cannot read: the
    moderator and the projector still connect, the other activities' results come through, the JSON export works."""
    (a, b), activities = live["ideas"], live["activities"]
    live["phone"].emit("cast_votes", {"activity_id": activities["dot_voting"], "op_id": op(),
                                      "allocations": [{"target_id": b, "points": 2}]}, callback=True)
    with app.extensions["workshop"].db.write() as session:
        participant = session.scalar(select(Participant.id))
        ballot = Ballot(activity_id=activities["ranking"], participant_id=participant)
        session.add(ballot)
        session.flush()
        # The ranking ballot of the probe, as the old parser stored it: the same item first and second.
        session.add_all([Vote(ballot_id=ballot.id, target_id=a, points=1, criterion="a"),
                         Vote(ballot_id=ballot.id, target_id=a, points=2, criterion="b")])
        session.execute(update(Activity).where(Activity.id == activities["scale"]).values(config={"broken": True}))
    caplog.set_level(logging.WARNING)
    moderator = connect(code=live["code"], role="moderator", token=live["token"])
    screen = connect(code=live["code"], role="screen")
    assert moderator.is_connected() and screen.is_connected()
    state = received(moderator, "room_state")[0]
    results = {activity["type"]: activity["results"] for activity in state["activities"]}
    assert results["scale"] == {"unavailable": "results_unavailable"}
    assert results["ranking"]["respondents"] == 0  # both smuggled votes left out: nothing of them counts
    assert [item["points"] for item in results["dot_voting"]["items"] if item["id"] == b] == [2]
    assert received(screen, "room_state")[0]["role"] == "screen"
    assert any("results not computed" in record.getMessage() for record in caplog.records)
    assert any("stored votes outside its rules" in record.getMessage() for record in caplog.records)
    assert not any(record.exc_info for record in caplog.records)  # one line each, not a traceback

    browser = app.test_client()
    browser.post("/m/login", data={"token": live["token"]})
    exported = browser.get(f"/m/{live['code']}/download/json")
    assert exported.status_code == 200
    activities_out = {activity["type"]: activity for activity in json.loads(exported.data)["activities"]}
    assert set(activities_out) >= {"dot_voting", "poll", "points_100", "scale", "ranking"}
    for document in ("docx", "xlsx"):
        assert browser.get(f"/m/{live['code']}/download/{document}").status_code == 200
