"""The moderator's capacity commands over the socket (Flask-SocketIO test clients on a real SQLite file): the
overview, the questionnaire's edits, the consensus step and the plan; phones of the event hear
``questionnaire_changed``; a phone may not run them."""
from __future__ import annotations

import uuid

from workshop.services.capacities import answer_item

from ..realtime.conftest import connect, received, socketio  # noqa: F401  (socket fixtures)


def op() -> str:
    return uuid.uuid4().hex


def test_moderator_commands(app, assessment, connect) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    for role, level in (("president", "1"), ("membre", "3")):
        answer_item(assessment.ctx, assessment.phone(), activity_id=assessment.activity_id, organisation="vfm",
                    role=role, item="procedures_financieres_1", level=level, op_id=op())
    moderator = connect(code=assessment.code, role="moderator", token=assessment.moderator_token)
    phone = connect(code=assessment.code, role="participant")
    assert phone.emit("capacities_overview", {}, callback=True)["error"]["code"] == "forbidden"
    phone.get_received()

    overview = moderator.emit("capacities_overview", {}, callback=True)
    assert overview["ok"] and [row["slug"] for row in overview["organisations"]] == ["aas", "vfm", "jsf"]
    finances = next(domain for domain in overview["organisations"][1]["rounds"][0]["domains"]
                    if domain["key"] == "procedures_financieres")
    assert (finances["score"], finances["need"]) == (2.0, True)

    sheet = moderator.emit("consensus_sheet", {"organisation": "vfm", "round": "initial"}, callback=True)
    item = next(row for row in sheet["items"] if row["key"] == "procedures_financieres_1")
    assert (item["counts"], item["to_discuss"]) == ({"1": 1, "2": 0, "3": 1, "4": 0}, True)
    recorded = moderator.emit("record_consensus", {"organisation": "vfm", "round": "initial",
                                                   "item": "procedures_financieres_1", "level": "2",
                                                   "note": "Caisse tenue, pas de rapprochement", "op_id": op()},
                              callback=True)
    assert recorded["ok"] and recorded["consensus"]["level"] == "2"
    assert received(phone, "questionnaire_changed")[0]["item"] == "procedures_financieres_1"

    edited = moderator.emit("edit_questionnaire", {"edit": "set_domain", "params": {
        "domain": "procedures_financieres", "target": 4}, "op_id": op()}, callback=True)
    assert edited["ok"] and edited["version"] == 2
    assert received(phone, "questionnaire_changed")[0] == {"event_id": assessment.event_id, "version": 2}

    proposed = moderator.emit("propose_plan", {}, callback=True)
    assert proposed["ok"] and proposed["added"] == 1
    line = proposed["plan"][0]
    assert (line["organisation"], line["domain"], line["modality"], line["target"]) == (
        "vfm", "procedures_financieres", "accompagnement", 4)
    saved = moderator.emit("save_plan_action", {"action_id": line["id"], "op_id": op(), "fields": {
        "organisation": "vfm", "domain": "procedures_financieres", "modality": "accompagnement",
        "action": "Rapprochement bancaire mensuel", "deadline": "2027-01-31", "target": 3}}, callback=True)
    assert saved["ok"] and saved["action"]["action"] == "Rapprochement bancaire mensuel"
    refused = moderator.emit("save_plan_action", {"fields": {"domain": "finances", "modality": "accompagnement"},
                                                  "op_id": op()}, callback=True)
    assert refused["ok"] is False and refused["error"]["code"] == "unknown_domain"
    assert moderator.emit("delete_plan_action", {"action_id": line["id"], "op_id": op()}, callback=True) == {"ok": True}
    assert moderator.emit("capacities_overview", {}, callback=True)["plan"] == []
