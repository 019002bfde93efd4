"""Print a document model (documents/) as .docx bytes: real heading styles, A4, header and page numbers, RTL.

Right-to-left documents get ``<w:bidi/>`` on every paragraph, ``<w:rtl/>`` and ``ar-MA`` on every
run, ``bidiVisual`` tables, one font that has both Arabic and Latin glyphs in every slot, and no explicit RIGHT
alignment (LibreOffice reads a bidi paragraph's "right" as its end and left-aligns it).

The package: style.py (page, fonts, colours), base.py (paragraphs and runs), setup.py (styles, numbering, section,
properties), tables.py (tables and facts), charts.py (charts as pictures); the renderer below prints the blocks.
"""
from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any

from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.shared import Cm
from docx.text.paragraph import Paragraph as DocxParagraph

from ..documents import (Block, BulletList, Callout, Cover, DocumentModel, Facts, Figure, Heading, PageBreak, Paragraph,
                         Picture, TableBlock, compose)
from ..report import Report
from ..typography import clean_text, colon
from .charts import chart_png
from .setup import DocumentSetup
from .style import NAVY, TEXT_WIDTH
from .contents import ContentsWriting, wants_contents
from .tables import TableWriting, needs_landscape

__all__ = ["render_document", "render_docx"]


def render_document(report: Report, name: str) -> bytes:
    """The .docx bytes of the document called ``name`` (see documents.COMPOSERS) for this report."""
    return render_docx(compose(report, name))


def render_docx(model: DocumentModel) -> bytes:
    """The model printed as a Word document."""
    return Renderer(model).render()


def landscape_blocks(blocks: tuple[Block, ...]) -> list[bool]:
    """Which blocks go in a landscape section: wide tables, with the headings and notes that introduce them."""
    wide = [isinstance(block, TableBlock) and needs_landscape(block) for block in blocks]
    for index in range(len(blocks) - 2, -1, -1):
        introduces = isinstance(blocks[index], Heading) or (isinstance(blocks[index], Paragraph)
                                                           and blocks[index].kind == "note")
        if introduces and wide[index + 1]:
            wide[index] = True
    return wide


class Renderer(ContentsWriting, TableWriting, DocumentSetup):
    """Prints one document model, block by block."""

    def __init__(self, model: DocumentModel) -> None:
        super().__init__(model)
        self.handlers: dict[type, Callable[[Any], None]] = {
            Heading: self._heading, Paragraph: self._paragraph, BulletList: self._bullets, TableBlock: self._table,
            Facts: self._facts, Callout: self._callout, Figure: self._figure, Picture: self._picture,
            PageBreak: self._page_break}

    def render(self) -> bytes:
        self._setup_styles()
        self._setup_numbering()
        self._setup_section()
        if self.model.cover is not None:
            self._cover(self.model.cover)
        else:
            self._title()
        targets = self._contents_targets() if wants_contents(self.model) else []
        if targets:
            self._contents(targets)
        landscape = False
        for index, (block, wide) in enumerate(zip(self.model.blocks, landscape_blocks(self.model.blocks))):
            if wide != landscape:
                self._turn_page(wide)
                landscape = wide
            if isinstance(block, Heading):
                self._bookmark(self._heading(block), index)
            else:
                self.handlers[type(block)](block)
        self._properties()
        output = io.BytesIO()
        self.document.save(output)
        return output.getvalue()

    # --- blocks -----------------------------------------------------------------------------------

    def _title(self) -> None:
        if self.model.kicker:
            self._write("Kicker", self.model.kicker)
        self._write("Title", self.model.title)
        if self.model.subtitle:
            self._write("Subtitle", self.model.subtitle)

    def _cover(self, cover: Cover) -> None:
        spacer = self._new_paragraph("Normal")
        spacer.paragraph_format.space_before = Cm(3.2)
        banner = self._new_table(1, (1.0,))
        cell = banner.rows[0].cells[0]
        self._cell_fill(cell, NAVY)
        cell._tc.get_or_add_tcPr().append(parse_xml(
            f'<w:tcMar {nsdecls("w")}><w:top w:w="520" w:type="dxa"/>'
            '<w:left w:w="420" w:type="dxa"/><w:bottom w:w="520" w:type="dxa"/><w:right w:w="420" w:type="dxa"/>'
            '</w:tcMar>'))
        self._fill_cell(cell, cover.kicker, "Cover Kicker")
        self._write("Cover Title", cover.title, cell)
        if cover.subtitle:
            self._write("Cover Subtitle", cover.subtitle, cell)
        gap = self._new_paragraph("Normal")
        gap.paragraph_format.space_after = Cm(1.2)
        if cover.logos:
            self._logos(cover.logos)
        self._facts(Facts(cover.facts))
        notice = self._new_paragraph("Note")
        notice.paragraph_format.space_before = Cm(5)
        notice.paragraph_format.keep_with_next = False  # the page break follows: stay on the cover
        self._run(notice, cover.notice)
        self.page_break_pending = True

    def _heading(self, block: Heading) -> DocxParagraph:
        return self._write(f"Heading {min(max(block.level, 1), 6)}", block.text)

    def _paragraph(self, block: Paragraph) -> None:
        style = {"body": "Normal", "lead": "Lead", "note": "Note"}[block.kind]
        paragraph = self._new_paragraph(style)
        if block.label:
            self._run(paragraph, block.label + colon(self.model.language), bold=True, colour=NAVY)
        self._run(paragraph, block.text)

    def _bullets(self, block: BulletList) -> None:
        for item in block.items:
            self._write("List Bullet", item)

    def _callout(self, block: Callout) -> None:
        paragraph = self._new_paragraph("Callout")
        self._run(paragraph, block.label + colon(self.model.language), bold=True)
        self._run(paragraph, block.hint)

    def _page_break(self, _: PageBreak) -> None:
        self.page_break_pending = True

    def _logos(self, logos: tuple[bytes, ...]) -> None:
        """The organisers' and partners' logos in one row, each 2 cm high (as wide as its proportions say)."""
        from PIL import Image

        paragraph = self._new_paragraph("Figure")
        paragraph.paragraph_format.space_after = Cm(0.8)
        height = 2.0
        room = TEXT_WIDTH
        for logo in logos:
            with Image.open(io.BytesIO(logo)) as image:
                aspect = image.width / max(image.height, 1)
            width = min(height * aspect, 6.0, room)
            if width <= 0.5:
                break  # the row is full: a logo squeezed to a sliver is worse than none
            paragraph.add_run().add_picture(io.BytesIO(logo), width=Cm(width), height=Cm(width / aspect))
            paragraph.add_run("   ")
            room -= width + 0.6

    def _picture(self, block: Picture) -> None:
        paragraph = self._new_paragraph("Figure")
        width = min(TEXT_WIDTH, block.width)
        shape = paragraph.add_run().add_picture(io.BytesIO(block.png), width=Cm(width), height=Cm(width * block.aspect))
        if block.description:  # the alternative text screen readers and Word's accessibility checker read
            shape._inline.docPr.set("descr", clean_text(block.description))

    def _figure(self, block: Figure) -> None:
        picture = chart_png(block.chart, self.rtl, self.model.language)
        if picture is None:  # no font or no Arabic shaping here: the table beside it carries the numbers
            return
        png, aspect = picture
        paragraph = self._new_paragraph("Figure")
        run = paragraph.add_run()
        width = min(TEXT_WIDTH, 15.0)
        run.add_picture(io.BytesIO(png), width=Cm(width), height=Cm(width * aspect))
