"""No renderer loses a table row: every table of the deck and of every document, with more rows than a slide or a
page holds, in French, Arabic and English, re-opened and rendered by LibreOffice, shows each of its rows.

Each row carries a token (``K<table>R<row>``) that the test looks for in the file and in the rendered PDF's text.
The Arabic deck once drew only the first page of an axe's asks: four of five rows, and nothing said so.
"""
from __future__ import annotations

import io
import re
from dataclasses import replace
from pathlib import Path

import pytest
from docx import Document
from pptx import Presentation

from workshop.exports.deck import render_deck
from workshop.exports.documents import COMPOSERS, TableBlock, compose
from workshop.exports.report import Report, Table
from workshop.exports.word import render_docx

from .rendering import pdf_text, to_pdf
from .sample_reports import arabic_report, french_report

TOKEN = re.compile(r"K\d+R\d+")
WORDS = {"fr": "Mesure régionale d'accès aux droits pour les personnes migrantes",
         "en": "Regional measure on access to rights for migrants",
         "ar": "إجراء جهوي لولوج المهاجرين إلى الحقوق"}


class Tokens:
    """Hands out one token per row, remembering them all."""

    def __init__(self) -> None:
        self.table = 0
        self.all: set[str] = set()

    def rows(self, count: int, columns: int, language: str, numeric: tuple[int, ...] = ()) -> tuple[tuple[str, ...], ...]:
        self.table += 1
        rows = []
        for row in range(1, count + 1):
            token = f"K{self.table}R{row}"
            self.all.add(token)
            rows.append(tuple(str(row) if column in numeric else (f"{token} {WORDS[language]}" if column == 1 or
                                                                   columns == 1 else WORDS[language][:24])
                              for column in range(columns)))
        return tuple(rows)

    def table_like(self, table: Table, count: int, language: str) -> Table:
        return replace(table, rows=self.rows(count, len(table.headers), language, table.numeric_columns))


def crowded(language: str, tokens: Tokens) -> Report:
    """Every table of the report far longer than a slide or a page."""
    base = arabic_report() if language == "ar" else french_report(kind="sri")
    if language == "ar":
        base = replace(base, strategy=french_report(kind="sri").strategy)
    meta = replace(base.meta, language=language, direction="rtl" if language == "ar" else "ltr")

    def activity(item):  # type: ignore[no-untyped-def]
        return replace(item, table=item.table and tokens.table_like(item.table, 45, language))

    rooms = tuple(replace(room, activities=tuple(activity(item) for item in room.activities),
                          priorities=tokens.table_like(room.priorities or Table(("Rang", "Regroupement", "Score"), (),
                                                                                (0, 2)), 45, language))
                  for room in base.rooms)
    strategy = base.strategy
    axes = tuple(replace(axis, asks=tuple(tuple(row) for row in tokens.rows(12, 4, language)),  # type: ignore[misc]
                         blocks=tuple(replace(block, tables=tuple(tokens.table_like(table, 30, language)
                                                                  for table in block.tables))
                                      for block in axis.blocks))
                 for axis in strategy.axes)
    strategy = replace(strategy, axes=axes, scores=tokens.table_like(strategy.scores, 40, language))
    comparison = base.comparison and replace(base.comparison,
                                             table=tokens.table_like(base.comparison.table, 40, language))
    return replace(base, meta=meta, rooms=rooms, strategy=strategy, comparison=comparison)


def deck_table_tokens(data: bytes) -> set[str]:
    deck = Presentation(io.BytesIO(data))
    return {token for slide in deck.slides for shape in slide.shapes if shape.has_table
            for row in shape.table.rows for cell in row.cells for token in TOKEN.findall(cell.text)}


def document_table_tokens(data: bytes) -> set[str]:
    document = Document(io.BytesIO(data))
    return {token for table in document.tables for row in table.rows for cell in row.cells
            for token in TOKEN.findall(cell.text)}


@pytest.mark.parametrize("language", ["fr", "ar", "en"])
def test_every_deck_table_keeps_every_row_as_rendered(language: str, tmp_path: Path) -> None:
    tokens = Tokens()
    report = crowded(language, tokens)
    data = render_deck(report)
    # Every token the deck's tables could show: all rows of the tables the deck prints.
    expected = {token for token in tokens.all if token in _deck_tokens_expected(report)}
    assert expected and deck_table_tokens(data) >= expected
    path = tmp_path / f"deck-{language}.pptx"
    path.write_bytes(data)
    seen = set(TOKEN.findall(pdf_text(to_pdf(path))))
    assert expected - seen == set()


def _deck_tokens_expected(report: Report) -> set[str]:
    """The tables the deck prints: activities', rooms' priorities, the comparison, the scores and every axe's asks."""
    tables = [item.table for room in report.rooms for item in room.activities if item.table is not None]
    tables += [room.priorities for room in report.rooms if room.priorities is not None]
    if report.comparison and report.comparison.table:
        tables.append(report.comparison.table)
    if report.strategy:
        tables.append(report.strategy.scores)
        tables += [Table(("",) * 4, axis.asks) for axis in report.strategy.axes]
    return {token for table in tables if table for row in table.rows for cell in row for token in TOKEN.findall(cell)}


@pytest.mark.parametrize("language", ["fr", "ar", "en"])
def test_every_document_table_keeps_every_row_as_rendered(language: str, tmp_path: Path) -> None:
    tokens = Tokens()
    report = crowded(language, tokens)
    with_rows = set()
    for name in COMPOSERS:
        if name in ("sni", "note-de-politique"):
            document_report = replace(report, strategy=replace(report.strategy, kind="sni"))
        else:
            document_report = report
        model = compose(document_report, name)
        in_model = {token for block in model.blocks if isinstance(block, TableBlock) for row in block.rows
                    for cell in row if isinstance(cell, str) for token in TOKEN.findall(cell)}
        if not in_model:  # a document made of other data (a capacity-building report): nothing of these tables
            continue
        with_rows.add(name)
        data = render_docx(model)
        path = tmp_path / f"{name}-{language}.docx"
        path.write_bytes(data)
        seen = set(TOKEN.findall(pdf_text(to_pdf(path))))
        assert in_model - document_table_tokens(data) == set(), name
        assert in_model - seen == set(), name
    assert with_rows >= {"compte-rendu", "compte-rendu-consolide", "sni", "note-de-politique", "sri",
                         "document-de-position"}
