"""The capacity-building workshop report from a real room, rendered by LibreOffice and read back: its sections, the
matched before/after figures, the chart, attendance by type and sex, satisfaction, and what is left to complete."""
from __future__ import annotations

import re

import io
import zipfile
from pathlib import Path

import pytest
from docx import Document
from PIL import Image

from workshop.exports.catalogue import room_download
from workshop.exports.training_charts import AFTER_COLOUR, BEFORE_COLOUR
from workshop.i18n import translator
from workshop.services import agenda, contributions
from workshop.services.events import create_event, find_room
from workshop.services.files import export_room_file
from workshop.services.participants import join_room, update_profile

from .rendering import pdf_text, to_pdf

QUESTIONS = """Qui approuve les comptes annuels d'une association ?
- Le bureau
* L'assemblée générale
- Le trésorier

Quelles pièces justifient une dépense ?
* Une facture
* Un reçu
- Une promesse
"""
PROFILES = [{"sex": "femme", "organisation_type": "opm"}, {"sex": "femme", "organisation_type": "opm"},
            {"sex": "homme", "organisation_type": "association"}, {"sex": "non_dit"}, {}]


def answers(right: tuple[bool, bool]) -> list[dict]:
    first = [{"target_id": 0, "points": 1, "criterion": "option:1" if right[0] else "option:0"}]
    second = [{"target_id": 1, "points": 1, "criterion": f"option:{index}"} for index in ((0, 1) if right[1] else (2,))]
    return first + second


@pytest.fixture
def training(ctx):  # type: ignore[no-untyped-def]
    created = create_event(ctx, title="Renforcement des OPM — gestion financière", room_names=["Atelier 1"])
    code = created.rooms[0][1]
    with ctx.db.read() as session:
        room_id = find_room(session, code).id
    phones = [join_room(ctx, code=code, token=None) for _ in PROFILES]
    for number, (phone, tags) in enumerate(zip(phones, PROFILES)):
        update_profile(ctx, phone, pseudonym=None, tags=tags, op_id=f"profile-{number}")

    def run(type_name: str, prompt: str, config: dict, ballots: list[list[dict]]) -> int:
        activity_id = agenda.create_activity(ctx, room_id=room_id, type_name=type_name, prompt=prompt,
                                             config=config)["activity_id"]
        agenda.set_phase(ctx, room_id=room_id, activity_id=activity_id, phase="open")
        for number, ballot in enumerate(ballots):
            assert contributions.cast_votes(ctx, phones[number], activity_id=activity_id, allocations=ballot,
                                            op_id=f"ballot-{activity_id}-{number:04d}")["ok"]
        agenda.set_phase(ctx, room_id=room_id, activity_id=activity_id, phase="closed")
        return activity_id

    pre = run("quiz", "Pré-test gestion financière", {"questions": QUESTIONS},
              [answers(right) for right in ((False, False), (True, False), (False, False), (False, True), (True, True))])
    run("quiz", "Post-test gestion financière", {"pre_test_id": pre},
        [answers(right) for right in ((True, True), (True, True), (True, False), (False, True))])
    run("scale", "Cet atelier vous a-t-il été utile ?", {}, [[{"target_id": 0, "points": points}] for points in (5, 4, 4, 5)])
    return code


def test_the_capacity_building_report_rendered_by_libreoffice(ctx, training, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                              app) -> None:
    assert room_download("renforcement").document == "rapport-renforcement"
    with app.app_context():
        exported = export_room_file(ctx, training, "renforcement", language="fr", translate=translator("fr"))
    assert exported.filename.endswith("-rapport-renforcement.docx")
    path = tmp_path / exported.filename
    path.write_bytes(exported.content)

    # The before/after chart: a picture with both moments' colours, described for screen readers.
    document = Document(io.BytesIO(exported.content))
    pictures = [part for part in document.part.package.parts if part.partname.endswith(".png")]
    colours = set()
    for picture in pictures:
        image = Image.open(io.BytesIO(picture.blob)).convert("RGB")
        colours |= {f"#{red:02X}{green:02X}{blue:02X}" for _count, (red, green, blue) in image.getcolors(1 << 20)}
    assert {BEFORE_COLOUR, AFTER_COLOUR} <= colours
    descriptions = [element.get("descr") for element in document.element.body.iter()
                    if element.tag.endswith("}docPr")]
    assert "Part de réponses justes par question (%). Avant / Après" in descriptions

    pdf = to_pdf(path)
    text = " ".join(pdf_text(pdf).split())
    for heading in ("Rapport d'atelier de renforcement des capacités", "Objectifs", "Programme", "Participation",
                    "Connaissances avant et après la formation", "Satisfaction", "Observations de l'animateur·rice",
                    "Suivi de l'auto-évaluation", "Prochaines étapes"):
        assert heading in text, heading
    # Four people took both tests: scores before 0, 50, 0, 50 and after 100, 100, 50, 50 (percent of 2 questions).
    # Changes 100, 50, 50, 0: 50 ± t(0.975, 3) · 40.8 / 2 = 50 ± 65.0, printed within the ±100 a change can be.
    assert ("4 personnes ont répondu avant et après : score moyen 25,0 % → 75,0 %, évolution de +50,0 points "
            "(intervalle à 95 % : de -15,0 à +100,0) ; 75,0 % ont progressé.") in text
    assert "Non appariés : 1 avant, 0 après" in text
    # The question's cell may wrap: its last words then come after the row's figures in the PDF's text.
    assert re.search(r"Q1\. Qui approuve les comptes annuels d'une (association \? )?40,0 % 75,0 %( association \?)?",
                     text)
    assert "Q2. Quelles pièces justifient une dépense ? 40,0 % 75,0 %" in text
    assert "appariées par le téléphone (même jour, même salle)" in text
    # Attendance: five phones, by type of organisation and by sex, nobody named.
    assert "Participants 5" in text
    for row in ("Organisation de personnes migrantes (OPM) 2", "Femme 2", "Homme 1", "Je préfère ne pas répondre 1",
                "Non renseigné 1"):
        assert row in text, row
    assert "Cet atelier vous a-t-il été utile ?" in text  # the satisfaction scale
    assert text.count("À compléter") >= 3  # objectives, observations, next steps: for the facilitator to write


def test_the_report_in_arabic_reads_right_to_left_with_its_figure(ctx, training, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                                  app) -> None:
    with app.app_context():
        exported = export_room_file(ctx, training, "renforcement", language="ar", translate=translator("ar"))
    document = Document(io.BytesIO(exported.content))
    assert any(element.tag.endswith("}bidi") for element in document.element.body.iter())
    descriptions = [element.get("descr") for element in document.element.body.iter() if element.tag.endswith("}docPr")]
    assert "نسبة الأجوبة الصحيحة لكل سؤال (%). قبل / بعد" in descriptions
    path = tmp_path / exported.filename
    path.write_bytes(exported.content)
    text = pdf_text(to_pdf(path))
    for heading in ("تقرير ورشة تعزيز القدرات", "المعارف قبل التكوين وبعده", "الرضا", "متابعة التقييم الذاتي"):
        assert heading in text, heading


def test_every_file_of_a_training_room_opens_and_the_workbook_keeps_the_code_out(ctx, training) -> None:  # type: ignore[no-untyped-def]
    from openpyxl import load_workbook

    from .test_files_from_database import open_everything

    with ctx.db.read() as session:
        room_id = find_room(session, training).id
    quiz = agenda.create_activity(ctx, room_id=room_id, type_name="quiz", prompt="Jour 2 : pré-test",
                                  config={"questions": QUESTIONS, "pairing": "code"})["activity_id"]
    agenda.set_phase(ctx, room_id=room_id, activity_id=quiz, phase="open")
    phone = join_room(ctx, code=training, token=None)
    assert contributions.cast_votes(ctx, phone, activity_id=quiz, op_id="ballot-code-0001", allocations=[
        {"target_id": 0, "points": 1, "criterion": "code:ZA11"}, *answers((True, True))])["ok"]
    files = open_everything(ctx, training)
    cells = [str(cell.value) for sheet in load_workbook(io.BytesIO(files["xlsx"])).worksheets
             for row in sheet.iter_rows() for cell in row if cell.value is not None]
    assert any("Qui approuve les comptes annuels" in cell for cell in cells)
    minutes = Document(io.BytesIO(files["docx"]))  # the compte rendu counts by sex too, as people said it
    rows = [tuple(cell.text for cell in row.cells) for table in minutes.tables for row in table.rows]
    assert {("Woman", "2"), ("Man", "1"), ("Prefer not to say", "1")} <= set(rows), rows  # untranslated here
    assert "Option 2" in cells  # the votes sheet names each option chosen…
    assert not any("ZA11" in cell or cell.startswith("code:") for cell in cells)  # …and never the pairing code
    csv_text = "".join(zipfile.ZipFile(io.BytesIO(files["csv"])).read(name).decode("utf-8-sig")
                       for name in zipfile.ZipFile(io.BytesIO(files["csv"])).namelist())
    assert "Option 2" in csv_text and "ZA11" not in csv_text
