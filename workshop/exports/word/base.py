"""What every part of the Word renderer shares: the model being printed, its direction and font, and writing
paragraphs and runs (right to left: ``<w:bidi/>`` on paragraphs, ``<w:rtl/>`` and ``ar-MA`` on runs)."""
from __future__ import annotations

from typing import Any

from docx import Document
from docx.document import Document as DocxDocument
from docx.text.paragraph import Paragraph as DocxParagraph

from ..documents import DocumentModel
from ..typography import bidi_safe, clean_text
from .style import ARABIC_FONT, LATIN_FONT, RUN_LANGUAGES, TEXT_WIDTH, element

_PPR_AFTER_PAGE_BREAK = ("w:framePr", "w:widowControl", "w:numPr", "w:suppressLineNumbers", "w:pBdr", "w:shd",
                         "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap", "w:overflowPunct",
                         "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd",
                         "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents",
                         "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment", "w:textboxTightWrap",
                         "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange")


class WriterBase:
    def __init__(self, model: DocumentModel) -> None:
        self.model = model
        self.rtl = model.direction == "rtl"
        self.font = ARABIC_FONT if self.rtl else LATIN_FONT
        self.document: DocxDocument = Document()
        self.styles: dict[str, Any] = {}
        self.page_break_pending = False
        self.text_width = TEXT_WIDTH  # cm across the current section (wider in a landscape one)

    def _bidi(self, paragraph: DocxParagraph) -> None:
        if self.rtl:
            paragraph._p.get_or_add_pPr().insert_element_before(
                element("w:bidi"), "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing",
                "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment",
                "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange")

    def _run_properties(self, bold: bool = False, italic: bool = False, colour: str = "") -> Any:
        properties = element("w:rPr")
        if bold:
            properties.extend((element("w:b"), element("w:bCs")))
        if italic:
            properties.extend((element("w:i"), element("w:iCs")))
        if colour:
            properties.append(element("w:color", val=colour))
        if self.rtl:
            properties.append(element("w:rtl"))
            properties.append(element("w:lang", val=RUN_LANGUAGES["ar"], bidi="ar-MA"))
        return properties

    def _run(self, paragraph: DocxParagraph, text: str, *, bold: bool = False, italic: bool = False,
             colour: str = "") -> None:
        run = paragraph.add_run()
        run._r.insert(0, self._run_properties(bold, italic, colour))
        text = clean_text(text)
        run.text = bidi_safe(text) if self.rtl else text  # python-docx turns \n into <w:br/>, \t into <w:tab/>

    def _set_style(self, paragraph: DocxParagraph, style: str) -> None:
        """The style by id: python-docx's ``paragraph.style =`` scans every style of the template each time."""
        if style != "Normal":
            paragraph._p.get_or_add_pPr().style = self.styles[style].style_id

    def _new_paragraph(self, style: str, container: Any = None) -> DocxParagraph:
        paragraph = (container or self.document).add_paragraph()
        self._set_style(paragraph, style)
        if self.page_break_pending and container is None:
            paragraph._p.get_or_add_pPr().insert_element_before(
                element("w:pageBreakBefore"), *_PPR_AFTER_PAGE_BREAK)
            self.page_break_pending = False
        self._bidi(paragraph)
        return paragraph

    def _write(self, style: str, text: str, container: Any = None, **run: Any) -> DocxParagraph:
        paragraph = self._new_paragraph(style, container)
        self._run(paragraph, text, **run)
        return paragraph
