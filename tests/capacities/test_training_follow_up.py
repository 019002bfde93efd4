"""A capacity-building workshop of the assessment's event: attendance by organisation (the phone's profile names one
of the event's organisations), objectives from the plan de renforcement, and the self-assessment's follow-up
(initial against suivi) in the « Rapport d'atelier de renforcement des capacités »."""
from __future__ import annotations

import io
import uuid

import pytest
from docx import Document
from sqlalchemy import select

from workshop.domain.errors import DomainError
from workshop.i18n import translator
from workshop.models import Room
from workshop.services import agenda
from workshop.services.capacities import answer_item
from workshop.services.capacities_results import propose_plan
from workshop.services.files import export_room_file
from workshop.services.participants import join_room, update_profile
from workshop.services.state import participant_state

from .test_reports_rendered import fill


def document_text(content: bytes) -> str:
    document = Document(io.BytesIO(content))
    cells = [" | ".join(cell.text for cell in row.cells) for table in document.tables for row in table.rows]
    return "\n".join([paragraph.text for paragraph in document.paragraphs] + cells)


def test_the_training_report_counts_organisations_and_follows_the_self_assessment(app, assessment) -> None:  # type: ignore[no-untyped-def]
    ctx = assessment.ctx
    fill(assessment, assessment.activity_id)  # the initial round: aas rates its governance 2 and 1
    follow_up = agenda.create_activity(ctx, room_id=assessment.room_id, type_name="questionnaire", prompt="Suivi",
                                       config={"round": "suivi"}, op_id=uuid.uuid4().hex)["activity_id"]
    agenda.set_phase(ctx, room_id=assessment.room_id, activity_id=follow_up, phase="open")
    phone = assessment.phone()
    for number in range(1, 5):
        answer_item(ctx, phone, activity_id=follow_up, organisation="aas", role="president",
                    item=f"gouvernance_{number}", level="3", op_id=uuid.uuid4().hex)
    with app.app_context():
        propose_plan(ctx, event_id=assessment.event_id, translate=translator("fr"))

    with ctx.db.read() as session:  # the template's first capacity-building workshop
        training = session.scalars(select(Room).where(Room.event_id == assessment.event_id, Room.kind == "training")
                                   .order_by(Room.id)).first().code
    people = [join_room(ctx, code=training, token=None) for _ in range(4)]
    for number, (person, tags) in enumerate(zip(people, ({"organisation": "aas", "sex": "femme"},
                                                         {"organisation": "aas", "sex": "homme"},
                                                         {"organisation": "vfm", "sex": "femme"}, {}))):
        update_profile(ctx, person, pseudonym=None, tags=tags, op_id=f"profile-{number}")
    with pytest.raises(DomainError) as refused:  # only the event's own organisations
        update_profile(ctx, people[3], pseudonym=None, tags={"organisation": "autre-asso"}, op_id="profile-x")
    assert refused.value.code == "unknown_tag"
    state = participant_state(ctx, people[0])
    assert state["profile_options"]["organisation"] == ["aas", "vfm", "jsf"]
    assert state["organisation_names"]["vfm"] == "Voix des femmes migrantes"
    assert state["participant"]["tags"] == {"organisation": "aas", "sex": "femme"}

    with app.app_context():
        exported = export_room_file(ctx, training, "renforcement", language="fr", translate=translator("fr"))
    text = document_text(exported.content)
    # Attendance by organisation, named; the phone that named none counted apart.
    for row in ("Association Afrique Solidarité | 2", "Voix des femmes migrantes | 1", "Non renseigné | 1",
                "Femme | 2", "Homme | 1"):
        assert row in text, row
    assert "Jeunes sans frontières |" not in text  # nobody came for it: no empty row
    # Objectives: the plan's group workshops (needs shared by the organisations).
    assert "leur plan de renforcement (ateliers collectifs)" in text
    assert "Gouvernance — " in text
    # Follow-up of the self-assessment: aas's governance went from 1.50 (2 and 1) to 3.00.
    assert "Association Afrique Solidarité | Gouvernance | 1,50 | 3,00 | +1,50" in text
    assert "Voix des femmes migrantes | Gouvernance" not in text  # assessed once: no follow-up yet
    assert "Partenariats et réseaux" not in text  # scored in the initial round only: no change to show
