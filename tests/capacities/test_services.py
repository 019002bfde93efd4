"""The self-assessment through its services: phones answer item by item, the consensus step, scores, needs, the
plan proposed then edited, the questionnaire edited, and the public JSON of ``--format capacities``."""
from __future__ import annotations

import uuid

import pytest

from workshop.domain.errors import DomainError
from workshop.models import Activity
from workshop.services import agenda
from workshop.services.capacities import (answer_item, consensus_sheet, delete_plan_action, edit_questionnaire,
                                          my_questionnaire, record_consensus, save_plan_action)
from workshop.services.capacities_results import capacities_document, propose_plan
from workshop.services.state import compute_results


def op() -> str:
    return uuid.uuid4().hex


def answer_domain(assessment, phone, organisation: str, role: str, domain: str, levels: list[str]) -> None:  # type: ignore[no-untyped-def]
    for number, level in enumerate(levels, start=1):
        ack = answer_item(assessment.ctx, phone, activity_id=assessment.activity_id, organisation=organisation,
                          role=role, item=f"{domain}_{number}", level=level, op_id=op())
        assert ack["ok"], ack


def test_phones_answer_item_by_item_and_resume(assessment) -> None:  # type: ignore[no-untyped-def]
    ctx, phone = assessment.ctx, assessment.phone()
    state = my_questionnaire(ctx, phone, activity_id=assessment.activity_id)
    assert [organisation["slug"] for organisation in state["organisations"]] == ["aas", "vfm", "jsf"]
    assert state["round"] == "initial" and len(state["template"]["domains"]) == 10
    assert state["mine"] == {"organisation": None, "role": None, "answers": {}}
    same = op()
    first = answer_item(ctx, phone, activity_id=assessment.activity_id, organisation="aas", role="tresorier",
                        item="gouvernance_1", level="2", evidence="PV du 3 mars", op_id=same)
    assert first == {"ok": True, "answered": 1}
    # The outbox replays an answer whose ack was lost: the first ack comes back and nothing is added.
    assert answer_item(ctx, phone, activity_id=assessment.activity_id, organisation="aas", role="tresorier",
                       item="gouvernance_1", level="2", evidence="PV du 3 mars", op_id=same) == first
    answer_item(ctx, phone, activity_id=assessment.activity_id, organisation="aas", role="tresorier",
                item="gouvernance_2", level="na", comment="Pas encore de bureau élu", op_id=op())
    answer_item(ctx, phone, activity_id=assessment.activity_id, organisation="aas", role="tresorier",
                item="gouvernance_1", level="3", op_id=op())  # changed its mind: replaces
    mine = my_questionnaire(ctx, phone, activity_id=assessment.activity_id)["mine"]
    assert mine == {"organisation": "aas", "role": "tresorier", "answers": {
        "gouvernance_1": {"level": "3", "evidence": "", "comment": ""},
        "gouvernance_2": {"level": "na", "evidence": "", "comment": "Pas encore de bureau élu"}}}
    with ctx.db.read() as session:
        results = compute_results(session, session.get(Activity, assessment.activity_id))
    assert results["respondents"] == 1 and results["items"] == 32
    assert results["organisations"] == [{"organisation": "aas", "name": "Association Afrique Solidarité",
                                         "respondents": 1, "complete": 0, "answers": 2,
                                         "roles": {"tresorier": 1}}]


@pytest.mark.parametrize(("changes", "code"), [
    ({"organisation": "inconnue"}, "unknown_organisation"),
    ({"role": "directeur"}, "unknown_role"),
    ({"level": "5"}, "invalid_level"),
    ({"item": "gouvernance_9"}, "unknown_questionnaire_item"),
])
def test_wrong_answers_are_refused_and_change_nothing(assessment, changes, code) -> None:  # type: ignore[no-untyped-def]
    phone = assessment.phone()
    sent = {"organisation": "aas", "role": "membre", "item": "gouvernance_1", "level": "2"} | changes
    with pytest.raises(DomainError) as refused:
        answer_item(assessment.ctx, phone, activity_id=assessment.activity_id, op_id=op(), **sent)
    assert refused.value.code == code
    assert my_questionnaire(assessment.ctx, phone, activity_id=assessment.activity_id)["mine"]["answers"] == {}


def test_a_closed_questionnaire_takes_no_answer(assessment) -> None:  # type: ignore[no-untyped-def]
    agenda.set_phase(assessment.ctx, room_id=assessment.room_id, activity_id=assessment.activity_id, phase="closed")
    with pytest.raises(DomainError) as refused:
        answer_item(assessment.ctx, assessment.phone(), activity_id=assessment.activity_id, organisation="aas",
                    role="membre", item="gouvernance_1", level="2", op_id=op())
    assert refused.value.code == "activity_not_open"


def test_consensus_scores_needs_plan_and_the_public_json(assessment) -> None:  # type: ignore[no-untyped-def]
    ctx = assessment.ctx
    president, member = assessment.phone(), assessment.phone()
    answer_domain(assessment, president, "aas", "president", "gouvernance", ["3", "3", "3", "3"])
    answer_domain(assessment, member, "aas", "membre", "gouvernance", ["1", "2", "na", "3"])
    answer_domain(assessment, president, "aas", "president", "procedures_financieres", ["2", "2", "1", "1"])
    vfm, jsf = assessment.phone(), assessment.phone()
    answer_domain(assessment, vfm, "vfm", "salarie", "gouvernance", ["1", "1", "2", "2"])
    answer_domain(assessment, vfm, "vfm", "salarie", "procedures_financieres", ["4", "4", "3", "4"])
    answer_domain(assessment, jsf, "jsf", "membre_bureau", "gouvernance", ["2", "1", "1", "1"])

    sheet = consensus_sheet(ctx, event_id=assessment.event_id, organisation="aas", round_name="initial")
    first = next(item for item in sheet["items"] if item["key"] == "gouvernance_1")
    assert (first["lowest"], first["highest"], first["to_discuss"], first["mean"]) == (1, 3, True, 2.0)
    assert sheet["respondents"] == 2
    record_consensus(ctx, event_id=assessment.event_id, organisation="aas", round_name="initial",
                     item="gouvernance_1", level="2", note="PV existent mais pas toujours signés", op_id=op())
    record_consensus(ctx, event_id=assessment.event_id, organisation="aas", round_name="initial",
                     item="gouvernance_3", level="na", op_id=op())

    document = capacities_document(ctx, assessment.event_id)
    aas = document["organisations"][0]
    assert (aas["slug"], aas["name"]) == ("aas", "Association Afrique Solidarité")
    initial = aas["rounds"][0]
    assert (initial["round"], initial["respondents"]) == ("initial", 2)
    governance = next(domain for domain in initial["domains"] if domain["key"] == "gouvernance")
    # items: agreed 2; mean(3, 2) = 2.5; agreed N/A (out); mean(3, 3) = 3 → (2 + 2.5 + 3) / 3
    assert governance == {"key": "gouvernance", "score": 2.5, "items_answered": 3, "target": 3, "gap": 0.5,
                          "priority": 1.5}
    finances = next(domain for domain in initial["domains"] if domain["key"] == "procedures_financieres")
    assert (finances["score"], finances["gap"], finances["priority"]) == (1.5, 1.5, 4.5)
    unanswered = next(domain for domain in initial["domains"] if domain["key"] == "protection")
    assert unanswered == {"key": "protection", "score": None, "items_answered": 0, "target": 3, "gap": None,
                          "priority": None}
    assert document["shared_needs"] == ["gouvernance"]  # 3 of 3; finances is aas's alone
    assert document["plan"] == []

    proposed = propose_plan(ctx, event_id=assessment.event_id, translate=lambda text: text)
    assert proposed["added"] == 2
    group, coaching = proposed["plan"]
    assert (group["organisation"], group["domain"], group["modality"]) == (None, "gouvernance", "atelier_collectif")
    assert (coaching["organisation"], coaching["domain"], coaching["modality"]) == (
        "aas", "procedures_financieres", "accompagnement")
    assert coaching["need"] == "Procédures financières: score 1.50 for a target of 3"
    assert propose_plan(ctx, event_id=assessment.event_id, translate=lambda text: text)["added"] == 0
    edited = save_plan_action(ctx, event_id=assessment.event_id, action_id=coaching["id"], op_id=op(), fields={
        "organisation": "aas", "domain": "procedures_financieres", "need": "Pas de pièces justificatives",
        "action": "Mettre en place un livre de caisse", "modality": "accompagnement", "owner": "Trésorier·e",
        "deadline": "2027-03-31", "target": 3})["action"]
    assert edited["deadline"] == "2027-03-31" and edited["owner"] == "Trésorier·e"
    delete_plan_action(ctx, event_id=assessment.event_id, action_id=group["id"], op_id=op())
    plan = capacities_document(ctx, assessment.event_id)["plan"]
    assert plan == [{"organisation": "aas", "domain": "procedures_financieres",
                     "need": "Pas de pièces justificatives", "action": "Mettre en place un livre de caisse",
                     "modality": "accompagnement", "owner": "Trésorier·e", "deadline": "2027-03-31", "target": 3}]
    for fields, code in (({"domain": "finances", "modality": "accompagnement"}, "unknown_domain"),
                         ({"domain": "gouvernance", "modality": "formation"}, "unknown_modality"),
                         ({"domain": "gouvernance", "modality": "accompagnement", "deadline": "31/03"},
                          "invalid_date")):
        with pytest.raises(DomainError) as refused:
            save_plan_action(ctx, event_id=assessment.event_id, fields=fields, op_id=op())
        assert refused.value.code == code


def test_the_follow_up_round_measures_change(assessment) -> None:  # type: ignore[no-untyped-def]
    ctx = assessment.ctx
    answer_domain(assessment, assessment.phone(), "aas", "president", "gouvernance", ["1", "1", "2", "2"])
    follow_up = agenda.create_activity(ctx, room_id=assessment.room_id, type_name="questionnaire",
                                       prompt="Suivi", config={"round": "suivi"}, op_id=op())["activity_id"]
    agenda.set_phase(ctx, room_id=assessment.room_id, activity_id=follow_up, phase="open")
    phone = assessment.phone()
    for number, level in enumerate(["3", "2", "3", "2"], start=1):
        answer_item(ctx, phone, activity_id=follow_up, organisation="aas", role="president",
                    item=f"gouvernance_{number}", level=level, op_id=op())
    rounds = capacities_document(ctx, assessment.event_id)["organisations"][0]["rounds"]
    assert [(row["round"], row["respondents"]) for row in rounds] == [("initial", 1), ("suivi", 1)]
    assert [domain["score"] for domain in rounds[1]["domains"] if domain["key"] == "gouvernance"] == [2.5]
    with pytest.raises(DomainError):
        agenda.create_activity(ctx, room_id=assessment.room_id, type_name="questionnaire", prompt="x",
                               config={"round": "final"}, op_id=op())


def test_the_questionnaire_is_edited_on_the_console(assessment) -> None:  # type: ignore[no-untyped-def]
    ctx = assessment.ctx
    levels = {str(level): {"fr": f"Niveau {level}"} for level in range(1, 5)}
    added = edit_questionnaire(ctx, event_id=assessment.event_id, edit="add_item", op_id=op(), params={
        "domain": "protection", "labels": {"fr": "Les bénévoles sont formés à la protection."}, "levels": levels})
    assert added["version"] == 2
    assert [item["key"] for item in added["template"]["domains"][-1]["items"]][-1] == "protection_4"
    edit_questionnaire(ctx, event_id=assessment.event_id, edit="set_domain", op_id=op(),
                       params={"domain": "protection", "target": 4, "importance": 1})
    edit_questionnaire(ctx, event_id=assessment.event_id, edit="remove_item", op_id=op(),
                       params={"item": "protection_1"})
    state = my_questionnaire(ctx, assessment.phone(), activity_id=assessment.activity_id)
    protection = state["template"]["domains"][-1]
    assert (protection["target"], protection["importance"]) == (4, 1)
    assert [item["key"] for item in protection["items"]] == ["protection_2", "protection_3", "protection_4"]
    with pytest.raises(DomainError) as refused:
        edit_questionnaire(ctx, event_id=assessment.event_id, edit="drop_everything", params={}, op_id=op())
    assert refused.value.code == "invalid_payload"
