"""The three drafts as a reader gets them: rendered by LibreOffice, read back as text and pages."""
from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document
from pptx import Presentation

from workshop.i18n import translator
from workshop.services import barometer
from workshop.services.barometer_files import barometer_file

from ..exports.rendering import page_count, pdf_text, png_pages, to_pdf
from .conftest import fill_edition


@pytest.fixture
def edition(app):  # type: ignore[no-untyped-def]
    ctx = app.extensions["workshop"]
    first = fill_edition(ctx, "Baromètre 2025", seed=3, share=0.6)
    second = fill_edition(ctx, "Baromètre 2026", previous=first["id"], seed=7, share=0.5)
    return ctx, second


def issue(app, ctx, edition_id: int, draft: str, file_format: str, language: str, out: Path) -> Path:  # type: ignore[no-untyped-def]
    with app.app_context():
        exported = barometer_file(ctx, edition_id, draft=draft, file_format=file_format, language=language,
                                  translate=translator(language))
    path = out / exported.filename
    path.write_bytes(exported.content)
    return path


def test_three_drafts_in_french_rendered(app, edition, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    ctx, second = edition
    first_draft = to_pdf(issue(app, ctx, second["id"], "1", "docx", "fr", tmp_path))
    text = pdf_text(first_draft)
    assert "Premier projet — édition n° 1 du" in text
    assert "Projet soumis à relecture" in text
    assert "Tableau des scores : régions × secteurs" in text and "Annexe 1 — Méthode" in text
    assert "À compléter" in text  # the writers' texts are not written yet: marked, never invented
    assert "Ce qui a changé" not in text
    assert page_count(first_draft) >= 20
    pages = png_pages(first_draft)
    assert len(pages) == page_count(first_draft)

    barometer.add_comment(ctx, edition_id=second["id"], draft="1", section="justice", author="Relectrice",
                          text="Ajouter la source des plaintes refusées.")
    barometer.set_narrative(ctx, edition_id=second["id"], section="summary",
                            text="L'accès aux soins progresse ; la justice reste la plus difficile d'accès.")
    from workshop.services.barometer_field import import_submissions

    from .conftest import SAME
    from .field_export import as_xlsx

    import_submissions(ctx, second["id"], as_xlsx(second["headers"], second["rows"]), SAME)
    second_draft = to_pdf(issue(app, ctx, second["id"], "2", "docx", "fr", tmp_path))
    text = pdf_text(second_draft)
    assert "Deuxième projet — édition n° 1 du" in text
    assert "Ce qui a changé depuis le projet précédent" in text and "Chiffres qui ont bougé" in text
    assert "Sections complétées depuis le projet précédent" in text
    assert "Ajouter la source des" in text and "Relectrice" in text  # the comment's table cell wraps
    assert "L'accès aux soins progresse" in text

    final = to_pdf(issue(app, ctx, second["id"], "final", "docx", "fr", tmp_path))
    text = pdf_text(final)
    assert "Rapport final — édition n° 1 du" in text and "Rapport final. Les chiffres" in text
    assert "Aucun commentaire n'a été enregistré sur le projet précédent." in text
    assert "Baromètre 2025" in text  # compared with the previous edition
    document = Document(str(final.with_suffix(".docx")))
    assert len(document.inline_shapes) >= 6  # scoreboard, maps, gap, perceptions, trends, timeline
    assert all(shape._inline.docPr.get("descr") for shape in document.inline_shapes)  # alternative text


def test_arabic_final_report_and_slides_right_to_left(app, edition, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    ctx, second = edition
    docx_path = issue(app, ctx, second["id"], "final", "docx", "ar", tmp_path)
    body = Document(str(docx_path)).element.body
    assert body.find(".//{http://schemas.openxmlformats.org/wordprocessingml/2006/main}bidi") is not None
    text = pdf_text(to_pdf(docx_path))
    assert "التقرير النهائي" in text and "جدول الدرجات" in text
    deck_path = issue(app, ctx, second["id"], "1", "pptx", "ar", tmp_path)
    deck = Presentation(str(deck_path))
    assert len(deck.slides) >= 10
    paragraphs = [paragraph for slide in deck.slides for shape in slide.shapes if shape.has_text_frame
                  for paragraph in shape.text_frame.paragraphs if paragraph.text.strip()]
    assert paragraphs and all(paragraph._p.pPr is not None and paragraph._p.pPr.get("rtl") == "1"
                              for paragraph in paragraphs)
    rendered = to_pdf(deck_path)
    assert page_count(rendered) == len(deck.slides)
    assert "المسودة" in pdf_text(rendered)  # pdftotext splits the lam-alef ligature of « الأولى »
