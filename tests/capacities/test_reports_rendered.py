"""The « Rapport d'évaluation des capacités organisationnelles », its slides and its workbook as readers get them:
rendered by LibreOffice with their charts, in French and in Arabic, names replaced by codes on request."""
from __future__ import annotations

import io
import uuid
from pathlib import Path

from docx import Document
from openpyxl import load_workbook
from pptx import Presentation

from workshop.i18n import translator
from workshop.services import agenda
from workshop.services.capacities import answer_item, record_consensus
from workshop.services.capacities_reports import capacity_file
from workshop.services.capacities_results import propose_plan

from ..exports.rendering import page_count, pdf_text, to_pdf

# Levels per domain (every statement of the domain gets the same level) for each organisation and respondent.
ANSWERS = {
    "aas": [("president", {"gouvernance": "2", "procedures_financieres": "1", "protection": "3", "partenariats": "4"}),
            ("tresorier", {"gouvernance": "1", "procedures_financieres": "2", "protection": "na"})],
    "vfm": [("salarie", {"gouvernance": "2", "procedures_financieres": "4", "mobilisation_ressources": "1"})],
    "jsf": [("membre", {"gouvernance": "1", "procedures_financieres": "3", "protection": "4"})],
}
SIZES = {"gouvernance": 4, "procedures_financieres": 4, "protection": 3, "partenariats": 3, "mobilisation_ressources": 3}


def fill(assessment, activity_id: int) -> None:  # type: ignore[no-untyped-def]
    for organisation, respondents in ANSWERS.items():
        for role, levels in respondents:
            phone = assessment.phone()
            for domain, level in levels.items():
                for number in range(1, SIZES[domain] + 1):
                    answer_item(assessment.ctx, phone, activity_id=activity_id, organisation=organisation, role=role,
                                item=f"{domain}_{number}", level=level, evidence="Statuts 2019" if number == 1 else "",
                                op_id=uuid.uuid4().hex)


def issue(app, ctx, event_id: int, file_format: str, language: str, out: Path, codes: bool = False) -> Path:  # type: ignore[no-untyped-def]
    with app.app_context():
        exported = capacity_file(ctx, event_id, file_format=file_format, language=language,
                                 translate=translator(language), with_codes=codes)
    path = out / exported.filename
    path.write_bytes(exported.content)
    return path


def test_report_slides_and_workbook(app, assessment, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    ctx = assessment.ctx
    fill(assessment, assessment.activity_id)
    record_consensus(ctx, event_id=assessment.event_id, organisation="aas", round_name="initial",
                     item="gouvernance_1", level="2", note="Accord après discussion", op_id=uuid.uuid4().hex)
    follow_up = agenda.create_activity(ctx, room_id=assessment.room_id, type_name="questionnaire", prompt="Suivi",
                                       config={"round": "suivi"}, op_id=uuid.uuid4().hex)["activity_id"]
    agenda.set_phase(ctx, room_id=assessment.room_id, activity_id=follow_up, phase="open")
    phone = assessment.phone()
    for number in range(1, 5):
        answer_item(ctx, phone, activity_id=follow_up, organisation="aas", role="president",
                    item=f"gouvernance_{number}", level="3", op_id=uuid.uuid4().hex)
    with app.app_context():
        propose_plan(ctx, event_id=assessment.event_id, translate=translator("fr"))

    docx_path = issue(app, ctx, assessment.event_id, "docx", "fr", tmp_path)
    document = Document(str(docx_path))
    assert len(document.inline_shapes) == 1 + 3  # the heatmap, one radar per organisation
    assert all(shape._inline.docPr.get("descr") for shape in document.inline_shapes)
    pdf = to_pdf(docx_path)
    text = pdf_text(pdf)
    for expected in ("Rapport d'évaluation des capacités organisationnelles", "Méthode",
                     "Organisations participantes et répondant·e·s", "Vue d'ensemble : organisations × domaines",
                     "Association Afrique Solidarité", "Voix des femmes migrantes", "Besoins partagés",
                     "Plan de renforcement", "Annexe : le questionnaire", "Trésorier·e", "Atelier collectif",
                     "Le bureau se réunit", "Affirmations à travailler en priorité"):
        assert expected in text, expected
    assert page_count(pdf) >= 8

    coded = pdf_text(to_pdf(issue(app, ctx, assessment.event_id, "docx", "fr", tmp_path, codes=True)))
    assert "OPM 1" in coded and "OPM 3" in coded and "Association Afrique Solidarité" not in coded
    assert "Statuts 2019" not in coded

    arabic = pdf_text(to_pdf(issue(app, ctx, assessment.event_id, "docx", "ar", tmp_path)))
    assert "الحكامة" in arabic and "يجتمع المكتب بانتظام" in arabic

    deck_path = issue(app, ctx, assessment.event_id, "pptx", "fr", tmp_path)
    deck = Presentation(str(deck_path))
    pictures = [shape for slide in deck.slides for shape in slide.shapes if shape.shape_type == 13]
    assert len(pictures) == 4 and len(deck.slides) == 1 + 1 + 3 + 2
    assert "Plan de renforcement" in pdf_text(to_pdf(deck_path))

    workbook = load_workbook(io.BytesIO(issue(app, ctx, assessment.event_id, "xlsx", "fr", tmp_path).read_bytes()))
    assert workbook.sheetnames == ["Scores", "Réponses", "Consensus", "Plan", "Questionnaire"]
    scores = list(workbook["Scores"].iter_rows(values_only=True))
    governance = next(row for row in scores if row[0] == "Association Afrique Solidarité" and row[2] == "gouvernance")
    # initial: item 1 agreed 2, items 2–4 mean(2, 1) = 1.5 → 1.625, printed 1.62 (round half to even); follow-up 3
    assert governance[3:7] == (1.62, 3, 1.38, 3)
    answers = list(workbook["Réponses"].iter_rows(values_only=True))
    assert len(answers) == 1 + sum(SIZES[domain] for respondents in ANSWERS.values() for _role, levels in respondents
                                   for domain in levels) + 4
    assert {row[8] for row in answers[1:]} == {1, 2, 3, 4, "Non applicable"}
