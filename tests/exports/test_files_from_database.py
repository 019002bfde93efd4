"""Every export, from a real database through the builder to bytes, reopened by its own library.

The renderer tests use hand-built reports; these check the whole path, and the bad inputs the issue names:
an empty room, 2,000 ideas, formulas, control characters, 5,000-character texts, and an Arabic meeting.
"""
from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import replace

import pytest
from docx import Document
from openpyxl import load_workbook
from PIL import Image
from pptx import Presentation

from workshop.services import agenda, clustering, contributions
from workshop.services.events import create_event, find_room
from workshop.domain.errors import DomainError
from workshop.services.files import export_event_file, export_room_file, room_has_word_cloud
from workshop.services.participants import join_room

from .rendering import page_count, to_pdf

HOSTILE = ["=HYPERLINK(\"http://example.invalid\")", "+212 6 00 00 00 00", "-1+1", "@SUM(A1:A9)", "ligne\x07cloche\x0b",
           "y" * 5000, "Texte mêlé عربي et français"]


def identity(text: str) -> str:
    return text


def open_everything(ctx, code: str, language: str = "fr", *, cloud: bool = False) -> dict[str, bytes]:  # type: ignore[no-untyped-def]
    files = {}
    for export_format in ("pptx", "docx", "xlsx", "csv", "json"):
        files[export_format] = export_room_file(ctx, code, export_format, language=language, translate=identity).content
    assert len(Presentation(io.BytesIO(files["pptx"])).slides) >= 1
    assert Document(io.BytesIO(files["docx"])).paragraphs
    assert load_workbook(io.BytesIO(files["xlsx"])).sheetnames
    assert zipfile.ZipFile(io.BytesIO(files["csv"])).testzip() is None
    assert room_has_word_cloud(ctx, code) is cloud
    for image in ("png", "svg"):
        if cloud:
            files[image] = export_room_file(ctx, code, image, language=language, translate=identity).content
        else:  # a room without a word cloud has no blank picture of one
            with pytest.raises(DomainError) as refused:
                export_room_file(ctx, code, image, language=language, translate=identity)
            assert refused.value.code == "no_word_cloud"
    if cloud:
        assert Image.open(io.BytesIO(files["png"])).size[0] > 0
        assert files["svg"].lstrip().startswith((b"<svg", b"<?xml"))
    return files


@pytest.fixture
def room(ctx):  # type: ignore[no-untyped-def]
    created = create_event(ctx, title="Rencontre nationale SNI", room_names=["Atelier"])
    code = created.rooms[0][1]
    with ctx.db.read() as session:
        room_id = find_room(session, code).id
    return created, code, room_id


def test_an_empty_room_gives_valid_files(ctx, room) -> None:
    created, code, _room_id = room
    open_everything(ctx, code)
    with pytest.raises(Exception) as refused:
        export_event_file(ctx, created.event_id, "compte-rendu-consolide", language="fr", translate=identity)
    assert getattr(refused.value, "code", None) == "document_needs_workshops"


def test_two_thousand_hostile_ideas_give_valid_files_with_formulas_as_text(ctx, room, tmp_path) -> None:
    ctx = replace(ctx, settings=replace(ctx.settings, rate_limit_count=10_000))
    _created, code, room_id = room
    brainstorm = agenda.create_activity(ctx, room_id=room_id, type_name="brainstorm", prompt="Idées ?",
                                        config={"max_per_participant": 50, "max_length": 1000})["activity_id"]
    agenda.set_phase(ctx, room_id=room_id, activity_id=brainstorm, phase="open")
    phones = [join_room(ctx, code=code, token=None) for _ in range(40)]
    texts = [HOSTILE[n] if n < len(HOSTILE) else f"Idée {n} sur l'accès aux droits" for n in range(2000)]
    texts[5] = "y" * 1000  # the activity's own limit; the 5,000-character case is covered by the renderer tests
    ids = [contributions.submit_idea(ctx, phones[n % 40], activity_id=brainstorm, text=text, op_id=f"hostile-{n:05d}")
           ["idea_id"] for n, text in enumerate(texts)]
    clustering.create_cluster(ctx, room_id=room_id, activity_id=brainstorm, label="=Tout", idea_ids=ids[:500],
                              actor="console")
    files = open_everything(ctx, code)
    cells = [cell for sheet in load_workbook(io.BytesIO(files["xlsx"])).worksheets
             for row in sheet.iter_rows() for cell in row if cell.value is not None]
    assert not [cell.coordinate for cell in cells if cell.data_type == "f"]  # no formula survives as a formula
    literal = [cell for cell in cells if cell.value == HOSTILE[0]]
    assert literal and all(cell.data_type == "s" and cell.quotePrefix for cell in literal)
    with zipfile.ZipFile(io.BytesIO(files["csv"])) as archive:
        name = next(name for name in archive.namelist() if "idea" in name.lower() or "idée" in name.lower()) \
            if any("idea" in name.lower() for name in archive.namelist()) else archive.namelist()[0]
        rows = list(csv.reader(io.StringIO(archive.read(name).decode("utf-8-sig")), delimiter=";"))
    assert len(rows) >= 2000
    assert not any(cell.startswith(("=", "+", "-", "@")) for row in rows[1:] for cell in row)
    deck = tmp_path / "hostile.pptx"
    deck.write_bytes(files["pptx"])
    assert page_count(to_pdf(deck)) == len(Presentation(io.BytesIO(files["pptx"])).slides)


def test_an_arabic_meeting_exports_right_to_left(ctx, room) -> None:
    _created, code, room_id = room
    brainstorm = agenda.create_activity(ctx, room_id=room_id, type_name="brainstorm", prompt="ما هي الأولويات؟",
                                        config={})["activity_id"]
    agenda.set_phase(ctx, room_id=room_id, activity_id=brainstorm, phase="open")
    phone = join_room(ctx, code=code, token=None)
    for text in ("الولوج إلى العلاج", "بطاقة الإقامة", "التعليم للجميع"):
        contributions.submit_idea(ctx, phone, activity_id=brainstorm, text=text, op_id=f"arabic-{len(text):03d}-op")
    files = open_everything(ctx, code, language="ar")
    document = Document(io.BytesIO(files["docx"]))
    bidi = [paragraph for paragraph in document.paragraphs if paragraph._p.pPr is not None
            and paragraph._p.pPr.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}bidi") is not None]
    assert bidi and "الولوج إلى العلاج" in "\n".join(p.text for p in document.paragraphs + [
        cell.paragraphs[0] for table in document.tables for row in table.rows for cell in row.cells])
    slides_xml = b"".join(part.blob for part in Presentation(io.BytesIO(files["pptx"])).part.package.iter_parts()
                          if part.partname.startswith("/ppt/slides/slide"))
    assert b'rtl="1"' in slides_xml
    assert load_workbook(io.BytesIO(files["xlsx"])).worksheets[0].sheet_view.rightToLeft is True


def test_a_word_cloud_room_draws_its_phrases(ctx, room) -> None:
    _created, code, room_id = room
    cloud = agenda.create_activity(ctx, room_id=room_id, type_name="word_cloud", prompt="En un mot ?",
                                   config={})["activity_id"]
    agenda.set_phase(ctx, room_id=room_id, activity_id=cloud, phase="open")
    for number, text in enumerate(("carte de séjour", "Carte de séjour", "CIN exigée")):
        phone = join_room(ctx, code=code, token=None)
        contributions.submit_idea(ctx, phone, activity_id=cloud, text=text, op_id=f"cloud-{number:03d}-op")
    files = open_everything(ctx, code, cloud=True)
    assert "carte de séjour" in files["svg"].decode() and "CIN exigée" in files["svg"].decode()
