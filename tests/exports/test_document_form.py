"""What a reader of the documents notices first, checked on the pages LibreOffice prints: wide tables on landscape
pages, no word broken inside a column, rows kept whole, a table of contents with page numbers in long documents."""
from __future__ import annotations

import io
import re
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn

from workshop.exports.documents import TableBlock, compose
from workshop.exports.labels import all_labels
from workshop.exports.word import render_docx, render_document
from workshop.exports.word.contents import estimated_pages
from workshop.exports.word.style import TEXT_WIDTH
from workshop.exports.word.tables import column_widths, needs_landscape

from .rendering import page_count, pdf_text, to_pdf
from .sample_reports import arabic_report, french_report

LABELS = all_labels()


def page_sizes(pdf: Path) -> list[tuple[float, float]]:
    info = subprocess.run(["pdfinfo", "-f", "1", "-l", "999", str(pdf)], check=True, capture_output=True, text=True,
                          timeout=60).stdout
    return [(float(width), float(height)) for width, height in
            re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", info)]


@pytest.fixture(scope="module")
def sri_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("form") / "sri.docx"
    path.write_bytes(render_document(french_report(kind="sri"), "sri"))
    return to_pdf(path)


def test_the_declination_table_is_printed_on_a_landscape_page_and_the_rest_in_portrait(sri_pdf: Path) -> None:
    sizes = page_sizes(sri_pdf)
    landscape = [number for number, (width, height) in enumerate(sizes, start=1) if width > height]
    assert len(landscape) == 1 and len(sizes) > 3
    text = " ".join(pdf_text(sri_pdf, first=landscape[0], last=landscape[0]).split())
    assert LABELS["declination_table"] in text and LABELS["regional_objectives"] in text
    assert "préfecture d'ici 2027" in text
    before = " ".join(pdf_text(sri_pdf, first=landscape[0] - 1, last=landscape[0] - 1).split())
    assert LABELS["declination_table"] not in before  # its heading moved with it
    # The header and the page numbers go on in the landscape section.
    assert f"{landscape[0]} / {len(sizes)}" in text and "Rencontre nationale SNI" in text


def test_long_documents_open_with_a_table_of_contents_whose_page_numbers_are_right(sri_pdf: Path) -> None:
    pages = page_count(sri_pdf)
    assert pages >= 8
    contents = pdf_text(sri_pdf, first=2, last=2)
    assert LABELS["contents"] in contents
    numbers = {}
    for line in contents.splitlines():
        found = re.match(r"\s*(.+?)\s*\.{3,}\s*(\d+)\s*$", line)
        if found:
            numbers[found.group(1).strip()] = int(found.group(2))
    assert len(numbers) > 10
    for title in (LABELS["declination_table"], LABELS["annexes"], "Axe A2 — Simplifier le renouvellement des cartes de séjour"):
        page = numbers[title]
        assert title in " ".join(pdf_text(sri_pdf, first=page, last=page).split()), title


def test_short_documents_have_no_table_of_contents() -> None:
    model = compose(french_report(), "note-de-politique")
    assert estimated_pages(model) < 8
    document = Document(io.BytesIO(render_docx(model)))
    assert LABELS["contents"] not in [paragraph.text for paragraph in document.paragraphs]


@pytest.mark.parametrize("language", ["fr", "ar"])
def test_columns_are_never_narrower_than_their_longest_word_and_rows_stay_whole(language: str, tmp_path: Path) -> None:
    """« Ran/g », « Nationa/l »: a narrow column breaks a word. Columns get at least their longest word."""
    words = ["Rang", "National", "Régional", "Disposition", "Institutionnel", "Consensus", "Préfecture"]
    if language == "ar":
        words = ["الرتبة", "الوطني", "الجهوي", "المنظمات", "المؤسساتية", "التوافق", "العمالة"]
    headers = tuple(words)
    rows = tuple(tuple(f"{word} {number}" for word in words) for number in range(40))
    block = TableBlock(headers, rows, (), (6, 1, 1, 1, 1, 1, 1))  # asked widths that would break words
    report = arabic_report() if language == "ar" else french_report()
    model = compose(report, "note-de-politique")
    model = replace(model, blocks=(block,))
    data = render_docx(model)
    path = tmp_path / "table.docx"
    path.write_bytes(data)
    text = pdf_text(to_pdf(path))
    for word in words:
        assert word in text, word
    document = Document(io.BytesIO(data))
    table = document.tables[-1]
    body_rows = table.rows[1:]
    assert all(row._tr.trPr is not None and row._tr.trPr.find(qn("w:cantSplit")) is not None for row in body_rows)
    widths = column_widths(block, TEXT_WIDTH)
    assert abs(sum(widths) - TEXT_WIDTH) < 0.01


def test_a_table_whose_words_cannot_fit_a_portrait_page_turns_landscape() -> None:
    narrow = TableBlock(("Rang", "Axe", "Score"), (("1", "Accès aux soins", "82,5"),), (0, 2))
    wide = TableBlock(tuple(f"Organisations{n}" for n in range(12)), (tuple("Institutionnelles" for _ in range(12)),))
    assert not needs_landscape(narrow)
    assert needs_landscape(wide)
    assert needs_landscape(replace(narrow, landscape=True))


# --- One number format per language -------------------------------------------------------------------------

def test_numbers_are_written_as_the_language_writes_them_in_documents() -> None:
    report = french_report()
    document = Document(io.BytesIO(render_document(report, "sni")))
    facts = [[cell.text for cell in row.cells] for table in document.tables for row in table.rows]
    assert [LABELS["score"], "82,5"] in facts and [LABELS["score"], "82.5"] not in facts
    english = replace(report, meta=replace(report.meta, language="en"))
    facts = [[cell.text for cell in row.cells] for table in Document(io.BytesIO(render_document(english, "sni"))).tables
             for row in table.rows]
    assert [LABELS["score"], "82.5"] in facts


@pytest.mark.parametrize(("language", "expected"), [("fr", "82,5"), ("ar", "82,5"), ("en", None)])
def test_deck_chart_labels_use_the_languages_decimal_comma(language: str, expected: str | None) -> None:
    from pptx import Presentation

    from workshop.exports.deck import render_deck
    report = french_report()
    report = replace(report, meta=replace(report.meta, language=language, direction="rtl" if language == "ar" else "ltr"))
    deck = Presentation(io.BytesIO(render_deck(report)))
    labels = [point.data_label.text_frame.text for slide in deck.slides for shape in slide.shapes if shape.has_chart
              for plot in shape.chart.plots for series in plot.series for point in series.points
              if point.data_label.has_text_frame]
    if expected is None:  # English: the number format's own dot
        assert labels == []
    else:
        assert expected in labels and not any("." in label for label in labels)


# --- The strategy's figures ------------------------------------------------------------------------------------

def test_the_sni_carries_the_power_interest_grids_and_the_problem_trees_as_figures(tmp_path: Path) -> None:
    from workshop.exports.documents import Heading, Picture

    report = french_report()
    model = compose(report, "sni")
    pictures = [block for block in model.blocks if isinstance(block, Picture)]
    grids = [picture for picture in pictures if picture.description.startswith(LABELS["deck_power_interest"])]
    trees = [picture for picture in pictures if picture.description.startswith(LABELS["problem_trees"])]
    axes = report.strategy.axes
    assert len(grids) == 1 + len(axes)  # every actor in the power analysis, then each axe's own
    assert len(trees) == len(axes)
    for actor in axes[0].actors:
        assert actor.name in grids[0].description
    assert axes[0].problem in trees[0].description and axes[0].causes[0] in trees[0].description
    headings = [block.text for block in model.blocks if isinstance(block, Heading)]
    annex = headings.index(LABELS["problem_trees"])
    assert headings[annex + 1].endswith(axes[0].title)
    assert LABELS["hint_problem_trees"] not in [getattr(block, "hint", "") for block in model.blocks]
    path = tmp_path / "sni.docx"
    path.write_bytes(render_docx(model))
    pdf = to_pdf(path)
    listed = subprocess.run(["pdfimages", "-list", str(pdf)], check=True, capture_output=True, text=True,
                            timeout=60).stdout.splitlines()[2:]
    assert len(listed) >= len(grids) + len(trees)


def test_a_strategy_without_problems_or_placed_actors_keeps_the_writers_prompts() -> None:
    from workshop.exports.documents import Callout, Picture

    report = french_report()
    axes = tuple(replace(axis, problem="", actors=tuple(replace(actor, influence=None) for actor in axis.actors))
                 for axis in report.strategy.axes)
    model = compose(replace(report, strategy=replace(report.strategy, axes=axes)), "sni")
    assert not [block for block in model.blocks if isinstance(block, Picture)]
    assert LABELS["hint_problem_trees"] in [block.hint for block in model.blocks if isinstance(block, Callout)]
