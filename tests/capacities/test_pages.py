"""The self-assessment's console page: only the event's moderators open it; its forms add organisations, record
consensus levels, propose then edit the plan, edit the questionnaire; it serves the XLSForm and the documents."""
from __future__ import annotations

import io
import uuid

from openpyxl import load_workbook

from workshop.services.capacities import answer_item, consensus_sheet, stored_questionnaire
from workshop.services.capacities_results import capacities_document
from workshop.services.events import create_event


def login(app, token: str):  # type: ignore[no-untyped-def]
    client = app.test_client()
    assert client.post("/m/login", data={"token": token}).status_code == 302
    return client


def test_console_forms_and_files(app, assessment) -> None:  # type: ignore[no-untyped-def]
    ctx, event_id = assessment.ctx, assessment.event_id
    for role, level in (("president", "1"), ("tresorier", "3")):
        phone = assessment.phone()
        answer_item(ctx, phone, activity_id=assessment.activity_id, organisation="aas", role=role,
                    item="gouvernance_1", level=level, comment="Réunions rares", op_id=uuid.uuid4().hex)
    other = create_event(ctx, title="Autre atelier", room_names=["Salle"])
    assert login(app, other.moderator_token).get(f"/m/events/{event_id}/capacities").status_code == 403

    client = login(app, assessment.moderator_token)
    page = client.get(f"/m/events/{event_id}/capacities?organisation=aas&round=initial")
    html = page.get_data(as_text=True)
    assert page.status_code == 200 and "Association Afrique Solidarité" in html
    assert 'class="to-discuss"' in html and "Réunions rares" in html  # levels 1 and 3: the spread is discussed
    assert 'class="chart capacity-heatmap"' in html and "capacity-radar" in html

    added = client.post(f"/m/events/{event_id}/capacities/organisation",
                        data={"name": "Collectif des travailleurs", "region": "souss_massa"})
    assert added.status_code == 302
    refused = client.post(f"/m/events/{event_id}/capacities/organisation", data={"name": "Collectif des travailleurs"})
    assert refused.status_code == 400 and "déjà" in refused.get_data(as_text=True)

    saved = client.post(f"/m/events/{event_id}/capacities/consensus", data={
        "organisation": "aas", "round": "initial", "item": "gouvernance_1", "level": "2", "note": "PV à signer"})
    assert saved.status_code == 302 and "organisation=aas" in saved.headers["Location"]
    item = next(row for row in consensus_sheet(ctx, event_id=event_id, organisation="aas", round_name="initial")["items"]
                if row["key"] == "gouvernance_1")
    assert (item["agreed"], item["note"]) == ("2", "PV à signer")

    assert client.post(f"/m/events/{event_id}/capacities/propose_plan").status_code == 302
    plan = capacities_document(ctx, event_id)["plan"]
    assert [(row["organisation"], row["domain"], row["modality"]) for row in plan] == [
        ("aas", "gouvernance", "accompagnement")]
    with ctx.db.read() as session:
        from workshop.models import CapacityPlanAction

        line = session.query(CapacityPlanAction).one().id
    assert client.post(f"/m/events/{event_id}/capacities/plan", data={
        "id": str(line), "organisation": "aas", "domain": "gouvernance", "need": "Procès-verbaux",
        "action": "Modèle de PV et calendrier des réunions", "modality": "accompagnement", "owner": "Secrétaire",
        "deadline": "2027-02-28", "target": "3"}).status_code == 302
    assert capacities_document(ctx, event_id)["plan"][0]["deadline"] == "2027-02-28"
    assert client.post(f"/m/events/{event_id}/capacities/plan", data={
        "domain": "gouvernance", "modality": "accompagnement", "deadline": "demain"}).status_code == 400

    levels = {f"level{level}_fr": f"Niveau {level}" for level in range(1, 5)}
    assert client.post(f"/m/events/{event_id}/capacities/add_item", data={
        "domain": "protection", "label_fr": "Un référent protection est nommé.", **levels}).status_code == 302
    assert client.post(f"/m/events/{event_id}/capacities/domain", data={
        "domain": "protection", "target": "4", "importance": "3"}).status_code == 302
    with ctx.db.read() as session:
        protection = stored_questionnaire(session, event_id)["domains"][-1]
    assert protection["target"] == 4 and protection["items"][-1]["labels"]["fr"] == "Un référent protection est nommé."

    form = client.get(f"/m/events/{event_id}/capacities/form.xlsx")
    assert form.status_code == 200 and "survey" in load_workbook(io.BytesIO(form.data)).sheetnames
    for file_format, kind in (("docx", "wordprocessingml"), ("pptx", "presentationml"), ("xlsx", "spreadsheetml")):
        exported = client.get(f"/m/events/{event_id}/capacities/report?format={file_format}&lang=ar&codes=1")
        assert exported.status_code == 200 and kind in exported.mimetype and exported.data[:2] == b"PK"
